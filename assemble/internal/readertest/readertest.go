// Package readertest checks generated documents with programs nobody on this
// project wrote: LibreOffice, python-docx and pdftoppm. A test skips with a
// message when a reader is missing, except under CI=true, where a missing
// reader fails the test (CI installs them).
package readertest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Require skips (or, under CI, fails) the test when a program is missing.
func Require(t testing.TB, program string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed, and CI must check documents with it (.ci/run installs it)", program)
	}
	t.Skipf("%s is not installed: skipping the check with a real reader", program)
	return ""
}

// Convert converts every file with one LibreOffice call (it starts slowly)
// into outDir; filter is e.g. "pdf" or "txt:Text (encoded):UTF8". It returns
// the output paths in the order of files.
func Convert(t testing.TB, files []string, filter, ext, outDir string) []string {
	t.Helper()
	soffice := Require(t, "soffice")
	profile := t.TempDir() // a private profile: tests may run LibreOffice concurrently
	args := []string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir}
	cmd := exec.Command(soffice, append(args, files...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("LibreOffice failed: %v\n%s", err, out)
	}
	var outs []string
	for _, f := range files {
		o := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+"."+ext)
		if _, err := os.Stat(o); err != nil {
			t.Fatalf("LibreOffice did not convert %s:\n%s", f, out)
		}
		outs = append(outs, o)
	}
	return outs
}

// PythonDocx opens each file with python-docx and returns, per file, the
// text of every paragraph (body, tables, headers and footers), one per line.
func PythonDocx(t testing.TB, files []string) []string {
	t.Helper()
	const script = `
import sys, docx
for path in sys.argv[1:]:
    d = docx.Document(path)
    lines = []
    for s in d.sections:
        lines += ["header: " + p.text for p in s.header.paragraphs]
    from docx.text.paragraph import Paragraph
    from docx.table import Table
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, d).text)
        elif tag == "tbl":
            for row in Table(child, d).rows:
                lines.append(" | ".join(c.text for c in row.cells))
    for s in d.sections:
        lines += ["footer: " + p.text for p in s.footer.paragraphs]
    print("\n".join(lines))
    print("\x00", end="")
`
	return runPython(t, script, files)
}

// PythonDocxDetails opens each file with python-docx and returns, per file,
// lines describing what Word would show beyond the text: the document
// properties ("title: …", "subject: …", "author: …", "language: …"), each
// section's page size in millimetres ("page: 210x297"), and each body
// paragraph as "Style name|text".
func PythonDocxDetails(t testing.TB, files []string) []string {
	t.Helper()
	const script = `
import sys, docx
for path in sys.argv[1:]:
    d = docx.Document(path)
    cp = d.core_properties
    lines = ["title: " + cp.title, "subject: " + cp.subject, "author: " + cp.author, "language: " + cp.language]
    for s in d.sections:
        lines.append("page: %dx%d" % (round(s.page_width.mm), round(s.page_height.mm)))
    for p in d.paragraphs:
        lines.append(p.style.name + "|" + p.text)
    print("\n".join(lines))
    print("\x00", end="")
`
	return runPython(t, script, files)
}

func runPython(t testing.TB, script string, files []string) []string {
	t.Helper()
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		py = Require(t, "python3")
	}
	if err := exec.Command(py, "-c", "import docx").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python-docx is not installed for %s (apt-get install python3-docx)", py)
		}
		t.Skipf("python-docx is not installed: skipping")
	}
	out, err := exec.Command(py, append([]string{"-c", script}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("python-docx could not open the documents: %v\n%s", err, out)
	}
	parts := strings.Split(string(out), "\x00")
	if len(parts) < len(files) {
		t.Fatalf("python-docx output: %s", out)
	}
	return parts[:len(files)]
}

// Pandoc converts each file to Markdown with pandoc, which turns Word's
// heading styles into # headings.
func Pandoc(t testing.TB, file string) string {
	t.Helper()
	pandoc := Require(t, "pandoc")
	out, err := exec.Command(pandoc, "-f", "docx", "-t", "markdown", "--wrap=none", file).CombinedOutput()
	if err != nil {
		t.Fatalf("pandoc could not read %s: %v\n%s", file, err, out)
	}
	return string(out)
}

// Pages renders a PDF's pages to PNG files with pdftoppm and returns them.
func Pages(t testing.TB, pdf, prefix string, dpi int) []string {
	t.Helper()
	pdftoppm := Require(t, "pdftoppm")
	out, err := exec.Command(pdftoppm, "-png", "-r", fmt.Sprint(dpi), pdf, prefix).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(prefix + "-*.png")
	return pages
}

// PDFPages counts the pages of a PDF with pdfinfo (poppler-utils).
func PDFPages(t testing.TB, pdf string) int {
	t.Helper()
	pdfinfo := Require(t, "pdfinfo")
	out, err := exec.Command(pdfinfo, pdf).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			var n int
			fmt.Sscan(strings.TrimSpace(v), &n)
			return n
		}
	}
	t.Fatalf("pdfinfo gave no page count:\n%s", out)
	return 0
}

// Python runs a python-docx script over the files (sys.argv[1:]); the
// script prints each file's result followed by "\x00". It returns the
// results in the order of files, skipping as PythonDocx does.
func Python(t testing.TB, script string, files []string) []string {
	t.Helper()
	return runPython(t, script, files)
}
