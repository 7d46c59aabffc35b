package check

import (
	"os"
	"path/filepath"
	"testing"

	"mou/assemble/internal/readertest"
	"mou/templates"
)

// Templates a user opened and saved again in LibreOffice are read the same:
// their headings keep their meaning though the styles are rewritten, so
// every item stays met, and a section deleted from the re-saved template is
// still caught.
func TestTemplatesSavedByLibreOffice(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	var files []string
	for _, name := range []string{"arrangements.docx", "annual-report.docx"} {
		b, _, err := templates.Read("", name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "annual-report.docx" {
			b = deleteSection(t, b, "Listening to children and families")
		}
		path := filepath.Join(in, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	readertest.Convert(t, files, "docx:MS Word 2007 XML", "docx", out)
	r := checkText(t, base, Options{Templates: out})
	for _, o := range r.Items {
		want := Met
		switch {
		case o.ID == "report.feedback":
			want = Missing
		case o.ID == "arr.education-agencies" || o.ID == "arr.child-protection-teams":
			want = NotApplicable
		}
		if o.Status != want {
			t.Errorf("%s: %s (%s), want %s", o.ID, o.Status, o.Why, want)
		}
		if o.Status == Met && filepath.Dir(o.Template) != out {
			t.Errorf("%s was checked in %s, not the re-saved template", o.ID, o.Template)
		}
	}
}
