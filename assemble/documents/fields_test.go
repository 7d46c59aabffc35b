package documents

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"mou/assemble/format"
	"mou/assemble/partnership"
)

// No key is accepted and dropped (issue 17): every field of the data model
// prints in some document. The test builds a complete partnership from the
// model itself: it walks partnership.Partnership by reflection and gives
// every text field (and every entry of a list of text) its own marker,
// Zqaaa, Zqaab, … — letters only, so that no formatter mangles it — every
// date its own day, every amount and number its own value. Fields whose
// value must be one of a few (ids, kinds, statuses, references to a
// partner) get a valid value in fieldValues; where the wording that value
// chooses is easy to tell, the test looks for that wording, else the field
// is in fieldsNotPrinted with the reason. It renders the four documents
// (body, headers, footers) and fails, naming the field paths, for any
// field none of whose values any document shows, for any list entry none
// of whose fields prints (a second funding year, say), and for any entry
// of fieldsNotPrinted that is no longer a field of the model.
//
// A field added to the model is covered without touching this test: it
// gets a marker, and fails until a template prints it (or, for a field
// that only shapes the text, until it is added to fieldsNotPrinted with
// the reason). go test ./assemble/documents -run TestEveryFieldPrints -v
// lists the documents each field prints in.
func TestEveryFieldPrints(t *testing.T) {
	today := time.Date(2026, time.November, 30, 0, 0, 0, 0, time.UTC)
	f := newFieldFiller()
	tree := f.table(reflect.TypeFor[partnership.Partnership](), "", "", 0)
	// [text] replaces a section's default wording, so it would hide the
	// data the default wording prints: it is checked in a second
	// partnership, the same data with every section's wording replaced.
	// [points] only adds to a section, so the first one has them.
	delete(tree, "text")
	withText := map[string]any{}
	for k, v := range tree {
		withText[k] = v
	}
	withText["text"] = f.sectionMap("text", func(m string) any { return m })
	// The same for a local partnership's own [text]: its points stay in
	// the first copy, its wording goes in the second.
	if ls, ok := tree["local_partnerships"].([]map[string]any); ok {
		var plain, worded []map[string]any
		for _, lm := range ls {
			a, b := map[string]any{}, map[string]any{}
			for k, v := range lm {
				b[k] = v
				if k != "text" {
					a[k] = v
				}
			}
			plain, worded = append(plain, a), append(worded, b)
		}
		tree["local_partnerships"], withText["local_partnerships"] = plain, worded
	}

	shown := map[string]map[string]bool{} // check text → documents showing it
	// Data no document prints may instead be reported by validation as
	// printed nowhere (rules "unprinted.*"): the user is told, not misled.
	reported := map[string]bool{}
	for _, data := range []map[string]any{tree, withText} {
		text := fieldTOML(data)
		p, findings := partnership.Parse("fields.toml", text)
		if p != nil {
			findings = append(findings, p.Validate(partnership.Options{Today: today})...)
		}
		for _, fd := range findings {
			if strings.HasPrefix(fd.Rule, "unprinted.") {
				reported[fd.Path] = true
			}
		}
		if p == nil || findings.Errors() > 0 {
			var b strings.Builder
			findings.WriteText(&b)
			t.Fatalf("the generated partnership is not valid:\n%s\n%s", b.String(), fieldNumbered(text))
		}
		// A pan-area executive's local partnerships print what is theirs
		// in their own documents.
		all := []*partnership.Partnership{p}
		for j := range p.Locals {
			all = append(all, p.Local(j))
		}
		for n, kind := range fieldKinds(len(all)) {
			docx, _, err := Render(all[n/len(Kinds)], kind, "")
			if err != nil {
				t.Fatalf("%s: %v", kind, err)
			}
			words := strings.ToLower(fieldDocxText(t, docx))
			for _, cs := range f.checks {
				for _, c := range cs {
					if strings.Contains(words, strings.ToLower(c)) {
						if shown[c] == nil {
							shown[c] = map[string]bool{}
						}
						shown[c][kind] = true
					}
				}
			}
		}
	}

	// Every allowlisted path is still a field of the model.
	have := map[string]bool{}
	for _, p := range f.paths {
		have[p] = true
	}
	for p := range fieldsNotPrinted {
		if !have[p] {
			t.Errorf("fieldsNotPrinted has %s, which is no longer a field of the model: remove it", p)
		}
	}

	var dropped []string
	for _, path := range f.paths {
		var in []string
		seen := map[string]bool{}
		for _, c := range f.checks[path] {
			for k := range shown[c] {
				if !seen[k] {
					seen[k] = true
					in = append(in, k)
				}
			}
		}
		sort.Strings(in)
		_, allowed := fieldsNotPrinted[path]
		switch {
		case reportedAt(reported, path) && len(in) == 0:
		case allowed && len(in) > 0:
			t.Logf("%s is in fieldsNotPrinted but shows in %s: its entry may go", path, strings.Join(in, ", "))
		case allowed:
		case len(f.checks[path]) == 0:
			dropped = append(dropped, path+" (a value this test cannot look for: give it a check in fieldValues, or add it to fieldsNotPrinted with the reason)")
		case len(in) == 0:
			dropped = append(dropped, fmt.Sprintf("%s (looked for %s)", path, fieldQuoteList(f.checks[path], 3)))
		default:
			if testing.Verbose() {
				t.Logf("%s: %s", path, strings.Join(in, ", "))
			}
		}
	}
	// And no entry of a list is dropped whole while its fields print in
	// other entries (a second funding year, say). An entry inside one
	// already named is not named again.
	var lost []string
	for _, e := range f.lists {
		if len(lost) > 0 && strings.HasPrefix(e, lost[len(lost)-1]+".") {
			continue
		}
		checked, printed := false, false
		for cp, cs := range f.byEntry {
			if strings.HasPrefix(cp, e+".") {
				checked = true
				for _, c := range cs {
					printed = printed || len(shown[c]) > 0
				}
			}
		}
		if checked && !printed && !reportedAt(reported, e) {
			lost = append(lost, e)
			dropped = append(dropped, e+" (an entry none of whose fields prints)")
		}
	}
	if len(dropped) > 0 {
		t.Errorf("%d field(s) of the data print in no document (the data would be accepted and dropped):\n  %s",
			len(dropped), strings.Join(dropped, "\n  "))
	}
}

