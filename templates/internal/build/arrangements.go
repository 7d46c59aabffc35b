package build

// The published multi-agency safeguarding arrangements. The default order of
// the sections is that of the Westmorland and Furness 2025 seed, which
// follows the guidance's list; a partnership may give its own order
// ([partnership] arrangements_order), so the body is one loop over the parts
// in which each part prints only its own section.
func arrangements() *doc {
	d := &doc{title: "{{document.title}}", subject: "{{partnership.name}}"}
	cover(d, "{{partnership.name}}")
	d.pageBreak()
	d.contents()
	d.pageBreak()

	d.tag("{{#each parts}}")
	for _, part := range arrangementParts {
		d.tag("{{#if is_" + textKey(part.id) + "}}")
		part.write(d)
		d.tag("{{/if}}")
	}
	d.tag("{{/each}}")
	return d
}

// arrangementParts are the sections, by the ids of partnership.ArrangementsParts.
var arrangementParts = []struct {
	id    string
	write func(*doc)
}{
	{"foreword", foreword},
	{"background", background},
	{"partners", statutoryPartners},
	{"geography", geography},
	{"aims", aims},
	{"legislation", legislation},
	{"governance", arrangementsGovernance},
	{"relevant-agencies", relevantAgencies},
	{"boards", widerPartnerships},
	{"education", education},
	{"funding", arrangementsFunding},
	{"disputes", arrangementsDisputes},
	{"scrutiny", independentScrutiny},
	{"data", dataIntelligence},
	{"training", training},
	{"reviews", practiceReviews},
	{"audit", audit},
	{"task-groups", taskGroups},
	{"voice", voice},
	{"procedures", procedures},
	{"threshold", threshold},
	{"youth-custody", youthCustody},
	{"child-death", childDeath},
	{"review", reviewOfArrangements},
	{"milestones", milestones},
	{"glossary", glossary},
	{"history", arrangementsHistory},
	{"structure", structure},
}

func foreword(d *doc) {
	d.h1("Foreword")
	section(d, "foreword",
		"These are the arrangements the safeguarding partners in {{partnership.area}} have made to work together, and with every agency that has a part to play, so that children are safe and their welfare is promoted. They say who leads, how decisions are made, how we learn when things go wrong and how we check that what we do makes a difference to children and families.",
		"We are jointly and equally responsible for them, and we commit our organisations to them.",
	)
	d.tag("{{#each foreword_signatories}}")
	d.styled("SignatoryName", props{keepNext: true}, "{{signatory}}")
	d.p("{{#if title}}{{title}}, {{/if}}{{organisation}}")
	d.tag("{{/each}}")
}

func background(d *doc) {
	d.h1("Background")
	section(d, "background",
		"The Children and Social Work Act 2017 replaced Local Safeguarding Children Boards with safeguarding partners: the local authority, the {{edition.health_body}} and the chief officer of police for the area. The partners must make arrangements, with the relevant agencies they name, to safeguard and promote the welfare of children, and publish them. {{edition.title}} is the statutory guidance they follow.",
	)
	d.tag("{{#if partnership.predecessor}}")
	d.p("These arrangements replace {{partnership.predecessor}}.")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.in_force_date}}")
	d.p("They are in force from {{partnership.in_force_date}}.")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.all_age}}")
	d.p("The partnership is an all-age partnership: these arrangements cover adults at risk in {{partnership.area}} as well as children.")
	d.tag("{{/if}}")
}

func statutoryPartners(d *doc) {
	d.h1("The statutory partners")
	d.text("partners",
		"The {{edition.leads_term}} for {{partnership.area}}, and the {{edition.delegates_term}} who act for them, are:",
	)
	partnersTable(d)
	points(d, "partners")
	d.p("Each can speak with authority for their organisation, take decisions that commit it on policy, resources and practice, and hold it to account for how well it carries out the arrangements. A lead who delegates remains accountable for what is done on their organisation's behalf.")
	d.tag("{{#if edition.is_2023}}")
	d.p("The {{edition.leads_term}} review and sign off these arrangements, including the plans for independent scrutiny, and the {{edition.delegates_term}} carry out the partnership's functions jointly on their behalf.")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.chair}}")
	d.p("The partnership is chaired by {{scrutiny.chair.phrase}}{{#if scrutiny.chair_role}}, {{scrutiny.chair_role}}{{/if}}.")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.rotation_text}}")
	d.p("{{scrutiny.rotation_text}}")
	d.tag("{{/if}}")
	membersList(d)
	d.tag("{{#each partners}}")
	d.tag("{{#if footprint}}")
	d.p("{{organisation}}: {{footprint}}.")
	d.tag("{{/if}}")
	d.tag("{{/each}}")
}

