package diff

import (
	"fmt"
	"reflect"
	"strings"

	"mou/assemble/format"
	"mou/assemble/partnership"
	"mou/assemble/tomlindex"
)

// profile compares the [partnership] table: the edition has a sentence of
// its own, since the terms and duties change with it.
func (d *differ) profile(a, b reflect.Value) {
	oe, ne := d.old.Partnership.Edition, d.new.Partnership.Edition
	if oe != ne {
		d.add(Change{Kind: "changed", Path: "partnership.edition", Before: fmt.Sprint(oe), After: fmt.Sprint(ne), Text: editionSentence(oe, ne)})
	}
	d.fields("partnership", "", a, b, map[string]bool{"edition": true})
}

// editionSentence says what changes with the edition of Working Together.
func editionSentence(from, to int) string {
	s := fmt.Sprintf("Working Together edition changed from %d to %d", from, to)
	o, ok1 := partnership.Editions[from]
	n, ok2 := partnership.Editions[to]
	if !ok1 || !ok2 {
		return s + "."
	}
	s += ": the documents now follow " + n.Title
	var terms []string
	if o.LeadTerm != n.LeadTerm {
		terms = append(terms, "the "+o.LeadTerm+" becomes the "+n.LeadTerm)
	}
	if o.DelegateTerm != n.DelegateTerm {
		terms = append(terms, "the "+o.DelegateTerm+" becomes the "+n.DelegateTerm)
	}
	if o.HealthBody != n.HealthBody {
		terms = append(terms, "the health partner is "+article(kindName(n.HealthBody))+" instead of "+article(kindName(o.HealthBody)))
	}
	if rs := recipients(n.Recipients); rs != recipients(o.Recipients) {
		terms = append(terms, "the yearly report goes to "+rs)
	}
	if len(terms) > 0 {
		s += "; " + strings.Join(terms, "; ")
	}
	return s + "."
}

func recipients(rs []partnership.Recipient) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = fmt.Sprintf("%s within %d days", withArticle(r.Name), r.WithinDays)
	}
	return format.And(names)
}

// withArticle puts "the" before a body named by a common noun ("the Child
// Safeguarding Practice Review Panel") but not before a proper name
// ("Foundations (What Works Centre …)"): the head noun is the last word
// before any parenthesis or "for"/"of" phrase.
func withArticle(name string) string {
	head := name
	for _, cut := range []string{" (", " for ", " of "} {
		if i := strings.Index(head, cut); i > 0 {
			head = head[:i]
		}
	}
	words := strings.Fields(head)
	if len(words) == 0 || strings.EqualFold(words[0], "the") {
		return name
	}
	switch words[len(words)-1] {
	case "Panel", "Centre", "Board", "Council", "Department", "Agency", "Office", "Partnership", "Secretary", "Inspectorate":
		return "the " + name
	}
	return name
}

var kindNames = map[string]string{
	partnership.KindLocalAuthority: "local authority",
	partnership.KindICB:            "Integrated Care Board",
	partnership.KindCCG:            "Clinical Commissioning Group",
	partnership.KindPolice:         "police force",
}

func kindName(k string) string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return k
}

