package documents

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"mou/assemble/partnership"
	"mou/assemble/wordtemplate"
	"mou/templates"
)

// Every field of the view has a decision: where in the data it comes from,
// or that it only names something. A field added to the view without one
// fails here, naming it.
func TestOriginsDecideEveryField(t *testing.T) {
	pkg := reflect.TypeFor[View]().PkgPath()
	var walk func(tp reflect.Type, pattern string, depth int)
	walk = func(tp reflect.Type, pattern string, depth int) {
		for tp.Kind() == reflect.Pointer {
			tp = tp.Elem()
		}
		switch tp.Kind() {
		case reflect.Slice, reflect.Array:
			walk(tp.Elem(), pattern+"[]", depth)
			return
		case reflect.Map:
			walk(tp.Elem(), pattern+".*", depth)
			return
		case reflect.Struct:
		default:
			return
		}
		if depth > 8 || tp.PkgPath() != pkg && tp.PkgPath() != reflect.TypeFor[partnership.Date]().PkgPath() {
			return
		}
		for _, f := range tomlFields(tp) {
			p := f.name
			if pattern != "" {
				p = pattern + "." + f.name
			}
			r, decided := typeRules[f.owner][f.name]
			_, byPath := pathRules[p]
			if f.owner.PkgPath() == pkg && !decided && !byPath {
				t.Errorf("the view's %s (%s.%s) has no origin: add it to typeRules in origin.go (\"=\" when the data has the same field, ruleNaming when it only names something)", p, f.owner.Name(), f.name)
				continue
			}
			if r == ruleNaming || strings.HasPrefix(r, "^") {
				continue
			}
			walk(f.typ, p, depth+1)
		}
	}
	walk(reflect.TypeFor[View](), "", 0)
	// And no decision names a field that is gone.
	for tp, rules := range typeRules {
		have := map[string]bool{}
		for _, f := range tomlFields(tp) {
			if f.owner == tp {
				have[f.name] = true
			}
		}
		for name := range rules {
			if !have[name] {
				t.Errorf("typeRules has %s.%s, which %s does not declare", tp.Name(), name, tp.Name())
			}
		}
	}
}

type tomlField struct {
	name  string
	owner reflect.Type
	typ   reflect.Type
}

// tomlFields lists a struct's fields by TOML name, those of embedded
// structs included, with the struct declaring each.
func tomlFields(tp reflect.Type) []tomlField {
	var out []tomlField
	for i := 0; i < tp.NumField(); i++ {
		f := tp.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		switch {
		case f.Anonymous && f.Type.Kind() == reflect.Struct && name == "":
			out = append(out, tomlFields(f.Type)...)
		case f.IsExported() && name != "" && name != "-":
			out = append(out, tomlField{name, tp, f.Type})
		}
	}
	return out
}

func loadFor(t *testing.T, path string) *partnership.Partnership {
	t.Helper()
	p, findings, err := partnership.Check(partnership.Options{}, path)
	if err != nil {
		t.Fatal(err)
	}
	if p == nil || findings.Failed(false) {
		return nil
	}
	return p
}

