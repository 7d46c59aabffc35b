package partnership

import (
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"

	"mou/assemble/format"
	"mou/assemble/internal/suggest"
	"mou/assemble/internal/tags"
	"mou/assemble/internal/xmlchar"
	"mou/assemble/tomlindex"
)

// rules are the domain rules: what the guidance and arithmetic require that a
// struct tag cannot say. Each finding has a stable rule id.
type rules struct {
	p        *Partnership
	opts     Options
	findings Findings
	// localsChecked is set once each local partnership's own data has been
	// checked by its own run, so the executive's rules leave it alone.
	localsChecked bool
}

func (r *rules) add(sev Severity, rule, path, msg, hint string) {
	r.findings = append(r.findings, r.p.src.finding(sev, rule, path, msg, hint))
}

func (r *rules) run() {
	r.statutoryKinds()
	r.healthBodyDates()
	r.uniqueIDs()
	r.references()
	r.money()
	r.year()
	r.dates()
	r.people()
	r.editionRules()
	r.editionTerms()
	r.unprinted()
	r.locals()
	r.textKeys()
	r.reorganisations()
	r.commitments()
	r.reportPeriod()
	r.expected()
	r.historyCopies()
	r.characters(reflect.ValueOf(r.p).Elem(), "")
}

var kindNames = map[string]string{
	KindLocalAuthority: "local authority", KindICB: "Integrated Care Board", KindCCG: "Clinical Commissioning Group", KindPolice: "police force",
}

// statutoryKinds: the three statutory partners must all be present; several
// of one kind are allowed (two CCGs, two ICBs).
func (r *rules) statutoryKinds() {
	if len(r.p.Partners) == 0 {
		return
	}
	has := map[string]bool{}
	for _, pt := range r.p.Partners {
		if kindNames[pt.Kind] == "" {
			return // an unknown kind is reported by its own rule
		}
		has[pt.Kind] = true
	}
	need := []struct {
		ok         bool
		what, kind string
	}{
		{has[KindLocalAuthority], "the local authority", KindLocalAuthority},
		{has[KindICB] || has[KindCCG], "a health partner (an Integrated Care Board, or before 1 July 2022 a Clinical Commissioning Group)", r.p.EditionInfo().HealthBody},
		{has[KindPolice], "the chief officer of police", KindPolice},
	}
	for _, n := range need {
		if !n.ok {
			r.add(Error, "partners.statutory", "partners",
				fmt.Sprintf("no partner is %s: the three statutory safeguarding partners are the local authority, the health body and the police", n.what),
				fmt.Sprintf("add a [[partners]] entry with kind = %q", n.kind))
		}
	}
}

// healthBodyDates: CCGs until 30 June 2022, ICBs from 1 July 2022.
func (r *rules) healthBodyDates() {
	d := r.p.Partnership.Date
	if d.IsZero() {
		return
	}
	for i, pt := range r.p.Partners {
		path := fmt.Sprintf("partners[%d].kind", i)
		switch {
		case pt.Kind == KindCCG && !d.first().Before(ICBDay):
			r.add(Error, "partners.ccg-after-2022", path,
				fmt.Sprintf("%s is a Clinical Commissioning Group, but the documents are dated %s: CCGs were replaced by Integrated Care Boards on 1 July 2022", pt.Organisation, d),
				`write kind = "icb" and give the Integrated Care Board's name`)
		case pt.Kind == KindICB && d.last().Before(ICBDay):
			r.add(Error, "partners.icb-before-2022", path,
				fmt.Sprintf("%s is an Integrated Care Board, but the documents are dated %s: ICBs only exist from 1 July 2022", pt.Organisation, d),
				`write kind = "ccg" for a document dated before 1 July 2022, or correct partnership.date`)
		}
	}
}

func (r *rules) uniqueIDs() {
	seen := map[string]string{}
	for i, pt := range r.p.Partners {
		path := fmt.Sprintf("partners[%d].id", i)
		r.unique(seen, pt.ID, path, "partner")
	}
	groups := map[string]string{}
	for _, g := range r.allGroups() {
		if g.group.ID != "" {
			r.unique(groups, g.group.ID, g.path+".id", "group")
		}
	}
	years := map[string]string{}
	for i, fy := range r.p.Funding {
		if fy.Year == "" {
			continue
		}
		path := fmt.Sprintf("funding[%d].year", i)
		if first, dup := years[fy.Year]; dup {
			r.add(Error, "funding.duplicate-year", path,
				fmt.Sprintf("the funding year %q is given twice (first at %s)", fy.Year, r.where(first)),
				"merge the two [[funding]] entries into one")
			continue
		}
		years[fy.Year] = path
	}
}

