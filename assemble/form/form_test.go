package form

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"mou/assemble/internal/tags"
	"mou/assemble/partnership"
	"mou/assemble/tomlindex"
)

func decode(t testing.TB, src string) map[string]any {
	t.Helper()
	var tree map[string]any
	if _, err := toml.Decode(src, &tree); err != nil {
		t.Fatalf("test input is not valid TOML: %v", err)
	}
	return tree
}

func readExample(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// walk calls fn for every field in fields, groups, maps and list items.
func walk(fields []Field, fn func(Field)) {
	for _, f := range fields {
		fn(f)
		walk(f.Fields, fn)
		for _, it := range f.Items {
			walk(it.Fields, fn)
		}
	}
}

func isLeaf(k Kind) bool { return k != KindGroup && k != KindList && k != KindMap }

// leaves records the path of every value written in a decoded tree: each
// scalar, and each array of scalars as one value (a lines field).
func leaves(base string, v any, out map[string]any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			leaves(tomlindex.Join(base, k), e, out)
		}
	case []map[string]any:
		for i, e := range x {
			leaves(tomlindex.Elem(base, i), e, out)
		}
	case []any:
		if len(x) > 0 {
			if _, ok := x[0].(map[string]any); ok {
				for i, e := range x {
					leaves(tomlindex.Elem(base, i), e, out)
				}
				return
			}
		}
		out[base] = v
	default:
		out[base] = v
	}
}

// TestExamples checks every example data file: each value written in it is
// exactly one present field, at the path tomlindex records for it, and
// what the field shows converts back to the value written, so a page saved
// unchanged writes the same file.
func TestExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "data", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example data files: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src := readExample(t, filepath.Base(file))
			tree := decode(t, src)
			ix := tomlindex.Build(src)
			written := map[string]any{}
			leaves("", tree, written)

			count := map[string]int{}
			for _, p := range Pages(tree) {
				walk(p.Fields, func(f Field) {
					if !f.Present || !isLeaf(f.Kind) {
						return
					}
					count[f.Path]++
					v, ok := written[f.Path]
					if !ok {
						t.Errorf("%s: a present field with no value written in the file", f.Path)
						return
					}
					if f.Unknown {
						t.Errorf("%s: shown as unknown to the model", f.Path)
					}
					checkRoundTrip(t, f, v)
				})
			}
			for path := range written {
				if count[path] != 1 {
					t.Errorf("%s: written in the file, shown as a present field %d times, want once", path, count[path])
				}
				if _, ok := ix.Lookup(path); !ok {
					t.Errorf("%s: not a path tomlindex records, so the server could not find its line", path)
				}
			}
		})
	}
}

// checkRoundTrip checks that Convert of what field f shows gives back v,
// the value decoded from the file.
func checkRoundTrip(t *testing.T, f Field, v any) {
	t.Helper()
	got, err := Convert(f, f.Value)
	if err != nil {
		t.Errorf("%s: shows %q, which Convert refuses: %v", f.Path, f.Value, err)
		return
	}
	var want any
	switch f.Kind {
	case KindDate:
		if tm, ok := v.(time.Time); ok {
			want = Date{tm.Year(), tm.Month(), tm.Day()}
		} else {
			want = Date{}
			if d, ok := got.(Date); ok && d.String() == v {
				want = d
			}
		}
	case KindMoney:
		switch x := v.(type) {
		case int64:
			want = Money{x * 100}
		case float64:
			want = Money{int64(math.Round(x * 100))}
		}
	case KindText:
		want = strings.Join(strings.Fields(v.(string)), " ")
	case KindLongText:
		want = strings.TrimSpace(strings.ReplaceAll(v.(string), "\r\n", "\n"))
	case KindLines:
		var lines []string
		for _, e := range v.([]any) {
			if s := strings.TrimSpace(e.(string)); s != "" {
				lines = append(lines, s)
			}
		}
		want = lines
		if lines == nil {
			want = nil
		}
	case KindNumber:
		// A whole number converts as the file writes it: 318200, not 318200.0.
		want = v
		if x, ok := v.(float64); ok && x == math.Trunc(x) && !strings.Contains(f.Value, ".") {
			want = int64(x)
		}
	default:
		want = v
	}
	if want == nil && got == nil {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: shows %q, which converts to %#v; the file has %#v", f.Path, f.Value, got, want)
	}
}

// TestTopLevelFieldsOnePage checks that every top-level field of the model
// is on exactly one page, whether or not the file writes it.
func TestTopLevelFieldsOnePage(t *testing.T) {
	count := map[string]int{}
	for _, p := range Pages(nil) {
		for _, f := range p.Fields {
			count[f.Key]++
			if f.Present || f.Value != "" {
				t.Errorf("%s: present with value %q in an empty file", f.Path, f.Value)
			}
		}
		if p.ID == "" || p.Title == "" || p.Intro == "" {
			t.Errorf("page %+v lacks an id, title or intro", p)
		}
	}
	for i := 0; i < modelType.NumField(); i++ {
		key, ok := tags.Key(modelType.Field(i))
		if !ok {
			continue
		}
		if count[key] != 1 {
			t.Errorf("top-level field %s is on %d pages, want 1", key, count[key])
		}
		delete(count, key)
	}
	for key := range count {
		t.Errorf("page field %s is not a top-level field of the model", key)
	}
}

