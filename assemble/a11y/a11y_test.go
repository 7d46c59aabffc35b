package a11y

import (
	"regexp"
	"strings"
	"testing"

	"mou/assemble/internal/docxzip"
	"mou/templates"
)

// TestDefaultTemplatesPass: none of the default templates has a finding.
func TestDefaultTemplatesPass(t *testing.T) {
	for _, name := range templates.Names {
		b, _, err := templates.Read("", name)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := Check(name, b)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			t.Errorf("%s", f)
		}
	}
}

// TestFindsWhatAUserTemplateGetsWrong: a skipped heading level, a picture
// without alternative text, a data table without a header row, a colour
// too pale for its background, a vague link, no title and no language,
// each found once, where it is.
func TestFindsWhatAUserTemplateGetsWrong(t *testing.T) {
	b, _, err := templates.Read("", "mou.docx")
	if err != nil {
		t.Fatal(err)
	}
	const picture = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="7" name="Logo"/></wp:inline></w:drawing></w:r></w:p>`
	const table = `<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>` +
		`<w:tr><w:tc><w:p><w:r><w:t>Partner</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Amount</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>Council</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>100</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`
	const skipped = `<w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t>Too deep</w:t></w:r></w:p>`
	const link = `<w:p><w:hyperlink r:id="rId99"><w:r><w:t>click here</w:t></w:r></w:hyperlink></w:p>`
	edited := rewrite(t, b, map[string]func(string) string{
		"word/document.xml": func(s string) string {
			i := strings.Index(s, `<w:pStyle w:val="Heading1"/>`)
			end := i + strings.Index(s[i:], "</w:p>") + len("</w:p>")
			return s[:end] + skipped + picture + table + link + s[end:]
		},
		"word/styles.xml": func(s string) string {
			return strings.Replace(s, "</w:styles>", `<w:style w:type="character" w:styleId="Pale"><w:name w:val="Pale"/><w:rPr><w:color w:val="FFFF66"/></w:rPr></w:style></w:styles>`, 1)
		},
		"docProps/core.xml": func(s string) string {
			s = regexpReplace(s, `<dc:title>[^<]*</dc:title>`, "<dc:title></dc:title>")
			return regexpReplace(s, `<dc:language>[^<]*</dc:language>`, "")
		},
	})
	fs, err := Check("letter.docx", edited)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		structure + " heading": "is at level 3, after a heading at level 1",
		nonText:                `the picture "Logo" has no alternative text`,
		structure + " table":   "a table of 2 columns has no header row",
		contrast:               `the style "Pale" sets text #FFFF66 on #FFFFFF`,
		linkText:               `a link reads "click here"`,
		titled:                 "the document has no title",
	}
	for key, msg := range want {
		crit, _, _ := strings.Cut(key, " heading")
		crit, _, _ = strings.Cut(crit, " table")
		n := 0
		for _, f := range fs {
			if f.Criterion == crit && strings.Contains(f.Message, msg) {
				n++
				if f.File != "letter.docx" || (f.Part == "document" && f.Paragraph == 0) {
					t.Errorf("%s: not located: %+v", key, f)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d findings saying %q:\n%v", key, n, msg, fs)
		}
	}
	// The language still comes from the styles' defaults (en-GB): no finding.
	for _, f := range fs {
		if f.Criterion == language {
			t.Errorf("language: %s", f)
		}
	}
	if r, _ := contrastRatio("1F3864", "FFFFFF"); r < 11 || r > 13 {
		t.Errorf("contrast of the heading colour: %.2f", r)
	}
}

func rewrite(t *testing.T, docx []byte, edits map[string]func(string) string) []byte {
	t.Helper()
	byBytes := map[string]func([]byte) []byte{}
	for name, edit := range edits {
		byBytes[name] = func(b []byte) []byte { return []byte(edit(string(b))) }
	}
	out, _, err := docxzip.Rewrite(docx, byBytes)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func regexpReplace(s, re, with string) string {
	return regexp.MustCompile(re).ReplaceAllString(s, with)
}
