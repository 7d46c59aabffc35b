package check

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"mou/assemble/internal/docxzip"
)

// An outline is what a rendered document says, in order: its headings with
// their levels and every other paragraph (table cells included). mou check
// finds an item's section by its heading and looks at what follows it, so a
// template a user edited — a section deleted, a heading renamed — is read as
// it is, not as the default template was.
type outline []block

type block struct {
	level int    // 1–9 for a heading, 0 for body text
	style string // the paragraph's style id
	text  string
}

// section is one heading and the blocks under it, up to the next heading of
// the same or a higher level.
type section struct {
	heading string
	body    []block
}

// readOutline reads word/document.xml of a .docx, using word/styles.xml to
// know which styles are headings (a localised Word names Heading 1
// "Überschrift 1" but keeps its outline level).
func readOutline(docx []byte) (outline, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, fmt.Errorf("not a Word document: %w", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" || f.Name == "word/styles.xml" {
			if parts[f.Name], err = docxzip.Read(f); err != nil {
				return nil, err
			}
		}
	}
	if parts["word/document.xml"] == nil {
		return nil, fmt.Errorf("the document has no word/document.xml")
	}
	levels := headingStyles(parts["word/styles.xml"])
	return readBody(parts["word/document.xml"], levels)
}

var headingName = regexp.MustCompile(`(?i)^heading\s*([1-9])$`)

// headingStyles maps style ids to heading levels: by the style's name
// (heading 1…9), else by its outline level.
func headingStyles(styles []byte) map[string]int {
	levels := map[string]int{}
	for i := 1; i <= 9; i++ {
		levels["Heading"+strconv.Itoa(i)] = i // when styles.xml is missing
	}
	if styles == nil {
		return levels
	}
	d := xml.NewDecoder(bytes.NewReader(styles))
	var id string
	for {
		tok, err := d.Token()
		if err != nil {
			return levels
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style":
			id = attr(se, "styleId")
		case "name":
			if m := headingName.FindStringSubmatch(attr(se, "val")); m != nil && id != "" {
				levels[id], _ = strconv.Atoi(m[1])
			}
		case "outlineLvl":
			if n, err := strconv.Atoi(attr(se, "val")); err == nil && id != "" && n < 9 {
				if _, named := levels[id]; !named {
					levels[id] = n + 1
				}
			}
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func readBody(doc []byte, levels map[string]int) (outline, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var out outline
	var cur *block
	var buf strings.Builder
	inText, tables, outlineLvl := false, 0, -1
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("word/document.xml cannot be read: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				tables++
			case "p":
				cur, outlineLvl = &block{}, -1
				buf.Reset()
			case "pStyle":
				if cur != nil {
					cur.style = attr(t, "val")
				}
			case "outlineLvl":
				outlineLvl, _ = strconv.Atoi(attr(t, "val"))
			case "t":
				inText = true
			case "tab", "br", "cr":
				if cur != nil && !inText {
					buf.WriteByte(' ')
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "tbl":
				tables--
			case "t":
				inText = false
			case "p":
				if cur == nil {
					continue
				}
				cur.text = strings.Join(strings.Fields(buf.String()), " ")
				if tables == 0 {
					if lvl, ok := levels[cur.style]; ok {
						cur.level = lvl
					} else if outlineLvl >= 0 && outlineLvl < 9 {
						cur.level = outlineLvl + 1
					}
				}
				out = append(out, *cur)
				cur = nil
			}
		case xml.CharData:
			if inText && cur != nil {
				buf.Write(t)
			}
		}
	}
}

// find returns the first section whose heading is one of names (compared
// without case or extra spaces).
func (o outline) find(names []string) (section, bool) {
	for i, b := range o {
		if b.level == 0 || !matches(b.text, names) {
			continue
		}
		s := section{heading: b.text}
		for _, next := range o[i+1:] {
			if next.level != 0 && next.level <= b.level {
				break
			}
			s.body = append(s.body, next)
		}
		return s, true
	}
	return section{}, false
}

func matches(heading string, names []string) bool {
	for _, n := range names {
		if strings.EqualFold(strings.Join(strings.Fields(n), " "), heading) {
			return true
		}
	}
	return false
}

// empty reports whether nothing but headings and blank paragraphs follows
// the heading.
func (s section) empty() bool {
	for _, b := range s.body {
		if b.level == 0 && b.text != "" {
			return false
		}
	}
	return true
}

// promptsOnly reports whether the section's own paragraphs (those before
// its first sub-heading) are all Prompts or Placeholders: the team has
// still to write it.
// A section whose text is all in its sub-sections is not prompts only.
func (s section) promptsOnly() bool {
	prompts := 0
	for _, b := range s.body {
		if b.level != 0 {
			break
		}
		if b.text == "" {
			continue
		}
		if !strings.EqualFold(b.style, "Prompt") && !strings.EqualFold(b.style, "Placeholder") {
			return false
		}
		prompts++
	}
	return prompts > 0
}

// text is everything the section says, for finding a printed value.
func (s section) text() string {
	parts := make([]string, len(s.body))
	for i, b := range s.body {
		parts[i] = b.text
	}
	return strings.Join(parts, " ")
}
