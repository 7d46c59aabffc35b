package build

// The Memorandum of Understanding, in the order of the two MOU seeds
// (Herefordshire and Cumbria 2019): introduction, the partners and their
// delegates, their responsibilities theme by theme, funding, disputes, the
// wider partnerships, and the endorsement.
//
// Every paragraph either prints the data or is general wording written
// under d.under with its legal basis: what the law or the edition of
// Working Together in the data asks of every partnership, said as a duty
// ("must", "the guidance expects"). How a partnership shares its costs,
// who arbitrates, who signs what and how often a document is reviewed are
// local choices: they are printed only from the data.

// Legal bases of the general wording, as the review copy names them.
const (
	lawAct        = "Children Act 2004, sections 16E to 16K, as inserted by the Children and Social Work Act 2017"
	lawLeads      = "Working Together: the lead safeguarding partners, delegation and accountability"
	lawAgencies   = "Children Act 2004, section 16G, and the Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018"
	lawInfo       = "Working Together: information sharing; Data Protection Act 2018 and UK GDPR"
	lawThreshold  = "Working Together: the threshold document and assessment"
	lawVoice      = "Working Together: the voice of children and families"
	lawData       = "Working Together: the use of data and intelligence"
	lawReviews    = "Children Act 2004, sections 16C and 16F; Working Together: child safeguarding practice reviews"
	lawTraining   = "Working Together: multi-agency training"
	lawScrutiny   = "Working Together: independent scrutiny, and the yearly report (Children Act 2004, section 16G(7))"
	lawFunding    = "Working Together: funding of the arrangements"
	lawRegulators = "Inspection of the partners' services by Ofsted, the Care Quality Commission and HM Inspectorate of Constabulary; enforcement by the Secretary of State"
	lawEndorse    = "What signing this document means: the signatories' shared statutory duty"
	lawDocument   = "What this document is"
	lawWT2023     = "Working Together to Safeguard Children 2023: what the Lead Safeguarding Partners sign off"
	lawChildDeath = "Children Act 2004, sections 16M to 16P: child death review partners"
	lawEducation  = "Working Together: education settings in the arrangements"
	lawYouth      = "Working Together: youth custody and residential homes in the arrangements"
	lawReport     = "Children Act 2004, section 16G(7) and Working Together: the yearly report"
	lawAllAge     = "Care Act 2014, sections 42 to 45: safeguarding adults"
	lawAudit      = "Working Together: multi-agency audit and assurance"
	lawProcedures = "Working Together: multi-agency procedures"
	lawCoverage   = "Working Together: what the yearly report must cover"
)

