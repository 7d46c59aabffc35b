// Package a11y checks a Word document or template for what makes it
// accessible to a reader using a screen reader, magnification or high
// contrast, against the Web Content Accessibility Guidelines (WCAG 2.2 AA)
// that public bodies' published documents must meet: headings that go down
// one level at a time, a header row on every data table and none on a
// layout table, alternative text on every picture, a title and a language,
// text colours with enough contrast, and links whose text says where they
// go. Each finding names the file, the part and the paragraph, and the
// WCAG criterion, in plain words.
package a11y

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"mou/assemble/internal/docxzip"
)

// Finding is one accessibility problem.
type Finding struct {
	File      string // the document or template
	Part      string // "document", "styles", "properties"
	Paragraph int    // from 1 in document order, 0 when not about one
	Criterion string // the WCAG success criterion, e.g. "1.3.1 Info and Relationships"
	Message   string
	Hint      string
}

func (f Finding) String() string {
	where := f.File + ": " + f.Part
	if f.Paragraph > 0 {
		where += fmt.Sprintf(", paragraph %d", f.Paragraph)
	}
	s := where + ": " + f.Message + " (WCAG " + f.Criterion + ")"
	if f.Hint != "" {
		s += "\n    hint: " + f.Hint
	}
	return s
}

// WCAG criteria the checks answer to.
const (
	nonText   = "1.1.1 Non-text Content"
	structure = "1.3.1 Info and Relationships"
	contrast  = "1.4.3 Contrast (Minimum)"
	titled    = "2.4.2 Page Titled"
	linkText  = "2.4.4 Link Purpose (In Context)"
	language  = "3.1.1 Language of Page"
)

// Check checks a .docx (a built document or a template). A template's
// tags count as text: a title of {{document.title}} is a title.
func Check(name string, docx []byte) ([]Finding, error) {
	main, err := docxzip.Part(docx, "word/document.xml")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c := &checker{file: name}
	styles, _ := docxzip.Part(docx, "word/styles.xml")
	c.readStyles(styles)
	if err := c.document(main); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	core, _ := docxzip.Part(docx, "docProps/core.xml")
	c.properties(core, styles)
	c.contrast()
	sort.SliceStable(c.out, func(i, j int) bool { return c.out[i].Paragraph < c.out[j].Paragraph })
	return c.out, nil
}

type style struct {
	id, name, basedOn string
	level             int     // heading level, 0 when not a heading
	color, fill       string  // RRGGBB, "" when not set
	size              float64 // points, 0 when not set
	bold, hasBold     bool
	kind              string // paragraph, character, table
}

type checker struct {
	file   string
	out    []Finding
	styles map[string]*style
}

func (c *checker) add(part string, para int, crit, msg, hint string) {
	c.out = append(c.out, Finding{File: c.file, Part: part, Paragraph: para, Criterion: crit, Message: msg, Hint: hint})
}

var headingName = regexp.MustCompile(`(?i)^heading ([1-9])$`)

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// readStyles reads each style's heading level (its outline level, or a
// built-in "heading N" name), colours, size and weight.
func (c *checker) readStyles(b []byte) {
	c.styles = map[string]*style{}
	if b == nil {
		return
	}
	d := xml.NewDecoder(strings.NewReader(string(b)))
	var cur *style
	inRPr, inDefaults := false, false
	def := &style{id: "\x00defaults"}
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "docDefaults":
				inDefaults = true
			case "style":
				cur = &style{id: attr(e, "styleId"), kind: attr(e, "type")}
				c.styles[cur.id] = cur
			case "name":
				if cur != nil {
					cur.name = attr(e, "val")
					if m := headingName.FindStringSubmatch(cur.name); m != nil && cur.level == 0 {
						cur.level, _ = strconv.Atoi(m[1])
					}
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(e, "val")
				}
			case "outlineLvl":
				if cur != nil {
					if n, err := strconv.Atoi(attr(e, "val")); err == nil && n < 9 {
						cur.level = n + 1
					}
				}
			case "rPr":
				inRPr = true
			case "color":
				if s := target(cur, def, inDefaults); s != nil && inRPr {
					s.color = strings.ToUpper(attr(e, "val"))
				}
			case "shd":
				if s := target(cur, def, inDefaults); s != nil {
					if f := strings.ToUpper(attr(e, "fill")); f != "" && f != "AUTO" {
						s.fill = f
					}
				}
			case "sz":
				if s := target(cur, def, inDefaults); s != nil && inRPr {
					if n, err := strconv.Atoi(attr(e, "val")); err == nil {
						s.size = float64(n) / 2
					}
				}
			case "b":
				if s := target(cur, def, inDefaults); s != nil && inRPr {
					s.hasBold, s.bold = true, attr(e, "val") != "0" && attr(e, "val") != "false"
				}
			case "tblStylePr":
				// Conditional formatting (a table's header row): checked
				// as a style of its own.
				if cur != nil {
					cond := &style{id: cur.id + ":" + attr(e, "type"), kind: "table-part", basedOn: cur.id}
					c.styles[cond.id] = cond
					cur = cond
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "docDefaults":
				inDefaults = false
			case "style":
				cur = nil
			case "rPr":
				inRPr = false
			case "tblStylePr":
				if cur != nil {
					cur = c.styles[cur.basedOn]
				}
			}
		}
	}
	c.styles[def.id] = def
}

