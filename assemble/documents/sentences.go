package documents

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"mou/assemble/partnership"
)

// The sentences the templates print from the data are written here, in
// Go, where the grammar can follow the data: singular or plural from the
// count, "the" only where a name needs one, a capital at the start of a
// sentence, and a list's lead-in that fits the form of its items. A
// template then prints {{sentence}} rather than gluing "Label: value."
// together from fields.

// Geography is the area with its local authorities in a sentence.
type Geography struct {
	partnership.Geography
	AuthoritiesSentence string `toml:"authorities_sentence"`
}

// Member is a member who is not a statutory partner, in one line.
type Member struct {
	partnership.Member
	Line string `toml:"line"`
}

// Audit is an audit programme with the group that leads it as a phrase.
type Audit struct {
	partnership.Audit
	LedByPhrase string `toml:"led_by_phrase"`
}

// ChildDeath is the child death review arrangement in a sentence.
type ChildDeath struct {
	partnership.ChildDeath
	Sentence string `toml:"sentence"`
}

// Priority is a priority with a lead-in that fits its actions.
type Priority struct {
	partnership.Priority
	ActionsLead string `toml:"actions_lead"`
}

// DeliveryBody is an organisation delivering a partner's services.
type DeliveryBody struct {
	partnership.DeliveryBody
	Partner  string `toml:"partner"`
	Sentence string `toml:"sentence"`
}

// FundingTerms is what the partners agreed about funding, in sentences.
type FundingTerms struct {
	partnership.FundingTerms
	Sentences []string `toml:"sentences"`
}

// Alliance is a body that leads for education, in a sentence.
type Alliance struct {
	partnership.Alliance
	Sentence string `toml:"sentence"`
}

// agencyLine is a relevant agency with why it was named: "Meres
// Hospitals NHS Trust, which runs the emergency departments", where the
// reason is a sentence about it ("It runs …"), else after a colon.
func agencyLine(a partnership.Agency) string {
	s := a.Name
	if a.National {
		s += " (national)"
	}
	r := strings.TrimSpace(a.Rationale)
	switch w := firstWord(r); {
	case r == "":
	case w == "It" || w == "They":
		s += ", which " + strings.TrimSpace(r[len(w):])
	default:
		s += ": " + r
	}
	return s
}

// thisTitle refers to the document from inside it.
func thisTitle(d Document) string {
	if d.Kind == Arrangements {
		return "these " + d.Title
	}
	return "this " + d.Title
}

