package documents

import (
	"fmt"
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
	Partnership      Profile               `toml:"partnership"`
	Edition          Edition               `toml:"edition"`
	Document         Document              `toml:"document"`
	Partners         []Partner             `toml:"partners"`
	RelevantAgencies []partnership.Agency  `toml:"relevant_agencies"`
	AgencySectors    []Sector              `toml:"agency_sectors"`
	Boards           []partnership.Board   `toml:"boards"`
	Meetings         []Group               `toml:"meetings"`
	Subgroups        []Group               `toml:"subgroups"`
	Funding          *Funding              `toml:"funding"`
	FundingYears     []Funding             `toml:"funding_years"`
	Geography        *Geography            `toml:"geography"`
	Milestones       []Milestone           `toml:"milestones"`
	Signatories      []Signatory           `toml:"signatories"`
	Scrutiny         *Scrutiny             `toml:"scrutiny"`
	Review           *Review               `toml:"review"`
	Glossary         []partnership.Term    `toml:"glossary"`
	History          []partnership.Version `toml:"history"`
	Report           Report                `toml:"report"`
	// Year is what happened in the yearly report's period; nil when the
	// data has no [year].
	Year *Year `toml:"year"`
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
	// Points holds the partnership's own commitments per section, printed
	// after the section's wording; every section id is present.
	Points map[string][]string `toml:"points"`
	// Terms are the names in force on the documents' date.
	Terms partnership.Terms `toml:"terms"`
	// Counts are numbers the prose states, in words.
	Counts Counts `toml:"counts"`
	// Members are members who are not statutory partners.
	Members    []Member `toml:"members"`
	TaskGroups []Group  `toml:"task_groups"`
	// ForewordSignatories are those who sign the arrangements' foreword:
	// the arrangements' endorsements, and no one else.
	ForewordSignatories []Signatory             `toml:"foreword_signatories"`
	Disputes            *Disputes               `toml:"disputes"`
	YouthCustody        *YouthCustody           `toml:"youth_custody"`
	ChildDeath          *ChildDeath             `toml:"child_death"`
	Education           *Education              `toml:"education"`
	Audits              []Audit                 `toml:"audits"`
	Voice               []Forum                 `toml:"voice"`
	DataSharing         []Agreement             `toml:"data_sharing"`
	Procedures          *partnership.Procedures `toml:"procedures"`
	// Structure is the structure appendix: each group and whom it reports to.
	Structure *Structure `toml:"structure"`
	// Parts are the arrangements' sections in the partnership's order.
	Parts []Part `toml:"parts"`
	// Has says, by section id (with _ for -), whether the data says
	// anything of the section's own: a section made only of local choices
	// is left out, heading and all, when it does not.
	Has            map[string]bool          `toml:"has"`
	Priorities     []Priority               `toml:"priorities"`
	DeliveryBodies []DeliveryBody           `toml:"delivery_bodies"`
	Decisions      []partnership.Decision   `toml:"decisions"`
	Inspections    []partnership.Inspection `toml:"inspections"`
	FundingTerms   *FundingTerms            `toml:"funding_terms"`
	// Footprints are the partners whose area the data describes.
	Footprints []Partner `toml:"footprints"`
	// Executive is, for a local partnership, the pan-area executive it
	// belongs to; Locals are, for an executive, its local partnerships.
	Executive *Executive `toml:"executive"`
	Locals    []Local    `toml:"locals"`
}

// Executive is the pan-area executive of a local partnership.
type Executive struct {
	Name    string `toml:"name"`
	TheName string `toml:"the_name"` // with its article, for a sentence
	Area    string `toml:"area"`
	// Sentence says the partnership is one of the executive's.
	Sentence string `toml:"sentence"`
}

// Local is one local partnership of a pan-area executive.
type Local struct {
	Name     string `toml:"name"`
	Area     string `toml:"area"`
	Partners string `toml:"partners"` // its partners' organisations, as a phrase
}

