package form

import "reflect"

// section is one page of the forms and the top-level keys it holds.
type section struct {
	id, title, intro string
	keys             []string
}

// layout groups the top-level keys of the data file into pages, in the
// order a business manager meets them. A top-level key not named here goes
// on the last page, "Other", so a field added to the model is never lost.
var layout = []section{
	{"partnership", "The partnership",
		"The partnership itself: its names, area and guidance edition, the area's figures, when the arrangements are reviewed, the procedures practitioners work to, and how education, youth custody and child death review fit in.",
		[]string{"partnership", "geography", "review", "procedures", "structure", "education", "youth_custody", "child_death"}},
	{"partners", "Partners and delegates",
		"The statutory safeguarding partners and who represents them, the organisations that deliver services for them, the relevant agencies and the other members.",
		[]string{"partners", "delivery_bodies", "relevant_agencies", "members"}},
	{"funding", "Funding",
		"What each partner contributes, year by year, and what the partners agreed about funding.",
		[]string{"funding", "funding_terms"}},
	{"meetings", "Meetings and groups",
		"The governance meetings, sub-groups and task groups, the linked boards, who takes which decisions, and how disagreements are resolved.",
		[]string{"meetings", "subgroups", "task_groups", "boards", "decisions", "disputes"}},
	{"scrutiny", "Scrutiny and assurance",
		"Independent scrutiny, audits, inspections, the voice of children and families, and information sharing agreements.",
		[]string{"scrutiny", "audits", "inspections", "voice", "data_sharing"}},
	{"endorsements", "Endorsements",
		"Who signs which document and when, and the milestones of the arrangements.",
		[]string{"endorsements", "milestones"}},
	{"report", "Yearly report",
		"The yearly report: the period it covers, its publication, and what happened during the year.",
		[]string{"report", "year"}},
	{"history", "History",
		"The document history: one entry per published version.",
		[]string{"history"}},
	{"wording", "Wording",
		"The partnership's own wording for a section, in place of mou's default; points added after a section's wording; and the glossary of abbreviations.",
		[]string{"text", "points", "glossary"}},
	{"local", "Local partnerships",
		"Only for a pan-area executive that leads several local partnerships: each local partnership, with its own names, partners and yearly report. Leave this page empty for a single partnership.",
		[]string{"local_partnerships"}},
}

// otherPage is the page of top-level keys the layout does not place.
var otherPage = section{id: "other", title: "Other",
	intro: "Everything else in the data file."}

// pagesFor returns the forms of a data file of type t (partnership.Partnership,
// or in tests a type with fields the model does not yet have).
func pagesFor(t reflect.Type, tree map[string]any) []Page {
	all := fieldsOf(t, "", tree)
	byKey := make(map[string]int, len(all))
	for i, f := range all {
		byKey[f.Key] = i
	}
	placed := make([]bool, len(all))
	pages := make([]Page, 0, len(layout)+1)
	for _, s := range layout {
		p := Page{ID: s.id, Title: s.title, Intro: s.intro}
		for _, k := range s.keys {
			if i, ok := byKey[k]; ok {
				p.Fields = append(p.Fields, all[i])
				placed[i] = true
			}
		}
		pages = append(pages, p)
	}
	other := Page{ID: otherPage.id, Title: otherPage.title, Intro: otherPage.intro}
	for i, f := range all {
		if !placed[i] {
			other.Fields = append(other.Fields, f)
		}
	}
	if len(other.Fields) > 0 {
		pages = append(pages, other)
	}
	return pages
}