func TestDataKeys(t *testing.T) {
	p := loadFor(t, "../../data/westmorland-and-furness-2025.toml")
	if p == nil {
		t.Fatal("the example does not build")
	}
	o := &origins{p: p, kind: Arrangements}
	k := -1
	for i := range p.Funding {
		if &p.Funding[i] == p.CurrentFunding() {
			k = i
		}
	}
	tests := []struct {
		view, key string
		naming    bool
	}{
		{"partners[1].organisation", "partners[1].organisation", false},
		{"partners[1].delegate_list", "partners[1].delegate", false},
		{"partners[0].lead.phrase", "partners[0].lead", false},
		{"partners[0].kind_name", "partners[0].kind", false},
		{"text.funding[0]", "text.funding", false},
		{"text.child_death[1]", "text.child-death", false},
		{"points.funding[2]", "points.funding[2]", false},
		{"funding_years[0].rows[1].amount", "funding[0].rows[1].amount", false},
		{"partnership.name", "", true},
		{"partnership.short", "", true},
		{"partnership.area", "", true},
		{"partnership.arrangements_name", "", true},
		{"partnership.vision", "partnership.vision", false},
		{"edition.lead_term", "", true},
		{"terms.health_body", "", true},
		{"document.title", "", true},
		{"document.fingerprint", "", true},
		{"document.footer", "", true},
		{"counts.partners", "", true},
		{"parts[3].is_funding", "", true},
		{"no_such_field.x", "no_such_field.x", false},
		{"partners[0].no_such_field", "partners[0].no_such_field", false},
	}
	if k >= 0 {
		tests = append(tests, struct {
			view, key string
			naming    bool
		}{"funding.rows[0].amount", fmt.Sprintf("funding[%d].rows[0].amount", k), false}, struct {
			view, key string
			naming    bool
		}{"funding.total", fmt.Sprintf("funding[%d].rows", k), false})
	}
	if s := p.Scrutiny; s != nil && s.Scrutineer != nil && s.LedBy != "independent-chair" {
		tests = append(tests, struct {
			view, key string
			naming    bool
		}{"scrutiny.lead.phrase", "scrutiny.scrutineer", false})
	}
	// The second agency shown under the first sector is that sector's
	// second agency in the data.
	v := NewView(p, Arrangements)
	if len(v.AgencySectors) > 0 && len(v.AgencySectors[0].Agencies) > 1 {
		want := v.AgencySectors[0].Agencies[1].Name
		key, _ := o.dataKey("agency_sectors[0].agencies[1].name")
		var j int
		if _, err := fmt.Sscanf(key, "relevant_agencies[%d].name", &j); err != nil || p.RelevantAgencies[j].Name != want {
			t.Errorf("agency_sectors[0].agencies[1].name → %s, not the agency %q", key, want)
		}
	}
	for _, tc := range tests {
		key, naming := o.dataKey(tc.view)
		if key != tc.key || naming != tc.naming {
			t.Errorf("dataKey(%s) = %q, %v; want %q, %v", tc.view, key, naming, tc.key, tc.naming)
		}
	}
}

// defaultTemplates parses the embedded templates.
func defaultTemplates(t *testing.T) map[string]*wordtemplate.Template {
	t.Helper()
	out := map[string]*wordtemplate.Template{}
	for _, k := range Kinds {
		data, from, err := templates.Read("", templateFor[k])
		if err != nil {
			t.Fatal(err)
		}
		tm, err := wordtemplate.Parse(from, data)
		if err != nil {
			t.Fatal(err)
		}
		out[k] = tm
	}
	return out
}

// originPartnerships are the minimal data and every example that builds.
func originPartnerships(t *testing.T) map[string]*partnership.Partnership {
	t.Helper()
	out := map[string]*partnership.Partnership{"minimal": loadFor(t, "testdata/minimal.toml")}
	if out["minimal"] == nil {
		t.Fatal("testdata/minimal.toml does not build")
	}
	files, _ := filepath.Glob("../../data/*.toml")
	for _, f := range files {
		if p := loadFor(t, f); p != nil {
			out[strings.TrimSuffix(filepath.Base(f), ".toml")] = p
		}
	}
	if len(out) < 3 {
		t.Fatalf("only %d partnerships build", len(out))
	}
	return out
}

// Every sentence of every built document either comes from the data or
// states the law: each paragraph with text has an origin (review.go says
// how it is decided). The paragraphs with none are listed and fail it: a
// default sentence that is neither data nor general wording marked with
// its legal basis (templates/internal/build, d.under) is a local
// commitment the partnership never made.
func TestEveryParagraphHasAnOrigin(t *testing.T) {
	tmpls := defaultTemplates(t)
	var none []string
	for name, p := range originPartnerships(t) {
		for _, k := range Kinds {
			_, pos, err := traced(tmpls[k], p, k, map[string]string{}, nil, nil)
			if err != nil {
				t.Fatalf("%s %s: %v", name, k, err)
			}
			counts := map[string]int{}
			for _, po := range pos {
				if po.Kind == "" {
					continue
				}
				counts[po.Kind]++
				if po.Kind == originNone {
					none = append(none, fmt.Sprintf("%s %s: %q", name, templateFor[k], abbreviate(po.Text, 120)))
				}
			}
			t.Logf("%s %s: %v", name, templateFor[k], counts)
		}
	}
	if len(none) == 0 {
		return
	}
	msg := fmt.Sprintf("%d paragraph(s) neither print the data nor are marked as general wording (templates.Law):\n%s", len(none), strings.Join(none, "\n"))
	t.Error(msg)
}

func abbreviate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
