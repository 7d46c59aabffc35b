package build

// The Memorandum of Understanding, in the order of the seeds: the partners'
// agreement with each other on who leads, who pays and how they settle
// disagreements.
func mou() *doc {
	d := &doc{title: "{{document.title}}", subject: "{{partnership.name}}", footer: "{{partnership.short}} · {{document.title}}"}
	cover(d, "{{partnership.name}}")
	d.pageBreak()
	d.contents()
	d.pageBreak()

	d.h1("Introduction and context")
	d.text("introduction",
		"The Children and Social Work Act 2017 gives three safeguarding partners — the local authority, the {{edition.health_body}} and the police — a shared and equal duty to make arrangements to safeguard and promote the welfare of every child in their area. {{edition.title}} explains how they should do it.",
		"This memorandum records what the partners in {{partnership.area}} have agreed with each other to meet that duty: who represents each of them, what each is responsible for, how the arrangements are paid for, how disagreements are settled, and how the partnership works with the other boards in the area. The day-to-day arrangements themselves are published as {{partnership.arrangements_name}}; every organisation and practitioner working with children in {{partnership.area}} is expected to know and follow them.",
	)
	d.tag("{{#if partnership.vision}}")
	d.p("Our shared vision: **{{partnership.vision}}**")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.values}}")
	d.p("The values the partners hold each other to:")
	d.tag("{{#each partnership.values}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.p("This memorandum covers:")
	d.bullet("the safeguarding partners and the people who represent them;")
	d.bullet("what the partners are responsible for, alone and together;")
	d.bullet("funding and other resources;")
	d.bullet("resolving disputes and escalating concerns;")
	d.bullet("links with the wider partnerships and boards in the area.")

	d.h1("The safeguarding partners")
	d.text("partners",
		"The law names the {{edition.leads_term}}: the chief executive of the local authority, the {{edition.health_lead}}, and the chief officer of police, each for an area any part of which falls within {{partnership.area}}. In {{partnership.area}} they are:",
	)
	partnersTable(d)
	d.h2("Delegation and accountability")
	d.text("accountability",
		"Each lead may delegate their functions to a senior officer who can speak with authority for their organisation, commit it to decisions and hold it to account for carrying them out. Delegating the work does not delegate the accountability: each lead remains answerable for what is done in their organisation's name.",
		"The partners share equal and joint responsibility for the arrangements, backed by fair and proportionate funding, and each delegate makes sure their organisation takes a full part.",
	)
	d.tag("{{#each partners}}")
	d.tag("{{#if decision_body}}")
	d.bullet("**{{organisation}}**: decisions on policy, resources and commissioning involve {{decision_body}}.")
	d.tag("{{/if}}")
	d.tag("{{/each}}")

	d.h1("Roles and responsibilities")
	d.text("roles",
		"The partners have agreed to take on the following responsibilities together. Each commits the time of senior people, the data it holds and the practitioners it employs to make them real.",
	)
	d.h2("Leadership")
	d.text("leadership",
		"The partners set the direction of the arrangements, agree the priorities each year and see that every agency working with children in {{partnership.area}} plays its part. They meet as the partnership's leadership group, in person, and take decisions on behalf of their organisations.",
		"They make sure their own organisations have the policies, training and supervision that safeguarding needs, and they model the openness and professional challenge they expect of others.",
	)
	d.h2("Relationships and resolution")
	d.text("relationships",
		"The partners work as equals. They expect to disagree sometimes, and agree to raise concerns early, openly and with each other first, using the dispute resolution process in this memorandum when talking does not settle the matter.",
	)
	d.h2("Relevant agencies")
	d.text("relevant-agencies",
		"The partners name the relevant agencies they need to work with to safeguard children in the area. Those agencies must act in line with the arrangements; the partners involve them in planning, learning and scrutiny, and agree with them any contribution to the partnership's resources.",
	)
	d.tag("{{#if relevant_agencies}}")
	d.p("The relevant agencies named in the arrangements are listed in full in {{partnership.arrangements_name}}; by sector they are:")
	d.tag("{{#each agency_sectors}}")
	d.bullet("**{{name}}**: {{#each agencies}}{{name}}{{#unless @last}}; {{/unless}}{{/each}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.h2("Information and communication")
	d.text("information",
		"The partners keep practitioners, children, families and the public informed about the arrangements: what they are, what has changed and what has been learnt. The yearly report and the partnership's website are the main channels.",
	)
	d.h2("Assessment and services")
	d.text("assessment",
		"The partners make sure that children who need help are identified early, assessed promptly and offered services that match their needs, through shared thresholds and procedures that every agency uses.",
	)
	d.h2("Voice of children and young people")
	d.text("voice",
		"Children, young people and their families are asked for their views and experience, and what they say shapes the partnership's priorities and its judgement of how well the arrangements work.",
	)
	d.h2("Data and intelligence")
	d.text("data",
		"The partners share data and intelligence to understand how well children are being safeguarded, from early help through to children in care and care leavers, and use it to decide where to look more closely.",
	)
	d.h2("Serious child safeguarding cases and practice reviews")
	d.text("reviews",
		"When a serious child safeguarding case comes to light, the partners notify the national Child Safeguarding Practice Review Panel where required, carry out a rapid review and decide whether a local child safeguarding practice review is needed. They commission and publish local reviews, and make sure the learning reaches practice.",
	)
	d.h2("Training")
	d.text("training",
		"The partners decide what multi-agency training practitioners need, commission it, and check that it changes practice. Each organisation makes sure its own staff are trained for their safeguarding role.",
	)
	d.h2("Scrutiny and assurance")
	d.text("scrutiny",
		"Independent scrutiny gives the partners and the public assurance that the arrangements work, and challenges the partners where they do not.",
	)
	d.tag("{{#if scrutiny.scrutineer}}")
	d.p("Independent scrutiny is led by the {{scrutiny.scrutineer.display}}.")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.methods}}")
	d.tag("{{#each scrutiny.methods}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.h2("Information sharing and information governance")
	d.text("information-sharing",
		"The partners promote the sharing of information between and within organisations and remove the obstacles to it. An information sharing agreement, consistent with data protection and freedom of information law, puts the protection of children first.",
	)

	d.h1("Funding and resourcing")
	d.text("funding",
		"The partners share the cost of the arrangements in fair and proportionate shares, and add contributions in kind. They review the contributions every year and agree them together; a partner that does not meet its agreed share is dealt with through the dispute resolution process.",
	)
	fundingTable(d)
	d.p("The partners also discuss with the relevant agencies what those agencies can contribute, in money or in kind, since they benefit from the partnership's work.")

	d.h1("Dispute resolution and escalation")
	d.text("disputes",
		"Disagreements between the partners, or between a partner and a relevant agency, are resolved locally and quickly wherever possible, by the people closest to them, with open challenge and respect.",
		"When they cannot be resolved that way, the partners agree which of them will lead on the matter on behalf of all three. If that fails, the matter goes to the independent scrutineer, who works with the {{edition.leads_term}} to resolve it. As a last resort the partners may seek independent arbitration.",
		"Partners that do not meet their statutory duties can be held to account by the inspectorates (Ofsted, the Care Quality Commission and His Majesty's Inspectorate of Constabulary and Fire & Rescue Services), and the Secretary of State may intervene.",
	)

	d.h1("Partnership arrangements")
	d.text("boards",
		"The partnership works alongside the other strategic partnerships in {{partnership.area}} that support children, young people and the adults they depend on. The partners align plans with them, keep them informed and ask for their help where their work affects children's safety.",
	)
	d.tag("{{#if boards}}")
	d.p("The partnership links with:")
	d.tag("{{#each boards}}")
	d.bullet("{{name}}{{#if purpose}}: {{purpose}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	governance(d)

	d.h1("Review")
	d.text("review",
		"The partners review this memorandum together and update it when the law, the guidance or local circumstances change.",
	)
	reviewDates(d)

	d.tag("{{#if history}}")
	d.h1("Document history")
	historyTable(d)
	d.tag("{{/if}}")

	d.h1("Endorsement")
	d.text("endorsement",
		"We, the undersigned, endorse this Memorandum of Understanding and accept our responsibility for making {{partnership.arrangements_name}} effective.",
	)
	d.signatures()
	return d
}

// cover writes the title page.
func cover(d *doc, subtitle string) {
	d.title1("{{document.title}}")
	d.subtitle(subtitle)
	d.p("{{document.date}}{{#if document.version}} · Version {{document.version}}{{/if}}")
	d.p("Following {{edition.title}}")
	d.p("Fingerprint {{document.fingerprint}}")
}

// fundingTable writes the current year's contributions, or says there are
// none on record.
func fundingTable(d *doc) {
	d.tag("{{#if funding}}")
	d.p("Contributions for {{funding.year}}:")
	d.table([]int{4826, 2400, 1800},
		[]cell{c("Contributor"), c("Amount"), c("Share")},
		[]cell{c("{{#each funding.rows}}{{name}}"), c("{{amount | money}}"), c("{{share | percent}}{{/each}}")},
		[]cell{c("**Total**"), c("**{{funding.total | money}}**"), c("**100%**")},
	)
	d.tag("{{#if funding.in_kind}}")
	d.p("Contributions in kind:")
	d.tag("{{#each funding.in_kind}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if funding.note}}")
	d.p("{{funding.note}}")
	d.tag("{{/if}}")
	d.tag("{{else}}")
	d.p("The partners' contributions for the year are agreed separately and published with the yearly report.")
	d.tag("{{/if}}")
}

// governance writes the meetings and sub-groups.
func governance(d *doc) {
	d.tag("{{#if meetings}}")
	d.h2("Governance meetings")
	d.tag("{{#each meetings}}")
	d.h3("{{name}}")
	d.tag("{{#if purpose}}")
	d.p("{{purpose}}")
	d.tag("{{/if}}")
	d.tag("{{#if chair_name}}")
	d.bullet("Chaired by {{chair_name}}.")
	d.tag("{{/if}}")
	d.tag("{{#if frequency}}")
	d.bullet("Meets {{frequency}}.")
	d.tag("{{/if}}")
	d.tag("{{#if members}}")
	d.bullet("Members: {{members | join \"; \"}}.")
	d.tag("{{/if}}")
	d.tag("{{#if reports_to}}")
	d.bullet("Reports to the {{reports_to}}.")
	d.tag("{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if subgroups}}")
	d.h2("Sub-groups")
	d.table([]int{3000, 6026},
		[]cell{c("Group"), c("What it does")},
		[]cell{c("{{#each subgroups}}**{{name}}**"), cell{"{{purpose}}", "{{#if chair_name}}Chair: {{chair_name}}. {{/if}}{{#if frequency}}Meets {{frequency}}.{{/if}}{{/each}}"}},
	)
	d.tag("{{/if}}")
}

func reviewDates(d *doc) {
	d.tag("{{#if review}}")
	d.tag("{{#if review.frequency}}")
	d.bullet("Reviewed {{review.frequency}}.")
	d.tag("{{/if}}")
	d.tag("{{#if review.last}}")
	d.bullet("Last reviewed: {{review.last}}.")
	d.tag("{{/if}}")
	d.tag("{{#if review.next}}")
	d.bullet("Next review due: {{review.next}}.")
	d.tag("{{/if}}")
	d.tag("{{/if}}")
}

func historyTable(d *doc) {
	d.table([]int{1400, 2200, 5426},
		[]cell{c("Version"), c("Date"), c("Changes")},
		[]cell{c("{{#each history}}{{version}}"), c("{{date}}"), c("{{summary}}{{/each}}")},
	)
}

// partnersTable lists each partner with its lead and delegate, in the
// edition's terms.
func partnersTable(d *doc) {
	d.table([]int{2706, 3160, 3160},
		[]cell{c("Organisation"), c("{{edition.lead_label}}"), c("{{edition.delegate_label}}")},
		[]cell{c("{{#each partners}}**{{organisation}}**"), c("{{lead.display}}"), c("{{delegate.display | default \"Not delegated\"}}{{/each}}")},
	)
}
