package tomledit

import (
	"fmt"
	"sort"
	"strings"

	"mou/assemble/tomlindex"
)

// A table's block is its header, its keys and its sub-tables and nested
// arrays, from the comment lines directly above the header to the next
// header that is not inside it (that header's own comments excluded).

func descends(p, of string) bool {
	return p == of || strings.HasPrefix(p, of+".") || strings.HasPrefix(p, of+"[")
}

// blockEnd returns where header h's block ends.
func (d *Doc) blockEnd(h int) int {
	of := d.l.headers[h].path
	for k := h + 1; k < len(d.l.headers); k++ {
		if !descends(d.l.headers[k].path, of) {
			return d.l.headers[k].lead
		}
	}
	return len(d.src)
}

// blockBody returns where header h's block ends without the blank lines
// after it.
func (d *Doc) blockBody(h int) int {
	return trimBlankLines(d.src, d.l.headers[h].lead, d.blockEnd(h))
}

// trimBlankLines moves end back over whole blank lines, not before start.
func trimBlankLines(src string, start, end int) int {
	for end > start {
		j := end
		if src[end-1] == '\n' {
			j = end - 1
		}
		ls := strings.LastIndexByte(src[:j], '\n') + 1
		if ls < start || ls == end || strings.TrimSpace(src[ls:end]) != "" {
			return end
		}
		end = ls
	}
	return end
}

// Delete removes path from the file: a key's whole line(s), an element
// from its array, or a table's block. Deleting the last key of a table
// leaves its header.
func (d *Doc) Delete(path string) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	p := pathOf(segs)
	if _, ok := get(d.tree, segs); !ok {
		return fmt.Errorf("%s is not in the data file, so there is nothing to delete", p)
	}
	var cut []span
	for h, hd := range d.l.headers {
		if descends(hd.path, p) {
			end := d.l.headers[h].end
			if h+1 < len(d.l.headers) {
				end = d.l.headers[h+1].lead
			}
			cut = append(cut, span{hd.lead, end})
		}
	}
	for i, e := range d.l.entries {
		if !descends(e.path, p) {
			continue
		}
		if e.in < 0 {
			cut = append(cut, e.line)
		} else {
			cut = append(cut, d.itemCut(e.in, i, true))
		}
	}
	for i, el := range d.l.elems {
		if el.path == p {
			cut = append(cut, d.itemCut(el.arr, i, false))
		}
	}
	if len(cut) == 0 {
		return fmt.Errorf("%s is in the data file but mou could not find where it is written, so it was not deleted; this is a fault in mou: please report it with the data file", p)
	}
	ss := d.cuts(cut)
	return d.commit("deleting "+p, apply(d.src, ss), func(old map[string]any) (any, error) {
		t, _, err := update(old, true, segs, func(any, bool) (any, bool, error) { return nil, false, nil })
		return t, err
	})
}

// cuts turns spans to remove into splices, dropping spans inside others.
// A cut that reaches the end of the file takes the blank lines before it.
func (d *Doc) cuts(cut []span) []splice {
	sort.Slice(cut, func(i, j int) bool {
		if cut[i].start != cut[j].start {
			return cut[i].start < cut[j].start
		}
		return cut[i].end > cut[j].end
	})
	var merged []span
	for _, c := range cut {
		if n := len(merged); n > 0 && c.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, c.end)
			continue
		}
		merged = append(merged, c)
	}
	ss := make([]splice, 0, len(merged))
	for _, c := range merged {
		ss = append(ss, splice{d.tidy(c), ""})
	}
	return ss
}

// tidy keeps the blank lines that separate tables when a block is cut. A
// block followed by the next element of its array goes with the blank
// lines after it; the last of its kind (before another table, or at the
// end of the file) goes with those before it instead, so the blank line
// between this array and the next table stays.
func (d *Doc) tidy(c span) span {
	j, k := -1, -1
	for h, hd := range d.l.headers {
		if hd.lead == c.start && j < 0 {
			j = h
		}
		if hd.lead == c.end && c.end > c.start {
			k = h
		}
	}
	if j < 0 {
		return c
	}
	if k >= 0 && d.l.headers[k].array && d.l.headers[j].array && d.l.headers[k].key == d.l.headers[j].key {
		return c
	}
	end := trimBlankLines(d.src, c.start, c.end)
	if end < c.end || c.end == len(d.src) {
		c.start = trimBlankLines(d.src, d.l.bom, c.start)
	}
	c.end = end
	return c
}