// sentences writes every sentence the view holds for the templates.
func sentences(p *partnership.Partnership, v *View) {
	v.Counts.Agencies = counted(len(p.RelevantAgencies), "relevant agency", "relevant agencies")
	v.Counts.Voice = these(len(p.Voice), "this forum", "these forums")
	v.Counts.Inspections = these(len(p.Inspections), "this inspection framework", "these inspection frameworks")
	v.Counts.MembersLead = these(len(p.Members), "This member, who is not a statutory partner, also takes part:", "These members, who are not statutory partners, also take part:")
	v.Counts.AuditsLead = these(len(p.Audits), "The partnership's audit programme is this:", "The partnership's audit programmes are these:")

	if g := p.Geography; g != nil {
		v.Geography = &Geography{Geography: *g}
		switch n := len(g.LocalAuthorities); {
		case n == 1:
			v.Geography.AuthoritiesSentence = "The local authority covered is " + g.LocalAuthorities[0] + "."
		case n > 1:
			v.Geography.AuthoritiesSentence = "The local authorities covered are " + list(g.LocalAuthorities) + "."
		}
	}
	for _, m := range p.Members {
		v.Members = append(v.Members, Member{Member: m, Line: memberLine(m)})
	}
	for _, a := range p.Audits {
		v.Audits = append(v.Audits, Audit{Audit: a, LedByPhrase: withThe(a.LedBy)})
	}
	if cd := p.ChildDeath; cd != nil {
		v.ChildDeath = &ChildDeath{ChildDeath: *cd, Sentence: childDeathSentence(*cd)}
	}
	for _, pr := range p.Partnership.Priorities {
		v.Priorities = append(v.Priorities, Priority{Priority: pr, ActionsLead: leadFor(pr.Actions,
			"We will achieve this by:", "To achieve this we will:", "What we will do:")})
	}
	for _, b := range p.DeliveryBodies {
		db := DeliveryBody{DeliveryBody: b, Partner: b.ActsFor}
		if pt := p.Partner(b.ActsFor); pt != nil {
			db.Partner = pt.Organisation
		}
		if b.Runs != "" {
			db.Sentence = b.Name + " delivers " + b.Runs + " for " + db.Partner + "."
		} else {
			db.Sentence = b.Name + " delivers services on behalf of " + db.Partner + "."
		}
		v.DeliveryBodies = append(v.DeliveryBodies, db)
	}
	v.Decisions = p.Decisions
	v.Inspections = p.Inspections
	if ft := p.FundingTerms; ft != nil {
		v.FundingTerms = &FundingTerms{FundingTerms: *ft, Sentences: fundingSentences(*ft)}
	}
	for _, pt := range v.Partners {
		if pt.Footprint != "" {
			v.Footprints = append(v.Footprints, pt)
		}
	}
	for i := range v.DataSharing {
		v.DataSharing[i].Sentence = agreementSentence(v.DataSharing[i])
	}
	if e := v.Education; e != nil {
		if e.Group != "" {
			e.GroupSentence = "Schools and education providers take part through " + withThe(e.Group) + "."
		}
		for _, a := range e.Education.Alliances {
			s := capitalise(withThe(a.Name))
			if a.Role != "" {
				s += " " + a.Role
			} else {
				s += " leads for the education sector in the partnership"
			}
			e.Alliances = append(e.Alliances, Alliance{Alliance: a, Sentence: sentence(s)})
		}
	}
	for _, gs := range [][]Group{v.Meetings, v.Subgroups, v.TaskGroups} {
		for i := range gs {
			groupSentences(&gs[i])
		}
	}
	if s := v.Scrutiny; s != nil {
		scrutinySentences(p, s)
	}
	v.Has = has(p, v)
	if e := p.Executive(); e != nil {
		v.Executive = &Executive{Name: e.Partnership.Name, TheName: withThe(e.Partnership.Name), Area: e.Partnership.Area}
		v.Executive.Sentence = capitalise(withThe(p.Partnership.Name)) + " is one of " + numberWord(len(e.Locals)) +
			" local partnerships under " + withThe(e.Partnership.Name) + ", which leads the arrangements across " + e.Partnership.Area +
			"; the executive's governance meetings and sub-groups are shared by all of them."
	}
	for _, lp := range p.Locals {
		var orgs []string
		for _, id := range lp.Partners {
			if pt := p.Partner(id); pt != nil {
				orgs = append(orgs, pt.Organisation)
			}
		}
		v.Locals = append(v.Locals, Local{Name: lp.Name, Area: lp.Area, Partners: list(orgs)})
	}
}

// has says which sections the data says something of its own about.
func has(p *partnership.Partnership, v *View) map[string]bool {
	out := map[string]bool{}
	for _, s := range partnership.Sections {
		k := TextKey(s.ID)
		out[k] = len(v.Text[k]) > 0 || len(v.Points[k]) > 0
	}
	or := func(k string, b bool) { out[k] = out[k] || b }
	or("foreword", len(v.ForewordSignatories) > 0)
	or("disputes", p.Disputes != nil && (p.Disputes.Policy != "" || len(p.Disputes.Route) > 0 || p.Disputes.Arbitration != "" || p.Disputes.PracticePolicy != ""))
	or("boards", len(p.Boards) > 0)
	or("governance", len(p.Meetings) > 0 || len(p.Subgroups) > 0)
	or("relevant_agencies", len(p.RelevantAgencies) > 0)
	or("review", v.Review != nil && v.Review.Sentence != "")
	out["mou_arrangements"] = out["boards"] || len(p.Meetings) > 0 || len(p.Subgroups) > 0
	// The yearly report's sections, from the year's data: a section
	// without it shows a placeholder saying what it needs.
	if y := v.Year; y != nil {
		or("activity", len(y.Priorities) > 0 || y.Training != nil)
		or("review_actions", y.Reviews != nil)
		or("effectiveness", len(y.Audits) > 0 || len(y.Attendance) > 0 || y.Scrutiny != nil && len(y.Scrutiny.Findings) > 0)
		or("no_progress", y.SlowSentence != "")
		or("feedback", len(y.Voice) > 0)
		out["statement"] = y.Scrutiny != nil && len(y.Scrutiny.Statement) > 0
	}
	return out
}

