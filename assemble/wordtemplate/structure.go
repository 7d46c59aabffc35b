package wordtemplate

import (
	"fmt"
	"slices"
	"strings"
)

// block is an {{#each}}, {{#if}} or {{#unless}} with the nodes it governs:
// the block node's children are the main branch, elseNodes the {{else}}
// branch.
type block struct {
	open      *tag
	elseNodes []*node
	restart   []string // list numbering (numIds) to restart in each copy
	scope     string   // inline, paragraphs, row, rows: for tests and lint
	keepSect  string   // written when the main branch shows nothing (see keptSection)
}

// pair is a matched block before its scope is decided.
type pair struct {
	open, close *node
	elses       []*node
}

// structure matches block tags and replaces each block's range of the tree
// with a block node. Which range is decided by the XML between the tags:
//
//   - open and close in one paragraph: the inline content between them;
//   - in different cells of one table row: that row;
//   - in different rows of one table: those rows;
//   - otherwise, each alone in its own paragraph with the same parent (the
//     body, a cell, a text box): the paragraphs between them, and the tag
//     paragraphs vanish.
//
// A block whose range would cut an element in half is an error.
func (p *part) structure() Errors {
	var tagNodes []*node
	var collect func(n *node)
	collect = func(n *node) {
		if n.kind == tagNode {
			tagNodes = append(tagNodes, n)
		}
		for _, c := range n.children {
			collect(c)
		}
	}
	collect(p.root)

	var errs Errors
	var stack []*pair
	var pairs []*pair
	for _, tn := range tagNodes {
		tg := tn.tag
		switch tg.kind {
		case tagOpen:
			if len(stack) >= maxBlockDepth {
				errs = append(errs, tagError(tg, ErrBlockDepth, fmt.Sprintf("%s opens a block inside %d others, more than the %d a template may nest", tg.raw, len(stack), maxBlockDepth), "close some of the blocks around it first"))
				return errs
			}
			pr := &pair{open: tn}
			stack = append(stack, pr)
			pairs = append(pairs, pr)
		case tagElse:
			if len(stack) == 0 {
				errs = append(errs, tagError(tg, ErrMisplacedElse, "{{else}} is not inside a block", "use it between {{#each …}} or {{#if …}} and its end"))
				continue
			}
			top := stack[len(stack)-1]
			if len(top.elses) > 0 {
				errs = append(errs, tagError(tg, ErrMisplacedElse, fmt.Sprintf("a second {{else}} in %s (opened in paragraph %d)", top.open.tag.raw, top.open.tag.loc.para), "a block has at most one {{else}}"))
				continue
			}
			top.elses = append(top.elses, tn)
		case tagClose:
			if len(stack) == 0 {
				errs = append(errs, tagError(tg, ErrUnopenedBlock, tg.raw+" closes a block that was never opened", fmt.Sprintf("add {{#%s …}} before it, or delete it", tg.block)))
				continue
			}
			top := stack[len(stack)-1]
			if top.open.tag.block != tg.block {
				errs = append(errs, tagError(tg, ErrMismatchedBlock,
					fmt.Sprintf("%s closes %s, opened in paragraph %d", tg.raw, top.open.tag.raw, top.open.tag.loc.para),
					fmt.Sprintf("write {{/%s}} here, or close the inner block first", top.open.tag.block)))
				stack = stack[:len(stack)-1]
				continue
			}
			top.close = tn
			stack = stack[:len(stack)-1]
		}
	}
	for _, pr := range stack {
		tg := pr.open.tag
		errs = append(errs, tagError(tg, ErrUnclosedBlock, tg.raw+" is never closed", fmt.Sprintf("add {{/%s}} where the block ends", tg.block)))
	}
	if len(errs) > 0 {
		return errs
	}
	// Outer blocks first: an inner block's range is then found inside the
	// block node that now holds it.
	var paras []*paraBlock
	for _, pr := range pairs {
		pb, e := p.scope(pr)
		if e != nil {
			errs = append(errs, e)
		} else if pb != nil {
			paras = append(paras, pb)
		}
	}
	if len(errs) == 0 {
		wrapParagraphs(paras)
	}
	if len(errs) == 0 {
		p.planRestarts()
	}
	return errs
}

func tagError(tg *tag, id, msg, hint string) *Error {
	return &Error{ID: id, Paragraph: tg.loc.para, Text: tg.loc.text, Tag: tg.raw, Message: msg, Hint: hint}
}