func (r *rules) unique(seen map[string]string, id, path, what string) {
	if id == "" {
		return
	}
	if first, dup := seen[id]; dup {
		r.add(Error, "ids.duplicate", path,
			fmt.Sprintf("the %s id %q is already used at %s", what, id, r.where(first)),
			"give each "+what+" its own id")
		return
	}
	seen[id] = path
}

// where names a path with its line, for messages that point at two places.
func (r *rules) where(path string) string {
	if l, ok := r.p.src.locate(path); ok {
		return fmt.Sprintf("%s (%s:%d)", path, l.file, l.pos.Line)
	}
	return path
}

type located struct {
	group Group
	path  string
}

func (r *rules) allGroups() []located {
	var out []located
	for i, g := range r.p.Meetings {
		out = append(out, located{g, fmt.Sprintf("meetings[%d]", i)})
	}
	for i, g := range r.p.Subgroups {
		out = append(out, located{g, fmt.Sprintf("subgroups[%d]", i)})
	}
	for i, g := range r.p.TaskGroups {
		out = append(out, located{g, fmt.Sprintf("task_groups[%d]", i)})
	}
	return out
}

func (r *rules) partnerIDs() []string {
	ids := make([]string, 0, len(r.p.Partners))
	for _, pt := range r.p.Partners {
		ids = append(ids, pt.ID)
	}
	return ids
}

// resolve checks one reference to a partner id.
func (r *rules) resolve(id, path string) {
	if id == "" || r.p.Partner(id) != nil {
		return
	}
	ids := r.partnerIDs()
	hint := "the partner ids are: " + strings.Join(ids, ", ")
	msg := fmt.Sprintf("no partner has the id %q", id)
	if near := suggest.Nearest(id, ids); near != "" {
		msg += fmt.Sprintf(": did you mean %q?", near)
	}
	r.add(Error, "ref.partner", path, msg, hint)
}

func (r *rules) references() {
	for i, fy := range r.p.Funding {
		for j, row := range fy.Rows {
			path := fmt.Sprintf("funding[%d].rows[%d]", i, j)
			switch {
			case row.Partner == "" && row.Agency == "":
				r.add(Error, "funding.contributor", path, "this funding row names no contributor",
					`add partner = "<partner id>", or agency = "<name>" for a contributor that is not a partner`)
			case row.Partner != "" && row.Agency != "":
				r.add(Error, "funding.contributor", path, "this funding row names both a partner and an agency",
					"keep one: partner for a statutory partner, agency for anyone else")
			default:
				r.resolve(row.Partner, path+".partner")
			}
		}
	}
	for i, e := range r.p.Endorsements {
		r.resolve(e.Partner, fmt.Sprintf("endorsements[%d].partner", i))
	}
	for _, g := range r.allGroups() {
		r.resolve(g.group.Chair, g.path+".chair")
		if rot := g.group.Rotation; rot != nil {
			for j, id := range rot.Partners {
				r.resolve(id, fmt.Sprintf("%s.rotation.partners[%d]", g.path, j))
			}
		}
	}
	for i, b := range r.p.DeliveryBodies {
		r.resolve(b.ActsFor, fmt.Sprintf("delivery_bodies[%d].acts_for", i))
	}
	if s := r.p.Scrutiny; s != nil {
		r.resolve(s.ChairPartner, "scrutiny.chair_partner")
		if s.Rotation != nil {
			for j, id := range s.Rotation.Partners {
				r.resolve(id, fmt.Sprintf("scrutiny.rotation.partners[%d]", j))
			}
		}
	}
}

