package documents

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"mou/assemble/partnership"
)

// Where a sentence of a built document comes from. The default templates
// read a View, whose paths mostly follow the data file's (partners[1].lead,
// funding.rows[0].amount) but are sometimes worked out from it (the current
// funding year, relevant agencies grouped by sector, a partner's delegates
// as one line). origins maps a view path to the data key a person would
// look for in the file, and says which view paths only name things (the
// partnership, the guidance's terms, the document itself): a sentence that
// mentions them is not "from the data".
//
// The decisions are made per field, in two tables: typeRules for the fields
// of this package's view types wherever they appear, pathRules for places
// where the view rearranges the data (a different index, a list filtered).
// Fields declared in package partnership keep their names. A field with no
// decision maps to its own view path, not naming; TestOriginsDecideEveryField
// fails until it has one.

// origins maps one document's view paths to data keys.
type origins struct {
	p    *partnership.Partnership
	kind string
}

// A rule for a field, by code:
//
//	"="       the same name, and on with the rest of the path
//	"=name"   another name, and on
//	"^"       the enclosing table or item: it is made from all of it
//	"^name"   a sibling field it is worked out from; the rest is dropped
//	"naming"  names something: no fact a sentence can be from
type rule = string

const ruleNaming = "naming"

// typeRules decide the fields of this package's view types by Go type.
var typeRules = map[reflect.Type]map[string]rule{
	reflect.TypeFor[View](): {
		"partnership": "=", "edition": ruleNaming, "document": "=", "partners": "=", "relevant_agencies": "=",
		"agency_sectors": "=", "boards": "=", "meetings": "=", "subgroups": "=", "funding": "=",
		"funding_years": "=funding", "geography": "=", "milestones": "=", "signatories": "=",
		"scrutiny": "=", "review": "=", "glossary": "=", "history": "=", "report": "=", "text": "=",
		"updates": "=", "coverage": ruleNaming, "points": "=", "terms": ruleNaming, "counts": ruleNaming,
		"members": "=", "task_groups": "=", "foreword_signatories": "=", "disputes": "=",
		"youth_custody": "=", "child_death": "=", "education": "=", "audits": "=", "voice": "=",
		"data_sharing": "=", "procedures": "=", "structure": "=", "parts": ruleNaming, "has": ruleNaming,
		"priorities": "=", "delivery_bodies": "=", "decisions": "=", "inspections": "=",
		"funding_terms": "=", "footprints": "=", "executive": "=local_partnerships", "locals": "=local_partnerships",
		"year": "=",
	},
	reflect.TypeFor[Year](): {
		"priorities": "=", "slow": "^priorities", "slow_sentence": "^priorities", "reviews": "=", "audits": "=",
		"training": "=", "attendance": "=", "spending": "=", "scrutiny": "=", "voice": "=", "next_priorities": "=",
	},
	reflect.TypeFor[YearPriority](): {"progress_sentence": "^progress"},
	reflect.TypeFor[YearReviews]():  {"sentence": "^", "actions": "="},
	reflect.TypeFor[ReviewAction](): {"status_text": "^status"},
	reflect.TypeFor[YearAudit]():    {"findings_lead": "^cases"},
	reflect.TypeFor[Training]():     {"courses": "=", "sessions": "^", "attended": "^"},
	reflect.TypeFor[Attendance]():   {"name": "^partner", "percent": "^"},
	reflect.TypeFor[Spending]():     {"rows": "=", "agreed": "^rows", "spent": "^rows", "note": "="},
	reflect.TypeFor[SpendRow]():     {"name": "^partner"},
	reflect.TypeFor[YearScrutiny](): {"findings": "=", "response": "=", "statement": "=", "date": "=", "by": "="},
	reflect.TypeFor[Executive]():    {"name": "^", "the_name": "^", "area": "^", "sentence": "^"},
	reflect.TypeFor[Local]():        {"name": "=", "area": "=", "partners": "="},
	reflect.TypeFor[Profile]():      {"short": ruleNaming, "arrangements_name": ruleNaming, "in_force_date": "^in_force"},
	reflect.TypeFor[Document](): {
		"kind": ruleNaming, "title": ruleNaming, "version": "=", "date": "=", "fingerprint": ruleNaming,
		"this_title": ruleNaming, "footer": ruleNaming, "described": ruleNaming, "past": ruleNaming,
	},
	reflect.TypeFor[Person](): {"name": "=", "title": "=", "display": "^", "phrase": "^"},
	reflect.TypeFor[Partner](): {
		"id": "=", "kind": "=", "kind_name": "^kind", "organisation": "=", "short_name": "=", "lead": "=",
		"delegate": "=", "delegates": "=", "delegate_list": "^delegate", "footprint": "=", "decision_body": "=",
	},
	reflect.TypeFor[Sector](): {"name": "^sector", "agencies": "=", "list": "^agencies", "lines": "^agencies"},
	reflect.TypeFor[Group](): {
		"chair_name": "=", "reports_to_text": "^reports_to", "shared_with_text": "^shared_with",
		"rotation_text": "^rotation", "summary": "^", "members_sentence": "^members", "objectives_lead": "^objectives",
	},
	reflect.TypeFor[Funding](): {
		"year": "=", "rows": "=", "total": "^rows", "declared_total": "=", "in_kind": "=", "note": "=", "percent": "^rows",
	},
	reflect.TypeFor[FundingRow](): {"name": "^", "amount": "=", "share": "^amount", "percent": "^amount"},
	reflect.TypeFor[Milestone]():  {"label": "=", "when": "^date"},
	reflect.TypeFor[Signatory](): {
		"signatory": "=", "title": "=", "organisation": "^partner", "date": "=", "document": ruleNaming, "named": "^",
	},
	reflect.TypeFor[Scrutiny](): {
		"scrutineer": "=", "chair": "=", "lead": "=", "by_chair": "^led_by", "chair_role": "^chair_partner",
		"rotation_text": "^rotation", "duties": "=", "methods": "=", "planned": "=", "bodies": "=",
		"lead_sentence": "^", "scrutineer_sentence": "^scrutineer", "duties_lead": "^duties", "bodies_sentence": "^bodies",
	},
	reflect.TypeFor[Review](): {"last": "=", "next": "=", "frequency": "=", "sentence": "^"},
	reflect.TypeFor[Report](): {
		"period": "=", "start": "=", "end": "=", "published": "=", "location": "=", "location_known": "=location",
		"recipients": "=", "next_due": "^published",
	},
	reflect.TypeFor[Recipient]():    {"name": "=", "within_days": "=", "by": "^"},
	reflect.TypeFor[Update]():       {"version": "=", "document": "=", "date": "=", "summary": "^summary"},
	reflect.TypeFor[Disputes]():     {"regulator_list": "^regulators"},
	reflect.TypeFor[YouthCustody](): {"sentence": "^", "home_lines": "=homes"},
	reflect.TypeFor[Forum]():        {"developing": "^status"},
	reflect.TypeFor[Agreement]():    {"status_text": "^status", "sentence": "^"},
	reflect.TypeFor[Structure]():    {"note": "=", "rows": "="},
	reflect.TypeFor[StructureRow](): {"name": "=", "kind": "^", "reports_to": "="},
	reflect.TypeFor[Geography]():    {"authorities_sentence": "^local_authorities"},
	reflect.TypeFor[Member]():       {"line": "^"},
	reflect.TypeFor[Audit]():        {"led_by_phrase": "^led_by"},
	reflect.TypeFor[ChildDeath]():   {"sentence": "^"},
	reflect.TypeFor[Priority]():     {"actions_lead": "^actions"},
	reflect.TypeFor[DeliveryBody](): {"partner": "^acts_for", "sentence": "^"},
	reflect.TypeFor[FundingTerms](): {"sentences": "^"},
	reflect.TypeFor[Alliance]():     {"sentence": "^"},
	reflect.TypeFor[Education]():    {"is_partner": "^place", "is_relevant_agency": "^place", "group_sentence": "^group", "alliances": "="},
}

