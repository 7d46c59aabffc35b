package wordtemplate

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"mou/assemble/internal/docxzip"
)

// traceOf renders body with tracing and returns the records and the
// rendered main part.
func traceOf(t *testing.T, body string, data any) ([]Para, string) {
	t.Helper()
	tmpl, err := Parse("trace.docx", mkdocx(body, nil))
	if err != nil {
		t.Fatal(err)
	}
	var got []Para
	var doc string
	_, err = tmpl.RenderWith(data, RenderOptions{
		Trace: func(p Para) { got = append(got, p) },
		Main:  func(x string) []byte { doc = x; return []byte(x) },
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, doc
}

// pStarts finds the start tags of paragraphs: <w:p>, <w:p …> and <w:p/>.
var pStarts = regexp.MustCompile(`<w:p[ >/]`)

func TestTracePaths(t *testing.T) {
	body := para("Title {{partnership.name}}") + // 1
		para("{{#each partners}}") + // 2
		para("{{organisation}} for {{@root.partnership.area}} in {{partnership.area}}, number {{@number}}") + // 3
		para("{{#each tags}}") + // 4
		para("tag {{this}} of {{id}}") + // 5
		para("{{/each}}") + // 6
		para("{{/each}}") + // 7
		para("{{#if none}}") + // 8
		para("never") + // 9
		para("{{else}}") + // 10
		para("No entries {{partners.1.delegate.name}}") + // 11
		para("{{/if}}") + // 12
		table(row("Name", "Delegate"), row("{{#each partners}}{{organisation}}", "{{delegate.name | default \"\"}}{{/each}}")) + // 13-16
		para("Inline: {{#each values}}{{this}}, {{/each}}{{#if yes}}yes{{/if}}") // 17
	got, doc := traceOf(t, body, testData)
	want := []Para{
		{Template: 1, Paths: []string{"partnership.name"}},
		{Template: 3, Paths: []string{"partners[0].organisation", "partnership.area"}, Blocks: []string{"partners[0]"}},
		{Template: 5, Paths: []string{"partners[0].tags[0]", "partners[0].id"}, Blocks: []string{"partners[0]", "partners[0].tags[0]"}},
		{Template: 5, Paths: []string{"partners[0].tags[1]", "partners[0].id"}, Blocks: []string{"partners[0]", "partners[0].tags[1]"}},
		{Template: 3, Paths: []string{"partners[1].organisation", "partnership.area"}, Blocks: []string{"partners[1]"}},
		{Template: 3, Paths: []string{"partners[2].organisation", "partnership.area"}, Blocks: []string{"partners[2]"}},
		{Template: 11, Paths: []string{"partners[1].delegate.name"}, Else: []string{"none"}},
		{Template: 13},
		{Template: 14},
		{Template: 15, Paths: []string{"partners[0].organisation"}, Blocks: []string{"partners[0]"}},
		{Template: 16, Paths: []string{"partners[0].delegate.name"}, Blocks: []string{"partners[0]"}},
		{Template: 15, Paths: []string{"partners[1].organisation"}, Blocks: []string{"partners[1]"}},
		{Template: 16, Paths: []string{"partners[1].delegate.name"}, Blocks: []string{"partners[1]"}},
		{Template: 15, Paths: []string{"partners[2].organisation"}, Blocks: []string{"partners[2]"}},
		{Template: 16, Paths: []string{"partners[2].delegate.name"}, Blocks: []string{"partners[2]"}},
		{Template: 17, Paths: []string{"values[0]", "values[1]", "values[2]"}, Inline: []string{"values[0]", "values[1]", "values[2]", "yes"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("trace:\n got %+v\nwant %+v", got, want)
	}
	// One record per paragraph of the output, in its order.
	if n := len(pStarts.FindAllString(doc, -1)); n != len(got) {
		t.Errorf("%d paragraphs in the output, %d traced", n, len(got))
	}
}

// A row or table the writer cuts out (no cells, no rows left) takes its
// paragraphs' records with it; the paragraph a cell is given is traced.
func TestTraceCutAndAdded(t *testing.T) {
	body := table(row("{{#each none}}{{this}}", "x{{/each}}")) +
		"<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/></w:tc></w:tr></w:tbl>" +
		para("End {{partnership.area}}")
	got, doc := traceOf(t, body, testData)
	want := []Para{{Template: 0}, {Template: 3, Paths: []string{"partnership.area"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("trace:\n got %+v\nwant %+v", got, want)
	}
	if n := len(pStarts.FindAllString(doc, -1)); n != len(got) {
		t.Errorf("%d paragraphs in the output, %d traced:\n%s", n, len(got), doc)
	}
}

// Trace is told nothing of other parts, and a rendering without it is the
// same document.
func TestTraceSameDocument(t *testing.T) {
	body := para("{{#each partners}}") + para("{{organisation}}") + para("{{/each}}")
	tmpl, err := Parse("trace.docx", mkdocx(body, nil))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := tmpl.Render(testData)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	traced, err := tmpl.RenderWith(testData, RenderOptions{Trace: func(Para) { n++ }})
	if err != nil {
		t.Fatal(err)
	}
	if string(plain) != string(traced) {
		t.Error("tracing changed the document")
	}
	if n != 3 {
		t.Errorf("%d paragraphs traced, want 3", n)
	}
}

// The numbering the trace (and every message) uses is a plain count of
// the paragraphs' start tags in word/document.xml, in document order.
func TestParagraphNumbersAreStartTags(t *testing.T) {
	files, _ := filepath.Glob("../../templates/*.docx")
	more, _ := filepath.Glob("testdata/*.docx")
	files = append(files, more...)
	if len(files) < 4 {
		t.Fatalf("found only %d templates", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		x, err := docxzip.Part(b, "word/document.xml")
		if err != nil {
			continue
		}
		root, err := parseXML(string(x))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		naive := pStarts.FindAllStringIndex(string(x), -1)
		paras := paragraphs(root)
		if len(paras) != len(naive) {
			t.Errorf("%s: %d paragraphs numbered, %d start tags", f, len(paras), len(naive))
			continue
		}
		for i, pg := range paras {
			if pg.node.para != i+1 {
				t.Errorf("%s: paragraph %d numbered %d", f, i+1, pg.node.para)
			}
			at := naive[i][0]
			tagEnd := strings.IndexByte(string(x[at:]), '>')
			if got := string(x[at : at+tagEnd+1]); strings.TrimSuffix(got, "/>") != strings.TrimSuffix(strings.TrimSuffix(pg.node.start, "/>"), ">") && got != pg.node.start {
				t.Errorf("%s: paragraph %d starts %q in the tree but %q in the file", f, i+1, pg.node.start, got)
				break
			}
		}
	}
}

// An {{#unless}}'s body is shown because its field is empty: in Blocks
// and in Else.
func TestTraceUnless(t *testing.T) {
	body := para("{{#unless none}}") + para("General wording.") + para("{{/unless}}") + para("After.")
	got, _ := traceOf(t, body, testData)
	want := []Para{{Template: 2, Blocks: []string{"none"}, Else: []string{"none"}}, {Template: 4}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("trace:\n got %+v\nwant %+v", got, want)
	}
}
