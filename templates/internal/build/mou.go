package build

// The Memorandum of Understanding, in the order of the two MOU seeds
// (Herefordshire and Cumbria 2019): introduction, the partners and their
// delegates, their responsibilities theme by theme, funding, disputes, the
// wider partnerships, and the endorsement. Every local fact comes from the
// data; the default sentences state the duties every partnership shares
// under the edition of Working Together in the data.
func mou() *doc {
	d := &doc{title: "{{document.title}}", subject: "{{partnership.name}}"}
	cover(d, "{{partnership.name}}")
	d.pageBreak()
	d.contents()
	d.pageBreak()

	d.h1("Introduction and context")
	section(d, "introduction",
		"The Children Act 2004, as amended by the Children and Social Work Act 2017, gives the safeguarding partners — the local authority, the {{edition.health_body}} and the police — a shared and equal duty to make arrangements to work together, and with the relevant agencies they name, to safeguard and promote the welfare of every child in their area. {{edition.title}} is the statutory guidance on how they do it.",
		"This memorandum records what the partners in {{partnership.area}} have agreed with each other to meet that duty. The arrangements themselves are published as {{partnership.arrangements_name}}{{#if partnership.in_force_date}}, in force from {{partnership.in_force_date}}{{/if}}; every organisation and practitioner working with children in {{partnership.area}} is expected to know them and act in line with them.",
	)
	d.tag("{{#if partnership.all_age}}")
	d.p("The partnership is an all-age partnership: its arrangements cover adults at risk as well as children, and this memorandum applies to both.")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.vision}}")
	d.p("The partners' shared vision: **{{partnership.vision}}**")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.values}}")
	leadIn(d, "The values the partners hold each other to are these:")
	d.tag("{{#each partnership.values}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	leadIn(d, "This memorandum sets out:")
	d.bullet("who the safeguarding partners are and who represents them;")
	d.bullet("what the partners are responsible for, alone and together;")
	d.bullet("how the arrangements are funded;")
	d.bullet("how disputes are resolved and concerns escalated;")
	d.bullet("how the partnership works with the wider partnerships and boards in the area.")
	d.tag("{{#if review.frequency}}")
	d.p("The partners review this memorandum {{review.frequency}}.")
	d.tag("{{/if}}")

	d.h1("The safeguarding partners")
	d.text("partners",
		"The law names the {{edition.leads_term}}: the chief executive of the local authority, the {{edition.health_lead}}, and the chief officer of police, each for an area any part of which falls within the local authority area. In {{partnership.area}} the partners, and those who act for them, are:",
	)
	partnersTable(d)
	points(d, "partners")
	membersList(d)
	d.h2("Delegation and accountability")
	section(d, "accountability",
		"A lead may delegate their functions to a senior officer who can speak with authority for their organisation, commit it to decisions and hold it to account for carrying them out. Delegating the work does not delegate the accountability: each lead remains answerable for what is done in their organisation's name.",
		"The partners have equal and joint responsibility for the arrangements, backed by equitable and proportionate funding, including any contributions from relevant agencies; each delegate makes sure their organisation takes a full part.",
	)
	d.tag("{{#if scrutiny.chair_role}}")
	d.p("{{scrutiny.chair.display}} is {{scrutiny.chair_role}} and also chairs the partnership.")
	d.tag("{{/if}}")
	decisionBodies(d)

	d.h1("Roles and responsibilities")
	d.text("roles",
		"The {{edition.leads_term}}, and the {{edition.delegates_term}} they have given authority to, can:",
	)
	d.tag("{{#unless text.roles}}")
	d.bullet("speak with authority for the partner they represent;")
	d.bullet("take decisions for their organisation and commit it on policy, resources and practice;")
	d.bullet("hold their own organisation to account for how well it takes part in, and carries out, the arrangements.")
	d.p("Together the partners agree how to co-ordinate their safeguarding services, act as a strategic leadership group that supports and engages others, and put local and national learning, including from serious incidents, into practice. They are responsible for the following.")
	d.tag("{{/unless}}")
	points(d, "roles")

	d.h2("Leadership")
	section(d, "leadership",
		"The partners lead the arrangements actively, make sure they meet the statutory requirements, provide the resources the groups need to work well, and check that the groups make a difference.",
	)
	d.tag("{{#if disputes.single_point}}")
	d.p("When an issue needs a clear, single point of leadership, the partners decide which of them leads on it, {{disputes.single_point}}.")
	d.tag("{{/if}}")
	d.tag("{{#if edition.is_2023}}")
	d.p("The {{edition.leads_term}} review and sign off the published arrangements, including the plans for independent scrutiny, the shared annual budget, the yearly report and the local threshold document.")
	d.tag("{{/if}}")

	d.h2("Relationships and resolution")
	section(d, "relationships",
		"The partners build open relationships with each other and with other relevant bodies so that information is shared in good time and in proportion, keep a quick and straightforward way of resolving differences of professional opinion, and check that the arrangements work, acting when they are concerned.",
	)

	d.h2("Relationships with relevant agencies")
	d.text("relevant-agencies",
		"The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018 list the agencies the partners may name as relevant agencies; those named must act in line with the arrangements. Towards them the partners will:",
	)
	d.tag("{{#unless text.relevant_agencies}}")
	d.bullet("make sure each knows what the arrangements expect of it, and consult them as the arrangements develop, taking account of their own structures and statutory duties;")
	d.bullet("assure themselves of the quality of the agencies' safeguarding practice and that each has sound safeguarding policies and procedures;")
	d.bullet("provide a framework for sharing information between all of them;")
	d.bullet("agree how agencies with a national remit take part, given their duties to several partnerships;")
	d.bullet("secure the clinical expertise of the designated health professionals for safeguarding;")
	d.bullet("make sure that schools, colleges, early years settings and other educational providers in the area are fully engaged and involved.")
	d.tag("{{/unless}}")
	points(d, "relevant-agencies")
	d.tag("{{#if relevant_agencies}}")
	leadIn(d, "The relevant agencies are listed in full in {{partnership.arrangements_name}}. By sector they are:")
	d.tag("{{#each agency_sectors}}")
	d.bullet("**{{name}}**: {{#each agencies}}{{name}}{{#unless @last}}; {{/unless}}{{/each}}")
	d.tag("{{/each}}")
	d.tag("{{else}}")
	d.p("The relevant agencies are set out in {{partnership.arrangements_name}}.")
	d.tag("{{/if}}")

	d.h2("Information and communication")
	section(d, "information",
		"The partners know their own duties under information law and have regard to the Information Commissioner's Office guidance when they request information or answer requests. They communicate regularly with the relevant agencies and the others they expect to work with them.",
	)

	d.h2("Assessment and services")
	section(d, "assessment",
		"The partners agree with the relevant agencies the levels of need for the different kinds of assessment and the services to be commissioned and delivered at each, and keep an up-to-date threshold document{{#if procedures.threshold}}, {{procedures.threshold}},{{/if}} that sets out the local criteria for action in a way that is transparent, accessible and easy to understand.",
	)

	d.h2("Voice of children and young people")
	section(d, "voice",
		"The partners make sure children and young people are heard, create opportunities to engage them, and seek assurance that practitioners work with children and families in an empowering, compassionate and honest way, listening to their views and experience.",
	)
	voiceForums(d)

	d.h2("Data and intelligence")
	section(d, "data",
		"The partners provide data, analysis and intelligence to judge how effective the help given to children is, from early help onwards, and use the Joint Strategic Needs Assessment to understand how common needs are and in what circumstances they arise, so that services follow need.",
	)

	d.h2("Serious child safeguarding cases and practice reviews")
	d.text("reviews",
		"The partners make arrangements to identify and review serious child safeguarding cases that raise issues of importance for the area. To do so they:",
	)
	d.tag("{{#unless text.reviews}}")
	reviewDuties(d)
	d.tag("{{/unless}}")
	points(d, "reviews")

	d.h2("Training")
	section(d, "training",
		"The partners agree what multi-agency training the arrangements provide, and monitor and evaluate whether the training they commission is effective.",
	)

	d.h2("Scrutiny and assurance")
	section(d, "scrutiny",
		"The partners arrange independent scrutiny that is objective, acts as a critical friend and promotes reflection to drive continuous improvement. They publish a report at least once in every 12 months on what they have done as a result of the arrangements, including child safeguarding practice reviews, and how effective the arrangements have been; they agree how that report is independently scrutinised, make it widely available, and include in it any updates to the published arrangements with the timescale for putting them in place.",
	)
	scrutinyFacts(d)

	d.h2("Information sharing and information governance")
	section(d, "information-sharing",
		"The partners support information sharing between and within organisations and remove the barriers to it, under an information sharing agreement that follows data protection and freedom of information law and puts the protection of children first.",
	)
	dataSharing(d)

	d.h1("Funding and resourcing")
	section(d, "funding",
		"The partners share the cost of the arrangements in equitable and proportionate payments, and add contributions in kind. They review the funding every year and agree it together; if a partner does not meet its agreed share, the dispute resolution process below is used.",
	)
	d.tag("{{#if edition.is_2023}}")
	d.p("Each partner's contribution is set out openly, so that children, families and the public can see how the arrangements are paid for, and the {{edition.leads_term}} sign off the shared budget.")
	d.tag("{{/if}}")
	fundingTable(d)
	d.p("The partners also agree with the relevant agencies any contribution, in money or in kind, that those agencies make, since they benefit from the partnership's work.")

	d.h1("Dispute resolution and escalation")
	section(d, "disputes",
		"Disagreements between the partners, or between a partner and a relevant agency, are resolved locally and quickly wherever possible, through open leadership, transparency and respectful professional challenge.",
	)
	disputeFacts(d)
	d.tag("{{#if disputes.practice_policy}}")
	d.h2("Escalation between practitioners")
	section(d, "practice-escalation",
		"Practitioners who disagree about how to keep a child safe resolve it quickly and simply, following {{disputes.practice_policy}}. A disagreement never stands in the way of safeguarding the child.",
	)
	d.tag("{{/if}}")

	d.h1("Partnership arrangements")
	section(d, "boards",
		"The partnership works alongside the other strategic partnerships in {{partnership.area}} that support children, young people and the adults they depend on: the partners align plans with them, keep them informed and ask for their support where their work affects children's safety.",
	)
	d.tag("{{#if boards}}")
	leadIn(d, "The partnership links with these boards and partnerships:")
	d.tag("{{#each boards}}")
	d.bullet("{{name}}{{#if purpose}}: {{purpose}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	governance(d)

	d.tag("{{#if history}}")
	d.h1("Document history")
	historyTable(d)
	d.tag("{{/if}}")

	d.h1("Endorsement")
	section(d, "endorsement",
		"We, the undersigned, endorse this Memorandum of Understanding and accept our responsibility for making the arrangements it describes effective for the children of {{partnership.area}}.",
	)
	d.signatures()
	return d
}

// section writes a section's wording (the data's own, or the defaults)
// followed by the partnership's own points for it, in their order.
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

// cover writes the title page.
func cover(d *doc, subtitle string) {
	d.title1("{{document.title}}")
	d.subtitle(subtitle)
	d.p("{{document.date}}{{#if document.version}} · Version {{document.version}}{{/if}}")
	d.p("Following {{edition.title}}")
	d.p("Fingerprint {{document.fingerprint}}")
}

// membersList names the members who are not statutory partners.
func membersList(d *doc) {
	d.tag("{{#if members}}")
	leadIn(d, "Members who are not statutory partners also sit with the partners:")
	d.tag("{{#each members}}")
	d.bullet("**{{organisation}}**{{#if name}}: {{name}}{{#if title}}, {{title}}{{/if}}{{/if}}{{#unless name}}{{#if title}}: {{title}}{{/if}}{{/unless}}{{#if sits}} ({{sits}}){{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

// decisionBodies says who takes each partner's policy decisions.
func decisionBodies(d *doc) {
	d.tag("{{#each partners}}")
	d.tag("{{#if decision_body}}")
	d.p("For {{organisation}}, decisions on policy, resources and commissioning involve {{decision_body}}.")
	d.tag("{{/if}}")
	d.tag("{{/each}}")
}

// reviewDuties are the partners' standing duties on serious cases.
func reviewDuties(d *doc) {
	d.bullet("have regard to the statutory guidance and to any guidance the national Child Safeguarding Practice Review Panel publishes;")
	d.bullet("make sure the local authority notifies the Panel of serious incidents whenever it must;")
	d.bullet("hold rapid reviews promptly and send each completed rapid review to the Panel;")
	d.bullet("commission and oversee a local child safeguarding practice review where they judge one appropriate, agree its method with the reviewer, and check its progress and quality;")
	d.bullet("decide openly whether to hold a review, and explain the decision, including to the family;")
	d.bullet("involve practitioners in each review and invite the family, including surviving children, to contribute;")
	d.bullet("make sure each final report summarises the improvements it recommends and analyses the underlying reasons for what was or was not done;")
	d.bullet("tell the national Panel and the Secretary of State the reasons for any delay, or for any decision not to publish, and send them a copy of each full report;")
	d.bullet("take account of the findings of local and national reviews, share them, and regularly audit the progress of the improvements.")
}

// scrutinyFacts prints who leads scrutiny and how.
func scrutinyFacts(d *doc) {
	d.tag("{{#if scrutiny.lead}}")
	d.p("Independent scrutiny is led by {{scrutiny.lead.phrase}}.")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.duties}}")
	leadIn(d, "{{#if scrutiny.by_chair}}The independent chair's{{else}}The independent scrutineer's{{/if}} role is to:")
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
	d.p("These bodies also take part in scrutiny: {{scrutiny.bodies | join \"; \"}}.")
	d.tag("{{/if}}")
}

// dataSharing lists the information sharing agreements and their status.
func dataSharing(d *doc) {
	d.tag("{{#each data_sharing}}")
	d.p("{{name}}{{#if with}}, with {{with}}{{/if}}: {{status_text}}.{{#if scope}} It covers {{scope}}.{{/if}}")
	d.tag("{{/each}}")
}

// voiceForums lists the forums for children's and families' voice.
func voiceForums(d *doc) {
	d.tag("{{#if voice}}")
	leadIn(d, "Children, young people and families are heard through these forums:")
	d.tag("{{#each voice}}")
	d.bullet("**{{name}}**{{#if developing}} (being developed){{/if}}{{#if purpose}}: {{purpose}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
}

// disputeFacts prints the policy, the escalation route, arbitration and
// the regulators: the data's, or a route that follows who leads scrutiny.
func disputeFacts(d *doc) {
	d.tag("{{#if disputes.policy}}")
	d.p("The policy for resolving disagreements is **{{disputes.policy}}**.{{#if disputes.policy_note}} {{disputes.policy_note}}{{/if}}")
	d.tag("{{/if}}")
	d.p("When a single partner needs to lead on a disagreement, the partners agree which is best placed and it acts on behalf of, and in the interest of, all {{counts.partners}} partners{{#if disputes.single_point}}; this is agreed {{disputes.single_point}}{{/if}}.")
	d.tag("{{#if disputes.route}}")
	leadIn(d, "A disagreement that is not resolved is escalated in this order:")
	d.tag("{{#each disputes.route}}")
	d.number("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#unless disputes.route}}")
	d.tag("{{#if scrutiny.lead}}")
	d.p("If the partners cannot resolve it, the matter goes to {{scrutiny.lead.phrase}}, who works with the {{edition.leads_term}} to resolve it.")
	d.tag("{{/if}}")
	d.tag("{{/unless}}")
	d.tag("{{#if disputes.arbitration}}")
	d.p("If no resolution can be reached, the partners{{#if scrutiny.lead}}, consulting {{scrutiny.lead.phrase}},{{/if}} consider formal independent arbitration through {{disputes.arbitration}}.")
	d.tag("{{/if}}")
	d.tag("{{#if disputes.regulator_list}}")
	d.p("Partners that do not meet their statutory duties are held to account through regulation and inspection, for example by {{disputes.regulator_list}}, and the Secretary of State may take enforcement action.")
	d.tag("{{else}}")
	d.p("Partners that do not meet their statutory duties are held to account through regulation and inspection, by Ofsted, the Care Quality Commission and {{terms.constabulary}}, and the Secretary of State may take enforcement action.")
	d.tag("{{/if}}")
}

// fundingTable writes the current year's contributions, or says there are
// none on record.
func fundingTable(d *doc) {
	d.tag("{{#if funding}}")
	leadIn(d, "The contributions for {{funding.year}} are:")
	d.table([]int{4826, 2400, 1800},
		[]cell{c("Contributor"), c("Amount"), c("Share")},
		[]cell{c("{{#each funding.rows}}{{name}}"), c("{{amount | money}}"), c("{{percent}}{{/each}}")},
		[]cell{c("**Total**"), c("**{{funding.total | money}}**"), c("**{{funding.percent}}**")},
	)
	d.tag("{{#if funding.in_kind}}")
	leadIn(d, "The partners also contribute in kind, for example:")
	d.tag("{{#each funding.in_kind}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if funding.note}}")
	d.p("{{funding.note}}")
	d.tag("{{/if}}")
	d.tag("{{else}}")
	d.p("The partners agree their contributions each year; each partner's share is published with the yearly report.")
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
	leadIn(d, "The partners delegate detailed work to these groups:")
	d.table([]int{3000, 6026},
		[]cell{c("Group"), c("What it does")},
		[]cell{c("{{#each subgroups}}**{{name}}**"), cell{"{{purpose}}", "{{#if chair_name}}Chair: {{chair_name}}. {{/if}}{{#if frequency}}Meets {{frequency}}. {{/if}}{{#if reports_to_text}}Reports to: {{reports_to_text}}.{{/if}}{{/each}}"}},
	)
	d.tag("{{/if}}")
}

// groupTerms writes one group's terms of reference in sentences.
func groupTerms(d *doc) {
	d.tag("{{#if purpose}}")
	d.p("{{purpose}}")
	d.tag("{{/if}}")
	d.p("{{#if chair_name}}Chair: {{chair_name}}. {{/if}}{{#if rotation_text}}{{rotation_text}} {{/if}}{{#if frequency}}It meets {{frequency}}. {{/if}}{{#if quorum}}Quorum: {{quorum}}. {{/if}}{{#if reports_to_text}}It reports to: {{reports_to_text}}.{{/if}}")
	d.tag("{{#if shared_with_text}}")
	d.p("It is shared with {{shared_with_text}}.")
	d.tag("{{/if}}")
	d.tag("{{#if members}}")
	d.p("Members: {{members | join \"; \"}}.")
	d.tag("{{/if}}")
	d.tag("{{#if objectives}}")
	leadIn(d, "Its objectives are to:")
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
