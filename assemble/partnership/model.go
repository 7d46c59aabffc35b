// Package partnership holds the data model of a Safeguarding Children
// Partnership and everything that turns TOML files into a checked model.
//
// Data flows in one direction:
//
//	files ─ load.go ─▶ merged TOML tree + key index (file:line of every path)
//	      ─ decode.go ─▶ *Partnership (unknown keys and wrong types are findings)
//	      ─ validate.go (field rules, validator/v10) + rules.go (domain rules) ─▶ Findings
//	      ─ derive.go ─▶ totals, shares, current funding year, template data
//
// Every problem is a Finding with file, line, the field path
// (`partners[2].delegate.name`, 0-based indices) and a plain English sentence.
// The struct tags are the single source of truth: `toml` names the key,
// `validate` holds the field rules and `doc` the description used by the
// JSON Schema, the starter file and the messages.
package partnership

import "strings"

// Partnership is one partnership's data file (or folder of files).
type Partnership struct {
	Partnership      Profile             `toml:"partnership" validate:"required" doc:"The partnership itself: names, area, guidance edition, document date, vision."`
	Geography        *Geography          `toml:"geography" doc:"The area covered and its figures."`
	Partners         []Partner           `toml:"partners" validate:"required,min=1,dive" doc:"The statutory safeguarding partners: local authority, health (ICB or CCG) and police."`
	RelevantAgencies []Agency            `toml:"relevant_agencies" validate:"dive" doc:"Relevant agencies named in the arrangements."`
	Boards           []Board             `toml:"boards" validate:"dive" doc:"Linked boards and wider partnerships."`
	Meetings         []Group             `toml:"meetings" validate:"dive" doc:"Governance meetings (leaders' group, board, accountability meeting)."`
	Subgroups        []Group             `toml:"subgroups" validate:"dive" doc:"Sub-groups and task groups."`
	Funding          []FundingYear       `toml:"funding" validate:"dive" doc:"Funding by financial year."`
	Milestones       []Milestone         `toml:"milestones" validate:"dive" doc:"Milestones of the arrangements, in order."`
	Endorsements     []Endorsement       `toml:"endorsements" validate:"dive" doc:"Who signs which document, and when."`
	Scrutiny         *Scrutiny           `toml:"scrutiny" doc:"Independent scrutiny and the partnership chair."`
	Review           *Review             `toml:"review" doc:"When the arrangements were last reviewed and are next due."`
	Glossary         []Term              `toml:"glossary" validate:"dive" doc:"Abbreviations used in the documents."`
	History          []Version           `toml:"history" validate:"dive" doc:"Document history: one entry per published version."`
	Report           *Report             `toml:"report" doc:"The yearly report: period covered and publication."`
	Year             *ReportYear         `toml:"year" doc:"What happened during the yearly report's period: work on each priority, reviews, audits, training, attendance, spending, scrutiny, the voice of children and families, and next year's priorities."`
	Text             map[string]string   `toml:"text" doc:"Local wording that replaces a section's default prose, keyed by section id (see mou schema / README)."`
	Points           map[string][]string `toml:"points" doc:"Local commitments added to a section, keyed by section id: each entry is printed as a paragraph after the section's wording, in the order given."`
	Members          []Member            `toml:"members" validate:"dive" doc:"Members who are not statutory partners (education, voluntary sector, adult services)."`
	TaskGroups       []Group             `toml:"task_groups" validate:"dive" doc:"Task and finish groups: short-lived groups on one priority or theme."`
	Disputes         *Disputes           `toml:"disputes" doc:"How disagreements are resolved: the policy, the escalation route and the arbitration body."`
	YouthCustody     *YouthCustody       `toml:"youth_custody" doc:"Youth custody establishments and children's homes in the area."`
	ChildDeath       *ChildDeath         `toml:"child_death" doc:"Child death review: the footprint and who runs the panel."`
	Education        *Education          `toml:"education" doc:"How early years settings, schools and colleges take part."`
	Audits           []Audit             `toml:"audits" validate:"dive" doc:"Audit programmes the partnership runs or relies on."`
	Voice            []Forum             `toml:"voice" validate:"dive" doc:"Forums that bring the voice of children and families into the partnership."`
	DataSharing      []Agreement         `toml:"data_sharing" validate:"dive" doc:"Information or data sharing agreements and their status."`
	Procedures       *Procedures         `toml:"procedures" doc:"The multi-agency procedures, threshold document and escalation policy, by name."`
	Structure        *Structure          `toml:"structure" doc:"The arrangements' structure appendix."`
	DeliveryBodies   []DeliveryBody      `toml:"delivery_bodies" validate:"dive" doc:"Organisations that deliver services on a statutory partner's behalf, e.g. a council-owned children's services company."`
	FundingTerms     *FundingTerms       `toml:"funding_terms" doc:"What the partners agreed about funding beyond the amounts: how shares are set, how often they are agreed, what happens when one is not paid, where they are published."`
	Decisions        []Decision          `toml:"decisions" validate:"dive" doc:"The scheme of delegation: which decisions are taken by whom."`
	Inspections      []Inspection        `toml:"inspections" validate:"dive" doc:"Inspection frameworks the partnership answers to, e.g. joint targeted area inspections."`
	Locals           []LocalPartnership  `toml:"local_partnerships" validate:"dive" doc:"For a pan-area executive: the local partnerships under it, each building its own documents and yearly report, with the executive's meetings and sub-groups shared between them."`

	src       *sources        // where every path came from; nil for models built in code
	executive *Partnership    // for a local partnership (Local): the executive it comes from
	undecoded map[string]bool // paths already reported as unreadable
}

