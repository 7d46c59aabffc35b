package documents

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// The contents list is a TOC field. Word recomputes it when the document
// opens (settings.xml asks it to), but LibreOffice, and so every PDF made
// with --pdf, shows whatever the field last held. fillTOC puts the
// document's headings there — the levels the field's \o switch asks for —
// and, once a PDF has shown where each heading falls (pdf.go), their page
// numbers after a dotted tab; Word replaces the list with its own on
// opening.
//
// The field may hold its result in the paragraph that starts it, as in the
// default templates, or spread over several paragraphs, as Word and
// LibreOffice save it once the list has been filled: a template re-saved by
// either is filled the same way.

var (
	pStyleRE = regexp.MustCompile(`<w:pStyle w:val="([^"]*)"/>`)
	textRE   = regexp.MustCompile(`(?s)<w:t(?: [^>]*)?>(.*?)</w:t>`)
	// fieldRE finds the pieces of complex fields: their begin, separate and
	// end marks and their instruction text.
	fieldRE  = regexp.MustCompile(`<w:fldChar\b[^>]*w:fldCharType="(begin|separate|end)"[^>]*>|<w:instrText\b[^>]*>([^<]*)</w:instrText>`)
	levelsRE = regexp.MustCompile(`\\o\s*(?:"|&quot;)(\d)-(\d)(?:"|&quot;)`)
	styleRE  = regexp.MustCompile(`<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>\s*<w:name w:val="([^"]*)"`)
)

// entry is one line of the contents list.
type entry struct {
	level int
	text  string // as escaped in the document
	page  int    // 0 when not known
}

// styleIDs maps the built-in style names the contents list needs ("heading
// 1", "toc 2", lower case) to their ids in this document: Word writes
// Heading1 and TOC2, LibreOffice re-saves them as Heading1 and Contents2.
type styleIDs map[string]string

func readStyles(styles string) styleIDs {
	ids := styleIDs{}
	for _, m := range styleRE.FindAllStringSubmatch(styles, -1) {
		name := strings.ToLower(m[2])
		if _, seen := ids[name]; !seen {
			ids[name] = m[1]
		}
	}
	return ids
}

// id is the style id of a built-in style, or Word's own id when the
// document's styles do not define it.
func (s styleIDs) id(name, wordID string) string {
	if id, ok := s[name]; ok {
		return id
	}
	return wordID
}

// tocStyle is the id of a level's contents style when the styles part is
// not at hand: the field's own paragraph style with the level for its
// number (Contents1 → Contents2), else Word's (TOC2).
func tocStyle(first string, level int) string {
	if prefix, ok := strings.CutSuffix(first, "1"); ok && prefix != "" {
		return prefix + strconv.Itoa(level)
	}
	return "TOC" + strconv.Itoa(level)
}

// headingLevel is the outline level of a heading style id, or 0.
func (s styleIDs) headingLevel(id string) int {
	return s.headingLevels()[id]
}

// headingLevels maps each heading style id to its outline level.
func (s styleIDs) headingLevels() map[string]int {
	if s == nil {
		return wordHeadingLevels
	}
	levels := make(map[string]int, 9)
	for n := 9; n >= 1; n-- { // the lowest level wins where two share an id
		levels[s.id("heading "+strconv.Itoa(n), "Heading"+strconv.Itoa(n))] = n
	}
	return levels
}

// wordHeadingLevels are Word's own heading ids, for a document whose
// styles are not at hand.
var wordHeadingLevels = func() map[string]int {
	levels := make(map[string]int, 9)
	for n := 1; n <= 9; n++ {
		levels["Heading"+strconv.Itoa(n)] = n
	}
	return levels
}()