// Counts are numbers as words, and the lead-ins whose grammar follows a
// number: "this forum" or "these forums".
type Counts struct {
	Partners string `toml:"partners"`
	// Agencies is "twelve relevant agencies" or "one relevant agency".
	Agencies    string `toml:"agencies"`
	Voice       string `toml:"voice"`       // this forum / these forums
	Inspections string `toml:"inspections"` // this inspection framework / these …
	MembersLead string `toml:"members_lead"`
	AuditsLead  string `toml:"audits_lead"`
}

// Disputes is the dispute resolution process as the documents print it.
type Disputes struct {
	partnership.Disputes
	// Regulators is the regulators' list as one phrase.
	RegulatorList string `toml:"regulator_list"`
}

// YouthCustody is youth custody and homes, with a sentence per kind of home.
type YouthCustody struct {
	partnership.YouthCustody
	// Sentence says whether there is youth custody in the area.
	Sentence  string   `toml:"sentence"`
	HomeLines []string `toml:"home_lines"`
}

// Forum is a voice forum, marked when it is still being set up.
type Forum struct {
	partnership.Forum
	Developing bool `toml:"developing"`
}

// Agreement is a data sharing agreement with its status in words.
type Agreement struct {
	partnership.Agreement
	StatusText string `toml:"status_text"`
	Sentence   string `toml:"sentence"`
}

// Structure is the structure appendix.
type Structure struct {
	Note string         `toml:"note"`
	Rows []StructureRow `toml:"rows"`
}

// StructureRow is one group of the structure appendix.
type StructureRow struct {
	Name      string `toml:"name"`
	Kind      string `toml:"kind"`
	ReportsTo string `toml:"reports_to"`
}

// Profile is the [partnership] table with the name the text uses.
type Profile struct {
	partnership.Profile
	// Short is the short name, or the full name when there is none.
	Short string `toml:"short"`
	// ArrangementsName is what the documents call the arrangements.
	ArrangementsName string `toml:"arrangements_name"`
	// InForceDate is when the arrangements take effect, in the document's
	// date style; empty when it is the document date.
	InForceDate string `toml:"in_force_date"`
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
	// ThisTitle refers to the document from inside it: "this Memorandum of
	// Understanding", "these Multi-Agency Safeguarding Arrangements".
	ThisTitle string `toml:"this_title"`
	// Described is what the endorsement makes work: "the arrangements it
	// describes", or "them" for the arrangements themselves.
	Described string `toml:"described"`
	// Past is true for a document that looks back on a period (the yearly
	// report): its sentences about the year are in the past tense.
	Past bool `toml:"past"`
	// Footer is the running footer's text: the short name and the title,
	// shortened to stay on one line beside the page number (pages.go).
	Footer string `toml:"footer"`
}

// Person is someone named by name, title or both, with the usual way of
// printing them.
type Person struct {
	Name  string `toml:"name"`
	Title string `toml:"title"`
	// Display is "Name, Title", or whichever of the two is known.
	Display string `toml:"display"`
	// Phrase fits after a verb: "Jo Bloggs, Independent Scrutineer", or
	// "the Independent Scrutineer" when only the title is known.
	Phrase string `toml:"phrase"`
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
	// Delegates are every delegate, the first one included.
	Delegates []Person `toml:"delegates"`
	// DelegateList is the delegates as one line, or "—".
	DelegateList string `toml:"delegate_list"`
	Footprint    string `toml:"footprint"`
	DecisionBody string `toml:"decision_body"`
}

// Sector groups relevant agencies for a heading each.
type Sector struct {
	Name     string               `toml:"name"`
	Agencies []partnership.Agency `toml:"agencies"`
	// List is the agencies' names as one phrase, leaving out a name that
	// only repeats the sector's ("Faith groups: Faith Groups").
	List string `toml:"list"`
	// Lines are the agencies, each with why it was named, in sentences.
	Lines []string `toml:"lines"`
}