// pathRule maps a place in the view (a pattern: indices as [], map keys as
// *) to where it is in the data, given the indices and keys in order. It
// returns the data path and whether the rest of the view path is dropped;
// "" names nothing.
type pathRule func(o *origins, ix []string) (path string, stop bool)

var pathRules = map[string]pathRule{
	"funding": func(o *origins, _ []string) (string, bool) {
		cur := o.p.CurrentFunding()
		for i := range o.p.Funding {
			if &o.p.Funding[i] == cur {
				return "funding[" + strconv.Itoa(i) + "]", false
			}
		}
		return "funding", false
	},
	"agency_sectors[]": func(o *origins, ix []string) (string, bool) {
		return o.agency(atoi(ix[0]), 0), false
	},
	"agency_sectors[].agencies[]": func(o *origins, ix []string) (string, bool) {
		return o.agency(atoi(ix[0]), atoi(ix[1])), false
	},
	"partners[].delegate":      func(o *origins, ix []string) (string, bool) { return o.delegate("partners", ix[0], 0) },
	"partners[].delegates[]":   func(o *origins, ix []string) (string, bool) { return o.delegate("partners", ix[0], atoi(ix[1])) },
	"footprints[]":             func(o *origins, ix []string) (string, bool) { return o.footprint(atoi(ix[0])), false },
	"footprints[].delegate":    func(o *origins, ix []string) (string, bool) { return o.delegate("footprints", ix[0], 0) },
	"footprints[].delegates[]": func(o *origins, ix []string) (string, bool) { return o.delegate("footprints", ix[0], atoi(ix[1])) },
	"meetings[].chair_name":    func(o *origins, ix []string) (string, bool) { return o.chair("meetings", o.p.Meetings, ix[0]) },
	"subgroups[].chair_name":   func(o *origins, ix []string) (string, bool) { return o.chair("subgroups", o.p.Subgroups, ix[0]) },
	"task_groups[].chair_name": func(o *origins, ix []string) (string, bool) { return o.chair("task_groups", o.p.TaskGroups, ix[0]) },
	"signatories[]":            func(o *origins, ix []string) (string, bool) { return o.signatory(o.kind, false, atoi(ix[0])) },
	"foreword_signatories[]":   func(o *origins, ix []string) (string, bool) { return o.signatory(Arrangements, true, atoi(ix[0])) },
	"history[]":                func(o *origins, ix []string) (string, bool) { return o.history(atoi(ix[0])), false },
	"updates[]":                func(o *origins, ix []string) (string, bool) { return o.update(atoi(ix[0])), false },
	"document.version":         func(o *origins, _ []string) (string, bool) { return o.version("version") },
	"document.date":            func(o *origins, _ []string) (string, bool) { return o.version("date") },
	"scrutiny.lead":            func(o *origins, _ []string) (string, bool) { return o.scrutinyLead(), false },
	"scrutiny.chair":           func(o *origins, _ []string) (string, bool) { return o.scrutinyChair(), false },
	"structure.rows[]":         func(o *origins, ix []string) (string, bool) { return o.structureRow(atoi(ix[0])), false },
	"report.period":            func(o *origins, _ []string) (string, bool) { return o.reportPeriod(), true },
	"report.start":             func(o *origins, _ []string) (string, bool) { return o.reportPeriod(), true },
	"report.end":               func(o *origins, _ []string) (string, bool) { return o.reportPeriod(), true },
	"report.location":          func(o *origins, _ []string) (string, bool) { return o.reportLocation(), true },
	"report.recipients": func(o *origins, _ []string) (string, bool) {
		if o.recipient("0") == "" {
			return "", true
		}
		return "report.recipients", false
	},
	"report.recipients[]":            func(o *origins, ix []string) (string, bool) { return o.recipient(ix[0]), false },
	"text.*":                         func(o *origins, ix []string) (string, bool) { return "text." + sectionID(ix[0]), true },
	"points.*":                       func(o *origins, ix []string) (string, bool) { return "points." + sectionID(ix[0]), false },
	"priorities[]":                   func(o *origins, ix []string) (string, bool) { return "partnership.priorities[" + ix[0] + "]", false },
	"year.training.courses[]":        func(o *origins, ix []string) (string, bool) { return "year.training[" + ix[0] + "]", false },
	"year.scrutiny.by":               func(o *origins, _ []string) (string, bool) { return o.statementBy(), false },
	"signatories[].document":         func(*origins, []string) (string, bool) { return "", true },
	"partnership.name":               func(*origins, []string) (string, bool) { return "", true },
	"partnership.short_name":         func(*origins, []string) (string, bool) { return "", true },
	"partnership.area":               func(*origins, []string) (string, bool) { return "", true },
	"partnership.arrangements_title": func(*origins, []string) (string, bool) { return "", true },
}

