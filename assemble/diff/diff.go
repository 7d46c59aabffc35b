// Package diff lists what changed between two versions of a partnership's
// data, in plain English, grouped by section in the documents' order.
//
// Records match by id, or where a kind of record has none by its natural key
// (a board by its name, a funding year by its year, a funding row by its
// partner). Every field of the model is compared by reflection, so a field
// added to the model is reported without a change here; the kinds of change
// a signatory cares most about (partners, their representatives, funding,
// the edition) have sentences of their own:
//
//	Partnerships(old, new) ─ partners.go, funding.go (specific sentences)
//	                       ─ walk.go (every other field, generically)
//	                       ─▶ Report ─ WriteText / WriteJSON / HistoryEntry
package diff

import (
	"mou/assemble/partnership"
)

// Change is one difference between the two versions.
type Change struct {
	// Kind is "added", "removed", "changed", "renamed" or "succession".
	Kind string `json:"kind"`
	// Path is the field path in the new data (in the old data for a removal),
	// e.g. "partners[1].delegate".
	Path string `json:"path"`
	// Before and After are the values as the documents print them; empty
	// when there is none.
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
	// Difference is after minus before in pence, for amounts of money.
	Difference *int64 `json:"difference_pence,omitempty"`
	// Text is the change in a sentence.
	Text string `json:"text"`
}

// Section groups the changes of one part of the data.
type Section struct {
	ID      string   `json:"id"` // the data's top-level key, e.g. "partners"
	Title   string   `json:"title"`
	Changes []Change `json:"changes"`
}

// Report is every change between two versions of a partnership.
type Report struct {
	Sections []Section `json:"sections"`

	old, new *partnership.Partnership
}

// Changes counts the changes.
func (r Report) Changes() int {
	n := 0
	for _, s := range r.Sections {
		n += len(s.Changes)
	}
	return n
}

// Empty reports whether nothing changed.
func (r Report) Empty() bool { return r.Changes() == 0 }

// sectionTitles names the top-level parts of the data, in the order the
// documents present them; the report follows this order. A test checks that
// every top-level field of the model has a title here.
var sectionTitles = []struct{ id, title string }{
	{"partnership", "The partnership"},
	{"geography", "Area"},
	{"partners", "Partners"},
	{"local_partnerships", "Local partnerships"},
	{"members", "Members who are not statutory partners"},
	{"delivery_bodies", "Delivery bodies"},
	{"decisions", "Scheme of delegation"},
	{"relevant_agencies", "Relevant agencies"},
	{"meetings", "Governance meetings"},
	{"subgroups", "Sub-groups"},
	{"task_groups", "Task and finish groups"},
	{"education", "Schools and education"},
	{"scrutiny", "Scrutiny"},
	{"funding", "Funding"},
	{"funding_terms", "Funding terms"},
	{"disputes", "Dispute resolution"},
	{"inspections", "Inspection"},
	{"boards", "Linked boards"},
	{"data_sharing", "Information sharing agreements"},
	{"audits", "Audit programmes"},
	{"voice", "Voice of children and families"},
	{"procedures", "Procedures and threshold document"},
	{"youth_custody", "Youth custody and residential homes"},
	{"child_death", "Child death review"},
	{"review", "Review of the arrangements"},
	{"milestones", "Milestones"},
	{"endorsements", "Endorsements"},
	{"report", "Yearly report"},
	{"year", "The year in the yearly report"},
	{"text", "Local wording"},
	{"points", "Local points"},
	{"structure", "Structure appendix"},
	{"glossary", "Glossary"},
	{"history", "Document history"},
}

// Partnerships compares two versions of a partnership.
func Partnerships(old, new *partnership.Partnership) Report {
	d := newDiffer(old, new)
	d.all()
	return d.report()
}
