// Package build writes mou's four default templates. Each template is an
// ordinary .docx with built-in Word styles (Title, Heading 1–3, List Bullet,
// List Number), a table style whose header row repeats on every page, a
// contents field Word fills on opening, page numbers, A4 pages and UK
// English, so a user can open, restyle and re-save it in Word or LibreOffice.
//
// The text of each document lives in its own file (mou.go, arrangements.go,
// report.go, endorsements.go); this file holds the WordprocessingML.
package build

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// doc accumulates one template's body.
type doc struct {
	title   string // document property, may hold tags
	subject string
	// titlePage is set by a cover (title1): the first page then has a
	// footer of its own, empty, instead of the running footer.
	titlePage bool
	body      strings.Builder
	// paras counts the paragraphs written, numbered from 1 in document
	// order as the engine numbers a template's paragraphs; law holds, by
	// that number, the legal basis of each paragraph of general wording.
	paras int
	basis string
	law   map[int]string
}

// para counts one paragraph about to be written, recording the basis in
// force (d.under) when there is one.
func (d *doc) para() {
	d.paras++
	if d.basis != "" {
		if d.law == nil {
			d.law = map[int]string{}
		}
		d.law[d.paras] = d.basis
	}
}

// under writes the paragraphs of fn as general wording: what the guidance
// or the law requires of every partnership, stated as a duty, with basis
// naming where. Every other paragraph of a default template must print
// the data (a test holds every built paragraph to one or the other).
func (d *doc) under(basis string, fn func()) {
	outer := d.basis
	d.basis = basis
	fn()
	d.basis = outer
}

// paragraph properties beyond the style.
type props struct {
	keepNext, keepLines, pageBreakBefore bool
	align                                string
	spaceBefore                          int // twentieths of a point; 0 leaves the style's
}

var xmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// runs turns text with **bold** spans into runs; a tab character becomes
// a tab (the signature lines' dotted leaders).
func runs(text string) string {
	var b strings.Builder
	bold := false
	for i, piece := range strings.Split(text, "**") {
		if i > 0 {
			bold = !bold
		}
		if piece == "" {
			continue
		}
		b.WriteString("<w:r>")
		if bold {
			b.WriteString("<w:rPr><w:b/></w:rPr>")
		}
		for j, t := range strings.Split(piece, "\t") {
			if j > 0 {
				b.WriteString("<w:tab/>")
			}
			if t != "" {
				fmt.Fprintf(&b, `<w:t xml:space="preserve">%s</w:t>`, xmlText.Replace(t))
			}
		}
		b.WriteString("</w:r>")
	}
	return b.String()
}

func pPr(style string, pr props) string {
	var b strings.Builder
	b.WriteString("<w:pPr>")
	if style != "" {
		fmt.Fprintf(&b, `<w:pStyle w:val="%s"/>`, style)
	}
	if pr.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	if pr.keepLines {
		b.WriteString("<w:keepLines/>")
	}
	if pr.pageBreakBefore {
		b.WriteString("<w:pageBreakBefore/>")
	}
	if pr.spaceBefore > 0 {
		fmt.Fprintf(&b, `<w:spacing w:before="%d"/>`, pr.spaceBefore)
	}
	if pr.align != "" {
		fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, pr.align)
	}
	b.WriteString("</w:pPr>")
	return b.String()
}

func (d *doc) styled(style string, pr props, text string) {
	d.para()
	d.body.WriteString("<w:p>" + pPr(style, pr) + runs(text) + "</w:p>")
}

// title1 writes the cover's title: the first paragraph of a document
// with a title page.
func (d *doc) title1(text string) {
	d.titlePage = true
	d.styled("Title", props{}, text)
}
func (d *doc) subtitle(text string) { d.styled("Subtitle", props{}, text) }
func (d *doc) h1(text string)       { d.styled("Heading1", props{}, text) }
func (d *doc) h2(text string)       { d.styled("Heading2", props{}, text) }
func (d *doc) h3(text string)       { d.styled("Heading3", props{}, text) }
func (d *doc) p(text string)        { d.styled("", props{}, text) }
func (d *doc) bullet(text string)   { d.styled("ListBullet", props{}, text) }
func (d *doc) number(text string)   { d.styled("ListNumber", props{}, text) }

