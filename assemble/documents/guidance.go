package documents

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"mou/assemble/internal/docxzip"
	"mou/assemble/wordtemplate"
)

// A draft of the yearly report tells its writer what each section is for
// in a Word comment on the section's heading: what Working Together asks
// the report to say there, in plain words. The guidance never goes in the
// text, so the draft's words are the published report's; a section with
// nothing to say yet also shows its Placeholder paragraph (final.go). A
// final build carries no guidance (BuildFinal strips it).
//
// Comments add no words, so a draft and its final build share their
// fingerprint: the canonical form reads only the body's text, and a
// comment's anchors and reference hold none.

// sectionGuidance is what a level-1 section of the default report is for,
// and what its level-2 sections are for: by heading, and for a heading
// the data names (one per priority), each.
type sectionGuidance struct {
	say  func(v *View) string
	sub  map[string]string
	each string
}

func says(s string) func(*View) string { return func(*View) string { return s } }

// reportGuidance is the guidance of the default yearly report's sections,
// by the heading's text (report.* items of Working Together's list). A
// heading of a partnership's own template that is not here gets none.
var reportGuidance = map[string]sectionGuidance{
	"About this report": {
		say: says("Say which 12 months this report covers. The partners must publish a report at least once in every 12 months on what they did because of their arrangements and how well those arrangements worked."),
		sub: map[string]string{
			"Publication": "Say when and where the report is published, so that anyone can find it, and send a copy to each body listed here within the days shown.",
		},
	},
	"The partnership": {
		say: says("Say who the safeguarding partners were during the year, who acted for each of them, and who chairs and scrutinises the partnership."),
		sub: map[string]string{
			"Priorities for the year": "List the priorities the partners agreed for the year. The next sections say what was done on each one and how far it got.",
			"Relevant agencies":       "Say which relevant agencies the partners worked with during the year and how they took part.",
			"Wider partnerships":      "Say which boards and partnerships you worked with during the year and what you did together.",
		},
	},
	"What the partners did as a result of the arrangements": {
		say: says("Say what the partners and relevant agencies did during the year because of these arrangements, priority by priority. Give examples a reader can picture, with the figures behind them."),
		sub: map[string]string{
			"Multi-agency training":               "Say what multi-agency training was offered, how many attended from each agency, and what it changed in practice.",
			"Child safeguarding practice reviews": "Say what the rapid reviews and local child safeguarding practice reviews of the year found, what was decided on the recommendations of local and national reviews, and what changed as a result of the reviews this year.",
		},
		each: "Say what the partners did on this priority during the year, how far it got, and what difference it made to children and families.",
	},
	"How effective the arrangements have been": {
		say: says("Say how well the arrangements worked in practice, and show the evidence: audits, attendance, independent scrutiny's findings, performance data and inspections."),
		sub: map[string]string{
			"Multi-agency audits":             "Say what each audit looked at, what it found and what the partners are doing about it.",
			"Attendance at meetings":          "Say how well each partner was represented at the partnership's meetings, and what is being done where attendance was low.",
			"What independent scrutiny found": "Say what independent scrutiny found during the year and how the partners responded to each finding.",
		},
	},
	"The independent scrutineer's statement": {
		say: says("Give the independent scrutineer's statement on the year in their own words, with their name and the date. Do not edit it: readers should hear the scrutineer, not the partners."),
	},
	"Impact on outcomes for children and families": {
		say: says("Give evidence of the difference the partners' and relevant agencies' work, training included, made to children and families: from early help to children in care and care leavers. Say how you know."),
	},
	"Where progress has been slow": {
		say:  says("Be open about the priorities with little or no evidence of progress: say why, and what the partners will do differently."),
		each: "Say why progress on this priority was slow and what will change next year.",
	},
	"Listening to children and families": {
		say: says("Say how the partners asked children and families for their views during the year, what they heard, and what changed because of it."),
	},
	"Use of restraint in the secure establishment": {
		say: says("Say what the review of the use of restraint in the secure establishment found during the year. Its findings also go to the Youth Justice Board."),
	},
	"Updates to the arrangements": {
		say: says("Say what changed in the published arrangements during the year, or is planned, and when each change takes effect. If nothing changed, say so."),
	},
	"Funding": {
		say: says("Say what each partner contributed, what the budget was and what was spent, so that everyone can see how the arrangements are paid for."),
	},
	"Priorities for next year": {
		say:  says("Say what the partnership's priorities are for the next year, why they were chosen, and how the partners will know they have made a difference."),
		each: "Say why this is a priority and what the partners will do on it next year.",
	},
	"Sign-off": {
		say: func(v *View) string {
			if v.Edition.Is2023 {
				return fmt.Sprintf("The %s must review and sign off this report before it is published: each signs here.", v.Edition.LeadsTerm)
			}
			return "Sign the report on behalf of the safeguarding partners before it is published: each partner's lead signs here."
		},
	},
	"Appendix: what this report must cover": {
		say: says("Check that each item Working Together asks the report to cover points to a section that covers it with the partnership's own figures or words."),
	},
}

