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
}

// structureStyles are the styles of paragraphs that frame the facts.
var structureStyle = regexp.MustCompile(`^(Title|Subtitle|Heading\d|TOC\d*|TOCHeading|Contents\d|ContentsHeading|SignatureLine|Prompt)$`)

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
	po := paraOrigin{Text: strings.TrimSpace(sp.text.String()), Style: sp.style}
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
	switch {
	case structureStyle.MatchString(sp.style) || sp.header || sp.field || identifies(tr.Paths):
		po.Kind = originStructure
	case law[tr.Template] != "":
		po.Kind, po.Basis = originLaw, law[tr.Template]
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
	annotate func(doc string, scanned []*scannedPara, origins []paraOrigin) (string, error),
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
			doc, annErr = annotate(doc, scanned, pos)
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
	annotate := func(doc string, scanned []*scannedPara, pos []paraOrigin) (string, error) {
		var b strings.Builder
		b.Grow(len(doc) + len(scanned)*160)
		at := 0
		for i, sp := range scanned {
			text := commentText(p, edition, pos[i])
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

// commentText is what a paragraph's comment says; "" for none.
func commentText(p *partnership.Partnership, edition string, po paraOrigin) string {
	var parts []string
	switch po.Kind {
	case originLaw:
		s := fmt.Sprintf("General wording for every partnership under %s: %s.", edition, strings.TrimSuffix(po.Basis, "."))
		if po.Section != "" {
			s += fmt.Sprintf(" To use your own words, write [text] %s; to add to it, [points] %s.", po.Section, po.Section)
		}
		parts = append(parts, s)
		if len(po.Keys) > 0 {
			parts = append(parts, "Shown because of your data: "+keyList(p, po.Keys)+".")
		}
	case originData:
		parts = append(parts, "From your data: "+keyList(p, po.Keys)+".")
	case originNone:
		parts = append(parts, "Template wording: neither from your data nor marked as general wording.")
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

func comment(id, text string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(text))
	return `<w:comment w:id="` + id + `" w:author="mou" w:date="` + commentDate + `" w:initials="mou"><w:p><w:r><w:t xml:space="preserve">` + b.String() + `</w:t></w:r></w:p></w:comment>`
}

const (
	commentsPart = "word/comments.xml"
	commentsType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
	commentsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	wordMainNS   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
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
	id := "rIdMouComments"
	rel := `<Relationship Id="` + id + `" Type="` + commentsRel + `" Target="comments.xml"/>`
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