func (r *rules) money() {
	for i, fy := range r.p.Funding {
		// A sum of amounts already reported as wrong would only repeat the problem.
		sound := !r.p.reported(fmt.Sprintf("funding[%d]", i))
		for j, row := range fy.Rows {
			sound = r.amount(row.Amount, fmt.Sprintf("funding[%d].rows[%d].amount", i, j)) && sound
		}
		if fy.DeclaredTotal == nil {
			continue
		}
		path := fmt.Sprintf("funding[%d].declared_total", i)
		sound = r.amount(*fy.DeclaredTotal, path) && sound
		declared, sum := fy.DeclaredTotal.Pence(), fy.Total.Pence()
		if declared != sum && len(fy.Rows) > 0 && sound {
			diff, more := declared-sum, "more"
			if diff < 0 {
				diff, more = -diff, "less"
			}
			r.add(Error, "funding.total-mismatch", path,
				fmt.Sprintf("the declared total for %s, %s, is not the sum of its rows, %s: it is %s %s",
					fy.Year, format.Pence(declared), format.Pence(sum), format.Pence(diff), more),
				"correct the rows or the total; if a published document is wrong, correct it and record the change in [[history]]")
		}
	}
}

// amount checks one amount and reports whether it is sound.
func (r *rules) amount(m Money, path string) bool {
	if m.overscale {
		r.add(Error, "money.decimals", path,
			fmt.Sprintf("the amount %s has more than two decimal places: amounts are pounds and pence", m.written),
			fmt.Sprintf("write %s", strings.TrimPrefix(strings.ReplaceAll(format.Pence(m.pence), ",", ""), "£")))
	}
	if m.pence < 0 {
		r.add(Error, "money.negative", path,
			fmt.Sprintf("the amount %s is negative: contributions are never below zero", format.Pence(m.pence)),
			"write the amount without a minus sign")
	}
	return !m.overscale && m.pence >= 0
}

func (r *rules) dates() {
	today := r.opts.Today
	for i, e := range r.p.Endorsements {
		if e.Date != nil && !e.Date.IsZero() && e.Date.first().After(today) {
			r.add(Error, "dates.future-endorsement", fmt.Sprintf("endorsements[%d].date", i),
				fmt.Sprintf("the endorsement is dated %s, which is in the future: date it when it is signed", e.Date),
				"leave date out until it is signed: the page then has a blank line for the date")
		}
	}
	if rv := r.p.Review; rv != nil && rv.Last != nil && rv.Next != nil && !rv.Last.IsZero() && !rv.Next.IsZero() {
		if !rv.Next.last().After(rv.Last.last()) {
			r.add(Error, "dates.review-order", "review.next",
				fmt.Sprintf("the next review (%s) is not after the last one (%s)", rv.Next, rv.Last),
				"correct review.next or review.last")
		}
	}
	if rp := r.p.Report; rp != nil && !rp.Start.IsZero() && !rp.End.IsZero() {
		switch {
		case !rp.End.last().After(rp.Start.first()):
			r.add(Error, "dates.report-period", "report.end",
				fmt.Sprintf("the report period ends (%s) before it starts (%s)", rp.End, rp.Start),
				"report.start is the first day covered and report.end the last, e.g. 2024-04-01 and 2025-03-31")
		case rp.End.last().After(rp.Start.first().AddDate(1, 0, -1)):
			r.add(Error, "dates.report-period", "report.end",
				fmt.Sprintf("the report period %s to %s is longer than 12 months: a yearly report covers at most a year", rp.Start, rp.End),
				fmt.Sprintf("end it on %s at the latest", format.Date(rp.Start.first().AddDate(1, 0, -1), format.LongDate)))
		}
	}
}

// people: every lead and delegate is identifiable.
func (r *rules) people() {
	check := func(p *Person, path, what string) {
		if p != nil && p.Name == "" && p.Title == "" {
			r.add(Error, "people.unnamed", path,
				fmt.Sprintf("the %s has neither a name nor a title", what),
				`give at least one: name = "…" or title = "…"`)
		}
	}
	for i, pt := range r.p.Partners {
		check(pt.Lead, fmt.Sprintf("partners[%d].lead", i), "lead representative")
		check(pt.Delegate, fmt.Sprintf("partners[%d].delegate", i), "delegate")
	}
	if s := r.p.Scrutiny; s != nil {
		check(s.Scrutineer, "scrutiny.scrutineer", "scrutineer")
		check(s.Chair, "scrutiny.chair", "chair")
	}
}

