package form

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"mou/assemble/internal/tags"
	"mou/assemble/partnership"
	"mou/assemble/tomlindex"
)

// The model's types the forms treat as values of their own, not as tables.
var (
	modelType = reflect.TypeOf(partnership.Partnership{})
	dateType  = reflect.TypeOf(partnership.Date{})
	moneyType = reflect.TypeOf(partnership.Money{})
)

// unknownHelp is the help of a key the model does not have: mou validate
// reports it too, so the form only says what to do.
const unknownHelp = "mou does not use this key: check its spelling against the other fields, or remove it."

// fieldsOf returns the fields of struct type t at path base, filled from
// data (nil when the table is not written). Keys written in data that t
// has no field for follow, marked Unknown, so nothing in the file is hidden.
func fieldsOf(t reflect.Type, base string, data map[string]any) []Field {
	out := make([]Field, 0, t.NumField())
	var known map[string]bool
	if len(data) > 0 {
		known = make(map[string]bool, t.NumField())
	}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		key, ok := tags.Key(sf)
		if !ok {
			continue
		}
		if known != nil {
			known[key] = true
		}
		v, present := data[key]
		out = append(out, fieldOf(sf.Type, sf.Tag.Get("validate"), sf.Tag.Get("doc"), tomlindex.Join(base, key), key, v, present))
	}
	return append(out, unknownFields(base, data, known)...)
}

// fieldOf returns the field of Go type t (with its validate and doc tags)
// at path, filled from v when present.
func fieldOf(t reflect.Type, validate, doc, path, key string, v any, present bool) Field {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	f := Field{
		Path:     path,
		Key:      key,
		Label:    label(key),
		Help:     doc,
		Required: tags.Has(validate, "required"),
		Present:  present,
		validate: validate,
	}
	switch {
	case t == dateType:
		f.Kind, f.Partial, f.Value = KindDate, partialAllowed(doc), dateValue(v)
	case t == moneyType:
		f.Kind, f.Value = KindMoney, moneyValue(v)
	case t.Kind() == reflect.Struct:
		f.Kind = KindGroup
		sub, isTable := v.(map[string]any)
		f.Fields = fieldsOf(t, path, sub)
		if present && !isTable {
			f.Value = scalarValue(v) // written as something else: show it to correct
		}
	case t.Kind() == reflect.Slice && isTableType(t.Elem()):
		elem := t.Elem()
		for elem.Kind() == reflect.Pointer {
			elem = elem.Elem()
		}
		f.Kind, f.ItemLabel, f.elem = KindList, itemLabel(key, elem), elem
		for i, m := range tables(v) {
			f.Items = append(f.Items, item(elem, tomlindex.Elem(path, i), i, f.ItemLabel, m))
		}
	case t.Kind() == reflect.Slice:
		f.Kind, f.Value = KindLines, linesValue(v)
	case t.Kind() == reflect.Map:
		f.Kind = KindMap
		f.Fields = mapFields(t.Elem(), path, doc, v)
	case t.Kind() == reflect.String:
		f.Kind, f.Value = KindText, scalarValue(v)
		if enum := tags.Param(validate, "oneof"); enum != "" {
			f.Kind, f.Choices = KindChoice, choices(enum)
		} else if longTextKeys[key] {
			f.Kind = KindLongText
		}
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		f.Kind, f.Value = KindInteger, scalarValue(v)
		if enum := tags.Param(validate, "oneof"); enum != "" {
			f.Kind, f.Choices, f.numeric = KindChoice, choices(enum), true
		}
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		f.Kind, f.Value = KindNumber, scalarValue(v)
	case t.Kind() == reflect.Bool:
		f.Kind, f.Value = KindBoolean, scalarValue(v)
	default:
		f.Kind, f.Value = KindText, scalarValue(v)
	}
	f.Help = formHelp(f.Kind, f.Help)
	if f.Kind == KindChoice {
		f.Help = choiceHelp(f.Help, f.Choices)
	}
	return f
}

// formHelp rewords a description written for the data file where a form
// says it otherwise: a yes/no field is answered Yes, not true, and a list
// is entered one per line, not one per entry.
func formHelp(k Kind, doc string) string {
	switch k {
	case KindBoolean:
		for _, w := range []string{"true when", "true for", "true if"} {
			if rest, ok := strings.CutPrefix(doc, w); ok {
				return "Yes " + strings.TrimPrefix(w, "true ") + rest
			}
		}
	case KindLines:
		doc = strings.Replace(doc, ", one per entry.", ", one per line.", 1)
		doc = strings.Replace(doc, "one per entry", "one per line", 1)
	}
	return doc
}

// isTableType reports whether a list of t is an array of tables: a struct
// that is not one of the model's values (a list of dates is a list of
// values).
func isTableType(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && t != dateType && t != moneyType
}

// item returns the i-th element of a list of elem at path.
func item(elem reflect.Type, path string, i int, itemLabel string, data map[string]any) Item {
	return Item{Path: path, Title: itemTitle(data, itemLabel, i), Fields: fieldsOf(elem, path, data)}
}

