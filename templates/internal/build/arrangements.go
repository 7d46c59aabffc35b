package build

// The published multi-agency safeguarding arrangements, in the order of
// the Cumbria 2019 and Westmorland and Furness 2025 seeds.
func arrangements() *doc {
	d := &doc{title: "{{document.title}}", subject: "{{partnership.name}}", footer: "{{partnership.short}} · {{document.title}}"}
	cover(d, "{{partnership.name}}")
	d.pageBreak()
	d.contents()
	d.pageBreak()

	d.h1("Foreword")
	d.text("foreword",
		"These are the arrangements the safeguarding partners in {{partnership.area}} have made to work together, and with every agency that has a part to play, so that children are safe and their welfare is promoted. They say who leads, how decisions are made, how we learn when things go wrong and how we check that what we do makes a difference to children and families.",
		"We are jointly and equally responsible for them, and we commit our organisations to them.",
	)
	d.tag("{{#each partners}}")
	d.styled("SignatoryName", props{keepNext: true}, "{{lead.display}}")
	d.p("{{organisation}}")
	d.tag("{{/each}}")

	d.h1("Background")
	d.text("background",
		"The Children and Social Work Act 2017 replaced Local Safeguarding Children Boards with safeguarding partners: the local authority, the {{edition.health_body}} and the chief officer of police for the area. The partners must make arrangements, with the relevant agencies they name, to safeguard and promote the welfare of children, and publish them. {{edition.title}} is the statutory guidance they follow.",
	)
	d.tag("{{#if partnership.predecessor}}")
	d.p("These arrangements replace {{partnership.predecessor}}.")
	d.tag("{{/if}}")

	d.h1("The statutory partners")
	d.text("partners",
		"The {{edition.leads_term}} for {{partnership.area}}, and the {{edition.delegates_term}} who act for them, are:",
	)
	partnersTable(d)
	d.tag("{{#if scrutiny.chair}}")
	d.p("The partnership is chaired by {{scrutiny.chair.display}}.")
	d.tag("{{/if}}")
	d.tag("{{#each partners}}")
	d.tag("{{#if footprint}}")
	d.bullet("**{{organisation}}**: {{footprint}}")
	d.tag("{{/if}}")
	d.tag("{{/each}}")

	d.tag("{{#if geography}}")
	d.h1("Geographical area")
	d.text("geography",
		"{{#if geography.description}}{{geography.description}}{{else}}The arrangements cover the whole of {{partnership.area}}.{{/if}}",
	)
	d.tag("{{#if geography.local_authorities}}")
	d.p("Local authorities covered: {{geography.local_authorities | join \", \"}}.")
	d.tag("{{/if}}")
	d.tag("{{#if geography.figures}}")
	d.table([]int{4000, 1800, 3226},
		[]cell{c("The area in figures"), c("Figure"), c("Note")},
		[]cell{c("{{#each geography.figures}}{{label}}"), c("{{value | number}}{{#if unit}} {{unit}}{{/if}}"), c("{{note}}{{/each}}")},
	)
	d.tag("{{/if}}")
	d.tag("{{/if}}")

	d.h1("Aims and objectives")
	d.text("aims",
		"The partners aim to make sure that every child in {{partnership.area}} gets the help they need as early as possible, that practitioners from every agency work as one around the child, and that the partnership learns and improves from what children, families and practitioners tell it.",
	)
	d.tag("{{#if partnership.vision}}")
	d.p("Our vision: **{{partnership.vision}}**")
	d.tag("{{/if}}")
	d.tag("{{#if partnership.values}}")
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
	d.tag("{{#each actions}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")

	d.h1("Legislative context")
	d.text("legislation",
		"The arrangements rest on the Children Act 1989 and the Children Act 2004 as amended by the Children and Social Work Act 2017, which created the safeguarding partners, the duty on relevant agencies to cooperate with them, and the national Child Safeguarding Practice Review Panel. {{edition.title}} is the statutory guidance the partners must follow, alongside the Child Death Review statutory guidance.",
	)

	d.h1("Governance")
	d.text("governance",
		"The partners meet regularly to lead the arrangements, and delegate the detailed work to the groups below. Each group has terms of reference and reports on its work to the partners.",
	)
	governance(d)

	d.tag("{{#if relevant_agencies}}")
	d.h1("Relevant agencies")
	d.text("relevant-agencies",
		"The partners have named the following relevant agencies because their work with children and families is essential to safeguarding in the area. Each must cooperate with the arrangements; the partners involve them through the sub-groups, training, audit and the yearly report.",
	)
	d.tag("{{#each agency_sectors}}")
	d.h3("{{name}}")
	d.tag("{{#each agencies}}")
	d.bullet("{{name}}{{#if national}} (national){{/if}}{{#if rationale}}: {{rationale}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")

	d.tag("{{#if boards}}")
	d.h1("Wider partnerships")
	d.text("boards",
		"The partnership works with the other strategic boards and partnerships in the area, so that plans are aligned and each knows what the others are doing for children and families.",
	)
	d.tag("{{#each boards}}")
	d.bullet("{{name}}{{#if purpose}}: {{purpose}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")

	d.h1("Schools and education")
	d.text("education",
		"Early years settings, schools, colleges and other educational settings see children every day and are central to these arrangements. They are represented in the partnership's groups, their designated safeguarding leads are supported and trained through it, and they contribute to audits and reviews.",
	)

	d.h1("Funding")
	d.text("funding",
		"The partners fund the arrangements jointly, in fair and proportionate shares, and set out each partner's contribution openly. Relevant agencies may contribute in money or in kind.",
	)
	fundingTable(d)

	d.h1("Dispute resolution")
	d.text("disputes",
		"Disagreements between partners, or with a relevant agency, are resolved as close to the issue as possible and escalated only when that fails: first between the people involved, then between the delegates, then to the leads, with the independent scrutineer's advice.",
	)

	d.h1("Independent scrutiny")
	d.text("scrutiny",
		"Independent scrutiny checks whether the arrangements are working for children and families, supports the partners to reflect and improve, and reports its findings in the yearly report.",
	)
	d.tag("{{#if scrutiny.scrutineer}}")
	d.p("Scrutiny is led by the {{scrutiny.scrutineer.display}}.")
	d.tag("{{/if}}")
	d.tag("{{#each scrutiny.methods}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")

	d.h1("Data and intelligence")
	d.text("data",
		"The partners collect and analyse shared data on the help children receive, from early help to children in care and care leavers, and use it to set priorities, to target audits and to test whether changes have worked.",
	)

	d.h1("Training")
	d.text("training",
		"The partners commission multi-agency training based on what reviews, audits and data show practitioners need, deliver it through the partnership, and evaluate whether it changes practice.",
	)

	d.h1("Local child safeguarding practice reviews")
	d.text("reviews",
		"The partners identify serious child safeguarding cases, notify the Child Safeguarding Practice Review Panel within five working days where required, hold a rapid review within fifteen working days and decide whether to commission a local child safeguarding practice review. Reviews are published unless there is a good reason not to, and their learning is built into training, procedures and practice.",
	)

	d.h1("Multi-agency audit")
	d.text("audit",
		"A programme of multi-agency audits looks at the quality of practice in individual cases and across agencies. Findings go to the partners and shape training and procedures.",
	)

	d.h1("Voice of children and families")
	d.text("voice",
		"Children, young people and families are asked how the help they received felt to them, and their views shape priorities, reviews and scrutiny.",
	)

	d.h1("Multi-agency procedures")
	d.text("procedures",
		"Practitioners follow the partnership's multi-agency safeguarding procedures, which the partners keep up to date with the law, the guidance and local learning.",
	)

	d.h1("Threshold of need")
	d.text("threshold",
		"A shared threshold document describes the levels of need and the help available at each, so that every agency makes the same judgement about when and how to act. The partners keep it in line with these arrangements.",
	)

	d.h1("Youth custody and residential homes")
	d.text("youth-custody",
		"Children placed in youth custody or in residential children's homes in the area are covered by these arrangements, whoever placed them. The partners work with the providers and the placing authorities to keep them safe.",
	)

	d.h1("Child death review")
	d.text("child-death",
		"The local authority and the {{edition.health_body}} are the child death review partners. They review the death of every child normally resident in the area, through a child death overview panel, so that lessons are learnt and acted on.",
	)

	d.h1("Review of the arrangements")
	d.text("review",
		"The partners review these arrangements regularly and publish a revised version when anything significant changes.",
	)
	reviewDates(d)
	d.p("Each year the partners publish a yearly report on what they have done and how effective the arrangements have been, at {{report.location}}.")

	d.tag("{{#if milestones}}")
	d.h1("Milestones")
	d.table([]int{6026, 3000},
		[]cell{c("Milestone"), c("When")},
		[]cell{c("{{#each milestones}}{{label}}"), c("{{when}}{{/each}}")},
	)
	d.tag("{{/if}}")

	d.tag("{{#if glossary}}")
	d.h1("Glossary")
	d.table([]int{1800, 7226},
		[]cell{c("Term"), c("Meaning")},
		[]cell{c("{{#each glossary}}**{{term}}**"), c("{{meaning}}{{/each}}")},
	)
	d.tag("{{/if}}")

	d.tag("{{#if history}}")
	d.h1("Document history")
	historyTable(d)
	d.tag("{{/if}}")
	return d
}
