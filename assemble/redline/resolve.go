package redline

import (
	"fmt"
)

// AcceptAll returns the document with every tracked change accepted, as a
// word processor's "Accept All Changes" leaves it.
func AcceptAll(docx []byte) ([]byte, error) { return resolveDocx(docx, true) }

// RejectAll returns the document with every tracked change rejected.
func RejectAll(docx []byte) ([]byte, error) { return resolveDocx(docx, false) }

func resolveDocx(docx []byte, accept bool) ([]byte, error) {
	parts, order, err := readParts(docx)
	if err != nil {
		return nil, err
	}
	for _, name := range order {
		if !revisable(name) {
			continue
		}
		root, err := parse(parts[name])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		resolve(root, accept)
		parts[name] = root.bytes()
	}
	return writeParts(parts, order)
}

// resolve accepts or rejects every revision under n:
//
//   - a w:ins is kept without its wrapper when accepting, dropped when
//     rejecting; a w:del the other way round, its w:delText becoming w:t;
//   - a row whose w:trPr holds the revision that goes is removed;
//   - a paragraph whose mark goes (w:pPr/w:rPr/w:ins when rejecting,
//     w:del when accepting) joins the paragraph after it, or disappears
//     when nothing of it is left;
//   - a property change (w:rPrChange, w:pPrChange) keeps the current
//     properties when accepting and restores the earlier ones when rejecting.
func resolve(n *node, accept bool) {
	gone, kept := "w:del", "w:ins"
	if !accept {
		gone, kept = kept, gone
	}
	var kids []*node
	for _, k := range n.kids {
		switch k.name {
		case gone:
			if n.name == "w:rPr" {
				kids = append(kids, k) // a paragraph mark that goes: joinParagraphs reads it
			}
			continue
		case kept:
			if n.name == "w:rPr" || n.name == "w:trPr" {
				continue // the mark or row stays: drop only the revision
			}
			resolve(k, accept)
			for _, c := range k.kids {
				if !accept {
					undelete(c)
				}
				kids = append(kids, c)
			}
			continue
		case "w:rPrChange", "w:pPrChange", "w:tblPrChange", "w:trPrChange", "w:tcPrChange", "w:sectPrChange":
			continue // handled by the parent below
		case "w:tr":
			if rowGoes(k, gone) {
				continue
			}
		}
		resolve(k, accept)
		kids = append(kids, k)
	}
	if !accept {
		restoreProperties(n)
	}
	n.kids = kids
	if isBlockContainer(n.name) {
		n.kids = joinParagraphs(n.kids, gone, accept)
	}
	if n.name == "w:tbl" && len(rows(n)) == 0 {
		n.name = "#empty"
	}
	if len(n.kids) > 0 {
		kids = n.kids[:0]
		for _, k := range n.kids {
			if k.name != "#empty" {
				kids = append(kids, k)
			}
		}
		n.kids = kids
	}
}

// undelete turns deleted text back into text when a deletion is rejected.
func undelete(n *node) {
	switch n.name {
	case "w:delText":
		n.name = "w:t"
	case "w:delInstrText":
		n.name = "w:instrText"
	}
	for _, k := range n.kids {
		undelete(k)
	}
}

// restoreProperties puts back the earlier properties a *PrChange records,
// before n's children are replaced.
func restoreProperties(n *node) {
	for _, k := range n.kids {
		ch := k.child(k.name + "Change")
		if ch == nil {
			continue
		}
		earlier := ch.child(k.name)
		var props []*node
		if earlier != nil {
			props = earlier.kids
		}
		// A paragraph's earlier properties do not hold its mark's.
		if k.name == "w:pPr" {
			if rPr := k.child("w:rPr"); rPr != nil {
				props = append(props, rPr)
			}
		}
		k.kids = props
	}
}

func isBlockContainer(name string) bool {
	switch name {
	case "w:body", "w:tc", "w:hdr", "w:ftr", "w:footnote", "w:endnote", "w:txbxContent", "w:sdtContent":
		return true
	}
	return false
}

// rowGoes reports whether a row's own revision (in w:trPr) removes it.
func rowGoes(tr *node, gone string) bool {
	trPr := tr.child("w:trPr")
	return trPr != nil && trPr.child(gone) != nil
}

// joinParagraphs removes the paragraph marks that go: each such
// paragraph's remaining content moves to the start of the next paragraph,
// and a paragraph with nothing left disappears.
func joinParagraphs(blocks []*node, gone string, accept bool) []*node {
	var out []*node
	var carry []*node
	for i, b := range blocks {
		if b.name != "w:p" {
			out = append(out, b)
			continue
		}
		if len(carry) > 0 {
			b.kids = insertAfterPPr(b.kids, carry)
			carry = nil
		}
		pPr := b.child("w:pPr")
		var rPr *node
		if pPr != nil {
			rPr = pPr.child("w:rPr")
		}
		if rPr == nil || rPr.child(gone) == nil {
			out = append(out, b)
			continue
		}
		content := contentOf(b)
		nextIsParagraph := i+1 < len(blocks) && blocks[i+1].name == "w:p"
		switch {
		case len(content) == 0 && (hasParagraphAfter(blocks[i+1:]) || hasParagraphAfter(out)):
			// nothing left of it: it disappears
		case nextIsParagraph:
			carry = content
		default:
			// The last paragraph of its container keeps its mark.
			removeMark(rPr, gone)
			out = append(out, b)
		}
	}
	return out
}

func hasParagraphAfter(blocks []*node) bool {
	for _, b := range blocks {
		if b.name == "w:p" {
			return true
		}
	}
	return false
}

func removeMark(rPr *node, name string) {
	var kids []*node
	for _, k := range rPr.kids {
		if k.name != name {
			kids = append(kids, k)
		}
	}
	rPr.kids = kids
}

// contentOf is a paragraph's children other than its properties.
func contentOf(p *node) []*node {
	var out []*node
	for _, k := range p.kids {
		if k.name != "w:pPr" && k.name != "" {
			out = append(out, k)
		}
	}
	return out
}

func insertAfterPPr(kids, add []*node) []*node {
	at := 0
	if len(kids) > 0 && kids[0].name == "w:pPr" {
		at = 1
	}
	return append(kids[:at], append(add, kids[at:]...)...)
}