// maxBlockDepth bounds how deeply blocks nest: real templates nest three
// or four; the bound keeps rendering's recursion shallow.
const maxBlockDepth = 100

// paraBlock is a block over paragraphs side by side, applied after every
// block's scope is decided (see wrapParagraphs).
type paraBlock struct {
	b             *block
	openP, closeP *node
	elseP         []*node
	open, close   beside
	elses         []beside
}

// scope decides a block's range. Inline and table blocks are replaced by a
// block node at once; a block over paragraphs is returned, to be applied
// with the others of its container in one pass.
func (p *part) scope(pr *pair) (*paraBlock, *Error) {
	o, c := pr.open, pr.close
	pO, pC := o.ancestor("w:p"), c.ancestor("w:p")
	b := &block{open: o.tag}
	cut := func(what string) *Error {
		return tagError(o.tag, ErrBlockCuts,
			fmt.Sprintf("%s and its %s would cut %s in half", o.tag.raw, c.tag.raw, what),
			"put both tags in the same paragraph, the same table row, rows of the same table, or on paragraphs of their own side by side")
	}
	if pO == nil || pC == nil {
		return nil, cut("the document")
	}
	// Inline: both tags in one paragraph, as siblings.
	if pO == pC {
		if o.parent != c.parent {
			return nil, cut("a hyperlink or other element")
		}
		for _, e := range pr.elses {
			if e.parent != o.parent {
				return nil, tagError(e.tag, ErrMisplacedElse, "{{else}} must stand at the same level as "+o.tag.raw, "")
			}
		}
		b.scope = "inline"
		wrap(o.parent, o, c, pr.elses, b, false)
		return nil, nil
	}
	rowO, rowC := pO.ancestor("w:tr"), pC.ancestor("w:tr")
	switch {
	case rowO != nil && rowO == rowC && (pO.parent != pC.parent || !inspect(pO, o).alone() || !inspect(pC, c).alone()):
		// Different cells of one row, or the first and last paragraphs of
		// one cell with text beside the tags: the row repeats. (Tags alone
		// on paragraphs of one cell repeat those paragraphs instead.)
		if len(pr.elses) > 0 {
			return nil, tagError(pr.elses[0].tag, ErrMisplacedElse, "{{else}} cannot be used in a one-row table loop", "put the else rows between a {{#…}} row and a {{/…}} row")
		}
		removeTag(o)
		removeTag(c)
		b.scope = "row"
		blk := &node{kind: blockNode, block: b}
		rowO.parent.replace(rowO, blk)
		blk.appendChild(rowO)
		return nil, nil
	case rowO != nil && rowC != nil && rowO != rowC && rowO.parent == rowC.parent && pO.parent != pC.parent || rowO != nil && rowC != nil && rowO != rowC && rowO.parent == rowC.parent:
		// Rows of one table: those rows repeat; rows left empty by their tag vanish.
		var elseRows []*node
		for _, e := range pr.elses {
			er := e.ancestor("w:tr")
			if er == nil || er.parent != rowO.parent || er == rowO || er == rowC {
				return nil, tagError(e.tag, ErrMisplacedElse, "{{else}} in a table loop must be on a row of its own between the first and last row", "")
			}
			elseRows = append(elseRows, er)
		}
		removeTag(o)
		removeTag(c)
		container := rowO.parent
		i, j := container.index(rowO), container.index(rowC)
		if i < 0 || j < 0 || i > j {
			return nil, cut("the table")
		}
		rows := append([]*node(nil), container.children[i:j+1]...)
		var main, alt []*node
		inElse := false
		for _, r := range rows {
			if len(elseRows) > 0 && r == elseRows[0] {
				inElse = true
				continue
			}
			if (r == rowO || r == rowC) && !hasVisible(r) {
				continue // a marker row holding only the tag
			}
			if inElse {
				alt = append(alt, r)
			} else {
				main = append(main, r)
			}
		}
		b.scope = "rows"
		blk := &node{kind: blockNode, block: b}
		out := append([]*node(nil), container.children[:i]...)
		out = append(out, blk)
		out = append(out, container.children[j+1:]...)
		container.setChildren(out)
		blk.setChildren(main)
		for _, n := range alt {
			n.parent = blk
		}
		b.elseNodes = alt
		return nil, nil
	}
	// Paragraphs side by side.
	if pO.parent != pC.parent {
		if rowO != nil || rowC != nil {
			return nil, cut("a table")
		}
		return nil, cut("a text box or other element")
	}
	var found []beside
	for _, tn := range append([]*node{o, c}, pr.elses...) {
		pp := tn.ancestor("w:p")
		bs := inspect(pp, tn)
		if !bs.alone() {
			return nil, notAlone(tn.tag, bs)
		}
		if pp.parent != pO.parent {
			return nil, tagError(tn.tag, ErrMisplacedElse, "{{else}} must be a paragraph beside "+o.tag.raw, "")
		}
		found = append(found, bs)
	}
	var elseParas []*node
	for _, e := range pr.elses {
		elseParas = append(elseParas, e.ancestor("w:p"))
	}
	b.scope = "paragraphs"
	return &paraBlock{b: b, openP: pO, closeP: pC, elseP: elseParas, open: found[0], close: found[1], elses: found[2:]}, nil
}

