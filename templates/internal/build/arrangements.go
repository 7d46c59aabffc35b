package build

// The published multi-agency safeguarding arrangements (see mou.go for the
// rule every paragraph follows: data, or general wording under its basis).
// The default order of
// the sections is that of the Westmorland and Furness 2025 seed, which
// follows the guidance's list; a partnership may give its own order
// ([partnership] arrangements_order), so the body is one loop over the parts
// in which each part prints only its own section.
func arrangements() *doc {
	d := &doc{title: "{{document.title}} — {{partnership.name}}", subject: "{{partnership.name}}"}
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
	d.tag("{{#if has.foreword}}")
	d.h1("Foreword")
	d.lawText("foreword", lawEndorse,
		"These are the arrangements the safeguarding partners in {{partnership.area}} have made to work together, and with every agency that has a part to play, to safeguard {{#if partnership.all_age}}children and adults at risk{{else}}children and promote their welfare{{/if}}. They say who leads, how decisions are made, how the partnership learns when things go wrong and how it checks that what it does makes a difference to children and families.",
		"We are jointly and equally responsible for these arrangements, and we commit our organisations to them.",
	)
	points(d, "foreword")
	d.tag("{{#each foreword_signatories}}")
	d.styled("SignatoryName", props{keepNext: true}, "{{signatory}}")
	d.p("{{#if title}}{{title}}, {{/if}}{{organisation}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func background(d *doc) {
	d.h1("Background")
	general(d, "background", lawAct,
		"The Children and Social Work Act 2017 replaced Local Safeguarding Children Boards with three safeguarding partners for each local authority area: the local authority, {{#if terms.icb}}the health body (since 1 July 2022 the Integrated Care Board){{else}}the clinical commissioning group{{/if}} and the chief officer of police. The partners must make arrangements, with the relevant agencies they name, to safeguard and promote the welfare of children, and publish them. {{edition.title}} is the statutory guidance they follow.",
	)
	d.tag("{{#if partnership.predecessor}}")
	d.p("These arrangements replace {{partnership.predecessor}}.")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.in_force_date}}")
	d.p("They take effect on {{partnership.in_force_date}}.")
	d.tag("{{/if}}")
	allAge(d, "The partnership is an all-age partnership: these arrangements cover adults at risk in {{partnership.area}} as well as children.")
	localsIntro(d)
}

func statutoryPartners(d *doc) {
	d.h1("The statutory partners")
	d.lawText("partners", lawLeads,
		"The {{edition.leads_term}} for {{partnership.area}}, and the {{edition.delegates_term}} who act for them, are:",
	)
	partnersTable(d)
	points(d, "partners")
	d.under(lawLeads, func() {
		d.p("The guidance expects each of them to be able to speak with authority for their organisation, take decisions that commit it on policy, resources and practice, and hold it to account for how well it carries out the arrangements. A lead who delegates remains accountable for what is done on their organisation's behalf.")
	})
	localsList(d)
	d.tag("{{#if edition.is_2023}}")
	d.under(lawWT2023, func() {
		d.p("The {{edition.leads_term}} must review and sign off these arrangements, including the plans for independent scrutiny; the {{edition.delegates_term}} carry out the partnership's functions jointly on their behalf.")
	})
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.chair}}")
	d.p("The partnership is chaired by {{scrutiny.chair.phrase}}{{#if scrutiny.chair_role}}, {{scrutiny.chair_role}}{{/if}}.")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.rotation_text}}")
	d.p("{{scrutiny.rotation_text}}")
	d.tag("{{/if}}")
	deliveryBodies(d)
	membersList(d)
	d.tag("{{#if footprints}}")
	leadIn(d, "How each partner's area relates to the partnership's:")
	d.tag("{{#each footprints}}")
	d.bullet("**{{organisation}}**: {{footprint}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	decisionBodies(d)
	decisions(d)
}

