// Package tomledit edits a TOML data file in place, changing only the bytes
// of what is edited.
//
// mou serve lets a business manager change the partnership's data file in
// forms; saving must keep their comments, key order, blank lines and layout
// byte for byte everywhere else. So a Doc keeps the text, not a tree: Parse
// checks the text with BurntSushi/toml, a scanner (scan.go) records where
// every value, key/value line and table block is written, and each edit is
// a splice of those spans. After every splice the new text is decoded and
// compared with the old tree with just that change made (check.go); if they
// differ, or the text no longer parses, the Doc is left as it was and the
// edit returns an error.
//
// Paths are spelt as in package tomlindex: partnership.name,
// partners[2].lead.name, funding[0].rows[3].amount, values[1], text."a b".
//
// Where a missing key goes (Set):
//   - into its table, after the table's last key/value line (before the
//     blank lines and comments leading into the next header); at the top
//     level, before the first header;
//   - into a sub-table header such as [partners.lead] when the element has one;
//   - into an inline table, lead = { title = "x", name = "X" }, when the
//     table is written inline;
//   - as a dotted key, lead.name = "X", in an element or table that has no
//     sub-table for it (so a missing partners[1].delegate becomes
//     delegate.name = "…" lines in that element: valid wherever it goes,
//     and readable);
//   - a missing top-level table becomes a [table] header at the end of the
//     file, after a blank line.
package tomledit

import (
	"fmt"
	"strings"
)

// Doc is a TOML file's text being edited.
type Doc struct {
	src  string
	tree map[string]any
	l    *layout
	nl   string // the file's line ending, for inserted lines
}

// maxSize bounds the text a Doc accepts; a data file is tens of kilobytes.
const maxSize = 8 << 20

// Parse reads src, which must be valid TOML.
func Parse(src string) (*Doc, error) {
	if len(src) > maxSize {
		return nil, fmt.Errorf("the data file is %d bytes, more than the %d a data file can be: check it is the right file", len(src), maxSize)
	}
	tree, err := decode(src)
	if err != nil {
		return nil, fmt.Errorf("the data file cannot be read, so it cannot be edited here: %v; correct it (mou validate says how) and open it again", err)
	}
	return &Doc{src: src, tree: tree, l: scan(src), nl: lineEnding(src)}, nil
}

func lineEnding(src string) string {
	if i := strings.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// String returns the current text.
func (d *Doc) String() string { return d.src }

// Has reports whether path is in the file.
func (d *Doc) Has(path string) bool {
	segs, err := parsePath(path)
	if err != nil {
		return false
	}
	_, ok := get(d.tree, segs)
	return ok
}

// Raw returns the value's TOML text as written, e.g. `"Chris Baird"`,
// `2019-09-10` or `["a", "b"]`. Tables written as headers have no value
// text.
func (d *Doc) Raw(path string) (string, bool) {
	segs, err := parsePath(path)
	if err != nil {
		return "", false
	}
	sp, ok := d.valueSpan(pathOf(segs))
	if !ok {
		return "", false
	}
	return d.src[sp.start:sp.end], true
}

func (d *Doc) valueSpan(p string) (span, bool) {
	ref, ok := d.l.vals[p]
	switch {
	case !ok:
		return span{}, false
	case ref.entry >= 0:
		return d.l.entries[ref.entry].val, true
	}
	return d.l.elems[ref.elem].val, true
}

// Len returns the number of elements of an array of tables or an array,
// 0 when there is none.
func (d *Doc) Len(arrayPath string) int {
	segs, err := parsePath(arrayPath)
	if err != nil {
		return 0
	}
	v, _ := get(d.tree, segs)
	return len(list(v))
}

// splice is one replacement of the text.
type splice struct {
	span
	text string
}

// apply makes splices (in any order, not overlapping) to src.
func apply(src string, ss []splice) string {
	sortSplices(ss)
	var b strings.Builder
	b.Grow(len(src) + 64)
	at := 0
	for _, s := range ss {
		b.WriteString(src[at:s.start])
		b.WriteString(s.text)
		at = s.end
	}
	b.WriteString(src[at:])
	return b.String()
}

func sortSplices(ss []splice) {
	// Insertion sort: edits make a handful of splices, Move one per element.
	for i := 1; i < len(ss); i++ {
		for j := i; j > 0 && ss[j].start < ss[j-1].start; j-- {
			ss[j], ss[j-1] = ss[j-1], ss[j]
		}
	}
}

// commit checks text against want, the old tree with the change made, and
// keeps it only if they agree.
func (d *Doc) commit(what, text string, want func(old map[string]any) (any, error)) error {
	got, err := decode(text)
	if err != nil {
		return fmt.Errorf("%s would leave the data file unreadable (%v), so nothing was changed; this is a fault in mou: please report it with the data file", what, err)
	}
	w, err := want(d.tree)
	if err != nil {
		return fmt.Errorf("%s: %v; nothing was changed", what, err)
	}
	if !equal(w, got) {
		return fmt.Errorf("%s did not come out as intended in the data file, so nothing was changed; this is a fault in mou: please report it with the data file", what)
	}
	d.src, d.tree, d.l = text, got, scan(text)
	return nil
}

// lineStart returns the start of the line holding offset at.
func lineStart(src string, at int) int { return strings.LastIndexByte(src[:at], '\n') + 1 }

// indentAt returns the blanks that start the line holding offset at.
func indentAt(src string, at int) string {
	ls := lineStart(src, at)
	e := ls
	for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
		e++
	}
	if e > at {
		e = at
	}
	return src[ls:e]
}