// dataKey maps a view path (as the engine's trace gives it) to the data
// key a person would look for; naming is true for paths that only name
// things. An unknown path is its own key.
func (o *origins) dataKey(viewPath string) (key string, naming bool) {
	segs := splitPath(viewPath)
	if len(segs) == 0 {
		return viewPath, false
	}
	t := reflect.TypeFor[View]()
	var out, pattern strings.Builder
	var ix []string
	for i := 0; i < len(segs); i++ {
		s := segs[i]
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch {
		case s.index:
			if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
				return viewPath, false
			}
			pattern.WriteString("[]")
			ix = append(ix, s.name)
			out.WriteString("[" + s.name + "]")
			t = t.Elem()
		case t.Kind() == reflect.Map:
			pattern.WriteString(".*")
			ix = append(ix, s.name)
			out.WriteString("." + s.name)
			t = t.Elem()
		default:
			if t.Kind() != reflect.Struct {
				return viewPath, false
			}
			f, owner, ok := fieldByTOML(t, s.name)
			if !ok {
				return viewPath, false
			}
			if pattern.Len() > 0 {
				pattern.WriteByte('.')
			}
			pattern.WriteString(s.name)
			t = f.Type
			name := s.name
			if owner.PkgPath() != reflect.TypeFor[View]().PkgPath() {
				// A field of the data's own types keeps its name.
			} else {
				r, decided := typeRules[owner][s.name]
				switch {
				case !decided:
					return viewPath, false
				case r == ruleNaming:
					return "", true
				case r == "^":
					return o.finish(out.String(), segs[i:], viewPath)
				case strings.HasPrefix(r, "^"):
					return joinKey(out.String(), r[1:]), false
				case strings.HasPrefix(r, "="):
					if r != "=" {
						name = r[1:]
					}
				}
			}
			if out.Len() > 0 {
				out.WriteByte('.')
			}
			out.WriteString(name)
		}
		if rl, ok := pathRules[pattern.String()]; ok {
			p, stop := rl(o, ix)
			if p == "" {
				return "", true
			}
			if stop {
				return p, false
			}
			out.Reset()
			out.WriteString(p)
		}
	}
	return out.String(), false
}