func geography(d *doc) {
	d.tag("{{#if geography}}")
	d.h1("Geographical area")
	section(d, "geography",
		"{{#if geography.description}}{{geography.description}}{{else}}The arrangements cover the whole of {{partnership.area}}.{{/if}}",
	)
	d.tag("{{#if geography.authorities_sentence}}")
	d.p("{{geography.authorities_sentence}}")
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
	general(d, "aims", lawAct,
		"The purpose of these arrangements, set by the Children Act 2004, is to safeguard and promote the welfare of the children in {{partnership.area}}: the partners and relevant agencies must work together so that children get the help they need.",
	)
	d.tag("{{#if partnership.vision}}")
	d.p("Our vision is this: **{{partnership.vision}}**")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.values}}")
	leadIn(d, "Our shared values are these:")
	d.tag("{{#each partnership.values}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if priorities}}")
	d.h2("Our priorities")
	d.tag("{{#each priorities}}")
	d.h3("{{@number}}. {{title}}")
	d.tag("{{#if summary}}")
	d.p("{{summary}}")
	d.tag("{{/if}}")
	d.tag("{{#if actions}}")
	leadIn(d, "{{actions_lead}}")
	d.tag("{{#each actions}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func legislation(d *doc) {
	d.h1("Legislative context")
	general(d, "legislation", lawAct,
		"The arrangements rest on the Children Act 1989 and the Children Act 2004 as amended by the Children and Social Work Act 2017, which created the safeguarding partners, the duty on relevant agencies to act in line with the arrangements, and the national Child Safeguarding Practice Review Panel; the Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018 list the agencies that may be named. {{edition.title}} is the statutory guidance the partners must follow, alongside the Child Death Review statutory guidance.",
	)
	d.tag("{{#if partnership.all_age}}")
	d.under(lawAllAge, func() {
		d.p("For adults at risk, the arrangements also rest on the Care Act 2014, under which the local authority must make enquiries when an adult with care and support needs is at risk of abuse or neglect, and must have a Safeguarding Adults Board.")
	})
	d.tag("{{/if}}")
}

func arrangementsGovernance(d *doc) {
	d.tag("{{#if has.governance}}")
	d.h1("Governance")
	d.text("governance")
	points(d, "governance")
	governance(d)
	d.tag("{{/if}}")
}

func relevantAgencies(d *doc) {
	d.tag("{{#if has.relevant_agencies}}")
	d.h1("Relevant agencies")
	d.lawText("relevant-agencies", lawAgencies,
		"Every relevant agency named here must act in line with the arrangements. The guidance expects each to take part in the partnership's work, provide information the partners ask for, follow the partnership's procedures, keep sound safeguarding policies of its own, and show the partners evidence of all this, including through multi-agency audits.",
	)
	points(d, "relevant-agencies")
	d.tag("{{#if relevant_agencies}}")
	leadIn(d, "The partners have named {{counts.agencies}}. By sector:")
	d.tag("{{#each agency_sectors}}")
	d.h2("{{name}}")
	d.tag("{{#each lines}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{/if}}")
}

func widerPartnerships(d *doc) {
	d.tag("{{#if has.boards}}")
	d.h1("Wider partnerships")
	d.text("boards")
	boardsList(d, "The partnership works with the other strategic boards and partnerships in the area, so that plans are aligned and each knows what the others are doing for children and families:")
	points(d, "boards")
	// Agreements with the wider partnerships belong here; the partners'
	// own ones under data and intelligence.
	dataSharing(d, "with")
	d.tag("{{/if}}")
}

