package diff

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"mou/assemble/format"
	"mou/assemble/internal/tags"
	"mou/assemble/partnership"
	"mou/assemble/tomlindex"
)

// differ collects the changes, section by section.
type differ struct {
	old, new *partnership.Partnership
	sec      string              // the section being compared
	by       map[string][]Change // section id → changes
	extra    []string            // sections without a title in sectionTitles, in order met
}

func newDiffer(old, new *partnership.Partnership) *differ {
	return &differ{old: old, new: new, by: map[string][]Change{}}
}

func (d *differ) add(c Change) {
	if _, ok := d.by[d.sec]; !ok && titleOf(d.sec) == "" {
		d.extra = append(d.extra, d.sec)
	}
	d.by[d.sec] = append(d.by[d.sec], c)
}

// all compares every top-level part of the data: those with sentences of
// their own in their own files, every other one generically.
func (d *differ) all() {
	ov, nv := reflect.ValueOf(d.old).Elem(), reflect.ValueOf(d.new).Elem()
	t := ov.Type()
	for i := 0; i < t.NumField(); i++ {
		name, ok := tags.Key(t.Field(i))
		if !ok {
			continue
		}
		d.sec = name
		switch name {
		case "partnership":
			d.profile(ov.Field(i), nv.Field(i))
		case "partners":
			d.partners()
		case "funding":
			d.funding()
		default:
			d.value(name, sectionSubject(name, ov.Field(i).Type()), name, ov.Field(i), nv.Field(i))
		}
	}
}

// sectionSubject is how the sentences of a top-level table begin ("Scrutiny:
// methods …"); lists and maps name their items themselves.
func sectionSubject(name string, t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		if s := titleOf(name); s != "" {
			return s
		}
		return capitalise(label(name))
	}
	return ""
}

func (d *differ) report() Report {
	r := Report{old: d.old, new: d.new}
	for _, s := range sectionTitles {
		if cs := d.by[s.id]; len(cs) > 0 {
			r.Sections = append(r.Sections, Section{ID: s.id, Title: s.title, Changes: cs})
		}
	}
	for _, id := range d.extra {
		r.Sections = append(r.Sections, Section{ID: id, Title: capitalise(label(id)), Changes: d.by[id]})
	}
	return r
}

func titleOf(id string) string {
	for _, s := range sectionTitles {
		if s.id == id {
			return s.title
		}
	}
	return ""
}

var (
	dateType   = reflect.TypeOf(partnership.Date{})
	moneyType  = reflect.TypeOf(partnership.Money{})
	personType = reflect.TypeOf(partnership.Person{})
)