// Education is how education takes part, with its place in words.
type Education struct {
	partnership.Education
	IsPartner        bool       `toml:"is_partner"`
	IsRelevantAgency bool       `toml:"is_relevant_agency"`
	GroupSentence    string     `toml:"group_sentence"`
	Alliances        []Alliance `toml:"alliances"`
}

// memberLine is one member: the organisation, then who represents it,
// where they sit and on what footing, each part after a semicolon so that
// titles with commas of their own stay readable.
func memberLine(m partnership.Member) string {
	s := m.Organisation
	var parts []string
	switch who := strings.Join(nonEmpty(m.Name, m.Title), ", "); {
	case m.Name == "" && m.Title != "":
		parts = append(parts, "represented by "+withThe(m.Title))
	case who != "":
		parts = append(parts, "represented by "+who)
	}
	if m.Sits != "" {
		parts = append(parts, "sits on "+withThe(m.Sits))
	}
	switch m.Membership {
	case "executive":
		parts = append(parts, "an executive member")
	case "non-executive":
		parts = append(parts, "a non-executive member")
	}
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, "; ")
	}
	return s
}

func childDeathSentence(cd partnership.ChildDeath) string {
	if cd.Panel == "" && cd.Footprint == "" && cd.AdministeredBy == "" {
		return ""
	}
	s := "A child death overview panel"
	if cd.Panel != "" {
		s = withThe(cd.Panel)
	}
	s += " reviews the deaths of children"
	if cd.Footprint != "" {
		s += " across " + cd.Footprint
	}
	if cd.Reason != "" {
		s += ", because of " + cd.Reason
	}
	s += "."
	if cd.AdministeredBy != "" {
		s += " It is administered by " + cd.AdministeredBy + "."
	}
	return capitalise(s)
}

func fundingSentences(ft partnership.FundingTerms) []string {
	var out []string
	if ft.Basis != "" {
		out = append(out, "The partners have agreed to set their contributions "+ft.Basis+".")
	}
	if ft.Review != "" {
		out = append(out, "They agree the budget "+ft.Review+".")
	}
	if ft.Shortfall != "" {
		out = append(out, "If a partner does not pay its agreed share, "+ft.Shortfall+".")
	}
	if ft.Published != "" {
		out = append(out, "Each partner's contribution is published "+ft.Published+".")
	}
	return out
}

var agreementStatus = map[string]string{"in-place": "is in place", "drafting": "is being drafted", "planned": "is to be developed"}

func agreementSentence(a Agreement) string {
	s := capitalise(withThe(a.Name))
	if a.With != "" {
		s += ", with " + a.With + ","
	}
	s += " " + agreementStatus[a.Status]
	if a.Scope != "" {
		s += "; it covers " + a.Scope
	}
	return s + "."
}

func groupSentences(g *Group) {
	var parts []string
	if g.ChairName != "" {
		parts = append(parts, "It is chaired by "+g.ChairName+".")
	}
	if g.RotationText != "" {
		parts = append(parts, g.RotationText)
	}
	switch {
	case g.Frequency != "" && g.ReportsToText != "":
		parts = append(parts, "It meets "+g.Frequency+" and reports to "+withTheList(g.ReportsTo)+".")
	case g.Frequency != "":
		parts = append(parts, "It meets "+g.Frequency+".")
	case g.ReportsToText != "":
		parts = append(parts, "It reports to "+withTheList(g.ReportsTo)+".")
	}
	if g.Quorum != "" {
		parts = append(parts, "The quorum is "+quorum(g.Quorum)+".")
	}
	if g.SharedWithText != "" {
		parts = append(parts, "It is shared with "+g.SharedWithText+".")
	}
	g.Summary = strings.Join(parts, " ")
	if len(g.Members) > 0 {
		g.MembersSentence = "Its members are " + list(g.Members) + "."
	}
	g.ObjectivesLead = leadFor(g.Objectives, "It works by:", "Its objectives are to:", "Its objectives are these:")
}

// quorum drops a leading "at least" duplicate and keeps the data's words.
func quorum(q string) string { return strings.TrimSuffix(strings.TrimSpace(q), ".") }

