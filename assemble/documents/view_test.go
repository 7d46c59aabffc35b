package documents

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"mou/assemble/partnership"
)

// parse builds a checked partnership from TOML text.
func parse(t *testing.T, text string) *partnership.Partnership {
	t.Helper()
	p, findings := partnership.Parse("test.toml", text)
	if findings.Errors() > 0 || p == nil {
		var b strings.Builder
		findings.WriteText(&b)
		t.Fatalf("test data invalid:\n%s", b.String())
	}
	return p
}

const minimal = `
[partnership]
name = "Testshire Safeguarding Children Partnership"
area = "Testshire"
edition = 2023
date = 2024-11-01

[[partners]]
id = "council"
kind = "local-authority"
organisation = "Testshire Council"
lead = { name = "Ann Lee", title = "Chief Executive" }
delegate = { title = "Director of Children's Services" }

[[partners]]
id = "icb"
kind = "icb"
organisation = "Testshire ICB"
lead = { title = "Chief Executive" }

[[partners]]
id = "police"
kind = "police"
organisation = "Testshire Police"
short_name = "Police"
lead = { name = "Bo Ray", title = "Chief Constable" }
`

func TestViewDerivedValues(t *testing.T) {
	p := parse(t, minimal+`
[[funding]]
year = "2024/25"
[[funding.rows]]
partner = "council"
amount = 30000
[[funding.rows]]
partner = "police"
amount = 10000

[[meetings]]
name = "Leaders"
chair = "council"

[[endorsements]]
partner = "police"
signatory = "Bo Ray"
title = "Chief Constable"
date = 2024-11-02
document = "arrangements"

[report]
start = 2024-04-01
end = 2025-03-31
published = 2025-09-30
`)
	v := NewView(p, MOU)
	if v.Partnership.Short != p.Partnership.Name {
		t.Errorf("short name falls back to the name, got %q", v.Partnership.Short)
	}
	if got := []string{v.Partners[0].Lead.Display, v.Partners[0].Delegate.Display, v.Partners[1].Lead.Display}; !reflect.DeepEqual(got,
		[]string{"Ann Lee, Chief Executive", "Director of Children's Services", "Chief Executive"}) {
		t.Errorf("displays: %q", got)
	}
	if v.Partners[1].Delegate != nil || v.Partners[2].ShortName != "Police" || v.Partners[1].ShortName != "Testshire ICB" {
		t.Errorf("partners: %+v", v.Partners)
	}
	if v.Edition.LeadLabel != "Lead Safeguarding Partner" || v.Edition.HealthBody != "Integrated Care Board" {
		t.Errorf("edition terms: %+v", v.Edition)
	}
	if v.Funding == nil || v.Funding.Total.String() != "£40,000" || v.Funding.Rows[0].Share != 0.75 || v.Funding.Rows[1].Name != "Police" {
		t.Errorf("funding: %+v", v.Funding)
	}
	if v.Meetings[0].ChairName != "the Director of Children's Services (Testshire Council)" {
		t.Errorf("chair: %q", v.Meetings[0].ChairName)
	}
	// No MOU endorsement recorded: each lead gets an undated block.
	if len(v.Signatories) != 3 || v.Signatories[1].Signatory != "Chief Executive" || v.Signatories[0].Date != nil {
		t.Errorf("MOU signatories: %+v", v.Signatories)
	}
	e := NewView(p, Endorsements)
	// The arrangements are endorsed by one partner: the others' leads get
	// a block each, after it; the MOU, endorsed by no one, gets no pages.
	if len(e.Signatories) != 3 || e.Signatories[0].Organisation != "Testshire Police" || e.Signatories[0].Date.String() != "2 November 2024" ||
		e.Signatories[0].Document.Title != "Multi-Agency Safeguarding Arrangements" || e.Signatories[1].Named || e.Signatories[2].Document.Kind != Arrangements {
		t.Errorf("endorsement signatories: %+v", e.Signatories)
	}
	r := NewView(p, YearlyReport).Report
	if r.Period != "2024-25" || r.Recipients[0].By.String() != "7 October 2025" || r.NextDue.String() != "29 September 2026" {
		t.Errorf("report: %+v", r)
	}
	if NewView(p, YearlyReport).Document.Title != "Yearly Report 2024-25" {
		t.Error("the report's title names its period")
	}
}

func TestViewOptionalSectionsAreAbsent(t *testing.T) {
	v := NewView(parse(t, minimal), Arrangements)
	if v.Funding != nil || v.Geography != nil || v.Scrutiny != nil || v.Review != nil || v.Boards != nil || v.Glossary != nil {
		t.Errorf("absent sections must be nil so {{#if}} drops them: %+v", v)
	}
	// Without [report], the report covers the financial year of the date.
	if v.Report.Period != "2024-25" || v.Report.Location != "" || v.Report.LocationKnown || v.Report.Recipients[0].By != nil {
		t.Errorf("report: %+v", v.Report)
	}
}

