package wordtemplate

import "strings"

// beside is what a block tag's paragraph holds besides the tag. A block tag
// that spans paragraphs must be alone in its paragraph as far as text goes,
// but Word puts other things there: a page or column break before a
// repeated section, a picture or text box anchored to it, a bookmark, the
// section's own properties when the paragraph ends a section, a trailing
// space. What happens to each is decided here and in keepBeside:
//
//   - whitespace, line breaks, tabs, proofing marks and
//     lastRenderedPageBreak (a note of where Word last broke the page) are
//     dropped with the tag;
//   - page and column breaks, pictures, shapes, text boxes and comment
//     anchors are kept: beside an opening tag (or {{else}}) they are
//     repeated at the start of each copy, beside a closing tag they are kept
//     once, after the last copy (also when the block shows nothing); a
//     comment anchor, which Word allows once, stays with the first copy only
//     (the repairer's repeatedAnchor drops the others);
//   - bookmarks are kept once, where the paragraph was;
//   - section properties are kept once, on a paragraph of their own, where
//     the paragraph was: the section ends there, as in the template.
type beside struct {
	text   string  // visible text other than whitespace, or what else is visible (a field…)
	other  string  // another tag in the paragraph
	pPr    *node   // the paragraph's properties
	sectPr *node   // the section properties the paragraph ends its section with
	keep   []*node // runs to keep, stripped to what is kept
	marks  []*node // bookmarks
}

func (b beside) alone() bool { return b.text == "" && b.other == "" }