func mou() *doc {
	d := &doc{title: "{{document.title}} — {{partnership.name}}", subject: "{{partnership.name}}"}
	cover(d, "{{partnership.name}}")
	d.pageBreak()
	d.contents()
	d.pageBreak()

	d.h1("Introduction and context")
	general(d, "introduction", lawAct,
		"The Children Act 2004, as amended by the Children and Social Work Act 2017, gives the safeguarding partners — the local authority, the {{edition.health_body}} and the police — a shared and equal duty to make arrangements to work together, and with the relevant agencies they name, to safeguard and promote the welfare of the children in their area. {{edition.title}} is the statutory guidance on how they do it.",
	)
	d.under(lawDocument, func() {
		d.p("This memorandum records what the safeguarding partners in {{partnership.area}} have agreed with each other to meet that duty. The arrangements themselves are published {{#if partnership.arrangements_title}}as {{partnership.arrangements_title}}{{else}}separately{{/if}}.")
	})
	d.tag("{{#if partnership.in_force_date}}")
	d.p("The arrangements take effect on {{partnership.in_force_date}}.")
	d.tag("{{/if}}")
	allAge(d, "This memorandum covers adults at risk as well as children: the partnership is an all-age partnership.")
	localsIntro(d)
	d.tag("{{#if partnership.vision}}")
	d.p("The partners' shared vision is this: **{{partnership.vision}}**")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.values}}")
	leadIn(d, "The values the partners hold each other to are these:")
	d.tag("{{#each partnership.values}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")

	d.h1("The safeguarding partners")
	d.lawText("partners", lawLeads,
		"The law names the {{edition.leads_term}}: the chief executive of the local authority, the {{edition.health_lead}}, and the chief officer of police, each for an area any part of which falls within the local authority area. In {{partnership.area}} they, and those who act for them, are:",
	)
	partnersTable(d)
	points(d, "partners")
	localsList(d)
	deliveryBodies(d)
	membersList(d)
	d.h2("Delegation and accountability")
	general(d, "accountability", lawLeads,
		"A lead may delegate their functions to a senior officer who can speak with authority for their organisation, commit it to decisions and hold it to account for carrying them out. Delegating the work does not delegate the accountability: each lead remains answerable for what is done in their organisation's name.",
		"The guidance gives the partners an equal and joint responsibility for the arrangements, and expects each delegate to make sure their organisation takes a full part in them.",
	)
	d.tag("{{#if scrutiny.chair_role}}")
	d.p("The partnership is chaired by {{scrutiny.chair.phrase}}, {{scrutiny.chair_role}}.")
	d.tag("{{/if}}")
	decisionBodies(d)
	decisions(d)

	d.h1("Roles and responsibilities")
	d.lawText("roles", lawLeads,
		"The guidance expects the {{edition.leads_term}}, and the {{edition.delegates_term}} they give authority to, to be able to:",
	)
	d.tag("{{#unless text.roles}}")
	d.under(lawLeads, func() {
		d.bullet("speak with authority for the partner they represent;")
		d.bullet("take decisions for their organisation and commit it on policy, resources and practice;")
		d.bullet("hold their own organisation to account for how well it takes part in, and carries out, the arrangements.")
		d.p("Together the partners must agree how they co-ordinate their safeguarding services, act as a strategic leadership group that supports and engages others, and put local and national learning, including learning from serious incidents, into practice. The sections below set out what the guidance asks of them on each theme.")
	})
	d.tag("{{/unless}}")
	points(d, "roles")

	d.h2("Leadership")
	general(d, "leadership", lawLeads,
		"The guidance expects the partners to lead the arrangements actively, to make sure they meet the statutory requirements, to give the partnership's groups the resources they need, and to check that the groups make a difference.",
	)
	d.tag("{{#if disputes.single_point}}")
	d.p("When an issue needs a clear, single point of leadership, the partners decide which of them leads on it, {{disputes.single_point}}.")
	d.tag("{{/if}}")
	signOff(d)

	d.h2("Relationships and resolution")
	general(d, "relationships", lawLeads,
		"The guidance expects the partners to build open relationships with each other and with other relevant bodies so that information is shared in good time and in proportion, to keep a quick and straightforward way of resolving differences of professional opinion, and to act when they are concerned that the arrangements are not working.",
	)

	d.h2("Relationships with relevant agencies")
	d.lawText("relevant-agencies", lawAgencies,
		"The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018 list the agencies the partners may name as relevant agencies, and every agency named must act in line with the arrangements. The guidance expects the partners to:",
	)
	d.tag("{{#unless text.relevant_agencies}}")
	d.under(lawAgencies, func() {
		d.bullet("make sure each relevant agency knows what the arrangements expect of it, and consult the agencies as the arrangements develop, taking account of their own structures and statutory duties;")
		d.bullet("assure themselves of the quality of each agency's safeguarding practice, policies and procedures;")
		d.bullet("provide a framework for sharing information between them all;")
		d.bullet("agree how agencies with a national remit take part, given their duties to many partnerships;")
		d.bullet("draw on the clinical expertise of the designated health professionals for safeguarding;")
		d.bullet("make sure that schools, colleges, early years settings and other educational providers in the area are fully engaged.")
	})
	d.tag("{{/unless}}")
	points(d, "relevant-agencies")
	d.tag("{{#if relevant_agencies}}")
	leadIn(d, "The partners have named {{counts.agencies}}, listed in full in {{partnership.arrangements_name}}. By sector:")
	d.tag("{{#each agency_sectors}}")
	d.bullet("**{{name}}**{{#if list}}: {{list}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")

	d.h2("Information and communication")
	general(d, "information", lawInfo,
		"Each partner must know its own duties under information law, and the guidance expects the partners to have regard to the Information Commissioner's Office guidance when they ask for information or answer a request, and to communicate regularly with the relevant agencies and the others they expect to work with them.",
	)

	d.h2("Assessment and services")
	general(d, "assessment", lawThreshold,
		"The guidance expects the partners to agree with the relevant agencies the levels of need at which the different kinds of assessment and services are offered, and to publish a threshold document that sets out the local criteria for action in a way that is transparent, accessible and easy to understand.",
	)
	d.tag("{{#if procedures.threshold}}")
	d.p("The threshold document in {{partnership.area}} is {{procedures.threshold}}.")
	d.tag("{{/if}}")

	d.h2("Voice of children and young people")
	general(d, "voice", lawVoice,
		"The guidance expects the partners to make sure children and young people are heard, to give them opportunities to take part, and to seek assurance that practitioners work with children and families in an empowering, compassionate and honest way, listening to their views and experience.",
	)
	voiceForums(d)

	d.h2("Data and intelligence")
	general(d, "data", lawData,
		"The guidance expects the partners to use data, analysis and intelligence to judge how effective the help given to children is, from early help onwards, and to use the Joint Strategic Needs Assessment to understand the needs in the area, so that services follow need.",
	)

	d.h2("Serious child safeguarding cases and practice reviews")
	d.lawText("reviews", lawReviews,
		"The partners must make arrangements to identify and review serious child safeguarding cases that raise issues of importance for the area. Under the law and the guidance they must:",
	)
	d.tag("{{#unless text.reviews}}")
	d.under(lawReviews, reviewDuties(d))
	d.tag("{{/unless}}")
	points(d, "reviews")

	d.h2("Training")
	general(d, "training", lawTraining,
		"The guidance expects the partners to agree what multi-agency training the arrangements provide, and to monitor and evaluate whether the training they commission works.",
	)

	d.h2("Scrutiny and assurance")
	general(d, "scrutiny", lawScrutiny,
		"The partners must arrange for the effectiveness of the arrangements to be scrutinised independently, in a way that is objective, acts as a constructive critical friend and promotes reflection and improvement. They must publish a report at least once in every 12 months on what they and the relevant agencies have done as a result of the arrangements, including on child safeguarding practice reviews, and how effective the arrangements have been. The guidance expects them to agree how that report is independently scrutinised, to make it widely available, and to include in it any updates to the published arrangements with the timescale for putting them in place.",
	)
	scrutinyFacts(d)

	d.h2("Information sharing and information governance")
	general(d, "information-sharing", lawInfo,
		"The guidance expects the partners to support information sharing between and within organisations and to remove the barriers to it, under agreements that follow data protection law and put the safety of children first.",
	)
	dataSharing(d, "")

	d.h1("Funding and resourcing")
	funding(d)

	d.tag("{{#if has.disputes}}")
	d.h1("Dispute resolution and escalation")
	d.text("disputes")
	points(d, "disputes")
	disputeFacts(d)
	d.tag("{{#if disputes.practice_policy}}")
	d.h2("Escalation between practitioners")
	d.text("practice-escalation",
		"Practitioners who disagree about how to keep a child safe follow {{disputes.practice_policy}}.",
	)
	points(d, "practice-escalation")
	d.tag("{{/if}}")
	d.tag("{{/if}}")
	accountability(d)

	d.tag("{{#if has.mou_arrangements}}")
	d.h1("Partnership arrangements")
	d.text("boards")
	points(d, "boards")
	boardsList(d, "The partnership works with these boards and partnerships:")
	governance(d)
	d.tag("{{/if}}")

	reviewSection(d, "Review")

	d.tag("{{#if history}}")
	d.h1("Document history")
	historyTable(d)
	d.tag("{{/if}}")

	d.h1("Endorsement")
	general(d, "endorsement", lawEndorse,
		"By signing, each of us endorses {{document.this_title}} and accepts our organisation's share of the duty to make the arrangements it describes work for the {{#if partnership.all_age}}children and adults at risk{{else}}children{{/if}} of {{partnership.area}}.",
	)
	d.signatures()
	return d
}

