package redline

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"mou/assemble/internal/docxzip"
)

func TestParseWritesBackWhatItRead(t *testing.T) {
	for _, x := range []string{
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t xml:space="preserve">a &amp; b &lt;c&gt; "d"</w:t></w:r></w:p><w:p/></w:body></w:document>`,
		`<w:ftr xmlns:w="urn:w"><w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`,
	} {
		root, err := parse([]byte(x))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(root.bytes()); got != x {
			t.Errorf("wrote back\n%s\nread\n%s", got, x)
		}
	}
	root, err := parse([]byte(`<a x='1 &#x41;&#66;'><!-- c --><![CDATA[<raw>]]></a>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(root.bytes()); got != `<a x="1 AB">&lt;raw&gt;</a>` {
		t.Errorf("got %s", got)
	}
}

func TestParseRefusesBrokenXML(t *testing.T) {
	for x, want := range map[string]string{
		`<a><b></a>`:             "does not close",
		`<a>`:                    "is not closed",
		`<a x=1/>`:               "not quoted",
		"<a>\n<b>&nope;</b></a>": "line 2",
		`<a x="1></a>`:           "not closed",
		`<a>tom & jerry</a>`:     "&amp;",
	} {
		_, err := parse([]byte(x))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want an error with %q", x, err, want)
		}
	}
}

// TestRevisionIDsAboveTheDocuments: a template's bookmarks keep their ids;
// revisions are numbered above them.
func TestRevisionIDsAboveTheDocuments(t *testing.T) {
	doc := func(body string) []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, _ := zw.Create("word/document.xml")
		w.Write([]byte(`<w:document xmlns:w="urn:w"><w:body>` + body + `</w:body></w:document>`))
		zw.Close()
		return b.Bytes()
	}
	mark := `<w:bookmarkStart w:id="41" w:name="x"/><w:bookmarkEnd w:id="41"/>`
	out, sum, err := Compare(doc(`<w:p>`+mark+`<w:r><w:t>old</w:t></w:r></w:p>`), doc(`<w:p>`+mark+`<w:r><w:t>new</w:t></w:r></w:p>`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, _ := docxzip.Part(out, "word/document.xml")
	if sum.Revisions != 2 || !strings.Contains(string(x), `<w:del w:id="42"`) || !strings.Contains(string(x), `<w:ins w:id="43"`) {
		t.Errorf("%d revisions:\n%s", sum.Revisions, x)
	}
}
