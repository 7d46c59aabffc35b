package redline

import (
	"strings"
)

// A section is a heading paragraph and the blocks up to the next heading of
// the same or a higher level; blocks before the first heading form a section
// with an empty key.
type section struct {
	key    string
	blocks []*node
}

// split cuts blocks into sections at top-level headings (Heading1, Title).
func split(blocks []*node) []section {
	out := []section{{}}
	for _, b := range blocks {
		if b.name == "w:p" && isHeading(b) {
			out = append(out, section{key: style(b) + "\x00" + text(b)})
		}
		last := &out[len(out)-1]
		last.blocks = append(last.blocks, b)
	}
	return out
}

func isHeading(p *node) bool {
	s := style(p)
	return s == "Heading1" || s == "Title"
}

// style is a paragraph's style id.
func style(p *node) string {
	if pPr := p.child("w:pPr"); pPr != nil {
		if s := pPr.child("w:pStyle"); s != nil {
			return s.attr("w:val")
		}
	}
	return ""
}

// sections aligns two bodies section by section: sections with the same
// heading are compared with each other, so a paragraph never matches its
// twin in another section. Runs of sections between matched headings (a
// renamed, added or removed section) are compared as one stretch of blocks.
func (r *reviser) sections(oldBlocks, newBlocks []*node) []*node {
	os, ns := split(oldBlocks), split(newBlocks)
	ok := make([]string, len(os))
	nk := make([]string, len(ns))
	for i, s := range os {
		ok[i] = s.key
	}
	for j, s := range ns {
		nk[j] = s.key
	}
	var out []*node
	i, j := 0, 0
	flush := func(i2, j2 int) {
		var ob, nb []*node
		for ; i < i2; i++ {
			ob = append(ob, os[i].blocks...)
		}
		for ; j < j2; j++ {
			nb = append(nb, ns[j].blocks...)
		}
		if len(ob)+len(nb) > 0 {
			out = append(out, r.blocks(ob, nb)...)
		}
	}
	for _, m := range lcs(intern(ok, nk)) {
		flush(m[0], m[1])
		out = append(out, r.blocks(os[i].blocks, ns[j].blocks)...)
		i, j = i+1, j+1
	}
	flush(len(os), len(ns))
	return out
}

// blocks compares two runs of block-level elements (paragraphs, tables and
// the rest) and returns the new run with the changes marked.
func (r *reviser) blocks(oldBlocks, newBlocks []*node) []*node {
	ok := make([]string, len(oldBlocks))
	nk := make([]string, len(newBlocks))
	for i, b := range oldBlocks {
		ok[i] = b.xml()
	}
	for j, b := range newBlocks {
		nk[j] = b.xml()
	}
	var out []*node
	i, j := 0, 0
	for _, m := range append(lcs(intern(ok, nk)), [2]int{len(oldBlocks), len(newBlocks)}) {
		out = append(out, r.gap(oldBlocks[i:m[0]], newBlocks[j:m[1]])...)
		if m[0] < len(oldBlocks) {
			out = append(out, newBlocks[m[1]]) // unchanged: the new one as it is
		}
		i, j = m[0]+1, m[1]+1
	}
	return out
}

// gap marks the blocks between two unchanged ones: pairs of similar
// paragraphs (or tables) are compared within, the others are deleted or
// inserted whole.
func (r *reviser) gap(oldBlocks, newBlocks []*node) []*node {
	if len(oldBlocks)+len(newBlocks) == 0 {
		return nil
	}
	pairs := pair(oldBlocks, newBlocks, func(o, n *node) float64 {
		if o.name != n.name {
			return 0
		}
		switch o.name {
		case "w:p":
			if pPrKey(o) != pPrKey(n) {
				return 0
			}
			s := similarity(words(text(o)), words(text(n)))
			if len(oldBlocks) == 1 && len(newBlocks) == 1 {
				s += 0.5 // the one paragraph where the other was: an edit of it
			}
			return s
		case "w:tbl":
			return tableSimilarity(o, n)
		}
		return 0
	})
	var out []*node
	i, j := 0, 0
	for _, p := range append(pairs, [2]int{len(oldBlocks), len(newBlocks)}) {
		for ; i < p[0]; i++ {
			out = append(out, r.deleteBlock(oldBlocks[i])...)
		}
		for ; j < p[1]; j++ {
			out = append(out, r.insertBlock(newBlocks[j]))
		}
		if p[0] == len(oldBlocks) {
			break
		}
		o, n := oldBlocks[p[0]], newBlocks[p[1]]
		switch n.name {
		case "w:p":
			out = append(out, r.paragraph(o, n))
		case "w:tbl":
			out = append(out, r.table(o, n))
		}
		i, j = p[0]+1, p[1]+1
	}
	return out
}

