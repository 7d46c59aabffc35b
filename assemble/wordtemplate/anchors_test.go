package wordtemplate

import (
	"strings"
	"testing"

	"mou/assemble/internal/docxcheck"
)

// A comment or a footnote or endnote may be referenced from one place only
// (Word calls a file with a second reference unreadable), so a copy of a
// block keeps its text without the comment anchors and note marks the
// first copy already has; outside copies, every anchor stays.
func TestCommentAndNoteAnchorsOncePerCopy(t *testing.T) {
	const (
		fnRef  = `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`
		fnRef2 = `<w:r><w:footnoteReference w:id="2"/></w:r>`
		enRef  = `<w:r><w:endnoteReference w:id="1"/></w:r>`
		cStart = `<w:commentRangeStart w:id="0"/>`
		cEnd   = `<w:commentRangeEnd w:id="0"/>`
		cRef   = `<w:r><w:commentReference w:id="0"/></w:r>`
	)
	run := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	p := func(inner ...string) string { return "<w:p>" + strings.Join(inner, "") + "</w:p>" }
	cases := []struct {
		name string
		body string
		want map[string]int // element → count in the output
		text string         // in the output
	}{
		{"footnote in a loop", para("{{#each partners}}") + p(run("{{organisation}}"), fnRef) + para("{{/each}}"),
			map[string]int{"<w:footnoteReference ": 1}, "West Mercia Police"},
		{"comment in a loop", para("{{#each partners}}") + p(cStart, run("{{organisation}}"), cEnd, cRef) + para("{{/each}}"),
			map[string]int{"<w:commentRangeStart ": 1, "<w:commentRangeEnd ": 1, "<w:commentReference ": 1}, "Herefordshire CCG"},
		{"comment beside an opening tag", p(cStart, run("{{#each partners}}"), cEnd, cRef) + para("{{organisation}}") + para("{{/each}}"),
			map[string]int{"<w:commentReference ": 1}, "West Mercia Police"},
		{"endnote in a loop inside a paragraph", p(run("{{#each partners}}{{id}}"), enRef, run("{{/each}}")),
			map[string]int{"<w:endnoteReference ": 1}, "council"},
		{"anchors written with end tags", para("{{#each partners}}") + p(`<w:commentRangeStart w:id="0"></w:commentRangeStart>`, run("{{organisation}}"), `<w:commentRangeEnd w:id="0"></w:commentRangeEnd>`, `<w:r><w:footnoteReference w:id="1"></w:footnoteReference></w:r>`) + para("{{/each}}"),
			map[string]int{"<w:commentRangeStart ": 1, "<w:commentRangeEnd ": 1, "<w:footnoteReference ": 1}, "West Mercia Police"},
		{"two notes and a comment outside loops", p(run("{{partnership.name}}"), fnRef, cStart, run("x"), cEnd, cRef) + p(run("y"), fnRef2),
			map[string]int{"<w:footnoteReference ": 2, "<w:commentReference ": 1, "<w:commentRangeStart ": 1}, "Herefordshire Partnership"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := renderDocx(c.body, nil, fixtureData)
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range docxcheck.Check(out) {
				t.Error(pr)
			}
			doc := partXML(t, out, "word/document.xml")
			for el, n := range c.want {
				if got := strings.Count(doc, el); got != n {
					t.Errorf("%s: %d, want %d:\n%s", el, got, n, doc)
				}
			}
			if !strings.Contains(doc, c.text) {
				t.Errorf("the copies' text is missing %q:\n%s", c.text, doc)
			}
		})
	}
}