// isLeaf reports whether values of t are compared whole and printed as one
// value: text, numbers, dates, money and people.
func isLeaf(t reflect.Type) bool {
	switch t {
	case dateType, moneyType, personType:
		return true
	}
	if t.Kind() == reflect.Struct && len(fieldIndex(t)) == 0 {
		return true // a value type such as time.Time: compared whole
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// value compares a and b (of the same type) at path. subject begins the
// sentences ("" for the partnership itself); field is the toml key.
func (d *differ) value(path, subject, field string, a, b reflect.Value) {
	t := a.Type()
	switch {
	case isLeaf(t):
		d.leaf(path, subject, field, leafText(a), leafText(b), a, b)
	case t.Kind() == reflect.Pointer:
		switch {
		case a.IsNil() && b.IsNil():
		case isLeaf(t.Elem()):
			d.leaf(path, subject, field, ptrText(a), ptrText(b), a, b)
		case a.IsNil():
			// A table added whole: each of its values is an addition.
			d.value(path, subject, field, reflect.Zero(t.Elem()), b.Elem())
		case b.IsNil():
			d.value(path, subject, field, a.Elem(), reflect.Zero(t.Elem()))
		default:
			d.value(path, subject, field, a.Elem(), b.Elem())
		}
	case t.Kind() == reflect.Struct:
		d.fields(path, subject, a, b, nil)
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		d.strings(path, subject, field, a, b)
	case t.Kind() == reflect.Slice && (t.Elem().Kind() == reflect.Struct || t.Elem().Kind() == reflect.Pointer):
		d.list(path, subject, field, a, b)
	case t.Kind() == reflect.Map:
		d.mapOf(path, subject, field, a, b)
	default:
		// Any other shape a future field may take is still compared whole.
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			d.leaf(path, subject, field, fmt.Sprint(a.Interface()), fmt.Sprint(b.Interface()), a, b)
		}
	}
}

// fields compares two structs field by field, except the fields in skip.
func (d *differ) fields(path, subject string, a, b reflect.Value, skip map[string]bool) {
	t := a.Type()
	for i := 0; i < t.NumField(); i++ {
		name, ok := tags.Key(t.Field(i))
		if !ok || skip[name] {
			continue
		}
		sub := subject
		if name == "rotation" {
			// "the date it takes effect" is the rotation's, not the group's.
			sub = strings.TrimPrefix(subject+", rotation of the chair", ", ")
		}
		d.value(tomlindex.Join(path, name), sub, name, a.Field(i), b.Field(i))
	}
}

// leaf reports a changed single value, with the difference for money.
func (d *differ) leaf(path, subject, field, before, after string, a, b reflect.Value) {
	if before == after {
		return
	}
	c := Change{Path: path, Before: before, After: after}
	l := d.label(field)
	switch {
	case before == "":
		c.Kind, c.Text = "added", sentence(subject, l+" added: "+quoted(after, a))
	case after == "":
		c.Kind, c.Text = "removed", sentence(subject, l+" removed (was "+quoted(before, a)+")")
	case isPerson(a.Type()):
		// "Name, Title" on both sides: an arrow keeps the two people apart.
		c.Kind, c.Text = "changed", sentence(subject, l+" changed: "+before+" → "+after)
	default:
		c.Kind, c.Text = "changed", sentence(subject, l+" changed from "+quoted(before, a)+" to "+quoted(after, b))
	}
	if pa, pb, ok := pence(a, b); ok {
		delta := pb - pa
		c.Difference = &delta
		c.Text = strings.TrimSuffix(c.Text, ".") + " (" + signed(delta) + ")."
	}
	d.add(c)
}

func isPerson(t reflect.Type) bool {
	return t == personType || t.Kind() == reflect.Pointer && t.Elem() == personType
}

// label names a field in a sentence; a partner's representatives take the
// names the new data's edition gives them.
func (d *differ) label(field string) string {
	switch field {
	case "lead":
		return d.new.EditionInfo().LeadTerm
	case "delegate":
		return d.new.EditionInfo().DelegateTerm
	}
	return label(field)
}

// strings compares lists of text as sets: each item added or removed.
func (d *differ) strings(path, subject, field string, a, b reflect.Value) {
	as, bs := stringList(a), stringList(b)
	if field == "partners" {
		d.rotation(path, subject, as, bs)
		return
	}
	noun := singular(field)
	for i, s := range as {
		if !containsString(bs, s) {
			d.add(Change{Kind: "removed", Path: tomlindex.Elem(path, i), Before: s, Text: sentence(subject, noun+" removed: “"+s+"”")})
		}
	}
	for i, s := range bs {
		if !containsString(as, s) {
			d.add(Change{Kind: "added", Path: tomlindex.Elem(path, i), After: s, Text: sentence(subject, noun+" added: “"+s+"”")})
		}
	}
	if len(as) == len(bs) && !reflect.DeepEqual(as, bs) && sameSet(as, bs) {
		d.add(Change{Kind: "changed", Path: path, Before: strings.Join(as, "; "), After: strings.Join(bs, "; "), Text: sentence(subject, label(field)+" reordered")})
	}
}

// rotation compares the partners (their ids) whose representatives chair a
// group in turn, naming each partner by its organisation.
func (d *differ) rotation(path, subject string, as, bs []string) {
	for i, id := range as {
		if !containsString(bs, id) {
			d.add(Change{Kind: "removed", Path: tomlindex.Elem(path, i), Before: id, Text: sentence(subject, d.partnerName(id)+" no longer takes its turn in the chair")})
		}
	}
	for i, id := range bs {
		if !containsString(as, id) {
			d.add(Change{Kind: "added", Path: tomlindex.Elem(path, i), After: id, Text: sentence(subject, d.partnerName(id)+" now takes its turn in the chair")})
		}
	}
	if len(as) == len(bs) && !reflect.DeepEqual(as, bs) && sameSet(as, bs) {
		names := make([]string, len(bs))
		for i, id := range bs {
			names[i] = d.partnerName(id)
		}
		d.add(Change{Kind: "changed", Path: path, Before: strings.Join(as, "; "), After: strings.Join(bs, "; "), Text: sentence(subject, "the chair now passes in turn to "+format.And(names))})
	}
}

// partnerName is the organisation of the partner with this id, in the new
// data or else the old; an id neither knows is quoted as it is.
func (d *differ) partnerName(id string) string {
	for _, p := range []*partnership.Partnership{d.new, d.old} {
		if p == nil {
			continue
		}
		for _, pt := range p.Partners {
			if pt.ID == id && pt.Organisation != "" {
				return pt.Organisation
			}
		}
	}
	return "“" + id + "”"
}

// list compares lists of records, matching them by key.
func (d *differ) list(path, subject, field string, a, b reflect.Value) {
	noun := singular(field)
	matched := matchByKey(a, b)
	used := map[int]bool{}
	for _, i := range matched {
		if i >= 0 {
			used[i] = true
		}
	}
	for i := 0; i < a.Len(); i++ {
		if !used[i] {
			desc := d.describe(a.Index(i))
			d.add(Change{Kind: "removed", Path: tomlindex.Elem(path, i), Before: desc, Text: sentence(subject, noun+" removed: "+desc)})
		}
	}
	for j := 0; j < b.Len(); j++ {
		p := tomlindex.Elem(path, j)
		if matched[j] < 0 {
			desc := d.describe(b.Index(j))
			d.add(Change{Kind: "added", Path: p, After: desc, Text: sentence(subject, noun+" added: "+desc)})
			continue
		}
		item := capitalise(noun) + " " + name(b.Index(j))
		if subject != "" {
			item = subject + ", " + strings.ToLower(noun[:1]) + noun[1:] + " " + name(b.Index(j))
		}
		d.value(p, item, field, a.Index(matched[j]), b.Index(j))
	}
}

// matchByKey returns, for each item of b, the index of the item of a with
// the same key, or -1. Items with equal keys pair in order.
func matchByKey(a, b reflect.Value) []int {
	// Keys computed once each: lists of a thousand records stay linear.
	waiting := map[string][]int{}
	for i := 0; i < a.Len(); i++ {
		k := key(a.Index(i))
		waiting[k] = append(waiting[k], i)
	}
	out := make([]int, b.Len())
	for j := range out {
		out[j] = -1
		k := key(b.Index(j))
		if q := waiting[k]; len(q) > 0 {
			out[j], waiting[k] = q[0], q[1:]
		}
	}
	return out
}

// keyFields are the fields that identify a record, in order of preference:
// the id when there is one, else the natural key of its kind.
var keyFields = []string{"id", "year", "term", "version", "partner", "agency", "name", "label", "title", "signatory"}

// key identifies a record: its id or natural key, with the document it
// belongs to when it has one (an endorsement, a history entry).
func key(v reflect.Value) string {
	v, ok := deref(v)
	if !ok {
		return ""
	}
	if v.Kind() != reflect.Struct {
		return leafText(v)
	}
	k := ""
	for _, f := range keyFields {
		if s := fieldString(v, f); s != "" {
			k = f + "=" + s
			break
		}
	}
	if k == "" {
		k = fmt.Sprint(v.Interface()) // no key: the whole record
	}
	if doc := fieldString(v, "document"); doc != "" {
		k += "|" + doc
	}
	return k
}

// fieldString returns the text of the field with toml key name.
func fieldString(v reflect.Value, name string) string {
	if i, ok := fieldIndex(v.Type())[name]; ok {
		return leafText(v.Field(i))
	}
	return ""
}

var fieldIndexes sync.Map // reflect.Type → map[string]int

// fieldIndex maps a struct type's toml keys to field numbers, read once per
// type: keys are looked up for every record of every list.
func fieldIndex(t reflect.Type) map[string]int {
	if m, ok := fieldIndexes.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		if n, ok := tags.Key(t.Field(i)); ok {
			m[n] = i
		}
	}
	fieldIndexes.Store(t, m)
	return m
}