// fieldsNotPrinted are the fields that shape the text without being
// printed as written, each with the reason. Keep it short: a field a
// reader would expect to see in the documents does not belong here.
var fieldsNotPrinted = map[string]string{
	"history[].data":                 "names the data file kept for that version, to compare with (mou serve, mou diff); a file name is no fact of the documents",
	"partnership.edition":            "chooses the guidance's wording and terms (Lead Safeguarding Partner, …)",
	"partnership.date_style":         "says how every date prints (10 September or 10th September)",
	"partnership.arrangements_order": "orders the arrangements' sections; section ids are never printed",
	"partnership.secure_establishment": "switches on the report's review of restraint; " +
		"the establishments themselves are youth_custody.establishments",
	"partners[].id":                   "an id other fields refer to; never printed",
	"partners[].kind":                 "chooses the partner's role wording and the health body's terms",
	"meetings[].id":                   "an id naming the group in the data; never printed",
	"subgroups[].id":                  "an id naming the group in the data; never printed",
	"task_groups[].id":                "an id naming the group in the data; never printed",
	"meetings[].chair":                "a partner id: the chairing partner's representative and organisation print",
	"subgroups[].chair":               "a partner id: the chairing partner's representative and organisation print",
	"task_groups[].chair":             "a partner id: the chairing partner's representative and organisation print",
	"meetings[].rotation.partners":    "partner ids: the partners' organisations print in the rotation sentence",
	"subgroups[].rotation.partners":   "partner ids: the partners' organisations print in the rotation sentence",
	"task_groups[].rotation.partners": "partner ids: the partners' organisations print in the rotation sentence",
	"scrutiny.rotation.partners":      "partner ids: the partners' organisations print in the rotation sentence",
	"scrutiny.chair_partner":          "a partner id: that partner's organisation prints as the chair's other role",
	"scrutiny.led_by":                 "chooses who leads scrutiny (the scrutineer or the independent chair)",
	"funding[].rows[].partner":        "a partner id: the partner's short name prints as the row's label",
	"funding[].declared_total":        "validation requires it to equal the sum of the rows, and the sum is what prints",
	"endorsements[].partner":          "a partner id: the partner's organisation prints on the signature block",
	"endorsements[].document":         "chooses which document's signature page the endorsement is on",
	"history[].document":              "chooses which document's history the entry is in",
	"delivery_bodies[].acts_for":      "a partner id: the partner's organisation prints in the delivery body's sentence",
	"youth_custody.none":              "chooses the sentence that there is no youth custody establishment; it cannot be true beside establishments",
	"year.attendance[].partner":       "a partner id: the partner's organisation prints in the attendance table",
	"year.spending.rows[].partner":    "a partner id: the partner's organisation prints in the spending table",
	"year.spending.agreed_total":      "validation requires it to equal the sum of the rows, and the sum is what prints",
	"year.spending.spent_total":       "validation requires it to equal the sum of the rows, and the sum is what prints",
}

