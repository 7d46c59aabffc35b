package documents

import (
	"iter"
	"regexp"
	"slices"
	"strings"

	"mou/assemble/format"
)

// What the default templates' pages need worked out before rendering: a
// footer that stays on one line and shares printed with one precision.

// The running footer: 9-point Arial across the 9,026-twip (451.3-point)
// text width, the text on the left and "Page 999 of 999" at a right tab.
const (
	footerSize  = 9
	footerWidth = 9026.0 / 20
	footerGap   = 18 // points kept clear between the text and the page number
)

// footerText is "name · title" on one line beside the fingerprint the
// footer prints after it and the page number, however long the
// partnership's name. A name is never cut: the first of the short name
// (or full name), the area and the title alone that fits is used, and
// the title is shortened only when even it cannot fit.
func footerText(short, area, title string) string {
	room := footerWidth - footerGap - format.TextWidth("Page 999 of 999", footerSize) -
		format.TextWidth(" · WWWW-WWWW", footerSize) // the widest fingerprint
	for _, name := range []string{short, area} {
		if name == "" {
			continue
		}
		if full := name + " · " + title; format.TextWidth(full, footerSize) <= room {
			return full
		}
	}
	return format.Fit(title, room, footerSize)
}

// sharesOf prints the funding rows' shares and the total's with one
// precision, adding up to exactly the total.
func sharesOf(f *Funding) {
	parts := make([]int64, len(f.Rows))
	for i, r := range f.Rows {
		parts[i] = r.Amount.Pence()
	}
	shares, total := format.Shares(parts)
	for i := range f.Rows {
		f.Rows[i].Percent = shares[i]
	}
	f.Percent = total
}

// Tables and sign-offs are kept together across pages by keep-with-next
// on their paragraphs, which Word and LibreOffice both honour in table
// rows. Which rows to keep depends on how many the loops rendered, so the
// rules run on the rendered document, for any template:
//
//   - a table with a repeating header row and at most shortTable rows below
//     it stays on one page, with the paragraph that introduces it and the
//     start of the one after it;
//   - a longer one may break, but never after its header or first row,
//     nor before its last row, so no page holds a single row of it or only
//     its header;
//   - a table of blocks (no header row, rows that may not split: the
//     signature blocks) keeps the paragraphs between the heading before it
//     and its first block with that block, so a sign-off statement is never
//     parted from the first signature;
//   - a paragraph that ends with a colon introduces what follows it (a
//     list, a table) and keeps with it.
const (
	// shortTable is the most rows a table keeps on one page. Every row of
	// such a table has the same keep property, so one that grows by a row
	// differs from its earlier version only in that row (tracked changes
	// of a row's properties are read back wrongly by LibreOffice); a
	// longer table's last rows do change, the price of never leaving one
	// row alone.
	shortTable   = 12
	leadInBlocks = 3 // paragraphs of statement kept with a signature block at most
)

// The elements topLevel counts: the body's paragraphs and tables, or a
// table's rows (and the tables that nest in them).
var (
	blockTags = [2]string{"p", "tbl"}
	rowTags   = [2]string{"tr", "tbl"}
	headerRE  = regexp.MustCompile(`<w:tblHeader(?: w:val="(?:1|true|on)")?/>`)
)

// span is a stretch of the document: a body paragraph or table, or a row.
type span struct {
	table      bool
	start, end int
}