// Group is a meeting or sub-group with its chair in words.
type Group struct {
	partnership.Group
	// ChairName says who chairs it: chaired_by, or the chairing partner's
	// delegate or lead; empty when the data does not say.
	ChairName string `toml:"chair_name"`
	// ReportsToText is the bodies it reports to, as one phrase.
	ReportsToText string `toml:"reports_to_text"`
	// SharedWithText is the partnerships sharing it, as one phrase.
	SharedWithText string `toml:"shared_with_text"`
	// RotationText says how the chair rotates.
	RotationText string `toml:"rotation_text"`
	// Summary is the group's terms in sentences: who chairs it, how often
	// it meets, when it is quorate and whom it reports to.
	Summary         string `toml:"summary"`
	MembersSentence string `toml:"members_sentence"`
	// ObjectivesLead introduces the objectives in a form that fits them.
	ObjectivesLead string `toml:"objectives_lead"`
}

// Funding is one year's contributions with their total and shares.
type Funding struct {
	Year          string             `toml:"year"`
	Rows          []FundingRow       `toml:"rows"`
	Total         partnership.Money  `toml:"total"`
	DeclaredTotal *partnership.Money `toml:"declared_total"`
	InKind        []string           `toml:"in_kind"`
	Note          string             `toml:"note"`
	// Percent is the total's share as printed: 100% or 100.0%.
	Percent string `toml:"percent"`
}

// FundingRow is one contributor's line of the funding table.
type FundingRow struct {
	Name   string            `toml:"name"`
	Amount partnership.Money `toml:"amount"`
	Share  float64           `toml:"share"`
	// Percent is the share as printed, with one precision for the whole
	// table (format.Shares).
	Percent string `toml:"percent"`
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
	// Named is false for a block given to a lead the data records no
	// endorsement for.
	Named bool `toml:"named"`
}

// Scrutiny is independent scrutiny and chairing.
type Scrutiny struct {
	Scrutineer *Person `toml:"scrutineer"`
	Chair      *Person `toml:"chair"`
	// Lead is who leads independent scrutiny: the scrutineer, or the
	// independent chair when led_by says so.
	Lead *Person `toml:"lead"`
	// ByChair is true when an independent chair leads scrutiny.
	ByChair bool `toml:"by_chair"`
	// ChairRole says the chair also holds a partner's delegate role.
	ChairRole    string   `toml:"chair_role"`
	RotationText string   `toml:"rotation_text"`
	Duties       []string `toml:"duties"`
	Methods      []string `toml:"methods"`
	Planned      []string `toml:"planned"`
	Bodies       []string `toml:"bodies"`
	// LeadSentence says who provides independent scrutiny, and of what.
	LeadSentence string `toml:"lead_sentence"`
	// ScrutineerSentence names the scrutineer when someone else leads
	// scrutiny (an independent chair).
	ScrutineerSentence string `toml:"scrutineer_sentence"`
	DutiesLead         string `toml:"duties_lead"`
	BodiesSentence     string `toml:"bodies_sentence"`
}

