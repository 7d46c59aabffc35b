package wordtemplate

import (
	"archive/zip"
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestFinishChangesAndAddsEntries: Finish sees the rendered main part,
// may change an entry the rendering would copy (read through Entry) and
// add one, which is written after the template's entries.
func TestFinishChangesAndAddsEntries(t *testing.T) {
	tmpl, err := Parse("test.docx", mkdocx(para(`<w:r><w:t>{{name}}</w:t></w:r>`), nil))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tmpl.Entries(), []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"}; !slices.Equal(got, want) {
		t.Fatalf("Entries() = %q, want %q", got, want)
	}
	if _, ok, err := tmpl.Entry("docProps/custom.xml"); ok || err != nil {
		t.Fatalf("Entry of a missing entry: ok %v, err %v", ok, err)
	}
	out, err := tmpl.RenderWith(map[string]any{"name": "Ann"}, RenderOptions{Finish: func(parts map[string][]byte) error {
		if !strings.Contains(string(parts["word/document.xml"]), "Ann") {
			t.Errorf("Finish did not get the rendered main part: %q", parts["word/document.xml"])
		}
		if _, ok := parts["_rels/.rels"]; ok {
			t.Error("Finish got an entry the rendering copies unchanged")
		}
		rels, ok, err := tmpl.Entry("_rels/.rels")
		if !ok || err != nil {
			t.Fatalf("Entry(_rels/.rels): ok %v, err %v", ok, err)
		}
		parts["_rels/.rels"] = bytes.Replace(rels, []byte("</Relationships>"), []byte("<!--changed--></Relationships>"), 1)
		parts["docProps/custom.xml"] = []byte("<Properties/>")
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if want := append(tmpl.Entries(), "docProps/custom.xml"); !slices.Equal(names, want) {
		t.Errorf("entries %q, want %q", names, want)
	}
	if s := partXML(t, out, "_rels/.rels"); !strings.Contains(s, "<!--changed-->") {
		t.Errorf("the changed entry was not written: %s", s)
	}
	if s := partXML(t, out, "docProps/custom.xml"); s != "<Properties/>" {
		t.Errorf("the added entry holds %q", s)
	}
	// The template's own bytes are untouched for the next rendering.
	if rels, _, _ := tmpl.Entry("_rels/.rels"); bytes.Contains(rels, []byte("changed")) {
		t.Error("Finish's change reached the template")
	}

	stop := errors.New("stop")
	if _, err := tmpl.RenderWith(map[string]any{"name": "Ann"}, RenderOptions{Finish: func(map[string][]byte) error { return stop }}); !errors.Is(err, stop) {
		t.Errorf("Finish's error: got %v", err)
	}
	if _, err := tmpl.RenderWith(map[string]any{"name": "Ann"}, RenderOptions{Finish: func(parts map[string][]byte) error {
		parts["../evil"] = nil
		return nil
	}}); err == nil || !strings.Contains(err.Error(), "../evil") {
		t.Errorf("an unsafe added entry: got %v", err)
	}
}
