package documents

import (
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestScannersMatchPatterns: the hand scanners of the page rules and the
// contents list find what the regular expressions they replaced found, on
// hand-made cases and on every main part of the examples' documents.
func TestScannersMatchPatterns(t *testing.T) {
	docs := []string{
		`<w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p/><w:p w:rsidR="1"/><w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">b: </w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>`,
		`<w:p	w:x="1"><w:pPr><w:pStyle w:val="x"></w:pStyle><w:pStyle w:val="Title"/></w:pPr><w:t/><w:t>c</w:t><w:tab/><w:tbl/><w:tblPr/></w:p>`,
		`<w:p><w:t>unclosed`, `</w:p>`, `<w:p`, `<w:tr><w:tr x="1"/></w:tr>`, ``,
	}
	files, err := Plan(examples, Options{Out: "x"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		doc, err := docxPart(f.Data, "word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(doc))
	}
	blockRE := regexp.MustCompile(`<(/?)w:(p|tbl)(?:\s[^>]*)?(/?)>`)
	rowRE := regexp.MustCompile(`<(/?)w:(tr|tbl)(?:\s[^>]*)?(/?)>`)
	tocs := 0
	for i, doc := range docs {
		if got, want := topLevel(doc, blockTags), topLevelRE(doc, blockRE); !slices.Equal(got, want) {
			t.Errorf("document %d: paragraphs and tables %v, the pattern finds %v", i, got, want)
		}
		if got, want := topLevel(doc, rowTags), topLevelRE(doc, rowRE); !slices.Equal(got, want) {
			t.Errorf("document %d: rows %v, the pattern finds %v", i, got, want)
		}
		var got []string
		eachText(doc, func(s string) bool { got = append(got, s); return true })
		var want []string
		for _, m := range textRE.FindAllStringSubmatch(doc, -1) {
			want = append(want, m[1])
		}
		if !slices.Equal(got, want) {
			t.Errorf("document %d: texts %q, the pattern finds %q", i, got, want)
		}
		for _, p := range paragraphSpans(doc) {
			para := doc[p[0]:p[1]]
			style, ok := paragraphStyle(para)
			m := pStyleRE.FindStringSubmatch(para)
			if ok != (m != nil) || ok && style != m[1] {
				t.Errorf("document %d: style %q (%v) of %.80q, the pattern finds %q", i, style, ok, para, m)
			}
		}
		// Paragraph openings are what the pattern found, less the
		// self-closing ones, which have no inside for properties.
		var opens, wantOpens []int
		for end := range paragraphOpenings(doc) {
			opens = append(opens, end)
		}
		for _, m := range regexp.MustCompile(`<w:p(?:\s[^>]*)?>`).FindAllStringIndex(doc, -1) {
			if doc[m[1]-2] != '/' {
				wantOpens = append(wantOpens, m[1])
			}
		}
		if !slices.Equal(opens, wantOpens) {
			t.Errorf("document %d: paragraph openings %v, the pattern finds %v", i, opens, wantOpens)
		}
		for at := range doc {
			if doc[at] != '<' {
				continue
			}
			id, n, ok := leadingStyle(doc[at:])
			m := pStyleRE.FindStringSubmatchIndex(doc[at:])
			if want := m != nil && m[0] == 0; ok != want || ok && (id != doc[at+m[2]:at+m[3]] || n != m[1]) {
				t.Errorf("document %d at %d: leading style %q %d %v, the pattern finds %v", i, at, id, n, ok, m)
			}
		}
		f, g := findTOC(doc), findTOCRE(doc)
		if (f == nil) != (g == nil) || f != nil && *f != *g {
			t.Errorf("document %d: contents field %+v, the pattern finds %+v", i, f, g)
		}
		if f != nil {
			tocs++
		}
	}
	if tocs == 0 {
		t.Error("no document had a contents list to compare")
	}
}

// topLevelRE is topLevel as it was, with a regular expression.
func topLevelRE(doc string, tag *regexp.Regexp) []span {
	var out []span
	depth, start := 0, 0
	for _, m := range tag.FindAllStringSubmatchIndex(doc, -1) {
		closing, el, selfClosing := m[3] > m[2], doc[m[4]:m[5]], m[7] > m[6]
		switch {
		case selfClosing:
			if depth == 0 {
				out = append(out, span{table: el == "tbl", start: m[0], end: m[1]})
			}
		case !closing:
			if depth == 0 {
				start = m[0]
			}
			depth++
		default:
			depth--
			if depth == 0 {
				out = append(out, span{table: el == "tbl", start: start, end: m[1]})
			}
		}
	}
	return out
}

// findTOCRE is findTOC as it was, every match found first.
func findTOCRE(doc string) *tocField {
	type open struct {
		instr     strings.Builder
		separated bool
		begin     int
		sepEnd    int
	}
	var stack []*open
	for _, m := range fieldRE.FindAllStringSubmatchIndex(doc, -1) {
		switch {
		case m[2] >= 0 && doc[m[2]:m[3]] == "begin":
			stack = append(stack, &open{begin: m[0]})
		case m[2] >= 0 && doc[m[2]:m[3]] == "separate":
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.separated = true
				top.sepEnd = m[1]
			}
		case m[2] >= 0: // end
			if len(stack) == 0 {
				continue
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			instr := html.UnescapeString(top.instr.String())
			if len(stack) > 0 || !top.separated || !strings.HasPrefix(strings.ToUpper(strings.TrimSpace(instr)), "TOC") {
				continue
			}
			runEnd := strings.Index(doc[top.sepEnd:], "</w:r>")
			runStart := max(strings.LastIndex(doc[:m[0]], "<w:r>"), strings.LastIndex(doc[:m[0]], "<w:r "))
			if runEnd < 0 || runStart < top.sepEnd+runEnd {
				return nil
			}
			f := &tocField{resultStart: top.sepEnd + runEnd + len("</w:r>"), resultEnd: runStart, minLevel: 1, maxLevel: 3}
			if p := max(strings.LastIndex(doc[:top.begin], "<w:p>"), strings.LastIndex(doc[:top.begin], "<w:p ")); p >= 0 {
				if m := pStyleRE.FindStringSubmatch(doc[p:top.begin]); m != nil {
					f.style = m[1]
				}
			}
			if lv := levelsRE.FindStringSubmatch(top.instr.String()); lv != nil {
				f.minLevel, _ = strconv.Atoi(lv[1])
				f.maxLevel, _ = strconv.Atoi(lv[2])
			}
			return f
		default: // instruction text
			if len(stack) > 0 && !stack[len(stack)-1].separated {
				stack[len(stack)-1].instr.WriteString(doc[m[4]:m[5]])
			}
		}
	}
	return nil
}
