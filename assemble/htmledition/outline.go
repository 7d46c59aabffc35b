package htmledition

import (
	"strconv"
	"strings"
	"unicode"
)

// page is what the page template prints.
type page struct {
	Lang          string
	Title         string // the <title>: the document's title property, naming the document and the partnership
	DocumentTitle string // the Title paragraph's text
	Cover         []block
	ContentsLabel string
	Contents      []entry
	Main          []block
	Fingerprint   string
	Docx          string
}

// entry is one line of the contents: a heading of level 1 or 2, and the
// level 2 headings under a level 1 one.
type entry struct {
	ID       string
	Text     string
	Children []entry
}

// outline splits a document's blocks into its cover (what comes before the
// contents list), its contents and the rest. The contents list's own
// paragraphs are dropped: the <nav> replaces them, linking to each heading
// of levels 1 and 2 by id, as the Word contents list (levels 1–2) lists
// them. Headings get ids, and a level that would skip one (a user's
// template going from Heading 1 to Heading 3) is brought up to the next
// level, as a web page must not skip (WCAG 1.3.1); the accessibility check
// reports the template's skip.
func outline(blocks []block) page {
	p := page{ContentsLabel: "Contents"}
	first := -1
	for i, b := range blocks {
		if b.Kind == kindContents || b.Kind == kindContentsHd {
			first = i
			break
		}
	}
	if first < 0 {
		for i, b := range blocks {
			if b.Kind == kindHeading {
				first = i
				break
			}
		}
	}
	if first < 0 {
		first = 0
	}
	p.Cover = blocks[:first]
	labelled := false
	for _, b := range blocks[first:] {
		switch b.Kind {
		case kindContentsHd:
			if t := plainText(b.Spans); t != "" && !labelled {
				p.ContentsLabel, labelled = t, true
			}
		case kindContents:
		default:
			p.Main = append(p.Main, b)
		}
	}
	for _, b := range blocks {
		if b.Kind == kindTitle && p.DocumentTitle == "" {
			p.DocumentTitle = plainText(b.Spans)
		}
	}

	ids := map[string]bool{"main": true, "contents": true, "contents-label": true}
	level := 0
	for i := range p.Main {
		b := &p.Main[i]
		if b.Kind != kindHeading {
			continue
		}
		b.Level = min(b.Level, level+1)
		level = b.Level
		b.ID = uniqueID(ids, slug(plainText(b.Spans)))
		e := entry{ID: b.ID, Text: plainText(b.Spans)}
		switch {
		case b.Level == 1 || b.Level == 2 && len(p.Contents) == 0:
			p.Contents = append(p.Contents, e)
		case b.Level == 2:
			last := &p.Contents[len(p.Contents)-1]
			last.Children = append(last.Children, e)
		}
	}
	return p
}

// plainText is spans' text with white space as one space, trimmed.
func plainText(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// slug is an id made of a heading's words: "Local child safeguarding
// practice reviews" → "local-child-safeguarding-practice-reviews", so a
// link to a section reads as what it is.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		if r == '\'' || r == '’' {
			continue // "children's" → "childrens"
		}
		dash = true
	}
	out := b.String()
	if len(out) > 60 {
		out = strings.TrimRight(out[:60], "-")
		for !validUTF8Tail(out) {
			out = out[:len(out)-1]
		}
	}
	if out == "" || !unicode.IsLetter([]rune(out)[0]) {
		out = "section-" + out
	}
	return strings.TrimRight(out, "-")
}

// validUTF8Tail reports whether s does not end in the middle of a
// character.
func validUTF8Tail(s string) bool {
	return strings.ToValidUTF8(s, "\uFFFD") == s
}

// uniqueID is id, or id-2, id-3 … when taken.
func uniqueID(taken map[string]bool, id string) string {
	out := id
	for n := 2; taken[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	taken[out] = true
	return out
}
