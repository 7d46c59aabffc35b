package wordtemplate

import (
	"fmt"
	"strconv"
	"strings"
)

// nodeKind says what a node of the part tree is.
type nodeKind int

const (
	elemNode  nodeKind = iota // an XML element, kept as its raw start tag
	rawNode                   // character data, comments, processing instructions: copied as written
	tagNode                   // a template tag that stands alone in its own run
	blockNode                 // a block ({{#each}}, {{#if}}, {{#unless}}) and the nodes it governs
)

// node is one node of a part's XML tree. The tree keeps every byte of the
// original markup it does not understand, so rendering a part with no tags
// writes it back unchanged.
type node struct {
	kind      nodeKind
	name      string // element name with its prefix, e.g. "w:p"
	start     string // raw start tag, e.g. `<w:t xml:space="preserve">`
	selfClose bool
	raw       string // rawNode text (still escaped)
	children  []*node
	parent    *node

	tag   *tag   // tagNode
	block *block // blockNode
	para  int    // w:p: 1-based paragraph number in the part
}

func (n *node) isElem(name string) bool { return n != nil && n.kind == elemNode && n.name == name }

// appendChild adds c as the last child of n.
func (n *node) appendChild(c *node) {
	c.parent = n
	n.children = append(n.children, c)
}

// setChildren replaces n's children.
func (n *node) setChildren(cs []*node) {
	n.children = cs
	for _, c := range cs {
		c.parent = n
	}
}

// index returns the position of child c in n.children, or -1.
func (n *node) index(c *node) int {
	for i, x := range n.children {
		if x == c {
			return i
		}
	}
	return -1
}

// replace puts repl in place of child c.
func (n *node) replace(c *node, repl ...*node) {
	i := n.index(c)
	if i < 0 {
		return
	}
	out := make([]*node, 0, len(n.children)-1+len(repl))
	out = append(out, n.children[:i]...)
	out = append(out, repl...)
	out = append(out, n.children[i+1:]...)
	n.setChildren(out)
}

// remove deletes child c.
func (n *node) remove(c *node) { n.replace(c) }

// ancestor returns the nearest ancestor (or n itself) with the given name.
func (n *node) ancestor(name string) *node {
	for x := n; x != nil; x = x.parent {
		if x.isElem(name) {
			return x
		}
	}
	return nil
}

// attr returns the value of an attribute in the raw start tag.
func (n *node) attr(name string) (string, bool) { return attrOf(n.start, name) }

func attrOf(start, name string) (string, bool) {
	i := 0
	for {
		j := strings.Index(start[i:], name+"=")
		if j < 0 {
			return "", false
		}
		j += i
		// The attribute name must be preceded by a space.
		if j > 0 && (start[j-1] == ' ' || start[j-1] == '\t' || start[j-1] == '\n' || start[j-1] == '\r') {
			q := j + len(name) + 1
			if q < len(start) && (start[q] == '"' || start[q] == '\'') {
				end := strings.IndexByte(start[q+1:], start[q])
				if end >= 0 {
					return unescape(start[q+1 : q+1+end]), true
				}
			}
		}
		i = j + len(name) + 1
	}
}

// setAttr returns start with attribute name set to value (added if absent).
func setAttr(start, name, value string) string {
	if _, ok := attrOf(start, name); ok {
		i := 0
		for {
			j := strings.Index(start[i:], name+"=")
			j += i
			if j > 0 && strings.ContainsRune(" \t\n\r", rune(start[j-1])) {
				q := j + len(name) + 1
				end := strings.IndexByte(start[q+1:], start[q])
				return start[:q+1] + escapeAttr(value) + start[q+1+end:]
			}
			i = j + len(name) + 1
		}
	}
	end := len(start) - 1
	if strings.HasSuffix(start, "/>") {
		end = len(start) - 2
	}
	return start[:end] + " " + name + `="` + escapeAttr(value) + `"` + start[end:]
}