// fieldSum is a declared total: the sum of the entry's rows' key.
func fieldSum(key string) func(int, map[string]any) fieldValue {
	return func(_ int, entry map[string]any) fieldValue {
		var sum int64
		for _, r := range entry["rows"].([]map[string]any) {
			sum += r[key].(int64)
		}
		return fieldValue{v: sum}
	}
}

// fieldValue is the value a field gets, and the texts any of which in a
// document shows that it printed. With fill, the field gets the marker
// (or date, or number) any field of its type gets; with neither v nor
// fill the key is left out.
type fieldValue struct {
	v    any
	show []string
	fill bool
}

// fieldValues are the fields that need a valid value rather than a
// marker, by path ([] for a list's entries), given the entry's index in
// its list and the entry's fields filled so far.
var fieldValues = map[string]func(i int, entry map[string]any) fieldValue{
	"partnership.edition":    func(int, map[string]any) fieldValue { return fieldValue{v: int64(2023)} },
	"partnership.date":       func(int, map[string]any) fieldValue { return fieldDate(2025, 6, 11) },
	"partnership.in_force":   func(int, map[string]any) fieldValue { return fieldDate(2025, 7, 2) },
	"partnership.date_style": func(int, map[string]any) fieldValue { return fieldValue{v: "plain"} },
	// q twice, as no marker has it.
	"partnership.website": func(int, map[string]any) fieldValue {
		return fieldValue{v: "https://www.zqqwebsite.example.org/", show: []string{"zqqwebsite.example.org"}}
	},
	"partnership.arrangements_order": func(int, map[string]any) fieldValue { return fieldValue{v: partnership.ArrangementsParts[:3]} },
	"partnership.secure_establishment": func(int, map[string]any) fieldValue {
		return fieldValue{v: true}
	},
	"partnership.all_age": func(int, map[string]any) fieldValue {
		return fieldValue{v: true, show: []string{"children and adults at risk"}}
	},
	"partners[].id": func(i int, _ map[string]any) fieldValue { return fieldValue{v: fieldPartnerIDs[i]} },
	"partners[].kind": func(i int, _ map[string]any) fieldValue {
		return fieldValue{v: []string{partnership.KindLocalAuthority, partnership.KindICB, partnership.KindPolice}[i]}
	},
	"relevant_agencies[].sector": func(i int, _ map[string]any) fieldValue {
		return []fieldValue{{v: "fire-rescue", show: []string{"Fire and rescue"}}, {v: "sport", show: []string{"Sport and leisure"}}}[i]
	},
	"relevant_agencies[].national": func(i int, _ map[string]any) fieldValue {
		return fieldValue{v: true, show: []string{"(national)"}}
	},
	"meetings[].id":                   fieldGroupID("meeting"),
	"subgroups[].id":                  fieldGroupID("subgroup"),
	"task_groups[].id":                fieldGroupID("task-group"),
	"meetings[].chair":                fieldPartnerRef(0),
	"subgroups[].chair":               fieldPartnerRef(1),
	"task_groups[].chair":             fieldPartnerRef(2),
	"meetings[].rotation.partners":    fieldRotation,
	"subgroups[].rotation.partners":   fieldRotation,
	"task_groups[].rotation.partners": fieldRotation,
	"scrutiny.rotation.partners":      fieldRotation,
	"scrutiny.chair_partner":          fieldPartnerRef(2),
	"scrutiny.led_by":                 func(int, map[string]any) fieldValue { return fieldValue{v: "scrutineer"} },
	"funding[].year": func(i int, _ map[string]any) fieldValue {
		y := []string{"2025/26", "2024/25"}[i]
		return fieldValue{v: y, show: []string{y}}
	},
	// A row names a partner or an agency, and its label replaces either:
	// the first row has a partner and a label, the second an agency, the
	// third a partner.
	"funding[].rows[].partner": func(i int, _ map[string]any) fieldValue {
		return []fieldValue{{v: fieldPartnerIDs[0]}, {}, {v: fieldPartnerIDs[2]}}[i]
	},
	"funding[].rows[].agency": func(i int, _ map[string]any) fieldValue {
		return fieldValue{fill: i == 1}
	},
	"funding[].rows[].label": func(i int, _ map[string]any) fieldValue {
		return fieldValue{fill: i == 0}
	},
	"funding[].declared_total": func(_ int, entry map[string]any) fieldValue {
		var sum int64
		for _, r := range entry["rows"].([]map[string]any) {
			sum += r["amount"].(int64)
		}
		return fieldValue{v: sum}
	},
	"endorsements[].partner": func(i int, _ map[string]any) fieldValue { return fieldValue{v: fieldPartnerIDs[i]} },
	"endorsements[].document": func(i int, _ map[string]any) fieldValue {
		return fieldValue{v: []string{MOU, Arrangements, YearlyReport}[i]}
	},
	// The third endorsement is not yet signed.
	"endorsements[].date": func(i int, _ map[string]any) fieldValue {
		if i == 2 {
			return fieldValue{}
		}
		return fieldDate(2026, 4, 7+i)
	},
	"history[].document": func(i int, _ map[string]any) fieldValue {
		if i == 0 {
			return fieldValue{}
		}
		return fieldValue{v: Arrangements}
	},
	"report.start":     func(int, map[string]any) fieldValue { return fieldDate(2025, 7, 3) },
	"report.end":       func(int, map[string]any) fieldValue { return fieldDate(2026, 3, 30) },
	"report.published": func(int, map[string]any) fieldValue { return fieldDate(2026, 5, 20) },
	"report.recipients[].within_days": func(i int, _ map[string]any) fieldValue {
		n := 47 + 6*i
		return fieldValue{v: int64(n), show: []string{fmt.Sprintf("%d days", n)}}
	},
	"members[].membership": func(i int, _ map[string]any) fieldValue {
		return []fieldValue{{v: "executive", show: []string{"an executive member"}}, {v: "non-executive", show: []string{"a non-executive member"}}}[i]
	},
	"youth_custody.none": func(int, map[string]any) fieldValue { return fieldValue{v: false} },
	// Both priorities made slow progress, so each prints its why too.
	"year.priorities[].progress": func(i int, _ map[string]any) fieldValue {
		return []fieldValue{{v: "some", show: []string{"It made some progress"}}, {v: "little", show: []string{"little or no progress"}}}[i]
	},
	"year.reviews.actions[].status": func(i int, _ map[string]any) fieldValue {
		return []fieldValue{{v: "in-progress", show: []string{"In progress"}}, {v: "planned", show: []string{"Planned"}}}[i]
	},
	"year.attendance[].partner": func(i int, _ map[string]any) fieldValue { return fieldValue{v: fieldPartnerIDs[i]} },
	// Never fewer meetings held than attended.
	"year.attendance[].of": func(_ int, entry map[string]any) fieldValue {
		n := entry["attended"].(int64) + 3
		return fieldValue{v: n, show: []string{format.Number(n)}}
	},
	"year.spending.rows[].partner": func(i int, _ map[string]any) fieldValue { return fieldValue{v: fieldPartnerIDs[i]} },
	"year.spending.agreed_total":   fieldSum("agreed"),
	"year.spending.spent_total":    fieldSum("spent"),
	"youth_custody.homes[].count": func(i int, entry map[string]any) fieldValue {
		n := 3 + i
		return fieldValue{v: int64(n), show: []string{capitalise(numberWord(n)) + " " + entry["kind"].(string)}}
	},
	"education.place": func(int, map[string]any) fieldValue {
		return fieldValue{v: "partner", show: []string{"treats education as a key partner"}}
	},
	"voice[].status": func(i int, _ map[string]any) fieldValue {
		return []fieldValue{{v: "developing", show: []string{"(being developed)"}}, {v: "established"}}[i]
	},
	"data_sharing[].status": func(i int, _ map[string]any) fieldValue {
		return []fieldValue{{v: "drafting", show: []string{"being drafted"}}, {v: "planned", show: []string{"to be developed"}}}[i]
	},
	"structure.appendix": func(int, map[string]any) fieldValue {
		return fieldValue{v: true, show: []string{"Appendix: structure"}}
	},
	"delivery_bodies[].acts_for": fieldPartnerRef(0),
}