func target(cur, def *style, inDefaults bool) *style {
	if inDefaults {
		return def
	}
	return cur
}

// resolved follows basedOn for a style's colour, fill, size and weight.
func (c *checker) resolved(id string) style {
	var out style
	seen := map[string]bool{}
	for s := c.styles[id]; s != nil && !seen[s.id]; s = c.styles[s.basedOn] {
		seen[s.id] = true
		if out.color == "" {
			out.color = s.color
		}
		if out.fill == "" {
			out.fill = s.fill
		}
		if out.size == 0 {
			out.size = s.size
		}
		if !out.hasBold && s.hasBold {
			out.hasBold, out.bold = true, s.bold
		}
		if out.level == 0 {
			out.level = s.level
		}
	}
	if d := c.styles["\x00defaults"]; d != nil {
		if out.color == "" {
			out.color = d.color
		}
		if out.size == 0 {
			out.size = d.size
		}
	}
	return out
}

// document walks the main part: paragraphs (headings), tables, pictures
// and links.
func (c *checker) document(main []byte) error {
	d := xml.NewDecoder(strings.NewReader(string(main)))
	para := 0
	lastLevel := 0
	type table struct {
		cols, rows int
		header     bool // first row marked to repeat as a header
		firstPara  int
		inFirstRow bool
	}
	var tables []*table
	inLink, linkWords := false, ""
	var linkPara int
	inText := false
	paraText := ""
	paraStyle := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("word/document.xml: %w", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				para++
				paraText, paraStyle = "", ""
			case "pStyle":
				paraStyle = attr(e, "val")
			case "t":
				inText = true
			case "tbl":
				tables = append(tables, &table{firstPara: para + 1})
			case "gridCol":
				if n := len(tables); n > 0 {
					tables[n-1].cols++
				}
			case "tr":
				if n := len(tables); n > 0 {
					tables[n-1].rows++
					tables[n-1].inFirstRow = tables[n-1].rows == 1
				}
			case "tblHeader":
				if n := len(tables); n > 0 && tables[n-1].inFirstRow && attr(e, "val") != "0" && attr(e, "val") != "false" {
					tables[n-1].header = true
				}
			case "docPr":
				if strings.TrimSpace(attr(e, "descr")) == "" && strings.TrimSpace(attr(e, "title")) == "" {
					name := attr(e, "name")
					if name == "" {
						name = "a picture"
					}
					c.add("document", para, nonText, fmt.Sprintf("%s has no alternative text", quoteName(name)),
						"in Word, right-click the picture › View Alt Text and describe it (or mark it as decorative); in LibreOffice, Format › Image › Properties › Options › Alternative text")
				}
			case "decorative":
				// a14:decorative: marked as decorative, so no text is needed.
				if n := len(c.out); n > 0 && c.out[n-1].Criterion == nonText && c.out[n-1].Paragraph == para {
					c.out = c.out[:n-1]
				}
			case "hyperlink":
				inLink, linkWords, linkPara = true, "", para
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inText = false
			case "p":
				if lvl := c.resolved(paraStyle).level; lvl > 0 && strings.TrimSpace(paraText) != "" {
					if lvl > lastLevel+1 {
						c.add("document", para, structure, fmt.Sprintf("the heading %q is at level %d, after a heading at level %d: a level is skipped", abbreviate(paraText), lvl, lastLevel),
							fmt.Sprintf("give it the style Heading %d, or add the missing level above it", lastLevel+1))
					}
					lastLevel = lvl
				}
			case "tbl":
				n := len(tables)
				t := tables[n-1]
				tables = tables[:n-1]
				switch {
				case t.cols >= 2 && t.rows >= 2 && !t.header:
					c.add("document", t.firstPara, structure, fmt.Sprintf("a table of %d columns has no header row, so a screen reader cannot say which column a cell is in", t.cols),
						"select its first row and tick Table Properties › Row › Repeat as header row at the top of each page (Word) or Table Properties › Text Flow › Repeat heading (LibreOffice)")
				case t.cols < 2 && t.header:
					c.add("document", t.firstPara, structure, "a one-column table, used for layout, has a header row: a screen reader reads its first row as a column heading",
						"untick Repeat as header row for its first row")
				}
			case "hyperlink":
				inLink = false
				if vague(linkWords) {
					c.add("document", linkPara, linkText, fmt.Sprintf("a link reads %q, which does not say where it goes", strings.TrimSpace(linkWords)),
						"make the link's text say what it opens, e.g. \"the 2024 yearly report\"")
				}
			}
		case xml.CharData:
			if inText {
				paraText += string(e)
				if inLink {
					linkWords += string(e)
				}
			}
		}
	}
	return nil
}