func scrutinySentences(p *partnership.Partnership, s *Scrutiny) {
	sc := p.Scrutiny
	who := ""
	switch {
	case sc.Organisation != "":
		who = withThe(sc.Organisation)
		if s.Lead == nil {
			s.Lead = &Person{Name: sc.Organisation, Display: sc.Organisation, Phrase: who}
		}
	case s.Lead != nil:
		who = s.Lead.Phrase
	}
	if who != "" {
		of := "the arrangements"
		if sc.Scope != "" {
			of = sc.Scope
		}
		s.LeadSentence = "Independent scrutiny of " + of + " is provided by " + who + "."
	} else if sc.Scope != "" {
		s.LeadSentence = "Independent scrutiny covers " + sc.Scope + "."
	}
	if s.Scrutineer != nil && who != s.Scrutineer.Phrase {
		s.ScrutineerSentence = capitalise(s.Scrutineer.Phrase) + " is the independent scrutineer."
	}
	switch {
	case s.ByChair:
		s.DutiesLead = "The independent chair's role is to:"
	case sc.Organisation != "" && sc.Scrutineer == nil:
		s.DutiesLead = "Its role is to:"
	default:
		s.DutiesLead = "The independent scrutineer's role is to:"
	}
	if len(s.Duties) > 0 && leadFor(s.Duties, "g", "v", "n") == "n" {
		s.DutiesLead = strings.TrimSuffix(strings.Replace(s.DutiesLead, " is to:", " covers:", 1), "")
	}
	if n := len(s.Bodies); n > 0 {
		s.BodiesSentence = capitalise(list(s.Bodies)) + these(n, " also takes part in scrutiny.", " also take part in scrutiny.")
	}
}

// leadFor picks the lead-in that fits a list's items: gerund ("Engaging
// families"), verb ("Engage families") or noun phrase ("A transitions
// protocol"), judged by the first word of every item.
func leadFor(items []string, gerund, verb, noun string) string {
	if len(items) == 0 {
		return ""
	}
	g, vb := true, true
	for _, it := range items {
		first := firstWord(it)
		w := strings.ToLower(first)
		g = g && strings.HasSuffix(w, "ing") && len(w) > 4
		// An item that starts in lower case carries on a sentence, "to:"
		// most often; so does one that starts with a verb.
		r, _ := utf8.DecodeRuneInString(first)
		vb = vb && (verbs[w] || unicode.IsLower(r) && !articles[w])
	}
	switch {
	case g:
		return gerund
	case vb:
		return verb
	}
	return noun
}

func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }); i >= 0 {
		return s[:i]
	}
	return s
}

// verbs are the words an imperative item of a plan or terms of reference
// starts with.
var verbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`act agree align analyse assure attend audit bring build challenge
		champion check co-ordinate collect commission complete consider coordinate create deliver
		design develop drive embed engage ensure establish evaluate explore focus give help hold
		identify implement improve increase influence inform keep lead learn listen maintain make
		manage monitor offer oversee plan prepare produce promote protect provide publish raise
		receive recommend reduce report respond review scrutinise secure seek set share strengthen
		support take test track understand use work write attend chair run send roll visit meet
		sample observe read talk hear hold carry join represent advise approve sign oversee
		quality-assure commission ensure escalate present`) {
		m[w] = true
	}
	return m
}()

// articles start a noun phrase, never a verb phrase.
var articles = map[string]bool{"a": true, "an": true, "the": true, "one": true, "each": true, "all": true, "every": true}

// withThe gives a name the article a sentence needs: "the Partnership
// Executive", but "Ofsted", "the ICB's Designated Nurse" and "each
// council" as written. Names that already start with an article, a
// possessive or a determiner are left alone.
func withThe(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	w := firstWord(name)
	switch strings.ToLower(w) {
	case "the", "a", "an", "each", "every", "all", "its", "their", "our", "both", "any":
		return name
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
		return name
	}
	// A single capitalised word is a proper name (Ofsted, Barnardo's).
	if !strings.ContainsRune(name, ' ') {
		return name
	}
	return "the " + name
}

func withTheList(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = withThe(n)
	}
	return list(out)
}

// counted writes a count with its noun: "one relevant agency", "twelve
// relevant agencies".
func counted(n int, one, many string) string {
	if n == 1 {
		return "one " + one
	}
	return numberWord(n) + " " + many
}

// these picks the singular or plural form.
func these(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sentence ends s with a full stop unless it ends with punctuation.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
