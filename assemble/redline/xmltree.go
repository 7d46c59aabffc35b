package redline

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
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
// XML declaration.
func parse(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &node{name: "#root"}
	stack := []*node{root}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: qname(t.Name), attrs: append([]xml.Attr(nil), t.Attr...)}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) == 1 {
				return nil, fmt.Errorf("unexpected </%s>", qname(t.Name))
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if top == root {
				continue // whitespace between the declaration and the root
			}
			top.kids = append(top.kids, &node{text: string(t)})
		case xml.ProcInst:
			if top == root {
				root.text = string(t.Inst) // the declaration's content
			}
		}
	}
	if len(stack) != 1 {
		return nil, fmt.Errorf("<%s> is not closed", stack[len(stack)-1].name)
	}
	return root, nil
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
