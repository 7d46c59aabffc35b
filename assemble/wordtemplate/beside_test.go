package wordtemplate

import (
	"strings"
	"testing"

	"mou/assemble/internal/docxcheck"
)

const (
	pageBreak = `<w:r><w:br w:type="page"/></w:r>`
	picture   = `<w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="7" name="Logo"/></wp:inline></w:drawing></w:r>`
	landscape = `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`
)

// tagPara is a paragraph holding a block tag and other markup, in order.
func tagPara(pPr string, parts ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if pPr != "" {
		b.WriteString("<w:pPr>" + pPr + "</w:pPr>")
	}
	for _, p := range parts {
		if strings.HasPrefix(p, "<") {
			b.WriteString(p)
		} else {
			b.WriteString(`<w:r><w:t xml:space="preserve">` + escapeText(p) + `</w:t></w:r>`)
		}
	}
	b.WriteString("</w:p>")
	return b.String()
}

func TestBlockTagBesideNonText(t *testing.T) {
	empty := map[string]any{"partners": []fxPartner{}}
	tests := []struct {
		name   string
		body   string
		data   any
		want   string
		breaks int // pages broken before a paragraph
	}{
		{"page break beside the opening tag repeats with each copy",
			tagPara("", pageBreak, "{{#each partners}}") + para("{{organisation}}") + para("{{/each}}") + para("End"), fixtureData,
			"Herefordshire Council\nHerefordshire CCG\nWest Mercia Police\nEnd", 3},
		{"page break beside the closing tag is kept once",
			para("Start") + para("{{#each partners}}") + para("{{organisation}}") + tagPara("", "{{/each}}", pageBreak) + para("End"), fixtureData,
			"Start\nHerefordshire Council\nHerefordshire CCG\nWest Mercia Police\nEnd", 1},
		{"page break beside the closing tag is kept when the block shows nothing",
			para("Start") + para("{{#each partners}}") + para("{{organisation}}") + tagPara("", "{{/each}}", pageBreak) + para("End"), empty,
			"Start\nEnd", 1},
		{"page break beside the closing tag at the end of the body",
			para("{{#each partners}}") + para("{{organisation}}") + tagPara("", "{{/each}}", pageBreak), fixtureData,
			"Herefordshire Council\nHerefordshire CCG\nWest Mercia Police\n⏎", 0},
		{"page break beside an opening tag before a table",
			tagPara("", pageBreak, "{{#each partners}}") + table(row("{{organisation}}")) + para("{{/each}}"), fixtureData,
			"⏎\nHerefordshire Council\n⏎\nHerefordshire CCG\n⏎\nWest Mercia Police", 0},
		{"column break, rendered page break and whitespace",
			tagPara("", `<w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">  </w:t></w:r>`, "{{#if partners}} ", `<w:r><w:br w:type="column"/></w:r>`) + para("Yes") + tagPara("", "\t{{/if}}") + para("End"), fixtureData,
			"⏎Yes\nEnd", 0},
		{"a line break counts as whitespace",
			tagPara("", "{{#if partners}}", `<w:r><w:br/></w:r>`) + para("Yes") + para("{{/if}}"), fixtureData,
			"Yes", 0},
		{"picture beside the opening tag repeats",
			tagPara("", picture, "{{#each partners}}") + para("{{organisation}}") + para("{{/each}}"), fixtureData,
			"Herefordshire Council\nHerefordshire CCG\nWest Mercia Police", 0},
		{"bookmark beside a tag is kept once",
			tagPara("", `<w:bookmarkStart w:id="0" w:name="partners"/>`, "{{#each partners}}", `<w:bookmarkEnd w:id="0"/>`) + para("{{organisation}}") + para("{{/each}}"), fixtureData,
			"Herefordshire Council\nHerefordshire CCG\nWest Mercia Police", 0},
		{"page break beside else starts the else branch",
			para("{{#each partners}}") + para("{{organisation}}") + tagPara("", pageBreak, "{{else}}") + para("None") + para("{{/each}}"), empty,
			"⏎\nNone", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := renderDocx(tt.body, nil, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			doc := partXML(t, out, "word/document.xml")
			if got := visibleText(t, doc); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if got := strings.Count(doc, "<w:pageBreakBefore/>"); got != tt.breaks {
				t.Errorf("%d paragraphs break the page before them, want %d:\n%s", got, tt.breaks, doc)
			}
			for _, p := range docxcheck.Check(out) {
				t.Error(p)
			}
		})
	}
	// The bookmark survives once, as a pair.
	doc := render(t, tagPara("", `<w:bookmarkStart w:id="0" w:name="partners"/>`, "{{#each partners}}", `<w:bookmarkEnd w:id="0"/>`)+para("{{organisation}}")+para("{{/each}}"), fixtureData)
	if strings.Count(doc, "<w:bookmarkStart") != 1 || strings.Count(doc, "<w:bookmarkEnd") != 1 {
		t.Errorf("bookmark not kept once: %s", doc)
	}
	// Each copied picture gets its own drawing id.
	doc = render(t, tagPara("", picture, "{{#each partners}}")+para("{{organisation}}")+para("{{/each}}"), fixtureData)
	if strings.Count(doc, "<w:drawing>") != 3 || strings.Count(doc, `id="1"`) != 1 || strings.Count(doc, `id="3"`) != 1 {
		t.Errorf("pictures: %s", doc)
	}
}