// reported reports whether path, or a path inside it, was already reported
// as unreadable: rules then stay quiet rather than repeat the problem.
func (p *Partnership) reported(path string) bool {
	for q := range p.undecoded {
		if q == path || strings.HasPrefix(q, path+".") || strings.HasPrefix(q, path+"[") {
			return true
		}
	}
	return false
}

// Profile is the [partnership] table.
type Profile struct {
	Name                string     `toml:"name" validate:"required,trimmed" doc:"Full name, e.g. \"Cumbria Safeguarding Children Partnership\"."`
	ShortName           string     `toml:"short_name" validate:"trimmed" doc:"Abbreviation used in the text, e.g. \"CSCP\"."`
	Area                string     `toml:"area" validate:"required,trimmed" doc:"The local authority area covered, e.g. \"Herefordshire\"."`
	Edition             int        `toml:"edition" validate:"required,oneof=2018 2023" doc:"Edition of Working Together to Safeguard Children the documents follow: 2018 or 2023."`
	Date                Date       `toml:"date" validate:"required" doc:"Date the documents carry: 2019-09-10, or a month \"2019-09\" or year \"2019\" when no day is known."`
	Vision              string     `toml:"vision" doc:"The partnership's vision in one sentence."`
	Values              []string   `toml:"values" doc:"Shared values, one per entry."`
	Priorities          []Priority `toml:"priorities" validate:"dive" doc:"Partnership priorities, in order."`
	Website             string     `toml:"website" validate:"omitempty,url" doc:"Web address where documents and yearly reports are published."`
	Contact             string     `toml:"contact" validate:"trimmed" doc:"How a reader asks for a document in another format (large print, easy read, audio) or reports an accessibility problem: an email address, phone number or postal address, e.g. \"safeguarding@anytown.gov.uk\"."`
	ArrangementsTitle   string     `toml:"arrangements_title" doc:"Title of the published arrangements, when the MOU refers to them by name."`
	Predecessor         string     `toml:"predecessor" doc:"What these arrangements replaced, e.g. the former LSCB or a pan-county partnership."`
	SecureEstablishment bool       `toml:"secure_establishment" doc:"true when a secure establishment (youth custody) is in the area: the yearly report then reviews the use of restraint."`
	InForce             *Date      `toml:"in_force" doc:"When the arrangements take effect, when that is not the document date, e.g. 2019-09-29."`
	AllAge              bool       `toml:"all_age" doc:"true for an all-age partnership whose arrangements cover adults at risk as well as children."`
	DateStyle           string     `toml:"date_style" validate:"omitempty,oneof=plain ordinal" doc:"How dates are printed in every document: plain (10 September 2019, the default) or ordinal (10th September 2019)."`
	ArrangementsOrder   []string   `toml:"arrangements_order" doc:"The arrangements' sections in the partnership's own order, by section id; sections left out follow in the default order."`
}