// removeAttr returns start without attribute name.
func removeAttr(start, name string) string {
	if _, ok := attrOf(start, name); !ok {
		return start
	}
	i := 0
	for {
		j := strings.Index(start[i:], name+"=")
		j += i
		if j > 0 && strings.ContainsRune(" \t\n\r", rune(start[j-1])) {
			q := j + len(name) + 1
			end := strings.IndexByte(start[q+1:], start[q])
			return start[:j-1] + start[q+1+end+1:]
		}
		i = j + len(name) + 1
	}
}

// maxDepth bounds how deeply elements nest. Word's deepest real structures
// (a table in a text box in a table cell, nested a few times) stay under a
// hundred; the bound keeps every recursive walk of the tree far from the
// stack's limit.
const maxDepth = 1000

// limitError is a part past one of the parser's bounds, as opposed to
// markup that is not well formed.
type limitError string

func (e limitError) Error() string { return string(e) }

// parseXML reads a part into a tree under a synthetic root. It accepts what
// Word and LibreOffice write and rejects markup that is not well formed,
// nested deeper than maxDepth, or with more than maxElements elements.
func parseXML(s string) (*node, error) {
	root, _, err := parseXMLCount(s)
	return root, err
}

// parseXMLCount is parseXML that also returns the number of elements.
func parseXMLCount(s string) (*node, int, error) {
	root := &node{kind: elemNode, name: "#root"}
	cur := root
	depth, elements := 0, 0
	i := 0
	textStart := 0
	flushText := func(end int) {
		if end > textStart {
			cur.appendChild(&node{kind: rawNode, raw: s[textStart:end]})
		}
	}
	for i < len(s) {
		if s[i] != '<' {
			i++
			continue
		}
		flushText(i)
		switch {
		case strings.HasPrefix(s[i:], "<?") || strings.HasPrefix(s[i:], "<!"):
			// Kept byte for byte: processing instructions, comments, CDATA
			// sections and declarations.
			n, err := rawEnd(s, i)
			if err != nil {
				return nil, 0, err
			}
			cur.appendChild(&node{kind: rawNode, raw: s[i:n]})
			i = n
		case strings.HasPrefix(s[i:], "</"):
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return nil, 0, fmt.Errorf("unterminated end tag at byte %d", i)
			}
			name := strings.TrimSpace(s[i+2 : i+end])
			if cur == root || cur.name != name {
				return nil, 0, fmt.Errorf("end tag </%s> at byte %d does not match <%s>", name, i, cur.name)
			}
			cur = cur.parent
			depth--
			i += end + 1
		default:
			end, err := tagEnd(s, i)
			if err != nil {
				return nil, 0, err
			}
			raw := s[i:end]
			n := &node{kind: elemNode, start: raw, name: tagName(raw)}
			if n.name == "" {
				return nil, 0, fmt.Errorf("malformed tag at byte %d", i)
			}
			cur.appendChild(n)
			elements++
			if elements > maxElements {
				return nil, 0, limitError(fmt.Sprintf("has more than %d XML elements (at byte %d): no Word document has so many; split it into several templates", maxElements, i))
			}
			if strings.HasSuffix(raw, "/>") {
				n.selfClose = true
			} else {
				cur = n
				depth++
				if depth > maxDepth {
					return nil, 0, limitError(fmt.Sprintf("has XML elements nested more than %d deep (at byte %d): no Word document nests so deeply; save it again from Word or LibreOffice", maxDepth, i))
				}
			}
			i = end
		}
		textStart = i
	}
	flushText(len(s))
	if cur != root {
		return nil, 0, fmt.Errorf("element <%s> is not closed", cur.name)
	}
	return root, elements, nil
}

// rawKinds are the markup kept as it is, most specific opener first.
var rawKinds = []struct{ open, close, what string }{
	{"<?", "?>", "processing instruction"},
	{"<!--", "-->", "comment"},
	{"<![CDATA[", "]]>", "CDATA section"},
	{"<!", ">", "declaration"},
}