// pair chooses which old and new blocks of a gap correspond, in order,
// maximising the total similarity; pairs below a threshold are not made.
func pair(old, new []*node, sim func(o, n *node) float64) [][2]int {
	const threshold = 0.5
	if len(old) == 0 || len(new) == 0 {
		return nil
	}
	n, m := len(old), len(new)
	score := make([][]float64, n+1)
	for i := range score {
		score[i] = make([]float64, m+1)
	}
	sims := make([][]float64, n)
	for i := range n {
		sims[i] = make([]float64, m)
		for j := range m {
			sims[i][j] = sim(old[i], new[j])
		}
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := max(score[i+1][j], score[i][j+1])
			if s := sims[i][j]; s >= threshold {
				best = max(best, score[i+1][j+1]+s)
			}
			score[i][j] = best
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case sims[i][j] >= threshold && score[i][j] == score[i+1][j+1]+sims[i][j]:
			out = append(out, [2]int{i, j})
			i, j = i+1, j+1
		case score[i][j] == score[i+1][j]:
			i++
		default:
			j++
		}
	}
	return out
}

// pPrKey is a paragraph's properties without revision marks, to tell
// whether two paragraphs can be compared word by word.
func pPrKey(p *node) string {
	pPr := p.child("w:pPr")
	if pPr == nil {
		return ""
	}
	var b strings.Builder
	for _, k := range pPr.kids {
		if k.name != "w:rPr" && k.name != "w:pPrChange" {
			b.WriteString(k.xml())
		}
	}
	return b.String()
}

// text is the visible text of an element: tabs as tabs, breaks as new lines.
func text(n *node) string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		switch n.name {
		case "w:t", "w:delText":
			for _, k := range n.kids {
				b.WriteString(k.text)
			}
			return
		case "w:tab":
			b.WriteByte('\t')
		case "w:br", "w:cr":
			b.WriteByte('\n')
		case "w:instrText", "w:delInstrText", "w:pPr", "w:rPr":
			return
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

func words(s string) []string { return strings.Fields(s) }

// similarity is the Dice coefficient of two word lists.
func similarity(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// insertBlock marks a whole paragraph or table as inserted.
func (r *reviser) insertBlock(b *node) *node {
	switch b.name {
	case "w:p":
		r.sum.Paragraphs++
		return r.markParagraph(b, "w:ins")
	case "w:tbl":
		for _, row := range b.kids {
			if row.name == "w:tr" {
				r.markRow(row, "w:ins")
			}
		}
	}
	return b
}

// deleteBlock marks a whole paragraph or table of the old version as
// deleted; anything else of the old version (a section break) is dropped.
func (r *reviser) deleteBlock(b *node) []*node {
	switch b.name {
	case "w:p":
		r.sum.Paragraphs++
		return []*node{r.markParagraph(b.clone(), "w:del")}
	case "w:tbl":
		t := b.clone()
		for _, row := range t.kids {
			if row.name == "w:tr" {
				r.markRow(row, "w:del")
			}
		}
		return []*node{t}
	}
	return nil
}

// markParagraph marks a paragraph's runs and its mark as inserted or
// deleted.
func (r *reviser) markParagraph(p *node, kind string) *node {
	var kids []*node
	for _, k := range p.kids {
		if k.name == "w:pPr" {
			kids = append(kids, k)
			continue
		}
		kids = append(kids, r.markContent(k, kind)...)
	}
	p.kids = kids
	r.markParagraphMark(p, kind)
	return p
}

// markContent marks one child of a paragraph: a run is wrapped in a
// revision, a hyperlink or simple field has its runs wrapped, and anything
// else (a bookmark) is kept when inserted and dropped when deleted.
func (r *reviser) markContent(k *node, kind string) []*node {
	switch k.name {
	case "w:r":
		if kind == "w:del" {
			toDeleted(k)
		}
		return []*node{r.mark(kind, k)}
	case "w:hyperlink", "w:fldSimple", "w:smartTag", "w:customXml":
		var kids []*node
		for _, c := range k.kids {
			if c.name == "w:r" {
				kids = append(kids, r.markContent(c, kind)...)
			} else {
				kids = append(kids, c)
			}
		}
		k.kids = kids
		return []*node{k}
	case "w:ins", "w:del":
		return nil // revisions of an input: not expected from a template
	}
	if kind == "w:del" {
		return nil
	}
	return []*node{k}
}

// toDeleted turns a run's text into deleted text, as w:del requires.
func toDeleted(run *node) {
	for _, c := range run.kids {
		switch c.name {
		case "w:t":
			c.name = "w:delText"
		case "w:instrText":
			c.name = "w:delInstrText"
		}
	}
}

// markParagraphMark records the paragraph mark itself as inserted or
// deleted (w:pPr/w:rPr/w:ins|w:del), which is what makes a whole paragraph
// appear or disappear on accepting or rejecting.
func (r *reviser) markParagraphMark(p *node, kind string) {
	pPr := p.child("w:pPr")
	if pPr == nil {
		pPr = el("w:pPr", nil)
		p.kids = append([]*node{pPr}, p.kids...)
	}
	rPr := pPr.child("w:rPr")
	if rPr == nil {
		rPr = el("w:rPr", nil)
		// rPr comes after the paragraph's own properties, before sectPr
		// and pPrChange.
		at := len(pPr.kids)
		for i, k := range pPr.kids {
			if k.name == "w:sectPr" || k.name == "w:pPrChange" {
				at = i
				break
			}
		}
		pPr.kids = append(pPr.kids[:at], append([]*node{rPr}, pPr.kids[at:]...)...)
	}
	rPr.kids = append([]*node{r.mark(kind)}, rPr.kids...)
}
