package wordtemplate

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

type person struct {
	Name  string `toml:"name"`
	Title string `toml:"title"`
}

type partner struct {
	ID       string   `toml:"id"`
	Org      string   `toml:"organisation"`
	Delegate *person  `toml:"delegate"`
	Tags     []string `toml:"tags"`
}

var testData = map[string]any{
	"partnership": map[string]any{"name": "Testshire Partnership", "area": "Testshire"},
	"partners": []partner{
		{ID: "council", Org: "Testshire Council", Delegate: &person{Name: "Ann", Title: "Director"}, Tags: []string{"a", "b"}},
		{ID: "police", Org: "Testshire Police", Delegate: &person{Name: "Bob", Title: "ACC"}},
		{ID: "icb", Org: "Testshire ICB"},
	},
	"none":   []string{},
	"amount": 133600,
	"pence":  1260.5,
	"date":   time.Date(2019, 9, 10, 0, 0, 0, 0, time.UTC),
	"note":   "line one\nline two\tafter tab",
	"html":   "<b>&{{partnership.name}}",
	"yes":    true,
	"share":  0.4998,
	"values": []string{"one", "two", "three"},
}

func TestConstructs(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"plain text untouched", para("No tags here."), "No tags here."},
		{"value", para("Name: {{partnership.name}}."), "Name: Testshire Partnership."},
		{"split over runs", para("Name: {{part", "*nership.", "name}} end"), "Name: Testshire Partnership end"},
		{"split over many runs", para("{", "{", "partnership", ".", "area", "}", "}"), "Testshire"},
		{"two tags in one run", para("{{partnership.area}} and {{partnership.name}}"), "Testshire and Testshire Partnership"},
		{"money", para("{{amount | money}} / {{pence | money}}"), "£133,600 / £1,260.50"},
		{"date", para(`{{date | date "2 January 2006"}}`), "10 September 2019"},
		{"date with curly quotes", para("{{date | date \u201c2 January 2006\u201d}}"), "10 September 2019"},
		{"ordinal", para("{{date | ordinal}}"), "10th September 2019"},
		{"upper lower", para("{{partnership.area | upper}} {{partnership.area | lower}}"), "TESTSHIRE testshire"},
		{"join", para(`{{values | join ", "}}`), "one, two, three"},
		{"default", para(`{{partners.2.delegate.name | default "vacant"}}`), "vacant"},
		{"percent", para("{{share | percent}}"), "50%"},
		{"count", para("{{partners | count}}"), "3"},
		{"newline and tab", para("{{note}}"), "line one⏎line two→after tab"},
		{"escaped, never re-read", para("{{html}}"), "<b>&{{partnership.name}}"},
		{"index path", para("{{partners.1.organisation}}"), "Testshire Police"},
		{"inline each", para("{{#each values}}[{{this}}]{{/each}}"), "[one][two][three]"},
		{"inline each with @", para("{{#each values}}{{@number}}.{{this}}{{#unless @last}}, {{/unless}}{{/each}}"), "1.one, 2.two, 3.three"},
		{"inline each else", para("{{#each none}}x{{else}}nothing{{/each}}"), "nothing"},
		{"inline if else", para("{{#if yes}}Y{{else}}N{{/if}} {{#if none}}Y{{else}}N{{/if}}"), "Y N"},
		{"unless", para("{{#unless none}}empty{{/unless}}"), "empty"},
		{"paragraph each", para("before") + para("{{#each partners}}") + para("{{organisation}}") + para("{{/each}}") + para("after"),
			"before\nTestshire Council\nTestshire Police\nTestshire ICB\nafter"},
		{"paragraph each else", para("{{#each none}}") + para("x") + para("{{else}}") + para("none at all") + para("{{/each}}"), "none at all"},
		{"paragraph if dropped", para("a") + para("{{#if none}}") + para("hidden") + para("{{/if}}") + para("b"), "a\nb"},
		{"scope: item, then outer, then root", para("{{#each partners}}") + para("{{organisation}} in {{partnership.area}}: {{#each tags}}{{this}}/{{id}} {{/each}}") + para("{{/each}}"),
			"Testshire Council in Testshire: a/council b/council \nTestshire Police in Testshire: \nTestshire ICB in Testshire: "},
		{"nested paragraph loops", para("{{#each partners}}") + para("{{id}}") + para("{{#if delegate}}") + para("- {{delegate.name}}") + para("{{/if}}") + para("{{/each}}"),
			"council\n- Ann\npolice\n- Bob\nicb"},
		{"row loop", table(row("Org", "Delegate"), row("{{#each partners}}{{organisation}}", "{{delegate.name | default \"-\"}}{{/each}}")),
			"Org | Delegate\nTestshire Council | Ann\nTestshire Police | Bob\nTestshire ICB | -"},
		{"multi-row loop", table(row("{{#each values}}"), row("{{@number}}", "{{this}}"), row("{{/each}}")),
			"1 | one\n2 | two\n3 | three"},
		{"multi-row loop keeping tag rows with text", table(row("{{#each values}}Item"), row("{{this}}{{/each}}")),
			"Item\none\nItem\ntwo\nItem\nthree"},
		{"loop in a cell", table(row(`{{#each values}}{{this}} {{/each}}`, "x")), "one two three  | x"},
		{"paragraph loop in a cell", "<w:tbl><w:tr><w:tc>" + para("{{#each values}}") + para("{{this}}") + para("{{/each}}") + "</w:tc></w:tr></w:tbl>", "one/two/three"},
		{"row loop from a cell's first paragraph to its last", "<w:tbl><w:tr><w:tc>" + para("{{#each partners}}{{id}}") + para("{{#if delegate}}") + para("{{delegate.name}}") + para("{{/if}}") + para("{{organisation}}{{/each}}") + "</w:tc></w:tr></w:tbl>",
			"council/Ann/Testshire Council\npolice/Bob/Testshire Police\nicb/Testshire ICB"},
		{"empty row loop leaves header", table(row("H"), row("{{#each none}}{{this}}", "x{{/each}}")), "H"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := visibleText(t, render(t, tt.body, testData))
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestFormattingKept(t *testing.T) {
	// The value takes the formatting of the run where the tag starts.
	out := render(t, para("plain ", "*{{partnership.", "area}}", " after"), testData)
	if !strings.Contains(out, `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Testshire</w:t></w:r>`) {
		t.Errorf("bold run not kept:\n%s", out)
	}
	if !strings.Contains(out, `>plain </w:t>`) || !strings.Contains(out, `> after</w:t>`) {
		t.Errorf("surrounding text lost:\n%s", out)
	}
}

func TestProofErrAndBookmarksBetweenPieces(t *testing.T) {
	body := `<w:p><w:r><w:t>{{partner</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="1" w:name="x"/><w:r><w:rPr><w:i/></w:rPr><w:lastRenderedPageBreak/><w:t>ship.are</w:t></w:r><w:bookmarkEnd w:id="1"/><w:proofErr w:type="spellEnd"/><w:r><w:t>a}}!</w:t></w:r></w:p>`
	got := visibleText(t, render(t, body, testData))
	if got != "Testshire!" {
		t.Errorf("got %q", got)
	}
}

func TestNumbering(t *testing.T) {
	numbering := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	extra := map[string]string{"word/numbering.xml": numbering}
	// One list item repeated: one list, same numId throughout.
	body := para("{{#each values}}") + listPara("1", "{{this}}") + para("{{/each}}")
	out, err := renderDocx(body, extra, testData)
	if err != nil {
		t.Fatal(err)
	}
	doc := partXML(t, out, "word/document.xml")
	if strings.Count(doc, `<w:numId w:val="1"/>`) != 3 {
		t.Errorf("a one-item loop must continue one list:\n%s", doc)
	}
	// A block holding a whole list: each copy restarts it.
	body = para("{{#each partners}}") + para("{{organisation}}") + listPara("2", "first") + listPara("2", "second") + para("{{/each}}")
	out, err = renderDocx(body, extra, testData)
	if err != nil {
		t.Fatal(err)
	}
	doc = partXML(t, out, "word/document.xml")
	num := partXML(t, out, "word/numbering.xml")
	for _, id := range []string{"2", "3", "4"} {
		if strings.Count(doc, `<w:numId w:val="`+id+`"/>`) != 2 {
			t.Errorf("numId %s should number one copy's two items:\n%s", id, doc)
		}
	}
	if !strings.Contains(num, `<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`) {
		t.Errorf("numbering.xml lacks the restarted lists:\n%s", num)
	}
	// A list built by an inner loop inside an outer loop restarts per outer copy.
	body = para("{{#each partners}}") + para("{{#each values}}") + listPara("1", "{{this}}") + para("{{/each}}") + para("{{/each}}")
	out, err = renderDocx(body, extra, testData)
	if err != nil {
		t.Fatal(err)
	}
	doc = partXML(t, out, "word/document.xml")
	if strings.Count(doc, `<w:numId w:val="1"/>`) != 3 || strings.Count(doc, `<w:numId w:val="3"/>`) != 3 || strings.Count(doc, `<w:numId w:val="4"/>`) != 3 {
		t.Errorf("inner lists should restart per partner:\n%s", doc)
	}
}

func TestUniqueIDsAfterCopying(t *testing.T) {
	body := para("{{#each values}}") +
		`<w:p w14:paraId="1A2B3C4D" w14:textId="77777777"><w:bookmarkStart w:id="5" w:name="item"/><w:r><w:t>{{this}}</w:t></w:r><w:bookmarkEnd w:id="5"/></w:p>` +
		`<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1"/></wp:inline></w:drawing></w:r></w:p>` +
		para("{{/each}}")
	doc := render(t, body, testData)
	for _, attr := range []string{`w14:paraId="`, `w14:textId="`, `wp:docPr id="`, `w:bookmarkStart w:id="`, `w:name="`} {
		seen := map[string]bool{}
		for _, chunk := range strings.Split(doc, attr)[1:] {
			v := chunk[:strings.IndexByte(chunk, '"')]
			if seen[v] {
				t.Errorf("%s%s\" repeated:\n%s", attr, v, doc)
			}
			seen[v] = true
		}
		if len(seen) != 3 {
			t.Errorf("%s: want 3 distinct values, got %v", attr, seen)
		}
	}
	// Each copied bookmark's end matches its start.
	if strings.Count(doc, "w:bookmarkEnd") != 3 || !strings.Contains(doc, `<w:bookmarkEnd w:id="100001"/>`) {
		t.Errorf("bookmark ends not paired:\n%s", doc)
	}
}

func TestRepairsEmptyTable(t *testing.T) {
	body := table(row("{{#each none}}{{this}}", "{{/each}}")) + para("after")
	doc := render(t, body, testData)
	if strings.Contains(doc, "<w:tbl>") {
		t.Errorf("a table left without rows must go:\n%s", doc)
	}
	body = "<w:tbl><w:tr><w:tc>" + table(row("{{#each none}}{{this}}", "{{/each}}")) + "</w:tc></w:tr></w:tbl>"
	doc = render(t, body, testData)
	if !strings.Contains(doc, "<w:tc><w:p/></w:tc>") {
		t.Errorf("a cell left without a paragraph must get one:\n%s", doc)
	}
}

func TestDeterministic(t *testing.T) {
	body := para("{{#each partners}}") + para("{{organisation}}") + para("{{/each}}")
	a, err := renderDocx(body, nil, testData)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := renderDocx(body, nil, testData)
	if string(a) != string(b) {
		t.Error("equal inputs gave different bytes")
	}
}

// TestReusedBuffersLeaveNoTrace: renderings of one template reuse each
// part's output buffer; a smaller document after a larger one is byte for
// byte what a fresh template makes of it.
func TestReusedBuffersLeaveNoTrace(t *testing.T) {
	body := para("{{#each partners}}") + para("{{organisation}}") + para("{{/each}}")
	tmpl, err := Parse("t.docx", mkdocx(body, nil))
	if err != nil {
		t.Fatal(err)
	}
	var many []map[string]any
	for i := range 500 {
		many = append(many, map[string]any{"organisation": fmt.Sprintf("Organisation number %d with a long name", i)})
	}
	few := map[string]any{"partners": []map[string]any{{"organisation": "Herefordshire Council"}}}
	if _, err := tmpl.Render(map[string]any{"partners": many}); err != nil {
		t.Fatal(err)
	}
	got, err := tmpl.Render(few)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Parse("t.docx", mkdocx(body, nil))
	if err != nil {
		t.Fatal(err)
	}
	want, err := fresh.Render(few)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("a rendering after a larger one differs from a fresh one")
	}
}