// topLevel lists the elements named in tags (w:p and w:tbl, or w:tr and
// w:tbl) that are not inside another of them, in order: the body's
// paragraphs and tables (not a text box's paragraphs, nor those in cells),
// or a table's rows (not those of tables in its cells). It reads the tags
// in one pass, as the pattern <(/?)w:(name)(?:\s[^>]*)?(/?)> would match
// them: an element is self-closing only when written <w:p/> with no
// attributes.
func topLevel(doc string, tags [2]string) []span {
	var out []span
	depth, start := 0, 0
	for i := 0; ; {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			break
		}
		at := i + lt
		i = at + 1
		j := at + 1
		closing := j < len(doc) && doc[j] == '/'
		if closing {
			j++
		}
		if !strings.HasPrefix(doc[j:], "w:") {
			continue
		}
		j += 2
		var el string
		for _, t := range tags {
			if strings.HasPrefix(doc[j:], t) {
				el = t
				break
			}
		}
		if el == "" {
			continue
		}
		j += len(el)
		if j >= len(doc) {
			continue
		}
		var end int
		selfClosing := false
		switch c := doc[j]; {
		case c == '>':
			end = j + 1
		case c == '/' && j+1 < len(doc) && doc[j+1] == '>':
			end, selfClosing = j+2, true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			gt := strings.IndexByte(doc[j:], '>')
			if gt < 0 {
				continue
			}
			end = j + gt + 1 // the attributes take any "/" before the ">"
		default:
			continue
		}
		i = end
		switch {
		case selfClosing:
			if depth == 0 {
				out = append(out, span{table: el == "tbl", start: at, end: end})
			}
		case !closing:
			if depth == 0 {
				start = at
			}
			depth++
		default:
			depth--
			if depth == 0 {
				out = append(out, span{table: el == "tbl", start: start, end: end})
			}
		}
	}
	return out
}

// keepTogether applies the rules above and says whether it changed doc.
func keepTogether(doc string, ids styleIDs) (string, bool) {
	items := topLevel(doc, blockTags)
	var keep []span // paragraphs and rows whose paragraphs get keep-with-next
	for i, it := range items {
		if !it.table {
			if leadIn(doc[it.start:it.end]) {
				keep = append(keep, it)
			}
			continue
		}
		tbl := doc[it.start:it.end]
		// Rows of this table, not of tables inside its cells: scan inside
		// the outer <w:tbl>…</w:tbl>.
		open := strings.IndexByte(tbl, '>') + 1
		inner := tbl[open : len(tbl)-len("</w:tbl>")]
		rows := topLevel(inner, rowTags)
		if len(rows) == 0 {
			continue
		}
		at := func(r span) span { return span{start: it.start + open + r.start, end: it.start + open + r.end} }
		header := 0
		for header < len(rows) && headerRE.MatchString(firstTrPr(inner[rows[header].start:rows[header].end])) {
			header++
		}
		switch {
		case header > 0 && header < len(rows):
			// A short table's rows all keep with the next, the last one with
			// the paragraph after the table: the same properties on every
			// row, wherever it falls, so two versions of a document differ
			// only where their text does (assemble/redline compares them).
			last := len(rows) - 1
			for r := range rows {
				if last-header < shortTable || r <= header || r == last-1 {
					keep = append(keep, at(rows[r]))
				}
			}
			if i > 0 && !items[i-1].table && hasText(doc[items[i-1].start:items[i-1].end]) {
				keep = append(keep, items[i-1])
			}
		case header == 0 && strings.Contains(firstTrPr(inner[rows[0].start:rows[0].end]), "<w:cantSplit"):
			for j, n := i-1, 0; j >= 0 && n < leadInBlocks && !items[j].table; j, n = j-1, n+1 {
				p := doc[items[j].start:items[j].end]
				if m := pStyleRE.FindStringSubmatch(p); m != nil && ids.headingLevel(m[1]) > 0 {
					break
				}
				keep = append(keep, items[j])
			}
		}
	}
	if len(keep) == 0 {
		return doc, false
	}
	// Edit from the end so earlier positions stay true.
	type edit struct {
		at, end int
		text    string
	}
	var edits []edit
	seen := map[int]bool{} // a paragraph kept by two rules is edited once
	for _, k := range keep {
		if seen[k.start] {
			continue
		}
		seen[k.start] = true
		for open := range paragraphOpenings(doc[k.start:k.end]) {
			at := k.start + open
			rest := doc[at:k.end]
			switch {
			case strings.HasPrefix(rest, "<w:pPr/>"):
				edits = append(edits, edit{at, at + len("<w:pPr/>"), "<w:pPr><w:keepNext/></w:pPr>"})
			case strings.HasPrefix(rest, "<w:pPr>"):
				pPr := rest[:strings.Index(rest, "</w:pPr>")]
				if strings.Contains(pPr, "<w:keepNext") {
					continue
				}
				after := len("<w:pPr>")
				if _, n, ok := leadingStyle(pPr[after:]); ok {
					after += n
				}
				edits = append(edits, edit{at + after, at + after, "<w:keepNext/>"})
			default:
				edits = append(edits, edit{at, at, "<w:pPr><w:keepNext/></w:pPr>"})
			}
		}
	}
	// Put together in one pass: the edits never overlap (each is at the
	// start of a different paragraph).
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
	var b strings.Builder
	b.Grow(len(doc) + len(edits)*len("<w:pPr><w:keepNext/></w:pPr>"))
	last := 0
	for _, e := range edits {
		b.WriteString(doc[last:e.at])
		b.WriteString(e.text)
		last = e.end
	}
	b.WriteString(doc[last:])
	return b.String(), len(edits) > 0
}