var fieldPartnerIDs = []string{"council", "health", "police"}

// fieldKinds lists the document kinds once for each of n partnerships.
func fieldKinds(n int) []string {
	var out []string
	for range n {
		out = append(out, Kinds...)
	}
	return out
}

// A local partnership's own fields need the same valid values, and print
// no more than, the executive's of the same name.
func init() {
	mirror := func(m map[string]string, f map[string]func(int, map[string]any) fieldValue) {
		for _, pre := range []string{"subgroups[].", "scrutiny.", "report.", "relevant_agencies[].", "members[].", "geography.", "youth_custody.", "endorsements[].", "history[]."} {
			if m != nil {
				for k, v := range m {
					if strings.HasPrefix(k, pre) {
						m["local_partnerships[]."+k] = v
					}
				}
			}
			for k, v := range f {
				if strings.HasPrefix(k, pre) {
					f["local_partnerships[]."+k] = v
				}
			}
		}
	}
	mirror(fieldsNotPrinted, fieldValues)
	fieldValues["local_partnerships[].website"] = func(i int, _ map[string]any) fieldValue {
		host := []string{"zqqnorth.example.org", "zqqsouth.example.org"}[i%2]
		return fieldValue{v: "https://" + host + "/", show: []string{host}}
	}
	fieldValues["local_partnerships[].id"] = func(i int, _ map[string]any) fieldValue {
		return fieldValue{v: []string{"north", "south"}[i%2]}
	}
	fieldValues["local_partnerships[].partners"] = func(int, map[string]any) fieldValue {
		return fieldValue{v: fieldPartnerIDs}
	}
	fieldValues["local_partnerships[].subgroups[].id"] = func(i int, _ map[string]any) fieldValue {
		return fieldValue{v: fmt.Sprintf("local-subgroup-%d", i)}
	}
	fieldsNotPrinted["local_partnerships[].id"] = "an id, never printed"
	fieldsNotPrinted["local_partnerships[].partners"] = "partner ids: the partners' organisations print in the local partnership's documents"
}