func education(d *doc) {
	d.h1("Schools and education")
	general(d, "education", lawEducation,
		"The guidance expects early years settings, schools, colleges and other educational settings, which see children every day, to be fully engaged in the arrangements.",
	)
	d.tag("{{#if education.is_partner}}")
	d.p("The partnership treats education as a key partner, alongside the statutory partners, rather than as one relevant agency among others.")
	d.tag("{{/if}}")
	d.tag("{{#if education.is_relevant_agency}}")
	d.p("Education settings are named as relevant agencies and take part on that footing.")
	d.tag("{{/if}}")
	d.tag("{{#if education.group_sentence}}")
	d.p("{{education.group_sentence}}")
	d.tag("{{/if}}")
	d.tag("{{#each education.alliances}}")
	d.p("{{sentence}}")
	d.tag("{{/each}}")
	d.tag("{{#if education.networks}}")
	leadIn(d, "Designated safeguarding leads meet in these networks:")
	d.tag("{{#each education.networks}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if education.assurance}}")
	leadIn(d, "The partnership seeks assurance on safeguarding in education through:")
	d.tag("{{#each education.assurance}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func arrangementsFunding(d *doc) {
	d.h1("Funding")
	funding(d)
}

func arrangementsDisputes(d *doc) {
	d.tag("{{#if has.disputes}}")
	d.h1("Dispute resolution")
	d.text("disputes")
	points(d, "disputes")
	disputeFacts(d)
	d.tag("{{/if}}")
	accountability(d)
}

func independentScrutiny(d *doc) {
	d.h1("Independent scrutiny")
	general(d, "scrutiny", lawScrutiny,
		"The partners must arrange independent scrutiny of how well the arrangements work for children and families, including the arrangements to identify and review serious cases. The guidance expects it to support the partners to reflect and improve, and the yearly report to say what it found.",
	)
	scrutinyFacts(d)
}

func dataIntelligence(d *doc) {
	d.h1("Data and intelligence")
	general(d, "data", lawData,
		"The guidance expects the partners to use shared data on the help children receive, from early help to children in care and care leavers, to set priorities, to target audits and to test whether changes have worked.",
	)
	dataSharing(d, "without")
}

func training(d *doc) {
	d.h1("Training")
	general(d, "training", lawTraining,
		"The guidance expects the partners to say how multi-agency training is commissioned, delivered and monitored, based on what reviews, audits and data show practitioners need, and whether it changes practice.",
	)
}

func practiceReviews(d *doc) {
	d.h1("Local child safeguarding practice reviews")
	general(d, "reviews", lawReviews,
		"The local authority must notify the national Child Safeguarding Practice Review Panel of a serious incident within five working days of learning of it. The partners must then hold a rapid review, send it to the Panel, and decide whether to commission a local child safeguarding practice review. Reviews must be published unless there is a good reason not to, and the guidance expects their learning to be built into training, procedures and practice.",
	)
}

func audit(d *doc) {
	d.h1("Multi-agency audit")
	general(d, "audit", lawAudit,
		"The guidance expects the partners to use multi-agency audits to check the quality of practice in individual cases and across agencies, and to act on what they find.",
	)
	d.tag("{{#if audits}}")
	leadIn(d, "{{counts.audits_lead}}")
	d.tag("{{#each audits}}")
	d.bullet("**{{name}}**{{#if led_by}} (led by {{led_by_phrase}}){{/if}}{{#if purpose}}: {{purpose}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func taskGroups(d *doc) {
	d.tag("{{#if task_groups}}")
	d.h1("Task and finish groups")
	section(d, "task-groups",
		"Task and finish groups work for a limited time on one priority or an emerging theme, and close when their work is done.",
	)
	d.tag("{{#each task_groups}}")
	d.h2("{{name}}")
	groupTerms(d)
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func voice(d *doc) {
	d.h1("Voice of children and families")
	general(d, "voice", lawVoice,
		"The guidance expects the arrangements to say how the voice of children, young people and families is heard, so that what they say about the help they receive shapes priorities, reviews and scrutiny.",
	)
	voiceForums(d)
}

func procedures(d *doc) {
	d.h1("Multi-agency procedures")
	general(d, "procedures", lawProcedures,
		"The guidance expects practitioners to follow the partnership's multi-agency safeguarding procedures, kept up to date with the law, the guidance and local learning.",
	)
	d.tag("{{#if procedures.manual}}")
	d.p("The procedures in {{partnership.area}} are {{procedures.manual}}.")
	d.tag("{{/if}}")
}

func threshold(d *doc) {
	d.h1("Threshold of need")
	general(d, "threshold", lawThreshold,
		"The partners must publish a threshold document that describes the levels of need and the help available at each, so that every agency makes the same judgement about when and how to act.",
	)
	d.tag("{{#if procedures.threshold}}")
	d.p("The threshold document is {{procedures.threshold}}{{#if procedures.threshold_ages}}, covering children from {{procedures.threshold_ages}}{{/if}}.{{#if edition.is_2023}} The {{edition.leads_term}} sign it off.{{/if}}")
	d.tag("{{/if}}")
	d.tag("{{#if procedures.escalation_policy}}")
	d.p("A practitioner who believes a child's needs are not recognised, or disagrees with another agency's decision about a child, can use {{procedures.escalation_policy}}.")
	d.tag("{{/if}}")
}

func youthCustody(d *doc) {
	d.h1("Youth custody and residential homes")
	general(d, "youth-custody", lawYouth,
		"The guidance expects the arrangements to include any youth custody establishment and residential children's home in the area, so that the children living there are safeguarded.",
	)
	d.tag("{{#if youth_custody.sentence}}")
	d.p("{{youth_custody.sentence}}")
	d.tag("{{/if}}")
	d.tag("{{#if youth_custody.home_lines}}")
	leadIn(d, "Children's homes in the area:")
	d.tag("{{#each youth_custody.home_lines}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func childDeath(d *doc) {
	d.h1("Child death review")
	general(d, "child-death", lawChildDeath,
		"The local authority and the {{edition.health_body}} are the child death review partners: the law requires them to review the death of every child normally resident in the area, so that lessons are learnt and acted on.",
	)
	d.tag("{{#if child_death.sentence}}")
	d.p("{{child_death.sentence}}")
	d.tag("{{/if}}")
}

func reviewOfArrangements(d *doc) {
	d.h1("Review of the arrangements")
	d.text("review")
	d.tag("{{#if review.sentence}}")
	d.p("{{review.sentence}}")
	d.tag("{{/if}}")
	points(d, "review")
	d.under(lawReport, func() {
		d.p("The partners must publish a report at least once in every 12 months on what they have done as a result of the arrangements and how effective the arrangements have been.{{#if report.location_known}} The reports are published at {{report.location}}.{{/if}}")
	})
}

func milestones(d *doc) {
	d.tag("{{#if milestones}}")
	d.h1("Milestones")
	leadIn(d, "The milestones of the arrangements are these:")
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