// Report is the yearly report's period and publication duties.
type Report struct {
	// Period is "2024-25" for a financial year, "2024" within one year;
	// empty when the data does not say and a date known only to the month
	// or year cannot tell (validation warns).
	Period    string            `toml:"period"`
	Start     partnership.Date  `toml:"start"`
	End       partnership.Date  `toml:"end"`
	Published *partnership.Date `toml:"published"`
	Location  string            `toml:"location"`
	// LocationKnown is false when the data gives no website or location.
	LocationKnown bool        `toml:"location_known"`
	Recipients    []Recipient `toml:"recipients"`
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
	terms := p.Terms()
	st := styler(p)
	v := &View{
		Partnership: Profile{Profile: p.Partnership},
		Edition: Edition{
			Year: ed.Year, Title: ed.Title, Is2023: ed.Year == 2023,
			LeadTerm: ed.LeadTerm, LeadsTerm: ed.LeadTerm + "s",
			DelegateTerm: ed.DelegateTerm, DelegatesTerm: ed.DelegateTerm + "s",
			HealthBody: terms.HealthBody, HealthLead: terms.HealthLead,
		},
		RelevantAgencies: p.RelevantAgencies,
		Boards:           p.Boards,
		Glossary:         p.Glossary,
		Text:             texts(p.Text),
		Points:           points(p.Points),
		Terms:            terms,
		Counts:           Counts{Partners: numberWord(len(p.Partners))},
		Procedures:       p.Procedures,
		Parts:            parts(p),
	}
	v.Edition.LeadLabel = capitalise(ed.LeadTerm)
	v.Edition.DelegateLabel = capitalise(ed.DelegateTerm)
	v.Partnership.Short = firstOf(p.Partnership.ShortName, p.Partnership.Name)
	v.Partnership.ArrangementsName = firstOf(p.Partnership.ArrangementsTitle, "the published arrangements")
	if f := p.Partnership.InForce; f != nil && !f.IsZero() {
		v.Partnership.InForceDate = st(*f).String()
	}
	v.Partnership.Date = st(p.Partnership.Date)
	v.Document = documentOf(p, kind)
	v.Document.Footer = footerText(v.Partnership.Short, p.Partnership.Area, v.Document.Title)
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
	for _, g := range p.TaskGroups {
		v.TaskGroups = append(v.TaskGroups, groupView(p, g))
	}
	for _, fy := range p.Funding {
		v.FundingYears = append(v.FundingYears, fundingView(fy))
	}
	if cur := p.CurrentFunding(); cur != nil {
		f := fundingView(*cur)
		v.Funding = &f
	}
	for _, m := range p.Milestones {
		v.Milestones = append(v.Milestones, Milestone{Label: m.Label, When: milestoneWhen(m, st)})
	}
	v.Signatories = signatories(p, kind)
	for _, s := range signatories(p, Arrangements) {
		if s.Named {
			v.ForewordSignatories = append(v.ForewordSignatories, s)
		}
	}
	v.Scrutiny = scrutinyView(p)
	for _, h := range p.History {
		if h.Document == "" || h.Document == kind || kind == Endorsements {
			h.Date = st(h.Date)
			v.History = append(v.History, h)
		}
	}
	if r := p.Review; r != nil {
		v.Review = reviewView(*r, st)
	}
	v.Report = reportView(p)
	v.Updates = updates(p)
	v.Coverage = coverage(p, kind)
	v.Year = yearView(p, v)
	commitments(p, v)
	sentences(p, v)
	return v
}

// styler returns the function that gives a date the data's date style.
func styler(p *partnership.Partnership) func(partnership.Date) partnership.Date {
	ordinal := p.Partnership.DateStyle == "ordinal"
	return func(d partnership.Date) partnership.Date { return d.Styled(ordinal) }
}

var numberWords = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

// numberWord writes small counts in words, as the prose does.
func numberWord(n int) string {
	if n >= 0 && n < len(numberWords) {
		return numberWords[n]
	}
	return format.Number(int64(n))
}

// list joins phrases as prose: "a", "a and b", "a, b and c".
func list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// commitments fills the partnership's own commitments.
func commitments(p *partnership.Partnership, v *View) {
	if d := p.Disputes; d != nil {
		v.Disputes = &Disputes{Disputes: *d, RegulatorList: list(d.Regulators)}
	}
	if yc := p.YouthCustody; yc != nil {
		y := &YouthCustody{YouthCustody: *yc}
		switch {
		case yc.None:
			y.Sentence = "There is no youth custody establishment in " + p.Partnership.Area + "."
		case len(yc.Establishments) > 0:
			y.Sentence = "These arrangements cover the children held in " + list(yc.Establishments) + ", whoever placed them there."
		}
		for _, h := range yc.Homes {
			line := fmt.Sprintf("There are %s %s", numberWord(h.Count), h.Kind)
			if h.Count == 1 {
				line = "There is one " + h.Kind
			}
			if h.HostedBy != "" {
				line += ", run by " + h.HostedBy
			}
			y.HomeLines = append(y.HomeLines, line+".")
		}
		v.YouthCustody = y
		if len(yc.Establishments) > 0 {
			v.Partnership.SecureEstablishment = true
		}
	}
	if e := p.Education; e != nil {
		v.Education = &Education{Education: *e, IsPartner: e.Place == "partner", IsRelevantAgency: e.Place == "relevant-agency"}
	}
	for _, f := range p.Voice {
		v.Voice = append(v.Voice, Forum{Forum: f, Developing: f.Status == "developing"})
	}
	statuses := map[string]string{"in-place": "in place", "drafting": "being drafted", "planned": "to be developed"}
	for _, a := range p.DataSharing {
		v.DataSharing = append(v.DataSharing, Agreement{Agreement: a, StatusText: statuses[a.Status]})
	}
	if s := p.Structure; s != nil && s.Appendix {
		st := &Structure{Note: s.Note}
		add := func(gs []Group, kind string) {
			for _, g := range gs {
				st.Rows = append(st.Rows, StructureRow{Name: g.Name, Kind: kind, ReportsTo: firstOf(g.ReportsToText, "—")})
			}
		}
		add(v.Meetings, "Governance meeting")
		add(v.Subgroups, "Sub-group")
		add(v.TaskGroups, "Task and finish group")
		v.Structure = st
	}
}