// mapOf compares maps key by key; the local wording follows the sections'
// order.
func (d *differ) mapOf(path, subject, field string, a, b reflect.Value) {
	keys := map[string]reflect.Value{}
	for _, k := range append(a.MapKeys(), b.MapKeys()...) {
		keys[fmt.Sprint(k.Interface())] = k
	}
	names := make([]string, 0, len(keys))
	for k := range keys {
		names = append(names, k)
	}
	order := map[string]int{}
	for i, id := range partnership.SectionIDs() {
		order[id] = i + 1
	}
	sort.Slice(names, func(i, j int) bool {
		oi, oj := order[names[i]], order[names[j]]
		if oi != oj {
			return oi != 0 && (oj == 0 || oi < oj)
		}
		return names[i] < names[j]
	})
	for _, n := range names {
		k := keys[n]
		av, bv := a.MapIndex(k), b.MapIndex(k)
		p := tomlindex.Join(path, n)
		what := "the entry “" + n + "”"
		if about := sectionAbout(n); about != "" {
			// [text] and [points] are keyed by the documents' section ids:
			// the section is named by its heading, not its id.
			what = "the section “" + about + "”"
		}
		prefix := capitalise(label(field)) + " for " + what
		if t := a.Type().Elem(); t.Kind() == reflect.Slice || t.Kind() == reflect.Struct || t.Kind() == reflect.Map {
			// Lists and tables under a key: say what changed within them.
			if !av.IsValid() {
				av = reflect.Zero(t)
			}
			if !bv.IsValid() {
				bv = reflect.Zero(t)
			}
			d.value(p, sentence(subject, prefix)[:len(sentence(subject, prefix))-1], field, av, bv)
			continue
		}
		switch {
		case !av.IsValid():
			d.add(Change{Kind: "added", Path: p, After: leafText(bv), Text: sentence(subject, prefix+" added")})
		case !bv.IsValid():
			d.add(Change{Kind: "removed", Path: p, Before: leafText(av), Text: sentence(subject, prefix+" removed: the default wording returns")})
		case leafText(av) != leafText(bv):
			d.add(Change{Kind: "changed", Path: p, Before: leafText(av), After: leafText(bv), Text: sentence(subject, prefix+" changed")})
		}
	}
}