// general writes a section's default wording as general wording under a
// legal basis; the data's own wording in [text] id replaces it, and the
// points in [points] id follow it.
func general(d *doc, id, basis string, defaults ...string) {
	d.tag("{{#each text." + textKey(id) + "}}")
	d.p("{{this}}")
	d.tag("{{else}}")
	d.under(basis, func() {
		for _, s := range defaults {
			d.p(s)
		}
	})
	d.tag("{{/each}}")
	points(d, id)
}

// section writes a section's wording (the data's own, or the defaults)
// followed by the partnership's own points for it, in their order. The
// defaults are general wording only where the caller says so (d.under).
func section(d *doc, id string, defaults ...string) {
	d.text(id, defaults...)
	points(d, id)
}

// points writes the data's points for a section, one paragraph each.
func points(d *doc, id string) {
	d.tag("{{#each points." + textKey(id) + "}}")
	d.p("{{this}}")
	d.tag("{{/each}}")
}

// leadIn writes the sentence that introduces a list or table.
// (assemble/documents/pages.go keeps every paragraph ending with a colon
// with what follows, in any template; the defaults mark theirs by name.)
func leadIn(d *doc, text string) {
	d.p(text)
}

// allAge says, for an all-age partnership, that the document covers adults.
func allAge(d *doc, text string) {
	d.tag("{{#if partnership.all_age}}")
	d.p(text)
	d.tag("{{/if}}")
}

