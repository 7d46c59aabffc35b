// Package wordtemplate fills Word (.docx) templates with data.
//
// A template is a .docx a person edits in Word or LibreOffice, with tags such
// as {{partnership.name}}, {{amount | money}} and {{#each partners}}…{{/each}}
// typed in the text. It works with any data (maps, slices, structs) and knows
// nothing of partnerships.
//
// The stages, one file each, as in text/template:
//
//	package.go   read the .docx (limits checked), write it back deterministically
//	xml.go       a part's XML as a tree that keeps every byte it does not change
//	lex.go       a paragraph's visible text (its runs' w:t) → text and tag items
//	parse.go     a tag's text → value, block open, else or block close
//	normalize.go tags split over runs are joined, and each tag gets a run of its own
//	structure.go blocks matched, and their scope decided by the XML between
//	             their tags: inline, paragraphs, a table row, or several rows
//	exec.go      the tree walked with data
//	funcs.go     the filters
//	repair.go    the output made valid: unique ids, list numbering, empty cells
//
// Every problem of every part is collected and reported together, each with
// the template, the part, the paragraph number and its text.
package wordtemplate

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Template is a parsed .docx template, ready to render any number of times
// (also concurrently).
type Template struct {
	name  string
	pkg   *docxPackage
	parts []*part // main document first

	numInfo  numberingInfo // word/numbering.xml, read on first use
	restarts bool          // some block restarts a numbered list in its copies

	copied copiedEntries // entries read through Entry
}

// part is one rendered XML part of the package.
type part struct {
	entry string // e.g. word/header1.xml
	label string // e.g. header1
	root  *node
	tags  []*tag
	plain bool // a part with text tags only (document properties)
	size  int  // the part's length in the template, to size its output

	elements int // XML elements, for maxElements

	lastSize atomic.Int64 // the last rendering's length, to size the next
	buffers  sync.Pool    // *[]byte: earlier renderings' output buffers, reused once written
}

// buffer is an empty output buffer for this part holding at least size
// bytes: an earlier rendering's when one is free.
func (p *part) buffer(size int) []byte {
	if b, ok := p.buffers.Get().(*[]byte); ok && cap(*b) >= size {
		return (*b)[:0]
	}
	return make([]byte, 0, size)
}

// release gives a buffer back once nothing refers to it any more.
func (p *part) release(b []byte) {
	p.buffers.Put(&b)
}

// ParseFile reads and parses a template file.
func ParseFile(path string) (*Template, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, Errors{{ID: ErrPackage, Template: path, Message: err.Error()}}
	}
	return Parse(filepath.Base(path), data)
}

// Parse parses a template from the bytes of a .docx; name is used in
// messages. The error, when not nil, is Errors: every problem found.
func Parse(name string, data []byte) (*Template, error) {
	pkg, err := openPackage(name, data)
	if err != nil {
		return nil, Errors{err.(*Error)}
	}
	t := &Template{name: name, pkg: pkg}
	var errs Errors
	elements := 0
	add := func(entry, label, xml string, plain bool) {
		pt, es := parsePart(name, entry, label, xml, plain)
		errs = append(errs, es...)
		if pt != nil {
			if elements += pt.elements; elements > maxElements {
				errs = append(errs, &Error{ID: ErrPackage, Template: name, Part: label, Message: fmt.Sprintf("takes the template past %d XML elements: no Word document has so many; split it into several templates", maxElements)})
				pt = nil
			}
		}
		// A part without tags is copied into each document as it is.
		if pt != nil && (len(pt.tags) > 0 || entry == pkg.main) {
			t.parts = append(t.parts, pt)
			t.restarts = t.restarts || restartsLists(pt.root)
		}
	}
	add(pkg.main, "document", pkg.mainXML, false)
	for _, entry := range pkg.rendered {
		add(entry, partLabel(entry), pkg.parts[entry], false)
	}
	for _, entry := range pkg.props {
		if s := pkg.parts[entry]; strings.Contains(s, "{{") {
			add(entry, partLabel(entry), s, true)
		}
	}
	if len(errs) > 0 {
		errs.sort()
		return nil, errs
	}
	return t, nil
}

// Warnings lists the parts of the template that hold tags mou does not
// fill, each named with what it is: the tags stay as written there.
func (t *Template) Warnings() []string {
	var out []string
	for _, e := range t.pkg.unread {
		out = append(out, fmt.Sprintf("%s: %s (%s) holds {{…}}, which mou does not fill there; type the text outside it, or leave the tag out", t.name, partLabel(e), whatPart(e)))
	}
	return out
}

// whatPart names the kind of an unfilled part for a person.
func whatPart(entry string) string {
	switch {
	case strings.Contains(entry, "/diagrams/"):
		return "SmartArt " + entry
	case strings.Contains(entry, "/charts/"):
		return "a chart, " + entry
	case strings.Contains(entry, "/glossary/"):
		return "building blocks, " + entry
	case strings.HasPrefix(entry, "customXml/"):
		return "custom XML data, " + entry
	}
	return entry
}

// restartsLists reports whether a block under n restarts numbered lists.
func restartsLists(n *node) bool {
	if n.kind == blockNode && len(n.block.restart) > 0 {
		return true
	}
	if n.kind == blockNode {
		for _, c := range n.block.elseNodes {
			if restartsLists(c) {
				return true
			}
		}
	}
	for _, c := range n.children {
		if restartsLists(c) {
			return true
		}
	}
	return false
}

// Name is the template's name as given to Parse.
func (t *Template) Name() string { return t.name }

// TagInfo describes one tag of a template, for `mou templates lint`.
type TagInfo struct {
	Part      string `json:"part"`
	Paragraph int    `json:"paragraph,omitempty"`
	Tag       string `json:"tag"`
}

// Tags lists every tag of the template in document order.
func (t *Template) Tags() []TagInfo {
	var out []TagInfo
	for _, p := range t.parts {
		for _, tg := range p.tags {
			out = append(out, TagInfo{Part: p.label, Paragraph: tg.loc.para, Tag: tg.raw})
		}
	}
	return out
}

// Fields lists the distinct field names the template reads, sorted.
func (t *Template) Fields() []string {
	seen := map[string]bool{}
	for _, p := range t.parts {
		for _, tg := range p.tags {
			if len(tg.path) > 0 {
				seen[strings.Join(tg.path, ".")] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// parsePart builds one part's tree: tags found, normalised into runs of
// their own, blocks matched and given their scope.
func parsePart(tmpl, entry, label, xml string, plain bool) (*part, Errors) {
	root, elements, err := parseXMLCount(xml)
	if err != nil {
		msg := "is not well-formed XML: " + err.Error()
		if _, ok := err.(limitError); ok {
			msg = err.Error()
		}
		return nil, Errors{{ID: ErrPackage, Template: tmpl, Part: label, Message: msg}}
	}
	p := &part{entry: entry, label: label, root: root, plain: plain, size: len(xml), elements: elements}
	var errs Errors
	if plain {
		errs = p.plainTags()
	} else {
		// Blocks are matched even when some tags could not be read, so one
		// pass reports every problem.
		errs = p.normalize()
		errs = append(errs, p.structure()...)
	}
	for _, e := range errs {
		e.Template = tmpl
		e.Part = label
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return p, nil
}
