package wordtemplate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mou/assemble/internal/docxcheck"
	"mou/assemble/internal/golden"
	"mou/assemble/internal/readertest"
)

type fxPartner struct {
	ID       string  `toml:"id"`
	Org      string  `toml:"organisation"`
	Delegate *person `toml:"delegate"`
	Amount   int     `toml:"amount"`
	Share    float64 `toml:"share"`
}

var fixtureData = map[string]any{
	"partnership": map[string]any{"name": "Herefordshire Partnership", "area": "Herefordshire"},
	"partners": []fxPartner{
		{ID: "council", Org: "Herefordshire Council", Delegate: &person{Name: "Chris Baird"}, Amount: 133600, Share: 0.4998},
		{ID: "ccg", Org: "Herefordshire CCG", Delegate: &person{Name: "Ellen Footman"}, Amount: 80190, Share: 0.3},
		{ID: "police", Org: "West Mercia Police", Amount: 53510, Share: 0.2002},
	},
	"amount": 267300,
	"total":  267300,
	"review": time.Date(2020, 9, 10, 0, 0, 0, 0, time.UTC),
	"none":   []string{},
}

// TestRealWordProcessors renders templates saved by LibreOffice and
// python-docx, then reads the results back with both.
func TestRealWordProcessors(t *testing.T) {
	fixtures := []string{"libreoffice.docx", "python-docx.docx"}
	dir := t.TempDir()
	var outs []string
	for _, f := range fixtures {
		tmpl, err := ParseFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		b, err := tmpl.Render(fixtureData)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, problem := range docxcheck.Check(b) {
			t.Errorf("%s: %s", f, problem)
		}
		out := filepath.Join(dir, f)
		if err := os.WriteFile(out, b, 0o644); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, out)
	}
	texts := readertest.Convert(t, outs, "txt:Text (encoded):UTF8", "txt", dir)
	pyTexts := readertest.PythonDocx(t, outs)
	for i, f := range fixtures {
		got, err := os.ReadFile(texts[i])
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(f, ".docx")
		golden.Check(t, filepath.Join("testdata", base+".want.txt"), normalizeNewlines(string(got)))
		golden.Check(t, filepath.Join("testdata", base+".python-docx.txt"), pyTexts[i])
		if strings.Contains(string(got), "{{") || strings.Contains(pyTexts[i], "{{") {
			t.Errorf("%s: a tag was left in the output", f)
		}
	}
}

func normalizeNewlines(s string) string {
	return strings.TrimPrefix(strings.ReplaceAll(s, "\r\n", "\n"), "\ufeff")
}
