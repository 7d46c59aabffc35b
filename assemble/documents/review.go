package documents

import (
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"mou/assemble/partnership"
	"mou/assemble/wordtemplate"
	"mou/templates"
)

// A review copy is a built document with a Word comment on every
// paragraph of text saying where it came from: the data keys it prints,
// with the file and line of each, or the law it states when it is general
// wording. The origin of each paragraph is decided from the engine's trace
// (wordtemplate.RenderOptions.Trace), so it holds for any template; the
// law is known only for the default templates (templates.Law).
//
// A paragraph's origin, in this order:
//
//   - structure: a title, subtitle, heading, contents entry or contents
//     heading, a signature line, a prompt for the team to write, a
//     paragraph in a table row that repeats as the header, or one that
//     prints only what identifies the document (its title, version, date,
//     fingerprint, the edition it follows): these frame the facts and
//     state none;
//   - law: its template paragraph is general wording (templates.Law);
//   - data: it prints a value that is a fact of the data, or stands in a
//     block whose field is one (names, the guidance's terms and the
//     document's own title are not facts: see origins.dataKey);
//   - none: anything else with text. Every sentence of a default
//     template must be data or law (TestEveryParagraphHasAnOrigin).

// Kinds of origin.
const (
	originStructure = "structure"
	originLaw       = "law"
	originData      = "data"
	originNone      = "none"
)

// paraOrigin is where one paragraph of a built document came from.
type paraOrigin struct {
	Text    string
	Style   string
	Kind    string   // originStructure, originLaw, originData, originNone; "" for a paragraph without text
	Keys    []string // data keys, for data (and law shown because of the data)
	Basis   string   // the law, for law
	Section string   // the section whose default wording this is ([text] X is empty), when it is one
	// Template is the template paragraph it is a copy of (0 for one the
	// engine wrote), Blocks the blocks over it (wordtemplate.Para).
	Template int
	Blocks   []string
}

// structureStyles are the styles of paragraphs that frame the facts.
var structureStyle = regexp.MustCompile(`^(Title|Subtitle|Heading\d|TOC\d*|TOCHeading|Contents\d|ContentsHeading|SignatureLine|Prompt|Placeholder)$`)

// scannedPara is a paragraph of a main part as written.
type scannedPara struct {
	start, end int // the start tag's first byte; the end tag's first byte (-1 when self-closed)
	inner      int // where its content starts: after its properties
	style      string
	text       strings.Builder
	header     bool // in a table row that repeats as the header
	field      bool // holds a field (the contents list)
}

// scanParas lists the paragraphs of a main part in document order, as the
// engine's trace does.
func scanParas(doc string) ([]*scannedPara, error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var out []*scannedPara
	var open []*scannedPara
	var rows []bool // per open row: repeats as header
	var stack []string
	inText := false
	for {
		before := int(d.InputOffset())
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		after := int(d.InputOffset())
		switch e := tok.(type) {
		case xml.StartElement:
			name := e.Name.Space + ":" + e.Name.Local
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, name)
			var cur *scannedPara
			if len(open) > 0 {
				cur = open[len(open)-1]
			}
			switch name {
			case "w:p":
				p := &scannedPara{start: before, end: -1, inner: after}
				p.header = len(rows) > 0 && rows[len(rows)-1]
				out = append(out, p)
				open = append(open, p)
			case "w:tr":
				rows = append(rows, false)
			case "w:tblHeader":
				if len(rows) > 0 && parent == "w:trPr" {
					rows[len(rows)-1] = true
				}
			case "w:pStyle":
				if cur != nil && parent == "w:pPr" {
					for _, a := range e.Attr {
						if a.Name.Local == "val" {
							cur.style = a.Value
						}
					}
				}
			case "w:t":
				inText = cur != nil
			case "w:tab", "w:br", "w:cr":
				if cur != nil && parent == "w:r" {
					cur.text.WriteByte(' ')
				}
			case "w:fldChar", "w:instrText", "w:fldSimple":
				if cur != nil {
					cur.field = true
				}
			}
		case xml.EndElement:
			name := e.Name.Space + ":" + e.Name.Local
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			switch name {
			case "w:p":
				p := open[len(open)-1]
				open = open[:len(open)-1]
				if !strings.HasSuffix(doc[:after], "/>") {
					p.end = before
				}
			case "w:pPr":
				if len(open) > 0 && len(stack) > 0 && stack[len(stack)-1] == "w:p" {
					open[len(open)-1].inner = after
				}
			case "w:tr":
				rows = rows[:len(rows)-1]
			case "w:t":
				inText = false
			}
		case xml.CharData:
			if inText && len(open) > 0 {
				open[len(open)-1].text.Write(e)
			}
		}
	}
	return out, nil
}