// inspect reads paragraph pp around block tag tn.
func inspect(pp, tn *node) beside {
	var b beside
	var text strings.Builder
	var walk func(n *node)
	walk = func(n *node) {
		switch n.kind {
		case tagNode:
			if n != tn && b.other == "" {
				b.other = n.tag.raw
			}
			return
		case rawNode:
			return
		case blockNode:
			b.other = n.block.open.raw
			return
		}
		switch n.name {
		case "w:pPr":
			if n.parent == pp {
				b.pPr = n
				for _, c := range n.children {
					if c.isElem("w:sectPr") {
						b.sectPr = c
					}
				}
			}
			return
		case "w:bookmarkStart", "w:bookmarkEnd":
			b.marks = append(b.marks, n)
			return
		case "w:proofErr", "w:permStart", "w:permEnd", "w:commentRangeStart", "w:commentRangeEnd":
			return
		case "w:r":
			kept := &node{kind: elemNode, name: n.name, start: n.start}
			keep := false
			for _, c := range n.children {
				switch {
				case c.kind != elemNode:
				case c.name == "w:rPr":
					kept.appendChild(cloneNode(c))
				case c.name == "w:t":
					if s := strings.TrimSpace(textOf(c)); s != "" {
						text.WriteString(s)
					}
				case c.name == "w:br":
					if t, _ := c.attr("w:type"); t == "page" || t == "column" {
						kept.appendChild(cloneNode(c))
						keep = true
					}
				case c.name == "w:drawing" || c.name == "w:pict" || c.name == "w:object" || c.name == "mc:AlternateContent" || c.name == "w:commentReference":
					kept.appendChild(cloneNode(c))
					keep = true
				case c.name == "w:tab" || c.name == "w:cr" || c.name == "w:lastRenderedPageBreak" || c.name == "w:softHyphen":
				default:
					if visibleElem(c) || hasVisible(c) {
						text.WriteString(describe(c))
					}
				}
			}
			if keep {
				b.keep = append(b.keep, kept)
			}
			return
		case "w:fldSimple":
			text.WriteString(describe(n))
			return
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	for _, c := range pp.children {
		walk(c)
	}
	b.text = text.String()
	return b
}

// describe names visible content that is not text, for messages.
func describe(n *node) string {
	switch n.name {
	case "w:fldChar", "w:instrText", "w:fldSimple":
		return "(a field)"
	case "w:footnoteReference", "w:endnoteReference":
		return "(a note reference)"
	case "w:sym":
		return "(a symbol)"
	case "w:noBreakHyphen":
		return "-"
	}
	return "(" + n.name + ")"
}

// keepBeside puts back what the tag paragraphs of a paragraphs block held
// besides their tags (see beside): into the block node blk's content, or
// returned to go before and after it. next is the paragraph after the
// closing tag's, when it is one that stays.
func keepBeside(pb *paraBlock, blk, next *node) (before, after []*node) {
	open, close := pb.open, pb.close
	// The opening paragraph: section properties and bookmarks once before
	// the block, breaks and pictures at the start of each copy.
	before = append(before, open.marks...)
	if open.sectPr != nil {
		before = append(before, paragraphWith(pb.openP, open.pPr, nil, true))
	}
	if len(open.keep) > 0 {
		if first := firstParagraph(blk.children); first != nil {
			// Into the copy's first paragraph: a page break becomes "page
			// break before" (no empty paragraph left at the top of the
			// page), anything else leads its runs.
			runs := withoutPageBreaks(open.keep, func() { pageBreakBefore(first) })
			prependRuns(first, runs)
		} else {
			p := paragraphWith(pb.openP, open.pPr, open.keep, false)
			blk.setChildren(append([]*node{p}, blk.children...))
		}
	}
	for i, e := range pb.elses {
		var add []*node
		add = append(add, e.marks...)
		if len(e.keep) > 0 || e.sectPr != nil {
			add = append(add, paragraphWith(pb.elseP[i], e.pPr, e.keep, true))
		}
		for _, n := range add {
			n.parent = blk
		}
		pb.b.elseNodes = append(add, pb.b.elseNodes...)
	}
	// The closing paragraph: everything kept once, after the block.
	after = append(after, close.marks...)
	keep := close.keep
	if next != nil && close.sectPr == nil {
		// A page break after the last copy is "page break before" on the
		// paragraph that follows the block.
		keep = withoutPageBreaks(keep, func() { pageBreakBefore(next) })
	}
	if len(keep) > 0 || close.sectPr != nil {
		after = append(after, paragraphWith(pb.closeP, close.pPr, keep, true))
	}
	return before, after
}

// firstParagraph returns the first of nodes if it is a paragraph without
// block tags (a paragraph that stays), or nil.
func firstParagraph(nodes []*node) *node {
	for _, n := range nodes {
		if n.kind == rawNode {
			continue
		}
		if n.isElem("w:p") && !hasBlockTag(n) {
			return n
		}
		return nil
	}
	return nil
}

// hasBlockTag reports whether n holds a block tag (its paragraph may vanish).
func hasBlockTag(n *node) bool {
	if n.kind == tagNode && n.tag.kind != tagValue || n.kind == blockNode {
		return true
	}
	for _, c := range n.children {
		if hasBlockTag(c) {
			return true
		}
	}
	return false
}

// withoutPageBreaks returns runs without their page breaks, calling found
// when there was one.
func withoutPageBreaks(runs []*node, found func()) []*node {
	var out []*node
	seen := false
	for _, r := range runs {
		var keep []*node
		content := false
		for _, c := range r.children {
			if t, _ := c.attr("w:type"); c.isElem("w:br") && t == "page" {
				seen = true
				continue
			}
			if !c.isElem("w:rPr") {
				content = true
			}
			keep = append(keep, c)
		}
		if content {
			nr := &node{kind: elemNode, name: r.name, start: r.start}
			nr.setChildren(keep)
			out = append(out, nr)
		}
	}
	if seen {
		found()
	}
	return out
}

// pageBreakBefore gives paragraph p "page break before", in the place the
// schema orders it: after the style and the keep-with options.
func pageBreakBefore(p *node) {
	br := &node{kind: elemNode, name: "w:pageBreakBefore", start: "<w:pageBreakBefore/>", selfClose: true}
	var pPr *node
	for _, c := range p.children {
		if c.isElem("w:pPr") {
			pPr = c
		}
	}
	if pPr == nil {
		pPr = &node{kind: elemNode, name: "w:pPr", start: "<w:pPr>"}
		p.setChildren(append([]*node{pPr}, p.children...))
	}
	if pPr.selfClose {
		pPr.selfClose, pPr.start = false, "<w:pPr>"
	}
	at := 0
	for i, c := range pPr.children {
		if c.isElem("w:pageBreakBefore") {
			return
		}
		if c.isElem("w:pStyle") || c.isElem("w:keepNext") || c.isElem("w:keepLines") {
			at = i + 1
		}
	}
	cs := append([]*node(nil), pPr.children[:at]...)
	cs = append(cs, br)
	pPr.setChildren(append(cs, pPr.children[at:]...))
}

// prependRuns puts runs (copies) at the start of paragraph p's content.
func prependRuns(p *node, runs []*node) {
	if len(runs) == 0 {
		return
	}
	at := 0
	for i, c := range p.children {
		if c.isElem("w:pPr") {
			at = i + 1
		}
	}
	var cs []*node
	cs = append(cs, p.children[:at]...)
	for _, r := range runs {
		cs = append(cs, cloneNode(r))
	}
	p.setChildren(append(cs, p.children[at:]...))
}

// paragraphWith makes a paragraph like p (its start tag and properties)
// holding runs; withSect says whether it keeps the section properties.
func paragraphWith(p, pPr *node, runs []*node, withSect bool) *node {
	np := &node{kind: elemNode, name: "w:p", start: p.start, para: p.para}
	if strings.HasSuffix(np.start, "/>") {
		np.start = strings.TrimSuffix(strings.TrimSuffix(np.start, "/>"), " ") + ">"
	}
	if pPr != nil {
		c := cloneNode(pPr)
		if !withSect {
			var keep []*node
			for _, ch := range c.children {
				if !ch.isElem("w:sectPr") {
					keep = append(keep, ch)
				}
			}
			c.setChildren(keep)
		}
		np.appendChild(c)
	}
	for _, r := range runs {
		np.appendChild(cloneNode(r))
	}
	return np
}

// sectionOf returns the section properties a paragraph ends its section
// with, or nil.
func sectionOf(p *node) *node {
	if !p.isElem("w:p") {
		return nil
	}
	for _, c := range p.children {
		if c.isElem("w:pPr") {
			for _, cc := range c.children {
				if cc.isElem("w:sectPr") {
					return cc
				}
			}
		}
	}
	return nil
}

// keptSection decides what a paragraphs block that shows nothing leaves of
// the sections inside it. The last section break inside the block ends the
// section that the content before the block belongs to, so it is kept, as
// an empty paragraph; unless the block starts a section itself (nothing
// before it, prev, or a section break just before it): then the sections
// inside went with their content.
func keptSection(blkNode, prev, container *node) string {
	if prev == nil || sectionOf(prev) != nil || container.name != "w:body" {
		return ""
	}
	var found *node
	var walk func(n *node)
	walk = func(n *node) {
		if sect := sectionOf(n); sect != nil {
			found = sect
			return
		}
		if n.kind == elemNode && n.name != "#root" && n.name != "w:sdt" && n.name != "w:sdtContent" && n.name != "w:customXml" {
			return // sections end only in body-level paragraphs
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	for _, c := range blkNode.children {
		walk(c)
	}
	if found == nil {
		return ""
	}
	return "<w:p><w:pPr>" + serialize(&node{kind: elemNode, name: "#root", children: []*node{found}}) + "</w:pPr></w:p>"
}
