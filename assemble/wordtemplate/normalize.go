package wordtemplate

import (
	"sort"
	"strings"
)

// paragraph is a w:p with the w:t nodes whose text it shows.
type paragraph struct {
	node  *node
	texts []*node
}

// visible returns the paragraph's text and where each w:t starts in it.
func (pg *paragraph) visible() (string, []int) {
	var b strings.Builder
	starts := make([]int, len(pg.texts))
	for i, t := range pg.texts {
		starts[i] = b.Len()
		b.WriteString(textOf(t))
	}
	return b.String(), starts
}

// paragraphs lists the part's paragraphs in document order, numbered from 1,
// each with the w:t nodes of its own runs (not those of a nested text box).
func paragraphs(root *node) []*paragraph {
	var out []*paragraph
	byNode := map[*node]*paragraph{}
	var walk func(n *node, cur *paragraph)
	walk = func(n *node, cur *paragraph) {
		if n.kind != elemNode {
			return
		}
		switch n.name {
		case "w:p":
			cur = &paragraph{node: n}
			out = append(out, cur)
			n.para = len(out)
			byNode[n] = cur
		case "w:t":
			if cur != nil && n.parent != nil && n.parent.isElem("w:r") {
				cur.texts = append(cur.texts, n)
			}
			return
		}
		for _, c := range n.children {
			walk(c, cur)
		}
	}
	walk(root, nil)
	return out
}

// normalize finds the tags of every paragraph and rewrites the runs so that
// each tag stands alone in a run of its own, however Word split its text:
// the tag's characters move into the w:t where it starts, and that run is
// split around it. The tag keeps the formatting of the run where it starts;
// other text keeps its runs.
func (p *part) normalize() Errors {
	var errs Errors
	for _, pg := range paragraphs(p.root) {
		text, starts := pg.visible()
		if !strings.Contains(text, "{{") && !strings.Contains(text, "}}") {
			continue
		}
		loc := location{part: p.label, para: pg.node.para, text: text}
		items := lex(text)
		var tagItems []item
		var tags []*tag
		for _, it := range items {
			switch it.kind {
			case itemError:
				errs = append(errs, &Error{ID: it.errID, Paragraph: loc.para, Text: text, Tag: text[it.start:it.end], Message: it.val})
			case itemTag:
				tg, err := parseTag(it.val)
				if err != nil {
					err.Paragraph, err.Text = loc.para, text
					errs = append(errs, err)
					continue
				}
				tg.loc = loc
				tagItems = append(tagItems, it)
				tags = append(tags, tg)
			}
		}
		// Join each tag into the w:t where it starts, as a marker: one pass
		// over the paragraph's text, each w:t's new text built once.
		tagOf := map[*node][]*tag{}
		outs := make([]strings.Builder, len(pg.texts))
		copyRange := func(from, to int) {
			for from < to {
				m := textIndex(starts, from)
				end := to
				if m+1 < len(starts) && starts[m+1] < end {
					end = starts[m+1]
				}
				outs[m].WriteString(text[from:end])
				from = end
			}
		}
		pos := 0
		for k, it := range tagItems {
			copyRange(pos, it.start)
			si := textIndex(starts, it.start)
			outs[si].WriteString(marker(k))
			tagOf[pg.texts[si]] = append(tagOf[pg.texts[si]], tags[k])
			pos = it.end
		}
		copyRange(pos, len(text))
		for m, t := range pg.texts {
			if s := outs[m].String(); s != textOf(t) {
				setText(t, s)
			}
		}
		// Runs emptied by joining a tag go; split every run that holds a
		// tag. Each parent's children are rebuilt once, however many runs
		// change, so a paragraph of many tags costs no more than its size.
		repl := map[*node][]*node{}
		var parents []*node
		note := func(run *node, with []*node) {
			if _, ok := repl[run]; ok || run.parent == nil {
				return
			}
			repl[run] = with
			parents = append(parents, run.parent)
		}
		for _, t := range pg.texts {
			if len(tagOf[t]) == 0 && textOf(t) == "" && t.parent != nil && onlyEmptyText(t.parent) && t.parent.parent != nil {
				note(t.parent, nil)
			}
		}
		for _, t := range pg.texts {
			if len(tagOf[t]) > 0 {
				if _, done := repl[t.parent]; !done {
					note(t.parent, splitRun(t.parent, tags))
				}
			}
		}
		rebuilt := map[*node]bool{}
		for _, parent := range parents {
			if rebuilt[parent] {
				continue
			}
			rebuilt[parent] = true
			out := make([]*node, 0, len(parent.children))
			for _, c := range parent.children {
				if with, ok := repl[c]; ok {
					out = append(out, with...)
				} else {
					out = append(out, c)
				}
			}
			parent.setChildren(out)
		}
		p.tags = append(p.tags, tags...)
	}
	return errs
}

