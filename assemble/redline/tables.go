package redline

import (
	"strings"
)

// rows are a table's rows.
func rows(tbl *node) []*node {
	var out []*node
	for _, k := range tbl.kids {
		if k.name == "w:tr" {
			out = append(out, k)
		}
	}
	return out
}

// cells are a row's cells.
func cells(tr *node) []*node {
	var out []*node
	for _, k := range tr.kids {
		if k.name == "w:tc" {
			out = append(out, k)
		}
	}
	return out
}

// rowKey is what identifies a row across versions: the text of its first
// cell, which the templates fill with the item's name (the organisation, the
// funding row, the board).
func rowKey(tr *node) string {
	if cs := cells(tr); len(cs) > 0 {
		return strings.TrimSpace(text(cs[0]))
	}
	return ""
}

// tableSimilarity is the share of rows two tables have in common by key;
// tables with different columns are not compared row by row.
func tableSimilarity(o, n *node) float64 {
	og, ng := o.child("w:tblGrid"), n.child("w:tblGrid")
	if (og == nil) != (ng == nil) || og != nil && len(elements(og.kids)) != len(elements(ng.kids)) {
		return 0
	}
	var ok, nk []string
	for _, r := range rows(o) {
		ok = append(ok, rowKey(r))
	}
	for _, r := range rows(n) {
		nk = append(nk, rowKey(r))
	}
	return similarity(ok, nk) + 0.01 // two tables with no row in common still line up with each other
}

// table compares two versions of one table: rows are matched by their whole
// content, then by their first cell; a matched row that changed is compared
// cell by cell, the others are inserted or deleted whole.
func (r *reviser) table(o, n *node) *node {
	or, nr := rows(o), rows(n)
	ok := make([]string, len(or))
	nk := make([]string, len(nr))
	for i, row := range or {
		ok[i] = row.xml()
	}
	for j, row := range nr {
		nk[j] = row.xml()
	}
	var out []*node
	i, j := 0, 0
	for _, m := range append(lcs(intern(ok, nk)), [2]int{len(or), len(nr)}) {
		out = append(out, r.rowGap(or[i:m[0]], nr[j:m[1]])...)
		if m[0] < len(or) {
			out = append(out, nr[m[1]])
		}
		i, j = m[0]+1, m[1]+1
	}
	// The table's own properties and grid are the new version's; its rows
	// are replaced by the marked ones.
	var kids []*node
	for _, k := range n.kids {
		if k.name != "w:tr" {
			kids = append(kids, k)
		}
	}
	n.kids = append(kids, out...)
	return n
}

// rowGap marks the rows between two unchanged ones.
func (r *reviser) rowGap(old, new []*node) []*node {
	pairs := pair(old, new, func(o, n *node) float64 {
		if len(cells(o)) != len(cells(n)) {
			return 0
		}
		if k := rowKey(o); k != "" && k == rowKey(n) {
			return 2 // the same item (partner, funding row, board)
		}
		return similarity(words(text(o)), words(text(n)))
	})
	var out []*node
	i, j := 0, 0
	for _, p := range append(pairs, [2]int{len(old), len(new)}) {
		for ; i < p[0]; i++ {
			row := old[i].clone()
			r.markRow(row, "w:del")
			out = append(out, row)
		}
		for ; j < p[1]; j++ {
			r.markRow(new[j], "w:ins")
			out = append(out, new[j])
		}
		if p[0] == len(old) {
			break
		}
		oc, nc := cells(old[p[0]]), cells(new[p[1]])
		for k := range nc {
			var kids []*node
			var ob, nb []*node
			for _, c := range oc[k].kids {
				if c.name == "w:p" || c.name == "w:tbl" {
					ob = append(ob, c)
				}
			}
			for _, c := range nc[k].kids {
				if c.name == "w:p" || c.name == "w:tbl" {
					nb = append(nb, c)
				} else if c.name != "" {
					kids = append(kids, c) // tcPr
				}
			}
			nc[k].kids = append(kids, r.blocks(ob, nb)...)
		}
		out = append(out, new[p[1]])
		i, j = p[0]+1, p[1]+1
	}
	return out
}

// markRow marks a whole row inserted or deleted (w:trPr/w:ins|w:del) and
// its cells' paragraphs with it.
func (r *reviser) markRow(tr *node, kind string) {
	r.sum.Rows++
	trPr := tr.child("w:trPr")
	if trPr == nil {
		trPr = el("w:trPr", nil)
		at := 0
		if len(tr.kids) > 0 && tr.kids[0].name == "w:tblPrEx" {
			at = 1
		}
		tr.kids = append(tr.kids[:at], append([]*node{trPr}, tr.kids[at:]...)...)
	}
	trPr.kids = append(trPr.kids, r.mark(kind))
	for _, tc := range cells(tr) {
		for _, k := range tc.kids {
			switch k.name {
			case "w:p":
				r.markParagraph(k, kind)
			case "w:tbl":
				for _, row := range rows(k) {
					r.markRow(row, kind)
				}
			}
		}
	}
}
