package docxcheck

import (
	"archive/zip"
	"bytes"
	"reflect"
	"testing"
)

func pkg(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/numbering.xml", "word/header1.xml"} {
		body, ok := parts[name]
		if !ok {
			continue
		}
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="x"/><Default Extension="xml" ContentType="y"/></Types>`
const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="word/document.xml"/></Relationships>`
const ns = `xmlns:w="w" xmlns:w14="w14" xmlns:wp="wp"`

func TestCheck(t *testing.T) {
	good := `<w:document ` + ns + `><w:body><w:p w14:paraId="1"><w:bookmarkStart w:id="1" w:name="a"/><w:bookmarkEnd w:id="1"/></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`
	if got := Check(pkg(t, map[string]string{"[Content_Types].xml": types, "_rels/.rels": rels, "word/document.xml": good})); len(got) != 0 {
		t.Errorf("a valid package: %q", got)
	}
	bad := `<w:document ` + ns + `><w:body><w:p w14:paraId="1"><w:bookmarkStart w:id="1" w:name="a"/></w:p>` +
		`<w:p><w:bookmarkStart w:id="1" w:name="a"/><w:bookmarkEnd w:id="1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:p>` +
		`<w:p><w:r><w:drawing><wp:docPr id="3"/></w:drawing></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc></w:tc></w:tr></w:tbl><w:tbl></w:tbl></w:body></w:document>`
	header := `<w:hdr ` + ns + `><w:p w14:paraId="1"/><w:p><w:r><w:drawing><wp:docPr id="3"/></w:drawing></w:r></w:p></w:hdr>`
	got := Check(pkg(t, map[string]string{
		"[Content_Types].xml": types, "_rels/.rels": rels, "word/document.xml": bad, "word/header1.xml": header,
		"word/numbering.xml":           `<w:numbering ` + ns + `><w:num w:numId="1"/></w:numbering>`,
		"word/_rels/document.xml.rels": `<Relationships><Relationship Id="rId9" Target="media/gone.png"/></Relationships>`,
	}))
	want := []string{
		"word/_rels/document.xml.rels: relationship rId9 points to word/media/gone.png, which is not in the package",
		"word/document.xml: bookmark id 1 repeated",
		`word/document.xml: bookmark name "a" repeated`,
		"word/document.xml: list 7 is not defined in numbering.xml",
		"word/document.xml: a table cell has no paragraph",
		"word/document.xml: a table has no rows",
		"word/header1.xml: paragraph id 1 is also used in word/document.xml",
		"word/header1.xml: drawing id 3 is also used in word/document.xml",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if got := Check([]byte("not a zip")); len(got) != 1 {
		t.Errorf("not a zip: %q", got)
	}
}
