package htmledition

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// docx makes a package of a body's XML, with a title and a fingerprint.
func docx(t *testing.T, body string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	parts := map[string]string{
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body + `<w:sectPr/></w:body></w:document>`,
		"docProps/core.xml":   `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Report — Anyshire &amp; Co</dc:title><dc:language>en-GB</dc:language></cp:coreProperties>`,
		"docProps/custom.xml": `<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Fingerprint"><vt:lpwstr>7KQ3-M9XD</vt:lpwstr></property></Properties>`,
	}
	for name, x := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(x))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// p is a paragraph of one style (none for "") and runs.
func p(style string, runs ...string) string {
	ppr := "<w:pPr/>"
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return "<w:p>" + ppr + strings.Join(runs, "") + "</w:p>"
}

func r(text string) string    { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func bold(text string) string { return `<w:r><w:rPr><w:b/></w:rPr><w:t>` + text + `</w:t></w:r>` }

func cellXML(text string) string { return "<w:tc>" + p("TableText", r(text)) + "</w:tc>" }

func TestFromDocx(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		website string
		want    []string // in the page, in order
		not     []string // nowhere in the page
	}{
		{
			name: "page frame",
			body: p("Title", r("Report")) + p("Heading1", r("One")),
			want: []string{"<!doctype html>", `<html lang="en-GB">`, "<title>Report — Anyshire &amp; Co</title>", "@media print",
				`<a class="skip-link" href="#main">`, `<header class="cover">`, `<p class="title">Report</p>`, `<main id="main">`,
				`<footer>`, `<span class="fingerprint">7KQ3-M9XD</span>`},
			not: []string{"<script", "<link", "url("},
		},
		{
			name: "bold runs are strong, split runs one word",
			body: p("", r("The "), bold("lead"), r(" rep"), r("resentatives")),
			want: []string{"<p>The <strong>lead</strong> representatives</p>"},
		},
		{
			name: "headings by style, a skipped level brought up, ids unique",
			body: p("Heading1", r("Governance")) + p("Heading3", r("Board")) + p("Heading1", r("Governance")),
			want: []string{`<h1 id="governance">Governance</h1>`, `<h2 id="board">Board</h2>`, `<h1 id="governance-2">Governance</h1>`},
			not:  []string{"<h3"},
		},
		{
			name: "the contents list becomes the nav, levels 1 and 2",
			body: p("Title", r("Report")) + p("TOCHeading", r("In this report")) + p("TOC1", r("Background")) +
				p("Heading1", r("Background")) + p("Heading2", r("History")) + p("Heading3", r("Detail")),
			want: []string{`<nav aria-labelledby="contents-label">`, `<p id="contents-label" class="contents-label">In this report</p>`,
				`<li><a href="#background">Background</a>`, `<li><a href="#history">History</a></li>`, "</nav>", `<h3 id="detail">`},
			not: []string{`href="#detail"`, `<p>Background</p>`},
		},
		{
			name: "lists by style",
			body: p("ListBullet", r("a")) + p("ListBullet", r("b")) + p("ListNumber", r("first")) + p("", r("after")),
			want: []string{"<ul>\n<li>a</li>\n<li>b</li>\n</ul>", "<ol>\n<li>first</li>\n</ol>", "<p>after</p>"},
		},
		{
			name: "a data table's header row has th scope=col; amounts right-aligned",
			body: `<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>` + cellXML("Contributor") + cellXML("Amount") + `</w:tr>` +
				`<w:tr>` + cellXML("Police") + `<w:tc><w:p><w:pPr><w:jc w:val="right"/></w:pPr>` + r("£5") + `</w:p></w:tc></w:tr></w:tbl>`,
			want: []string{`<thead>`, `<th scope="col">Contributor</th>`, `<tbody>`, `<td>Police</td><td class="number">£5</td>`},
		},
		{
			name: "a table without a header row lays out signature blocks, with no header cells",
			body: `<w:tbl><w:tr><w:tc>` + p("SignatoryName", r("Chris Baird")) + p("SignatureLine", `<w:r><w:t>Signed</w:t><w:tab/></w:r>`) + `</w:tc></w:tr></w:tbl>`,
			want: []string{`<div class="layout">`, `<p class="signatory">Chris Baird</p>`, `<p class="signature-line">Signed<span class="tab"> </span></p>`},
			not:  []string{"<table", "<th"},
		},
		{
			name: "prompts are marked",
			body: p("Prompt", r("Describe the year.")),
			want: []string{`.prompt::before`, `<p class="prompt">Describe the year.</p>`},
		},
		{
			name:    "the partnership's website is linked where it is printed",
			body:    p("", r("Published at https://scp.example.org.")),
			website: "https://scp.example.org",
			want:    []string{`<p>Published at <a href="https://scp.example.org">https://scp.example.org</a>.</p>`},
		},
		{
			name:    "only a web address is linked",
			body:    p("", r("javascript:alert(1)")),
			website: "javascript:alert(1)",
			not:     []string{"<a href=\"javascript"},
		},
		{
			name: "text is escaped",
			body: p("", r("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")),
			want: []string{"<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"},
			not:  []string{"<script>"},
		},
		{
			name: "empty paragraphs and page breaks are dropped; deleted text is not read",
			body: p("") + `<w:p><w:r><w:br w:type="page"/></w:r></w:p>` + p("", r("kept"), `<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>`),
			want: []string{"<main id=\"main\">\n<p>kept</p>\n</main>"},
			not:  []string{"gone", "<p></p>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := FromDocx(docx(t, tt.body), Options{Website: tt.website, Docx: "report.docx"})
			if err != nil {
				t.Fatal(err)
			}
			page := string(out)
			at := 0
			for _, w := range tt.want {
				i := strings.Index(page[at:], w)
				if i < 0 {
					t.Errorf("%q missing (or out of order) in:\n%s", w, page[strings.Index(page, "<body>"):])
					continue
				}
				at += i + len(w)
			}
			for _, n := range tt.not {
				if strings.Contains(page, n) {
					t.Errorf("%q in:\n%s", n, page[strings.Index(page, "<body>"):])
				}
			}
		})
	}
}

func TestFromDocxRefusesWhatIsNotADocument(t *testing.T) {
	if _, err := FromDocx([]byte("not a zip"), Options{}); err == nil {
		t.Error("no error for bytes that are not a package")
	}
	if _, err := FromDocx(docx(t, "<w:p><w:r><w:t>unclosed</w:r></w:p>"), Options{Docx: "x.docx"}); err == nil || !strings.Contains(err.Error(), "x.docx") {
		t.Errorf("a broken main part: %v", err)
	}
}
