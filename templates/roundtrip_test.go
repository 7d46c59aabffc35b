package templates_test

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"mou/assemble/documents"
	"mou/templates"
)

// TestDefaultTemplatesSurviveResaving opens each default template in
// LibreOffice and in python-docx and saves it again as .docx, as a user
// editing the templates would, then builds every valid example with the
// re-saved templates. Each document must read the same, in LibreOffice and
// in python-docx, as the one built from the template as shipped: the same
// paragraphs, the contents list included.
func TestDefaultTemplatesSurviveResaving(t *testing.T) {
	if testing.Short() {
		t.Skip("starts LibreOffice and python-docx")
	}
	python := require(t, "/usr/bin/python3")
	soffice := require(t, "soffice")
	dir := t.TempDir()
	shipped := filepath.Join(dir, "shipped")
	var files []string
	for _, name := range templates.Names {
		b, _, err := templates.Read("", name)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(shipped, 0o755)
		p := filepath.Join(shipped, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	variants := map[string]string{"shipped": shipped, "libreoffice": filepath.Join(dir, "libreoffice"), "python-docx": filepath.Join(dir, "python-docx")}
	os.MkdirAll(variants["libreoffice"], 0o755)
	convert(t, soffice, files, "docx:MS Word 2007 XML", variants["libreoffice"])
	os.MkdirAll(variants["python-docx"], 0o755)
	script := "import sys, docx\nfor src in sys.argv[2:]:\n    docx.Document(src).save(sys.argv[1] + '/' + src.rsplit('/', 1)[1])\n"
	if out, err := exec.Command(python, append([]string{"-c", script, variants["python-docx"]}, files...)...).CombinedOutput(); err != nil {
		t.Fatalf("python-docx could not re-save the templates: %v\n%s", err, out)
	}

	examples := []string{"../data/herefordshire-2019.toml", "../data/westmorland-and-furness-2025.toml"}
	built := filepath.Join(dir, "built")
	os.MkdirAll(built, 0o755)
	var outs []string
	for _, v := range []string{"shipped", "libreoffice", "python-docx"} {
		plan, err := documents.Plan(examples, documents.Options{Out: filepath.Join(built, v), Templates: variants[v], Today: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			var b strings.Builder
			if f, ok := err.(*documents.Failure); ok {
				f.WriteText(&b)
			}
			t.Fatalf("the templates re-saved by %s do not build: %v\n%s", v, err, b.String())
		}
		for _, f := range plan {
			// One flat folder per variant, so one LibreOffice call reads all.
			p := filepath.Join(built, v+"-"+strings.ReplaceAll(strings.TrimPrefix(f.Path, filepath.Join(built, v)+string(filepath.Separator)), string(filepath.Separator), "--"))
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			outs = append(outs, p)
		}
	}
	txtDir := t.TempDir()
	convert(t, soffice, outs, "txt:Text (encoded):UTF8", txtDir)
	pyTexts := pythonDocxText(t, python, outs)
	read := map[string]string{}
	for i, o := range outs {
		b, err := os.ReadFile(filepath.Join(txtDir, strings.TrimSuffix(filepath.Base(o), ".docx")+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		read[filepath.Base(o)] = normalize(string(b))
		read[filepath.Base(o)+" (python-docx)"] = normalize(pyTexts[i])
	}
	compared := 0
	for name, want := range read {
		if !strings.HasPrefix(name, "shipped-") {
			continue
		}
		for _, v := range []string{"libreoffice", "python-docx"} {
			other := v + strings.TrimPrefix(name, "shipped")
			got, ok := read[other]
			if !ok {
				t.Errorf("%s: not built from the templates re-saved by %s", strings.TrimPrefix(name, "shipped-"), v)
				continue
			}
			compared++
			if got != want {
				t.Errorf("%s differs when the templates are re-saved by %s:\n%s", strings.TrimPrefix(name, "shipped-"), v, firstDifference(want, got))
			}
		}
	}
	if compared < 16 {
		t.Errorf("only %d documents compared", compared)
	}
}

// A document's fingerprint names its exact content, which re-saving the
// template changes (LibreOffice writes its own styles and run properties),
// and page numbers are fields whose last shown value LibreOffice stores;
// every other character must be the same.
var (
	fingerprint = regexp.MustCompile(`[0-9A-Z]{4}-[0-9A-Z]{4}`)
	pageNumbers = regexp.MustCompile(`Page[ \x{a0}]\d*[ \x{a0}]of[ \x{a0}]\d*`)
)

func normalize(s string) string {
	s = strings.TrimPrefix(strings.ReplaceAll(s, "\r\n", "\n"), "\ufeff")
	s = pageNumbers.ReplaceAllString(s, "Page # of #")
	return fingerprint.ReplaceAllString(s, "####-####")
}

func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n  shipped:  %q\n  re-saved: %q", i+1, a, b)
		}
	}
	return ""
}

// The readers' helpers of assemble/internal/readertest, which this package
// may not import: a missing reader skips the test, except under CI=true.
func require(t *testing.T, program string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed, and CI must check the templates with it", program)
	}
	t.Skipf("%s is not installed: skipping the check with a real editor", program)
	return ""
}

// convert converts every file with one LibreOffice call into outDir.
func convert(t *testing.T, soffice string, files []string, filter, outDir string) {
	t.Helper()
	profile := (&url.URL{Scheme: "file", Path: filepath.ToSlash(t.TempDir())}).String()
	args := []string{"-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir}
	if out, err := exec.Command(soffice, append(args, files...)...).CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice failed: %v\n%s", err, out)
	}
}

// pythonDocxText returns each file's paragraphs as python-docx reads them:
// body and table cells in order, then headers and footers.
func pythonDocxText(t *testing.T, python string, files []string) []string {
	t.Helper()
	const script = `
import sys, docx
from docx.oxml.ns import qn
def lines(el):
    # Every paragraph in document order, those in content controls and
    # table cells included (Document.paragraphs leaves them out).
    for p in el.iter(qn("w:p")):
        yield "".join(t.text or "" for t in p.iter(qn("w:t")))
for path in sys.argv[1:]:
    d = docx.Document(path)
    out = list(lines(d.element.body))
    for s in d.sections:
        out += list(lines(s.header._element)) + list(lines(s.footer._element))
    print("\n".join(out))
    print("\f")
`
	out, err := exec.Command(python, append([]string{"-c", script}, files...)...).Output()
	if err != nil {
		t.Fatalf("python-docx failed: %v", err)
	}
	texts := strings.Split(string(out), "\f\n")
	if len(texts) < len(files) {
		t.Fatalf("python-docx read %d of %d files", len(texts), len(files))
	}
	return texts[:len(files)]
}