// paragraphOpenings yields the end of each paragraph's start tag in s,
// "<w:p>" or "<w:p …>": where its properties go. A self-closing "<w:p …/>"
// has no inside to put them in and is passed over.
func paragraphOpenings(s string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; ; {
			k := strings.Index(s[i:], "<w:p")
			if k < 0 {
				return
			}
			j := i + k + len("<w:p")
			i = j
			if j >= len(s) {
				return
			}
			switch c := s[j]; {
			case c == '>':
				if !yield(j + 1) {
					return
				}
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				gt := strings.IndexByte(s[j:], '>')
				if gt < 0 {
					return
				}
				i = j + gt + 1
				if s[i-2] != '/' && !yield(i) {
					return
				}
			}
		}
	}
}

// leadingStyle reads a paragraph style element at the very start of s,
// <w:pStyle w:val="…"/>, as pStyleRE would match it there: the style id
// and the element's length.
func leadingStyle(s string) (id string, n int, ok bool) {
	const open = `<w:pStyle w:val="`
	if !strings.HasPrefix(s, open) {
		return "", 0, false
	}
	q := strings.IndexByte(s[len(open):], '"')
	if q < 0 || !strings.HasPrefix(s[len(open)+q:], `"/>`) {
		return "", 0, false
	}
	return s[len(open) : len(open)+q], len(open) + q + len(`"/>`), true
}

// firstTrPr is a row's properties, empty when it has none.
func firstTrPr(row string) string {
	open := strings.IndexByte(row, '>') + 1
	if !strings.HasPrefix(row[open:], "<w:trPr>") {
		return ""
	}
	return row[open : open+strings.Index(row[open:], "</w:trPr>")]
}

// leadIn reports whether a paragraph's text ends with a colon.
func leadIn(p string) bool {
	last := ""
	eachText(p, func(t string) bool {
		if t = strings.TrimSpace(t); t != "" {
			last = t
		}
		return true
	})
	return strings.HasSuffix(last, ":")
}

func hasText(p string) bool {
	found := false
	eachText(p, func(t string) bool {
		found = strings.TrimSpace(t) != ""
		return !found
	})
	return found
}

// eachText gives each w:t element's content in p, in order, until yield
// returns false: what textRE's matches hold, found without the regular
// expression's cost (the page rules read every paragraph of a document).
func eachText(p string, yield func(string) bool) {
	for i := 0; ; {
		k := strings.Index(p[i:], "<w:t")
		if k < 0 {
			return
		}
		at := i + k + len("<w:t")
		i = at
		if at >= len(p) {
			return
		}
		switch p[at] {
		case '>':
			at++
		case ' ':
			gt := strings.IndexByte(p[at:], '>')
			if gt < 0 {
				return
			}
			at += gt + 1
		default:
			continue
		}
		end := strings.Index(p[at:], "</w:t>")
		if end < 0 {
			return
		}
		if !yield(p[at : at+end]) {
			return
		}
		i = at + end + len("</w:t>")
	}
}