// notAlone is the error for a block tag that shares its paragraph, naming
// what it shares it with.
func notAlone(tg *tag, bs beside) *Error {
	what := fmt.Sprintf("the text %q", abbreviate(bs.text, 40))
	if bs.text == "" {
		what = "the tag " + bs.other
	}
	return tagError(tg, ErrBlockNotAlone,
		fmt.Sprintf("%s shares its paragraph with %s, but its block spans several paragraphs", tg.raw, what),
		"put the tag on a paragraph of its own, or close the block in the same paragraph")
}

// wrapParagraphs applies the blocks over paragraphs: one pass over each
// container's children builds the block nodes, however many blocks there
// are and however deeply they nest, so the work stays linear in the
// template's size.
func wrapParagraphs(pbs []*paraBlock) {
	type role struct {
		pb   *paraBlock
		kind tagKind
	}
	roles := map[*node]role{}
	containers := map[*node]bool{}
	var order []*node
	for _, pb := range pbs {
		roles[pb.openP] = role{pb, tagOpen}
		roles[pb.closeP] = role{pb, tagClose}
		for _, e := range pb.elseP {
			roles[e] = role{pb, tagElse}
		}
		if c := pb.openP.parent; !containers[c] {
			containers[c] = true
			order = append(order, c)
		}
	}
	for _, container := range order {
		// The paragraph after each closing tag's, found before anything moves.
		next := map[*node]*node{}
		var waiting *node
		for _, n := range container.children {
			if n.kind == rawNode {
				continue
			}
			if waiting != nil && n.isElem("w:p") && !hasBlockTag(n) {
				next[waiting] = n
			}
			waiting = nil
			if r, ok := roles[n]; ok && r.kind == tagClose {
				waiting = n
			}
		}
		// Each frame collects the children of one open block.
		type frame struct {
			pb        *paraBlock
			blk       *node
			main, alt []*node
			inElse    bool
		}
		stack := []*frame{{}}
		add := func(ns ...*node) {
			f := stack[len(stack)-1]
			if f.inElse {
				f.alt = append(f.alt, ns...)
			} else {
				f.main = append(f.main, ns...)
			}
		}
		for _, n := range container.children {
			r, ok := roles[n]
			if !ok {
				add(n)
				continue
			}
			switch r.kind {
			case tagOpen:
				stack = append(stack, &frame{pb: r.pb, blk: &node{kind: blockNode, block: r.pb.b}})
			case tagElse:
				stack[len(stack)-1].inElse = true
			case tagClose:
				f := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				f.blk.setChildren(f.main)
				for _, a := range f.alt {
					a.parent = f.blk
				}
				f.pb.b.elseNodes = f.alt
				before, after := keepBeside(f.pb, f.blk, next[n])
				parent := stack[len(stack)-1]
				add(before...)
				prev := lastNonRaw(parent.main, parent.alt, parent.inElse)
				f.pb.b.keepSect = keptSection(f.blk, prev, container)
				add(f.blk)
				add(after...)
			}
		}
		container.setChildren(stack[0].main)
	}
}

func lastNonRaw(main, alt []*node, inElse bool) *node {
	ns := main
	if inElse {
		ns = alt
	}
	for i := len(ns) - 1; i >= 0; i-- {
		if ns[i].kind != rawNode {
			return ns[i]
		}
	}
	return nil
}

