package partnership

import "sort"

// Section is a part of a default document whose prose the data may replace
// through [text] (`[text] introduction = """…"""`).
type Section struct {
	ID        string
	Documents string // which documents have it
	About     string
}

// Sections lists every replaceable section, in document order.
var Sections = []Section{
	{"introduction", "mou", "Introduction and context"},
	{"partners", "mou, arrangements", "The safeguarding partners: who they are and who represents them"},
	{"accountability", "mou", "Delegation and accountability of the lead representatives"},
	{"roles", "mou", "Roles and responsibilities: opening paragraph"},
	{"leadership", "mou", "Leadership"},
	{"relationships", "mou", "Relationships and resolution"},
	{"relevant-agencies", "mou, arrangements", "Relevant agencies"},
	{"information", "mou", "Information and communication"},
	{"assessment", "mou", "Assessment and services"},
	{"voice", "mou, arrangements, report", "Voice of children and families"},
	{"data", "mou, arrangements", "Data and intelligence"},
	{"reviews", "mou, arrangements", "Child safeguarding practice reviews"},
	{"training", "mou, arrangements", "Training"},
	{"scrutiny", "mou, arrangements", "Scrutiny and assurance / independent scrutiny"},
	{"information-sharing", "mou", "Information sharing and information governance"},
	{"funding", "mou, arrangements", "Funding and resourcing"},
	{"disputes", "mou, arrangements", "Dispute resolution and escalation"},
	{"boards", "mou, arrangements", "Partnership arrangements: linked boards and wider partnerships"},
	{"review", "mou, arrangements", "Review of the document"},
	{"endorsement", "mou, endorsements", "The endorsement statement"},
	{"foreword", "arrangements", "Foreword by the lead partners"},
	{"background", "arrangements", "Background: national and local context"},
	{"geography", "arrangements", "Geographical area"},
	{"aims", "arrangements", "Aims and objectives"},
	{"legislation", "arrangements", "Legislative context"},
	{"governance", "arrangements", "Governance meetings"},
	{"education", "arrangements", "Schools and education"},
	{"audit", "arrangements", "Multi-agency audit"},
	{"procedures", "arrangements", "Multi-agency procedures"},
	{"threshold", "arrangements", "Threshold of need"},
	{"youth-custody", "arrangements", "Youth custody and residential homes"},
	{"child-death", "arrangements", "Child death review"},
	{"task-groups", "arrangements", "Task and finish groups"},
	{"structure", "arrangements", "Appendix: structure"},
	{"practice-escalation", "mou", "Escalation between practitioners"},
	{"activity", "report", "What the partners did as a result of the arrangements"},
	{"effectiveness", "report", "How effective the arrangements have been"},
	{"impact", "report", "Evidence of impact on outcomes, including training"},
	{"no-progress", "report", "Areas with little or no progress on priorities"},
	{"review-actions", "report", "Actions on local and national review recommendations"},
	{"feedback", "report", "Feedback from children and families"},
	{"restraint", "report", "Review of the use of restraint in a secure establishment"},
	{"arrangement-updates", "report", "Updates to the published arrangements"},
}

// ArrangementsParts are the parts of the published arrangements in their
// default order, that of the Westmorland and Furness 2025 seed (itself the
// order of the guidance's list); [partnership] arrangements_order may give
// a partnership's own order.
var ArrangementsParts = []string{
	"foreword", "background", "partners", "geography", "aims", "legislation", "governance",
	"relevant-agencies", "boards", "education", "funding", "disputes", "scrutiny", "data",
	"training", "reviews", "audit", "task-groups", "voice", "procedures", "threshold",
	"youth-custody", "child-death", "review", "milestones", "glossary", "history", "structure",
}

// OrderedParts returns the arrangements' parts in the partnership's order:
// those it names in its order, each of the others in its default place.
// Unknown and repeated ids are findings of validation and skipped here.
func (p *Partnership) OrderedParts() []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range p.Partnership.ArrangementsOrder {
		if !seen[id] && containsString(ArrangementsParts, id) {
			seen[id] = true
			out = append(out, id)
		}
	}
	// A section the data leaves out keeps its default place: just before
	// the first section that follows it by default, so the glossary and the
	// history still close the document. Working from the end places each
	// before the ones already placed after it.
	for k := len(ArrangementsParts) - 1; k >= 0; k-- {
		id := ArrangementsParts[k]
		if seen[id] {
			continue
		}
		at := len(out)
		for _, next := range ArrangementsParts[k+1:] {
			if i := indexOf(out, next); i >= 0 {
				at = i
				break
			}
		}
		out = append(out[:at], append([]string{id}, out[at:]...)...)
		seen[id] = true
	}
	return out
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// SectionIDs returns the ids of Sections.
func SectionIDs() []string {
	ids := make([]string, len(Sections))
	for i, s := range Sections {
		ids[i] = s.ID
	}
	return ids
}

func sortedTextKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