// TestNewFieldNeedsNoCode adds fields the model does not have, built with
// reflect, and checks they appear in the forms: a top-level text, and a new
// list whose elements hold a date, an amount and a nested list.
func TestNewFieldNeedsNoCode(t *testing.T) {
	row := reflect.StructOf([]reflect.StructField{
		{Name: "Amount", Type: reflect.TypeOf(partnership.Money{}), Tag: `toml:"amount" validate:"required" doc:"Pounds."`},
	})
	grant := reflect.StructOf([]reflect.StructField{
		{Name: "Name", Type: reflect.TypeOf(""), Tag: `toml:"name" validate:"required" doc:"The grant."`},
		{Name: "Awarded", Type: reflect.TypeOf(&partnership.Date{}), Tag: `toml:"awarded" doc:"When."`},
		{Name: "Kind", Type: reflect.TypeOf(""), Tag: `toml:"kind" validate:"omitempty,oneof=one-off recurring" doc:"How often."`},
		{Name: "Rows", Type: reflect.SliceOf(row), Tag: `toml:"rows" doc:"Instalments."`},
	})
	var fields []reflect.StructField
	for i := 0; i < modelType.NumField(); i++ {
		if f := modelType.Field(i); f.IsExported() {
			fields = append(fields, f)
		}
	}
	fields = append(fields,
		reflect.StructField{Name: "Motto", Type: reflect.TypeOf(""), Tag: `toml:"motto" doc:"A motto."`},
		reflect.StructField{Name: "Grants", Type: reflect.SliceOf(grant), Tag: `toml:"grants" doc:"Grants received."`})
	model := reflect.StructOf(fields)

	tree := decode(t, `motto = "Together"
[[grants]]
name = "Violence reduction"
awarded = 2025-06-01
[[grants.rows]]
amount = 1200.5
[[grants]]
kind = "recurring"
`)
	pages := pagesFor(model, tree)
	last := pages[len(pages)-1]
	if last.ID != "other" || len(last.Fields) != 2 {
		t.Fatalf("want the new fields on the Other page, got %+v", last)
	}
	want := map[string]struct {
		kind  Kind
		value string
	}{
		"motto":                    {KindText, "Together"},
		"grants[0].name":           {KindText, "Violence reduction"},
		"grants[0].awarded":        {KindDate, "2025-06-01"},
		"grants[0].rows[0].amount": {KindMoney, "1200.50"},
		"grants[1].kind":           {KindChoice, "recurring"},
	}
	for path, w := range want {
		f, ok := Lookup(pages, path)
		if !ok || f.Kind != w.kind || f.Value != w.value || !f.Present {
			t.Errorf("%s: got %+v (found %v), want kind %s value %q", path, f, ok, w.kind, w.value)
		}
	}
	g, _ := Lookup(pages, "grants")
	if g.ItemLabel != "Grant" || len(g.Items) != 2 || g.Items[0].Title != "Violence reduction" || g.Items[1].Title != "Grant 2" {
		t.Errorf("grants: label %q, items %+v", g.ItemLabel, g.Items)
	}
	if f, ok := Lookup(pages, "grants[1].name"); !ok || f.Present || !f.Required {
		t.Errorf("grants[1].name: want an empty required field, got %+v", f)
	}
}

