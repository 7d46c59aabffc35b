package build

// The yearly report skeleton: every section the guidance asks for (the
// report.* items of statutory.md), filled with what the data knows, and a
// Prompt paragraph wherever the team must write.
func report() *doc {
	d := &doc{title: "{{document.title}} — {{partnership.name}}", subject: "{{partnership.name}}"}
	d.title1("{{document.title}}")
	d.subtitle("{{partnership.name}}")
	d.tag("{{#if report.period}}")
	d.p("Covering {{report.start}} to {{report.end}}")
	d.tag("{{/if}}")
	d.p("Following {{edition.title}}")
	d.tag("{{#if partnership.website}}")
	d.p("{{partnership.website}}")
	d.tag("{{/if}}")
	d.pageBreak()
	d.contents()
	d.pageBreak()

	d.h1("About this report")
	d.under(lawReport, func() {
		d.p("The safeguarding partners must publish a report at least once in every 12 months on what they have done as a result of their arrangements and how effective those arrangements have been.")
	})
	d.tag("{{#if report.period}}")
	d.p("This report covers {{report.start}} to {{report.end}}.")
	d.tag("{{/if}}")
	localsIntro(d)
	d.tag("{{#if partnership.all_age}}")
	d.p("As the partnership is an all-age partnership, this report covers its work for adults at risk as well as for children.")
	d.tag("{{/if}}")
	d.tag("{{#unless report.period}}")
	d.prompt("The data does not give this report's period, and the document date is not known to the day: add [report] start and end to the data file and rebuild.")
	d.tag("{{/unless}}")
	d.h2("Publication")
	d.tag("{{#if report.published}}")
	d.p("Published on {{report.published}}{{#if report.location_known}} at {{report.location}}{{/if}}.")
	d.tag("{{else}}")
	d.tag("{{#if report.location_known}}")
	d.p("To be published at {{report.location}}.")
	d.tag("{{/if}}")
	d.prompt("Record the publication date in the data file ([report] published = YYYY-MM-DD) and rebuild: the dates below are then worked out for you.")
	d.tag("{{/if}}")
	d.tag("{{#if report.recipients}}")
	// The recipients are the guidance's unless the data names its own.
	d.under(lawReport, func() {
		leadIn(d, "After publication, a copy must be sent to each of these bodies within the days shown:")
		d.table([]int{5226, 1800, 2000},
			[]cell{c("Send a copy to"), c("Within"), c("By")},
			[]cell{c("{{#each report.recipients}}{{name}}"), c("{{within_days}} days"), c("{{by | default \"—\"}}{{/each}}")},
		)
	})
	d.tag("{{/if}}")
	d.tag("{{#if report.next_due}}")
	d.p("The next yearly report must be published by **{{report.next_due}}**.")
	d.tag("{{/if}}")
	d.tag("{{#if edition.is_2023}}")
	d.under(lawWT2023, func() {
		d.p("The {{edition.leads_term}} must review and sign off this report before it is published.")
	})
	d.tag("{{/if}}")

	d.h1("The partnership")
	d.under(lawLeads, func() {
		leadIn(d, "The {{edition.leads_term}} and their {{edition.delegates_term}} during the year were:")
	})
	partnersTable(d)
	localsList(d)
	d.tag("{{#if scrutiny.chair}}")
	d.p("The partnership is chaired by {{scrutiny.chair.phrase}}.")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.lead_sentence}}")
	d.p("{{scrutiny.lead_sentence}}")
	d.tag("{{/if}}")
	d.tag("{{#if scrutiny.scrutineer_sentence}}")
	d.p("{{scrutiny.scrutineer_sentence}}")
	d.tag("{{/if}}")
	d.prompt("Note any change of lead, delegate or chair during the year, with its date.")
	d.tag("{{#if partnership.priorities}}")
	d.h2("Priorities for the year")
	leadIn(d, "The partnership's priorities for the year were:")
	d.tag("{{#each partnership.priorities}}")
	d.number("{{title}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if relevant_agencies}}")
	d.h2("Relevant agencies")
	leadIn(d, "The partners have named {{counts.agencies}} in the arrangements. By sector:")
	d.tag("{{#each agency_sectors}}")
	d.bullet("**{{name}}**{{#if list}}: {{list}}{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if boards}}")
	d.h2("Wider partnerships")
	boardsList(d, "The partnership works with these boards and partnerships:")
	d.tag("{{/if}}")

	d.h1("What the partners did as a result of the arrangements")
	d.promptText("activity", "Describe what the partners and relevant agencies did during the year because of these arrangements: the work of each group below, decisions taken, and changes made.")
	d.tag("{{#if meetings}}")
	d.tag("{{#each meetings}}")
	d.h2("{{name}}")
	d.prompt("Describe this meeting's work during the year{{#if frequency}} (it meets {{frequency}}){{/if}}: what it decided and what changed as a result.")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#each subgroups}}")
	d.h2("{{name}}")
	d.prompt("Describe this group's work during the year: what it did and what difference it made.")
	d.tag("{{/each}}")
	d.h2("Child safeguarding practice reviews")
	d.promptText("review-actions", "List the rapid reviews held and the local child safeguarding practice reviews commissioned or published during the year, and the decisions and actions taken — or planned — on the recommendations of local and national reviews, with the improvements that resulted.")

	d.h1("How effective the arrangements have been")
	d.promptText("effectiveness", "Judge how well the arrangements worked in practice, with the evidence: scrutiny findings, audits, data and inspection results.")

	d.h1("Impact on outcomes for children and families")
	d.promptText("impact", "Give evidence of the difference the partners' and relevant agencies' work, including training, made to children and families — from early help to children in care and care leavers.")

	d.h1("Where progress has been slow")
	d.promptText("no-progress", "Analyse any priority or area where there is little or no evidence of progress, why, and what will change.")
	d.tag("{{#each partnership.priorities}}")
	d.h2("{{title}}")
	d.prompt("Progress on this priority this year, with its evidence.")
	d.tag("{{/each}}")

	d.h1("Listening to children and families")
	d.promptText("feedback", "Say how the partners sought feedback from children and families during the year and what they changed because of it.")

	d.tag("{{#if partnership.secure_establishment}}")
	d.h1("Use of restraint in the secure establishment")
	d.promptText("restraint", "Review the use of restraint in the secure establishment in the area during the year; the findings are also reported to the Youth Justice Board.")
	d.tag("{{/if}}")

	d.h1("Updates to the arrangements")
	d.promptText("arrangement-updates", "List any changes made, or to be made, to the published arrangements and the timescale for putting them in place.")
	d.tag("{{#each updates}}")
	leadIn(d, "Version {{version}} of the {{document}}, {{date}}:")
	d.tag("{{#each summary}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/each}}")

	d.tag("{{#if funding}}")
	d.h1("Funding")
	fundingTable(d)
	d.prompt("Comment on spending against the budget and any contributions from relevant agencies.")
	d.tag("{{/if}}")

	d.h1("Sign-off")
	d.under(lawReport, func() {
		d.p("{{#if edition.is_2023}}Signed by the {{edition.leads_term}}.{{else}}Signed on behalf of the safeguarding partners.{{/if}}")
	})
	d.signatures()

	d.tag("{{#if coverage}}")
	d.h1("Appendix: what this report must cover")
	d.under(lawCoverage, func() {
		d.p("Each item the guidance asks this report to cover, and the section of this report that covers it.")
		d.table([]int{5226, 1300, 2500},
			[]cell{c("Item"), c("Must or should"), c("Where in this report")},
			[]cell{c("{{#each coverage}}{{about}}"), c("{{level}}"), c("{{section}}{{/each}}")},
		)
	})
	d.tag("{{/if}}")
	return d
}
