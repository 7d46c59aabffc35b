package partnership

// The partnership's own commitments: what a real partnership's documents
// say beyond the guidance's defaults. Each has structure where the seeds
// show one (a policy's name, a route, a body, a status); anything else local
// goes in [points], printed beside a section's default wording.

// Member is someone at the partnership's table who is not a statutory partner.
type Member struct {
	Organisation string `toml:"organisation" validate:"required,trimmed" doc:"The organisation or sector represented, e.g. \"Anytown Schools Forum\"."`
	Name         string `toml:"name" validate:"trimmed" doc:"The person's name, when known."`
	Title        string `toml:"title" validate:"trimmed" doc:"Their job title or role."`
	Sits         string `toml:"sits" doc:"Where they sit, e.g. \"Safeguarding Partnership Board\"."`
	Membership   string `toml:"membership" validate:"omitempty,oneof=executive non-executive" doc:"executive (a member who takes decisions with the partners) or non-executive (advises, without a vote), when the partnership distinguishes them."`
}

// DeliveryBody is an organisation that delivers services for a partner.
type DeliveryBody struct {
	Name    string `toml:"name" validate:"required,trimmed" doc:"The organisation, e.g. \"Anytown Children's Services Ltd\"."`
	ActsFor string `toml:"acts_for" validate:"required" doc:"Id of the statutory partner it acts for."`
	Runs    string `toml:"runs" doc:"What it runs for the partner, e.g. \"children's social care, including the front door\"."`
}

// FundingTerms is what the partners agreed about funding beyond the amounts.
type FundingTerms struct {
	Basis     string `toml:"basis" doc:"How the contributions are set, e.g. \"in proportion to each partner's share of the area's population\"."`
	Review    string `toml:"review" doc:"How often the partners agree the budget, e.g. \"each year, before 1 March\"."`
	Shortfall string `toml:"shortfall" doc:"What happens when a partner does not pay its agreed share, e.g. \"the matter goes to the dispute resolution process\"."`
	Published string `toml:"published" doc:"Where each partner's contribution is published, e.g. \"in the yearly report\"."`
}

// Decision is one line of the scheme of delegation.
type Decision struct {
	Decision string `toml:"decision" validate:"required,trimmed" doc:"The decision, e.g. \"commissioning a local child safeguarding practice review\"."`
	By       string `toml:"by" validate:"required,trimmed" doc:"Who takes it, e.g. \"the Lead Safeguarding Partners, on the advice of the Learning from Reviews Group\"."`
}

// Inspection is an inspection framework the partnership answers to.
type Inspection struct {
	Name string `toml:"name" validate:"required,trimmed" doc:"The framework, e.g. \"Joint targeted area inspection (JTAI)\"."`
	By   string `toml:"by" doc:"The inspectorates that carry it out, e.g. \"Ofsted, the Care Quality Commission and HMICFRS\"."`
}

// Disputes is the dispute resolution and escalation process.
type Disputes struct {
	Policy         string   `toml:"policy" doc:"The name of the policy for resolving disagreements between partners and agencies."`
	PolicyNote     string   `toml:"policy_note" doc:"A remark on the policy, e.g. \"to be reviewed for the new arrangements\"."`
	SinglePoint    string   `toml:"single_point" doc:"How the partners choose one of them to lead on an issue, e.g. \"at the Lead Safeguarding Partners Group, or virtually when urgent\"."`
	Route          []string `toml:"route" doc:"The escalation route, one step per entry, in order."`
	Arbitration    string   `toml:"arbitration" doc:"The body independent arbitration may be sought from, e.g. \"the Chartered Institute of Arbitrators\"."`
	Regulators     []string `toml:"regulators" doc:"Inspectorates and regulators that hold partners to account, as the document names them."`
	PracticePolicy string   `toml:"practice_policy" doc:"The practitioners' escalation protocol for disagreements about a child, by name."`
}

// YouthCustody is youth custody and residential homes in the area.
type YouthCustody struct {
	None           bool     `toml:"none" doc:"true when there is no youth custody establishment in the area."`
	Establishments []string `toml:"establishments" doc:"Youth custody establishments in the area (secure children's homes, young offender institutions), by name."`
	Homes          []Homes  `toml:"homes" validate:"dive" doc:"Children's homes in the area, by kind."`
}

