package documents

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAccessibilityStatement: an HTML build writes a draft accessibility
// statement in the GOV.UK model's sections, listing each document's
// editions, what the check found, and the partnership's contact — or a
// placeholder saying it is to be added; nothing it does not know.
func TestAccessibilityStatement(t *testing.T) {
	out := t.TempDir()
	written := build(t, []string{"../../data/herefordshire-2019.toml"}, Options{Out: out, HTML: true})
	var path string
	for _, w := range written {
		if filepath.Base(w) == "accessibility-statement.html" {
			path = w
		}
	}
	if path == "" {
		t.Fatalf("no statement among %v", written)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{
		`<html lang="en-GB">`, "Accessibility statement for the documents of Safeguarding Children and Young People in Herefordshire",
		`<a href="mou.html">web page</a>`, `<a href="arrangements.docx">Word</a>`,
		"How accessible the documents are", "No problem was found.", "Enforcement procedure", "Technical information",
		"To be added: how readers ask for another format", "does not claim that they are fully compliant",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the statement does not say %q", want)
		}
	}
	if strings.Contains(page, ".pdf") || strings.Contains(page, "PDF editions") {
		t.Error("a build without PDFs names PDF editions")
	}
}
