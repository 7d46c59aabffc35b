package build

import "mou/assemble/chart"

// The yearly report: every section the guidance asks for (the report.*
// items of statutory.md), written from the year's data ([year]) and the
// partnership's own words ([text], [points]). A section with neither shows
// a Placeholder paragraph saying in plain words what it needs; the
// document says nothing of how it was made, so a final build, once no
// placeholder remains, can be published as it is.
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
	d.tag("{{#if partnership.contact}}")
	d.p("To ask for this report in another format, contact {{partnership.contact}}.")
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
	d.placeholder("To be added: the period this report covers, its first and last day.")
	d.tag("{{/unless}}")
	d.h2("Publication")
	d.tag("{{#if report.published}}")
	d.p("Published on {{report.published}}{{#if report.location_known}} at {{report.location}}{{/if}}.")
	d.tag("{{else}}")
	d.tag("{{#if report.location_known}}")
	d.p("To be published at {{report.location}}.")
	d.tag("{{/if}}")
	d.placeholder("To be added: the date this report is published, from which the dates for sending each copy follow.")
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

	activity(d)
	effectiveness(d)
	statement(d)

	d.h1("Impact on outcomes for children and families")
	written(d, "impact", "To be written: evidence of the difference the partners' and relevant agencies' work, training included, made to children and families, from early help to children in care and care leavers.")

	slow(d)
	heard(d)

	d.tag("{{#if partnership.secure_establishment}}")
	d.h1("Use of restraint in the secure establishment")
	written(d, "restraint", "To be written: the review of the use of restraint in the secure establishment during the year, whose findings also go to the Youth Justice Board.")
	d.tag("{{/if}}")

	d.h1("Updates to the arrangements")
	d.text("arrangement-updates")
	points(d, "arrangement-updates")
	d.tag("{{#unless has.arrangement_updates}}")
	d.tag("{{#if updates}}")
	d.placeholder("To be written: when the changes listed here take effect, and any further changes planned.")
	d.tag("{{else}}")
	d.placeholder("To be written: the changes made or planned to the published arrangements during the year and when they take effect, or that there were none.")
	d.tag("{{/if}}")
	d.tag("{{/unless}}")
	d.tag("{{#each updates}}")
	leadIn(d, "Version {{version}} of the {{document}}, {{date}}:")
	d.tag("{{#each summary}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/each}}")

	spending(d)
	nextPriorities(d)

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

// written writes a report section's own words ([text], else nothing, then
// [points]) and, when the data has nothing for it, its placeholder.
func written(d *doc, id, need string) {
	d.text(id)
	points(d, id)
	d.tag("{{#unless has." + textKey(id) + "}}")
	d.placeholder(need)
	d.tag("{{/unless}}")
}

// activity is what the partners did: each priority's work, the training
// delivered, and the reviews.
func activity(d *doc) {
	d.h1("What the partners did as a result of the arrangements")
	written(d, "activity", "To be written: what the partners and relevant agencies did during the year because of these arrangements, priority by priority.")
	d.tag("{{#each year.priorities}}")
	d.h2("{{title}}")
	d.tag("{{#if done}}")
	leadIn(d, "What the partners did:")
	d.tag("{{#each done}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if progress_sentence}}")
	d.p("{{progress_sentence}}")
	d.tag("{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{#if year.training}}")
	d.h2("Multi-agency training")
	leadIn(d, "The multi-agency training delivered during the year, and how many attended:")
	d.table([]int{5226, 1900, 1900},
		[]cell{c("Course"), c("Sessions"), c("Attended")},
		[]cell{c("{{#each year.training.courses}}{{course}}"), c("{{sessions | number}}"), c("{{attended | number}}{{/each}}")},
		[]cell{c("**Total**"), c("**{{year.training.sessions | number}}**"), c("**{{year.training.attended | number}}**")},
	)
	d.styled("", props{keepNext: true}, "The chart below shows the same figures, a bar for each course in the order of the table, its height how many attended.")
	d.p(chart.TrainingMarker)
	d.tag("{{/if}}")

	d.h2("Child safeguarding practice reviews")
	written(d, "review-actions", "To be written: the rapid reviews and local child safeguarding practice reviews of the year, what they taught, and the actions taken or planned on the recommendations of local and national reviews.")
	d.tag("{{#if year.reviews}}")
	d.tag("{{#if year.reviews.sentence}}")
	d.p("{{year.reviews.sentence}}")
	d.tag("{{/if}}")
	d.tag("{{#if year.reviews.themes}}")
	leadIn(d, "The learning themes of the year's reviews were:")
	d.tag("{{#each year.reviews.themes}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if year.reviews.actions}}")
	leadIn(d, "The actions on the reviews' recommendations, and where each stands:")
	d.table([]int{3400, 2026, 1300, 2300},
		[]cell{c("Action"), c("Review"), c("Status"), c("What improved")},
		[]cell{c("{{#each year.reviews.actions}}{{action}}"), c("{{review}}"), c("{{status_text}}"), c("{{result | default \"—\"}}{{/each}}")},
	)
	d.tag("{{/if}}")
	d.tag("{{/if}}")
}