func TestSectionsSurviveBlocks(t *testing.T) {
	empty := map[string]any{"partners": []fxPartner{}}
	count := func(doc string) int { return strings.Count(doc, `w:orient="landscape"`) }
	tests := []struct {
		name      string
		body      string
		data      any
		want      string
		landscape int
	}{
		{"section ending at the closing tag is kept once, after the copies",
			para("Before") + para("{{#each partners}}") + para("{{organisation}}") + tagPara(landscape, "{{/each}}") + para("After"), fixtureData,
			"Before\nHerefordshire Council\nHerefordshire CCG\nWest Mercia Police\n\nAfter", 1},
		{"section ending at the closing tag is kept when the block shows nothing",
			para("Before") + para("{{#each partners}}") + para("{{organisation}}") + tagPara(landscape, "{{/each}}") + para("After"), empty,
			"Before\n\nAfter", 1},
		{"section ending at the opening tag is kept once, before the copies",
			para("Before") + tagPara(landscape, "{{#each partners}}") + para("{{organisation}}") + para("{{/each}}"), fixtureData,
			"Before\n\nHerefordshire Council\nHerefordshire CCG\nWest Mercia Police", 1},
		{"section break inside a repeated block repeats",
			para("{{#each partners}}") + tagPara(landscape, "{{organisation}}") + para("{{/each}}"), fixtureData,
			"Herefordshire Council\nHerefordshire CCG\nWest Mercia Police", 3},
		{"section the content before a removed block belongs to is kept",
			para("Before") + para("{{#if none}}") + para("Gone") + tagPara(landscape, "Gone too") + para("{{/if}}") + para("After"), fixtureData,
			"Before\n\nAfter", 1},
		{"a removed block that starts a section takes its sections with it",
			tagPara(landscape, "Before") + para("{{#if none}}") + tagPara(landscape, "Gone") + para("{{/if}}") + para("After"), fixtureData,
			"Before\nAfter", 1},
		{"page break and section break beside the opening tag",
			para("Before") + tagPara(landscape, pageBreak, "{{#each partners}}") + para("{{organisation}}") + para("{{/each}}"), fixtureData,
			"Before\n\nHerefordshire Council\nHerefordshire CCG\nWest Mercia Police", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := renderDocx(tt.body, nil, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			doc := partXML(t, out, "word/document.xml")
			if got := visibleText(t, doc); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if got := count(doc); got != tt.landscape {
				t.Errorf("%d landscape sections, want %d:\n%s", got, tt.landscape, doc)
			}
			for _, p := range docxcheck.Check(out) {
				t.Error(p)
			}
		})
	}
}

// Content controls copied by a loop get ids of their own.
func TestContentControlIDsUnique(t *testing.T) {
	sdt := `<w:sdt><w:sdtPr><w:alias w:val="Partner"/><w:id w:val="42"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>{{organisation}}</w:t></w:r></w:p></w:sdtContent></w:sdt>`
	doc := render(t, para("{{#each partners}}")+sdt+para("{{/each}}")+`<w:sdt><w:sdtPr><w:id w:val="1000000"/></w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt>`, fixtureData)
	seen := map[string]bool{}
	for _, part := range strings.Split(doc, `<w:id w:val="`)[1:] {
		id := part[:strings.IndexByte(part, '"')]
		if seen[id] {
			t.Errorf("content control id %s repeated:\n%s", id, doc)
		}
		seen[id] = true
	}
	if len(seen) != 4 || !seen["42"] || !strings.Contains(visibleText(t, doc), "West Mercia Police") {
		t.Errorf("ids %v:\n%s", seen, doc)
	}
}