// Priority is one of the partnership's priorities.
type Priority struct {
	Title   string   `toml:"title" validate:"required,trimmed" doc:"The priority as a short heading."`
	Summary string   `toml:"summary" doc:"A sentence or two on why it matters."`
	Actions []string `toml:"actions" doc:"How the partnership will achieve it."`
}

// Geography describes the area.
type Geography struct {
	Description      string   `toml:"description" doc:"How the area is defined, in a sentence."`
	LocalAuthorities []string `toml:"local_authorities" doc:"Local authorities covered."`
	Figures          []Figure `toml:"figures" validate:"dive" doc:"Figures about the area (land area, children, schools)."`
}

// Figure is one number about the area.
type Figure struct {
	Label string  `toml:"label" validate:"required,trimmed" doc:"What is counted, e.g. \"Children and young people aged 0 to 19\"."`
	Value float64 `toml:"value" validate:"gte=0" doc:"The number."`
	Unit  string  `toml:"unit" doc:"Unit printed after the number, e.g. \"square km\"."`
	Note  string  `toml:"note" doc:"A remark printed with the figure."`
}

// Partner kinds.
const (
	KindLocalAuthority = "local-authority"
	KindICB            = "icb"
	KindCCG            = "ccg"
	KindPolice         = "police"
)

// Partner is a statutory safeguarding partner.
type Partner struct {
	ID           string   `toml:"id" validate:"required,slug" doc:"Short stable name used to refer to this partner elsewhere, e.g. \"council\"."`
	Kind         string   `toml:"kind" validate:"required,oneof=local-authority icb ccg police" doc:"local-authority, icb (Integrated Care Board), ccg (Clinical Commissioning Group, before 1 July 2022) or police."`
	Organisation string   `toml:"organisation" validate:"required,trimmed" doc:"The organisation's full name."`
	ShortName    string   `toml:"short_name" validate:"trimmed" doc:"Short label used in tables, e.g. \"Police\"."`
	Lead         *Person  `toml:"lead" validate:"required" doc:"Lead representative (2023: Lead Safeguarding Partner)."`
	Delegate     *Person  `toml:"delegate" doc:"Delegate (2023: Delegated Safeguarding Partner)."`
	Delegates    []Person `toml:"delegates" validate:"dive" doc:"Further delegates, when the lead delegates to more than one person."`
	Footprint    string   `toml:"footprint" doc:"How the organisation's area relates to the partnership's."`
	DecisionBody string   `toml:"decision_body" doc:"Who takes policy and resourcing decisions for this partner."`
}

// Person is someone named by name, title, or both.
type Person struct {
	Name  string `toml:"name" validate:"trimmed" doc:"The person's name."`
	Title string `toml:"title" validate:"trimmed" doc:"Job title."`
}

// Agency sectors.
var Sectors = []string{"education", "early-years", "health", "police", "justice", "local-authority", "fire-rescue", "voluntary", "faith", "sport", "housing", "other"}

// Agency is a relevant agency.
type Agency struct {
	Name      string `toml:"name" validate:"required,trimmed" doc:"The agency's name."`
	Sector    string `toml:"sector" validate:"required,oneof=education early-years health police justice local-authority fire-rescue voluntary faith sport housing other" doc:"education, early-years, health, police, justice, local-authority, fire-rescue, voluntary, faith, sport, housing or other."`
	National  bool   `toml:"national" doc:"true for an agency with a national remit (Cafcass, British Transport Police)."`
	Rationale string `toml:"rationale" doc:"Why the partners chose this agency."`
}

// Board is a linked board or wider partnership.
type Board struct {
	Name    string `toml:"name" validate:"required,trimmed" doc:"The board's name."`
	Purpose string `toml:"purpose" doc:"What the link is for."`
}