// wrap replaces first..last (inclusive) in parent with a block node holding
// what lies strictly between them, split at the else markers; the markers
// themselves are dropped.
func wrap(parent, first, last *node, elses []*node, b *block, _ bool) {
	// Blocks are wrapped outer first, so first and last may already sit in
	// an enclosing block's {{else}} branch rather than among its children.
	list, set := parent.children, parent.setChildren
	if parent.kind == blockNode && parent.index(first) < 0 {
		list, set = parent.block.elseNodes, func(cs []*node) {
			parent.block.elseNodes = cs
			for _, c := range cs {
				c.parent = parent
			}
		}
	}
	i, j := slices.Index(list, first), slices.Index(list, last)
	inner := list[i+1 : j]
	var main, alt []*node
	inElse := false
	for _, n := range inner {
		if len(elses) > 0 && n == elses[0] {
			inElse = true
			continue
		}
		if inElse {
			alt = append(alt, n)
		} else {
			main = append(main, n)
		}
	}
	blk := &node{kind: blockNode, block: b}
	out := append([]*node(nil), list[:i]...)
	out = append(out, blk)
	out = append(out, list[j+1:]...)
	set(out)
	blk.setChildren(main)
	for _, n := range alt {
		n.parent = blk
	}
	b.elseNodes = alt
}

// removeTag deletes a block tag from a table cell; a paragraph left with
// nothing visible goes too when its cell keeps another paragraph.
func removeTag(tn *node) {
	pp := tn.ancestor("w:p")
	tn.parent.remove(tn)
	if pp == nil || hasVisible(pp) {
		return
	}
	cell := pp.parent
	others := 0
	for _, c := range cell.children {
		if c != pp && (c.isElem("w:p") || c.isElem("w:tbl")) {
			others++
		}
	}
	if others > 0 {
		cell.remove(pp)
	}
}

// hasVisible reports whether n shows anything: text, a tab, a break, a
// drawing, a field, or a tag.
func hasVisible(n *node) bool {
	found := false
	var walk func(n *node)
	walk = func(n *node) {
		if found {
			return
		}
		if n.kind == tagNode || n.kind == blockNode {
			found = true
			return
		}
		if n.kind == elemNode && (n.name == "w:pPr" || n.name == "w:rPr" || n.name == "w:tcPr" || n.name == "w:trPr") {
			return
		}
		if n.kind == elemNode && visibleElem(n) {
			found = true
			return
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return found
}

func visibleElem(n *node) bool {
	switch n.name {
	case "w:t":
		return textOf(n) != ""
	case "w:tab", "w:br", "w:cr", "w:drawing", "w:pict", "w:object", "w:sym", "w:fldChar", "w:instrText", "w:fldSimple", "w:noBreakHyphen", "w:footnoteReference", "w:endnoteReference":
		return true
	}
	return false
}

// planRestarts decides, for each block, which numbered lists it holds whole:
// every paragraph of that list lies inside the block and it is more than a
// single repeated item. Each copy of such a block restarts the list at 1.
func (p *part) planRestarts() {
	total := map[string]int{}
	countNums(p.root, total, nil, false)
	var walk func(n *node)
	walk = func(n *node) {
		if n.kind == blockNode {
			inside := map[string]int{}
			nested := map[string]bool{}
			for _, c := range append(append([]*node(nil), n.children...), n.block.elseNodes...) {
				countNums(c, inside, nested, false)
			}
			for id, k := range inside {
				if k == total[id] && (k > 1 || nested[id]) {
					n.block.restart = append(n.block.restart, id)
				}
			}
			sortStrings(n.block.restart)
			for _, c := range n.block.elseNodes {
				walk(c)
			}
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(p.root)
}

// countNums counts numbered paragraphs per numId under n; nested records
// lists that appear inside a nested block.
func countNums(n *node, counts map[string]int, nested map[string]bool, inBlock bool) {
	if n.kind == blockNode {
		for _, c := range n.block.elseNodes {
			countNums(c, counts, nested, true)
		}
		inBlock = true
	}
	if n.isElem("w:numId") && n.parent != nil && n.parent.isElem("w:numPr") {
		if id, ok := n.attr("w:val"); ok && id != "0" {
			counts[id]++
			if inBlock && nested != nil {
				nested[id] = true
			}
		}
	}
	for _, c := range n.children {
		countNums(c, counts, nested, inBlock)
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && strings.Compare(s[j-1], s[j]) > 0; j-- {
			s[j-1], s[j] = s[j], s[j-1]
		}
	}
}