// cover writes the title page.
func cover(d *doc, subtitle string) {
	d.title1("{{document.title}}")
	d.subtitle(subtitle)
	d.p("{{document.date}}{{#if document.version}} · Version {{document.version}}{{/if}}")
	d.p("Following {{edition.title}}")
	d.tag("{{#if partnership.website}}")
	d.p("{{partnership.website}}")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.contact}}")
	d.p("To ask for this document in another format, contact {{partnership.contact}}.")
	d.tag("{{/if}}")
	d.p("Fingerprint {{document.fingerprint}}")
}

// membersList names the members who are not statutory partners.
func membersList(d *doc) {
	d.tag("{{#if members}}")
	leadIn(d, "{{counts.members_lead}}")
	d.tag("{{#each members}}")
	d.bullet("{{line}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

// localsIntro says, for a local partnership, which executive it is under.
func localsIntro(d *doc) {
	d.tag("{{#if executive}}")
	d.p("{{executive.sentence}}")
	d.tag("{{/if}}")
}

// localsList lists, for a pan-area executive, its local partnerships.
func localsList(d *doc) {
	d.tag("{{#if locals}}")
	leadIn(d, "The executive leads these local partnerships, each of which publishes its own documents:")
	d.tag("{{#each locals}}")
	d.bullet("**{{name}}**, for {{area}}: {{partners}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

// deliveryBodies says which organisations deliver services for a partner.
func deliveryBodies(d *doc) {
	d.tag("{{#each delivery_bodies}}")
	d.p("{{sentence}}")
	d.tag("{{/each}}")
}

// decisionBodies says who takes each partner's policy decisions.
func decisionBodies(d *doc) {
	d.tag("{{#each partners}}")
	d.tag("{{#if decision_body}}")
	d.p("For {{organisation}}, policy and resourcing decisions involve {{decision_body}}.")
	d.tag("{{/if}}")
	d.tag("{{/each}}")
}

// decisions is the scheme of delegation: who takes which decision.
func decisions(d *doc) {
	d.tag("{{#if decisions}}")
	leadIn(d, "The partners have agreed who takes these decisions:")
	d.table([]int{5026, 4000},
		[]cell{c("Decision"), c("Taken by")},
		[]cell{c("{{#each decisions}}{{decision}}"), c("{{by}}{{/each}}")},
	)
	d.tag("{{/if}}")
}

// signOff is what the 2023 edition has the Lead Safeguarding Partners
// review and sign off; the threshold document only where it is named.
func signOff(d *doc) {
	d.tag("{{#if edition.is_2023}}")
	d.under(lawWT2023, func() {
		d.p("The {{edition.leads_term}} must review and sign off the published arrangements, including the plans for independent scrutiny, the shared annual budget and the yearly report{{#if procedures.threshold}}, and the threshold document, {{procedures.threshold}}{{/if}}.")
	})
	d.tag("{{/if}}")
}

// reviewDuties are the partners' standing duties on serious cases.
func reviewDuties(d *doc) func() {
	return func() {
		d.bullet("have regard to the statutory guidance and to any guidance the national Child Safeguarding Practice Review Panel publishes;")
		d.bullet("make sure the local authority notifies the Panel of each serious incident it must report;")
		d.bullet("hold a rapid review promptly after each notification and send it to the Panel;")
		d.bullet("commission and oversee a local child safeguarding practice review where they judge one appropriate, agree its method with the reviewer, and check its progress and quality;")
		d.bullet("decide openly whether to hold a review, and explain the decision, including to the family;")
		d.bullet("involve practitioners in each review and invite the family, including surviving children, to contribute;")
		d.bullet("make sure each final report sets out the improvements it recommends and the underlying reasons for what was or was not done;")
		d.bullet("tell the national Panel and the Secretary of State the reasons for any delay, or for any decision not to publish, and send them a copy of each full report;")
		d.bullet("act on the findings of local and national reviews, share them, and check that the improvements are made.")
	}
}

// scrutinyFacts prints who leads scrutiny and how.
func scrutinyFacts(d *doc) {
	d.tag("{{#if scrutiny.lead_sentence}}")
	d.p("{{scrutiny.lead_sentence}}")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.scrutineer_sentence}}")
	d.p("{{scrutiny.scrutineer_sentence}}")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.duties}}")
	leadIn(d, "{{scrutiny.duties_lead}}")
	d.tag("{{#each scrutiny.duties}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.methods}}")
	leadIn(d, "Scrutiny is carried out through:")
	d.tag("{{#each scrutiny.methods}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.planned}}")
	leadIn(d, "The partners will strengthen scrutiny through:")
	d.tag("{{#each scrutiny.planned}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.bodies}}")
	d.p("{{scrutiny.bodies_sentence}}")
	d.tag("{{/if}}")
}

