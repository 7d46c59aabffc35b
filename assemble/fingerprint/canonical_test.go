package fingerprint_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"mou/assemble/documents"
	"mou/assemble/fingerprint"
	"mou/assemble/internal/docxzip"
	"mou/assemble/internal/readertest"
)

// TestOneCodeWhateverTheFormat: one data file gives one fingerprint for a
// plain build's .docx, a --pdf build's .docx (its contents list now with
// page numbers) and its PDF, and a copy re-saved by LibreOffice with its
// contents list updated (as a business user answering Yes to Word's
// "update fields" would); endorsement pages of the plain build match the
// PDF of the --pdf build. A one-word change gives another code.
func TestOneCodeWhateverTheFormat(t *testing.T) {
	readertest.Require(t, "soffice")
	readertest.Require(t, "pdftotext")
	python := readertest.Require(t, "/usr/bin/python3")
	if err := exec.Command(python, "-c", "import uno").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3-uno is needed (Debian package python3-uno)")
		}
		t.Skip("python3-uno is not installed (Debian package python3-uno)")
	}
	plain, withPDF := t.TempDir(), t.TempDir()
	for _, b := range []struct {
		dir string
		pdf bool
	}{{plain, false}, {withPDF, true}} {
		if _, err := documents.Build([]string{hereford}, documents.Options{Out: b.dir, Today: today}, documents.WriteOptions{Out: b.dir, PDF: b.pdf}); err != nil {
			t.Fatal(err)
		}
	}
	resaved := t.TempDir()
	var sources []string
	for _, k := range []string{"mou", "arrangements", "endorsements"} {
		sources = append(sources, filepath.Join(plain, "herefordshire", k+".docx"))
	}
	out, err := exec.Command(python, "testdata/libreoffice.py", "update-contents", resaved, sources[0], sources[1]).CombinedOutput()
	if err != nil {
		t.Fatalf("LibreOffice re-save: %v\n%s", err, out)
	}
	for _, k := range []string{"mou", "arrangements"} {
		files := []string{
			filepath.Join(plain, "herefordshire", k+".docx"),
			filepath.Join(withPDF, "herefordshire", k+".docx"),
			filepath.Join(withPDF, "herefordshire", k+".pdf"),
			filepath.Join(resaved, k+".docx"),
		}
		// The --pdf build's contents carry page numbers, the plain one's none:
		// otherwise this test would not test what it says.
		if b, _ := os.ReadFile(files[1]); !contentsNumbered(t, b) {
			t.Fatalf("%s: the contents list has no page numbers", files[1])
		}
		if b, _ := os.ReadFile(files[3]); !contentsNumbered(t, b) {
			t.Fatalf("%s: LibreOffice did not update the contents list", files[3])
		}
		var codes []string
		for _, r := range fingerprint.Verify(files) {
			if !r.AsBuilt || r.Version != fingerprint.Current {
				t.Errorf("%s: %s", r.Path, r.Problem)
			}
			codes = append(codes, r.Computed)
		}
		for _, c := range codes[1:] {
			if c != codes[0] {
				t.Errorf("%s: codes differ by format: %v", k, codes)
				break
			}
		}
	}
	// Endorsement pages of the plain build against the PDF of the --pdf build.
	mixed := t.TempDir()
	copyFile(t, filepath.Join(plain, "herefordshire", "endorsements.docx"), filepath.Join(mixed, "endorsements.docx"))
	copyFile(t, filepath.Join(withPDF, "herefordshire", "mou.pdf"), filepath.Join(mixed, "mou.pdf"))
	r := fingerprint.Verify([]string{filepath.Join(mixed, "endorsements.docx")})[0]
	if !r.OK() || len(r.Endorsements) == 0 || !strings.HasSuffix(r.Endorsements[0].Against, "mou.pdf") {
		t.Errorf("plain endorsements against the --pdf build's PDF: %+v", r)
	}
	// One word changed: another code.
	edited := filepath.Join(t.TempDir(), "mou.docx")
	copyFile(t, filepath.Join(plain, "herefordshire", "mou.docx"), edited)
	rewritePart(t, edited, "word/document.xml", func(s string) string { return strings.Replace(s, "partners", "partnars", 1) })
	if r := fingerprint.Verify([]string{edited})[0]; r.AsBuilt {
		t.Error("a one-word change kept the code")
	}
}

// contentsNumbered reports whether a .docx's contents entries end in page
// numbers.
func contentsNumbered(t *testing.T, docx []byte) bool {
	t.Helper()
	x, err := docxzip.Part(docx, "word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(x)
	for _, style := range []string{`w:val="TOC1"`, `w:val="Contents1"`} {
		if i := strings.Index(s, style); i >= 0 {
			end := strings.Index(s[i:], "</w:p>")
			para := s[i : i+end]
			j := strings.LastIndex(para, "<w:t")
			if j < 0 {
				return false
			}
			text := para[j:]
			text = text[strings.IndexByte(text, '>')+1:]
			text = text[:strings.Index(text, "<")]
			return text != "" && strings.Trim(text, "0123456789") == ""
		}
	}
	return false
}

// TestOldCodesStillCheck: a document whose code was made by version 1 of
// the canonical form (contents page numbers included) still verifies, by
// that form, and says so.
func TestOldCodesStillCheck(t *testing.T) {
	dir := t.TempDir()
	files := build(t, hereford, dir)
	path := files["mou.docx"]
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	claimed, _ := fingerprint.Claimed(b)
	main, _ := docxzip.Part(b, "word/document.xml")
	words, err := fingerprint.MainWordsVersion(main, 1)
	if err != nil {
		t.Fatal(err)
	}
	old := fingerprint.FromWordsVersion(words, claimed, 1)
	if old == claimed {
		t.Fatal("versions 1 and 2 agree on this document: the test proves nothing")
	}
	rewritePart(t, path, "word/document.xml", func(s string) string { return strings.ReplaceAll(s, claimed, old) })
	rewritePart(t, path, "docProps/custom.xml", func(s string) string { return strings.ReplaceAll(s, claimed, old) })
	rewritePart(t, path, "word/footer1.xml", func(s string) string { return strings.ReplaceAll(s, claimed, old) })
	r := fingerprint.Verify([]string{path})[0]
	if !r.AsBuilt || r.Version != 1 || r.Computed != old {
		t.Errorf("a version 1 code: %+v", r)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
