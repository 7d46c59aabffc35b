package pdfsign

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// tiny is a two-page PDF in LibreOffice's shape: classic cross-reference
// table, a catalog, a page tree.
func tiny() []byte {
	objs := []string{
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[ 3 0 R 4 0 R ]/Count 2>>",
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>",
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>",
		"<</Title(A (test) document)>>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.6\n")
	var at []int
	for i, o := range objs {
		at = append(at, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range at {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d/Root 1 0 R/Info 5 0 R/ID [ <AB> <AB> ]>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// TestAddSignatureFields: the fields are added after the PDF's own bytes,
// which stay as they were; the catalog lists them, each page shows its
// own, and the update's table and trailer point back to the original.
func TestAddSignatureFields(t *testing.T) {
	src := tiny()
	out, err := AddSignatureFields(src, []Field{
		{Page: 0, Rect: [4]float64{100, 100, 300, 136}, Name: "Signature 1", Tip: "Sign here"},
		{Page: 1, Rect: [4]float64{100, 100, 300, 136}, Name: "Signature 2 — Zoë", Tip: "Sign here"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, src) {
		t.Fatal("the original bytes changed: not an incremental update")
	}
	d, err := read(out)
	if err != nil {
		t.Fatalf("the updated PDF cannot be read back: %v", err)
	}
	cat, _ := d.object(d.root)
	if !strings.Contains(cat, "/AcroForm<</Fields[6 0 R 8 0 R]>>") {
		t.Errorf("catalog %q", cat)
	}
	for page, field := range map[int]string{3: "6 0 R", 4: "8 0 R"} {
		o, _ := d.object(page)
		if !strings.Contains(o, "/Annots["+field+"]") {
			t.Errorf("page %d: %q", page, o)
		}
	}
	f, _ := d.object(8)
	if !strings.Contains(f, "/FT/Sig") || !strings.Contains(f, "<FEFF") || !strings.Contains(f, "/P 4 0 R") || !strings.Contains(f, "/AP<</N 9 0 R>>") {
		t.Errorf("field %q", f)
	}
	if !strings.Contains(d.trailer, fmt.Sprintf("/Prev %d", bytes.Index(src, []byte("\nxref\n"))+1)) || !strings.Contains(d.trailer, "/ID[ <AB> <AB> ]") && !strings.Contains(d.trailer, "/ID [ <AB> <AB> ]") {
		t.Errorf("trailer %q", d.trailer)
	}
	if d.size != 10 {
		t.Errorf("size %d", d.size)
	}
	// A form already there, a page out of range: refused, not spoiled.
	if _, err := AddSignatureFields(out, []Field{{Page: 0, Name: "x"}}); err == nil {
		t.Error("a second form was added")
	}
	if _, err := AddSignatureFields(src, []Field{{Page: 5, Name: "x"}}); err == nil {
		t.Error("a field on page 6 of 2 was added")
	}
	if _, err := AddSignatureFields([]byte("%PDF-1.7\nnot really"), []Field{{Name: "x"}}); err == nil {
		t.Error("a PDF without startxref was accepted")
	}
}
