package fingerprint_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mou/assemble/documents"
	"mou/assemble/fingerprint"
	"mou/assemble/internal/readertest"
)

var today = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// build writes a partnership's documents into dir and returns their paths
// by file name.
func build(t *testing.T, data, dir string) map[string]string {
	t.Helper()
	files, err := documents.Plan([]string{data}, documents.Options{Out: dir, Today: today})
	if err != nil {
		var f *documents.Failure
		if errors.As(err, &f) {
			var b strings.Builder
			f.WriteText(&b)
			t.Fatalf("%s:\n%s", data, b.String())
		}
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f.Path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f.Path)] = f.Path
	}
	return out
}

func claimed(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fp, err := fingerprint.Claimed(b)
	if err != nil || !fingerprint.Valid(fp) {
		t.Fatalf("%s carries fingerprint %q (%v)", path, fp, err)
	}
	return fp
}

// edited copies a data file with one replacement.
func edited(t *testing.T, src, old, new string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s no longer holds %q: update the test", src, old)
	}
	p := filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const hereford = "../../data/herefordshire-2019.toml"

// TestSameContentSameFingerprint: two builds of the same data give the same
// fingerprints, printed on the cover and in the footer and recorded in the
// properties; every built document verifies as built.
func TestSameContentSameFingerprint(t *testing.T) {
	a, b := build(t, hereford, t.TempDir()), build(t, hereford, t.TempDir())
	var all []string
	for name, path := range a {
		if claimed(t, path) != claimed(t, b[name]) {
			t.Errorf("%s: fingerprints %s and %s for the same data", name, claimed(t, path), claimed(t, b[name]))
		}
		all = append(all, path)
	}
	mou := a["mou.docx"]
	fp := claimed(t, mou)
	doc := part(t, mou, "word/document.xml")
	if !strings.Contains(text(t, mou), "Fingerprint "+fp) {
		t.Errorf("the MOU's cover does not print its fingerprint %s", fp)
	}
	if !strings.Contains(part(t, mou, "word/footer1.xml"), fp) {
		t.Errorf("the MOU's footer does not print its fingerprint %s", fp)
	}
	if strings.Contains(doc, fingerprint.Placeholder) {
		t.Errorf("the placeholder was left in the MOU")
	}
	if n := strings.Count(text(t, a["endorsements.docx"]), "Version 1.0, 10th September 2019 · Fingerprint "+fp); n != 3 {
		t.Errorf("%d endorsement pages print the MOU's version, date and fingerprint; want 3", n)
	}
	for _, r := range fingerprint.Verify(all) {
		if !r.OK() {
			t.Errorf("%s: %s", r.Path, r.Problem)
		}
	}
}

// TestAnyVisibleChangeChangesIt: changing any one word of the MOU by one
// character changes its fingerprint, and so do changes in the data a reader
// would see (a name, an amount, a date).
func TestAnyVisibleChangeChangesIt(t *testing.T) {
	docs := build(t, hereford, t.TempDir())
	b, _ := os.ReadFile(docs["mou.docx"])
	words, err := fingerprint.Words(b)
	if err != nil {
		t.Fatal(err)
	}
	fp := claimed(t, docs["mou.docx"])
	if got := fingerprint.FromWords(words, fp); got != fp {
		t.Fatalf("recomputed %s, built %s", got, fp)
	}
	for i, w := range words {
		if w == fp {
			continue
		}
		changed := append([]string(nil), words...)
		changed[i] = w + "x"
		if fingerprint.FromWords(changed, fp) == fp {
			t.Errorf("word %d (%q) changed, fingerprint the same", i, w)
		}
	}
	for _, edit := range [][2]string{
		{`name = "Chris Baird"`, `name = "Chris Bairds"`},
		{`relentless focus on the difference`, `relentless focus on the differences`},
		{`version = "1.0"`, `version = "1.1"`},
	} {
		other := build(t, edited(t, hereford, edit[0], edit[1]), t.TempDir())
		if claimed(t, other["mou.docx"]) == fp {
			t.Errorf("%s → %s: the MOU's fingerprint did not change", edit[0], edit[1])
		}
	}
}

// TestVerifyFindsAHandEdit: one character changed in the MOU after it was
// built is found, and the endorsement pages beside it no longer match.
func TestVerifyFindsAHandEdit(t *testing.T) {
	docs := build(t, hereford, t.TempDir())
	mou := docs["mou.docx"]
	rewritePart(t, mou, "word/document.xml", func(s string) string {
		return strings.Replace(s, "£133,600", "£133,800", 1)
	})
	results := fingerprint.Verify([]string{mou, docs["endorsements.docx"]})
	if results[0].AsBuilt || !strings.Contains(results[0].Problem, "changed afterwards") {
		t.Errorf("a hand edit in the MOU: %+v", results[0])
	}
	if !results[1].AsBuilt || len(results[1].Endorsements) != 3 {
		t.Fatalf("the endorsement pages: %+v", results[1])
	}
	for _, e := range results[1].Endorsements {
		if e.Matches || !strings.Contains(e.Problem, "changed after it was built") {
			t.Errorf("an endorsement of the edited MOU: %+v", e)
		}
	}
}