// finish is the key of a field made from its whole enclosing item.
func (o *origins) finish(parent string, _ []pathSeg, viewPath string) (string, bool) {
	if parent == "" {
		return viewPath, false
	}
	return parent, false
}

func joinKey(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

type pathSeg struct {
	name  string
	index bool
}

// splitPath reads a.b[1].c into its names and indices.
func splitPath(p string) []pathSeg {
	var out []pathSeg
	for _, part := range strings.Split(p, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if name != "" {
			out = append(out, pathSeg{name: name})
		}
		for rest != "" {
			i, after, ok := strings.Cut(rest, "]")
			if !ok {
				break
			}
			out = append(out, pathSeg{name: i, index: true})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return out
}

// fieldByTOML finds a struct's field by its TOML name, looking into
// embedded structs as the engine does; owner is the struct declaring it.
func fieldByTOML(t reflect.Type, name string) (reflect.StructField, reflect.Type, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if n, _, _ := strings.Cut(f.Tag.Get("toml"), ","); n == name && !f.Anonymous {
			return f, t, true
		}
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("toml") == "" {
			if g, owner, ok := fieldByTOML(f.Type, name); ok {
				return g, owner, true
			}
		}
	}
	return reflect.StructField{}, nil, false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// sectionID turns a template's section key back into the data's id.
func sectionID(key string) string {
	for _, s := range partnership.Sections {
		if TextKey(s.ID) == key {
			return s.ID
		}
	}
	return key
}

// agency is the a-th relevant agency of the s-th sector shown.
func (o *origins) agency(s, a int) string {
	k := 0
	for _, sector := range partnership.Sectors {
		var in []int
		for j, ag := range o.p.RelevantAgencies {
			if ag.Sector == sector {
				in = append(in, j)
			}
		}
		if len(in) == 0 {
			continue
		}
		if k == s && a < len(in) {
			return "relevant_agencies[" + strconv.Itoa(in[a]) + "]"
		}
		k++
	}
	return "relevant_agencies"
}

// partnerIndex is the data index of a view list's i-th partner.
func (o *origins) partnerIndex(list, i string) int {
	n := atoi(i)
	if list == "footprints" {
		k := 0
		for j, pt := range o.p.Partners {
			if pt.Footprint != "" {
				if k == n {
					return j
				}
				k++
			}
		}
	}
	return n
}

func (o *origins) footprint(i int) string {
	return "partners[" + strconv.Itoa(o.partnerIndex("footprints", strconv.Itoa(i))) + "]"
}

// delegate is where a partner's d-th delegate (the view's list, the first
// delegate included) is written.
func (o *origins) delegate(list, i string, d int) (string, bool) {
	j := o.partnerIndex(list, i)
	base := "partners[" + strconv.Itoa(j) + "]"
	if j >= len(o.p.Partners) {
		return base, false
	}
	pt := o.p.Partners[j]
	if pt.Delegate != nil && (pt.Delegate.Name != "" || pt.Delegate.Title != "") {
		if d == 0 {
			return base + ".delegate", false
		}
		d--
	}
	return base + ".delegates[" + strconv.Itoa(d) + "]", false
}

func (o *origins) chair(list string, gs []partnership.Group, i string) (string, bool) {
	base := list + "[" + i + "]"
	if n := atoi(i); n < len(gs) && gs[n].ChairedBy == "" && gs[n].Chair != "" {
		return base + ".chair", true
	}
	return base + ".chaired_by", true
}

// signatory is where the i-th signature block of a document comes from:
// an endorsement, or a partner's lead when the data records none.
func (o *origins) signatory(kind string, namedOnly bool, i int) (string, bool) {
	k := 0
	for j, e := range o.p.Endorsements {
		if kind != Endorsements && e.Document != kind {
			continue
		}
		if k == i {
			return "endorsements[" + strconv.Itoa(j) + "]", false
		}
		k++
	}
	if k > 0 || namedOnly {
		return "endorsements", true
	}
	return "partners[" + strconv.Itoa(i) + "].lead", true
}

// history is the data index of the i-th history entry this document lists.
func (o *origins) history(i int) string {
	k := 0
	for j, h := range o.p.History {
		if h.Document == "" || h.Document == o.kind || o.kind == Endorsements {
			if k == i {
				return "history[" + strconv.Itoa(j) + "]"
			}
			k++
		}
	}
	return "history"
}

// update is the data index of the yearly report's i-th update.
func (o *origins) update(i int) string {
	start, end, known := reportDates(o.p)
	if !known {
		return "history"
	}
	var in []int
	for j, h := range o.p.History {
		if !h.Date.IsZero() && !h.Date.Time.Before(start) && !h.Date.Time.After(end) {
			in = append(in, j)
		}
	}
	sort.SliceStable(in, func(a, b int) bool { return o.p.History[in[a]].Date.Time.Before(o.p.History[in[b]].Date.Time) })
	if i < len(in) {
		return "history[" + strconv.Itoa(in[i]) + "]"
	}
	return "history"
}

// version is where the document's version or date comes from: its latest
// history entry, else the partnership's date.
func (o *origins) version(field string) (string, bool) {
	best := -1
	for j, h := range o.p.History {
		if h.Document != "" && h.Document != o.kind {
			continue
		}
		if best < 0 || !h.Date.Time.Before(o.p.History[best].Date.Time) {
			best = j
		}
	}
	if best < 0 {
		if field == "date" {
			return "partnership.date", true
		}
		return "", true
	}
	return "history[" + strconv.Itoa(best) + "]." + field, true
}

func (o *origins) scrutinyLead() string {
	s := o.p.Scrutiny
	if s == nil {
		return "scrutiny"
	}
	if s.LedBy == "independent-chair" && s.Chair != nil || s.Scrutineer == nil {
		return o.scrutinyChair()
	}
	return "scrutiny.scrutineer"
}

func (o *origins) scrutinyChair() string {
	s := o.p.Scrutiny
	if s != nil && s.Chair == nil && s.ChairPartner != "" {
		for j, pt := range o.p.Partners {
			if pt.ID == s.ChairPartner {
				return "partners[" + strconv.Itoa(j) + "].delegate"
			}
		}
	}
	return "scrutiny.chair"
}

func (o *origins) structureRow(r int) string {
	for _, l := range []struct {
		name string
		n    int
	}{{"meetings", len(o.p.Meetings)}, {"subgroups", len(o.p.Subgroups)}, {"task_groups", len(o.p.TaskGroups)}} {
		if r < l.n {
			return l.name + "[" + strconv.Itoa(r) + "]"
		}
		r -= l.n
	}
	return "structure"
}

// reportPeriod is where the report's period is set: [report], else the
// date the arrangements began.
func (o *origins) reportPeriod() string {
	if r := o.p.Report; r != nil && !r.Start.IsZero() {
		return "report.start"
	}
	return "partnership.date"
}

func (o *origins) reportLocation() string {
	switch {
	case o.p.Report != nil && o.p.Report.Location != "":
		return "report.location"
	case o.p.Partnership.Website != "":
		return "partnership.website"
	}
	return ""
}

// recipient is where a recipient of the report is named: [report], or
// the edition's defaults, which are the guidance's and name no fact.
func (o *origins) recipient(i string) string {
	if o.p.Report != nil && len(o.p.Report.Recipients) > 0 {
		return "report.recipients[" + i + "]"
	}
	return ""
}

// statementBy is where the scrutineer's statement is signed from: the
// scrutineer, else whoever leads scrutiny (yearView).
func (o *origins) statementBy() string {
	if s := o.p.Scrutiny; s != nil && s.Scrutineer != nil {
		return "scrutiny.scrutineer"
	}
	return o.scrutinyLead()
}