// effectiveness is the evidence of how well the arrangements worked:
// audits, attendance and scrutiny's findings.
func effectiveness(d *doc) {
	d.h1("How effective the arrangements have been")
	written(d, "effectiveness", "To be written: how well the arrangements worked in practice, with the evidence: audits, attendance, scrutiny's findings, data and inspections.")
	d.tag("{{#if year.audits}}")
	d.h2("Multi-agency audits")
	d.tag("{{#each year.audits}}")
	d.h3("{{name}}")
	d.tag("{{#if findings}}")
	leadIn(d, "{{findings_lead}}")
	d.tag("{{#each findings}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{#if year.attendance}}")
	d.h2("Attendance at meetings")
	leadIn(d, "How often each partner was represented at the partnership's meetings during the year:")
	d.table([]int{4226, 1600, 1600, 1600},
		[]cell{c("Partner"), c("Meetings attended"), c("Meetings held"), c("Attendance")},
		[]cell{c("{{#each year.attendance}}{{name}}"), c("{{attended | number}}"), c("{{of | number}}"), c("{{percent}}{{/each}}")},
	)
	d.tag("{{/if}}")
	d.tag("{{#if year.scrutiny.findings}}")
	d.h2("What independent scrutiny found")
	leadIn(d, "Independent scrutiny found during the year:")
	d.tag("{{#each year.scrutiny.findings}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{#if year.scrutiny.response}}")
	leadIn(d, "The partners' response:")
	d.tag("{{#each year.scrutiny.response}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{/if}}")
}

// statement is the independent scrutineer's statement on the year, in
// their words, signed with their name and the date.
func statement(d *doc) {
	d.h1("The independent scrutineer's statement")
	d.tag("{{#if has.statement}}")
	d.tag("{{#each year.scrutiny.statement}}")
	d.p("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{#if year.scrutiny.by}}")
	d.p("**{{year.scrutiny.by.display}}**{{#if year.scrutiny.date}}, {{year.scrutiny.date}}{{/if}}")
	d.tag("{{/if}}")
	d.tag("{{else}}")
	d.placeholder("To be written: the independent scrutineer's statement on the year, in their own words, with their name and the date.")
	d.tag("{{/if}}")
}

// slow is where progress has been slow: each priority that made some or
// little progress, and why.
func slow(d *doc) {
	d.h1("Where progress has been slow")
	written(d, "no-progress", "To be written: each priority with little or no evidence of progress, why, and what will change.")
	d.tag("{{#if year.slow_sentence}}")
	d.p("{{year.slow_sentence}}")
	d.tag("{{/if}}")
	d.tag("{{#each year.slow}}")
	d.h2("{{title}}")
	d.p("{{progress_sentence}}")
	d.tag("{{#if why}}")
	d.p("{{why}}")
	d.tag("{{/if}}")
	d.tag("{{/each}}")
}

// heard is what children and families said and what changed.
func heard(d *doc) {
	d.h1("Listening to children and families")
	written(d, "feedback", "To be written: how the partners sought the views of children and families during the year, what they heard and what they changed because of it.")
	d.tag("{{#if year.voice}}")
	leadIn(d, "What children and families told the partners during the year, and what changed:")
	d.table([]int{2600, 3213, 3213},
		[]cell{c("Who we heard"), c("What they said"), c("What changed")},
		[]cell{c("{{#each year.voice}}{{from}}"), c("{{heard}}"), c("{{changed | default \"—\"}}{{/each}}")},
	)
	d.tag("{{/if}}")
}

// spending is the year's funding: the contributions, and the budget
// agreed against what was spent.
func spending(d *doc) {
	d.h1("Funding")
	fundingTable(d)
	d.tag("{{#if year.spending}}")
	leadIn(d, "The budget each partner agreed for the year, and what was spent:")
	d.table([]int{4826, 2100, 2100},
		[]cell{c("Partner"), c("Agreed"), c("Spent")},
		[]cell{c("{{#each year.spending.rows}}{{name}}"), c("{{agreed | money}}"), c("{{spent | money}}{{/each}}")},
		[]cell{c("**Total**"), c("**{{year.spending.agreed | money}}**"), c("**{{year.spending.spent | money}}**")},
	)
	d.styled("", props{keepNext: true}, "The chart below shows the same figures, partners in the order of the table, with a dark blue bar for what each agreed and an orange bar for what it spent.")
	d.p(chart.SpendingMarker)
	d.tag("{{#if year.spending.note}}")
	d.p("{{year.spending.note}}")
	d.tag("{{/if}}")
	d.tag("{{else}}")
	d.placeholder("To be written: what was spent during the year against the budget each partner agreed.")
	d.tag("{{/if}}")
}

// nextPriorities are the priorities for the year ahead.
func nextPriorities(d *doc) {
	d.h1("Priorities for next year")
	d.tag("{{#each year.next_priorities}}")
	d.h2("{{title}}")
	d.tag("{{#if summary}}")
	d.p("{{summary}}")
	d.tag("{{/if}}")
	d.tag("{{#if actions}}")
	leadIn(d, "{{actions_lead}}")
	d.tag("{{#each actions}}")
	d.bullet("{{this}}")
	d.tag("{{/each}}")
	d.tag("{{/if}}")
	d.tag("{{else}}")
	d.placeholder("To be written: the partnership's priorities for the next year, and how it will achieve each.")
	d.tag("{{/each}}")
}