// originOf decides one paragraph's origin.
func (o *origins) originOf(tr wordtemplate.Para, sp *scannedPara, law map[int]string) paraOrigin {
	po := paraOrigin{Text: strings.TrimSpace(sp.text.String()), Style: sp.style, Template: tr.Template, Blocks: tr.Blocks}
	if po.Text == "" {
		return po
	}
	for _, e := range tr.Else {
		if k, ok := strings.CutPrefix(e, "text."); ok && !strings.Contains(k, ".") {
			po.Section = sectionID(k)
		}
	}
	seen := map[string]bool{}
	add := func(viewPath string) {
		key, named := o.dataKey(viewPath)
		if named || key == "" || seen[key] {
			return
		}
		// A key inside one already listed says no more.
		for _, k := range po.Keys {
			if strings.HasPrefix(k, key+".") || strings.HasPrefix(k, key+"[") {
				return
			}
		}
		seen[key] = true
		po.Keys = append(po.Keys, key)
	}
	for _, p := range tr.Paths {
		add(p)
	}
	for _, p := range tr.Inline {
		add(p)
	}
	for i := len(tr.Blocks) - 1; i >= 0; i-- {
		// An {{#unless}}'s field is there because it is empty: no source.
		if !slices.Contains(tr.Else, tr.Blocks[i]) {
			add(tr.Blocks[i])
		}
	}
	// General wording that prints only the guidance's title is still
	// general wording; a cover line that prints it is not.
	switch {
	case structureStyle.MatchString(sp.style) || sp.header || sp.field:
		po.Kind = originStructure
	case law[tr.Template] != "":
		po.Kind, po.Basis = originLaw, law[tr.Template]
	case identifies(tr.Paths):
		po.Kind = originStructure
	case len(po.Keys) > 0:
		po.Kind = originData
	default:
		po.Kind = originNone
	}
	return po
}

// identifies reports whether a paragraph prints only what identifies the
// document: its title, version, date or fingerprint, or the edition of the
// guidance it follows (a cover's lines, "Fingerprint 8K2F-3MQA").
func identifies(paths []string) bool {
	for _, p := range paths {
		if !strings.HasPrefix(p, "document.") && p != "edition.title" {
			return false
		}
	}
	return len(paths) > 0
}

// lawFor is the general wording of a template: known for the defaults only.
func lawFor(t *wordtemplate.Template, kind string) map[int]string {
	if name := templateFor[kind]; t.Name() == name {
		return templates.Law(name)
	}
	return nil
}

