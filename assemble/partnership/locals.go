package partnership

import (
	"fmt"
	"strconv"
	"strings"
)

// A pan-area executive leads several local partnerships: each has its own
// name, area, partners (some of the executive's), sub-groups, scrutiny,
// values and yearly report, and builds its own documents, while the
// executive's governance meetings and sub-groups are shared by all of them.
// The executive's data file holds them as [[local_partnerships]]; Local
// makes each into a partnership of its own, whose every path still finds
// the file and line it was written on.

// LocalPartnership is one local partnership under a pan-area executive.
type LocalPartnership struct {
	ID               string              `toml:"id" validate:"required,slug" doc:"Short stable name, e.g. \"northmere\"."`
	Name             string              `toml:"name" validate:"required,trimmed" doc:"Its full name, e.g. \"Northmere Safeguarding Children Partnership\"."`
	ShortName        string              `toml:"short_name" validate:"trimmed" doc:"Its abbreviation, e.g. \"NSCP\"."`
	Area             string              `toml:"area" validate:"required,trimmed" doc:"The local authority area it covers."`
	Partners         []string            `toml:"partners" validate:"required,min=1" doc:"Ids of the executive's partners that are its statutory partners, e.g. [\"northmere-council\", \"icb\", \"police\"]."`
	Vision           string              `toml:"vision" doc:"Its own vision, when not the executive's."`
	Values           []string            `toml:"values" doc:"Its own values, when not the executive's."`
	Priorities       []Priority          `toml:"priorities" validate:"dive" doc:"Its own priorities, when not the executive's."`
	Website          string              `toml:"website" validate:"omitempty,url" doc:"Where it publishes its documents, when not the executive's website."`
	Geography        *Geography          `toml:"geography" doc:"Its area and figures."`
	Members          []Member            `toml:"members" validate:"dive" doc:"Its own members who are not statutory partners (the executive's are shared)."`
	RelevantAgencies []Agency            `toml:"relevant_agencies" validate:"dive" doc:"Its own relevant agencies, besides the executive's."`
	Subgroups        []Group             `toml:"subgroups" validate:"dive" doc:"Its own sub-groups (the executive's are shared by every local partnership)."`
	Scrutiny         *Scrutiny           `toml:"scrutiny" doc:"Its own independent scrutiny, when not the executive's."`
	Report           *Report             `toml:"report" doc:"Its yearly report: period and publication."`
	YouthCustody     *YouthCustody       `toml:"youth_custody" doc:"Youth custody and children's homes in its area (the executive's are not its own)."`
	Endorsements     []Endorsement       `toml:"endorsements" validate:"dive" doc:"Who signs its own documents, and when (the executive's endorsements are of the executive's documents)."`
	History          []Version           `toml:"history" validate:"dive" doc:"The history of its own documents (the executive's history is of the executive's)."`
	Text             map[string]string   `toml:"text" doc:"Its own wording for a section, replacing the executive's."`
	Points           map[string][]string `toml:"points" doc:"Its own points for a section, replacing the executive's for that section."`
}