// fieldListLengths are the lists that need a number of entries other than two.
var fieldListLengths = map[string]int{"partners": 3, "endorsements": 3, "funding[].rows": 3}

func fieldDate(y int, m time.Month, d int) fieldValue {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return fieldValue{v: fieldTOMLDate(t.Format("2006-01-02")), show: []string{format.Date(t, format.LongDate)}}
}

func fieldGroupID(prefix string) func(int, map[string]any) fieldValue {
	return func(i int, _ map[string]any) fieldValue { return fieldValue{v: fmt.Sprintf("%s-%d", prefix, i)} }
}

func fieldPartnerRef(k int) func(int, map[string]any) fieldValue {
	return func(i int, _ map[string]any) fieldValue {
		return fieldValue{v: fieldPartnerIDs[(k+i)%len(fieldPartnerIDs)]}
	}
}

func fieldRotation(int, map[string]any) fieldValue {
	return fieldValue{v: []string{fieldPartnerIDs[0], fieldPartnerIDs[2]}}
}

// fieldTOMLDate is a local date, written without quotes.
type fieldTOMLDate string

// fieldFiller fills the model's fields with markers and distinct values.
type fieldFiller struct {
	markers int
	day     time.Time
	number  int64
	amount  int64
	paths   []string            // every leaf field, by path
	checks  map[string][]string // path → texts any of which shows it printed
	// byEntry holds the same texts by the field's path in one entry of
	// its lists: partners[1].lead.name.
	byEntry map[string][]string
	lists   []string // every entry of every list of tables, parents first: funding[1]
}

