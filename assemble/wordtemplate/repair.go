package wordtemplate

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// numbering is one rendering's view of word/numbering.xml: the lists a
// copied block restarts get new w:num entries that point at the same list
// definition with its start values overridden.
type numbering struct {
	source   string
	abstract map[string]string // numId → abstractNumId
	starts   map[string][]int  // abstractNumId → start value per level
	next     int
	added    []string
}

// numberingInfo is read once per template.
type numberingInfo struct {
	once     sync.Once
	source   string
	err      error
	abstract map[string]string
	starts   map[string][]int
	max      int
}

// numbering returns a fresh numbering state for one rendering, or nil when
// the template has no numbering part.
func (t *Template) numbering() *numbering {
	if t.pkg.numbers == "" || !t.restarts {
		return nil
	}
	info := &t.numInfo
	info.once.Do(func() {
		// Read once, within the limits; a numbering part past them is
		// treated as none (lists then continue across copies).
		for _, f := range t.pkg.files {
			if f.Name == t.pkg.numbers {
				info.source, info.err = t.pkg.inflate(f)
			}
		}
		if info.err == nil {
			info.read(info.source)
		}
	})
	if info.err != nil {
		return nil
	}
	src := info.source
	return &numbering{source: src, abstract: info.abstract, starts: info.starts, next: info.max + 1}
}