// Review is the review cycle with its one sentence.
type Review struct {
	Last      *partnership.Date `toml:"last"`
	Next      *partnership.Date `toml:"next"`
	Frequency string            `toml:"frequency"`
	// Sentence states the cycle in order: when last reviewed, when next
	// due, then how often after that.
	Sentence string `toml:"sentence"`
}

func reviewView(r partnership.Review, st func(partnership.Date) partnership.Date) *Review {
	out := &Review{Frequency: r.Frequency}
	var parts []string
	if r.Last != nil && !r.Last.IsZero() {
		d := st(*r.Last)
		out.Last = &d
		parts = append(parts, "The arrangements were last reviewed "+on(d))
	}
	if r.Next != nil && !r.Next.IsZero() {
		d := st(*r.Next)
		out.Next = &d
		if len(parts) == 0 {
			parts = append(parts, "The next review of the arrangements is due "+on(d))
		} else {
			parts = append(parts, "the next review is due "+on(d))
		}
	}
	switch {
	case r.Frequency != "" && len(parts) > 0:
		out.Sentence = strings.Join(parts, "; ") + "; after that they are reviewed " + r.Frequency + "."
	case r.Frequency != "":
		out.Sentence = "The arrangements are reviewed " + r.Frequency + "."
	case len(parts) > 0:
		out.Sentence = strings.Join(parts, "; ") + "."
	}
	return out
}

// on puts a date after a verb: "on 10 September 2019", "in March 2025".
func on(d partnership.Date) string {
	if d.Precision == partnership.Day {
		return "on " + d.String()
	}
	return "in " + d.String()
}

func scrutinyView(p *partnership.Partnership) *Scrutiny {
	s := p.Scrutiny
	if s == nil {
		return nil
	}
	out := &Scrutiny{Scrutineer: personPtr(s.Scrutineer), Chair: personPtr(s.Chair),
		Duties: s.Duties, Methods: s.Methods, Planned: s.Planned, Bodies: s.Bodies}
	out.ByChair = s.LedBy == "independent-chair"
	out.Lead = out.Scrutineer
	if out.ByChair && out.Chair != nil {
		out.Lead = out.Chair
	}
	if out.Lead == nil {
		out.Lead = firstPerson(out.Scrutineer, out.Chair)
	}
	if pt := p.Partner(s.ChairPartner); pt != nil {
		out.ChairRole = "the " + p.EditionInfo().DelegateTerm + " for " + pt.Organisation
		if out.Chair == nil && pt.Delegate != nil {
			out.Chair = personPtr(pt.Delegate)
		}
	}
	out.RotationText = rotationText(p, s.Rotation)
	return out
}

func firstPerson(ps ...*Person) *Person {
	for _, p := range ps {
		if p != nil {
			return p
		}
	}
	return nil
}

