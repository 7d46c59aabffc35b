package redline

import (
	"strings"
	"testing"
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
