package partnership

import "time"

// Terms are the names that changed with time. A document uses the names in
// force on its own date, from the one table below, so a 2019 document says
// "Her Majesty's Inspectorate" and a 2025 one "His Majesty's".
type Terms struct {
	// Majesty is "Her Majesty's" until 8 September 2022, then "His Majesty's".
	Majesty string `toml:"majesty"`
	// Constabulary is the police inspectorate's full name.
	Constabulary string `toml:"constabulary"`
	// HealthBody is the statutory health partner: clinical commissioning
	// group until 30 June 2022, Integrated Care Board from 1 July 2022.
	HealthBody string `toml:"health_body"`
	// HealthLead is the health body's lead officer.
	HealthLead string `toml:"health_lead"`
	// WhatWorks is the What Works Centre the yearly report goes to: the What
	// Works Centre for Children's Social Care until 5 June 2023, Foundations
	// from 6 June 2023.
	WhatWorks string `toml:"what_works"`
	// Board is what the Local Safeguarding Children Board is called: the
	// board itself before 29 September 2019, "the former …" after.
	Board string `toml:"board"`
	// ICB is true from 1 July 2022, when Integrated Care Boards replaced
	// clinical commissioning groups as the health partner.
	ICB bool `toml:"icb"`
}

// datedTerm is one term's wording from a day on.
type datedTerm struct {
	from time.Time
	set  func(*Terms)
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// termTable holds every change of name, oldest first; a term's wording on a
// date is the last entry for it on or before that date.
var termTable = []datedTerm{
	{time.Time{}, func(t *Terms) {
		t.Majesty = "Her Majesty's"
		t.HealthBody, t.HealthLead = "clinical commissioning group", "accountable officer of the clinical commissioning group"
		t.WhatWorks = "What Works Centre for Children's Social Care"
		t.Board = "the Local Safeguarding Children Board"
	}},
	{day(2019, time.September, 29), func(t *Terms) { t.Board = "the former Local Safeguarding Children Board" }},
	{ICBDay, func(t *Terms) {
		t.HealthBody, t.HealthLead = "Integrated Care Board", "chief executive of the Integrated Care Board"
		t.ICB = true
	}},
	{day(2022, time.September, 8), func(t *Terms) { t.Majesty = "His Majesty's" }},
	{day(2023, time.June, 6), func(t *Terms) { t.WhatWorks = "Foundations (What Works Centre for Children and Families)" }},
}

// TermsAt returns the names in force on day d.
func TermsAt(d time.Time) Terms {
	var t Terms
	for _, e := range termTable {
		if !e.from.After(d) {
			e.set(&t)
		}
	}
	t.Constabulary = t.Majesty + " Inspectorate of Constabulary and Fire & Rescue Services"
	return t
}

// Terms returns the names in force on the documents' date (its last
// possible day, for a date known only to the month or year).
func (p *Partnership) Terms() Terms {
	if p.Partnership.Date.IsZero() {
		return TermsAt(time.Now())
	}
	return TermsAt(p.Partnership.Date.last())
}

// Began is when the arrangements began: in_force when given, else the
// document date; ok is false when neither is known to the day.
func (p *Partnership) Began() (time.Time, bool) {
	if f := p.Partnership.InForce; f != nil && !f.IsZero() {
		return f.first(), f.Precision == Day
	}
	d := p.Partnership.Date
	return d.first(), !d.IsZero() && d.Precision == Day
}
