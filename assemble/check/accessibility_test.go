package check

import (
	"path/filepath"
	"testing"

	"mou/assemble/a11y"
	"mou/assemble/documents"
	"mou/assemble/partnership"
)

// TestBuiltDocumentsPass: every example's built documents have no finding.
func TestBuiltDocumentsPass(t *testing.T) {
	files, _ := filepath.Glob("../../data/*.toml")
	for _, f := range files {
		p, fs, err := partnership.Check(partnership.Options{}, f)
		if err != nil || p == nil || fs.Errors() > 0 {
			continue // Cumbria's published figures do not add up: it does not build
		}
		for _, kind := range documents.Kinds {
			docx, _, err := documents.Render(p, kind, "")
			if err != nil {
				t.Fatalf("%s %s: %v", f, kind, err)
			}
			found, err := a11y.Check(filepath.Base(f)+" "+kind, docx)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range found {
				t.Errorf("%s", x)
			}
		}
	}
}
