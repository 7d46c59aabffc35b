package build

// The endorsement pages: one page per signatory, ready to print and sign.
// Each page starts with a page break before its first paragraph, so there is
// no break (and no blank page) after the last one.
func endorsements() *doc {
	d := &doc{title: "{{document.title}} — {{partnership.name}}", subject: "{{partnership.name}}"}
	d.tag("{{#each signatories}}")
	d.styled("Title", props{pageBreakBefore: true}, "{{@root.partnership.name}}")
	d.subtitle("Endorsement of the {{document.title}}")
	d.p("{{#if document.version}}Version {{document.version}}, {{/if}}{{document.date}} · Fingerprint {{document.fingerprint}}")
	d.tag("{{#each @root.text.endorsement}}")
	d.p("{{this}}")
	d.tag("{{else}}")
	d.under(lawEndorse, func() {
		d.p("On behalf of {{organisation}}, I endorse {{document.this_title}}, agreed by the safeguarding partners in {{@root.partnership.area}}, and accept my organisation's share of the duty to make {{document.described}} work for {{#if @root.partnership.all_age}}children, adults at risk{{else}}children{{/if}} and families there.")
	})
	d.tag("{{/each}}")
	d.signature()
	d.tag("{{/each}}")
	return d
}
