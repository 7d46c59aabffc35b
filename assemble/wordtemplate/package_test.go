package wordtemplate

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"mou/assemble/internal/namedpipe"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mou/assemble/internal/docxcheck"
)

// zipOf writes entries in the order given, duplicates and odd names included:
// the hostile packages a person could be sent.
func zipOf(t testing.TB, entries ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, e[1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// entriesOf lists a package's entries as name/content pairs, in order.
func entriesOf(t testing.TB, data []byte) [][2]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		out = append(out, [2]string{f.Name, string(b)})
	}
	return out
}

func TestHostilePackagesRefused(t *testing.T) {
	good := entriesOf(t, mkdocx(para("{{partnership.name}}"), nil))
	with := func(extra ...[2]string) []byte {
		return zipOf(t, append(append([][2]string(nil), good...), extra...)...)
	}
	mainRels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`
	// withRels replaces the main part's relationships so the named parts are read.
	withRels := func(extra ...[2]string) []byte {
		var es [][2]string
		for _, e := range good {
			if e[0] == "word/_rels/document.xml.rels" {
				e[1] = mainRels
			}
			es = append(es, e)
		}
		return zipOf(t, append(es, extra...)...)
	}
	zeros := func(n int) string { return `<w:hdr>` + strings.Repeat(" ", n) + `</w:hdr>` }
	many := func(n int) []byte {
		var extra [][2]string
		for i := 0; i < n; i++ {
			extra = append(extra, [2]string{"customXml/item" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "/" + strconv.Itoa(i) + ".xml", "<a/>"})
		}
		return with(extra...)
	}
	// outside has an entry whose central directory claims more compressed
	// bytes than the file holds after its start.
	outside := func() []byte {
		b := with([2]string{"word/media/image1.bin", strings.Repeat("x", 100)})
		cd := bytes.LastIndex(b, []byte("PK\x01\x02")) // the last entry's central record
		binary.LittleEndian.PutUint32(b[cd+20:], 1<<28)
		return b
	}()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"data outside the file", outside, `entry "word/media/image1.bin" is damaged (its data lies outside the file)`},
		{"parent path", with([2]string{"../../evil", "x"}), `entry "../../evil" has a path that steps outside the package (..)`},
		{"inner parent path", with([2]string{"word/../../evil", "x"}), `entry "word/../../evil" has a path that steps outside the package (..)`},
		{"absolute path", with([2]string{"/tmp/evil-abs", "x"}), `entry "/tmp/evil-abs" has an absolute path`},
		{"drive letter", with([2]string{"C:/evil", "x"}), `entry "C:/evil" has a drive-letter path`},
		{"backslash", with([2]string{`word\evil.xml`, "x"}), `entry "word\\evil.xml" has a backslash in its name`},
		{"duplicate", with([2]string{"word/document.xml", "<w:document/>"}), `holds entry "word/document.xml" twice`},
		{"duplicate after case folding", with([2]string{"Word/Document.XML", "<w:document/>"}), `holds entry "Word/Document.XML" twice (as "word/document.xml" and "Word/Document.XML")`},
		{"too many entries", many(maxEntries), `entries, more than the 5000 a Word document plausibly has`},
		{"part past the limit", withRels([2]string{"word/header1.xml", zeros(maxPartBytes)}), `entry word/header1.xml inflates past the 16 MiB limit per part`},
		{"parts past the total", withRels([2]string{"word/header1.xml", zeros(12 << 20)}, [2]string{"word/footer1.xml", zeros(12 << 20)}, [2]string{"word/footnotes.xml", zeros(12 << 20)}),
			`takes the parts mou reads past 32 MiB in all`},
		{"library-read entry past the limit", with([2]string{"word/theheaderbomb.bin", zeros(maxPartBytes)}), `entry word/theheaderbomb.bin inflates past the 16 MiB limit per part`},
		{"spreadsheet", zipOf(t, [2]string{"_rels/.rels", strings.Replace(good[1][1], "word/document.xml", "xl/workbook.xml", 1)}, [2]string{"xl/workbook.xml", `<?xml version="1.0"?><workbook/>`}),
			`is not a Word document: its main part xl/workbook.xml is not a Word document body`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("hostile.docx", tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant it to contain %s", err, tt.want)
			}
			if len(tt.data) > 4<<20 {
				t.Errorf("the test archive itself should be small, is %d bytes", len(tt.data))
			}
		})
	}
}

// An entry nothing reads is never inflated, however large it would be: it
// is copied into each document as it came.
func TestLargeUnreadEntryCopied(t *testing.T) {
	data := mkdocx(para("{{partnership.name}}"), map[string]string{"word/media/huge.bin": strings.Repeat("\x00", 200<<20)})
	tmpl, err := Parse("big.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tmpl.Render(fixtureData)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) > 2<<20 {
		t.Errorf("output is %d bytes", len(out))
	}
}

// The main part is found through the package relationships, as Office 365
// names it word/document2.xml.
func TestMainPartByRelationship(t *testing.T) {
	var es [][2]string
	for _, e := range entriesOf(t, mkdocx(para("Hello {{partnership.name}}"), nil)) {
		switch e[0] {
		case "_rels/.rels", "[Content_Types].xml":
			e[1] = strings.ReplaceAll(e[1], "/word/document.xml", "/word/document2.xml")
			e[1] = strings.ReplaceAll(e[1], `"word/document.xml"`, `"word/document2.xml"`)
		case "word/document.xml":
			e[0] = "word/document2.xml"
		case "word/_rels/document.xml.rels":
			e[0] = "word/_rels/document2.xml.rels"
			e[1] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`
		}
		es = append(es, e)
	}
	tmpl, err := Parse("o365.docx", zipOf(t, es...))
	if err != nil {
		t.Fatal(err)
	}
	out, err := tmpl.Render(fixtureData)
	if err != nil {
		t.Fatal(err)
	}
	doc := partXML(t, out, "word/document2.xml")
	if !strings.Contains(doc, "Herefordshire Partnership") {
		t.Errorf("main part not rendered: %s", doc)
	}
	for _, problem := range docxcheck.Check(out) {
		t.Error(problem)
	}
}