func sectionAbout(id string) string {
	for _, s := range partnership.Sections {
		if s.ID == id {
			return s.About
		}
	}
	return ""
}

// number prints a figure as the documents do: 43,300, or 2.5.
func number(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return format.Number(int64(f))
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// deref follows pointers to the value; false for a nil pointer.
func deref(v reflect.Value) (reflect.Value, bool) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return v, false
		}
		v = v.Elem()
	}
	return v, true
}

// leafText prints a single value as the documents would.
func leafText(v reflect.Value) string {
	switch v.Type() {
	case dateType:
		return v.Interface().(partnership.Date).String()
	case moneyType:
		m := v.Interface().(partnership.Money)
		return m.String()
	case personType:
		return person(v.Interface().(partnership.Person))
	}
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool:
		if v.Bool() {
			return "yes"
		}
		return "no"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if v.Uint() == 0 {
			return ""
		}
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		if v.Float() == 0 {
			return ""
		}
		return number(v.Float())
	case reflect.Pointer:
		return ptrText(v)
	}
	return fmt.Sprint(v.Interface())
}

func ptrText(v reflect.Value) string {
	if v.IsNil() {
		return ""
	}
	return leafText(v.Elem())
}

// pence returns two amounts of money in pence.
func pence(a, b reflect.Value) (int64, int64, bool) {
	get := func(v reflect.Value) (int64, bool) {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return 0, v.Type().Elem() == moneyType
			}
			v = v.Elem()
		}
		if v.Type() != moneyType {
			return 0, false
		}
		return v.Interface().(partnership.Money).Pence(), true
	}
	pa, ok1 := get(a)
	pb, ok2 := get(b)
	return pa, pb, ok1 && ok2
}