// Homes is a group of children's homes of one kind.
type Homes struct {
	Kind     string `toml:"kind" validate:"required,trimmed" doc:"What they are, e.g. \"local authority children's homes\" or \"short breaks homes\"."`
	Count    int    `toml:"count" validate:"gte=0" doc:"How many are in the area."`
	HostedBy string `toml:"hosted_by" doc:"The authority that runs them, when it is not the partnership's own."`
}

// ChildDeath is the child death review arrangement.
type ChildDeath struct {
	Panel          string `toml:"panel" doc:"The panel's name, e.g. \"Cumbria Child Death Overview Panel\"."`
	Footprint      string `toml:"footprint" doc:"The area the panel covers, e.g. \"the whole of Cumbria\"."`
	Reason         string `toml:"reason" doc:"Why that footprint, e.g. \"the relatively low number of child deaths\"."`
	AdministeredBy string `toml:"administered_by" doc:"Who administers the panel, when another partnership does."`
}

// Education is how education settings take part.
type Education struct {
	Place     string     `toml:"place" validate:"omitempty,oneof=partner relevant-agency" doc:"partner when the partnership treats education as a key partner, relevant-agency when settings are named as relevant agencies."`
	Group     string     `toml:"group" doc:"The group through which schools take part, e.g. \"Keeping Children Safe in Education Partnership\"."`
	Alliances []Alliance `toml:"alliances" validate:"dive" doc:"Named alliances or forums that lead for the sector."`
	Networks  []string   `toml:"networks" doc:"Networks of designated safeguarding leads, by setting."`
	Assurance []string   `toml:"assurance" doc:"How the partnership seeks assurance on schools' safeguarding."`
}

// Alliance is a named body that leads for education.
type Alliance struct {
	Name string `toml:"name" validate:"required,trimmed" doc:"The alliance's name."`
	Role string `toml:"role" doc:"What it does for the partnership."`
}

// Audit is an audit programme.
type Audit struct {
	Name    string `toml:"name" validate:"required,trimmed" doc:"The programme, e.g. \"Section 11 safeguarding audits\"."`
	LedBy   string `toml:"led_by" doc:"The group that leads it."`
	Purpose string `toml:"purpose" doc:"What it tells the partners."`
}

// Forum brings the voice of children and families to the partnership.
type Forum struct {
	Name    string `toml:"name" validate:"required,trimmed" doc:"The forum, e.g. \"Young Perspectives Board\"."`
	Purpose string `toml:"purpose" doc:"What it does."`
	Status  string `toml:"status" validate:"omitempty,oneof=established developing" doc:"established (the default) or developing."`
}

// Agreement is an information or data sharing agreement.
type Agreement struct {
	Name   string `toml:"name" validate:"required,trimmed" doc:"The agreement, e.g. \"Information Sharing Agreement\"."`
	Status string `toml:"status" validate:"required,oneof=in-place drafting planned" doc:"in-place, drafting (being developed) or planned."`
	With   string `toml:"with" doc:"Who it is with, when not only the partners."`
	Scope  string `toml:"scope" doc:"What it covers."`
}

// Procedures names the documents practitioners work to.
type Procedures struct {
	Manual           string `toml:"manual" doc:"The multi-agency procedures, by name."`
	Threshold        string `toml:"threshold" doc:"The threshold document, by name, e.g. \"The Threshold of Need\"."`
	ThresholdAges    string `toml:"threshold_ages" doc:"Ages the threshold document covers, e.g. \"pre-birth up to 18\"."`
	EscalationPolicy string `toml:"escalation_policy" doc:"The escalation policy for disagreements about a child's needs, by name."`
}

// Structure is the arrangements' structure appendix.
type Structure struct {
	Appendix bool   `toml:"appendix" doc:"true to end the arrangements with a structure appendix listing each group and whom it reports to."`
	Note     string `toml:"note" doc:"A sentence printed above the structure."`
}
