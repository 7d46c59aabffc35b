package redline

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// node is one element or one piece of character data of a part. Names keep
// their prefixes as written ("w:p"), so a part is written back with the
// namespace declarations it came with and nothing else changes.
type node struct {
	name  string // "w:p"; "" for character data
	attrs []xml.Attr
	kids  []*node
	text  string // character data when name == ""
}

// parse reads a part into a tree under a synthetic root that also keeps the
// XML declaration. It is a small scanner rather than encoding/xml, which
// spends most of a comparison's time in namespace bookkeeping that the
// tree, keeping prefixes as written, does not need; a part that is not
// well-formed is an error.
func parse(data []byte) (*node, error) {
	root := &node{name: "#root"}
	stack := []*node{root}
	s := string(data)
	line := func(i int) int { return 1 + strings.Count(s[:i], "\n") }
	for i := 0; i < len(s); {
		top := stack[len(stack)-1]
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			if top != root {
				text, err := unescape(s[i : i+j])
				if err != nil {
					return nil, fmt.Errorf("line %d: %w", line(i), err)
				}
				top.kids = append(top.kids, &node{text: text})
			}
			i += j
			continue
		}
		switch {
		case strings.HasPrefix(s[i:], "<?"):
			j := strings.Index(s[i:], "?>")
			if j < 0 {
				return nil, fmt.Errorf("line %d: unclosed <?", line(i))
			}
			if top == root {
				inst := s[i+2 : i+j]
				if rest, ok := strings.CutPrefix(inst, "xml "); ok {
					root.text = rest
				}
			}
			i += j + 2
		case strings.HasPrefix(s[i:], "<!--"):
			j := strings.Index(s[i:], "-->")
			if j < 0 {
				return nil, fmt.Errorf("line %d: unclosed comment", line(i))
			}
			i += j + 3
		case strings.HasPrefix(s[i:], "<![CDATA["):
			j := strings.Index(s[i:], "]]>")
			if j < 0 {
				return nil, fmt.Errorf("line %d: unclosed CDATA", line(i))
			}
			top.kids = append(top.kids, &node{text: s[i+9 : i+j]})
			i += j + 3
		case strings.HasPrefix(s[i:], "<!"):
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("line %d: unclosed <!", line(i))
			}
			i += j + 1
		case strings.HasPrefix(s[i:], "</"):
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("line %d: unclosed end tag", line(i))
			}
			name := strings.TrimSpace(s[i+2 : i+j])
			if top == root || top.name != name {
				return nil, fmt.Errorf("line %d: </%s> does not close <%s>", line(i), name, top.name)
			}
			stack = stack[:len(stack)-1]
			i += j + 1
		default:
			n, end, selfClosing, err := startTag(s, i)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line(i), err)
			}
			top.kids = append(top.kids, n)
			if !selfClosing {
				stack = append(stack, n)
			}
			i = end
		}
	}
	if len(stack) != 1 {
		return nil, fmt.Errorf("<%s> is not closed", stack[len(stack)-1].name)
	}
	return root, nil
}

