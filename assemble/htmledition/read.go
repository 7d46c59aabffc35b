package htmledition

import (
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
)

// node is one element of a WordprocessingML part: its local name, its
// attributes by local name, its children and, for w:t, its text. Local
// names are what the fingerprint reads too, so the page and the
// fingerprint see the same words.
type node struct {
	name     string
	attr     map[string]string
	children []*node
	text     string
}

// child is the first child of that name, or nil.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// on reports whether a toggle property (w:b, w:i, w:tblHeader) is set:
// present, and not switched off by w:val.
func (n *node) on() bool {
	if n == nil {
		return false
	}
	switch n.attr["val"] {
	case "0", "false", "off":
		return false
	}
	return true
}

// parseXML reads a part into a tree, keeping character data only inside
// w:t, as the fingerprint does.
func parseXML(x []byte) (*node, error) {
	d := xml.NewDecoder(strings.NewReader(string(x)))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch e := tok.(type) {
		case xml.StartElement:
			n := &node{name: e.Name.Local, attr: map[string]string{}}
			for _, a := range e.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if top.name == "t" {
				top.text += string(e)
			}
		}
	}
	return root, nil
}

// styleNames maps each paragraph style's id to its name, lower case: Word
// keeps built-in styles' English names ("heading 1", "list bullet") whatever
// the id a translated Word gives them, so a template saved by any Word is
// read alike.
func styleNames(styles []byte) map[string]string {
	names := map[string]string{}
	if len(styles) == 0 {
		return names
	}
	root, err := parseXML(styles)
	if err != nil {
		return names // the ids alone are read then
	}
	var walk func(n *node)
	walk = func(n *node) {
		for _, c := range n.children {
			if c.name == "style" {
				if name := c.child("name"); name != nil {
					names[c.attr["styleId"]] = strings.ToLower(name.attr["val"])
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return names
}

// Kinds of paragraph, by style.
const (
	kindPara       = "p"
	kindTitle      = "title"
	kindSubtitle   = "subtitle"
	kindHeading    = "heading"
	kindBullet     = "bullet"
	kindNumber     = "number"
	kindPrompt     = "prompt"
	kindSignatory  = "signatory"
	kindSignature  = "signature-line"
	kindContents   = "contents"         // an entry of the contents list
	kindContentsHd = "contents-heading" // the contents list's heading
	kindList       = "list"             // a run of list items, after grouping
	kindTable      = "table"
	kindLayout     = "layout" // a table without a header row: signature blocks
)

// block is one paragraph, list or table of the page.
type block struct {
	Kind    string
	Level   int    // a heading's level, 1–6
	ID      string // a heading's id, for the contents' links
	Ordered bool   // a numbered list
	Spans   []span
	Items   [][]span // a list's items
	Head    [][]cell // a data table's header rows
	Rows    [][]cell // a table's other rows
}

// cell is one table cell.
type cell struct {
	Blocks  []block
	ColSpan int  // w:gridSpan, when more than one
	Number  bool // every paragraph right-aligned: amounts and shares
}

// span is a stretch of text with one formatting.
type span struct {
	Text   string
	Strong bool
	Em     bool
	Tab    bool   // a tab: a space, drawn as a line in a signature line
	Break  bool   // a line break
	Href   string // the partnership's website, where it is printed
	// Img is a picture (a chart) as a data URI, so the page fetches
	// nothing; Alt is its alternative text, as the document gives it.
	Img template.URL
	Alt string
}

// reader reads a body into blocks.
type reader struct {
	styles  map[string]string
	website string
	picture func(rel string) (template.URL, bool) // a picture by its relationship id
}

// readBody reads word/document.xml's body into blocks.
func readBody(main []byte, styles map[string]string, website string, picture func(string) (template.URL, bool)) ([]block, error) {
	root, err := parseXML(main)
	if err != nil {
		return nil, fmt.Errorf("word/document.xml: %w", err)
	}
	body := root.child("document").child("body")
	if body == nil {
		return nil, fmt.Errorf("word/document.xml has no body")
	}
	r := &reader{styles: styles, picture: picture}
	if strings.HasPrefix(website, "https://") || strings.HasPrefix(website, "http://") {
		r.website = website
	}
	return group(r.blocks(body.children)), nil
}

// blocks reads a body's or a cell's children.
func (r *reader) blocks(children []*node) []block {
	var out []block
	for _, c := range children {
		switch c.name {
		case "p":
			if b, ok := r.paragraph(c); ok {
				out = append(out, b)
			}
		case "tbl":
			out = append(out, r.table(c))
		case "sdt":
			out = append(out, r.blocks(c.child("sdtContent").childrenOrNil())...)
		case "customXml", "ins", "moveTo":
			out = append(out, r.blocks(c.children)...)
		}
	}
	return out
}

// find is the first descendant of n called name.
func find(n *node, name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
		if f := find(c, name); f != nil {
			return f
		}
	}
	return nil
}

func (n *node) childrenOrNil() []*node {
	if n == nil {
		return nil
	}
	return n.children
}

// paragraph reads one paragraph; ok is false for one with no words (an
// empty paragraph, a page break), which a web page has no use for.
func (r *reader) paragraph(p *node) (block, bool) {
	b := block{Kind: kindPara}
	style := p.child("pPr").child("pStyle")
	id := ""
	if style != nil {
		id = style.attr["val"]
	}
	b.Kind, b.Level = r.kind(id)
	b.Spans = r.linked(merge(r.spans(p.children, false, false)))
	if b.Kind == kindContents || b.Kind == kindContentsHd {
		return b, true // set aside by outline, even when empty
	}
	for _, s := range b.Spans {
		if strings.TrimSpace(s.Text) != "" || s.Img != "" {
			return b, true
		}
	}
	return b, false
}

// kind is a paragraph's kind by its style's name, else its id.
func (r *reader) kind(id string) (string, int) {
	name := r.styles[id]
	if name == "" {
		name = strings.ToLower(id)
	}
	squashed := strings.ReplaceAll(name, " ", "")
	switch {
	case squashed == "title":
		return kindTitle, 0
	case squashed == "subtitle":
		return kindSubtitle, 0
	case squashed == "tocheading" || squashed == "contentsheading":
		return kindContentsHd, 0
	case strings.HasPrefix(squashed, "toc") || strings.HasPrefix(squashed, "contents"):
		return kindContents, 0
	case strings.HasPrefix(squashed, "heading"):
		if n, err := strconv.Atoi(squashed[len("heading"):]); err == nil && n >= 1 {
			return kindHeading, min(n, 6)
		}
	case strings.HasPrefix(squashed, "listbullet"):
		return kindBullet, 0
	case strings.HasPrefix(squashed, "listnumber"):
		return kindNumber, 0
	case squashed == "prompt":
		return kindPrompt, 0
	case squashed == "signatoryname":
		return kindSignatory, 0
	case squashed == "signatureline":
		return kindSignature, 0
	}
	return kindPara, 0
}

// spans reads the text of a paragraph's runs in order, with the formatting
// the page keeps: bold as <strong>, italic as <em>, tabs and line breaks.
// Deleted text is not read, as the fingerprint does not.
func (r *reader) spans(children []*node, strong, em bool) []span {
	var out []span
	for _, c := range children {
		switch c.name {
		case "r":
			rPr := c.child("rPr")
			s, e := strong || rPr.child("b").on(), em || rPr.child("i").on()
			for _, k := range c.children {
				switch k.name {
				case "t":
					out = append(out, span{Text: k.text, Strong: s, Em: e})
				case "tab":
					out = append(out, span{Text: " ", Tab: true})
				case "drawing":
					// A picture the document carries (the report's charts):
					// shown with its alternative text, or left out when it
					// is not a PNG or JPEG of the package.
					if blip, pr := find(k, "blip"), find(k, "docPr"); blip != nil && pr != nil && r.picture != nil {
						if src, ok := r.picture(blip.attr["embed"]); ok {
							out = append(out, span{Img: src, Alt: pr.attr["descr"]})
						}
					}
				case "br", "cr":
					if t := k.attr["type"]; t == "page" || t == "column" {
						out = append(out, span{Text: " "}) // a page is not a line on the web
					} else {
						out = append(out, span{Text: " ", Break: true})
					}
				}
			}
		case "hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml", "sdt", "sdtContent":
			// A template's own links are read as text: the page links
			// nowhere but to itself and the partnership's website.
			out = append(out, r.spans(c.children, strong, em)...)
		}
	}
	return out
}

// merge joins neighbouring spans of one formatting, so a sentence the
// engine wrote in several runs is one stretch of text.
func merge(in []span) []span {
	var out []span
	for _, s := range in {
		if n := len(out); n > 0 && !s.Tab && !s.Break && !out[n-1].Tab && !out[n-1].Break && s.Img == "" && out[n-1].Img == "" &&
			out[n-1].Strong == s.Strong && out[n-1].Em == s.Em {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}

// linked makes each place the partnership's website is printed a link to
// it.
func (r *reader) linked(in []span) []span {
	if r.website == "" {
		return in
	}
	var out []span
	for _, s := range in {
		for s.Text != "" && !s.Tab && !s.Break {
			i := strings.Index(s.Text, r.website)
			if i < 0 {
				break
			}
			if i > 0 {
				out = append(out, span{Text: s.Text[:i], Strong: s.Strong, Em: s.Em})
			}
			out = append(out, span{Text: r.website, Strong: s.Strong, Em: s.Em, Href: r.website})
			s.Text = s.Text[i+len(r.website):]
		}
		if s.Text != "" || s.Img != "" {
			out = append(out, s)
		}
	}
	return out
}

// table reads a table. Its leading rows marked to repeat as a header
// (w:tblHeader) are its header, with <th scope="col">; a table with none
// is a layout table (the signature blocks), whose cells are blocks side
// by side, with no header cells to announce.
func (r *reader) table(t *node) block {
	b := block{Kind: kindTable}
	inHead := true
	for _, tr := range t.children {
		if tr.name != "tr" {
			continue
		}
		var row []cell
		for _, tc := range tr.children {
			if tc.name != "tc" {
				continue
			}
			c := cell{Blocks: group(r.blocks(tc.children)), Number: rightAligned(tc)}
			if span, err := strconv.Atoi(tc.child("tcPr").child("gridSpan").attrOr("val")); err == nil && span > 1 {
				c.ColSpan = span
			}
			row = append(row, c)
		}
		if inHead && tr.child("trPr").child("tblHeader").on() {
			b.Head = append(b.Head, row)
			continue
		}
		inHead = false
		b.Rows = append(b.Rows, row)
	}
	if len(b.Head) == 0 {
		b.Kind = kindLayout
	}
	return b
}

func (n *node) attrOr(name string) string {
	if n == nil {
		return ""
	}
	return n.attr[name]
}

// rightAligned reports whether every paragraph of a cell is right-aligned.
func rightAligned(tc *node) bool {
	seen := false
	for _, p := range tc.children {
		if p.name != "p" {
			continue
		}
		switch p.child("pPr").child("jc").attrOr("val") {
		case "right", "end":
			seen = true
		default:
			return false
		}
	}
	return seen
}

// group gathers neighbouring list items of one kind into one list.
func group(in []block) []block {
	var out []block
	for _, b := range in {
		if b.Kind != kindBullet && b.Kind != kindNumber {
			out = append(out, b)
			continue
		}
		ordered := b.Kind == kindNumber
		if n := len(out); n > 0 && out[n-1].Kind == kindList && out[n-1].Ordered == ordered {
			out[n-1].Items = append(out[n-1].Items, b.Spans)
			continue
		}
		out = append(out, block{Kind: kindList, Ordered: ordered, Items: [][]span{b.Spans}})
	}
	return out
}
