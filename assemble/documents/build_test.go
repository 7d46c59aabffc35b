package documents

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mou/assemble/format"
	"mou/assemble/internal/docxcheck"
	"mou/assemble/internal/readertest"
	"mou/assemble/partnership"
)

var examples = []string{"../../data/herefordshire-2019.toml", "../../data/westmorland-and-furness-2025.toml"}

func build(t *testing.T, paths []string, opts Options) []string {
	t.Helper()
	files, err := Plan(paths, opts)
	if err != nil {
		var f *Failure
		if errors.As(err, &f) {
			var b strings.Builder
			f.WriteText(&b)
			t.Fatalf("build failed:\n%s", b.String())
		}
		t.Fatal(err)
	}
	written, err := Write(files, WriteOptions{Out: opts.Out})
	if err != nil {
		t.Fatal(err)
	}
	return written
}

// TestExamplesBuild builds every example, checks each file's package, then
// reads every document back with LibreOffice (text and PDF) and python-docx
// and looks for every fact of the data in it.
func TestExamplesBuild(t *testing.T) {
	out := t.TempDir()
	written := build(t, examples, Options{Out: out, SplitEndorsements: true})
	want := []string{
		"herefordshire/annual-report-2019-20.docx", "herefordshire/arrangements.docx",
		"herefordshire/endorsement-mou-01-chris-baird.docx", "herefordshire/endorsement-mou-02-susan-thomas.docx",
		"herefordshire/endorsement-mou-03-ellen-footman.docx", "herefordshire/endorsements.docx", "herefordshire/mou.docx",
		"westmorland-and-furness/annual-report-2025-26.docx", "westmorland-and-furness/arrangements.docx",
		"westmorland-and-furness/endorsement-arrangements-01-sam-plum.docx",
		"westmorland-and-furness/endorsement-arrangements-02-kevin-lavery.docx",
		"westmorland-and-furness/endorsement-arrangements-03-rob-carden.docx",
		"westmorland-and-furness/endorsement-arrangements-04-chief-executive.docx", // a partner that has not signed
		"westmorland-and-furness/endorsements.docx", "westmorland-and-furness/mou.docx",
	}
	if len(written) != len(want) {
		t.Fatalf("wrote %q", written)
	}
	for i, w := range want {
		if written[i] != filepath.Join(out, w) {
			t.Errorf("file %d: %s, want %s", i, written[i], w)
		}
		b, err := os.ReadFile(written[i])
		if err != nil {
			t.Fatal(err)
		}
		for _, problem := range docxcheck.Check(b) {
			t.Errorf("%s: %s", w, problem)
		}
	}

	// LibreOffice names each output after its input: give the two
	// partnerships' files distinct names in one folder first.
	flat := t.TempDir()
	var inputs []string
	for _, w := range written {
		rel, _ := filepath.Rel(out, w)
		dst := filepath.Join(flat, strings.ReplaceAll(rel, string(filepath.Separator), "--"))
		b, _ := os.ReadFile(w)
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, dst)
	}
	texts := readertest.Convert(t, inputs, "txt:Text (encoded):UTF8", "txt", t.TempDir())
	pdfs := readertest.Convert(t, inputs, "pdf", "pdf", t.TempDir())
	pyTexts := readertest.PythonDocx(t, inputs)
	artefacts := artefactDir(t)

	for i, path := range written {
		rel, _ := filepath.Rel(out, path)
		folder, file := filepath.Split(rel)
		folder = strings.TrimSuffix(folder, string(filepath.Separator))
		p := loadExample(t, folder)
		raw, _ := os.ReadFile(texts[i])
		text := squash(string(raw))
		kind := kindOfFile(file)
		want := facts(p, kind)
		if strings.HasPrefix(file, "endorsement-") {
			// endorsement-<document>-<nn>-<name>.docx holds the nn-th signatory only.
			var n int
			fields := strings.Split(file, "-")
			fmt.Sscan(fields[2], &n)
			s := NewView(p, Endorsements).Signatories[n-1]
			want = []string{s.Signatory, s.Title, s.Organisation}
			if s.Date != nil {
				want = append(want, s.Date.Ordinal())
			}
		}
		for _, fact := range want {
			if !strings.Contains(text, squash(fact)) {
				t.Errorf("%s: %q is missing from LibreOffice's text", rel, fact)
			}
		}
		if kind != Endorsements && (strings.Contains(text, "The contents list is filled in") || !strings.Contains(text, "Contents "+firstHeading[kind]) && !strings.Contains(text, "Contents Background")) {
			t.Errorf("%s: the contents list was not filled with the headings", rel)
		}
		for _, leftover := range []string{"{{", "}}"} {
			if strings.Contains(text, leftover) || strings.Contains(pyTexts[i], leftover) {
				t.Errorf("%s: a tag was left in the document", rel)
			}
		}
		if !strings.Contains(squash(pyTexts[i]), squash(p.Partnership.Name)) {
			t.Errorf("%s: python-docx does not find the partnership's name", rel)
		}
		pages := readertest.PDFPages(t, pdfs[i])
		if kind == Endorsements {
			signatories := len(NewView(p, Endorsements).Signatories)
			if strings.HasPrefix(file, "endorsement-") {
				signatories = 1
			}
			if pages != signatories {
				t.Errorf("%s: %d pages for %d signatories", rel, pages, signatories)
			}
		}
		if !strings.HasPrefix(file, "endorsement-") {
			prefix := filepath.Join(artefacts, folder+"-"+strings.TrimSuffix(file, ".docx"))
			readertest.Pages(t, pdfs[i], prefix, 60)
		}
	}
}

