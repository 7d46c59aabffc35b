package documents

import (
	"strings"
	"time"

	"mou/assemble/format"
	"mou/assemble/partnership"
)

// View is what the default templates see: the partnership's facts with
// everything a template must not work out for itself already worked out —
// printable names, the current funding year with its total and shares, the
// guidance edition's terms, the signatories of this document, the report's
// publication dates. Optional sections are nil when the data lacks them, so
// a template's {{#if}} drops the whole section, heading included.
//
// Views are structs, not maps, so that a misspelt name in a template is an
// error with a suggestion rather than a silently empty section.
type View struct {
	Partnership      Profile                `toml:"partnership"`
	Edition          Edition                `toml:"edition"`
	Document         Document               `toml:"document"`
	Partners         []Partner              `toml:"partners"`
	RelevantAgencies []partnership.Agency   `toml:"relevant_agencies"`
	AgencySectors    []Sector               `toml:"agency_sectors"`
	Boards           []partnership.Board    `toml:"boards"`
	Meetings         []Group                `toml:"meetings"`
	Subgroups        []Group                `toml:"subgroups"`
	Funding          *Funding               `toml:"funding"`
	FundingYears     []Funding              `toml:"funding_years"`
	Geography        *partnership.Geography `toml:"geography"`
	Milestones       []Milestone            `toml:"milestones"`
	Signatories      []Signatory            `toml:"signatories"`
	Scrutiny         *Scrutiny              `toml:"scrutiny"`
	Review           *partnership.Review    `toml:"review"`
	Glossary         []partnership.Term     `toml:"glossary"`
	History          []partnership.Version  `toml:"history"`
	Report           Report                 `toml:"report"`
	// Text holds the data's own wording per section (ids with _ for -),
	// one entry per paragraph; every section id is present, empty when the
	// default prose stands.
	Text map[string][]string `toml:"text"`
	// Updates are the [[history]] entries dated within the yearly report's
	// period: the report's section on updates to the arrangements lists them.
	Updates []Update `toml:"updates"`
	// Coverage is the yearly report's appendix: what the report must cover
	// and where (report only).
	Coverage []Coverage `toml:"coverage"`
}

// Profile is the [partnership] table with the name the text uses.
type Profile struct {
	partnership.Profile
	// Short is the short name, or the full name when there is none.
	Short string `toml:"short"`
	// ArrangementsName is what the documents call the arrangements.
	ArrangementsName string `toml:"arrangements_name"`
}

// Edition is the guidance the documents follow, and its terms.
type Edition struct {
	Year          int    `toml:"year"`
	Title         string `toml:"title"`
	Is2023        bool   `toml:"is_2023"`
	LeadTerm      string `toml:"lead_term"`  // lead representative / Lead Safeguarding Partner
	LeadsTerm     string `toml:"leads_term"` // plural
	DelegateTerm  string `toml:"delegate_term"`
	DelegatesTerm string `toml:"delegates_term"`
	LeadLabel     string `toml:"lead_label"`     // the term as a heading
	DelegateLabel string `toml:"delegate_label"` // the term as a heading
	HealthBody    string `toml:"health_body"`    // clinical commissioning group / Integrated Care Board
	HealthLead    string `toml:"health_lead"`    // the health body's lead officer
}

// Document describes the document being built.
type Document struct {
	Kind    string           `toml:"kind"`
	Title   string           `toml:"title"`
	Version string           `toml:"version"`
	Date    partnership.Date `toml:"date"`
	// Fingerprint names the document's content (see package fingerprint).
	Fingerprint string `toml:"fingerprint"`
}

// Person is someone named by name, title or both, with the usual way of
// printing them.
type Person struct {
	Name  string `toml:"name"`
	Title string `toml:"title"`
	// Display is "Name, Title", or whichever of the two is known.
	Display string `toml:"display"`
}

// Partner is a statutory partner as the documents print it.
type Partner struct {
	ID           string  `toml:"id"`
	Kind         string  `toml:"kind"`
	KindName     string  `toml:"kind_name"`
	Organisation string  `toml:"organisation"`
	ShortName    string  `toml:"short_name"`
	Lead         Person  `toml:"lead"`
	Delegate     *Person `toml:"delegate"`
	Footprint    string  `toml:"footprint"`
	DecisionBody string  `toml:"decision_body"`
}

// Sector groups relevant agencies for a heading each.
type Sector struct {
	Name     string               `toml:"name"`
	Agencies []partnership.Agency `toml:"agencies"`
}