// traced renders a document with its trace, letting annotate change the
// main part (before the page rules and the contents list) once every
// paragraph's origin is known; extra adds to the package as it is written.
func traced(t *wordtemplate.Template, p *partnership.Partnership, kind string, fps map[string]string,
	annotate func(doc string, view *View, scanned []*scannedPara, origins []paraOrigin) (string, error),
	extra func(parts map[string][]byte) error) ([]byte, []paraOrigin, error) {
	view := NewView(p, kind)
	o := &origins{p: p, kind: kind}
	law := lawFor(t, kind)
	var trace []wordtemplate.Para
	var pos []paraOrigin
	var annErr error
	b, _, err := stampedWith(t, view, fps, func(doc string) string {
		scanned, err := scanParas(doc)
		if err == nil && len(scanned) != len(trace) {
			err = fmt.Errorf("%d paragraphs rendered but %d traced", len(scanned), len(trace))
		}
		if err != nil {
			annErr = fmt.Errorf("%s: %v", t.Name(), err)
			return finishMain(doc)
		}
		pos = make([]paraOrigin, len(scanned))
		for i, sp := range scanned {
			pos[i] = o.originOf(trace[i], sp, law)
		}
		if annotate != nil {
			doc, annErr = annotate(doc, view, scanned, pos)
		}
		return finishMain(doc)
	}, func(tp wordtemplate.Para) { trace = append(trace, tp) }, func(parts map[string][]byte) error {
		if annErr != nil {
			return annErr
		}
		if extra != nil {
			return extra(parts)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return b, pos, nil
}

// Comments are dated with the build's own date so a review copy built
// twice is the same file.
const commentDate = "2000-01-01T00:00:00Z"

// maxKeys is how many data keys a comment names before "and N more".
const maxKeys = 4

// reviewCopy renders a document's review copy: the document, each
// paragraph of text with a comment saying where it came from.
func reviewCopy(t *wordtemplate.Template, p *partnership.Partnership, kind string, fps map[string]string) ([]byte, error) {
	edition := p.EditionInfo().Title
	var comments []string
	annotate := func(doc string, view *View, scanned []*scannedPara, pos []paraOrigin) (string, error) {
		notes := silenceNotes(t, view, pos)
		var b strings.Builder
		b.Grow(len(doc) + len(scanned)*160)
		at := 0
		for i, sp := range scanned {
			text := commentText(p, edition, pos[i], notes[i])
			// A paragraph in a text box inside one already annotated is
			// left alone: one comment's range may not hold another's.
			if text == "" || sp.end < 0 || sp.start < at {
				continue
			}
			id := strconv.Itoa(len(comments))
			comments = append(comments, comment(id, text))
			b.WriteString(doc[at:sp.inner])
			b.WriteString(`<w:commentRangeStart w:id="` + id + `"/>`)
			b.WriteString(doc[sp.inner:sp.end])
			b.WriteString(`<w:commentRangeEnd w:id="` + id + `"/><w:r><w:commentReference w:id="` + id + `"/></w:r>`)
			at = sp.end
		}
		b.WriteString(doc[at:])
		return b.String(), nil
	}
	extra := func(parts map[string][]byte) error {
		if len(comments) == 0 {
			return nil
		}
		return addComments(t, parts, comments)
	}
	b, _, err := traced(t, p, kind, fps, annotate, extra)
	return b, err
}

// commentText is what a paragraph's comment says; "" for none. note is
// what silenceNotes says of it: for general wording, what to add in place
// of the usual "to use your own words"; for any other paragraph, what
// follows it in the comment.
func commentText(p *partnership.Partnership, edition string, po paraOrigin, note string) string {
	var parts []string
	switch po.Kind {
	case originLaw:
		parts = append(parts, fmt.Sprintf("General wording for every partnership under %s: %s.", edition, strings.TrimSuffix(po.Basis, ".")))
		if len(po.Keys) > 0 {
			parts = append(parts, "Shown because of your data: "+keyList(p, po.Keys)+".")
		}
		switch {
		case note != "":
			parts = append(parts, note)
			note = ""
		case po.Section != "":
			parts = append(parts, fmt.Sprintf("To use your own words, write [text] %s; to add to it, [points] %s.", po.Section, po.Section))
		}
	case originData:
		parts = append(parts, "From your data: "+keyList(p, po.Keys)+".")
	case originNone:
		parts = append(parts, "Template wording: neither from your data nor marked as general wording.")
	}
	if note != "" {
		parts = append(parts, note)
	}
	return strings.Join(parts, " ")
}

// keyList names keys with their file and line: at most maxKeys, then how
// many more.
func keyList(p *partnership.Partnership, keys []string) string {
	var out []string
	for i, k := range keys {
		if i == maxKeys {
			out = append(out, fmt.Sprintf("and %d more", len(keys)-maxKeys))
			break
		}
		switch file, line := where(p, k); {
		case line > 0:
			k += fmt.Sprintf(" (%s:%d)", filepath.Base(file), line)
		case file != "":
			k += fmt.Sprintf(" (%s)", filepath.Base(file))
		}
		out = append(out, k)
	}
	return strings.Join(out, ", ")
}

// locator is what the review needs of the data: where a key is written,
// or its nearest written ancestor (partnership.Partnership).
type locator interface {
	FindingAt(sev partnership.Severity, rule, path, msg, hint string) partnership.Finding
}

// where is the file and line of a data key, or of the table it would go in.
func where(l locator, key string) (string, int) {
	f := l.FindingAt(partnership.Warning, "", key, "", "")
	return f.File, f.Line
}

// comment is a review copy's comment: by mou, which wrote the copy.
func comment(id, text string) string {
	return authoredComment(id, "mou", "mou", commentDate, text)
}

// authoredComment is one entry of word/comments.xml.
func authoredComment(id, author, initials, date, text string) string {
	var b, a, in strings.Builder
	xml.EscapeText(&b, []byte(text))
	xml.EscapeText(&a, []byte(author))
	xml.EscapeText(&in, []byte(initials))
	return `<w:comment w:id="` + id + `" w:author="` + a.String() + `" w:date="` + date + `" w:initials="` + in.String() + `"><w:p><w:r><w:t xml:space="preserve">` + b.String() + `</w:t></w:r></w:p></w:comment>`
}

const (
	commentsPart = "word/comments.xml"
	// commentsRelID is the relationship of the comments a build adds.
	commentsRelID = "rIdMouComments"
	commentsType  = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
	commentsRel   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	wordMainNS    = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
)

// addComments writes word/comments.xml, with its relationship and content
// type. A template with comments of its own is not given review comments:
// their ids would have to be renumbered through the whole document.
func addComments(t *wordtemplate.Template, parts map[string][]byte, comments []string) error {
	if _, ok, _ := t.Entry(commentsPart); ok {
		return fmt.Errorf("%s has comments of its own: a review copy cannot add mou's; remove them from the template", t.Name())
	}
	rels, err := packageEntry(t, parts, "word/_rels/document.xml.rels")
	if err != nil {
		return err
	}
	types, err := packageEntry(t, parts, "[Content_Types].xml")
	if err != nil {
		return err
	}
	rel := `<Relationship Id="` + commentsRelID + `" Type="` + commentsRel + `" Target="comments.xml"/>`
	i := strings.LastIndex(rels, "</Relationships>")
	if i < 0 {
		return fmt.Errorf("%s: word/_rels/document.xml.rels has no </Relationships>", t.Name())
	}
	parts["word/_rels/document.xml.rels"] = []byte(rels[:i] + rel + rels[i:])
	j := strings.LastIndex(types, "</Types>")
	if j < 0 {
		return fmt.Errorf("%s: [Content_Types].xml has no </Types>", t.Name())
	}
	parts["[Content_Types].xml"] = []byte(types[:j] + `<Override PartName="/` + commentsPart + `" ContentType="` + commentsType + `"/>` + types[j:])
	parts[commentsPart] = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:comments xmlns:w="` + wordMainNS + `">` + strings.Join(comments, "") + `</w:comments>`)
	return nil
}

// packageEntry is a package entry as the rendering will write it.
func packageEntry(t *wordtemplate.Template, parts map[string][]byte, name string) (string, error) {
	if b, ok := parts[name]; ok {
		return string(b), nil
	}
	b, ok, err := t.Entry(name)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("%s has no %s", t.Name(), name)
	}
	return string(b), nil
}

// Where the data is silent, the review copy says what to add. A section
// made only of local choices is left out when the data says nothing of it
// (View.Has, read by the template's {{#if has.X}}): its note goes on the
// level-1 heading before where it would stand, else the contents heading,
// else the title. A paragraph of general wording in a section — from one
// heading of level 1 or 2 to the next — that prints nothing from the data
// ends its comment with what would say something of the partnership's own.

// silence is a section the data can be silent on: what it is about, for
// "Nothing in your data on …", and what to add.
type silence struct{ what, add string }

// silences, by the section's key in the templates (View.Has; [text] and
// [points] with _ for -). A section not listed here states only the law
// (legislation, the endorsement statement) or always prints the data.
var silences = map[string]silence{
	// Left out when the data is silent.
	"foreword":          {"a foreword", `add an [[endorsements]] entry with document = "arrangements" for each lead who signs it, or [points] foreword = ["…"]`},
	"disputes":          {"how disputes are resolved", `add [disputes] (policy, route, arbitration) or [points] disputes = ["…"]`},
	"boards":            {"the boards and partnerships the partnership works with", `add a [[boards]] entry for each (name, purpose) or [points] boards = ["…"]`},
	"governance":        {"the governance meetings and sub-groups", `add a [[meetings]] or [[subgroups]] entry for each (name, purpose, members) or [points] governance = ["…"]`},
	"mou_arrangements":  {"the boards, meetings and sub-groups the partnership works through", `add [[boards]], [[meetings]] or [[subgroups]] entries (name, purpose) or [points] boards = ["…"]`},
	"relevant_agencies": {"the relevant agencies the partners have named", `add a [[relevant_agencies]] entry for each (name, sector) or [points] relevant-agencies = ["…"]`},
	"review":            {"when this document is reviewed", `add [review] (frequency, last, next) or [points] review = ["…"]`},
	// General wording only when the data is silent.
	"introduction":        {"the local context", "to say what the partners want for the area, add [partnership] vision and values, or write [points] introduction"},
	"background":          {"the local background", "to say what the arrangements replace and when they take effect, add [partnership] predecessor and in_force, or write [points] background"},
	"aims":                {"the partnership's aims", "to say them, add [partnership] vision, values and [[partnership.priorities]], or write [points] aims"},
	"accountability":      {"delegation and accountability", "to say who takes which decisions, add [[decisions]] or a partner's decision_body, or write [points] accountability"},
	"roles":               {"the partners' roles", "to say how they share them here, write [points] roles"},
	"leadership":          {"leadership", "to say how the partners lead here, write [points] leadership"},
	"relationships":       {"relationships and resolution", "to say how the partners work together here, write [points] relationships"},
	"information":         {"information and communication", "to say how the partners communicate here, write [points] information"},
	"assessment":          {"the threshold document", `to name it, add [procedures] threshold = "…", or write [points] assessment`},
	"voice":               {"how children and families are heard", "to name the forums, add a [[voice]] entry for each (name, purpose), or write [points] voice"},
	"data":                {"data and intelligence", "to name the partners' data sharing agreements, add [[data_sharing]] (name, status), or write [points] data"},
	"reviews":             {"practice reviews", "to say how reviews are run here, write [points] reviews"},
	"training":            {"training", "to say how it is commissioned and delivered here, write [points] training"},
	"scrutiny":            {"who provides independent scrutiny", "to name them, add [scrutiny] with led_by and the scrutineer or chair, or write [points] scrutiny"},
	"information_sharing": {"information sharing", "to name the agreements, add a [[data_sharing]] entry for each (name, status), or write [points] information-sharing"},
	"funding":             {"how the arrangements are funded", "to say so, add [[funding]] with a row per contributor or [funding_terms] (basis, review, shortfall), or write [points] funding"},
	"education":           {"how schools and colleges take part", `to say so, add [education] with place = "partner" or "relevant-agency", or write [points] education`},
	"audit":               {"multi-agency audit", "to name the audits, add an [[audits]] entry for each (name, led_by, purpose), or write [points] audit"},
	"procedures":          {"the multi-agency procedures", `to name them, add [procedures] manual = "…", or write [points] procedures`},
	"threshold":           {"the threshold document", `to name it, add [procedures] threshold = "…", or write [points] threshold`},
	"youth_custody":       {"youth custody and residential homes", "to say so, add [youth_custody] with none = true, or the establishments and homes, or write [points] youth-custody"},
	"child_death":         {"the child death review arrangements", "to say so, add [child_death] (panel, footprint), or write [points] child-death"},
}

// quiet says, for a section whose wording may print other data, when the
// data is silent on what the section is for.
var quiet = map[string]func(v *View) bool{
	// [scrutiny] that names no one: its duties or methods do not say who.
	"scrutiny": func(v *View) bool {
		s := v.Scrutiny
		return len(v.Points["scrutiny"]) == 0 &&
			(s == nil || s.Lead == nil && s.Scrutineer == nil && s.Chair == nil && s.LeadSentence == "")
	},
}

// gate is where a template leaves a section out when the data is silent:
// the paragraph of its {{#if has.X}}, and the arrangements' part it is in
// ("" outside the loop over parts).
type gate struct {
	key  string
	para int
	part string
}

var blockTag = regexp.MustCompile(`^\{\{\s*(#|/)(if|each|unless)\b\s*([^\s}]*)`)

// gates lists the template's {{#if has.X}} blocks, the first of each X.
func gates(t *wordtemplate.Template) []gate {
	var out []gate
	seen := map[string]bool{}
	var open []string // the open blocks' fields
	for _, tg := range t.Tags() {
		if tg.Part != "document" {
			continue
		}
		m := blockTag.FindStringSubmatch(tg.Tag)
		switch {
		case m == nil:
		case m[1] == "/":
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		default:
			field := m[3]
			if key, ok := strings.CutPrefix(field, "has."); ok && m[2] == "if" && !seen[key] {
				seen[key] = true
				g := gate{key: key, para: tg.Paragraph}
				for i, f := range open {
					if f != "parts" {
						continue
					}
					g.part = "?" // in the loop, in no part's block
					for _, f := range open[i+1:] {
						if id, ok := strings.CutPrefix(f, "is_"); ok {
							g.part = id
						}
					}
				}
				out = append(out, g)
			}
			open = append(open, field)
		}
	}
	return out
}

var partItem = regexp.MustCompile(`^parts\[(\d+)\]$`)

// partOf is the index of the arrangements' part a paragraph is in, or -1.
func partOf(po paraOrigin) int {
	for _, b := range po.Blocks {
		if m := partItem.FindStringSubmatch(b); m != nil {
			return atoi(m[1])
		}
	}
	return -1
}

// anchorBefore is the paragraph a note on a section left out goes on: the
// last level-1 heading before where its block stands (paragraph para of
// the template, in part part, -1 outside the parts), else the contents
// heading, else the title; -1 for none.
func anchorBefore(pos []paraOrigin, part, para int) int {
	end := len(pos)
	for i, po := range pos {
		if po.Template == 0 {
			continue
		}
		in := partOf(po)
		if in < 0 || part < 0 {
			if po.Template > para {
				end = i
				break
			}
		} else if in > part || in == part && po.Template > para {
			end = i
			break
		}
	}
	for _, styles := range []string{"Heading1", "TOCHeading ContentsHeading", "Title"} {
		for i := end - 1; i >= 0; i-- {
			if pos[i].Text != "" && slices.Contains(strings.Fields(styles), pos[i].Style) {
				return i
			}
		}
	}
	return -1
}

// silenceNotes says, by paragraph, what the data is silent on and what to
// add: on a heading, each section left out after it; on a paragraph of
// general wording, what would say something of the partnership's own.
func silenceNotes(t *wordtemplate.Template, v *View, pos []paraOrigin) map[int]string {
	notes := map[int]string{}
	add := func(i int, s string) {
		if notes[i] != "" {
			s = notes[i] + " " + s
		}
		notes[i] = s
	}
	about := func(key string) silence {
		if s, ok := silences[key]; ok {
			return s
		}
		id := sectionID(key)
		for _, s := range partnership.Sections {
			if s.ID == id {
				return silence{strings.ToLower(s.About[:1]) + s.About[1:], fmt.Sprintf(`write [points] %s = ["…"]`, id)}
			}
		}
		return silence{id, fmt.Sprintf(`write [points] %s = ["…"]`, id)}
	}
	gated, left := map[string]bool{}, map[string]bool{}
	for _, g := range gates(t) {
		gated[g.key] = true
		if v.Has[g.key] {
			continue
		}
		part := -1
		if g.part != "" {
			part = slices.IndexFunc(v.Parts, func(p Part) bool { return TextKey(p.ID) == g.part })
			if part < 0 {
				continue
			}
		}
		left[g.key] = true
		if at := anchorBefore(pos, part, g.para); at >= 0 {
			s := about(g.key)
			add(at, fmt.Sprintf("Nothing in your data on %s, so this document has no section on it. %s.", s.what, capitalise(s.add)))
		}
	}
	// Each paragraph's section, from heading to heading, and whether it
	// prints the data.
	span := make([]int, len(pos))
	printsData := map[int]bool{}
	cur := -1
	for i, po := range pos {
		if po.Style == "Heading1" || po.Style == "Heading2" {
			cur = i
		}
		span[i] = cur
		if po.Kind == originData || po.Kind == originLaw && len(po.Keys) > 0 {
			printsData[cur] = true
		}
	}
	for i, po := range pos {
		if po.Kind != originLaw {
			continue
		}
		key := TextKey(po.Section)
		if po.Section == "" {
			// General wording of an arrangements' part that is not its
			// [text]'s default (the review's yearly report), unless the
			// part holds a section the template leaves out.
			in := partOf(po)
			if in < 0 || in >= len(v.Parts) || gated[TextKey(v.Parts[in].ID)] {
				continue
			}
			key = TextKey(v.Parts[in].ID)
		}
		s, ok := silences[key]
		if !ok || left[key] || printsData[span[i]] && (quiet[key] == nil || !quiet[key](v)) {
			continue
		}
		n := fmt.Sprintf("Nothing in your data on %s: %s", s.what, s.add)
		if po.Section != "" {
			n += fmt.Sprintf("; to replace this wording, [text] %s", po.Section)
		}
		add(i, n+".")
	}
	return notes
}
