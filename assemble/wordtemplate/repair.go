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
	src, ok := t.pkg.parts["word/numbering.xml"]
	if !ok {
		return nil
	}
	info := &t.numInfo
	info.once.Do(func() { info.read(string(src)) })
	return &numbering{source: string(src), abstract: info.abstract, starts: info.starts, next: info.max + 1}
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

func (r *repairer) repair(xml string) (string, error) {
	if !strings.Contains(xml, "w14:paraId") && !strings.Contains(xml, "docPr") && !strings.Contains(xml, "bookmark") && !strings.Contains(xml, "<w:tbl") {
		return xml, nil
	}
	root, err := parseXML(xml)
	if err != nil {
		return "", err
	}
	r.walk(root)
	return serialize(root), nil
}

func (r *repairer) walk(n *node) {
	if n.kind != elemNode {
		return
	}
	for _, c := range n.children {
		r.walk(c)
	}
	switch n.name {
	case "w:p", "w:tr":
		for _, a := range []string{"w14:paraId", "w14:textId"} {
			id, ok := n.attr(a)
			if !ok {
				continue
			}
			if r.paraIDs[a+id] {
				n.start = setAttr(n.start, a, r.freshParaID(a))
			} else {
				r.paraIDs[a+id] = true
			}
		}
	case "wp:docPr":
		r.docPr++
		n.start = setAttr(n.start, "id", strconv.Itoa(r.docPr))
	case "w:bookmarkStart":
		id, _ := n.attr("w:id")
		name, _ := n.attr("w:name")
		if r.bmIDs[id] {
			nid := r.freshBookmarkID()
			r.bmPending[id] = nid
			n.start = setAttr(n.start, "w:id", nid)
		} else {
			r.bmIDs[id] = true
		}
		if name != "" && r.bmNames[name] {
			k := 2
			for r.bmNames[fmt.Sprintf("%s_%d", name, k)] {
				k++
			}
			name = fmt.Sprintf("%s_%d", name, k)
			n.start = setAttr(n.start, "w:name", name)
		}
		r.bmNames[name] = true
	case "w:bookmarkEnd":
		id, _ := n.attr("w:id")
		if nid, ok := r.bmPending[id]; ok {
			n.start = setAttr(n.start, "w:id", nid)
			delete(r.bmPending, id)
		}
	case "w:tbl":
		// A table without rows is removed; a row without cells too.
		var keep []*node
		rows := 0
		for _, c := range n.children {
			if c.isElem("w:tr") && !hasChild(c, "w:tc") {
				continue
			}
			if c.isElem("w:tr") {
				rows++
			}
			keep = append(keep, c)
		}
		n.setChildren(keep)
		if rows == 0 && n.parent != nil {
			n.parent.remove(n)
		}
	}
	if n.name == "w:tc" || n.name == "w:txbxContent" {
		// A cell must end with a paragraph.
		last := lastElem(n)
		if last == nil || !last.isElem("w:p") {
			n.appendChild(&node{kind: elemNode, name: "w:p", start: "<w:p/>", selfClose: true})
		}
	}
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

func hasChild(n *node, name string) bool {
	for _, c := range n.children {
		if c.isElem(name) {
			return true
		}
	}
	return false
}

func lastElem(n *node) *node {
	for i := len(n.children) - 1; i >= 0; i-- {
		c := n.children[i]
		if c.kind == elemNode && c.name != "w:tcPr" {
			return c
		}
		if c.kind == elemNode {
			return nil
		}
	}
	return nil
}