// editDocument rewrites word/document.xml with edit, which also sees
// word/styles.xml; the other parts are copied as they are.
func editDocument(docx []byte, edit func(doc, styles string) (string, bool)) ([]byte, error) {
	doc, err := docxPart(docx, "word/document.xml")
	if err != nil {
		return nil, err
	}
	styles, _ := docxPart(docx, "word/styles.xml") // a package may have none
	edited, changed := edit(string(doc), string(styles))
	if !changed {
		return docx, nil
	}
	return rewriteParts(docx, func(name string, b []byte) []byte {
		if name == "word/document.xml" {
			return []byte(edited)
		}
		return b
	})
}

// rewriteParts rewrites a package with each part's text through edit,
// which sees the XML parts (.xml and .rels); other parts are copied.
func rewriteParts(docx []byte, edit func(name string, b []byte) []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		b, err := readZipFile(f)
		if err != nil {
			return nil, err
		}
		fh := f.FileHeader
		w, err := zw.CreateHeader(&fh)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(edit(f.Name, b)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// docxPart is one part of a package.
func docxPart(docx []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name == name {
			return readZipFile(f)
		}
	}
	return nil, fmt.Errorf("no %s in the package", name)
}

func readZipFile(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	return b, nil
}

// finishMain makes a rendered main part ready for print, as it is written
// into the package: the rules for keeping tables and sign-offs together
// (pages.go), then the contents list. The styles part is not at hand
// there, so the styles are known by Word's ids (Heading1) and by the
// contents field's own paragraph (TOC1, or Contents1 once LibreOffice has
// saved it).
func finishMain(doc string) string {
	kept, _ := keepTogether(doc, nil)
	filled, _ := fillTOC(kept, nil, nil)
	return filled
}

// setContentsPages writes the page of each contents entry, in order, into
// the contents list.
func setContentsPages(docx []byte, pages []int) ([]byte, error) {
	return editDocument(docx, func(doc, styles string) (string, bool) {
		return fillTOC(doc, readStyles(styles), pages)
	})
}

// contentsEntries lists the entries of a document's contents list, nil when
// it has none.
func contentsEntries(docx []byte) ([]entry, error) {
	var out []entry
	_, err := editDocument(docx, func(doc, styles string) (string, bool) {
		if f := findTOC(doc); f != nil {
			out = headings(doc, readStyles(styles), f)
		}
		return doc, false
	})
	return out, err
}

// tocField locates a contents field's result: between the end of the run
// holding its separate mark and the start of the run holding its end mark.
type tocField struct {
	resultStart, resultEnd int
	minLevel, maxLevel     int
	style                  string // the style of the paragraph the field starts in
}

func findTOC(doc string) *tocField {
	type open struct {
		instr     strings.Builder
		separated bool
		begin     int
		sepEnd    int
	}
	var stack []*open
	// The matches one at a time, from the next place one can start: the
	// contents field is near the start, and the search stops at its end.
	starts := fieldStarts{doc: doc, fld: -1, instr: -1}
	for pos := 0; ; {
		next := starts.next(pos)
		if next < 0 {
			return nil
		}
		m := fieldRE.FindStringSubmatchIndex(doc[next:])
		if m == nil {
			return nil
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += next
			}
		}
		pos = m[1]
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
}

// fieldStarts finds where the next match of fieldRE can start: the next
// "<w:fldChar" or "<w:instrText". Each is searched for again only once the
// search has passed it, so a document without instruction text is not
// read to its end at every field mark.
type fieldStarts struct {
	doc        string
	fld, instr int // the next of each at or after the last search; -1 not yet searched
	noFld      bool
	noInstr    bool
}

// next is the first place at or after pos where a match can start, -1
// when none can.
func (f *fieldStarts) next(pos int) int {
	find := func(at *int, none *bool, tag string) {
		if *none || *at >= pos {
			return
		}
		if i := strings.Index(f.doc[pos:], tag); i >= 0 {
			*at = pos + i
		} else {
			*none = true
		}
	}
	find(&f.fld, &f.noFld, "<w:fldChar")
	find(&f.instr, &f.noInstr, "<w:instrText")
	switch {
	case f.noFld && f.noInstr:
		return -1
	case f.noFld:
		return f.instr
	case f.noInstr:
		return f.fld
	}
	return min(f.fld, f.instr)
}

// paragraphStyle is what pStyleRE's first match in p holds, found without
// the regular expression (headings reads every paragraph after the
// contents list).
func paragraphStyle(p string) (string, bool) {
	const open = `<w:pStyle w:val="`
	for i := 0; ; {
		k := strings.Index(p[i:], open)
		if k < 0 {
			return "", false
		}
		at := i + k + len(open)
		q := strings.IndexByte(p[at:], '"')
		if q < 0 {
			return "", false
		}
		if strings.HasPrefix(p[at+q:], `"/>`) {
			return p[at : at+q], true
		}
		i = i + k + 1
	}
}

// headings are the document's headings after the contents field, at the
// levels it lists.
func headings(doc string, ids styleIDs, f *tocField) []entry {
	var out []entry
	levels := ids.headingLevels()
	for _, loc := range paragraphSpans(doc[f.resultEnd:]) {
		p := doc[f.resultEnd+loc[0] : f.resultEnd+loc[1]]
		style, ok := paragraphStyle(p)
		if !ok {
			continue
		}
		level := levels[style]
		if level < f.minLevel || level > f.maxLevel {
			continue
		}
		if holdsParagraph(p[1:]) {
			continue // a paragraph inside a text box: not ours to read
		}
		var text strings.Builder
		eachText(p, func(t string) bool {
			text.WriteString(t)
			return true
		})
		if s := strings.TrimSpace(text.String()); s != "" {
			out = append(out, entry{level: level, text: s})
		}
	}
	return out
}

// fillTOC returns the document with its contents field's result replaced
// by one paragraph per heading — with its page when pages gives one — and
// whether it changed anything.
func fillTOC(doc string, ids styleIDs, pages []int) (string, bool) {
	f := findTOC(doc)
	if f == nil {
		return doc, false
	}
	entries := headings(doc, ids, f)
	if len(entries) == 0 {
		return doc, false
	}
	var b strings.Builder
	b.Grow(len(doc) + len(entries)*160) // each entry's paragraph, style and page
	b.WriteString(doc[:f.resultStart])
	for i, e := range entries {
		if i > 0 {
			style := ids.id("toc "+strconv.Itoa(e.level), tocStyle(f.style, e.level))
			b.WriteString(`</w:p><w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
		}
		b.WriteString(`<w:r><w:t xml:space="preserve">` + e.text + `</w:t></w:r>`)
		if i < len(pages) && pages[i] > 0 {
			b.WriteString(`<w:r><w:tab/><w:t>` + strconv.Itoa(pages[i]) + `</w:t></w:r>`)
		}
	}
	b.WriteString(doc[f.resultEnd:])
	return b.String(), true
}

// holdsParagraph reports whether s holds the start of a paragraph, "<w:p>"
// or "<w:p ", in one pass.
func holdsParagraph(s string) bool {
	for {
		i := strings.Index(s, "<w:p")
		if i < 0 || i+4 >= len(s) {
			return false
		}
		if c := s[i+4]; c == '>' || c == ' ' {
			return true
		}
		s = s[i+4:]
	}
}

// paragraphSpans finds what the pattern (?s)<w:p(?: [^>]*)?>.*?</w:p> would
// find, without a regular expression: on a long document that one took half
// of a build's time.
func paragraphSpans(doc string) [][]int {
	var out [][]int
	for i := 0; ; {
		j := strings.Index(doc[i:], "<w:p")
		if j < 0 {
			return out
		}
		start := i + j
		k := start + len("<w:p")
		if k >= len(doc) || (doc[k] != '>' && doc[k] != ' ') {
			i = k
			continue
		}
		gt := strings.IndexByte(doc[k:], '>')
		if gt < 0 {
			return out
		}
		end := strings.Index(doc[k+gt:], "</w:p>")
		if end < 0 {
			return out
		}
		stop := k + gt + end + len("</w:p>")
		out = append(out, []int{start, stop})
		i = stop
	}
}