// guidanceFor is the guidance on each level-1 and level-2 heading of a
// main part, by the heading's index among paras; none for a heading the
// default report does not have.
func guidanceFor(paras []*scannedPara, v *View) map[int]string {
	out := map[int]string{}
	var section *sectionGuidance
	for i, p := range paras {
		text := strings.TrimSpace(p.text.String())
		switch p.style {
		case "Heading1":
			section = nil
			if g, ok := reportGuidance[text]; ok {
				section = &g
				out[i] = g.say(v)
			}
		case "Heading2":
			if section == nil || text == "" {
				continue
			}
			if s, ok := section.sub[text]; ok {
				out[i] = s
			} else if section.each != "" {
				out[i] = section.each
			}
		}
	}
	return out
}

// guidance adds the sections' guidance to a yearly report as it is
// rendered: anchor goes after the main part is finished, add as the
// package is written. Its comments are written by the partnership.
type guidance struct {
	t        *wordtemplate.Template
	view     *View
	comments []string
	skip     bool // the template has comments of its own: its ids are left alone
}

// newGuidance is the guidance of a draft yearly report; nil for any other
// document.
func newGuidance(t *wordtemplate.Template, view *View) *guidance {
	if view.Document.Kind != YearlyReport {
		return nil
	}
	_, own, _ := t.Entry(commentsPart)
	return &guidance{t: t, view: view, skip: own}
}

// main is the rendering's main-part step with the guidance anchored
// after it.
func (g *guidance) main(then func(string) string) func(string) string {
	if g == nil || g.skip {
		return then
	}
	return func(doc string) string {
		if then != nil {
			doc = then(doc)
		}
		return g.anchor(doc)
	}
}

// anchor puts a comment on each heading with guidance. A main part it
// cannot read is left as it is: the guidance is help, never a reason for
// a build to fail.
func (g *guidance) anchor(doc string) string {
	paras, err := scanParas(doc)
	if err != nil {
		return doc
	}
	notes := guidanceFor(paras, g.view)
	author := g.view.Partnership.Short
	if author == "" {
		author = g.view.Partnership.Name
	}
	date := commentDate
	if d := g.view.Document.Date.Time; !d.IsZero() {
		date = d.UTC().Format("2006-01-02T15:04:05Z")
	}
	var b strings.Builder
	b.Grow(len(doc) + len(notes)*200)
	at := 0
	for i, p := range paras {
		text, ok := notes[i]
		if !ok || p.end < 0 || p.start < at {
			continue
		}
		id := strconv.Itoa(len(g.comments))
		g.comments = append(g.comments, authoredComment(id, author, initials(author), date, text))
		b.WriteString(doc[at:p.inner])
		b.WriteString(`<w:commentRangeStart w:id="` + id + `"/>`)
		b.WriteString(doc[p.inner:p.end])
		b.WriteString(`<w:commentRangeEnd w:id="` + id + `"/><w:r><w:commentReference w:id="` + id + `"/></w:r>`)
		at = p.end
	}
	b.WriteString(doc[at:])
	return b.String()
}

// finish writes the comments anchored into the package.
func (g *guidance) finish(then func(map[string][]byte) error) func(map[string][]byte) error {
	if g == nil || g.skip {
		return then
	}
	return func(parts map[string][]byte) error {
		if len(g.comments) > 0 {
			if err := addComments(g.t, parts, g.comments); err != nil {
				return err
			}
		}
		if then != nil {
			return then(parts)
		}
		return nil
	}
}

// initials are the first letters of a name's words, at most four: what
// Word shows beside a comment.
func initials(name string) string {
	var out []rune
	for _, w := range strings.Fields(name) {
		r := []rune(w)[0]
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, unicode.ToUpper(r))
		}
		if len(out) == 4 {
			break
		}
	}
	return string(out)
}

var commentMarkup = regexp.MustCompile(`<w:commentRangeStart w:id="\d+"/>|<w:commentRangeEnd w:id="\d+"/>|<w:r><w:commentReference w:id="\d+"/></w:r>`)

// withoutGuidance is a built document without the comments a build adds
// (the guidance, or a review copy's): the package as it would be without
// them, word for word and fingerprint for fingerprint. A document without
// them is returned as it is.
func withoutGuidance(docx []byte) ([]byte, error) {
	rels, err := docxzip.Part(docx, "word/_rels/document.xml.rels")
	if err != nil || !bytes.Contains(rels, []byte(`Id="`+commentsRelID+`"`)) {
		return docx, nil
	}
	relRe := regexp.MustCompile(`<Relationship Id="` + commentsRelID + `"[^>]*/>`)
	typeRe := regexp.MustCompile(`<Override PartName="/` + regexp.QuoteMeta(commentsPart) + `"[^>]*/>`)
	out, _, err := docxzip.Rewrite(docx, map[string]func([]byte) []byte{
		"word/document.xml":            func(b []byte) []byte { return commentMarkup.ReplaceAll(b, nil) },
		"word/_rels/document.xml.rels": func(b []byte) []byte { return relRe.ReplaceAll(b, nil) },
		"[Content_Types].xml":          func(b []byte) []byte { return typeRe.ReplaceAll(b, nil) },
	})
	if err != nil {
		return nil, err
	}
	return dropPart(out, commentsPart)
}

// dropPart copies a package without one of its parts.
func dropPart(docx []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == name {
			continue
		}
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