// Local returns the i-th local partnership as a partnership of its own: the
// executive's data with the local partnership's names, partners, values,
// sub-groups, scrutiny and report in place, and the executive's meetings and
// sub-groups marked as shared with the other local partnerships.
func (p *Partnership) Local(i int) *Partnership {
	lp := p.Locals[i]
	q := *p
	q.Locals = nil
	q.executive = p
	q.undecoded = p.undecoded
	base := "local_partnerships[" + strconv.Itoa(i) + "]"
	al := &localAlias{base: base, prof: map[string]bool{}, text: map[string]bool{}, points: map[string]bool{}}

	prof := p.Partnership
	prof.Name, prof.ShortName, prof.Area = lp.Name, lp.ShortName, lp.Area
	al.prof["name"], al.prof["short_name"], al.prof["area"] = true, true, true
	set := func(key string, ok bool) {
		if ok {
			al.prof[key] = true
		}
	}
	if lp.Vision != "" {
		prof.Vision = lp.Vision
		set("vision", true)
	}
	if len(lp.Values) > 0 {
		prof.Values = lp.Values
		set("values", true)
	}
	if len(lp.Priorities) > 0 {
		prof.Priorities = lp.Priorities
		set("priorities", true)
	}
	if lp.Website != "" {
		prof.Website = lp.Website
		set("website", true)
	}
	prof.ArrangementsTitle = ""
	q.Partnership = prof

	// Its partners, in the executive's order; their paths map back.
	keep := map[string]bool{}
	for _, id := range lp.Partners {
		keep[id] = true
	}
	q.Partners = nil
	for k, pt := range p.Partners {
		if keep[pt.ID] {
			al.partners = append(al.partners, k)
			q.Partners = append(q.Partners, pt)
		}
	}
	// Its documents are its own: the executive's endorsements are not of
	// them.
	q.Endorsements = lp.Endorsements
	q.History = lp.History
	q.YouthCustody = lp.YouthCustody
	al.youth = lp.YouthCustody != nil
	q.DeliveryBodies = nil
	for k, b := range p.DeliveryBodies {
		if keep[b.ActsFor] {
			al.delivery = append(al.delivery, k)
			q.DeliveryBodies = append(q.DeliveryBodies, b)
		}
	}

	var others []string
	for j, o := range p.Locals {
		if j != i {
			others = append(others, withArticle(o.Name))
		}
	}
	shared := func(gs []Group) []Group {
		out := make([]Group, len(gs))
		for k, g := range gs {
			g.SharedWith = append(append([]string(nil), g.SharedWith...), others...)
			out[k] = g
		}
		return out
	}
	q.Meetings = shared(p.Meetings)
	al.subgroups = len(p.Subgroups)
	q.Subgroups = append(shared(p.Subgroups), lp.Subgroups...)
	al.members = len(p.Members)
	q.Members = append(append([]Member(nil), p.Members...), lp.Members...)
	al.agencies = len(p.RelevantAgencies)
	q.RelevantAgencies = append(append([]Agency(nil), p.RelevantAgencies...), lp.RelevantAgencies...)
	if lp.Geography != nil {
		q.Geography = lp.Geography
		al.geography = true
	} else {
		q.Geography = nil
	}
	if lp.Scrutiny != nil {
		q.Scrutiny = lp.Scrutiny
		al.scrutiny = true
	}
	if lp.Report != nil {
		q.Report = lp.Report
		al.report = true
	}
	if len(lp.Text) > 0 {
		q.Text = map[string]string{}
		for k, v := range p.Text {
			q.Text[k] = v
		}
		for k, v := range lp.Text {
			q.Text[k] = v
			al.text[k] = true
		}
	}
	if len(lp.Points) > 0 {
		q.Points = map[string][]string{}
		for k, v := range p.Points {
			q.Points[k] = v
		}
		for k, v := range lp.Points {
			q.Points[k] = v
			al.points[k] = true
		}
	}
	if p.src != nil {
		src := *p.src
		src.alias = al.path
		q.src = &src
	}
	return &q
}

// AnyPartner is Partner, or for a local partnership the executive's partner
// of that id: a shared group may be chaired by another area's council.
func (p *Partnership) AnyPartner(id string) *Partner {
	if pt := p.Partner(id); pt != nil || p.executive == nil {
		return pt
	}
	return p.executive.Partner(id)
}

// Executive returns the pan-area executive a local partnership comes
// from (Local), or nil.
func (p *Partnership) Executive() *Partnership { return p.executive }

// withArticle names a partnership in a sentence: "the Northmere …".
func withArticle(name string) string {
	if strings.HasPrefix(strings.ToLower(name), "the ") {
		return name
	}
	return "the " + name
}

// localAlias maps a local partnership's paths to the executive's file.
type localAlias struct {
	base                               string
	prof, text, points                 map[string]bool
	partners, delivery                 []int // the executive's index of each
	subgroups, members, agencies       int   // the executive's own come first
	geography, scrutiny, report, youth bool
}

func (a *localAlias) path(p string) string {
	head, rest := p, ""
	if i := strings.IndexAny(p, ".["); i >= 0 {
		head, rest = p[:i], p[i:]
	}
	index := func() (int, string, bool) {
		if !strings.HasPrefix(rest, "[") {
			return 0, "", false
		}
		j := strings.Index(rest, "]")
		n, err := strconv.Atoi(rest[1:j])
		return n, rest[j+1:], err == nil
	}
	switch head {
	case "partnership":
		key := strings.TrimPrefix(rest, ".")
		if k, _, _ := strings.Cut(key, "."); a.prof[strings.SplitN(k, "[", 2)[0]] {
			return a.base + "." + key
		}
	case "partners", "delivery_bodies":
		list := map[string][]int{"partners": a.partners, "delivery_bodies": a.delivery}[head]
		if n, tail, ok := index(); ok && n < len(list) {
			return fmt.Sprintf("%s[%d]%s", head, list[n], tail)
		}
	case "subgroups", "members", "relevant_agencies":
		own := map[string]int{"subgroups": a.subgroups, "members": a.members, "relevant_agencies": a.agencies}[head]
		if n, tail, ok := index(); ok && n >= own {
			return fmt.Sprintf("%s.%s[%d]%s", a.base, head, n-own, tail)
		}
	case "endorsements", "history":
		return a.base + "." + p
	case "geography", "scrutiny", "report", "youth_custody":
		if map[string]bool{"geography": a.geography, "scrutiny": a.scrutiny, "report": a.report, "youth_custody": a.youth}[head] {
			return a.base + "." + p
		}
	case "text", "points":
		key := strings.TrimPrefix(rest, ".")
		k, _, _ := strings.Cut(key, "[")
		if (head == "text" && a.text[k]) || (head == "points" && a.points[k]) {
			return a.base + "." + p
		}
	}
	return p
}
