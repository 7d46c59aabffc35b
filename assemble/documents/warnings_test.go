package documents

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mou/assemble/partnership"
	"mou/templates"
)

// TestBuildWarnsOfUnfilledParts: a user's template with a tag in a SmartArt
// data part builds, and the build says once per template — not once per
// partnership — which template and part keep the tag as written, through
// the warnings writer, as mou render and mou templates lint do.
func TestBuildWarnsOfUnfilledParts(t *testing.T) {
	data, _, err := templates.Read("", "mou.docx")
	if err != nil {
		t.Fatal(err)
	}
	tmpl := t.TempDir()
	mine := filepath.Join(tmpl, "mou.docx")
	if err := os.WriteFile(mine, withSmartArt(t, data), 0o644); err != nil {
		t.Fatal(err)
	}
	var warnings, progress strings.Builder
	files, err := Plan(examples[:2], Options{Out: t.TempDir(), Templates: tmpl, Only: []string{MOU}, Warnings: &warnings, Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("want a document per partnership, got %d", len(files))
	}
	want := "warning: " + mine + ": data1 (SmartArt word/diagrams/data1.xml) holds {{…}}, which mou does not fill there; type the text outside it, or leave the tag out\n"
	if got := templateWarnings(warnings.String()); got != want {
		t.Errorf("warnings:\n%s\nwant once:\n%s", got, want)
	}
	if strings.Contains(progress.String(), "SmartArt") {
		t.Errorf("the warning went to progress too:\n%s", progress.String())
	}

	// The defaults have no such part: nothing to say.
	warnings.Reset()
	if _, err := Plan(examples[:1], Options{Out: t.TempDir(), Only: []string{MOU}, Warnings: &warnings}); err != nil {
		t.Fatal(err)
	}
	if got := templateWarnings(warnings.String()); got != "" {
		t.Errorf("the default templates warned:\n%s", got)
	}
}

// templateWarnings keeps the lines of a build's warnings that are about a
// template, leaving out the data's (listed by writeWarnings).
func templateWarnings(all string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(all, "\n") {
		if strings.HasPrefix(l, "warning: ") {
			b.WriteString(l)
		}
	}
	return b.String()
}

// withSmartArt adds a SmartArt data part holding a tag to a .docx, with its
// relationship from the main document and its content type, as Word saves
// a SmartArt graphic's text.
func withSmartArt(t *testing.T, docx []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		switch f.Name {
		case "[Content_Types].xml":
			s = strings.Replace(s, "</Types>", `<Override PartName="/word/diagrams/data1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml"/></Types>`, 1)
		case "word/_rels/document.xml.rels":
			s = strings.Replace(s, "</Relationships>", `<Relationship Id="rIdSmartArt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData" Target="diagrams/data1.xml"/></Relationships>`, 1)
		}
		if s == string(b) && (f.Name == "[Content_Types].xml" || f.Name == "word/_rels/document.xml.rels") {
			t.Fatalf("%s: nowhere to add the SmartArt part", f.Name)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(s))
	}
	w, err := zw.Create("word/diagrams/data1.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
		`<dgm:ptLst><dgm:pt modelId="1"><dgm:t><a:bodyPr/><a:p><a:r><a:t>{{partnership.name}}</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A build lists the first listedWarnings warnings of a partnership, each
// with its partnership's name when it has one, then how to see the rest.
func TestWriteWarnings(t *testing.T) {
	var fs partnership.Findings
	for i := range listedWarnings + 2 {
		fs = append(fs, partnership.Finding{Severity: partnership.Warning, File: "p.toml", Line: i + 1, Message: fmt.Sprintf("warning %d", i+1)})
	}
	fs = append(fs, partnership.Finding{Severity: partnership.Error, File: "p.toml", Line: 99, Message: "not a warning"})
	var b strings.Builder
	writeWarnings(&b, "Somewhere Partnership", "p.toml", fs)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != listedWarnings+1 {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), listedWarnings+1, b.String())
	}
	if lines[0] != "Somewhere Partnership: p.toml:1: warning: warning 1" {
		t.Errorf("first line %q", lines[0])
	}
	if want := "Somewhere Partnership: and 2 more warning(s): `mou validate p.toml` lists them all"; lines[listedWarnings] != want {
		t.Errorf("last line %q, want %q", lines[listedWarnings], want)
	}
	b.Reset()
	writeWarnings(&b, "", "p.toml", fs[:2])
	if want := "p.toml:1: warning: warning 1\np.toml:2: warning: warning 2\n"; b.String() != want {
		t.Errorf("one partnership:\n%s\nwant\n%s", b.String(), want)
	}
}