// check records texts that show the field at path (in entry) printed.
func (f *fieldFiller) check(path, entry string, texts ...string) {
	if len(texts) == 0 {
		return
	}
	f.checks[path] = append(f.checks[path], texts...)
	f.byEntry[entry] = append(f.byEntry[entry], texts...)
}

func newFieldFiller() *fieldFiller {
	return &fieldFiller{
		day:    time.Date(2025, time.August, 4, 0, 0, 0, 0, time.UTC),
		number: 123457, amount: 345679,
		checks: map[string][]string{}, byEntry: map[string][]string{},
	}
}

// fieldMarkerLetters leave out z and q, so that no marker appears inside
// another or across two.
const fieldMarkerLetters = "abcdefghijklmnoprstuvwxy"

func (f *fieldFiller) marker(path, entry string) string {
	n := f.markers
	f.markers++
	l := len(fieldMarkerLetters)
	m := "Zq" + string(fieldMarkerLetters[n/(l*l)%l]) + string(fieldMarkerLetters[n/l%l]) + string(fieldMarkerLetters[n%l])
	f.check(path, entry, m)
	return m
}

func (f *fieldFiller) leaf(path string) {
	for _, p := range f.paths {
		if p == path {
			return
		}
	}
	f.paths = append(f.paths, path)
}

var (
	fieldDateType  = reflect.TypeFor[partnership.Date]()
	fieldMoneyType = reflect.TypeFor[partnership.Money]()
)

// table fills a struct type as a TOML table; i is the index of the entry
// when the struct is a list's entry.
func (f *fieldFiller) table(tp reflect.Type, path, entry string, i int) map[string]any {
	out := map[string]any{}
	for _, fd := range tomlFields(tp) {
		p, cp := fd.name, fd.name
		if path != "" {
			p, cp = path+"."+fd.name, entry+"."+fd.name
		}
		typ := fd.typ
		if typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		isLeaf := typ == fieldDateType || typ == fieldMoneyType || typ.Kind() != reflect.Struct &&
			!(typ.Kind() == reflect.Slice && typ.Elem().Kind() == reflect.Struct && typ.Elem() != fieldDateType)
		if isLeaf && typ.Kind() != reflect.Map {
			f.leaf(p)
		}
		if fv, ok := fieldValues[p]; ok {
			val := fv(i, out)
			f.check(p, cp, val.show...)
			if !val.fill {
				if val.v != nil {
					out[fd.name] = val.v
				}
				continue
			}
		}
		switch {
		case typ == fieldDateType:
			d := f.day
			f.day = f.day.AddDate(0, 0, 13)
			out[fd.name] = fieldTOMLDate(d.Format("2006-01-02"))
			f.check(p, cp, format.Date(d, format.LongDate))
		case typ == fieldMoneyType:
			a := f.amount
			f.amount += 111111
			out[fd.name] = a
			f.check(p, cp, format.Pence(a*100))
		case typ.Kind() == reflect.String:
			out[fd.name] = f.marker(p, cp)
		case typ.Kind() == reflect.Int, typ.Kind() == reflect.Int64, typ.Kind() == reflect.Float64:
			n := f.number
			f.number += 111111
			out[fd.name] = n
			f.check(p, cp, format.Number(n))
		case typ.Kind() == reflect.Bool:
			out[fd.name] = true // no check: it needs a fieldValues entry
		case typ.Kind() == reflect.Slice && typ.Elem().Kind() == reflect.String:
			out[fd.name] = []string{f.marker(p, cp+"[0]"), f.marker(p, cp+"[1]")}
		case typ.Kind() == reflect.Slice && typ.Elem().Kind() == reflect.Struct:
			n := 2
			if l, ok := fieldListLengths[p]; ok {
				n = l
			}
			var list []map[string]any
			for j := 0; j < n; j++ {
				e := fmt.Sprintf("%s[%d]", cp, j)
				f.lists = append(f.lists, e)
				list = append(list, f.table(typ.Elem(), p+"[]", e, j))
			}
			out[fd.name] = list
		case typ.Kind() == reflect.Struct:
			out[fd.name] = f.table(typ, p, cp, 0)
		case typ.Kind() == reflect.Map && typ.Elem().Kind() == reflect.String:
			// [text]: the test moves it to a second partnership.
			out[fd.name] = f.sectionMap(p, func(m string) any { return m })
		case typ.Kind() == reflect.Map && typ.Elem().Kind() == reflect.Slice:
			out[fd.name] = f.sectionMap(p, func(m string) any { return []string{m} })
		default:
			panic(fmt.Sprintf("%s: no way to fill a %s", p, fd.typ))
		}
	}
	return out
}