// itemSpan returns the text of item i of container c.
func (d *Doc) itemSpan(c, item int, isEntry bool) span {
	if isEntry {
		e := d.l.entries[item]
		return span{e.key.start, e.val.end}
	}
	return d.l.elems[item].val
}

// itemCut returns what to remove to take item (an entry or element index)
// out of container c with its comma: its whole line when it has the line
// to itself.
func (d *Doc) itemCut(c, item int, isEntry bool) span {
	con := d.l.conts[c]
	pos := -1
	for k, it := range con.items {
		if it == item {
			pos = k
		}
	}
	sp := d.itemSpan(c, item, isEntry)
	if pos < 0 {
		return sp
	}
	if line, ok := d.ownLine(sp, con); ok {
		return line
	}
	n := len(con.items)
	switch {
	case n == 1:
		return span{con.open + 1, con.close - 1}
	case pos+1 < n:
		return span{sp.start, d.itemSpan(c, con.items[pos+1], isEntry).start}
	}
	return span{d.itemSpan(c, con.items[pos-1], isEntry).end, sp.end}
}

// ownLine reports the whole line of an item alone on its line in a
// multi-line array: blanks before it, an optional comma and comment after.
func (d *Doc) ownLine(sp span, con container) (span, bool) {
	ls := lineStart(d.src, sp.start)
	if ls <= con.open || strings.TrimLeft(d.src[ls:sp.start], " \t") != "" {
		return span{}, false
	}
	i := sp.end
	for i < len(d.src) && (d.src[i] == ' ' || d.src[i] == '\t') {
		i++
	}
	if i < len(d.src) && d.src[i] == ',' {
		i++
	}
	for i < len(d.src) && (d.src[i] == ' ' || d.src[i] == '\t' || d.src[i] == '\r') {
		i++
	}
	if i < len(d.src) && d.src[i] == '#' {
		for i < len(d.src) && d.src[i] != '\n' {
			i++
		}
	}
	if i >= len(d.src) || d.src[i] != '\n' || i+1 >= con.close {
		return span{}, false
	}
	return span{ls, i + 1}, true
}

// elements returns the headers of the array of tables at p, or the
// container of an inline array.
func (d *Doc) elements(p string) (heads []int, con int, err error) {
	if hs, ok := d.l.aots[p]; ok {
		return hs, -1, nil
	}
	if c, ok := d.l.conOf[p]; ok && !d.l.conts[c].table {
		return nil, c, nil
	}
	return nil, -1, fmt.Errorf("%s is not a list of entries in the data file", p)
}

// Remove removes one element of an array: for an array of tables its
// header, keys, sub-tables and the comment lines directly above it.
func (d *Doc) Remove(elemPath string) error {
	segs, err := parsePath(elemPath)
	if err != nil {
		return err
	}
	if !segs[len(segs)-1].isIdx {
		return fmt.Errorf("%s is not one entry of a list: give its number, for example partners[0]", pathOf(segs))
	}
	arr := pathOf(segs[:len(segs)-1])
	if _, _, err := d.elements(arr); err != nil {
		return err
	}
	if n := d.Len(arr); segs[len(segs)-1].index >= n {
		return fmt.Errorf("%s is not in the data file: %s has %d entries, numbered from 0", pathOf(segs), arr, n)
	}
	return d.Delete(elemPath)
}