// rotationText says how a chair rotates: "in turn, for one year each, between
// the representatives of A, B and C, starting with A on 1 April 2025".
func rotationText(p *partnership.Partnership, r *partnership.Rotation) string {
	if r == nil {
		return ""
	}
	var names []string
	for _, id := range r.Partners {
		if pt := p.AnyPartner(id); pt != nil {
			names = append(names, pt.Organisation)
		}
	}
	if len(names) == 0 {
		return ""
	}
	s := "The chair passes in turn between the representatives of " + list(names) + ", for " + r.Term + " each"
	if r.From != nil && !r.From.IsZero() {
		s += ", starting with " + names[0] + " " + on(styler(p)(*r.From))
	}
	return s + "."
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
	if period := reportPeriod(p); kind == YearlyReport && period != "" {
		d.Title += " " + period
	}
	for _, h := range p.History {
		if h.Document != "" && h.Document != kind {
			continue
		}
		if d.Version == "" || !h.Date.Time.Before(d.Date.Time) {
			d.Version, d.Date = h.Version, h.Date
		}
	}
	d.Date = styler(p)(d.Date)
	d.ThisTitle = thisTitle(d)
	d.Described = "the arrangements it describes"
	if kind == Arrangements {
		d.Described = "them"
	}
	d.Past = kind == YearlyReport
	return d
}

func person(p partnership.Person) Person {
	out := Person{Name: p.Name, Title: p.Title, Display: p.Name, Phrase: p.Name}
	switch {
	case p.Name != "" && p.Title != "":
		out.Display = p.Name + ", " + p.Title
		out.Phrase = out.Display
	case p.Name == "":
		out.Display = p.Title
		out.Phrase = "the " + p.Title
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
	var names []string
	for _, d := range append([]partnership.Person{derefPerson(pt.Delegate)}, pt.Delegates...) {
		if d.Name != "" || d.Title != "" {
			v.Delegates = append(v.Delegates, person(d))
			names = append(names, person(d).Display)
		}
	}
	if v.Delegate == nil && len(v.Delegates) > 0 {
		v.Delegate = &v.Delegates[0]
	}
	// No delegate in the data is not the same as none delegated.
	v.DelegateList = firstOf(strings.Join(names, "; "), "—")
	return v
}

func derefPerson(p *partnership.Person) partnership.Person {
	if p == nil {
		return partnership.Person{}
	}
	return *p
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
			sec := Sector{Name: sectorNames[s], Agencies: in}
			var names []string
			for _, a := range in {
				if strings.EqualFold(strings.TrimSpace(a.Name), sectorNames[s]) {
					sec.Name = a.Name // the data's own capitals
				} else {
					names = append(names, a.Name)
				}
				sec.Lines = append(sec.Lines, agencyLine(a))
			}
			sec.List = strings.Join(names, "; ")
			out = append(out, sec)
		}
	}
	return out
}

