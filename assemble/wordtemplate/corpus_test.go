package wordtemplate

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"mou/assemble/internal/docxcheck"
	"mou/assemble/internal/golden"
	"mou/assemble/internal/readertest"
)

// TestWordShapedCorpus renders the corpus of Word-shaped templates
// (testdata/make_corpus.py), as python-docx wrote them and as LibreOffice
// saves them again, and reads each result back: the page count from
// LibreOffice's PDF, the text LibreOffice shows, and each section's start,
// page size, orientation, headers and footers as python-docx reads them.
// Each reading is compared with testdata/corpus-*.want.txt (python-docx's
// template) and corpus-*.libreoffice.want.txt (LibreOffice's).
func TestWordShapedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("starts LibreOffice")
	}
	python := readertest.Require(t, "/usr/bin/python3")
	readertest.Require(t, "pdfinfo")
	names := []string{"corpus-sections", "corpus-objects", "corpus-notes"}
	dir := t.TempDir()
	var sources []string
	for _, n := range names {
		sources = append(sources, filepath.Join("testdata", n+".docx"))
	}
	resaved := filepath.Join(dir, "libreoffice")
	os.MkdirAll(resaved, 0o755)
	readertest.Convert(t, sources, "docx:MS Word 2007 XML", "docx", resaved)

	var outs []string
	for _, editor := range []string{"python-docx", "libreoffice"} {
		for _, n := range names {
			src := filepath.Join("testdata", n+".docx")
			if editor == "libreoffice" {
				src = filepath.Join(resaved, n+".docx")
			}
			tmpl, err := ParseFile(src)
			if err != nil {
				t.Fatalf("%s (%s): %v", n, editor, err)
			}
			out, err := tmpl.Render(fixtureData)
			if err != nil {
				t.Fatalf("%s (%s): %v", n, editor, err)
			}
			for _, p := range docxcheck.Check(out) {
				t.Errorf("%s (%s): %s", n, editor, p)
			}
			o := filepath.Join(dir, editor+"-"+n+".docx")
			if err := os.WriteFile(o, out, 0o644); err != nil {
				t.Fatal(err)
			}
			outs = append(outs, o)
		}
	}
	pdfs := readertest.Convert(t, outs, "pdf", "pdf", dir)
	texts := readertest.Convert(t, outs, "txt:Text (encoded):UTF8", "txt", t.TempDir())
	sections := sectionReport(t, python, outs)
	got := map[string]string{}
	for i, o := range outs {
		text, err := os.ReadFile(texts[i])
		if err != nil {
			t.Fatal(err)
		}
		got[filepath.Base(o)] = fmt.Sprintf("pages: %d\n\n# sections (python-docx)\n%s\n# text (LibreOffice)\n%s", readertest.PDFPages(t, pdfs[i]), sections[i], normalizeNewlines(string(text)))
	}
	for _, n := range names {
		golden.Check(t, filepath.Join("testdata", n+".want.txt"), got["python-docx-"+n+".docx"])
		// LibreOffice's copy of the template is its own: it turns sections
		// into page styles and back, so its sections and headers are not
		// python-docx's; the output keeps what its template has.
		golden.Check(t, filepath.Join("testdata", n+".libreoffice.want.txt"), got["libreoffice-"+n+".docx"])
	}
}

// sectionReport describes each file's sections as python-docx reads them,
// then the text of its text boxes, footnotes and comments (python-docx has
// no API for them: their parts are read through its package).
func sectionReport(t *testing.T, python string, files []string) []string {
	t.Helper()
	const script = `
import sys, docx
from lxml import etree
def text(part):
    return " / ".join(p.text for p in part.paragraphs if p.text)
for path in sys.argv[1:]:
    d = docx.Document(path)
    for i, s in enumerate(d.sections):
        orient = "landscape" if s.page_width > s.page_height else "portrait"
        print("%d. starts %s, %s %dx%d mm" % (i + 1, str(s.start_type).split(" ")[0], orient, round(s.page_width.mm), round(s.page_height.mm)))
        if s.different_first_page_header_footer:
            print("   first page header: " + text(s.first_page_header))
        print("   header: " + text(s.header))
        print("   footer: " + text(s.footer))
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    def para_text(p):
        return "".join(t.text or "" for t in p.iter(W + "t"))
    MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
    # LibreOffice writes each text box twice, as a shape and as VML for
    # older readers (mc:Fallback): counted once, as Word shows it.
    for box in d.element.body.iter(W + "txbxContent"):
        if any(a.tag == MC + "Fallback" for a in box.iterancestors()):
            continue
        print("text box: " + " / ".join(para_text(p) for p in box.iter(W + "p")))
    for rel in sorted(d.part.rels.values(), key=lambda r: r.reltype):
        kind = rel.reltype.rsplit("/", 1)[-1]
        if rel.is_external or kind not in ("footnotes", "comments"):
            continue
        root = etree.fromstring(rel.target_part.blob)
        for note in root:
            if note.get(W + "type") in ("separator", "continuationSeparator"):
                continue
            print("%s %s: %s" % (kind[:-1], note.get(W + "id"), " / ".join(para_text(p) for p in note.iter(W + "p"))))
    print("\x00", end="")
`
	out, err := exec.Command(python, append([]string{"-c", script}, files...)...).Output()
	if err != nil {
		t.Fatalf("python-docx: %v", err)
	}
	parts := strings.Split(string(out), "\x00")
	if len(parts) < len(files) {
		t.Fatalf("python-docx read %d of %d files", len(parts), len(files))
	}
	return parts[:len(files)]
}