// Untouched entries are copied as their compressed bytes; the output is
// the same for the same input.
func TestUntouchedEntriesCopiedRaw(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "python-docx.docx"))
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := Parse("python-docx.docx", src)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tmpl.Render(fixtureData)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := tmpl.Render(fixtureData)
	if !bytes.Equal(out, again) {
		t.Error("two renderings of the same data differ")
	}
	raw := func(data []byte) map[string][]byte {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string][]byte{}
		for _, f := range zr.File {
			r, err := f.OpenRaw()
			if err != nil {
				t.Fatal(err)
			}
			m[f.Name], _ = io.ReadAll(r)
		}
		return m
	}
	in, got := raw(src), raw(out)
	rendered := map[string]bool{}
	for _, p := range tmpl.parts {
		rendered[p.entry] = true
	}
	same := 0
	for name, b := range in {
		if rendered[name] {
			continue
		}
		if !bytes.Equal(b, got[name]) {
			t.Errorf("%s: compressed bytes differ from the template's", name)
		}
		same++
	}
	if same < 5 {
		t.Errorf("only %d untouched entries", same)
	}
	if bytes.Equal(in["word/document.xml"], got["word/document.xml"]) {
		t.Error("the main part was not rendered")
	}
}

// A template path that is not a regular file is refused before it is read.
func TestTemplateNotRegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.docx")
	if err := namedpipe.Make(fifo); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "zero.docx")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo: "is not a regular file (a named pipe)",
		link: "is not a regular file (a device)",
		dir:  "is not a regular file (a folder)",
	} {
		_, err := ParseFile(path)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: err = %v, want %q", path, err, want)
		}
	}
}

// Elements past the limits (too many, nested too deep) are refused with the
// part named, before any walk of the tree could run out of stack.
func TestElementLimits(t *testing.T) {
	deep := strings.Repeat("<w:sdt>", 200000) + strings.Repeat("</w:sdt>", 200000)
	if _, err := Parse("deep.docx", mkdocx(deep, nil)); err == nil || !strings.Contains(err.Error(), "deep.docx: document: has XML elements nested more than 1000 deep") {
		t.Errorf("deep: %v", err)
	}
	many := strings.Repeat("<w:p/>", maxElements)
	if _, err := Parse("many.docx", mkdocx(many, nil)); err == nil || !strings.Contains(err.Error(), "many.docx: document: has more than 1000000 XML elements") {
		t.Errorf("many: %v", err)
	}
}
