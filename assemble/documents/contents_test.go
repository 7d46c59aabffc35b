package documents

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

const tocPara = `<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
	`<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
	`<w:r><w:t>Update me</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`

func heading(level, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="Heading` + level + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func TestFillTOC(t *testing.T) {
	doc := `<w:body>` + tocPara + heading("1", "Funding &amp; resources") + `<w:p><w:r><w:t>text</w:t></w:r></w:p>` +
		heading("2", "In kind") + heading("3", "Too deep") + heading("1", "Review") + `</w:body>`
	got, ok := fillTOC(doc)
	want := `<w:body><w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t xml:space="preserve">Funding &amp; resources</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="TOC2"/></w:pPr><w:r><w:t xml:space="preserve">In kind</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:t xml:space="preserve">Review</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
	if !ok || !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant prefix\n%s", got, want)
	}
	// A contents list Word has already spread over paragraphs stays as it is,
	// and so does a document without headings.
	spread := `<w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \o </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` + heading("1", "A") + `</w:body>`
	for _, d := range []string{spread, `<w:body>` + tocPara + `</w:body>`} {
		if got, ok := fillTOC(d); ok || got != d {
			t.Errorf("changed:\n%s", got)
		}
	}
}

// paragraphSpans finds what the regular expression it replaces found.
func TestParagraphSpans(t *testing.T) {
	re := regexp.MustCompile(`(?s)<w:p(?: [^>]*)?>.*?</w:p>`)
	for _, doc := range []string{
		`<w:body>` + tocPara + heading("1", "A") + `<w:p/><w:pPr/><w:p w14:paraId="1"><w:r/></w:p><w:p`,
		`<w:p><w:pPr><w:p>x</w:p></w:p><w:p >y</w:p><w:pict/><w:p>unclosed`,
		``,
	} {
		if got, want := paragraphSpans(doc), re.FindAllStringIndex(doc, -1); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s:\ngot  %v\nwant %v", doc, got, want)
		}
	}
}