func (r *rules) editionRules() {
	pr := r.p.Partnership
	d := pr.Date
	switch pr.Edition {
	case 2023:
		if !d.IsZero() && d.last().Before(Editions[2023].Published) {
			r.add(Error, "edition.too-early", "partnership.edition",
				fmt.Sprintf("the documents are dated %s, before Working Together 2023 was published (15 December 2023)", d),
				"write edition = 2018, or correct partnership.date")
		}
		for i, pt := range r.p.Partners {
			if pt.Delegate == nil || pt.Delegate.Name == "" {
				r.add(Warning, "edition.dsp-unnamed", fmt.Sprintf("partners[%d].delegate", i),
					fmt.Sprintf("%s's Delegated Safeguarding Partner is not named: Working Together 2023 expects each to be named in the arrangements", pt.Organisation),
					`add name = "…" to the delegate`)
			}
		}
		if rp := r.p.Report; rp != nil && len(rp.Recipients) == 0 {
			r.add(Warning, "report.recipients-assumed", "report",
				"the yearly report's recipients under Working Together 2023 are assumed ("+recipientList(Editions[2023].Recipients)+")",
				"confirm them by listing [[report.recipients]] with name and within_days")
		}
	case 2018:
		if !d.IsZero() && d.first().After(Republish2023By) {
			r.add(Warning, "edition.outdated", "partnership.edition",
				fmt.Sprintf("the documents are dated %s but follow Working Together 2018: arrangements were to be republished under the 2023 edition by 31 December 2024", d),
				"write edition = 2023")
		}
	}
}

// locals checks the local partnerships of a pan-area executive: each
// names partners the executive has, among them a local authority, and
// its own id and name; its sub-groups' chairs are partners too.
func (r *rules) locals() {
	ids, names := map[string]string{}, map[string]string{}
	for i, lp := range r.p.Locals {
		path := fmt.Sprintf("local_partnerships[%d]", i)
		if prev, ok := ids[lp.ID]; ok && lp.ID != "" {
			r.add(Error, "local.duplicate", path+".id", fmt.Sprintf("the id %q is already used at %s.id", lp.ID, prev), "give each local partnership its own id")
		}
		ids[lp.ID] = path
		if prev, ok := names[lp.Area]; ok && lp.Area != "" {
			r.add(Error, "local.duplicate", path+".area", fmt.Sprintf("the area %q is already %s's", lp.Area, prev), "each local partnership covers its own area: its documents go in a folder named after it")
		}
		names[lp.Area] = path
		la := false
		for j, id := range lp.Partners {
			r.resolve(id, fmt.Sprintf("%s.partners[%d]", path, j))
			if pt := r.p.Partner(id); pt != nil && pt.Kind == KindLocalAuthority {
				la = true
			}
		}
		if !la && len(lp.Partners) > 0 {
			r.add(Error, "local.no-council", path+".partners",
				fmt.Sprintf("%s names no local authority among its partners: each local partnership is made for a local authority area", firstNonEmpty(lp.Name, lp.ID)),
				"add the id of its council to partners")
		}
		for j, g := range lp.Subgroups {
			r.resolve(g.Chair, fmt.Sprintf("%s.subgroups[%d].chair", path, j))
		}
	}
	if len(r.findings) > 0 && hasErrors(r.findings) {
		return // a local partnership made of broken data would only repeat it
	}
	// Each local partnership's own data meets the same rules as a
	// partnership's: its report period, its sub-groups' chairs, its
	// endorsements. Only findings about what is its own are kept; the
	// executive's data has been checked already.
	for i := range r.p.Locals {
		q := r.p.Local(i)
		if q.src == nil || q.src.alias == nil {
			continue
		}
		lr := &rules{p: q, opts: r.opts}
		lr.run()
		r.localsChecked = true
		base := fmt.Sprintf("local_partnerships[%d]", i)
		for _, f := range lr.findings {
			if full := q.src.alias(f.Path); full == base || strings.HasPrefix(full, base+".") || strings.HasPrefix(full, base+"[") {
				f.Path = full
				f.Message = r.p.Locals[i].Name + ": " + f.Message
				r.findings = append(r.findings, f)
			}
		}
	}
}

func hasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// unprinted warns of data no document prints, so nothing is accepted and
// silently dropped: a funding year other than the one the documents show,
// and a document date that every document's own history overrides.
func (r *rules) unprinted() {
	if cur := r.p.CurrentFunding(); cur != nil {
		for i, fy := range r.p.Funding {
			if &r.p.Funding[i] != cur && fy.Year != cur.Year {
				r.add(Warning, "unprinted.funding", fmt.Sprintf("funding[%d]", i),
					fmt.Sprintf("the funding for %s is printed in no document: the documents show %s, the year of the yearly report's period (or else of the document date)", fy.Year, cur.Year),
					"keep it as a record, or remove it; to show it, set [report] start within that year")
			}
		}
	}
	d := r.p.Partnership.Date
	if d.IsZero() {
		return
	}
	for _, doc := range DocumentKinds {
		var latest *Version
		for i, h := range r.p.History {
			if (h.Document == "" || h.Document == doc) && (latest == nil || !h.Date.Time.Before(latest.Date.Time)) {
				latest = &r.p.History[i]
			}
		}
		if latest == nil || latest.Date.Time.Equal(d.Time) && latest.Date.Precision == d.Precision {
			return
		}
	}
	r.add(Warning, "unprinted.date", "partnership.date",
		fmt.Sprintf("the date %s is printed in no document: each carries the date of its latest [[history]] entry", d),
		"give partnership.date the date of the latest version, or add a [[history]] entry for it")
}

// editionWords are the 2018 edition's names for the leads, out of date in
// a document that follows the 2023 edition. (The other way round is no
// mistake: partnerships named groups "Lead Safeguarding Partners" before
// the 2023 edition adopted the term.)
var editionWords = map[int][]struct{ wrong, right string }{
	2023: {{"lead representative", "Lead Safeguarding Partner"}},
}

// editionTerms warns where the partnership's own words name the leads or
// delegates as the other edition does: "lead representatives" in a
// document that follows Working Together 2023.
func (r *rules) editionTerms() {
	words := editionWords[r.p.Partnership.Edition]
	if len(words) == 0 {
		return
	}
	walkStrings(reflect.ValueOf(r.p).Elem(), "", func(path, s string) {
		low := strings.ToLower(s)
		for _, w := range words {
			if strings.Contains(low, w.wrong) {
				r.add(Warning, "edition.term", path,
					fmt.Sprintf("this says %q, which is the other edition's term: Working Together %d calls them %ss", w.wrong, r.p.Partnership.Edition, w.right),
					fmt.Sprintf("write %q instead", w.right))
				return
			}
		}
	})
}