// startTag reads "<name a="v" …>" or "<name …/>" at s[i].
func startTag(s string, i int) (n *node, end int, selfClosing bool, err error) {
	j := i + 1
	for j < len(s) && !isSpace(s[j]) && s[j] != '>' && s[j] != '/' {
		j++
	}
	n = &node{name: s[i+1 : j]}
	if n.name == "" {
		return nil, 0, false, fmt.Errorf("a tag without a name")
	}
	for {
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j >= len(s) {
			return nil, 0, false, fmt.Errorf("<%s> is not finished", n.name)
		}
		switch {
		case s[j] == '>':
			return n, j + 1, false, nil
		case strings.HasPrefix(s[j:], "/>"):
			return n, j + 2, true, nil
		}
		k := j
		for k < len(s) && s[k] != '=' && !isSpace(s[k]) && s[k] != '>' {
			k++
		}
		name := s[j:k]
		for k < len(s) && isSpace(s[k]) {
			k++
		}
		if k+1 >= len(s) || s[k] != '=' {
			return nil, 0, false, fmt.Errorf("attribute %s of <%s> has no value", name, n.name)
		}
		k++
		for k < len(s) && isSpace(s[k]) {
			k++
		}
		if k >= len(s) || s[k] != '"' && s[k] != '\'' {
			return nil, 0, false, fmt.Errorf("attribute %s of <%s> is not quoted", name, n.name)
		}
		q := s[k]
		e := strings.IndexByte(s[k+1:], q)
		if e < 0 {
			return nil, 0, false, fmt.Errorf("attribute %s of <%s> is not closed", name, n.name)
		}
		value, err := unescape(s[k+1 : k+1+e])
		if err != nil {
			return nil, 0, false, err
		}
		space, local, ok := strings.Cut(name, ":")
		if !ok {
			space, local = "", name
		}
		n.attrs = append(n.attrs, xml.Attr{Name: xml.Name{Space: space, Local: local}, Value: value})
		j = k + 1 + e + 1
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// unescape replaces entity and character references.
func unescape(s string) (string, error) {
	if strings.IndexByte(s, '&') < 0 {
		return s, nil
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], ';')
		if j < 0 {
			return "", fmt.Errorf("an & that starts no reference: write &amp;")
		}
		ref := s[i+1 : i+j]
		switch ref {
		case "amp":
			b.WriteByte('&')
		case "lt":
			b.WriteByte('<')
		case "gt":
			b.WriteByte('>')
		case "quot":
			b.WriteByte('"')
		case "apos":
			b.WriteByte('\'')
		default:
			var r int64
			var err error
			switch {
			case strings.HasPrefix(ref, "#x"):
				r, err = strconv.ParseInt(ref[2:], 16, 32)
			case strings.HasPrefix(ref, "#"):
				r, err = strconv.ParseInt(ref[1:], 10, 32)
			default:
				err = fmt.Errorf("unknown entity")
			}
			if err != nil {
				return "", fmt.Errorf("&%s; is not a reference XML knows", ref)
			}
			b.WriteRune(rune(r))
		}
		s = s[i+j+1:]
	}
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#xA;", "\r", "&#xD;", "\t", "&#x9;")
)

// bytes writes a parsed part back.
func (root *node) bytes() []byte {
	var b bytes.Buffer
	if root.text != "" {
		b.WriteString("<?xml " + root.text + "?>\n")
	}
	for _, k := range root.kids {
		k.write(&b)
	}
	return b.Bytes()
}

func (n *node) write(b *bytes.Buffer) {
	if n.name == "" {
		b.WriteString(textEscaper.Replace(n.text))
		return
	}
	b.WriteByte('<')
	b.WriteString(n.name)
	for _, a := range n.attrs {
		b.WriteByte(' ')
		b.WriteString(qname(a.Name))
		b.WriteString(`="`)
		b.WriteString(attrEscaper.Replace(a.Value))
		b.WriteByte('"')
	}
	if len(n.kids) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	for _, k := range n.kids {
		k.write(b)
	}
	b.WriteString("</")
	b.WriteString(n.name)
	b.WriteByte('>')
}

// xml is the node's markup: used as its identity when comparing.
func (n *node) xml() string {
	var b bytes.Buffer
	n.write(&b)
	return b.String()
}

// el makes an element.
func el(name string, attrs []xml.Attr, kids ...*node) *node {
	return &node{name: name, attrs: attrs, kids: kids}
}

// child is the first child element of that name, or nil.
func (n *node) child(name string) *node {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// attr is the value of an attribute by its prefixed name ("w:val").
func (n *node) attr(name string) string {
	for _, a := range n.attrs {
		if qname(a.Name) == name {
			return a.Value
		}
	}
	return ""
}

// clone copies a subtree.
func (n *node) clone() *node {
	c := &node{name: n.name, text: n.text, attrs: append([]xml.Attr(nil), n.attrs...)}
	for _, k := range n.kids {
		c.kids = append(c.kids, k.clone())
	}
	return c
}

// find returns the first element of that name in document order.
func (n *node) find(name string) *node {
	if n.name == name {
		return n
	}
	for _, k := range n.kids {
		if f := k.find(name); f != nil {
			return f
		}
	}
	return nil
}

func wattr(local, value string) xml.Attr {
	return xml.Attr{Name: xml.Name{Space: "w", Local: local}, Value: value}
}
