package documents

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"mou/assemble/internal/readertest"
)

const tocPara = `<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
	`<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
	`<w:r><w:t>Update me</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`

func heading(level, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="Heading` + level + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

var body = heading("1", "Funding &amp; resources") + `<w:p><w:r><w:t>text</w:t></w:r></w:p>` +
	heading("2", "In kind") + heading("3", "Too deep") + heading("1", "Review") + `</w:body>`

func TestFillTOC(t *testing.T) {
	got, ok := fillTOC(`<w:body>`+tocPara+body, nil, []int{3, 0, 5})
	want := `<w:body><w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t xml:space="preserve">Funding &amp; resources</w:t></w:r><w:r><w:tab/><w:t>3</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="TOC2"/></w:pPr><w:r><w:t xml:space="preserve">In kind</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:t xml:space="preserve">Review</w:t></w:r><w:r><w:tab/><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
	if !ok || !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant prefix\n%s", got, want)
	}
	// Filling again (with the pages, after a PDF) gives the same shape.
	again, _ := fillTOC(got, nil, []int{3, 0, 5})
	if again != got {
		t.Errorf("filling twice changed the list:\n%s", again)
	}
	// A document without headings is left alone.
	if d := `<w:body>` + tocPara + `</w:body>`; func() bool { got, ok := fillTOC(d, nil, nil); return ok || got != d }() {
		t.Error("a document without headings changed")
	}
}

// TestFillSpreadTOC: the shape LibreOffice and Word save — the field's
// result over several paragraphs inside a content control, the end mark in
// a paragraph of its own, LibreOffice's style ids (Contents1) and escaped
// quotes in the instruction — is filled like the simple one, entries in
// the document's own contents styles.
func TestFillSpreadTOC(t *testing.T) {
	styles := `<w:style w:type="paragraph" w:styleId="Contents1"><w:name w:val="TOC 1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Contents2"><w:name w:val="TOC 2"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>`
	spread := `<w:body><w:sdt><w:sdtContent><w:p><w:pPr><w:pStyle w:val="Contents1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"></w:fldChar></w:r>` +
		`<w:r><w:rPr><w:i/></w:rPr><w:instrText xml:space="preserve"> TOC \z \o &quot;1-2&quot; \u \h</w:instrText></w:r>` +
		`<w:r><w:rPr><w:i/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Old entry</w:t></w:r><w:r><w:tab/><w:t>2</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Contents2"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \h </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Another</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Contents1"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>` + body
	got, ok := fillTOC(spread, readStyles(styles), []int{4, 6, 9})
	want := `<w:r><w:rPr><w:i/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t xml:space="preserve">Funding &amp; resources</w:t></w:r><w:r><w:tab/><w:t>4</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Contents2"/></w:pPr><w:r><w:t xml:space="preserve">In kind</w:t></w:r><w:r><w:tab/><w:t>6</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Contents1"/></w:pPr><w:r><w:t xml:space="preserve">Review</w:t></w:r><w:r><w:tab/><w:t>9</w:t></w:r>` +
		`<w:r><w:rPr><w:i/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>`
	if !ok || !strings.Contains(got, want) || strings.Contains(got, "Old entry") || strings.Contains(got, "PAGEREF") {
		t.Errorf("got\n%s\nwant it to contain\n%s", got, want)
	}
	if n := strings.Count(got, "<w:p>") - strings.Count(got, "</w:p>"); n != 0 {
		t.Errorf("paragraphs unbalanced by %d", n)
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

// TestResavedTemplatesContents: the default templates opened and saved as
// .docx by LibreOffice — which keeps the contents field in a content
// control and renames its styles — still build with the full contents list.
func TestResavedTemplatesContents(t *testing.T) {
	readertest.Require(t, "soffice")
	dir := t.TempDir()
	var originals []string
	for _, name := range []string{"mou.docx", "arrangements.docx", "annual-report.docx"} {
		b, err := os.ReadFile(filepath.Join("../../templates", name))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		originals = append(originals, path)
	}
	resaved := t.TempDir()
	readertest.Convert(t, originals, "docx:MS Word 2007 XML", "docx", resaved)
	only := []string{MOU, Arrangements, YearlyReport}
	want, err := Plan(examples[:1], Options{Out: "x", Only: only})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Plan(examples[:1], Options{Out: "x", Only: only, Templates: resaved})
	if err != nil {
		t.Fatalf("the re-saved templates do not build: %v", err)
	}
	for i := range want {
		wantEntries, _ := docxContents(t, partText(t, want[i].Data, "word/document.xml"))
		gotDoc := partText(t, got[i].Data, "word/document.xml")
		gotEntries, _ := docxContents(t, gotDoc)
		if len(wantEntries) < 5 || strings.Join(gotEntries, "|") != strings.Join(wantEntries, "|") {
			t.Errorf("%s from the re-saved template: contents %q, want %q", filepath.Base(got[i].Path), gotEntries, wantEntries)
		}
		if strings.Contains(gotDoc, "The contents list is filled in") {
			t.Errorf("%s from the re-saved template still shows the placeholder", filepath.Base(got[i].Path))
		}
	}
}
