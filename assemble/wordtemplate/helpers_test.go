package wordtemplate

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"mou/assemble/internal/docxcheck"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// mkdocx builds a minimal .docx around a body; extra adds or replaces parts.
func mkdocx(body string, extra map[string]string) []byte {
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + wNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`,
	}
	if _, ok := extra["word/numbering.xml"]; !ok {
		// No dangling relationship to a numbering part that is not there.
		parts["word/_rels/document.xml.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`
	}
	for k, v := range extra {
		parts[k] = v
	}
	names := []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"}
	for k := range extra {
		if !contains(names, k) {
			names = append(names, k)
		}
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, _ := zw.Create(n)
		io.WriteString(w, parts[n])
	}
	zw.Close()
	return buf.Bytes()
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// para makes a paragraph of runs; a run written "*text" is bold.
func para(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for _, r := range runs {
		rpr := ""
		if strings.HasPrefix(r, "*") {
			rpr, r = "<w:rPr><w:b/></w:rPr>", r[1:]
		}
		fmt.Fprintf(&b, `<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>`, rpr, escapeText(r))
	}
	b.WriteString("</w:p>")
	return b.String()
}

// listPara makes a numbered paragraph of list numId.
func listPara(numID, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%s"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, numID, escapeText(text))
}

// row makes a table row with one paragraph per cell.
func row(cells ...string) string {
	var b strings.Builder
	b.WriteString("<w:tr>")
	for _, c := range cells {
		b.WriteString("<w:tc><w:tcPr/>" + para(c) + "</w:tc>")
	}
	b.WriteString("</w:tr>")
	return b.String()
}

func table(rows ...string) string {
	return "<w:tbl><w:tblPr/>" + strings.Join(rows, "") + "</w:tbl>"
}

// render parses and renders a body and returns the document part's XML.
func render(t *testing.T, body string, data any) string {
	t.Helper()
	out, err := renderDocx(body, nil, data)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return partXML(t, out, "word/document.xml")
}

func renderDocx(body string, extra map[string]string, data any) ([]byte, error) {
	tmpl, err := Parse("test.docx", mkdocx(body, extra))
	if err != nil {
		return nil, err
	}
	return tmpl.Render(data)
}

func partXML(t *testing.T, docx []byte, name string) string {
	t.Helper()
	s, err := docxcheck.Part(docx, name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// visibleText is the text of each paragraph, one per line; a w:br is "⏎",
// a w:tab "→", and table cells are separated by " | ".
func visibleText(t *testing.T, xml string) string {
	t.Helper()
	root, err := parseXML(xml)
	if err != nil {
		t.Fatalf("output is not well-formed: %v\n%s", err, xml)
	}
	var lines []string
	var cur *strings.Builder
	var walk func(n *node)
	walk = func(n *node) {
		if n.kind != elemNode {
			return
		}
		switch n.name {
		case "w:tr":
			var cells []string
			for _, tc := range n.children {
				if !tc.isElem("w:tc") {
					continue
				}
				var parts []string
				for _, c := range tc.children {
					if c.isElem("w:p") {
						parts = append(parts, paraText(c))
					}
				}
				cells = append(cells, strings.Join(parts, "/"))
			}
			lines = append(lines, strings.Join(cells, " | "))
			return
		case "w:p":
			lines = append(lines, paraText(n))
			return
		}
		_ = cur
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(root)
	return strings.Join(lines, "\n")
}

func paraText(p *node) string {
	var b strings.Builder
	var walk func(n *node)
	walk = func(n *node) {
		if n.kind != elemNode {
			return
		}
		switch n.name {
		case "w:t":
			b.WriteString(textOf(n))
		case "w:br":
			b.WriteString("⏎")
		case "w:tab":
			b.WriteString("→")
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(p)
	return b.String()
}