func TestFieldsOfExample(t *testing.T) {
	pages := Pages(decode(t, readExample(t, "herefordshire-2019.toml")))
	tests := []struct {
		path     string
		kind     Kind
		label    string
		value    string
		present  bool
		required bool
	}{
		{"partnership.name", KindText, "Name", "Safeguarding Children and Young People in Herefordshire", true, true},
		{"partnership.short_name", KindText, "Short name", "", false, false},
		{"partnership.edition", KindChoice, "Edition", "2018", true, true},
		{"partnership.date", KindDate, "Date", "2019-09-10", true, true},
		{"partnership.vision", KindLongText, "Vision", "", false, false},
		{"partnership.all_age", KindBoolean, "All age", "", false, false},
		{"partnership.date_style", KindChoice, "Date style", "ordinal", true, false},
		{"partners[0].kind", KindChoice, "Kind", "local-authority", true, true},
		{"partners[1].delegate.name", KindText, "Name", "Susan Thomas", true, false},
		{"partners[0].lead", KindGroup, "Lead", "", true, true},
		{"partners[0].lead.name", KindText, "Name", "", false, false},
		{"meetings[0].members", KindLines, "Members", "Chris Baird\nSusan Thomas\nEllen Footman", true, false},
		{"report.start", KindDate, "Start", "2019-09-10", true, true},
		{"report.published", KindDate, "Published", "", false, false},
		{"text.foreword", KindLongText, "Foreword by the lead partners", "", false, false},
		{"points.restraint", KindLines, "Review of the use of restraint in a secure establishment", "", false, false},
		{"points.training", KindLines, "Training", "On the advice of the Practice and Development Sub Group, the partners agree which multi-agency training is provided, and monitor and evaluate how well it works.", true, false},
		{"local_partnerships", KindList, "Local partnerships", "", false, false},
	}
	for _, tt := range tests {
		f, ok := Lookup(pages, tt.path)
		if !ok {
			t.Errorf("%s: not found", tt.path)
			continue
		}
		if f.Kind != tt.kind || f.Label != tt.label || f.Value != tt.value || f.Present != tt.present || f.Required != tt.required {
			t.Errorf("%s: got kind %s label %q value %q present %v required %v, want %s %q %q %v %v",
				tt.path, f.Kind, f.Label, f.Value, f.Present, f.Required, tt.kind, tt.label, tt.value, tt.present, tt.required)
		}
	}

	kind, _ := Lookup(pages, "partners[0].kind")
	if got := kind.Choices; len(got) != 4 || got[0] != (Choice{"local-authority", "Local authority"}) || got[1] != (Choice{"icb", "ICB"}) {
		t.Errorf("kind choices: %+v", got)
	}
	if d, _ := Lookup(pages, "partnership.date"); !d.Partial {
		t.Error("partnership.date should accept a month or a year")
	}
	if d, _ := Lookup(pages, "report.start"); d.Partial {
		t.Error("report.start should need a day")
	}
	partners, _ := Lookup(pages, "partners")
	if partners.ItemLabel != "Partner" || len(partners.Items) != 3 || partners.Items[0].Title != "Herefordshire Council" || partners.Items[2].Path != "partners[2]" {
		t.Errorf("partners: label %q, %d items, first %+v", partners.ItemLabel, len(partners.Items), partners.Items[0].Title)
	}
	// After "Add partner", the new element's fields are found too.
	if f, ok := Lookup(pages, "partners[3].organisation"); !ok || f.Present || !f.Required {
		t.Errorf("partners[3].organisation: want the blank element's field, got %+v %v", f, ok)
	}
	if _, ok := Lookup(pages, "partners[4].organisation"); ok {
		t.Error("partners[4]: found two past the end")
	}
	if _, ok := Lookup(pages, "partnership.nonsense"); ok {
		t.Error("found a field the model does not have")
	}
	text, _ := Lookup(pages, "text")
	if len(text.Fields) != len(partnership.SectionIDs()) {
		t.Errorf("text: %d fields, want one per section, %d", len(text.Fields), len(partnership.SectionIDs()))
	}
}

func TestUnknownKeysShown(t *testing.T) {
	pages := Pages(decode(t, `
[partnership]
nmae = "Anytown"
[text]
"my own" = "Local words"
[extra]
a = 1
`))
	for path, kind := range map[string]Kind{"partnership.nmae": KindText, `text."my own"`: KindLongText, "extra.a": KindInteger} {
		f, ok := Lookup(pages, path)
		if !ok || f.Kind != kind || !f.Present {
			t.Errorf("%s: got %+v %v", path, f, ok)
		}
	}
	if f, _ := Lookup(pages, "partnership.nmae"); !f.Unknown || f.Help != unknownHelp {
		t.Errorf("a misspelt key should be marked unknown: %+v", f)
	}
	if f, _ := Lookup(pages, `text."my own"`); f.Unknown {
		t.Error("a map key is not unknown")
	}
}

func TestLabels(t *testing.T) {
	for key, want := range map[string]string{
		"short_name": "Short name", "icb": "ICB", "local-authority": "Local authority", "id": "ID",
		"non-executive": "Non-executive", "website": "Website", "in_force": "In force", "ccg": "CCG",
	} {
		if got := label(key); got != want {
			t.Errorf("label(%q) = %q, want %q", key, got, want)
		}
	}
	for key, want := range map[string]string{
		"partners": "Partner", "relevant_agencies": "Relevant agency", "task_groups": "Task group",
		"glossary": "Term", "history": "Version", "funding": "Funding year", "voice": "Forum",
	} {
		f, ok := Lookup(Pages(nil), key)
		if !ok || f.ItemLabel != want {
			t.Errorf("%s: item label %q, want %q", key, f.ItemLabel, want)
		}
	}
	if !slices.Contains([]string{"Partner 1"}, itemTitle(nil, "Partner", 0)) {
		t.Error("an element with no name is called by its place")
	}
}

func BenchmarkPages(b *testing.B) {
	tree := decode(b, readExample(b, "herefordshire-2019.toml"))
	b.ReportAllocs()
	for b.Loop() {
		Pages(tree)
	}
}