// loadExample loads the data file an output folder was built from.
func loadExample(t *testing.T, folder string) *partnership.Partnership {
	t.Helper()
	for _, e := range examples {
		p, _, err := partnership.Check(partnership.Options{}, e)
		if err != nil {
			t.Fatal(err)
		}
		if slug(p) == folder {
			return p
		}
	}
	t.Fatalf("no example builds into %s", folder)
	return nil
}

func kindOfFile(name string) string {
	switch {
	case strings.HasPrefix(name, "endorsement"):
		return Endorsements
	case strings.HasPrefix(name, "annual-report"):
		return YearlyReport
	}
	return strings.TrimSuffix(name, ".docx")
}

// facts lists what a document of this kind must show of p, worked out from
// the data itself.
func facts(p *partnership.Partnership, kind string) []string {
	var fs []string
	add := func(ss ...string) {
		for _, s := range ss {
			if s != "" {
				fs = append(fs, s)
			}
		}
	}
	if kind == Endorsements {
		for _, e := range p.Endorsements {
			add(e.Signatory, e.Title)
			if e.Date != nil {
				add(e.Date.Ordinal())
			}
		}
		return fs
	}
	add(p.Partnership.Name)
	for _, pt := range p.Partners {
		add(pt.Organisation, pt.Lead.Name, pt.Lead.Title)
		if pt.Delegate != nil {
			add(pt.Delegate.Name, pt.Delegate.Title)
		}
	}
	for _, b := range p.Boards {
		add(b.Name)
	}
	for _, a := range p.RelevantAgencies {
		add(a.Name)
	}
	if f := p.CurrentFunding(); f != nil {
		for _, r := range f.Rows {
			add(r.Name, format.Pence(r.Amount.Pence()))
		}
		add(format.Pence(f.Total.Pence()))
	}
	switch kind {
	case MOU:
		for _, e := range p.Endorsements {
			if e.Document == MOU {
				add(e.Signatory, e.Title)
				if e.Date != nil {
					add(e.Date.Ordinal())
				}
			}
		}
	case Arrangements:
		for _, g := range p.Glossary {
			add(g.Term, g.Meaning)
		}
		for _, m := range p.Milestones {
			add(m.Label)
		}
		for _, g := range p.Meetings {
			add(g.Name)
		}
		for _, g := range p.Subgroups {
			add(g.Name)
		}
		if p.Geography != nil {
			for _, f := range p.Geography.Figures {
				add(f.Label)
			}
		}
	case YearlyReport:
		for _, r := range NewView(p, YearlyReport).Report.Recipients {
			add(r.Name)
		}
	}
	return fs
}

// squash makes text comparable whatever the line wrapping: LibreOffice's
// text export keeps paragraphs on one line, but tables and tabs vary.
func squash(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\t", " ", "\r", " ", "\n", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// artefactDir is where page images go for a person to look at:
// test-artifacts/documents at the repository root (or $MOU_ARTIFACTS).
func artefactDir(t *testing.T) string {
	dir := os.Getenv("MOU_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "test-artifacts")
	}
	dir = filepath.Join(dir, "documents")
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("page images in %s", dir)
	return dir
}

// TestFailedBuildWritesNothing: invalid data or a broken template stops the
// whole build, and files from an earlier build stay as they were.
func TestFailedBuildWritesNothing(t *testing.T) {
	out := t.TempDir()
	first := build(t, examples[:1], Options{Out: out, Only: []string{MOU}})
	before, _ := os.ReadFile(first[0])

	_, err := Plan(append([]string{"../../data/cumbria-2019.toml"}, examples...), Options{Out: out})
	var f *Failure
	if !errors.As(err, &f) || len(f.Data) != 1 || f.Data[0].Findings.Errors() != 1 ||
		!strings.Contains(f.Data[0].Findings[len(f.Data[0].Findings)-1].Message, "£7,801 more") {
		t.Fatalf("Cumbria's published total must stop the build: %v", err)
	}

	tmpl := t.TempDir()
	os.WriteFile(filepath.Join(tmpl, "mou.docx"), []byte("not a zip"), 0o644)
	_, err = Plan(examples, Options{Out: out, Templates: tmpl})
	if !errors.As(err, &f) || len(f.Templates) != 1 || !strings.Contains(f.Templates[0].Error(), "mou.docx") {
		t.Fatalf("a broken replacement template must stop the build: %v", err)
	}
	after, _ := os.ReadFile(first[0])
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed an earlier output")
	}
	entries, _ := os.ReadDir(filepath.Dir(first[0]))
	if len(entries) != 1 {
		t.Errorf("a failed build left files behind: %v", entries)
	}
}