func geography(d *doc) {
	d.tag("{{#if geography}}")
	d.h1("Geographical area")
	section(d, "geography",
		"{{#if geography.description}}{{geography.description}}{{else}}The arrangements cover the whole of {{partnership.area}}.{{/if}}",
	)
	d.tag("{{#if geography.local_authorities}}")
	d.p("Local authorities covered: {{geography.local_authorities | join \", \"}}.")
	d.tag("{{/if}}")
	d.tag("{{#if geography.figures}}")
	leadIn(d, "The area in figures:")
	d.table([]int{4000, 1800, 3226},
		[]cell{c("What is counted"), c("Figure"), c("Note")},
		[]cell{c("{{#each geography.figures}}{{label}}"), c("{{value | number}}{{#if unit}} {{unit}}{{/if}}"), c("{{note}}{{/each}}")},
	)
	d.tag("{{/if}}")
	d.tag("{{/if}}")
}

func aims(d *doc) {
	d.h1("Aims and objectives")
	section(d, "aims",
		"The partners aim to make sure that every child in {{partnership.area}} gets the help they need as early as possible, that practitioners from every agency work as one around the child, and that the partnership learns and improves from what children, families and practitioners tell it.",
	)
	d.tag("{{#if partnership.vision}}")
	d.p("Our vision: **{{partnership.vision}}**")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.values}}")
	leadIn(d, "Our shared values are these:")
	d.tag("{{#each partnership.values}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.priorities}}")
	d.h2("Our priorities")
	d.tag("{{#each partnership.priorities}}")
	d.h3("{{@number}}. {{title}}")
	d.tag("{{#if summary}}")
	d.p("{{summary}}")
	d.tag("{{/if}}")
	d.tag("{{#if actions}}")
	leadIn(d, "We will achieve this by:")
	d.tag("{{#each actions}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func legislation(d *doc) {
	d.h1("Legislative context")
	section(d, "legislation",
		"The arrangements rest on the Children Act 1989 and the Children Act 2004 as amended by the Children and Social Work Act 2017, which created the safeguarding partners, the duty on relevant agencies to act in line with the arrangements, and the national Child Safeguarding Practice Review Panel; the Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018 list the agencies that may be named. {{edition.title}} is the statutory guidance the partners must follow, alongside the Child Death Review statutory guidance.",
	)
}

func arrangementsGovernance(d *doc) {
	d.h1("Governance")
	section(d, "governance",
		"The partners meet regularly to lead the arrangements, and delegate the detailed work to the groups below. Each group has terms of reference and reports on its work to the partners.",
	)
	governance(d)
}