// walkStrings calls fn with the path and value of every string in v, the
// paths written as the data writes them (partners[1].lead.name).
func walkStrings(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.String:
		fn(path, v.String())
	case reflect.Slice:
		for i := range v.Len() {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			walkStrings(v.MapIndex(k), join(path, k.String()), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
			if name == "" || name == "-" || !t.Field(i).IsExported() {
				continue
			}
			walkStrings(v.Field(i), join(path, name), fn)
		}
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func recipientList(rs []Recipient) string {
	names := make([]string, len(rs))
	for i, rc := range rs {
		names[i] = fmt.Sprintf("%s within %d days", rc.Name, rc.WithinDays)
	}
	return strings.Join(names, "; ")
}

func (r *rules) textKeys() {
	for _, k := range sortedTextKeys(r.p.Text) {
		r.sectionID(k, tomlindex.Join("text", k), "to replace", "text.unknown-section")
	}
	keys := make([]string, 0, len(r.p.Points))
	for k := range r.p.Points {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r.sectionID(k, tomlindex.Join("points", k), "to add points to", "points.unknown-section")
	}
	seen := map[string]int{}
	for i, id := range r.p.Partnership.ArrangementsOrder {
		path := fmt.Sprintf("partnership.arrangements_order[%d]", i)
		if !containsString(ArrangementsParts, id) {
			msg := fmt.Sprintf("the arrangements have no section %q", id)
			if near := suggest.Nearest(id, ArrangementsParts); near != "" {
				msg += fmt.Sprintf(": did you mean %q?", near)
			}
			r.add(Error, "order.unknown-section", path, msg, "the arrangements' sections are: "+strings.Join(ArrangementsParts, ", "))
			continue
		}
		if first, dup := seen[id]; dup {
			r.add(Error, "order.duplicate", path,
				fmt.Sprintf("%q is already listed at position %d", id, first),
				"list each section once")
			continue
		}
		seen[id] = i
	}
}

// sectionID checks that k names a section.
func (r *rules) sectionID(k, path, what, rule string) {
	known := SectionIDs()
	if containsString(known, k) {
		return
	}
	msg := fmt.Sprintf("there is no section %q %s", k, what)
	if near := suggest.Nearest(k, known); near != "" {
		msg += fmt.Sprintf(": did you mean %q?", near)
	}
	r.add(Error, rule, path, msg, "the section ids are listed by `mou schema` and in README.md")
}

// commitments: the partnership's own commitments agree with each other.
func (r *rules) commitments() {
	if yc := r.p.YouthCustody; yc != nil {
		if yc.None && len(yc.Establishments) > 0 {
			r.add(Error, "youth-custody.none-and-some", "youth_custody.none",
				fmt.Sprintf("none = true says there is no youth custody establishment in the area, but %d are listed", len(yc.Establishments)),
				"remove none = true, or empty establishments")
		}
		if yc.None && r.p.Partnership.SecureEstablishment {
			r.add(Error, "youth-custody.none-and-some", "partnership.secure_establishment",
				"secure_establishment = true, but [youth_custody] none = true says there is no youth custody establishment in the area",
				"correct one of the two")
		}
	}
	if s := r.p.Scrutiny; s != nil && s.LedBy == "independent-chair" && s.Chair == nil && s.Scrutineer == nil {
		r.add(Warning, "scrutiny.lead-unnamed", "scrutiny.led_by",
			"scrutiny is led by an independent chair, but [scrutiny] names no chair",
			`add chair = { title = "Independent Chair" } (and the name when known)`)
	}
}

// reportPeriod: a yearly report's period is given, or worked out from a
// date known to the day; it never starts before the arrangements began.
func (r *rules) reportPeriod() {
	began, known := r.p.Began()
	rp := r.p.Report
	if rp == nil || rp.Start.IsZero() {
		if !known && !r.p.Partnership.Date.IsZero() && r.p.Partnership.InForce == nil {
			r.add(Warning, "report.period-unknown", "partnership.date",
				fmt.Sprintf("the documents are dated only %s, so the yearly report's period cannot be worked out: the report is built without one", r.p.Partnership.Date),
				"give [report] start and end, e.g. start = 2019-09-29 and end = 2020-03-31, or the day the arrangements began as partnership.in_force")
		}
		return
	}
	// A later document date may be a revision of arrangements that began
	// long before: only in_force says when they began.
	if f := r.p.Partnership.InForce; known && f != nil && rp.Start.first().Before(began) {
		r.add(Warning, "report.before-arrangements", "report.start",
			fmt.Sprintf("the report period starts on %s, before the arrangements began on %s", rp.Start, format.Date(began, format.LongDate)),
			fmt.Sprintf("start it on %s, or correct partnership.in_force", format.Date(began, format.LongDate)))
	}
}

// characters: no character a Word document cannot store. XML 1.0 allows tab,
// newline and carriage return among the control characters and nothing else.
func (r *rules) characters(rv reflect.Value, path string) {
	switch rv.Kind() {
	case reflect.Pointer:
		if !rv.IsNil() {
			r.characters(rv.Elem(), path)
		}
	case reflect.Struct:
		t := rv.Type()
		for i := 0; i < t.NumField(); i++ {
			if name, ok := tags.Key(t.Field(i)); ok {
				r.characters(rv.Field(i), tomlindex.Join(path, name))
			}
		}
	case reflect.Slice:
		for i := 0; i < rv.Len(); i++ {
			r.characters(rv.Index(i), tomlindex.Elem(path, i))
		}
	case reflect.Map:
		for _, k := range rv.MapKeys() {
			r.characters(rv.MapIndex(k), tomlindex.Join(path, k.String()))
		}
	case reflect.String:
		if pos, c, bad := xmlchar.Find(rv.String()); bad {
			r.add(Error, "text.control-character", path,
				fmt.Sprintf("contains %s at character %d, which a Word document cannot store", xmlchar.Name(c), pos),
				"delete it: it usually comes from text pasted from another program")
		}
	}
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// historyCopies: a history entry's data copy must be there, since it is
// what later versions are compared with.
func (r *rules) historyCopies() {
	for i, v := range r.p.History {
		if v.Data == "" || r.p.src == nil {
			continue
		}
		if _, err := os.Stat(r.p.HistoryCopy(i)); err != nil {
			r.add(Warning, "history.data-missing", fmt.Sprintf("history[%d].data", i),
				fmt.Sprintf("the copy of version %s's data, %s, is not there", v.Version, v.Data),
				"put the data file as it stood for that version there, or correct the path (it is relative to this file)")
		}
	}
}
