package wordtemplate

import (
	"slices"
	"strconv"
	"strings"
)

// Para says where one paragraph of a rendered main document part came
// from (RenderOptions.Trace). Paths are data paths as a person writes them:
// names joined by dots, list items by their index in brackets
// (partners[1].organisation, text.funding[0]), each resolved against the
// scope that found its first name, so a root name used inside a loop is a
// root path. @index, @number, @first and @last are not paths.
type Para struct {
	// Template is the number of the template paragraph this one is a copy
	// of: from 1, in document order, table cells included (the numbering
	// of Error.Paragraph). 0 for a paragraph the engine wrote itself: the
	// closing paragraph a table cell must have, or the one that keeps a
	// section's page settings when a block shows nothing.
	Template int
	// Paths are the data paths of the value tags rendered in the
	// paragraph, in order (repeats kept out).
	Paths []string
	// Inline are the paths of the blocks opened and closed inside the
	// paragraph whose main branch was rendered: the {{#each}}'s items, the
	// {{#if}}'s or {{#unless}}'s field.
	Inline []string
	// Blocks are the blocks over paragraphs, rows or cells whose main
	// branch holds this paragraph, outermost first: an {{#if}}'s or
	// {{#unless}}'s field, an {{#each}}'s item (partners[1]).
	Blocks []string
	// Else are the fields this paragraph is shown for because they are
	// empty or false, outermost first: the blocks whose {{else}} branch
	// holds it (an {{#if}}'s or {{#unless}}'s field, an {{#each}}'s list),
	// and the {{#unless}} blocks whose main branch holds it (also in
	// Blocks). "General wording because text.funding is empty."
	Else []string
}

// tracer records the paragraphs of one rendering's main part. It exists
// only when RenderOptions.Trace is set: without it rendering does none of
// this work.
type tracer struct {
	paths  map[*scope]string // each loop item's path; the root's is ""
	blocks []string
	elses  []string
	open   []int // the paragraphs being written, innermost last (text boxes nest)
	recs   []traced
}

type traced struct {
	at int // where the paragraph starts in the output
	Para
}

func newTracer() *tracer { return &tracer{paths: map[*scope]string{}} }

// begin records a paragraph that starts at offset at of the output.
func (tr *tracer) begin(at, para int) {
	tr.open = append(tr.open, len(tr.recs))
	tr.recs = append(tr.recs, traced{at: at, Para: Para{Template: para, Blocks: clone(tr.blocks), Else: clone(tr.elses)}})
}

// clone copies a stack of paths; nil when empty.
func clone(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// end closes the innermost paragraph.
func (tr *tracer) end() {
	if len(tr.open) > 0 {
		tr.open = tr.open[:len(tr.open)-1]
	}
}

// cut forgets the paragraphs from offset at on: the writer cut a row
// without cells or a table without rows out of the output.
func (tr *tracer) cut(at int) {
	i := len(tr.recs)
	for i > 0 && tr.recs[i-1].at >= at {
		i--
	}
	tr.recs = tr.recs[:i]
	for len(tr.open) > 0 && tr.open[len(tr.open)-1] >= i {
		tr.open = tr.open[:len(tr.open)-1]
	}
}

// current is the paragraph being written, or nil outside any.
func (tr *tracer) current() *Para {
	if len(tr.open) == 0 {
		return nil
	}
	return &tr.recs[tr.open[len(tr.open)-1]].Para
}

// value records a value tag's path in the current paragraph.
func (tr *tracer) value(sc *scope, path []string) {
	p := tr.current()
	if p == nil {
		return
	}
	if s, ok := tr.pathOf(sc, path); ok && !slices.Contains(p.Paths, s) {
		p.Paths = append(p.Paths, s)
	}
}

// inline records an inline block's path in the current paragraph.
func (tr *tracer) inline(s string) {
	if p := tr.current(); p != nil && !slices.Contains(p.Inline, s) {
		p.Inline = append(p.Inline, s)
	}
}

// pathOf is the full data path of a tag's field, found as lookup finds it.
func (tr *tracer) pathOf(sc *scope, path []string) (string, bool) {
	base, rest := "", path
	switch path[0] {
	case "@index", "@number", "@first", "@last":
		return "", false
	case "this":
		base, rest = tr.paths[sc], path[1:]
	case "@root":
		rest = path[1:]
	default:
		for s := sc; s != nil; s = s.parent {
			if !s.loop && s.parent != nil {
				continue
			}
			if _, ok, _ := field(s.data, path[0]); ok {
				base = tr.paths[s]
				break
			}
		}
	}
	return joinPath(base, rest), true
}

// joinPath appends names to a path: digits as an index, others after a dot.
func joinPath(base string, names []string) string {
	var b strings.Builder
	b.WriteString(base)
	for _, n := range names {
		if isIndex(n) {
			b.WriteString("[" + n + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(n)
	}
	return b.String()
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// itemPath is the path of a list's i-th item.
func itemPath(list string, i int) string { return list + "[" + strconv.Itoa(i) + "]" }