func relevantAgencies(d *doc) {
	d.tag("{{#if relevant_agencies}}")
	d.h1("Relevant agencies")
	section(d, "relevant-agencies",
		"The partners have named these relevant agencies because their work with children and families is needed to safeguard children in the area. Each must act in line with the arrangements: take part in the partnership's work, provide information the partners ask for, follow the partnership's procedures, keep sound safeguarding policies of its own, and show the partners evidence of all this, including through multi-agency audits.",
	)
	leadIn(d, "The relevant agencies, by sector:")
	d.tag("{{#each agency_sectors}}")
	d.h3("{{name}}")
	d.tag("{{#each agencies}}")
	d.bullet("{{name}}{{#if national}} (national){{/if}}{{#if rationale}}: {{rationale}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func widerPartnerships(d *doc) {
	d.tag("{{#if boards}}")
	d.h1("Wider partnerships")
	d.text("boards",
		"The partnership works with the other strategic boards and partnerships in the area, so that plans are aligned and each knows what the others are doing for children and families. They are:",
	)
	d.tag("{{#each boards}}")
	d.bullet("{{name}}{{#if purpose}}: {{purpose}}{{/if}}")
	d.tag("{{/each}}")
	points(d, "boards")
	// Agreements with the wider partnerships belong here; the partners'
	// own ones under data and intelligence.
	d.tag("{{#each data_sharing}}")
	d.tag("{{#if with}}")
	d.p("{{name}}, with {{with}}: {{status_text}}.{{#if scope}} It covers {{scope}}.{{/if}}")
	d.tag("{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func education(d *doc) {
	d.h1("Schools and education")
	section(d, "education",
		"Early years settings, schools, colleges and other educational settings see children every day and are central to these arrangements. They take part in the partnership's groups, their designated safeguarding leads are supported and trained through it, and they contribute to audits and reviews.",
	)
	d.tag("{{#if education.is_partner}}")
	d.p("The partnership treats education as a key partner, alongside the statutory partners, rather than as one relevant agency among others.")
	d.tag("{{/if}}")
	d.tag("{{#if education.is_relevant_agency}}")
	d.p("Education settings are named as relevant agencies and take part on that footing.")
	d.tag("{{/if}}")
	d.tag("{{#if education.group}}")
	d.p("Schools and education providers take part through the {{education.group}}.")
	d.tag("{{/if}}")
	d.tag("{{#each education.alliances}}")
	d.p("**{{name}}**{{#if role}}: {{role}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{#if education.networks}}")
	d.p("Networks of designated safeguarding leads: {{education.networks | join \"; \"}}.")
	d.tag("{{/if}}")
	d.tag("{{#if education.assurance}}")
	d.p("The partnership seeks assurance on safeguarding in education through: {{education.assurance | join \"; \"}}.")
	d.tag("{{/if}}")
}

func arrangementsFunding(d *doc) {
	d.h1("Funding")
	section(d, "funding",
		"The partners fund the arrangements jointly, in equitable and proportionate shares that they agree each year, and set out each partner's contribution openly. Relevant agencies may contribute in money or in kind.",
	)
	d.tag("{{#if edition.is_2023}}")
	d.p("The {{edition.leads_term}} agree and sign off the shared budget, and the contribution of each partner and relevant agency is set out in the yearly report, so that children, families and the public can see how the arrangements are paid for.")
	d.tag("{{/if}}")
	fundingTable(d)
}

func arrangementsDisputes(d *doc) {
	d.h1("Dispute resolution")
	section(d, "disputes",
		"The partners and relevant agencies resolve disagreements about the arrangements locally and as close to the issue as possible, escalating only when that fails.",
	)
	disputeFacts(d)
}

func independentScrutiny(d *doc) {
	d.h1("Independent scrutiny")
	section(d, "scrutiny",
		"Independent scrutiny checks whether the arrangements are working for children and families, including the arrangements to identify and review serious cases, supports the partners to reflect and improve, and reports its findings in the yearly report.",
	)
	scrutinyFacts(d)
}

func dataIntelligence(d *doc) {
	d.h1("Data and intelligence")
	section(d, "data",
		"The partners collect and analyse shared data on the help children receive, from early help to children in care and care leavers, and use it to set priorities, to target audits and to test whether changes have worked.",
	)
	d.tag("{{#each data_sharing}}")
	d.tag("{{#unless with}}")
	d.p("{{name}}: {{status_text}}.{{#if scope}} It covers {{scope}}.{{/if}}")
	d.tag("{{/unless}}")
	d.tag("{{/each}}")
}

func training(d *doc) {
	d.h1("Training")
	section(d, "training",
		"The partners commission multi-agency training based on what reviews, audits and data show practitioners need, deliver it through the partnership, and evaluate whether it changes practice.",
	)
}

func practiceReviews(d *doc) {
	d.h1("Local child safeguarding practice reviews")
	section(d, "reviews",
		"The local authority notifies the national Child Safeguarding Practice Review Panel of serious incidents within five working days of learning of them. The partners hold a rapid review, send it to the Panel, and decide whether to commission a local child safeguarding practice review. Reviews are published unless there is a good reason not to, and their learning is built into training, procedures and practice.",
	)
}

func audit(d *doc) {
	d.h1("Multi-agency audit")
	section(d, "audit",
		"A programme of multi-agency audits looks at the quality of practice in individual cases and across agencies. Findings go to the partners and shape training and procedures.",
	)
	d.tag("{{#if audits}}")
	leadIn(d, "The audit programmes are:")
	d.tag("{{#each audits}}")
	d.bullet("**{{name}}**{{#if led_by}}, led by the {{led_by}}{{/if}}{{#if purpose}}: {{purpose}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func taskGroups(d *doc) {
	d.tag("{{#if task_groups}}")
	d.h1("Task and finish groups")
	section(d, "task-groups",
		"The partners set up task and finish groups for a limited time to work on a priority or an emerging theme, and close each one when its work is done.",
	)
	d.tag("{{#each task_groups}}")
	d.h3("{{name}}")
	groupTerms(d)
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func voice(d *doc) {
	d.h1("Voice of children and families")
	section(d, "voice",
		"Children, young people and families are asked how the help they received felt to them, and their views shape priorities, reviews and scrutiny.",
	)
	voiceForums(d)
}

func procedures(d *doc) {
	d.h1("Multi-agency procedures")
	section(d, "procedures",
		"Practitioners follow the partnership's multi-agency safeguarding procedures{{#if procedures.manual}}, {{procedures.manual}},{{/if}} which the partners keep up to date with the law, the guidance and local learning.",
	)
}

func threshold(d *doc) {
	d.h1("Threshold of need")
	section(d, "threshold",
		"The threshold document{{#if procedures.threshold}}, {{procedures.threshold}},{{/if}} describes the levels of need{{#if procedures.threshold_ages}} of children from {{procedures.threshold_ages}}{{/if}} and the help available at each, so that every agency makes the same judgement about when and how to act.",
	)
	d.tag("{{#if edition.is_2023}}")
	d.p("The {{edition.leads_term}} sign off the threshold document.")
	d.tag("{{/if}}")
	d.tag("{{#if procedures.escalation_policy}}")
	d.p("Anyone who believes a child's needs are not recognised can use {{procedures.escalation_policy}}.")
	d.tag("{{/if}}")
}

func youthCustody(d *doc) {
	d.h1("Youth custody and residential homes")
	section(d, "youth-custody",
		"{{#if youth_custody}}{{youth_custody.sentence}}{{else}}The partners agree with any youth custody establishment and residential children's home in the area how the children there are kept safe.{{/if}}",
	)
	d.tag("{{#if youth_custody.home_lines}}")
	leadIn(d, "Children's homes in the area:")
	d.tag("{{#each youth_custody.home_lines}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func childDeath(d *doc) {
	d.h1("Child death review")
	section(d, "child-death",
		"The local authority and the {{edition.health_body}} are the child death review partners: they review the death of every child normally resident in the area so that lessons are learnt and acted on.",
	)
	d.tag("{{#if child_death}}")
	d.p("{{#if child_death.panel}}{{child_death.panel}} reviews{{else}}A child death overview panel reviews{{/if}} child deaths {{#if child_death.footprint}}for {{child_death.footprint}}{{else}}for the area{{/if}}{{#if child_death.reason}}, because of {{child_death.reason}}{{/if}}.{{#if child_death.administered_by}} It is administered by {{child_death.administered_by}}.{{/if}}")
	d.tag("{{/if}}")
}

func reviewOfArrangements(d *doc) {
	d.h1("Review of the arrangements")
	section(d, "review",
		"The partners review these arrangements and publish a revised version when anything significant changes, including new statutory guidance.",
	)
	d.tag("{{#if review.sentence}}")
	d.p("{{review.sentence}}")
	d.tag("{{/if}}")
	d.p("Each year the partners publish a yearly report on what they have done and how effective the arrangements have been, at {{report.location}}.")
}

func milestones(d *doc) {
	d.tag("{{#if milestones}}")
	d.h1("Milestones")
	leadIn(d, "The arrangements were put in place in these stages:")
	d.table([]int{6026, 3000},
		[]cell{c("Milestone"), c("When")},
		[]cell{c("{{#each milestones}}{{label}}"), c("{{when}}{{/each}}")},
	)
	d.tag("{{/if}}")
}

func glossary(d *doc) {
	d.tag("{{#if glossary}}")
	d.h1("Glossary")
	leadIn(d, "Abbreviations used in these arrangements:")
	d.table([]int{1800, 7226},
		[]cell{c("Term"), c("Meaning")},
		[]cell{c("{{#each glossary}}**{{term}}**"), c("{{meaning}}{{/each}}")},
	)
	d.tag("{{/if}}")
}

func arrangementsHistory(d *doc) {
	d.tag("{{#if history}}")
	d.h1("Document history")
	historyTable(d)
	d.tag("{{/if}}")
}

func structure(d *doc) {
	d.tag("{{#if structure}}")
	d.h1("Appendix: structure")
	d.text("structure",
		"{{#if structure.note}}{{structure.note}}{{else}}The groups of the partnership and whom each reports to:{{/if}}",
	)
	d.table([]int{3600, 2400, 3026},
		[]cell{c("Group"), c("Kind"), c("Reports to")},
		[]cell{c("{{#each structure.rows}}**{{name}}**"), c("{{kind}}"), c("{{reports_to}}{{/each}}")},
	)
	points(d, "structure")
	d.tag("{{/if}}")
}
