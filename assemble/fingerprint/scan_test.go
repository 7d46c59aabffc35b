package fingerprint

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScanWordsAgreesWithDecoder: the one-pass scanner gives exactly the
// words encoding/xml's tokens give, or declines; it declines nothing a
// rendered document is made of.
func TestScanWordsAgreesWithDecoder(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	cases := []struct {
		xml     string
		handled bool // the scanner must not decline it
	}{
		{`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<w:document ` + w + `><w:body><w:p><w:r><w:t>Hello</w:t></w:r><w:r><w:t xml:space="preserve"> world </w:t></w:r></w:p></w:body></w:document>`, true},
		{`<w:document ` + w + `><w:p><w:r><w:t>a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#x2014;f</w:t></w:r></w:p></w:document>`, true},
		{`<w:document ` + w + `><w:p><w:r><w:t>one</w:t><w:tab/><w:t>two</w:t><w:br w:type="page"/><w:t>three</w:t><w:cr/></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl></w:document>`, true},
		{`<w:document ` + w + `><w:p><w:r><w:instrText> TOC \o "1-3" </w:instrText><w:delText>gone</w:delText><w:t>kept</w:t></w:r></w:p></w:document>`, true},
		{`<w:document ` + w + `><!-- a comment <w:t>not text</w:t> --><w:p w:rsidR="00A1" a='x > y'><w:r><w:t/><w:t>after</w:t></w:r></w:p></w:document>`, true},
		{`<document><p><t>no namespace</t></p><x:t>other prefix</x:t></document>`, true},
		{`<w:document ` + w + `><w:p><w:r><w:t>Here</w:t></w:r><w:r><w:t>ford</w:t><w:t>shire&#8217;s</w:t><w:t xml:space="preserve"> board&#160;</w:t><w:t>&amp;co</w:t></w:r></w:p><w:p><w:r><w:t>Signed</w:t><w:t>.......</w:t><w:t>` + Placeholder + `</w:t></w:r></w:p></w:document>`, true},
		{`<w:document ` + w + `><w:p><w:r><w:t>text<w:t>nested</w:t> then</w:t></w:r></w:p></w:document>`, true},
		// What the scanner leaves to encoding/xml, whatever its answer.
		{`<w:document ` + w + `><w:p><w:r><w:t><![CDATA[a <b> c]]></w:t></w:r></w:p></w:document>`, false},
		{`<!DOCTYPE d><d><t>x</t></d>`, false},
		{`<d><t>&nbsp;x</t></d>`, false},
		{`<d><t>&#0;x</t></d>`, false},
		{`<d><t>x</d></t>`, false},
		{`<d><t>x</t>`, false},
		{`<d><t>x` + "\x01" + `</t></d>`, false},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><d><t>x</t></d>`, false},
		{`<d a=x><t>x</t></d>`, false},
		{`<d a="<"><t>x</t></d>`, false},
		{`<d><t>a & b</t></d>`, false},
		{`<d><t>]]></t></d>`, false},
		{`<d><a:b:t>two colons</a:b:t></d>`, false},
		{`<d><:t>x</:t></d>`, false},
		{`<d a:b:c="1"><t>x</t></d>`, false},
		{"<d><t>\xff</t></d>", false},
	}
	for _, c := range cases {
		checkScan(t, []byte(c.xml), c.handled)
	}
	// The default templates' main parts, tags and all.
	docs, _ := filepath.Glob("../../templates/*.docx")
	if len(docs) == 0 {
		t.Fatal("no templates found in ../../templates")
	}
	for _, d := range docs {
		data, err := os.ReadFile(d)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if filepath.Ext(f.Name) != ".xml" {
				continue
			}
			rc, _ := f.Open()
			x, _ := io.ReadAll(rc)
			rc.Close()
			checkScan(t, x, true)
		}
	}
}

func checkScan(t *testing.T, x []byte, handled bool) {
	t.Helper()
	fast, ok := scanText(string(x), true)
	slow, err := decodeText(string(x), true)
	if !ok {
		if handled {
			t.Errorf("the scanner declined %.120q", x)
		}
		return
	}
	if err != nil {
		t.Errorf("the scanner read %.120q, which encoding/xml refuses: %v", x, err)
		return
	}
	if fast != slow {
		t.Errorf("%.120q:\nscanner %q\ndecoder %q", x, fast, slow)
	}
	// OfMain reads the words without keeping a slice of them.
	if got, err := OfMain(string(x)); err != nil || got != FromWords(strings.Fields(slow), "") {
		t.Errorf("%.120q: OfMain %s, %v; FromWords over the decoder's words %s", x, got, err, FromWords(strings.Fields(slow), ""))
	}
}

// hasher.text must split exactly as strings.Fields does and normalize as
// word does, or a document's fingerprint at build time would differ
// from the one verify computes.
func TestTextAgreesWithFieldsAndWord(t *testing.T) {
	for _, s := range []string{
		"", " ", "one", "  two  words ", "a\tb\nc\rd\ve\ff", "non\u00a0breaking", "em\u2003space",
		"line\u2028sep", "next\u0085line", "ünïcödé wörds — dash", "\xff bad \xfe utf8", "trailing ",
		"Signed........ 3. • ◦ ▪ x…… _under_ a.b " + Placeholder + " ." + Placeholder,
	} {
		h := newHasher("", Current)
		h.text(s)
		if got, want := h.sum(), FromWords(strings.Fields(s), ""); got != want {
			t.Errorf("text(%q) hashes to %s, FromWords(strings.Fields) to %s", s, got, want)
		}
	}
}

// OfMain hashes words as it reads them; it must agree with FromWords over
// MainWords' slice, which verify uses.
func TestOfMainAgreesWithFromWords(t *testing.T) {
	x := []byte(`<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Signed.......... on behalf of ` +
		Placeholder + ` </w:t><w:tab/><w:t>3.</w:t></w:r></w:p><w:p><w:r><w:t>• Leader…… Ünïcode&#160;word</w:t></w:r></w:p></w:body></w:document>`)
	words, err := MainWords(x)
	if err != nil {
		t.Fatal(err)
	}
	got, err := OfMain(string(x))
	if err != nil {
		t.Fatal(err)
	}
	if want := FromWords(words, ""); got != want {
		t.Errorf("OfMain = %s, FromWords(MainWords) = %s", got, want)
	}
}

// hasControl finds what a byte-by-byte test finds, wherever in a word of
// eight the byte falls.
func TestHasControl(t *testing.T) {
	for n := 0; n < 20; n++ {
		for at := -1; at < n; at++ {
			for _, c := range []byte{0x00, 0x01, '\t', '\n', '\r', 0x1f, ' ', 0x7f, 0x80, 0xff} {
				b := []byte(strings.Repeat("a", n))
				if at >= 0 {
					b[at] = c
				}
				want := at >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r'
				if got := hasControl(string(b)); got != want {
					t.Errorf("hasControl(%q) = %v", b, got)
				}
			}
		}
	}
}