// Move puts the element at elemPath at index to of its array; the others
// keep their order. Blank lines between elements stay where they are.
func (d *Doc) Move(elemPath string, to int) error {
	segs, err := parsePath(elemPath)
	if err != nil {
		return err
	}
	p := pathOf(segs)
	last := segs[len(segs)-1]
	if !last.isIdx {
		return fmt.Errorf("%s is not one entry of a list: give its number, for example partners[0]", p)
	}
	arr := pathOf(segs[:len(segs)-1])
	heads, con, err := d.elements(arr)
	if err != nil {
		return err
	}
	var bodies []span
	if con < 0 {
		for _, h := range heads {
			bodies = append(bodies, span{d.l.headers[h].lead, d.blockBody(h)})
		}
	} else {
		for _, it := range d.l.conts[con].items {
			bodies = append(bodies, d.l.elems[it].val)
		}
	}
	n := len(bodies)
	from := last.index
	if from >= n || n != d.Len(arr) {
		return fmt.Errorf("%s is not in the data file: %s has %d entries, numbered from 0", p, arr, d.Len(arr))
	}
	if to < 0 || to >= n {
		return fmt.Errorf("%s cannot move to place %d: %s has %d entries, numbered from 0 to %d", p, to, arr, n, n-1)
	}
	if to == from {
		return nil
	}
	order := make([]int, 0, n)
	for i := 0; i < n; i++ {
		if i != from {
			order = append(order, i)
		}
	}
	order = append(order[:to], append([]int{from}, order[to:]...)...)
	ss := make([]splice, n)
	for pos, i := range order {
		text := d.src[bodies[i].start:bodies[i].end]
		if con < 0 && !strings.HasSuffix(text, "\n") {
			text += d.nl
		}
		ss[pos] = splice{bodies[pos], text}
	}
	return d.commit(fmt.Sprintf("moving %s to place %d", p, to), apply(d.src, ss), func(old map[string]any) (any, error) {
		t, _, err := update(old, true, segs[:len(segs)-1], func(v any, _ bool) (any, bool, error) {
			l := list(v)
			out := make([]any, n)
			for pos, i := range order {
				out[pos] = l[i]
			}
			return out, true, nil
		})
		return t, err
	})
}

// Append adds an empty element at the end of an array of tables and
// returns its path, e.g. "partners[3]". A new [[funding.rows]] goes at the
// end of its funding's block. A list written inline gets `{}`.
func (d *Doc) Append(arrayPath string) (string, error) {
	segs, err := parsePath(arrayPath)
	if err != nil {
		return "", err
	}
	p := pathOf(segs)
	if segs[len(segs)-1].isIdx {
		return "", fmt.Errorf("%s is one entry, not a list: give the list's name, for example partners", p)
	}
	n := d.Len(p)
	newPath := tomlindex.Elem(p, n)
	var ins splice
	heads, con, err := d.elements(p)
	switch {
	case err == nil && con >= 0:
		c := d.l.conts[con]
		if len(c.items) == 0 {
			ins = splice{span{c.open, c.close}, "[{}]"}
			break
		}
		lastEl := d.l.elems[c.items[len(c.items)-1]].val
		sep := ", "
		if ind := indentAt(d.src, lastEl.start); lineStart(d.src, lastEl.start) > c.open && strings.TrimSpace(d.src[lineStart(d.src, lastEl.start):lastEl.start]) == "" {
			sep = "," + d.nl + ind
		}
		ins = splice{span{lastEl.end, lastEl.end}, sep + "{}"}
	case err == nil:
		lastH := heads[len(heads)-1]
		at := d.blockBody(lastH)
		sep := d.nl
		if len(heads) > 1 {
			between := d.src[d.blockBody(heads[0]):d.l.headers[heads[1]].lead]
			if !strings.Contains(between, "\n") {
				sep = ""
			}
		}
		ins = splice{span{at, at}, d.newline(at) + sep + "[[" + d.l.headers[lastH].key + "]]" + d.nl}
	default:
		if _, ok := get(d.tree, segs); ok {
			return "", fmt.Errorf("%s is in the data file but is not a list of entries, so no entry can be added to it", p)
		}
		// A new array: at the end of its parent's block, or of the file.
		at := len(d.src)
		if len(segs) > 1 {
			parent := pathOf(segs[:len(segs)-1])
			h, ok := d.l.tables[parent]
			if !ok {
				return "", fmt.Errorf("%s cannot be added: %s is not a table of its own in the data file; add it first", p, parent)
			}
			at = d.blockBody(h)
		}
		sep := ""
		if at > d.l.bom {
			sep = d.nl
		}
		ins = splice{span{at, at}, d.newline(at) + sep + "[[" + headerKey(segs) + "]]" + d.nl}
	}
	err = d.commit("adding an entry to "+p, apply(d.src, []splice{ins}), func(old map[string]any) (any, error) {
		t, _, err := update(old, true, segs, func(v any, _ bool) (any, bool, error) {
			return append(list(v), map[string]any{}), true, nil
		})
		return t, err
	})
	if err != nil {
		return "", err
	}
	return newPath, nil
}

// newline returns a line ending when the text before at does not end one.
func (d *Doc) newline(at int) string {
	if at > d.l.bom && d.src[at-1] != '\n' {
		return d.nl
	}
	return ""
}
