package partnership

import "time"

// Edition holds what differs between editions of Working Together to
// Safeguard Children. Facts the 2023 text could not be checked against are
// data here, not rules, and can be overridden in the data file.
type Edition struct {
	Year         int
	Title        string
	Published    time.Time
	LeadTerm     string // what the guidance calls a lead representative
	DelegateTerm string
	HealthBody   string // the health partner's kind at the time
	// Recipients of the yearly report and the days allowed after publication.
	Recipients []Recipient
	// RecipientsConfirmed is false where the recipients are assumed.
	RecipientsConfirmed bool
}

// Editions are the supported editions, by year.
var Editions = map[int]Edition{
	2018: {
		Year: 2018, Title: "Working Together to Safeguard Children 2018",
		Published: time.Date(2018, 7, 4, 0, 0, 0, 0, time.UTC),
		LeadTerm:  "lead representative", DelegateTerm: "delegate", HealthBody: KindCCG,
		Recipients: []Recipient{
			{Name: "Child Safeguarding Practice Review Panel", WithinDays: 7},
			{Name: "What Works Centre for Children's Social Care", WithinDays: 7},
		},
		RecipientsConfirmed: true,
	},
	2023: {
		Year: 2023, Title: "Working Together to Safeguard Children 2023",
		Published: time.Date(2023, 12, 15, 0, 0, 0, 0, time.UTC),
		LeadTerm:  "Lead Safeguarding Partner", DelegateTerm: "Delegated Safeguarding Partner", HealthBody: KindICB,
		Recipients: []Recipient{
			{Name: "Child Safeguarding Practice Review Panel", WithinDays: 7},
			{Name: "Foundations (What Works Centre for Children and Families)", WithinDays: 7},
		},
	},
}

// Dated facts the rules rely on.
var (
	// ICBDay is when Integrated Care Boards replaced Clinical Commissioning Groups.
	ICBDay = time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC)
	// Republish2023By is when arrangements were to be republished under the 2023 edition.
	Republish2023By = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
)

// EditionInfo returns the partnership's edition facts (2018 when unknown).
func (p *Partnership) EditionInfo() Edition {
	if e, ok := Editions[p.Partnership.Edition]; ok {
		return e
	}
	return Editions[2018]
}