// Group is a governance meeting or a sub-group.
type Group struct {
	ID         string    `toml:"id" validate:"omitempty,slug" doc:"Short stable name, e.g. \"lsp-group\"."`
	Name       string    `toml:"name" validate:"required,trimmed" doc:"The group's name."`
	Chair      string    `toml:"chair" doc:"Id of the partner whose representative chairs it."`
	ChairedBy  string    `toml:"chaired_by" doc:"Who chairs it, in words, when it is not one partner (e.g. \"the chief executives of each council\")."`
	Frequency  string    `toml:"frequency" doc:"How often it meets, e.g. \"three times a year\"."`
	Purpose    string    `toml:"purpose" doc:"What it does, in a sentence."`
	Members    []string  `toml:"members" doc:"Who attends."`
	ReportsTo  []string  `toml:"reports_to" doc:"The groups or bodies it reports to (one or more), e.g. [\"Safeguarding Partners Board\"]."`
	Quorum     string    `toml:"quorum" doc:"When a meeting is quorate, e.g. \"one representative of each statutory partner\"."`
	Objectives []string  `toml:"objectives" doc:"Its terms of reference: what it sets out to achieve, one per entry."`
	SharedWith []string  `toml:"shared_with" doc:"Neighbouring partnerships that share this group, e.g. a joint executive."`
	Rotation   *Rotation `toml:"rotation" doc:"When the chair rotates between partners on a schedule."`
}

// Rotation is a chair that passes between partners in turn.
type Rotation struct {
	Partners []string `toml:"partners" validate:"required,min=2" doc:"Ids of the partners whose representatives take the chair, in turn."`
	Term     string   `toml:"term" validate:"required,trimmed" doc:"How long each holds it, e.g. \"one year\"."`
	From     *Date    `toml:"from" doc:"When the first named partner's term starts."`
}

// FundingYear is one financial year's contributions.
type FundingYear struct {
	Year          string       `toml:"year" validate:"required,finyear" doc:"Financial year, e.g. \"2019/20\"."`
	Rows          []FundingRow `toml:"rows" validate:"required,min=1,dive" doc:"One row per contributor."`
	DeclaredTotal *Money       `toml:"declared_total" doc:"The total as published; checked against the sum of the rows."`
	InKind        []string     `toml:"in_kind" doc:"Contributions in kind (training capacity, venues, auditing)."`
	Note          string       `toml:"note" doc:"A remark printed under the table."`

	Total Money `toml:"-"` // sum of the rows (derived)
}

// FundingRow is one contributor's amount.
type FundingRow struct {
	Partner string `toml:"partner" doc:"Id of the contributing partner."`
	Agency  string `toml:"agency" validate:"trimmed" doc:"Name of a contributor that is not a partner (give partner or agency)."`
	Label   string `toml:"label" validate:"trimmed" doc:"Row label as printed; defaults to the partner's short name."`
	Amount  Money  `toml:"amount" validate:"required" doc:"Amount in pounds, e.g. 133600 or 1260.50."`

	Name  string  `toml:"-"` // the label, or the contributor's name (derived)
	Share float64 `toml:"-"` // share of the year's total, 0–1 (derived)
}

// Milestone is a dated step.
type Milestone struct {
	Label string `toml:"label" validate:"required,trimmed" doc:"What happens."`
	Date  *Date  `toml:"date" doc:"When: 2019-06-29, \"2019-09\" or \"2019\"; leave out when not yet known."`
	Note  string `toml:"note" doc:"Printed after the date, e.g. \"onwards\", or instead of it, e.g. \"to be confirmed\"."`
}

// Documents an endorsement can refer to.
var DocumentKinds = []string{"mou", "arrangements", "report"}