// placeholder stands where a section of a report has no data yet: a
// visible paragraph in its own style, saying in plain words what the
// section needs, so a reader of a draft sees the gap and a final build
// refuses while one remains (assemble/documents/final.go finds them by the
// style).
func (d *doc) placeholder(text string) { d.styled("Placeholder", props{}, text) }

// tag writes a block tag on a paragraph of its own; the engine removes it.
func (d *doc) tag(t string) { d.styled("", props{}, t) }

// text writes a section's prose: the data's own wording for the section
// when [text] has it, one paragraph per paragraph, else the defaults.
func (d *doc) text(id string, defaults ...string) {
	d.textElse(id, "", "", defaults)
}

// lawText is text whose defaults are general wording under basis.
func (d *doc) lawText(id, basis string, defaults ...string) {
	d.textElse(id, "", basis, defaults)
}

func (d *doc) textElse(id, style, basis string, defaults []string) {
	d.tag("{{#each text." + textKey(id) + "}}")
	d.p("{{this}}")
	d.tag("{{else}}")
	d.under(basis, func() {
		for _, s := range defaults {
			d.styled(style, props{}, s)
		}
	})
	d.tag("{{/each}}")
}

// textKey turns a section id into the template name: data-and-x → data_and_x.
func textKey(id string) string { return strings.ReplaceAll(id, "-", "_") }

func (d *doc) pageBreak() {
	d.para()
	d.body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
}

// contents writes a table of contents field (headings 1 to 2) with a note
// in place of entries. mou build fills in the headings (see
// assemble/documents/contents.go); Word adds page numbers on opening
// (updateFields in settings.xml), LibreOffice with Tools ▸ Update ▸ Update All.
func (d *doc) contents() {
	d.styled("TOCHeading", props{}, "Contents")
	d.para()
	d.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="TOC1"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9016"/></w:tabs></w:pPr>` +
		`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:rPr><w:i/></w:rPr><w:t>The contents list is filled in when the document is opened in Word (answer Yes to updating fields) or, in LibreOffice, with Tools › Update › Update All.</w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`)
}

// cell is one table cell's paragraphs; a cell's text may hold **bold**.
type cell []string