// sectionMap gives every section id its own marker, as [text] or [points]
// do; each section is a field of its own, path.id.
func (f *fieldFiller) sectionMap(path string, value func(string) any) map[string]any {
	out := map[string]any{}
	for _, id := range partnership.SectionIDs() {
		p := path + "." + id
		f.leaf(p)
		if cs := f.checks[p]; len(cs) > 0 {
			out[id] = value(cs[0])
			continue
		}
		out[id] = value(f.marker(p, p))
	}
	return out
}

// fieldTOML writes a tree of tables as TOML: a table's keys, then its
// tables, then its lists of tables.
func fieldTOML(tree map[string]any) string {
	var b strings.Builder
	fieldTOMLTable(&b, "", tree)
	return b.String()
}

func fieldTOMLTable(b *strings.Builder, prefix string, m map[string]any) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var tables, lists []string
	for _, k := range keys {
		switch v := m[k].(type) {
		case map[string]any:
			tables = append(tables, k)
		case []map[string]any:
			lists = append(lists, k)
		default:
			fmt.Fprintf(b, "%s = %s\n", k, fieldTOMLValue(v))
		}
	}
	join := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	for _, k := range tables {
		fmt.Fprintf(b, "\n[%s]\n", join(k))
		fieldTOMLTable(b, join(k), m[k].(map[string]any))
	}
	for _, k := range lists {
		for _, e := range m[k].([]map[string]any) {
			fmt.Fprintf(b, "\n[[%s]]\n", join(k))
			fieldTOMLTable(b, join(k), e)
		}
	}
}

func fieldTOMLValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case fieldTOMLDate:
		return string(x)
	case []string:
		q := make([]string, len(x))
		for i, s := range x {
			q[i] = strconv.Quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	}
	panic(fmt.Sprintf("no TOML for %T", v))
}

var fieldRunText = regexp.MustCompile(`<w:t(?:\s[^>]*)?>([^<]*)</w:t>`)

// fieldDocxText is the text of a document's body, headers, footers and notes,
// every run joined without a space so that a value split across runs is
// still found.
func fieldDocxText(t *testing.T, docx []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, zf := range zr.File {
		if !fieldDocxPart.MatchString(zf.Name) {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range fieldRunText.FindAllSubmatch(data, -1) {
			b.WriteString(html.UnescapeString(string(m[1])))
		}
		b.WriteString("\n")
	}
	return b.String()
}

var fieldDocxPart = regexp.MustCompile(`^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$`)

func fieldQuoteList(ss []string, n int) string {
	q := make([]string, 0, n)
	for i, s := range ss {
		if i == n {
			q = append(q, "…")
			break
		}
		q = append(q, strconv.Quote(s))
	}
	return strings.Join(q, ", ")
}

func fieldNumbered(text string) string {
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = fmt.Sprintf("%4d  %s", i+1, lines[i])
	}
	return strings.Join(lines, "\n")
}

// reportedAt says whether validation reported path, or a path holding it,
// as printed nowhere.
func reportedAt(reported map[string]bool, path string) bool {
	for p := range reported {
		if path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[") {
			return true
		}
	}
	return false
}