// Group is a meeting or sub-group with its chair in words.
type Group struct {
	partnership.Group
	// ChairName says who chairs it: chaired_by, or the chairing partner's
	// delegate or lead; empty when the data does not say.
	ChairName string `toml:"chair_name"`
}

// Funding is one year's contributions with their total and shares.
type Funding struct {
	Year          string             `toml:"year"`
	Rows          []FundingRow       `toml:"rows"`
	Total         partnership.Money  `toml:"total"`
	DeclaredTotal *partnership.Money `toml:"declared_total"`
	InKind        []string           `toml:"in_kind"`
	Note          string             `toml:"note"`
}

// FundingRow is one contributor's line of the funding table.
type FundingRow struct {
	Name   string            `toml:"name"`
	Amount partnership.Money `toml:"amount"`
	Share  float64           `toml:"share"`
}

// Milestone is a step with its date in words.
type Milestone struct {
	Label string `toml:"label"`
	When  string `toml:"when"`
}

// Signatory is one endorsement, as a signature page prints it.
type Signatory struct {
	Signatory    string            `toml:"signatory"`
	Title        string            `toml:"title"`
	Organisation string            `toml:"organisation"`
	Date         *partnership.Date `toml:"date"`
	Document     Document          `toml:"document"`
}

// Scrutiny is independent scrutiny and chairing.
type Scrutiny struct {
	Scrutineer *Person  `toml:"scrutineer"`
	Chair      *Person  `toml:"chair"`
	Methods    []string `toml:"methods"`
}

// Report is the yearly report's period and publication duties.
type Report struct {
	// Period is "2024-25" for a financial year, "2024" within one year.
	Period     string            `toml:"period"`
	Start      partnership.Date  `toml:"start"`
	End        partnership.Date  `toml:"end"`
	Published  *partnership.Date `toml:"published"`
	Location   string            `toml:"location"`
	Recipients []Recipient       `toml:"recipients"`
	// NextDue is the last day the next report may be published: within
	// twelve months of this one (known once published).
	NextDue *partnership.Date `toml:"next_due"`
}

// Recipient is a body the report is sent to, and by when.
type Recipient struct {
	Name       string            `toml:"name"`
	WithinDays int               `toml:"within_days"`
	By         *partnership.Date `toml:"by"`
}

// Kinds of document, in the order they are built.
const (
	MOU          = "mou"
	Arrangements = "arrangements"
	YearlyReport = "report"
	Endorsements = "endorsements"
)

// Kinds lists every document kind.
var Kinds = []string{MOU, Arrangements, YearlyReport, Endorsements}

