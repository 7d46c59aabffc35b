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
	abstract map[string]string
	starts   map[string][]int
	max      int
}

// numbering returns a fresh numbering state for one rendering, or nil when
// the template has no numbering part.
func (t *Template) numbering() *numbering {
	if t.pkg.numbers == "" {
		return nil
	}
	src := t.pkg.parts[t.pkg.numbers]
	info := &t.numInfo
	info.once.Do(func() { info.read(src) })
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
}

func newRepairer() *repairer {
	return &repairer{paraIDs: map[string]bool{}, nextPara: 0x10000000, bmIDs: map[string]bool{}, bmNames: map[string]bool{}, bmPending: map[string]string{}, nextBM: 100000}
}

// repair makes one rendered part valid in a single pass over its text, with
// no tree: ids are renumbered in start tags as they pass, and a table row
// without cells, a table without rows or a cell without a closing paragraph
// is fixed when its end tag comes, by cutting the output back to where the
// element began or adding the paragraph.
func (r *repairer) repair(xml string) (string, error) {
	if !strings.Contains(xml, "w14:paraId") && !strings.Contains(xml, "docPr") && !strings.Contains(xml, "bookmark") && !strings.Contains(xml, "<w:tbl") {
		return xml, nil
	}
	out := make([]byte, 0, len(xml)+len(xml)/64)
	// frame is an open element: where its start tag begins in out, and
	// what the repairs need to know of its children.
	type frame struct {
		name     string
		at       int
		prevLast string // the parent's last child before this element
		last     string // the last element child so far (not w:tcPr)
		rows     int    // w:tbl: rows kept
		cells    bool   // w:tr: has a cell
	}
	stack := []frame{{name: "#root"}}
	top := func() *frame { return &stack[len(stack)-1] }
	// closed finishes element f, ending at the current end of out; it
	// returns false when f was cut out.
	closed := func(f frame) bool {
		switch f.name {
		case "w:tr":
			if !f.cells {
				out = out[:f.at]
				return false
			}
		case "w:tbl":
			if f.rows == 0 {
				out = out[:f.at]
				return false
			}
		}
		return true
	}
	child := func(name string, kept bool, prevLast string) {
		p := top()
		if !kept {
			p.last = prevLast
			return
		}
		if name != "w:tcPr" {
			p.last = name
		}
		switch {
		case name == "w:tr" && p.name == "w:tbl":
			p.rows++
		case name == "w:tc" && p.name == "w:tr":
			p.cells = true
		}
	}
	needsPara := func(name, last string) bool {
		return (name == "w:tc" || name == "w:txbxContent") && last != "w:p"
	}
	i := 0
	for i < len(xml) {
		j := strings.IndexByte(xml[i:], '<')
		if j < 0 {
			out = append(out, xml[i:]...)
			break
		}
		out = append(out, xml[i:i+j]...)
		i += j
		switch {
		case strings.HasPrefix(xml[i:], "<?") || strings.HasPrefix(xml[i:], "<!"):
			end, err := rawEnd(xml, i)
			if err != nil {
				return "", err
			}
			out = append(out, xml[i:end]...)
			i = end
		case strings.HasPrefix(xml[i:], "</"):
			end := strings.IndexByte(xml[i:], '>')
			if end < 0 {
				return "", fmt.Errorf("unterminated end tag at byte %d", i)
			}
			f := *top()
			if len(stack) == 1 || strings.TrimSpace(xml[i+2:i+end]) != f.name {
				return "", fmt.Errorf("end tag %s at byte %d does not match <%s>", xml[i:i+end+1], i, f.name)
			}
			if needsPara(f.name, f.last) {
				out = append(out, "<w:p/>"...)
			}
			out = append(out, xml[i:i+end+1]...)
			i += end + 1
			stack = stack[:len(stack)-1]
			child(f.name, closed(f), f.prevLast)
		default:
			end, err := tagEnd(xml, i)
			if err != nil {
				return "", err
			}
			start := xml[i:end]
			i = end
			name := tagName(start)
			if name == "" {
				return "", fmt.Errorf("malformed tag at byte %d", i)
			}
			start = r.fixStart(name, start)
			at := len(out)
			prevLast := top().last
			if !strings.HasSuffix(start, "/>") {
				out = append(out, start...)
				stack = append(stack, frame{name: name, at: at, prevLast: prevLast})
				continue
			}
			if needsPara(name, "") {
				// A self-closed cell gains its paragraph.
				out = append(out, strings.TrimSuffix(strings.TrimSuffix(start, "/>"), " ")+"><w:p/></"+name+">"...)
				child(name, true, prevLast)
				continue
			}
			out = append(out, start...)
			child(name, closed(frame{name: name, at: at}), prevLast)
		}
	}
	if len(stack) > 1 {
		return "", fmt.Errorf("element <%s> is not closed", top().name)
	}
	return string(out), nil
}

// fixStart renumbers the ids of one start tag that copies may repeat.
func (r *repairer) fixStart(name, start string) string {
	switch name {
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