// Endorsement is one signatory's endorsement of a document.
type Endorsement struct {
	Partner   string `toml:"partner" validate:"required" doc:"Id of the partner the signatory represents."`
	Signatory string `toml:"signatory" validate:"required,trimmed" doc:"Name of the person signing."`
	Title     string `toml:"title" validate:"required,trimmed" doc:"Their job title."`
	Date      *Date  `toml:"date" doc:"Date signed; leave out to print a blank line to fill in."`
	Document  string `toml:"document" validate:"omitempty,oneof=mou arrangements report" doc:"mou (default), arrangements or report."`
}

// Scrutiny describes independent scrutiny and chairing.
type Scrutiny struct {
	LedBy        string    `toml:"led_by" validate:"omitempty,oneof=scrutineer independent-chair" doc:"Who leads independent scrutiny: scrutineer (an independent scrutineer) or independent-chair (an independent chair of the partnership)."`
	Scrutineer   *Person   `toml:"scrutineer" doc:"The independent scrutineer (or the independent chair who scrutinises)."`
	Chair        *Person   `toml:"chair" doc:"The partnership chair (2023) or independent chair (2018)."`
	ChairPartner string    `toml:"chair_partner" doc:"Id of the partner whose delegate also chairs the partnership (one person in two roles)."`
	Rotation     *Rotation `toml:"rotation" doc:"When the partnership chair rotates between the partners."`
	Duties       []string  `toml:"duties" doc:"What the scrutineer or independent chair does, one duty per entry."`
	Methods      []string  `toml:"methods" doc:"How scrutiny is done now (audits, surveys, peer review)."`
	Planned      []string  `toml:"planned" doc:"How scrutiny will be strengthened."`
	Bodies       []string  `toml:"bodies" doc:"Other bodies that take part in scrutiny, e.g. the council's scrutiny committee."`
	Organisation string    `toml:"organisation" validate:"trimmed" doc:"The organisation that provides independent scrutiny, when it is an organisation rather than a person, e.g. \"the University of Anytown's Centre for Child Protection\"."`
	Scope        string    `toml:"scope" doc:"What the independent scrutiny covers, when it is part of the arrangements only, e.g. \"the arrangements for learning from reviews\"."`
}

// Review records the review cycle of the arrangements.
type Review struct {
	Last      *Date  `toml:"last" doc:"When last reviewed."`
	Next      *Date  `toml:"next" doc:"When next due."`
	Frequency string `toml:"frequency" doc:"How often, e.g. \"every two years\"."`
}

// Term is a glossary entry.
type Term struct {
	Term    string `toml:"term" validate:"required,trimmed" doc:"The abbreviation, e.g. \"CCG\"."`
	Meaning string `toml:"meaning" validate:"required,trimmed" doc:"What it stands for."`
}

// Version is one entry of the document history.
type Version struct {
	Version  string `toml:"version" validate:"required,trimmed" doc:"Version number, e.g. \"1.0\"."`
	Date     Date   `toml:"date" validate:"required" doc:"Date of this version."`
	Summary  string `toml:"summary" validate:"required" doc:"What changed."`
	Document string `toml:"document" validate:"omitempty,oneof=mou arrangements report" doc:"Which document: mou, arrangements or report; leave out when it applies to all."`
	Data     string `toml:"data" validate:"trimmed" doc:"A copy of the data file as it stood for this version, relative to this file, e.g. \"versions/2.0.toml\": later versions are compared with it."`
}

// Report describes the yearly report.
type Report struct {
	Start      Date        `toml:"start" validate:"required" doc:"First day of the period covered, e.g. 2024-04-01."`
	End        Date        `toml:"end" validate:"required" doc:"Last day of the period covered, e.g. 2025-03-31."`
	Published  *Date       `toml:"published" doc:"Publication date, once known."`
	Location   string      `toml:"location" doc:"Where the report is published (defaults to the partnership website)."`
	Recipients []Recipient `toml:"recipients" validate:"dive" doc:"Who receives a copy and within how many days; defaults follow the edition."`
}

// Recipient is a body the yearly report must be sent to.
type Recipient struct {
	Name       string `toml:"name" validate:"required,trimmed" doc:"Who receives the report."`
	WithinDays int    `toml:"within_days" validate:"gte=0" doc:"Days after publication by which it must be sent."`
}