func (info *numberingInfo) read(src string) {
	info.abstract = map[string]string{}
	info.starts = map[string][]int{}
	root, err := parseXML(src)
	if err != nil {
		return
	}
	var walk func(n *node)
	walk = func(n *node) {
		switch {
		case n.isElem("w:num"):
			id, _ := n.attr("w:numId")
			if k, err := strconv.Atoi(id); err == nil && k > info.max {
				info.max = k
			}
			for _, c := range n.children {
				if c.isElem("w:abstractNumId") {
					info.abstract[id], _ = c.attr("w:val")
				}
			}
		case n.isElem("w:abstractNum"):
			aid, _ := n.attr("w:abstractNumId")
			starts := make([]int, 9)
			for i := range starts {
				starts[i] = 1
			}
			for _, lvl := range n.children {
				if !lvl.isElem("w:lvl") {
					continue
				}
				il, _ := lvl.attr("w:ilvl")
				i, err := strconv.Atoi(il)
				if err != nil || i < 0 || i > 8 {
					continue
				}
				for _, c := range lvl.children {
					if c.isElem("w:start") {
						v, _ := c.attr("w:val")
						if k, err := strconv.Atoi(v); err == nil {
							starts[i] = k
						}
					}
				}
			}
			info.starts[aid] = starts
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(root)
}

// restart returns a new numId for the list numId, numbered from its start.
func (n *numbering) restart(numID string) string {
	aid, ok := n.abstract[numID]
	if !ok {
		return ""
	}
	id := strconv.Itoa(n.next)
	n.next++
	var b strings.Builder
	fmt.Fprintf(&b, `<w:num w:numId="%s"><w:abstractNumId w:val="%s"/>`, id, aid)
	starts := n.starts[aid]
	for lvl := 0; lvl < 9; lvl++ {
		start := 1
		if lvl < len(starts) {
			start = starts[lvl]
		}
		fmt.Fprintf(&b, `<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>`, lvl, start)
	}
	b.WriteString(`</w:num>`)
	n.added = append(n.added, b.String())
	return id
}

// xml returns numbering.xml with the new lists: after the last w:num, as
// the schema orders them.
func (n *numbering) xml() string {
	add := strings.Join(n.added, "")
	if i := strings.Index(n.source, "<w:numIdMacAtCleanup"); i >= 0 {
		return n.source[:i] + add + n.source[i:]
	}
	i := strings.LastIndex(n.source, "</w:numbering>")
	if i < 0 {
		return n.source
	}
	return n.source[:i] + add + n.source[i:]
}

// repairer makes rendered parts valid for Word: copies must not repeat ids,
// and tables must keep their required children. One repairer serves every
// part of a document, because ids must be unique across them.
type repairer struct {
	paraIDs   map[string]bool
	nextPara  uint32
	docPr     int
	bmIDs     map[string]bool
	bmNames   map[string]bool
	bmPending map[string]string // original id → new id of a copied start awaiting its end
	nextBM    int
	sdtIDs    map[string]bool // content control ids
	nextSdt   int
	anchors   map[string]bool // element name + id of comment anchors and note references written
}

func newRepairer() *repairer {
	return &repairer{paraIDs: map[string]bool{}, nextPara: 0x10000000, bmIDs: map[string]bool{}, bmNames: map[string]bool{}, bmPending: map[string]string{}, nextBM: 100000, sdtIDs: map[string]bool{}, nextSdt: 1000000, anchors: map[string]bool{}}
}

// writer is one part's output, repaired as it is written: ids are
// renumbered in start tags as they pass, and a table row without cells, a
// table without rows or a cell without a closing paragraph is fixed when
// its end tag comes, by cutting the output back to where the element began
// or adding the paragraph. No second parse of the output is needed.
type writer struct {
	buf    []byte
	frames []frame
	rep    *repairer // nil: written as it is (document properties)
	tr     *tracer   // the main part's, when tracing: told of each paragraph
}

// frame is an open element: where its start tag begins in buf, and what
// the repairs need to know of its children.
type frame struct {
	name     string
	at       int
	prevLast string // the parent's last child before this element
	last     string // the last element child so far (not w:tcPr)
	rows     int    // w:tbl: rows kept
	cells    bool   // w:tr: has a cell
}

func newWriter(buf []byte, rep *repairer) *writer {
	return &writer{buf: buf, frames: []frame{{name: "#root"}}, rep: rep}
}

func (w *writer) raw(s string) { w.buf = append(w.room(len(s)), s...) }

// room returns buf with space for n more bytes, doubling its capacity
// when it must grow: append grows a large slice by a quarter at a time,
// and a document with thousands of rows was copied dozens of times over
// (half of rendering one at 10,000 rows).
func (w *writer) room(n int) []byte {
	if len(w.buf)+n <= cap(w.buf) {
		return w.buf
	}
	b := make([]byte, len(w.buf), max(2*cap(w.buf), len(w.buf)+n, 4096))
	copy(b, w.buf)
	return b
}

// open writes an element's start tag; close must follow.
func (w *writer) open(name, start string) {
	top := &w.frames[len(w.frames)-1]
	if w.rep != nil {
		start = w.rep.fixStart(name, top.name, start)
	}
	w.frames = append(w.frames, frame{name: name, at: len(w.buf), prevLast: top.last})
	w.buf = append(w.room(len(start)), start...)
}

// empty writes a self-closed element.
func (w *writer) empty(name, start string) {
	if w.rep == nil {
		w.buf = append(w.room(len(start)), start...)
		return
	}
	if name == "w:tc" || name == "w:txbxContent" {
		// A self-closed cell gains its paragraph.
		w.open(name, strings.TrimSuffix(strings.TrimSuffix(start, "/>"), " ")+">")
		w.close(name)
		return
	}
	if w.skipAnchor(name, start) {
		return
	}
	start = w.rep.fixStart(name, w.frames[len(w.frames)-1].name, start)
	at := len(w.buf)
	w.buf = append(w.room(len(start)), start...)
	w.child(frame{name: name, at: at, prevLast: w.frames[len(w.frames)-1].last})
}

// close writes the end tag of the innermost open element.
func (w *writer) close(name string) {
	f := w.frames[len(w.frames)-1]
	w.frames = w.frames[:len(w.frames)-1]
	if w.rep != nil && (name == "w:tc" || name == "w:txbxContent") && f.last != "w:p" {
		if w.tr != nil {
			w.tr.begin(len(w.buf), 0)
			w.tr.end()
		}
		w.buf = append(w.room(len("<w:p/>")), "<w:p/>"...)
	}
	w.buf = append(w.room(len(name)+3), "</"...)
	w.buf = append(w.buf, name...)
	w.buf = append(w.buf, '>')
	w.child(f)
}

// child records a finished element in its parent, or cuts it out: a row
// without cells, a table without rows.
func (w *writer) child(f frame) {
	p := &w.frames[len(w.frames)-1]
	if w.rep != nil && (f.name == "w:tr" && !f.cells || f.name == "w:tbl" && f.rows == 0) {
		if w.tr != nil {
			w.tr.cut(f.at)
		}
		w.buf = w.buf[:f.at]
		p.last = f.prevLast
		return
	}
	if f.name != "w:tcPr" {
		p.last = f.name
	}
	switch {
	case f.name == "w:tr" && p.name == "w:tbl":
		p.rows++
	case f.name == "w:tc" && p.name == "w:tr":
		p.cells = true
	}
}

// ran records a run written into the current element.
func (w *writer) ran() { w.frames[len(w.frames)-1].last = "w:r" }

// skipAnchor reports whether an element without children is a comment
// anchor or note reference that must not be written again (repeatedAnchor).
func (w *writer) skipAnchor(name, start string) bool {
	return w.rep != nil && w.rep.repeatedAnchor(name, start)
}

// repeatedAnchor reports whether a self-closed comment anchor or footnote
// or endnote reference repeats one already written, as in the second and
// later copies of a block. Word allows a comment or a note one place in
// the text (a second reference to it makes Word call the file unreadable),
// and the note's text is the same for every copy, so only the first copy
// keeps it; later copies keep their text without the mark.
func (r *repairer) repeatedAnchor(name, start string) bool {
	switch name {
	case "w:commentRangeStart", "w:commentRangeEnd", "w:commentReference", "w:footnoteReference", "w:endnoteReference":
	default:
		return false
	}
	id, ok := attrOf(start, "w:id")
	if !ok {
		return false
	}
	key := name + " " + id
	if r.anchors[key] {
		return true
	}
	r.anchors[key] = true
	return false
}

// fixStart renumbers the ids of one start tag that copies may repeat;
// parent is the name of the element it is in.
func (r *repairer) fixStart(name, parent, start string) string {
	switch name {
	case "w:id":
		// A content control's id (w:sdtPr/w:id) is unique in the document.
		if parent != "w:sdtPr" {
			break
		}
		id, _ := attrOf(start, "w:val")
		if r.sdtIDs[id] {
			for r.sdtIDs[strconv.Itoa(r.nextSdt)] {
				r.nextSdt++
			}
			id = strconv.Itoa(r.nextSdt)
			start = setAttr(start, "w:val", id)
		}
		r.sdtIDs[id] = true
	case "w:p", "w:tr":
		for _, a := range []string{"w14:paraId", "w14:textId"} {
			id, ok := attrOf(start, a)
			if !ok {
				continue
			}
			if r.paraIDs[a+id] {
				start = setAttr(start, a, r.freshParaID(a))
			} else {
				r.paraIDs[a+id] = true
			}
		}
	case "wp:docPr":
		r.docPr++
		start = setAttr(start, "id", strconv.Itoa(r.docPr))
	case "w:bookmarkStart":
		id, _ := attrOf(start, "w:id")
		name, _ := attrOf(start, "w:name")
		if r.bmIDs[id] {
			nid := r.freshBookmarkID()
			r.bmPending[id] = nid
			start = setAttr(start, "w:id", nid)
		} else {
			r.bmIDs[id] = true
		}
		if name != "" && r.bmNames[name] {
			k := 2
			for r.bmNames[fmt.Sprintf("%s_%d", name, k)] {
				k++
			}
			name = fmt.Sprintf("%s_%d", name, k)
			start = setAttr(start, "w:name", name)
		}
		r.bmNames[name] = true
	case "w:bookmarkEnd":
		id, _ := attrOf(start, "w:id")
		if nid, ok := r.bmPending[id]; ok {
			start = setAttr(start, "w:id", nid)
			delete(r.bmPending, id)
		}
	}
	return start
}

func (r *repairer) freshParaID(attr string) string {
	for {
		r.nextPara++
		id := fmt.Sprintf("%08X", r.nextPara&0x7FFFFFFF)
		if !r.paraIDs[attr+id] {
			r.paraIDs[attr+id] = true
			return id
		}
	}
}

func (r *repairer) freshBookmarkID() string {
	for {
		r.nextBM++
		id := strconv.Itoa(r.nextBM)
		if !r.bmIDs[id] {
			r.bmIDs[id] = true
			return id
		}
	}
}