// TestVerifyFindsAnotherVersionsEndorsement: endorsement pages of one
// version beside the MOU of another do not match, and say why.
func TestVerifyFindsAnotherVersionsEndorsement(t *testing.T) {
	dir := t.TempDir()
	now := build(t, hereford, dir)
	later := build(t, edited(t, hereford, `name = "Susan Thomas"`, `name = "Jo Bloggs"`), t.TempDir())
	stale := filepath.Join(filepath.Dir(now["mou.docx"]), "endorsements-later.docx")
	b, _ := os.ReadFile(later["endorsements.docx"])
	if err := os.WriteFile(stale, b, 0o644); err != nil {
		t.Fatal(err)
	}
	results := fingerprint.Verify([]string{stale, now["endorsements.docx"]})
	for _, e := range results[0].Endorsements {
		if e.Matches || !strings.Contains(e.Problem, "another version") || e.Against != now["mou.docx"] {
			t.Errorf("another version's endorsement: %+v", e)
		}
	}
	for _, e := range results[1].Endorsements {
		if !e.Matches {
			t.Errorf("this version's endorsement: %+v", e)
		}
	}
	if results[0].OK() || !results[1].OK() {
		t.Errorf("OK: %v, %v", results[0].OK(), results[1].OK())
	}
}

// TestVerifyPDFs: PDFs made by LibreOffice from the built documents (one
// call for all) verify as built, endorsement pages against the PDF of the
// MOU, and a PDF of a hand-edited MOU does not.
func TestVerifyPDFs(t *testing.T) {
	readertest.Require(t, "pdftotext")
	var inputs []string
	for _, data := range []string{hereford, "../../data/westmorland-and-furness-2025.toml"} {
		for _, p := range build(t, data, t.TempDir()) {
			flat := filepath.Join(t.TempDir(), filepath.Base(filepath.Dir(p))+"--"+filepath.Base(p))
			b, _ := os.ReadFile(p)
			os.WriteFile(flat, b, 0o644)
			inputs = append(inputs, flat)
		}
	}
	// build returns a map, so the order is random: the MOU first, then copy it.
	for !strings.HasSuffix(inputs[0], "mou.docx") {
		inputs = append(inputs[1:], inputs[0])
	}
	edited := filepath.Join(t.TempDir(), "edited--mou.docx")
	b, _ := os.ReadFile(inputs[0])
	os.WriteFile(edited, b, 0o644)
	rewritePart(t, edited, "word/document.xml", func(s string) string { return strings.Replace(s, "partners", "partnars", 1) })
	out := t.TempDir()
	pdfs := readertest.Convert(t, append(inputs, edited), "pdf", "pdf", out)
	// Each partnership's PDFs in a folder of their own, as a build writes
	// them, so the endorsements find their MOU beside them.
	for i, p := range pdfs {
		area, name, _ := strings.Cut(filepath.Base(p), "--")
		pdfs[i] = filepath.Join(out, area, name)
		os.MkdirAll(filepath.Dir(pdfs[i]), 0o755)
		if err := os.Rename(p, pdfs[i]); err != nil {
			t.Fatal(err)
		}
	}
	results := fingerprint.Verify(pdfs)
	for _, r := range results[:len(inputs)] {
		if !r.OK() {
			t.Errorf("%s: %s", r.Path, r.Problem)
		}
		for _, e := range r.Endorsements {
			if !e.Matches {
				t.Errorf("%s: endorsement %d: %s", r.Path, e.Page, e.Problem)
			}
		}
	}
	if last := results[len(results)-1]; last.AsBuilt {
		t.Errorf("the PDF of a hand-edited MOU verifies as built")
	}
}

// text is a document's words, joined by spaces.
func text(t *testing.T, docx string) string {
	b, err := os.ReadFile(docx)
	if err != nil {
		t.Fatal(err)
	}
	words, err := fingerprint.Words(b)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(words, " ")
}

func part(t *testing.T, docx, name string) string {
	t.Helper()
	b, err := os.ReadFile(docx)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			x, _ := io.ReadAll(rc)
			rc.Close()
			return string(x)
		}
	}
	t.Fatalf("%s has no %s", docx, name)
	return ""
}

// rewritePart edits one part of a .docx in place, as a hand edit would.
func rewritePart(t *testing.T, docx, name string, edit func(string) string) {
	t.Helper()
	b, err := os.ReadFile(docx)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		x, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == name {
			y := edit(string(x))
			if y == string(x) {
				t.Fatalf("the edit changed nothing in %s", name)
			}
			x = []byte(y)
		}
		w, _ := zw.Create(f.Name)
		w.Write(x)
	}
	zw.Close()
	if err := os.WriteFile(docx, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestVerifyRefusesWhatIsNotAFile: a device or a folder named by mistake is
// refused by name, without reading it.
func TestVerifyRefusesWhatIsNotAFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "folder.docx")
	os.Mkdir(dir, 0o755)
	paths := []string{dir}
	if _, err := os.Stat("/dev/zero"); err == nil {
		paths = append(paths, "/dev/zero")
	}
	for _, r := range fingerprint.Verify(paths) {
		if r.OK() || !strings.Contains(r.Problem, "not a regular file") {
			t.Errorf("%s: %+v", r.Path, r)
		}
	}
}
