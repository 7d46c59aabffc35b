package fingerprint_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"mou/assemble/documents"
	"mou/assemble/fingerprint"
	"mou/assemble/internal/readertest"
)

// TestSignableEndorsementPDFs: a --pdf build's endorsement pages carry one
// empty signature field per signatory, which pypdf and qpdf read; the
// PDF still verifies, and so does a copy a PDF reader has saved again with
// an incremental update of its own (as signing or annotating does).
func TestSignableEndorsementPDFs(t *testing.T) {
	readertest.Require(t, "soffice")
	readertest.Require(t, "pdftotext")
	qpdf := readertest.Require(t, "qpdf")
	out := t.TempDir()
	if _, err := documents.Build([]string{hereford}, documents.Options{Out: out, Today: today, Only: []string{documents.MOU, documents.Endorsements}}, documents.WriteOptions{Out: out, PDF: true}); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(out, "herefordshire", "endorsements.pdf")
	// Tagged, titled with the document and the partnership, claiming
	// PDF/A-2b and PDF/UA-1 as LibreOffice makes them together.
	for _, f := range []string{pdf, filepath.Join(out, "herefordshire", "mou.pdf")} {
		info, err := exec.Command("pdfinfo", "-meta", f).Output()
		if err != nil {
			t.Fatal(err)
		}
		meta, _ := exec.Command("pdfinfo", f).Output()
		text := string(info) + string(meta)
		for _, want := range []string{"Tagged:          yes", "<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>", "<pdfuaid:part>1</pdfuaid:part>", " — Safeguarding Children and Young People in Herefordshire"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: pdfinfo does not show %q", filepath.Base(f), want)
			}
		}
	}
	if b, err := exec.Command(qpdf, "--check", pdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, b)
	}
	fields := readertest.Python(t, `
import sys, pypdf
for path in sys.argv[1:]:
    r = pypdf.PdfReader(path)
    fs = r.get_fields() or {}
    pages = {}
    for i, p in enumerate(r.pages):
        for a in p.get("/Annots") or []:
            a = a.get_object()
            if a.get("/FT") == "/Sig":
                pages[a["/T"]] = i
    print(";".join("%s=%s@%d" % (k, v.get("/FT"), pages.get(k, -1)) for k, v in sorted(fs.items())))
`, []string{pdf})
	if got := strings.TrimSpace(fields[0]); got != "Signature 1=/Sig@0;Signature 2=/Sig@1;Signature 3=/Sig@2" {
		t.Errorf("signature fields: %q", got)
	}
	if r := fingerprint.Verify([]string{pdf})[0]; !r.OK() {
		t.Errorf("the PDF with its fields: %+v", r)
	}
	// A reader's own incremental update after ours: a new document
	// information dictionary, as saving in a reader writes.
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(filepath.Dir(pdf), "endorsements-saved.pdf")
	if err := os.WriteFile(saved, appendInfo(t, b), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(qpdf, "--check", saved).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check of the reader's update: %v\n%s", err, b)
	}
	if r := fingerprint.Verify([]string{saved})[0]; !r.OK() {
		t.Errorf("after a reader's incremental update: %+v", r)
	}
}

// appendInfo appends an incremental update holding a new information
// dictionary that keeps the title.
func appendInfo(t *testing.T, pdf []byte) []byte {
	t.Helper()
	tail := string(pdf[bytes.LastIndex(pdf, []byte("trailer")):])
	size := atoiMatch(t, `/Size (\d+)`, tail)
	root := atoiMatch(t, `/Root (\d+) 0 R`, tail)
	prev := atoiMatch(t, `startxref\s+(\d+)`, tail)
	var b bytes.Buffer
	b.Write(pdf)
	at := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n<</Title(Endorsements)/Keywords(signed by the first signatory)>>\nendobj\n", size)
	x := b.Len()
	fmt.Fprintf(&b, "xref\n%d 1\n%010d 00000 n \ntrailer\n<</Size %d/Root %d 0 R/Info %d 0 R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n", size, at, size+1, root, size, prev, x)
	return b.Bytes()
}

func atoiMatch(t *testing.T, re, s string) int {
	t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no %s in %q", re, s)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