// rawEnd returns the end of the raw markup starting at i.
func rawEnd(s string, i int) (int, error) {
	for _, k := range rawKinds {
		if strings.HasPrefix(s[i:], k.open) {
			end := strings.Index(s[i:], k.close)
			if end < 0 {
				return 0, fmt.Errorf("unterminated %s at byte %d", k.what, i)
			}
			return i + end + len(k.close), nil
		}
	}
	return 0, fmt.Errorf("malformed markup at byte %d", i)
}

// tagEnd finds the end of the start tag at i, skipping quoted attribute values.
func tagEnd(s string, i int) (int, error) {
	var quote byte
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1, nil
		case c == '<':
			return 0, fmt.Errorf("malformed tag at byte %d", i)
		}
	}
	return 0, fmt.Errorf("unterminated tag at byte %d", i)
}

func tagName(raw string) string {
	s := strings.TrimPrefix(raw, "<")
	end := strings.IndexAny(s, " \t\r\n/>")
	if end < 0 {
		return ""
	}
	return s[:end]
}

// endTag returns the end tag of an element.
func (n *node) endTag() string { return "</" + n.name + ">" }

// serialize writes the tree back as XML (tag and block nodes must be gone).
func serialize(root *node) string {
	var b strings.Builder
	var walk func(n *node)
	walk = func(n *node) {
		switch n.kind {
		case rawNode:
			b.WriteString(n.raw)
		case elemNode:
			if n.name == "#root" {
				for _, c := range n.children {
					walk(c)
				}
				return
			}
			if n.selfClose && len(n.children) == 0 {
				b.WriteString(n.start)
				return
			}
			if n.selfClose { // gained children during repairs
				b.WriteString(strings.TrimSuffix(strings.TrimSuffix(n.start, "/>"), " ") + ">")
			} else {
				b.WriteString(n.start)
			}
			for _, c := range n.children {
				walk(c)
			}
			b.WriteString(n.endTag())
		}
	}
	walk(root)
	return b.String()
}

// textOf returns the unescaped character data directly inside n.
func textOf(n *node) string {
	var b strings.Builder
	for _, c := range n.children {
		if c.kind == rawNode && !strings.HasPrefix(c.raw, "<") {
			b.WriteString(unescape(c.raw))
		} else if c.kind == rawNode && strings.HasPrefix(c.raw, "<![CDATA[") {
			b.WriteString(strings.TrimSuffix(strings.TrimPrefix(c.raw, "<![CDATA["), "]]>"))
		}
	}
	return b.String()
}

// setText replaces the character data of n (a w:t) with s, keeping spaces.
func setText(n *node, s string) {
	n.selfClose = false
	if !strings.Contains(n.start, "xml:space") {
		n.start = setAttr(n.start, "xml:space", "preserve")
	}
	if strings.HasSuffix(n.start, "/>") {
		n.start = strings.TrimSuffix(strings.TrimSuffix(n.start, "/>"), " ") + ">"
	}
	if s == "" {
		n.setChildren(nil)
		return
	}
	n.setChildren([]*node{{kind: rawNode, raw: escapeText(s)}})
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func escapeText(s string) string { return textEscaper.Replace(s) }
func escapeAttr(s string) string { return attrEscaper.Replace(s) }

// unescape decodes the five named entities and numeric references.
func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexByte(s, ';')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		ent := s[1:j]
		switch ent {
		case "lt":
			b.WriteByte('<')
		case "gt":
			b.WriteByte('>')
		case "amp":
			b.WriteByte('&')
		case "quot":
			b.WriteByte('"')
		case "apos":
			b.WriteByte('\'')
		default:
			var r uint64
			var err error
			if strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X") {
				r, err = strconv.ParseUint(ent[2:], 16, 32)
			} else if strings.HasPrefix(ent, "#") {
				r, err = strconv.ParseUint(ent[1:], 10, 32)
			} else {
				err = fmt.Errorf("unknown entity")
			}
			if err != nil {
				b.WriteString(s[:j+1])
			} else {
				b.WriteRune(rune(r))
			}
		}
		s = s[j+1:]
	}
}