// dataSharing states each information sharing agreement and its status:
// only those with others ("with") or only the partners' own ("without"),
// or all ("").
func dataSharing(d *doc, which string) {
	d.tag("{{#each data_sharing}}")
	switch which {
	case "with":
		d.tag("{{#if with}}")
	case "without":
		d.tag("{{#unless with}}")
	}
	d.p("{{sentence}}")
	switch which {
	case "with":
		d.tag("{{/if}}")
	case "without":
		d.tag("{{/unless}}")
	}
	d.tag("{{/each}}")
}

// voiceForums lists the forums for children's and families' voice.
func voiceForums(d *doc) {
	d.tag("{{#if voice}}")
	leadIn(d, "{{#if partnership.all_age}}Children, young people, adults at risk and families{{else}}Children, young people and families{{/if}} are heard through {{counts.voice}}:")
	d.tag("{{#each voice}}")
	d.bullet("**{{name}}**{{#if developing}} (being developed){{/if}}{{#if purpose}}: {{purpose}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

// disputeFacts prints the partnership's own dispute resolution: the
// policy, who leads, the escalation route and arbitration, as far as the
// data gives them. Nothing is said that the data does not say.
func disputeFacts(d *doc) {
	d.tag("{{#if disputes.policy}}")
	d.p("Disagreements are resolved under {{disputes.policy}}{{#if disputes.policy_note}} ({{disputes.policy_note}}){{/if}}.")
	d.tag("{{/if}}")
	d.tag("{{#if disputes.route}}")
	leadIn(d, "A disagreement that is not resolved is escalated in this order:")
	d.tag("{{#each disputes.route}}")
	d.number("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if disputes.single_point}}")
	d.p("When one partner leads on a disagreement, it acts on behalf of, and in the interest of, all {{counts.partners}} partners.")
	d.tag("{{/if}}")
	d.tag("{{#if disputes.arbitration}}")
	d.p("If no resolution can be reached, the partners may seek independent arbitration through {{disputes.arbitration}}.")
	d.tag("{{/if}}")
}

// accountability is how partners are held to their duties: the regulators
// the data names, else the inspectorates every partner answers to; then
// the inspection frameworks the partnership answers to.
func accountability(d *doc) {
	d.h1("Accountability and inspection")
	d.tag("{{#if disputes.regulator_list}}")
	d.p("Partners that do not meet their statutory duties are held to account through regulation and inspection, for example by {{disputes.regulator_list}}, and the Secretary of State may take enforcement action.")
	d.tag("{{else}}")
	d.under(lawRegulators, func() {
		d.p("Each partner's services are inspected by its own inspectorate — Ofsted, the Care Quality Commission or {{terms.constabulary}} — and the Secretary of State may take enforcement action against a partner that does not meet its statutory duties.")
	})
	d.tag("{{/if}}")
	d.tag("{{#if inspections}}")
	leadIn(d, "The partnership answers to {{counts.inspections}}:")
	d.tag("{{#each inspections}}")
	d.bullet("{{name}}{{#if by}}, carried out by {{by}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

// funding writes what the guidance asks of funding, what the partners
// agreed beyond the amounts, and the current year's contributions.
func funding(d *doc) {
	d.tag("{{#each text.funding}}")
	d.p("{{this}}")
	d.tag("{{else}}")
	d.under(lawFunding, func() {
		d.p("{{#if edition.is_2023}}The {{edition.leads_term}} must agree a shared annual budget for the arrangements. The guidance expects each partner's contribution to be equitable and proportionate, and to be set out openly so that children, families and the public can see how the arrangements are paid for; relevant agencies may contribute too.{{else}}The guidance expects the safeguarding partners to agree the funding each of them provides, in shares that are equitable and proportionate, together with any contributions from relevant agencies.{{/if}}")
	})
	d.tag("{{/each}}")
	points(d, "funding")
	d.tag("{{#each funding_terms.sentences}}")
	d.p("{{this}}")
	d.tag("{{/each}}")
	fundingTable(d)
}

// fundingTable writes the current year's contributions.
func fundingTable(d *doc) {
	d.tag("{{#if funding}}")
	leadIn(d, "The contributions {{#if executive}}to the shared budget of {{executive.the_name}} {{/if}}for {{funding.year}} {{#if document.past}}were{{else}}are{{/if}}:")
	d.table([]int{4826, 2400, 1800},
		[]cell{c("Contributor"), c("Amount"), c("Share")},
		[]cell{c("{{#each funding.rows}}{{name}}"), c("{{amount | money}}"), c("{{percent}}{{/each}}")},
		[]cell{c("**Total**"), c("**{{funding.total | money}}**"), c("**{{funding.percent}}**")},
	)
	d.tag("{{#if funding.in_kind}}")
	leadIn(d, "{{#if document.past}}Contributions were also made in kind:{{else}}Contributions are also made in kind:{{/if}}")
	d.tag("{{#each funding.in_kind}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if funding.note}}")
	d.p("{{funding.note}}")
	d.tag("{{/if}}")
	d.tag("{{/if}}")
}

// boardsList lists the linked boards after a lead-in.
func boardsList(d *doc, lead string) {
	d.tag("{{#if boards}}")
	leadIn(d, lead)
	d.tag("{{#each boards}}")
	d.bullet("{{name}}{{#if purpose}}: {{purpose}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

// reviewSection says when the arrangements were and will be reviewed, as
// far as the data says.
func reviewSection(d *doc, heading string) {
	d.tag("{{#if has.review}}")
	d.h1(heading)
	d.text("review")
	d.tag("{{#if review.sentence}}")
	d.p("{{review.sentence}}")
	d.tag("{{/if}}")
	points(d, "review")
	d.tag("{{/if}}")
}

// governance writes the meetings and sub-groups, each with its terms of
// reference as far as the data gives them.
func governance(d *doc) {
	d.tag("{{#if meetings}}")
	d.h2("Governance meetings")
	d.tag("{{#each meetings}}")
	d.h3("{{name}}")
	groupTerms(d)
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if subgroups}}")
	d.h2("Sub-groups")
	d.tag("{{#each subgroups}}")
	d.h3("{{name}}")
	groupTerms(d)
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

// groupTerms writes one group's terms of reference in sentences.
func groupTerms(d *doc) {
	d.tag("{{#if purpose}}")
	d.p("{{purpose}}")
	d.tag("{{/if}}")
	d.tag("{{#if summary}}")
	d.p("{{summary}}")
	d.tag("{{/if}}")
	d.tag("{{#if members_sentence}}")
	d.p("{{members_sentence}}")
	d.tag("{{/if}}")
	d.tag("{{#if objectives}}")
	leadIn(d, "{{objectives_lead}}")
	d.tag("{{#each objectives}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

func historyTable(d *doc) {
	d.table([]int{1400, 2200, 5426},
		[]cell{c("Version"), c("Date"), c("Changes")},
		[]cell{c("{{#each history}}{{version}}"), c("{{date}}"), c("{{summary}}{{/each}}")},
	)
}

// partnersTable lists each partner with its lead and delegates, in the
// edition's terms.
func partnersTable(d *doc) {
	d.table([]int{2706, 3160, 3160},
		[]cell{c("Organisation"), c("{{edition.lead_label}}"), c("{{edition.delegate_label}}")},
		[]cell{c("{{#each partners}}**{{organisation}}**"), c("{{lead.display}}"), c("{{delegate_list}}{{/each}}")},
	)
}