func TestViewText(t *testing.T) {
	v := NewView(parse(t, minimal+`
[text]
introduction = """
First paragraph,
still the first.

Second paragraph.
"""
`), MOU)
	if got := v.Text["introduction"]; !reflect.DeepEqual(got, []string{"First paragraph,\nstill the first.", "Second paragraph."}) {
		t.Errorf("paragraphs: %q", got)
	}
	if _, ok := v.Text["information_sharing"]; !ok {
		t.Error("every section id must be present, with _ for -")
	}
}

func TestFolderNames(t *testing.T) {
	a := parse(t, minimal)
	b := parse(t, strings.Replace(minimal, "2024-11-01", "2019-09-10", 1))
	c := parse(t, strings.Replace(minimal, `area = "Testshire"`, `area = "Other Shire"`, 1))
	got := folderNames([]*partnership.Partnership{a, b, c, nil}, func(p *partnership.Partnership) *partnership.Partnership { return p })
	if want := []string{"testshire-2024", "testshire-2019", "other-shire", ""}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestViewDocumented keeps templates/README.md in step with View: every
// name a template can use at the top level is documented there.
func TestViewDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../templates/README.md")
	if err != nil {
		t.Fatal(err)
	}
	vt := reflect.TypeOf(View{})
	for i := 0; i < vt.NumField(); i++ {
		name := vt.Field(i).Tag.Get("toml")
		if !strings.Contains(string(doc), "`"+name+"`") {
			t.Errorf("templates/README.md does not document %q", name)
		}
	}
}

// TestViewSaysWhatTheDataSays: counts, signatories, the report period and
// the dated names follow the data, never a guess.
func TestViewSaysWhatTheDataSays(t *testing.T) {
	p := parse(t, minimal+`
[[partners]]
id = "icb2"
kind = "icb"
organisation = "Second ICB"
lead = { title = "Chief Executive" }

[[endorsements]]
partner = "council"
signatory = "Ann Lee"
title = "Chief Executive"
document = "arrangements"
`)
	v := NewView(p, Arrangements)
	if v.Counts.Partners != "four" {
		t.Errorf("counts.partners = %q", v.Counts.Partners)
	}
	if len(v.ForewordSignatories) != 1 || v.ForewordSignatories[0].Signatory != "Ann Lee" {
		t.Errorf("foreword signatories %+v: only those the data names", v.ForewordSignatories)
	}
	if v.Terms.Majesty != "His Majesty's" || v.Edition.HealthBody != "Integrated Care Board" {
		t.Errorf("terms for 2024: %+v", v.Terms)
	}
	// No [report]: the period runs from the document date (the arrangements'
	// start) to the end of that financial year.
	if v.Report.Period != "2024-25" || v.Report.Start.String() != "1 November 2024" || v.Report.End.String() != "31 March 2025" {
		t.Errorf("derived period %q %s–%s", v.Report.Period, v.Report.Start, v.Report.End)
	}
	if w := v.Report.Recipients[1].Name; w != "Foundations (What Works Centre for Children and Families)" {
		t.Errorf("What Works recipient %q", w)
	}

	// A year-only date gives no period and no file-name guess.
	old := parse(t, strings.Replace(strings.Replace(minimal, "date = 2024-11-01", `date = "2019"`, 1), `kind = "icb"`, `kind = "ccg"`, 1))
	ov := NewView(old, YearlyReport)
	if ov.Report.Period != "" || !ov.Report.Start.IsZero() || fileName(ov, YearlyReport) != "annual-report.docx" || ov.Document.Title != "Yearly Report" {
		t.Errorf("year-only date: period %q, start %v, file %s", ov.Report.Period, ov.Report.Start, fileName(ov, YearlyReport))
	}
	if ov.Terms.Majesty != "Her Majesty's" || ov.Edition.HealthBody != "clinical commissioning group" {
		t.Errorf("terms for 2019: %+v", ov.Terms)
	}
	if ov.Report.Recipients[1].Name != "What Works Centre for Children's Social Care" {
		t.Errorf("2019 recipient %q", ov.Report.Recipients[1].Name)
	}

	// The date style is the data's, on every date.
	o := parse(t, strings.Replace(minimal, "date = 2024-11-01", "date = 2024-11-01\ndate_style = \"ordinal\"", 1))
	if got := NewView(o, MOU).Partnership.Date.String(); got != "1st November 2024" {
		t.Errorf("ordinal date %q", got)
	}
}