func groupView(p *partnership.Partnership, g partnership.Group) Group {
	v := Group{Group: g, ChairName: g.ChairedBy, ReportsToText: list(g.ReportsTo),
		SharedWithText: list(g.SharedWith), RotationText: rotationText(p, g.Rotation)}
	if pt := p.AnyPartner(g.Chair); pt != nil && v.ChairName == "" {
		who := pt.Lead
		if pt.Delegate != nil {
			who = pt.Delegate
		}
		if who != nil {
			v.ChairName = person(*who).Phrase + " (" + pt.Organisation + ")"
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
	sharesOf(&f)
	return f
}

func milestoneWhen(m partnership.Milestone, st func(partnership.Date) partnership.Date) string {
	switch {
	case m.Date == nil || m.Date.IsZero():
		return m.Note
	case m.Note == "":
		return st(*m.Date).String()
	}
	return st(*m.Date).String() + " " + m.Note
}

// signatories are the endorsements of this document (of every document,
// for the endorsement pages), in the data's order. Every statutory partner
// signs: for a document some partners have endorsed, each partner that has
// not gets a block for its lead, undated (validation warns); a document no
// one has endorsed gives every lead one — the MOU's blocks stand for the
// endorsement pages when the data records no endorsement at all. A
// signature-ready page either way.
func signatories(p *partnership.Partnership, kind string) []Signatory {
	docs := []string{kind}
	if kind == Endorsements {
		docs = []string{MOU, Arrangements, YearlyReport}
	}
	var out []Signatory
	for _, doc := range docs {
		signed := map[string]bool{}
		var these []Signatory
		for _, e := range p.Endorsements {
			if e.Document != doc && !(e.Document == "" && doc == MOU) {
				continue
			}
			signed[e.Partner] = true
			s := Signatory{Signatory: e.Signatory, Title: e.Title, Document: documentOf(p, doc), Named: true}
			if e.Date != nil && !e.Date.IsZero() {
				d := styler(p)(*e.Date)
				s.Date = &d
			}
			if pt := p.Partner(e.Partner); pt != nil {
				s.Organisation = pt.Organisation
			}
			these = append(these, s)
		}
		if len(these) == 0 && (kind == Endorsements && (doc != MOU || len(p.Endorsements) > 0) || kind == Arrangements) {
			continue
		}
		for _, pt := range p.Partners {
			if signed[pt.ID] {
				continue
			}
			s := Signatory{Organisation: pt.Organisation, Document: documentOf(p, doc)}
			if pt.Lead != nil {
				s.Signatory, s.Title = pt.Lead.Name, pt.Lead.Title
			}
			if s.Signatory == "" {
				s.Signatory = s.Title
				s.Title = ""
			}
			these = append(these, s)
		}
		out = append(out, these...)
	}
	return out
}

// reportPeriod names the report's period: "2024-25" for a financial year,
// "2024" for a period within one calendar year; empty when unknown.
func reportPeriod(p *partnership.Partnership) string {
	start, end, ok := reportDates(p)
	if !ok {
		return ""
	}
	if start.Year() == end.Year() {
		return start.Format("2006")
	}
	return start.Format("2006") + "-" + end.Format("06")
}

// reportDates is the period in [report]; without one, the rest of the
// financial year in which the arrangements began, when that day is known.
// A date known only to the month or year gives no period: guessing would
// print a report that starts before the arrangements did.
func reportDates(p *partnership.Partnership) (time.Time, time.Time, bool) {
	if r := p.Report; r != nil && !r.Start.IsZero() && !r.End.IsZero() {
		return r.Start.Time, r.End.Time, true
	}
	began, ok := p.Began()
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	y := began.Year()
	if began.Month() < time.April {
		y--
	}
	return began, time.Date(y+1, 3, 31, 0, 0, 0, 0, time.UTC), true
}

func reportView(p *partnership.Partnership) Report {
	st := styler(p)
	start, end, known := reportDates(p)
	r := Report{Period: reportPeriod(p)}
	if known {
		r.Start, r.End = st(partnership.NewDate(start.Date())), st(partnership.NewDate(end.Date()))
	}
	recipients := p.EditionInfo().Recipients
	if p.Report != nil {
		if pub := p.Report.Published; pub != nil && !pub.IsZero() {
			d := st(*pub)
			r.Published = &d
		}
		r.Location = p.Report.Location
		if len(p.Report.Recipients) > 0 {
			recipients = p.Report.Recipients
		}
	}
	if r.Location == "" {
		r.Location = p.Partnership.Website
	}
	r.LocationKnown = r.Location != ""
	// The What Works Centre's name follows the report's own date.
	when := end
	if r.Published != nil {
		when = r.Published.Time
	}
	if !known && r.Published == nil {
		when = p.Partnership.Date.Time
	}
	whatWorks := partnership.TermsAt(when).WhatWorks
	for _, rc := range recipients {
		name := rc.Name
		if (p.Report == nil || len(p.Report.Recipients) == 0) && (strings.Contains(name, "What Works") || strings.HasPrefix(name, "Foundations")) {
			name = whatWorks
		}
		out := Recipient{Name: name, WithinDays: rc.WithinDays}
		if pub := r.Published; pub != nil && pub.Precision == partnership.Day {
			by := st(partnership.NewDate(pub.Time.AddDate(0, 0, rc.WithinDays).Date()))
			out.By = &by
		}
		r.Recipients = append(r.Recipients, out)
	}
	if pub := r.Published; pub != nil && pub.Precision == partnership.Day {
		next := st(partnership.NewDate(pub.Time.AddDate(1, 0, -1).Date()))
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

// points gives every section id an entry, so templates may name any.
func points(local map[string][]string) map[string][]string {
	out := make(map[string][]string, len(partnership.Sections))
	for _, s := range partnership.Sections {
		out[TextKey(s.ID)] = nil
	}
	for id, ps := range local {
		out[TextKey(id)] = ps
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
