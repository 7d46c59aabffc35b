package partnership

import "fmt"

// expectation is a section the guidance expects the published arrangements
// (or the MOU) to hold, with the data that fills it. A section the data
// leaves empty, with no [text] or [points] of its own, is a warning: the
// document would fall back on general wording, or leave the section out.
type expectation struct {
	section string // section id, for [text] and [points]
	path    string // where the data would go
	edition int    // 0 for both editions
	empty   func(p *Partnership) bool
	what    string // what the guidance expects, for the message
	hint    string
}

var expectations = []expectation{
	{"geography", "geography", 0, func(p *Partnership) bool { return p.Geography == nil },
		"the geographical area the arrangements cover", `add [geography] with description and local_authorities`},
	{"relevant-agencies", "relevant_agencies", 0, func(p *Partnership) bool { return len(p.RelevantAgencies) == 0 },
		"the relevant agencies the partners have named", `add a [[relevant_agencies]] entry for each, with name and sector`},
	{"education", "education", 0, func(p *Partnership) bool { return p.Education == nil },
		"how early years settings, schools and colleges are included", `add [education] with place = "partner" or "relevant-agency"`},
	{"youth-custody", "youth_custody", 0, func(p *Partnership) bool { return p.YouthCustody == nil },
		"how youth custody and residential homes are included", `add [youth_custody] with none = true, or the establishments and homes in the area`},
	{"child-death", "child_death", 2023, func(p *Partnership) bool { return p.ChildDeath == nil },
		"the child death review arrangements", `add [child_death] with panel and footprint`},
	{"disputes", "disputes", 0, func(p *Partnership) bool { return p.Disputes == nil },
		"how disputes between partners and agencies are resolved and escalated", `add [disputes] with policy, route and arbitration`},
	{"scrutiny", "scrutiny", 0, func(p *Partnership) bool {
		s := p.Scrutiny
		return s == nil || s.Scrutineer == nil && s.Chair == nil && s.LedBy == "" && s.Organisation == ""
	}, "who provides independent scrutiny", `add [scrutiny] with led_by and the scrutineer or chair`},
	{"funding", "funding", 0, func(p *Partnership) bool { return len(p.Funding) == 0 && p.FundingTerms == nil },
		"how the arrangements are funded", `add [[funding]] with a row per contributor`},
	{"voice", "voice", 0, func(p *Partnership) bool { return len(p.Voice) == 0 },
		"how the voice of children and families is heard", `add a [[voice]] entry for each forum`},
	{"threshold", "procedures.threshold", 0, func(p *Partnership) bool { return p.Procedures == nil || p.Procedures.Threshold == "" },
		"the threshold document, by name", `add [procedures] threshold = "…"`},
	{"review", "review", 0, func(p *Partnership) bool { return p.Review == nil },
		"when the arrangements are reviewed", `add [review] with frequency, last and next`},
	{"information-sharing", "data_sharing", 0, func(p *Partnership) bool { return len(p.DataSharing) == 0 },
		"the information sharing agreement and its status", `add a [[data_sharing]] entry with name and status`},
}

// expected warns for each section the guidance expects that the data
// leaves empty.
func (r *rules) expected() {
	ed := r.p.EditionInfo().Year
	for _, e := range expectations {
		if e.edition != 0 && e.edition != ed {
			continue
		}
		if !e.empty(r.p) || r.p.Text[e.section] != "" || len(r.p.Points[e.section]) > 0 {
			continue
		}
		r.add(Warning, "expected."+e.section, e.path,
			fmt.Sprintf("%s expects the arrangements to say %s, and the data says nothing: the documents state only what the guidance asks of every partnership there, or leave the section out", r.p.EditionInfo().Title, e.what),
			e.hint+fmt.Sprintf(", or write the section's own wording in [text] %s or [points] %s", e.section, e.section))
	}
	if len(r.p.Endorsements) == 0 {
		r.add(Warning, "expected.endorsements", "endorsements",
			"no endorsement is recorded, so each partner's lead gets an unnamed signature block",
			"add an [[endorsements]] entry for each signatory, with partner, signatory and title")
		return
	}
	// Every statutory partner signs each document that any partner has
	// endorsed: one that has not gets a block for its lead, undated, and
	// this says so.
	// An endorsement naming no partner is already an error: stay quiet.
	for _, e := range r.p.Endorsements {
		if r.p.Partner(e.Partner) == nil {
			return
		}
	}
	for _, doc := range DocumentKinds {
		signed := map[string]bool{}
		for _, e := range r.p.Endorsements {
			if e.Document == doc || e.Document == "" && doc == "mou" {
				signed[e.Partner] = true
			}
		}
		if len(signed) == 0 {
			continue
		}
		for i, pt := range r.p.Partners {
			if !signed[pt.ID] {
				r.add(Warning, "expected.endorsement", fmt.Sprintf("partners[%d]", i),
					fmt.Sprintf("%s has not endorsed the %s: its lead is given a signature block to sign and date", pt.Organisation, documentNames[doc]),
					fmt.Sprintf(`add an [[endorsements]] entry with partner = %q and document = %q, the signatory and their title`, pt.ID, doc))
			}
		}
	}
}

// documentNames name the documents an endorsement can refer to.
var documentNames = map[string]string{"mou": "Memorandum of Understanding", "arrangements": "arrangements", "report": "yearly report"}