func article(s string) string {
	if s != "" && strings.ContainsRune("AEIOUaeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// family groups partner kinds that succeed one another: a CCG's successor
// is an ICB.
func family(kind string) string {
	if kind == partnership.KindCCG || kind == partnership.KindICB {
		return "health"
	}
	return kind
}

var familyNames = map[string]string{
	"health":                       "health partners",
	partnership.KindLocalAuthority: "local authorities",
	partnership.KindPolice:         "police forces",
}

// partners compares the statutory partners: matched by id, then by
// organisation (an id changed); what is left of one family on both sides is
// a possible succession for the user to confirm.
func (d *differ) partners() {
	olds, news := d.old.Partners, d.new.Partners
	match := make([]int, len(news)) // new index → old index, or -1
	used := map[int]bool{}
	for j := range news {
		match[j] = -1
		for i := range olds {
			if !used[i] && olds[i].ID == news[j].ID && news[j].ID != "" {
				match[j], used[i] = i, true
				break
			}
		}
	}
	for j := range news {
		if match[j] >= 0 {
			continue
		}
		for i := range olds {
			if !used[i] && olds[i].Organisation == news[j].Organisation {
				match[j], used[i] = i, true
				break
			}
		}
	}
	// What is left, by family.
	gone, came := map[string][]int{}, map[string][]int{}
	var families []string
	for i := range olds {
		if !used[i] {
			f := family(olds[i].Kind)
			if gone[f] == nil && came[f] == nil {
				families = append(families, f)
			}
			gone[f] = append(gone[f], i)
		}
	}
	for j := range news {
		if match[j] < 0 {
			f := family(news[j].Kind)
			if gone[f] == nil && came[f] == nil {
				families = append(families, f)
			}
			came[f] = append(came[f], j)
		}
	}
	paired := map[int]int{} // new index → old index, a one-to-one succession
	for _, f := range families {
		g, c := gone[f], came[f]
		if len(g) == 1 && len(c) == 1 {
			paired[c[0]] = g[0]
		}
	}
	// Removals first, then the new list in its order.
	for i := range olds {
		if used[i] || isPaired(paired, i) {
			continue
		}
		pt := olds[i]
		d.add(Change{Kind: "removed", Path: tomlindex.Elem("partners", i), Before: pt.Organisation,
			Text: fmt.Sprintf("%s is no longer a partner (it was the %s).", pt.Organisation, kindName(pt.Kind))})
	}
	done := map[string]bool{}
	for j, pt := range news {
		path := tomlindex.Elem("partners", j)
		switch {
		case match[j] >= 0:
			d.partnerFields(path, olds[match[j]], pt)
		case hasKey(paired, j):
			a := olds[paired[j]]
			d.add(Change{Kind: "succession", Path: path, Before: a.Organisation, After: pt.Organisation,
				Text: fmt.Sprintf("Possible succession to confirm: %s (%s) in place of %s (%s), both %s. %s",
					pt.Organisation, kindName(pt.Kind), a.Organisation, kindName(a.Kind), familyNames[family(pt.Kind)],
					registerNote([]partnership.Partner{a}, []partnership.Partner{pt}))})
			d.partnerFields(path, a, pt)
		default:
			d.add(Change{Kind: "added", Path: path, After: pt.Organisation, Text: addedPartner(pt, d.new.EditionInfo())})
			f := family(pt.Kind)
			if len(gone[f]) > 0 && !done[f] {
				done[f] = true
				d.add(d.manySuccession(f, gone[f], came[f]))
			}
		}
	}
	d.partnerOrder(match)
}

// partnerOrder reports partners kept in both versions but listed in
// another order: the documents' tables and signature pages follow it.
func (d *differ) partnerOrder(match []int) {
	var before, after []string
	last, moved := -1, false
	for j, i := range match {
		if i < 0 {
			continue
		}
		moved = moved || i < last
		last = i
		after = append(after, d.new.Partners[j].Organisation)
	}
	if !moved {
		return
	}
	kept := map[int]bool{}
	for _, i := range match {
		kept[i] = i >= 0
	}
	for i, pt := range d.old.Partners {
		if kept[i] {
			before = append(before, pt.Organisation)
		}
	}
	d.add(Change{Kind: "changed", Path: "partners", Before: strings.Join(before, "; "), After: strings.Join(after, "; "),
		Text: fmt.Sprintf("The partners are listed in a new order, which the documents' tables and signature pages follow: %s (before: %s).",
			strings.Join(after, ", "), strings.Join(before, ", "))})
}

func isPaired(paired map[int]int, old int) bool {
	for _, i := range paired {
		if i == old {
			return true
		}
	}
	return false
}

func hasKey(m map[int]int, k int) bool { _, ok := m[k]; return ok }

// manySuccession describes several partners of one family giving way to
// several others: which succeeds which is for the user to confirm.
func (d *differ) manySuccession(f string, gone, came []int) Change {
	var before, after []partnership.Partner
	for _, i := range gone {
		before = append(before, d.old.Partners[i])
	}
	for _, j := range came {
		after = append(after, d.new.Partners[j])
	}
	orgs := func(ps []partnership.Partner) string {
		names := make([]string, len(ps))
		for i, p := range ps {
			names[i] = p.Organisation
		}
		return format.And(names)
	}
	return Change{Kind: "succession", Path: tomlindex.Elem("partners", came[0]), Before: orgs(before), After: orgs(after),
		Text: fmt.Sprintf("Possible succession to confirm: %s in place of %s, all %s. %s",
			orgs(after), orgs(before), familyNames[f], registerNote(before, after))}
}

// registerNote says what the register of reorganisations records about
// partners that left and partners that came.
func registerNote(before, after []partnership.Partner) string {
	seen := map[string]bool{}
	var notes []string
	for _, a := range before {
		for _, b := range after {
			r, isSucc, found := partnership.Succession(a.Organisation, b.Organisation)
			if !found || seen[r.Name] {
				continue
			}
			seen[r.Name] = true
			notes = append(notes, registerSentence(r, a.Organisation, isSucc, b.Organisation))
		}
	}
	if len(notes) == 0 {
		return "The register of reorganisations records no change between them: confirm that one succeeds the other."
	}
	return strings.Join(notes, " ")
}

// registerSentence says what the register records about the body named
// before: the body itself (or its class, for a CCG), its successors and when.
func registerSentence(r partnership.Reorganisation, before string, isSucc bool, after string) string {
	ceased := r.CeasedClass
	if ceased == "" {
		ceased, _ = r.NamesCeased(before)
	}
	s := fmt.Sprintf("The register of reorganisations records that %s gave way to %s on %s (%s)", ceased, r.SuccessorNames(), r.Date(), r.Source)
	if !isSucc {
		s += fmt.Sprintf(", and %s is not among them: check it", after)
	}
	return s + "."
}

func addedPartner(pt partnership.Partner, e partnership.Edition) string {
	s := fmt.Sprintf("%s becomes a partner, as the %s", pt.Organisation, kindName(pt.Kind))
	if pt.Lead != nil && person(*pt.Lead) != "" {
		s += "; its " + e.LeadTerm + " is " + person(*pt.Lead)
	}
	if pt.Delegate != nil && person(*pt.Delegate) != "" {
		s += "; its " + e.DelegateTerm + " is " + person(*pt.Delegate)
	}
	return s + "."
}

// partnerFields compares two versions of one partner. A new organisation
// under the same id is a renaming, with what the register says about it.
func (d *differ) partnerFields(path string, a, b partnership.Partner) {
	skip := map[string]bool{}
	if a.Organisation != b.Organisation && a.ID == b.ID {
		skip["organisation"] = true
		text := fmt.Sprintf("The partner %s is now named %s.", a.Organisation, b.Organisation)
		if r, isSucc, found := partnership.Succession(a.Organisation, b.Organisation); found {
			text += " " + registerSentence(r, a.Organisation, isSucc, b.Organisation)
		}
		d.add(Change{Kind: "renamed", Path: path + ".organisation", Before: a.Organisation, After: b.Organisation, Text: text})
	}
	if a.Organisation != b.Organisation && a.ID != b.ID {
		// A succession: the sentence above the fields already names both.
		skip["organisation"], skip["id"], skip["kind"] = true, true, true
	}
	if a.Kind != b.Kind && !skip["kind"] {
		skip["kind"] = true
		d.add(Change{Kind: "changed", Path: path + ".kind", Before: a.Kind, After: b.Kind,
			Text: fmt.Sprintf("%s: kind changed from %s to %s.", b.Organisation, kindName(a.Kind), kindName(b.Kind))})
	}
	d.fields(path, b.Organisation, reflect.ValueOf(a), reflect.ValueOf(b), skip)
}