// NewView builds the view of p for one kind of document.
func NewView(p *partnership.Partnership, kind string) *View {
	ed := p.EditionInfo()
	v := &View{
		Partnership: Profile{Profile: p.Partnership},
		Edition: Edition{
			Year: ed.Year, Title: ed.Title, Is2023: ed.Year == 2023,
			LeadTerm: ed.LeadTerm, LeadsTerm: ed.LeadTerm + "s",
			DelegateTerm: ed.DelegateTerm, DelegatesTerm: ed.DelegateTerm + "s",
			HealthBody: "clinical commissioning group", HealthLead: "accountable officer of the clinical commissioning group",
		},
		RelevantAgencies: p.RelevantAgencies,
		Boards:           p.Boards,
		Geography:        p.Geography,
		Review:           p.Review,
		Glossary:         p.Glossary,
		Text:             texts(p.Text),
	}
	v.Edition.LeadLabel = capitalise(ed.LeadTerm)
	v.Edition.DelegateLabel = capitalise(ed.DelegateTerm)
	if ed.HealthBody == partnership.KindICB {
		v.Edition.HealthBody = "Integrated Care Board"
		v.Edition.HealthLead = "chief executive of the Integrated Care Board"
	}
	v.Partnership.Short = firstOf(p.Partnership.ShortName, p.Partnership.Name)
	v.Partnership.ArrangementsName = firstOf(p.Partnership.ArrangementsTitle, "the "+p.Partnership.Name+" arrangements")
	v.Document = documentOf(p, kind)
	for _, pt := range p.Partners {
		v.Partners = append(v.Partners, partnerView(pt))
	}
	v.AgencySectors = sectors(p.RelevantAgencies)
	for _, g := range p.Meetings {
		v.Meetings = append(v.Meetings, groupView(p, g))
	}
	for _, g := range p.Subgroups {
		v.Subgroups = append(v.Subgroups, groupView(p, g))
	}
	for _, fy := range p.Funding {
		v.FundingYears = append(v.FundingYears, fundingView(fy))
	}
	if cur := p.CurrentFunding(); cur != nil {
		f := fundingView(*cur)
		v.Funding = &f
	}
	for _, m := range p.Milestones {
		v.Milestones = append(v.Milestones, Milestone{Label: m.Label, When: milestoneWhen(m)})
	}
	v.Signatories = signatories(p, kind)
	if s := p.Scrutiny; s != nil {
		v.Scrutiny = &Scrutiny{Scrutineer: personPtr(s.Scrutineer), Chair: personPtr(s.Chair), Methods: s.Methods}
	}
	for _, h := range p.History {
		if h.Document == "" || h.Document == kind || kind == Endorsements {
			v.History = append(v.History, h)
		}
	}
	v.Report = reportView(p)
	v.Updates = updates(p)
	v.Coverage = coverage(p, kind)
	return v
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// Titles of the documents.
var titles = map[string]string{
	MOU:          "Memorandum of Understanding",
	Arrangements: "Multi-Agency Safeguarding Arrangements",
	YearlyReport: "Yearly Report",
	Endorsements: "Endorsements",
}

// documentOf gives a document its title, and the version and date of the
// latest history entry that applies to it (else the partnership's date).
func documentOf(p *partnership.Partnership, kind string) Document {
	d := Document{Kind: kind, Title: titles[kind], Date: p.Partnership.Date}
	if kind == YearlyReport {
		d.Title += " " + reportPeriod(p)
	}
	for _, h := range p.History {
		if h.Document != "" && h.Document != kind {
			continue
		}
		if d.Version == "" || !h.Date.Time.Before(d.Date.Time) {
			d.Version, d.Date = h.Version, h.Date
		}
	}
	return d
}

func person(p partnership.Person) Person {
	out := Person{Name: p.Name, Title: p.Title, Display: p.Name}
	switch {
	case p.Name != "" && p.Title != "":
		out.Display = p.Name + ", " + p.Title
	case p.Name == "":
		out.Display = p.Title
	}
	return out
}

func personPtr(p *partnership.Person) *Person {
	if p == nil || p.Name == "" && p.Title == "" {
		return nil
	}
	out := person(*p)
	return &out
}

var kindNames = map[string]string{
	partnership.KindLocalAuthority: "local authority",
	partnership.KindICB:            "Integrated Care Board",
	partnership.KindCCG:            "clinical commissioning group",
	partnership.KindPolice:         "police",
}

func partnerView(pt partnership.Partner) Partner {
	v := Partner{
		ID: pt.ID, Kind: pt.Kind, KindName: kindNames[pt.Kind], Organisation: pt.Organisation,
		ShortName: firstOf(pt.ShortName, pt.Organisation), Delegate: personPtr(pt.Delegate),
		Footprint: pt.Footprint, DecisionBody: pt.DecisionBody,
	}
	if pt.Lead != nil {
		v.Lead = person(*pt.Lead)
	}
	return v
}

var sectorNames = map[string]string{
	"education": "Education", "early-years": "Early years", "health": "Health", "police": "Policing",
	"justice": "Justice and courts", "local-authority": "Local authority services", "fire-rescue": "Fire and rescue",
	"voluntary": "Voluntary and community sector", "faith": "Faith groups", "sport": "Sport and leisure",
	"housing": "Housing", "other": "Other agencies",
}

// sectors groups agencies by sector in the order of partnership.Sectors.
func sectors(agencies []partnership.Agency) []Sector {
	var out []Sector
	for _, s := range partnership.Sectors {
		var in []partnership.Agency
		for _, a := range agencies {
			if a.Sector == s {
				in = append(in, a)
			}
		}
		if len(in) > 0 {
			out = append(out, Sector{Name: sectorNames[s], Agencies: in})
		}
	}
	return out
}

func groupView(p *partnership.Partnership, g partnership.Group) Group {
	v := Group{Group: g, ChairName: g.ChairedBy}
	if pt := p.Partner(g.Chair); pt != nil && v.ChairName == "" {
		who := pt.Lead
		if pt.Delegate != nil {
			who = pt.Delegate
		}
		if who != nil {
			v.ChairName = person(*who).Display + " (" + pt.Organisation + ")"
		} else {
			v.ChairName = pt.Organisation
		}
	}
	return v
}

func fundingView(fy partnership.FundingYear) Funding {
	f := Funding{Year: fy.Year, Total: fy.Total, DeclaredTotal: fy.DeclaredTotal, InKind: fy.InKind, Note: fy.Note}
	for _, r := range fy.Rows {
		f.Rows = append(f.Rows, FundingRow{Name: r.Name, Amount: r.Amount, Share: r.Share})
	}
	return f
}

func milestoneWhen(m partnership.Milestone) string {
	switch {
	case m.Date == nil || m.Date.IsZero():
		return m.Note
	case m.Note == "":
		return m.Date.String()
	}
	return m.Date.String() + " " + m.Note
}

// signatories are the endorsements of this document (all of them for the
// endorsement pages). When the data records none, each partner's lead is
// given a block to sign, undated: a signature-ready page either way.
func signatories(p *partnership.Partnership, kind string) []Signatory {
	var out []Signatory
	for _, e := range p.Endorsements {
		if kind != Endorsements && e.Document != kind {
			continue
		}
		s := Signatory{Signatory: e.Signatory, Title: e.Title, Date: e.Date, Document: documentOf(p, e.Document)}
		if pt := p.Partner(e.Partner); pt != nil {
			s.Organisation = pt.Organisation
		}
		out = append(out, s)
	}
	if len(out) > 0 {
		return out
	}
	doc := kind
	if kind == Endorsements {
		doc = MOU
	}
	for _, pt := range p.Partners {
		s := Signatory{Organisation: pt.Organisation, Document: documentOf(p, doc)}
		if pt.Lead != nil {
			s.Signatory, s.Title = pt.Lead.Name, pt.Lead.Title
		}
		if s.Signatory == "" {
			s.Signatory = s.Title
			s.Title = ""
		}
		out = append(out, s)
	}
	return out
}

// reportPeriod names the report's period: "2024-25" for a financial year,
// "2024" for a period within one calendar year. Without [report], the
// financial year of the document date.
func reportPeriod(p *partnership.Partnership) string {
	start, end := reportDates(p)
	if start.Year() == end.Year() {
		return start.Format("2006")
	}
	return start.Format("2006") + "-" + end.Format("06")
}

func reportDates(p *partnership.Partnership) (time.Time, time.Time) {
	if r := p.Report; r != nil && !r.Start.IsZero() && !r.End.IsZero() {
		return r.Start.Time, r.End.Time
	}
	d := p.Partnership.Date.Time
	y := d.Year()
	if d.Month() < time.April {
		y--
	}
	return time.Date(y, 4, 1, 0, 0, 0, 0, time.UTC), time.Date(y+1, 3, 31, 0, 0, 0, 0, time.UTC)
}

func reportView(p *partnership.Partnership) Report {
	start, end := reportDates(p)
	r := Report{
		Period: reportPeriod(p),
		Start:  partnership.NewDate(start.Date()),
		End:    partnership.NewDate(end.Date()),
	}
	recipients := p.EditionInfo().Recipients
	if p.Report != nil {
		r.Published = p.Report.Published
		r.Location = p.Report.Location
		if len(p.Report.Recipients) > 0 {
			recipients = p.Report.Recipients
		}
	}
	if r.Location == "" {
		r.Location = firstOf(p.Partnership.Website, "the partnership's website")
	}
	for _, rc := range recipients {
		out := Recipient{Name: rc.Name, WithinDays: rc.WithinDays}
		if pub := r.Published; pub != nil && pub.Precision == partnership.Day {
			by := partnership.NewDate(pub.Time.AddDate(0, 0, rc.WithinDays).Date())
			out.By = &by
		}
		r.Recipients = append(r.Recipients, out)
	}
	if pub := r.Published; pub != nil && pub.Precision == partnership.Day {
		next := partnership.NewDate(pub.Time.AddDate(1, 0, -1).Date())
		r.NextDue = &next
	}
	return r
}

// texts splits each section's local wording into paragraphs at blank lines;
// every known section id is present so templates may name any of them.
func texts(local map[string]string) map[string][]string {
	out := make(map[string][]string, len(partnership.Sections))
	for _, s := range partnership.Sections {
		out[TextKey(s.ID)] = nil
	}
	for id, t := range local {
		var paras []string
		for _, para := range strings.Split(strings.ReplaceAll(t, "\r\n", "\n"), "\n\n") {
			if para = strings.TrimSpace(para); para != "" {
				paras = append(paras, para)
			}
		}
		out[TextKey(id)] = paras
	}
	return out
}

// TextKey is a section id as templates name it: data-and-x → data_and_x,
// because a template path cannot hold a hyphen.
func TextKey(id string) string { return strings.ReplaceAll(id, "-", "_") }

// slug names a partnership's output folder.
func slug(p *partnership.Partnership) string {
	return format.Slug(p.Partnership.Area)
}