// titleKeys are the keys whose value names a list element, in order of
// preference: a name, an organisation or a signatory before a job title,
// then keys that name elements of
// lists that have none of those (a glossary term, a course, a row's label).
var titleKeys = []string{"name", "organisation", "signatory", "title", "version", "year", "term", "label", "course", "decision", "action", "from", "partner", "id"}

// itemTitle names a list element by its first written title key, else by
// its place ("Partner 2").
func itemTitle(data map[string]any, itemLabel string, i int) string {
	for _, k := range titleKeys {
		if s, ok := data[k].(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return itemLabel + " " + strconv.Itoa(i+1)
}

// tables returns the elements of an array of tables as the decoder gives
// them: []map[string]any for [[x]] headers, []any of maps for an array of
// inline tables. An element that is not a table counts as an empty one, so
// indices still match the file.
func tables(v any) []map[string]any {
	switch x := v.(type) {
	case []map[string]any:
		return x
	case []any:
		out := make([]map[string]any, len(x))
		for i, e := range x {
			out[i], _ = e.(map[string]any)
		}
		return out
	}
	return nil
}

// mapFields returns the fields of a map of elem at path. A map whose doc
// speaks of sections ([text], [points]) is keyed by section id: it shows one
// field per section of partnership.Sections, so a user can fill any, then
// any other key the file has.
func mapFields(elem reflect.Type, path, doc string, v any) []Field {
	data, _ := v.(map[string]any)
	var out []Field
	seen := map[string]bool{}
	add := func(key, lbl, help string) {
		val, present := data[key]
		f := fieldOf(elem, "", help, tomlindex.Join(path, key), key, val, present)
		if lbl != "" {
			f.Label = lbl
		}
		if f.Kind == KindText { // a map's text is a section's wording
			f.Kind = KindLongText
		}
		out = append(out, f)
		seen[key] = true
	}
	if strings.Contains(strings.ToLower(doc), "section") {
		for _, s := range partnership.Sections {
			add(s.ID, s.About, "The section “"+s.About+"”, in: "+s.Documents+".")
		}
	}
	for _, k := range sortedKeys(data) {
		if !seen[k] {
			add(k, "", "")
		}
	}
	return out
}

// unknownFields returns a field for every key of data not in known, in
// alphabetical order, its kind taken from the value written.
func unknownFields(base string, data map[string]any, known map[string]bool) []Field {
	var out []Field
	for _, k := range sortedKeys(data) {
		if known[k] {
			continue
		}
		out = append(out, unknownField(tomlindex.Join(base, k), k, data[k]))
	}
	return out
}

func unknownField(path, key string, v any) Field {
	f := Field{Path: path, Key: key, Label: label(key), Help: unknownHelp, Present: true, Unknown: true}
	switch x := v.(type) {
	case map[string]any:
		f.Kind, f.Fields = KindGroup, unknownFields(path, x, nil)
	case []map[string]any:
		f.Kind, f.ItemLabel = KindList, itemLabel(key, nil)
		for i, m := range x {
			p := tomlindex.Elem(path, i)
			f.Items = append(f.Items, Item{Path: p, Title: itemTitle(m, f.ItemLabel, i), Fields: unknownFields(p, m, nil)})
		}
	case []any:
		f.Kind, f.Value = KindLines, linesValue(v)
		if len(x) > 0 {
			if _, ok := x[0].(map[string]any); ok {
				return unknownField(path, key, tables(v))
			}
		}
	default:
		f.Kind, f.Value = kindOfValue(v), scalarValue(v)
		if f.Kind == KindDate {
			f.Value = dateValue(v)
		}
	}
	return f
}

// kindOfValue is the kind of a decoded scalar.
func kindOfValue(v any) Kind {
	switch x := v.(type) {
	case bool:
		return KindBoolean
	case int64:
		return KindInteger
	case float64:
		return KindNumber
	case string:
		if strings.Contains(x, "\n") {
			return KindLongText
		}
	default:
		if isTime(v) {
			return KindDate
		}
	}
	return KindText
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// choiceHelp rewords a description that lists a choice's values as the
// file writes them ("local-authority, icb (…) or police") with the labels
// the list shows ("Local authority, ICB (…) or Police"), so the words
// beside the list are the words in it.
func choiceHelp(doc string, cs []Choice) string {
	for _, c := range cs {
		if c.Value == c.Label || !strings.Contains(doc, c.Value) {
			continue
		}
		var b strings.Builder
		rest := doc
		for {
			i := strings.Index(rest, c.Value)
			if i < 0 {
				b.WriteString(rest)
				break
			}
			j := i + len(c.Value)
			whole := (i == 0 || !isWordByte(rest[i-1])) && (j == len(rest) || !isWordByte(rest[j]))
			b.WriteString(rest[:i])
			if whole {
				b.WriteString(c.Label)
			} else {
				b.WriteString(c.Value)
			}
			rest = rest[j:]
		}
		doc = b.String()
	}
	return doc
}

func isWordByte(c byte) bool {
	return c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