// table writes a table in the "Partnership Table" style. The first row is
// the header, marked to repeat at the top of every page; widths are in
// twentieths of a point and add up to the text width (9026). A column of
// amounts or shares is right-aligned, its heading too. How the rows keep
// together across pages is decided after rendering, when their number is
// known (assemble/documents/pages.go).
func (d *doc) table(widths []int, rows ...[]cell) {
	right := make([]bool, len(widths))
	for _, row := range rows[1:] {
		for j, c := range row {
			right[j] = right[j] || numeric(c)
		}
	}
	b := &d.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="PartnershipTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString("</w:tblGrid>")
	for i, row := range rows {
		b.WriteString("<w:tr>")
		if i == 0 {
			b.WriteString(`<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		} else {
			b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		for j, c := range row {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, widths[j])
			if len(c) == 0 {
				c = cell{""}
			}
			pr := props{}
			if right[j] {
				pr.align = "right"
			}
			for _, para := range c {
				d.para()
				b.WriteString("<w:p>" + pPr("TableText", pr) + runs(para) + "</w:p>")
			}
			b.WriteString("</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	// A paragraph after a table keeps two tables from merging when a
	// section between them is dropped.
	d.styled("AfterTable", props{}, "")
}

// numericTag is a cell holding nothing but an amount or a share: a money
// filter or a percent field, perhaps bold, perhaps opening or closing a loop.
var numericTag = regexp.MustCompile(`^(?:\{\{#each [^}]*\}\})?(?:\*\*)?\{\{[^{}]*(?:\| *money|percent)\}\}(?:\*\*)?(?:\{\{/each\}\})?$`)

func numeric(c cell) bool {
	return len(c) == 1 && numericTag.MatchString(c[0])
}

// c is shorthand for a one-paragraph cell.
func c(text string) cell { return cell{text} }

// signatures writes a signature block per signatory: name, title,
// organisation, a dotted line to sign on and the date (or a line to date).
// In the running text each block is a borderless table row that may not
// break across pages (keep-with-next chains are not kept reliably by every
// word processor); on the endorsement pages each block has its page. The
// block's paragraphs do not keep with the next: LibreOffice reads a table
// whose every paragraph does as one that may not break at all, and would
// move four blocks to a page of their own, away from their statement.
func (d *doc) signatures() {
	d.body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>` +
		`<w:tblGrid><w:gridCol w:w="9026"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="9026" w:type="dxa"/></w:tcPr>`)
	d.styled("SignatoryName", props{}, "{{#each signatories}}{{signatory}}")
	d.signatureBody()
	d.styled("SignatureLine", props{}, dateLine+"{{/each}}")
	d.body.WriteString(`</w:tc></w:tr></w:tbl>`)
	d.styled("AfterTable", props{}, "")
}

// signature writes one signatory's block in the current scope.
func (d *doc) signature() {
	d.styled("SignatoryName", props{}, "{{signatory}}")
	d.signatureBody()
	d.styled("SignatureLine", props{}, dateLine)
}

// The date prints in the data's date style (date_style), like every other date.
const dateLine = "Date{{#if date}}  **{{date}}**{{else}}\t{{/if}}"

func (d *doc) signatureBody() {
	d.tag("{{#if title}}")
	d.p("{{title}}")
	d.tag("{{/if}}")
	d.p("{{organisation}}")
	d.styled("SignatureLine", props{}, "Signed\t")
}

// bytes assembles the package. Entries are written in a fixed order with a
// fixed time, so the same text gives the same bytes.
func (d *doc) bytes() ([]byte, error) {
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", fmt.Sprintf(coreProps, xmlText.Replace(d.title), xmlText.Replace(d.subject))},
		{"docProps/app.xml", appProps},
		{"word/document.xml", documentHead + d.body.String() + d.sectPr() + "</w:body></w:document>"},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", styles},
		{"word/numbering.xml", numbering},
		{"word/settings.xml", settings},
		{"word/footer1.xml", fmt.Sprintf(footer, runs("{{document.footer}} · {{document.fingerprint}}"))},
		{"word/footer2.xml", firstFooter},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(xmlHeader + p.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const contentTypes = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const packageRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>` +
	`</Relationships>`

const coreProps = `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
	`<dc:title>%s</dc:title><dc:subject>%s</dc:subject><dc:creator>{{partnership.name}}</dc:creator>` +
	`<dc:language>en-GB</dc:language></cp:coreProperties>`

const appProps = `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>mou</Application><Company>{{partnership.name}}</Company></Properties>`

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

const documentHead = `<w:document ` + wordNS + `><w:body>`

// sectPr: A4 portrait, 2.54 cm margins, the running footer on every page
// but a cover, which has an empty footer of its own (titlePg).
func (d *doc) sectPr() string {
	refs, titlePg := `<w:footerReference w:type="default" r:id="rId4"/>`, ""
	if d.titlePage {
		refs += `<w:footerReference w:type="first" r:id="rId5"/>`
		titlePg = `<w:titlePg/>`
	}
	return `<w:sectPr>` + refs +
		`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="567" w:gutter="0"/>` +
		`<w:cols w:space="708"/>` + titlePg + `</w:sectPr>`
}

// footer: the text on the left (document.footer, worked out to fit one
// line), the page number at the right margin, its words joined by
// no-break spaces so "Page 3 of 8" never splits.
const footer = `<w:ftr ` + wordNS + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>%s` +
	`<w:r><w:tab/><w:t xml:space="preserve">Page` + nbsp + `</w:t></w:r>` +
	`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>` +
	`<w:r><w:t xml:space="preserve">` + nbsp + `of` + nbsp + `</w:t></w:r>` +
	`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`

const nbsp = "\u00a0"

// firstFooter is the cover's: empty.
const firstFooter = `<w:ftr ` + wordNS + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p></w:ftr>`

// settings: the elements in the order the schema requires (Word rejects
// others); updateFields makes Word offer to fill the contents on opening.
const settings = `<w:settings ` + wordNS + `><w:defaultTabStop w:val="720"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-GB"/></w:settings>`

// numbering: numId 1 bullets, numId 2 decimal numbers; three levels each.
var numbering = func() string {
	var b strings.Builder
	b.WriteString(`<w:numbering ` + wordNS + `>`)
	for id, kind := range []string{"bullet", "decimal"} {
		fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>`, id)
		for lvl := 0; lvl < 3; lvl++ {
			text := []string{"•", "–", "▪"}[lvl]
			format := "bullet"
			if kind == "decimal" {
				format = []string{"decimal", "lowerLetter", "lowerRoman"}[lvl]
				text = fmt.Sprintf("%%%d.", lvl+1)
			}
			fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>`+
				`<w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr></w:lvl>`, lvl, format, text, 360*(lvl+1))
		}
		b.WriteString(`</w:abstractNum>`)
	}
	b.WriteString(`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`)
	return b.String()
}()

// styles: built-in style ids and names, so Word treats them as its own
// (they appear in the style gallery and the contents field finds the
// headings), plus Prompt, Placeholder, TableText, SignatoryName and SignatureLine.
var styles = `<w:styles ` + wordNS + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Subtitle"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:before="2400" w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:after="480"/></w:pPr><w:rPr><w:color w:val="2F5496"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>` +
	heading(1, 36, "1F3864", 480) + heading(2, 28, "2F5496", 320) + heading(3, 24, "2F5496", 240) +
	`<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="80"/><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="80"/><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Prompt"><w:name w:val="Prompt"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="C55A11"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="FBE4D5"/><w:ind w:left="227"/></w:pPr>` +
	`<w:rPr><w:i/><w:color w:val="833C0B"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Placeholder"><w:name w:val="Placeholder"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:pBdr><w:top w:val="dashed" w:sz="8" w:space="4" w:color="7030A0"/><w:left w:val="dashed" w:sz="8" w:space="4" w:color="7030A0"/><w:bottom w:val="dashed" w:sz="8" w:space="4" w:color="7030A0"/><w:right w:val="dashed" w:sz="8" w:space="4" w:color="7030A0"/></w:pBdr>` +
	`<w:shd w:val="clear" w:color="auto" w:fill="F2E6FA"/><w:ind w:left="113" w:right="113"/></w:pPr>` +
	`<w:rPr><w:i/><w:color w:val="5B1F7F"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="AfterTable"><w:name w:val="After Table"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:sz w:val="12"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="SignatoryName"><w:name w:val="Signatory Name"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:before="480" w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="SignatureLine"><w:name w:val="Signature Line"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:tabs><w:tab w:val="left" w:leader="dot" w:pos="6804"/></w:tabs><w:spacing w:before="600" w:after="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="36"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr>` + tocTabs + `<w:spacing w:after="100"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr>` + tocTabs + `<w:spacing w:after="100"/><w:ind w:left="220"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:tabs><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="18"/></w:rPr></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
	`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
	`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:customStyle="1" w:styleId="PartnershipTable"><w:name w:val="Partnership Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/>` +
	`<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/><w:left w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>` +
	`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/><w:right w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/>` +
	`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="8EAADB"/></w:tblBorders></w:tblPr>` +
	`<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr></w:tblStylePr>` +
	`</w:style>` +
	`</w:styles>`

// tocTabs: a contents entry's page number at the right margin, after a
// dotted leader.
const tocTabs = `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9016"/></w:tabs>`

func heading(level, size int, color string, before int) string {
	return fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>`+
		`<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="%d" w:after="120"/><w:outlineLvl w:val="%d"/></w:pPr>`+
		`<w:rPr><w:b/><w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
		level, level, before, level-1, color, size, size)
}