// signed prints a difference in pounds: "+£6,490" or "−£1,200".
func signed(p int64) string {
	if p < 0 {
		return "−" + format.Pence(-p)
	}
	return "+" + format.Pence(p)
}

func person(p partnership.Person) string {
	switch {
	case p.Name != "" && p.Title != "":
		return p.Name + ", " + p.Title
	case p.Name != "":
		return p.Name
	}
	return p.Title
}

// quoted puts free text in quotation marks; dates, amounts, numbers and
// people read better bare.
func quoted(s string, v reflect.Value) string {
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.String {
		return "“" + s + "”"
	}
	return s
}

// describe prints a whole record, for an addition or a removal.
func (d *differ) describe(v reflect.Value) string {
	v, ok := deref(v)
	if !ok {
		return ""
	}
	switch x := v.Interface().(type) {
	case partnership.Agency:
		s := "“" + x.Name + "” (" + x.Sector
		if x.National {
			s += ", national"
		}
		return s + ")"
	case partnership.Milestone:
		s := "“" + x.Label + "”"
		if x.Date != nil && !x.Date.IsZero() {
			s += ", " + x.Date.String()
		}
		if x.Note != "" {
			s += " " + x.Note
		}
		return s
	case partnership.Endorsement:
		return fmt.Sprintf("%s, %s, for %s, of the %s", x.Signatory, x.Title, d.partnerName(x.Partner), docName(x.Document))
	case partnership.Term:
		return "“" + x.Term + "” (" + x.Meaning + ")"
	case partnership.Version:
		s := "version " + x.Version
		if x.Document != "" {
			s += " of the " + docName(x.Document)
		}
		return s + ", " + x.Date.String() + ": “" + x.Summary + "”"
	case partnership.Figure:
		s := "“" + x.Label + "”: " + number(x.Value)
		if x.Unit != "" {
			s += " " + x.Unit
		}
		return s
	case partnership.Recipient:
		return fmt.Sprintf("%s, within %d days", x.Name, x.WithinDays)
	case partnership.FundingRow:
		return x.Name + ", " + x.Amount.String()
	}
	if v.Kind() != reflect.Struct {
		return leafText(v)
	}
	if n := name(v); n != "" {
		return n
	}
	// A record without a name: its values.
	var parts []string
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if n, ok := tags.Key(t.Field(i)); ok {
			if s := shortText(v.Field(i)); s != "" {
				parts = append(parts, label(n)+" "+s)
			}
		}
	}
	return strings.Join(parts, ", ")
}

// shortText prints a value inside a record's description.
func shortText(v reflect.Value) string {
	if isLeaf(v.Type()) || (v.Kind() == reflect.Pointer && isLeaf(v.Type().Elem())) {
		return leafText(v)
	}
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String {
		return strings.Join(stringList(v), "; ")
	}
	if v.Kind() == reflect.Slice && v.Len() > 0 {
		return fmt.Sprintf("%d entries", v.Len())
	}
	return ""
}

