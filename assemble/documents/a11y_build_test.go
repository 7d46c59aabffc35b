package documents

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mou/assemble/internal/docxzip"
	"mou/templates"
)

// TestBuildChecksAUserTemplatesAccessibility: every build checks a
// template the partnership made itself and warns, with where, of a
// picture without alternative text; the default templates give no warning.
func TestBuildChecksAUserTemplatesAccessibility(t *testing.T) {
	def, _, err := templates.Read("", "arrangements.docx")
	if err != nil {
		t.Fatal(err)
	}
	const logo = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="9" name="Logo"/></wp:inline></w:drawing></w:r></w:p>`
	edited, _, err := docxzip.Rewrite(def, map[string]func([]byte) []byte{"word/document.xml": func(b []byte) []byte {
		return []byte(strings.Replace(string(b), "<w:body>", "<w:body>"+logo, 1))
	}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "arrangements.docx"), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		templates string
		want      bool
	}{{"", false}, {dir, true}} {
		var warnings bytes.Buffer
		if _, err := Plan([]string{"../../data/herefordshire-2019.toml"}, Options{Out: t.TempDir(), Templates: tt.templates, Warnings: &warnings}); err != nil {
			t.Fatal(err)
		}
		got := strings.Contains(warnings.String(), `warning: accessibility: `+filepath.Join(dir, "arrangements.docx")+`: document, paragraph 1: the picture "Logo" has no alternative text`)
		if got != tt.want || !tt.want && strings.Contains(warnings.String(), "accessibility") {
			t.Errorf("templates %q: warnings:\n%s", tt.templates, warnings.String())
		}
	}
}