// onlyEmptyText reports whether a run shows nothing: its children are run
// properties and empty w:t only.
func onlyEmptyText(run *node) bool {
	for _, c := range run.children {
		switch {
		case c.isElem("w:rPr"):
		case c.isElem("w:t") && textOf(c) == "":
		case c.kind == rawNode && strings.TrimSpace(c.raw) == "":
		default:
			return false
		}
	}
	return true
}

// Tags are held in the text as private-use markers while runs are split, so
// a tag's own characters never meet the splitting code.
const markerBase = 0xF0000

func marker(i int) string { return string(rune(markerBase + i)) }

func markerIndex(r rune) (int, bool) {
	if r >= markerBase && r < markerBase+0xFFFF {
		return int(r - markerBase), true
	}
	return 0, false
}

// textIndex returns which w:t holds byte offset off: the last that starts
// at or before it (empty w:t share their start with the next).
func textIndex(starts []int, off int) int {
	return max(sort.Search(len(starts), func(i int) bool { return starts[i] > off })-1, 0)
}

// splitRun returns what replaces a run: runs for the text before, between
// and after its tags, and a tag node for each tag, all with the run's
// properties.
func splitRun(run *node, tags []*tag) []*node {
	var rPr *node
	var content []*node
	for _, c := range run.children {
		if c.isElem("w:rPr") && rPr == nil {
			rPr = c
			continue
		}
		content = append(content, c)
	}
	rPrXML := ""
	if rPr != nil {
		rPrXML = serialize(&node{kind: elemNode, name: "#root", children: []*node{rPr}})
	}
	var out, cur []*node
	flush := func() {
		if len(cur) == 0 {
			return
		}
		nr := &node{kind: elemNode, name: run.name, start: run.start}
		if rPr != nil {
			nr.appendChild(cloneNode(rPr))
		}
		for _, c := range cur {
			nr.appendChild(c)
		}
		out = append(out, nr)
		cur = nil
	}
	for _, c := range content {
		if !c.isElem("w:t") {
			cur = append(cur, c)
			continue
		}
		text := textOf(c)
		var seg strings.Builder
		emitText := func() {
			if seg.Len() > 0 {
				t := &node{kind: elemNode, name: "w:t", start: `<w:t xml:space="preserve">`}
				setText(t, seg.String())
				cur = append(cur, t)
				seg.Reset()
			}
		}
		for _, r := range text {
			if k, ok := markerIndex(r); ok && k < len(tags) {
				emitText()
				flush()
				tg := tags[k]
				tg.rPr = rPrXML
				out = append(out, &node{kind: tagNode, tag: tg})
				continue
			}
			seg.WriteRune(r)
		}
		emitText()
	}
	flush()
	return out
}

// cloneNode deep-copies an element subtree.
func cloneNode(n *node) *node {
	c := *n
	c.parent = nil
	c.children = nil
	for _, ch := range n.children {
		c.appendChild(cloneNode(ch))
	}
	return &c
}

// plainTags handles a part with text tags only (document properties):
// values are allowed, blocks are not.
func (p *part) plainTags() Errors {
	var errs Errors
	var walk func(n *node)
	walk = func(n *node) {
		var out []*node
		changed := false
		for _, c := range n.children {
			if c.kind == elemNode {
				walk(c)
			}
			if c.kind != rawNode || strings.HasPrefix(c.raw, "<") || !strings.Contains(c.raw, "{{") {
				out = append(out, c)
				continue
			}
			changed = true
			text := unescape(c.raw)
			for _, it := range lex(text) {
				switch it.kind {
				case itemText:
					out = append(out, &node{kind: rawNode, raw: escapeText(it.val)})
				case itemError:
					errs = append(errs, &Error{ID: it.errID, Text: text, Message: it.val})
				case itemTag:
					tg, err := parseTag(it.val)
					if err != nil {
						err.Text = text
						errs = append(errs, err)
						continue
					}
					if tg.kind != tagValue {
						errs = append(errs, &Error{ID: ErrBadTag, Text: text, Tag: tg.raw, Message: "blocks cannot be used in document properties", Hint: "use value tags only, e.g. {{partnership.name}}"})
						continue
					}
					tg.loc = location{part: p.label, text: text}
					p.tags = append(p.tags, tg)
					out = append(out, &node{kind: tagNode, tag: tg})
				}
			}
		}
		if changed {
			n.setChildren(out)
		}
	}
	walk(p.root)
	return errs
}