// TestReplacementTemplate: a file in --templates replaces the default of
// the same name, and the others stay the defaults.
func TestReplacementTemplate(t *testing.T) {
	tmpl := t.TempDir()
	mine, err := os.ReadFile("../wordtemplate/testdata/python-docx.docx")
	if err != nil {
		t.Fatal(err)
	}
	// The fixture asks for fields a partnership view does not have: the
	// build must name them, and the template file.
	os.WriteFile(filepath.Join(tmpl, "mou.docx"), mine, 0o644)
	_, err = Plan(examples[:1], Options{Out: t.TempDir(), Templates: tmpl, Only: []string{MOU, Endorsements}})
	var f *Failure
	if !errors.As(err, &f) || len(f.Templates) == 0 {
		t.Fatalf("want template problems, got %v", err)
	}
	for _, e := range f.Templates {
		if !strings.Contains(e.Error(), filepath.Join(tmpl, "mou.docx")) {
			t.Errorf("the problem should name the replacement template: %s", e.Error())
		}
	}
	if !strings.Contains(f.Templates[0].Error(), `unknown field "amount"`) {
		t.Errorf("got %s", f.Templates[0].Error())
	}

	// A misspelt folder is an error; a misnamed file is pointed out.
	_, err = Plan(examples[:1], Options{Templates: filepath.Join(tmpl, "nope")})
	if !errors.As(err, &f) || len(f.Other) != 1 || !strings.Contains(f.Other[0], "does not exist") {
		t.Errorf("missing folder: %v", err)
	}
	os.Remove(filepath.Join(tmpl, "mou.docx"))
	os.WriteFile(filepath.Join(tmpl, "MOU-2025.docx"), mine, 0o644)
	var progress strings.Builder
	if _, err := Plan(examples[:1], Options{Templates: tmpl, Progress: &progress}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), "MOU-2025.docx replaces no default template") {
		t.Errorf("progress:\n%s", progress.String())
	}
}

// TestSectionsAndLocalText: sections without data vanish with their
// headings; local text replaces the default prose.
func TestSectionsAndLocalText(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "testshire.toml")
	os.WriteFile(data, []byte(minimal+`
[text]
disputes = """
Our own way of settling disagreements.

A second paragraph of it.
"""
`), 0o644)
	files, err := Plan([]string{data}, Options{Out: dir, Today: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var arr, mou string
	for _, f := range files {
		switch filepath.Base(f.Path) {
		case "arrangements.docx":
			arr = visible(t, f.Data)
		case "mou.docx":
			mou = visible(t, f.Data)
		}
	}
	for _, gone := range []string{"Geographical area", "Wider partnerships", "The partners have named the following relevant agencies", "Milestones", "Glossary", "Document history", "Contributions for"} {
		if strings.Contains(arr, gone) {
			t.Errorf("arrangements: %q should vanish without data", gone)
		}
	}
	for _, doc := range []string{arr, mou} {
		if !strings.Contains(doc, "Our own way of settling disagreements.") || !strings.Contains(doc, "A second paragraph of it.") {
			t.Error("local text missing")
		}
		if strings.Contains(doc, "as close to the issue as possible") || strings.Contains(doc, "resolved locally and quickly") {
			t.Error("local text must replace the default prose")
		}
	}
	if !strings.Contains(mou, "Lead Safeguarding Partner") || strings.Contains(mou, "Not delegated") {
		t.Error("the MOU should use the 2023 terms, and never say a partner has not delegated when the data only names no delegate")
	}
}

// visible is a document's text, from its XML.
func visible(t *testing.T, docx []byte) string {
	t.Helper()
	var b strings.Builder
	for _, chunk := range strings.Split(partText(t, docx, "word/document.xml"), "<w:t")[1:] {
		start := strings.IndexByte(chunk, '>')
		end := strings.Index(chunk, "</w:t>")
		if start >= 0 && end > start {
			b.WriteString(chunk[start+1:end] + " ")
		}
	}
	return html.UnescapeString(b.String())
}

func partText(t *testing.T, docx []byte, name string) string {
	t.Helper()
	s, err := docxcheck.Part(docx, name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// firstHeading is the first entry each default template's contents list
// must show (the arrangements open with Background when no one signs a
// foreword).
var firstHeading = map[string]string{MOU: "Introduction and context", Arrangements: "Foreword", YearlyReport: "About this report"}