// name is how a record is referred to: its name, label or title in
// quotation marks, else its key.
func name(v reflect.Value) string {
	v, ok := deref(v)
	if !ok {
		return ""
	}
	if v.Kind() != reflect.Struct {
		return leafText(v)
	}
	switch x := v.Interface().(type) {
	case partnership.Endorsement:
		return "by " + x.Signatory + " of the " + docName(x.Document)
	case partnership.Version:
		if x.Document == "" {
			return x.Version
		}
		return x.Version + " of the " + docName(x.Document)
	case partnership.FundingRow:
		return x.Name
	}
	for _, f := range []string{"name", "label", "title", "term", "year", "version", "organisation", "id"} {
		if s := fieldString(v, f); s != "" {
			return "“" + s + "”"
		}
	}
	return ""
}

// docName names a document kind in a sentence.
func docName(kind string) string {
	switch kind {
	case "mou", "":
		return "MOU"
	case "report":
		return "yearly report"
	}
	return kind
}

// labels are the words for fields whose key does not read well alone.
var labels = map[string]string{
	"short_name":           "short name",
	"arrangements_title":   "title of the arrangements",
	"secure_establishment": "secure establishment in the area",
	"decision_body":        "decision body",
	"chaired_by":           "chaired by",
	"reports_to":           "reports to",
	"declared_total":       "declared total",
	"in_kind":              "contributions in kind",
	"local_authorities":    "local authorities",
	"relevant_agencies":    "relevant agencies",
	"within_days":          "days allowed",
	"last":                 "last review",
	"next":                 "next review",
	"start":                "period start",
	"end":                  "period end",
	"published":            "publication date",
	"from":                 "the date it takes effect",
	"date":                 "date",
	"text":                 "local wording",
	"points":               "local points",
}

// singulars name one item of a list.
var singulars = map[string]string{
	"partners":          "partner",
	"relevant_agencies": "relevant agency",
	"boards":            "linked board",
	"meetings":          "meeting",
	"subgroups":         "sub-group",
	"milestones":        "milestone",
	"endorsements":      "endorsement",
	"glossary":          "glossary term",
	"history":           "history entry",
	"priorities":        "priority",
	"figures":           "figure",
	"recipients":        "recipient",
	"rows":              "contribution",
	"funding":           "funding year",
	"values":            "value",
	"actions":           "action",
	"members":           "member",
	"methods":           "method",
	"in_kind":           "contribution in kind",
	"local_authorities": "local authority",
	"points":            "point",
}

func label(field string) string {
	if l, ok := labels[field]; ok {
		return l
	}
	return strings.ReplaceAll(field, "_", " ")
}

func singular(field string) string {
	if s, ok := singulars[field]; ok {
		return s
	}
	l := label(field)
	if strings.HasSuffix(l, "ies") {
		return strings.TrimSuffix(l, "ies") + "y"
	}
	return strings.TrimSuffix(l, "s")
}

// sentence joins a subject and the rest: "Scrutiny: methods …." or, with no
// subject, "Vision changed …."
func sentence(subject, rest string) string {
	s := capitalise(rest)
	if subject != "" {
		s = subject + ": " + rest
	}
	// A quotation that ends a sentence keeps its own full stop.
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ".”") && !strings.HasSuffix(s, "?”") && !strings.HasSuffix(s, "!”") {
		s += "."
	}
	return s
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func stringList(v reflect.Value) []string {
	out := make([]string, v.Len())
	for i := range out {
		out[i] = v.Index(i).String()
	}
	return out
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func sameSet(a, b []string) bool {
	for _, s := range a {
		if !containsString(b, s) {
			return false
		}
	}
	for _, s := range b {
		if !containsString(a, s) {
			return false
		}
	}
	return true
}