var vagueLinks = map[string]bool{"here": true, "click here": true, "link": true, "this link": true, "more": true, "read more": true, "this": true}

func vague(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return vagueLinks[s] || strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") && !strings.Contains(s, " ") && len(s) > 60
}

// properties checks the title and the language.
func (c *checker) properties(core, styles []byte) {
	title := ""
	if m := regexp.MustCompile(`<dc:title>([^<]*)</dc:title>`).FindSubmatch(core); m != nil {
		title = strings.TrimSpace(string(m[1]))
	}
	if title == "" {
		c.add("properties", 0, titled, "the document has no title, so a reader's window or tab shows only its file name",
			"File › Properties › Title (Word and LibreOffice)")
	}
	lang := ""
	if m := regexp.MustCompile(`<dc:language>([^<]*)</dc:language>`).FindSubmatch(core); m != nil {
		lang = strings.TrimSpace(string(m[1]))
	}
	if lang == "" {
		if m := regexp.MustCompile(`<w:lang [^>]*w:val="([^"]+)"`).FindSubmatch(styles); m != nil {
			lang = string(m[1])
		}
	}
	if lang == "" {
		c.add("properties", 0, language, "the document's language is not set, so a screen reader may read it with the wrong voice",
			"set the default language to English (United Kingdom): Review › Language (Word), Tools › Language (LibreOffice)")
	}
}

// contrast checks every style's text colour against its background (its
// shading, else white), with WCAG's thresholds: 4.5:1, or 3:1 for large
// text (18 points, or 14 points bold).
func (c *checker) contrast() {
	ids := make([]string, 0, len(c.styles))
	for id := range c.styles {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if strings.HasPrefix(id, "\x00") {
			continue
		}
		s := c.resolved(id)
		if s.color == "" || s.color == "AUTO" {
			continue
		}
		bg := s.fill
		if bg == "" {
			bg = "FFFFFF"
		}
		ratio, ok := contrastRatio(s.color, bg)
		if !ok {
			continue
		}
		size := s.size
		if size == 0 {
			size = 11
		}
		need := 4.5
		if size >= 18 || size >= 14 && s.bold {
			need = 3
		}
		if ratio < need {
			name := c.styles[id].name
			if name == "" {
				name = id
			}
			c.add("styles", 0, contrast, fmt.Sprintf("the style %q sets text #%s on #%s, a contrast of %.1f:1, below the %.1f:1 its size needs", name, s.color, bg, ratio, need),
				"choose a darker text colour or a lighter background")
		}
	}
}

// contrastRatio is WCAG's contrast ratio between two RRGGBB colours.
func contrastRatio(a, b string) (float64, bool) {
	la, ok1 := luminance(a)
	lb, ok2 := luminance(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05), true
}

func luminance(hex string) (float64, bool) {
	if len(hex) != 6 {
		return 0, false
	}
	var ch [3]float64
	for i := range ch {
		v, err := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		if err != nil {
			return 0, false
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			ch[i] = c / 12.92
		} else {
			ch[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2], true
}

func quoteName(s string) string { return fmt.Sprintf("the picture %q", s) }

func abbreviate(s string) string {
	if r := []rune(strings.TrimSpace(s)); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return strings.TrimSpace(s)
}
