package check

import (
	"archive/zip"
	"bytes"
	"testing"
)

func docx(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range parts {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func para(style, text string) string {
	p := "<w:p>"
	if style != "" {
		p += `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return p + "<w:r><w:t>" + text + "</w:t></w:r></w:p>"
}

// Headings are known by their style's name or outline level, so a template
// saved by a Word in another language (style id "berschrift1", name
// "heading 1") or restyled with a custom heading style is read the same.
func TestOutlineHeadings(t *testing.T) {
	styles := `<w:styles ` + w + `>` +
		`<w:style w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>` +
		`<w:style w:styleId="MyHeading"><w:name w:val="Partnership heading"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>` +
		`<w:style w:styleId="Prompt"><w:name w:val="Prompt"/></w:style>` +
		`</w:styles>`
	body := `<w:document ` + w + `><w:body>` +
		para("berschrift1", "Funding") +
		para("", "The partners pay ") +
		para("MyHeading", "Shares") +
		`<w:tbl><w:tr><w:tc>` + para("berschrift1", "Not a heading in a table") + `</w:tc></w:tr></w:tbl>` +
		`<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Training</w:t></w:r></w:p>` +
		para("Prompt", "Write about training.") +
		para("berschrift1", "Empty") +
		para("", "") +
		`</w:body></w:document>`
	o, err := readOutline(docx(t, map[string]string{"word/document.xml": body, "word/styles.xml": styles}))
	if err != nil {
		t.Fatal(err)
	}
	funding, ok := o.find([]string{"funding"})
	if !ok || len(funding.body) != 3 || funding.body[1].level != 2 || funding.empty() || funding.body[2].level != 0 {
		t.Errorf("funding: %+v", funding)
	}
	training, ok := o.find([]string{"Training"})
	if !ok || training.empty() || !training.promptsOnly() {
		t.Errorf("training: %+v", training)
	}
	if empty, ok := o.find([]string{"Empty"}); !ok || !empty.empty() {
		t.Errorf("empty: %+v", empty)
	}
	if _, ok := o.find([]string{"Not a heading in a table"}); ok {
		t.Error("a paragraph in a table was read as a heading")
	}
}

func TestOutlineRefusesNonDocuments(t *testing.T) {
	if _, err := readOutline([]byte("not a zip")); err == nil {
		t.Error("not a zip: no error")
	}
	if _, err := readOutline(docx(t, map[string]string{"word/styles.xml": "<x/>"})); err == nil {
		t.Error("no document part: no error")
	}
}
