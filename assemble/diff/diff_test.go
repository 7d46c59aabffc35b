package diff

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"mou/assemble/internal/golden"
	"mou/assemble/internal/tags"
	"mou/assemble/partnership"
)

// base is a small partnership; each case below changes one thing in it.
const base = `[partnership]
name = "Testshire Safeguarding Children Partnership"
area = "Testshire"
edition = 2018
date = 2019-09-10
values = ["Children first."]

[[partners]]
id = "council"
kind = "local-authority"
organisation = "Testshire Council"
short_name = "Council"
lead = { title = "Chief Executive" }
delegate = { name = "Ann Example", title = "Director of Children's Services" }

[[partners]]
id = "ccg"
kind = "ccg"
organisation = "Testshire Clinical Commissioning Group"
lead = { title = "Accountable Officer" }

[[partners]]
id = "police"
kind = "police"
organisation = "Testshire Police"
lead = { title = "Chief Constable" }

[[relevant_agencies]]
name = "Schools"
sector = "education"

[[meetings]]
id = "board"
name = "Partners Board"
frequency = "quarterly"

[[subgroups]]
name = "Case Review"

[[boards]]
name = "Health and Wellbeing Board"

[[funding]]
year = "2019/20"
declared_total = 300
[[funding.rows]]
partner = "council"
amount = 200
[[funding.rows]]
partner = "police"
amount = 100

[[milestones]]
label = "Arrangements published"
date = 2019-06-29

[[endorsements]]
partner = "council"
signatory = "Ann Example"
title = "Director of Children's Services"
date = 2019-09-10

[review]
last = 2019-09-10
next = 2020-09-10

[report]
start = 2019-04-01
end = 2020-03-31

[[glossary]]
term = "CCG"
meaning = "Clinical Commissioning Group"

[[history]]
version = "1.0"
date = 2019-09-10
summary = "First version."
`

func parse(t *testing.T, text string) *partnership.Partnership {
	t.Helper()
	p, fs := partnership.Parse("test.toml", text)
	if p == nil || fs.Errors() > 0 {
		t.Fatalf("does not load: %v", fs)
	}
	return p
}

func texts(r Report) []string {
	var out []string
	for _, s := range r.Sections {
		for _, c := range s.Changes {
			out = append(out, c.Text)
		}
	}
	return out
}

// TestEachKindOfChange: each change alone gives exactly its sentences.
func TestEachKindOfChange(t *testing.T) {
	tests := []struct {
		name     string
		from, to string // replaced in base to make the new version
		add      string // appended to base to make the new version
		want     []string
	}{
		{name: "nothing", want: nil},
		{name: "partner renamed", from: `organisation = "Testshire Police"`, to: `organisation = "Testshire Constabulary"`,
			want: []string{"The partner Testshire Police is now named Testshire Constabulary."}},
		{name: "partner removed", from: "[[partners]]\nid = \"police\"\nkind = \"police\"\norganisation = \"Testshire Police\"\nlead = { title = \"Chief Constable\" }\n",
			want: []string{"Testshire Police is no longer a partner (it was the police force)."}},
		{name: "partner added", add: "[[partners]]\nid = \"bt-police\"\nkind = \"police\"\norganisation = \"British Transport Police\"\nlead = { name = \"Lucy D'Orsi\", title = \"Chief Constable\" }\n",
			want: []string{"British Transport Police becomes a partner, as the police force; its lead representative is Lucy D'Orsi, Chief Constable."}},
		{name: "partners reordered", from: "[[partners]]\nid = \"council\"\nkind = \"local-authority\"\norganisation = \"Testshire Council\"\nshort_name = \"Council\"\nlead = { title = \"Chief Executive\" }\ndelegate = { name = \"Ann Example\", title = \"Director of Children's Services\" }\n", add: "[[partners]]\nid = \"council\"\nkind = \"local-authority\"\norganisation = \"Testshire Council\"\nshort_name = \"Council\"\nlead = { title = \"Chief Executive\" }\ndelegate = { name = \"Ann Example\", title = \"Director of Children's Services\" }\n",
			want: []string{"The partners are listed in a new order, which the documents' tables and signature pages follow: Testshire Clinical Commissioning Group, Testshire Police, Testshire Council (before: Testshire Council, Testshire Clinical Commissioning Group, Testshire Police)."}},
		{name: "possible succession", from: "id = \"ccg\"\nkind = \"ccg\"\norganisation = \"Testshire Clinical Commissioning Group\"", to: "id = \"icb\"\nkind = \"icb\"\norganisation = \"NHS Testshire Integrated Care Board\"",
			want: []string{"Possible succession to confirm: NHS Testshire Integrated Care Board (Integrated Care Board) in place of Testshire Clinical Commissioning Group (Clinical Commissioning Group), both health partners. The register of reorganisations records that Clinical Commissioning Groups gave way to Integrated Care Boards on 1 July 2022 (Health and Care Act 2022; the Integrated Care Boards (Establishment) Order 2022: 42 ICBs established and every CCG abolished on 1 July 2022)."}},
		{name: "succession unknown to the register", from: `organisation = "Testshire Council"`, to: `organisation = "Newshire Council"`, add: "",
			want: []string{"The partner Testshire Council is now named Newshire Council."}},
		{name: "id changed, same organisation", from: `id = "police"`, to: `id = "constabulary"`,
			want: []string{"Testshire Police: id changed from “police” to “constabulary”."}},
		{name: "kind changed", from: `kind = "ccg"`, to: `kind = "icb"`,
			want: []string{"Testshire Clinical Commissioning Group: kind changed from Clinical Commissioning Group to Integrated Care Board."}},
		{name: "delegate's name", from: `name = "Ann Example", title = "Director`, to: `name = "Bea Other", title = "Director`,
			want: []string{"Testshire Council: delegate changed: Ann Example, Director of Children's Services → Bea Other, Director of Children's Services."}},
		{name: "delegate's title", from: `delegate = { name = "Ann Example", title = "Director of Children's Services" }`, to: `delegate = { name = "Ann Example", title = "Executive Director of Children's Services" }`,
			want: []string{"Testshire Council: delegate changed: Ann Example, Director of Children's Services → Ann Example, Executive Director of Children's Services."}},
		{name: "lead named", from: `lead = { title = "Chief Constable" }`, to: `lead = { name = "Sam Smith", title = "Chief Constable" }`,
			want: []string{"Testshire Police: lead representative changed: Chief Constable → Sam Smith, Chief Constable."}},
		{name: "delegate added", from: `lead = { title = "Chief Constable" }`, to: "lead = { title = \"Chief Constable\" }\ndelegate = { title = \"Superintendent\" }",
			want: []string{"Testshire Police: delegate added: Superintendent."}},
		{name: "decision body", from: `short_name = "Council"`, to: "short_name = \"Council\"\ndecision_body = \"the Cabinet\"",
			want: []string{"Testshire Council: decision body added: “the Cabinet”."}},
		{name: "funding row", from: "partner = \"police\"\namount = 100", to: "partner = \"police\"\namount = 160",
			want: []string{
				"Funding 2019/20: Testshire Police's contribution changed from £100 to £160 (+£60).",
				"Funding 2019/20: total changed from £300 to £360 (+£60).",
			}},
		{name: "funding row added", add: "[[funding.rows]]\nagency = \"Schools Forum\"\namount = 50\n",
			want: []string{
				"Funding 2019/20: contribution added: Schools Forum, £50.",
				"Funding 2019/20: total changed from £300 to £350 (+£50).",
			}},
		{name: "declared total", from: "declared_total = 300", to: "declared_total = 299.5",
			want: []string{"Funding 2019/20: declared total changed from £300 to £299.50 (−£0.50)."}},
		{name: "funding year added", add: "[[funding]]\nyear = \"2020/21\"\n[[funding.rows]]\npartner = \"council\"\namount = 210\n",
			want: []string{"Funding for 2020/21 added: £210 in all (Council £210)."}},
		{name: "funding year replaced", from: `year = "2019/20"`, to: `year = "2020/21"`,
			want: []string{
				"Funding for 2019/20 removed (it was £300 in all).",
				"Funding for 2020/21 added: £300 in all (Council £200, Testshire Police £100).",
				"Funding in all: £300 in 2020/21, the same as in 2019/20.",
			}},
		{name: "edition", from: "edition = 2018", to: "edition = 2023",
			want: []string{"Working Together edition changed from 2018 to 2023: the documents now follow Working Together to Safeguard Children 2023; the lead representative becomes the Lead Safeguarding Partner; the delegate becomes the Delegated Safeguarding Partner; the health partner is an Integrated Care Board instead of a Clinical Commissioning Group; the yearly report goes to the Child Safeguarding Practice Review Panel within 7 days and Foundations (What Works Centre for Children and Families) within 7 days."}},
		{name: "date", from: "date = 2019-09-10\nvalues", to: "date = \"2020-01\"\nvalues",
			want: []string{"Date changed from 10 September 2019 to January 2020."}},
		{name: "value added", from: `values = ["Children first."]`, to: `values = ["Children first.", "Listen."]`,
			want: []string{"Value added: “Listen.”"}},
		{name: "agency added", add: "[[relevant_agencies]]\nname = \"Cafcass\"\nsector = \"justice\"\nnational = true\n",
			want: []string{"Relevant agency added: “Cafcass” (justice, national)."}},
		{name: "board removed", from: "[[boards]]\nname = \"Health and Wellbeing Board\"\n",
			want: []string{"Linked board removed: “Health and Wellbeing Board”."}},
		{name: "rotation added", from: "frequency = \"quarterly\"\n", to: "frequency = \"quarterly\"\nrotation = { partners = [\"council\", \"police\"], term = \"one year\", from = 2025-07-01 }\n",
			want: []string{
				"Meeting “Partners Board”, rotation of the chair: Testshire Council now takes its turn in the chair.",
				"Meeting “Partners Board”, rotation of the chair: Testshire Police now takes its turn in the chair.",
				"Meeting “Partners Board”, rotation of the chair: term added: “one year”.",
				"Meeting “Partners Board”, rotation of the chair: the date it takes effect added: 1 July 2025.",
			}},
		{name: "meeting frequency", from: `frequency = "quarterly"`, to: `frequency = "every two months"`,
			want: []string{"Meeting “Partners Board”: frequency changed from “quarterly” to “every two months”."}},
		{name: "meeting renamed keeps its id", from: `name = "Partners Board"`, to: `name = "Leaders Group"`,
			want: []string{"Meeting “Leaders Group”: name changed from “Partners Board” to “Leaders Group”."}},
		{name: "sub-group added", add: "[[subgroups]]\nname = \"Learning and Improvement\"\n",
			want: []string{"Sub-group added: “Learning and Improvement”."}},
		{name: "milestone date", from: "date = 2019-06-29", to: "date = 2019-07-01",
			want: []string{"Milestone “Arrangements published”: date changed from 29 June 2019 to 1 July 2019."}},
		{name: "endorsement signatory", from: "signatory = \"Ann Example\"", to: "signatory = \"Bea Other\"",
			want: []string{"Endorsement by Bea Other of the MOU: signatory changed from “Ann Example” to “Bea Other”."}},
		{name: "review", from: "next = 2020-09-10", to: "next = 2021-09-10",
			want: []string{"Review of the arrangements: next review changed from 10 September 2020 to 10 September 2021."}},
		{name: "scrutiny added", add: "[scrutiny]\nscrutineer = { title = \"Independent Scrutineer\" }\n",
			want: []string{"Scrutiny: scrutineer added: Independent Scrutineer."}},
		{name: "report period", from: "end = 2020-03-31", to: "end = 2020-02-29",
			want: []string{"Yearly report: period end changed from 31 March 2020 to 29 February 2020."}},
		{name: "local text added", add: "[text]\nintroduction = \"Our own words.\"\n",
			want: []string{"Local wording for the section “Introduction and context” added."}},
		{name: "local points added", add: "[points]\nvoice = [\"We ask children first.\"]\n",
			want: []string{"Local points for the section “Voice of children and families”: point added: “We ask children first.”"}},
		{name: "glossary meaning", from: `meaning = "Clinical Commissioning Group"`, to: `meaning = "Clinical Commissioning Group (until July 2022)"`,
			want: []string{"Glossary term “CCG”: meaning changed from “Clinical Commissioning Group” to “Clinical Commissioning Group (until July 2022)”."}},
		{name: "history entry added", add: "[[history]]\nversion = \"2.0\"\ndate = 2020-01-10\nsummary = \"New delegate.\"\n",
			want: []string{"History entry added: version 2.0, 10 January 2020: “New delegate.”"}},
	}
	old := parse(t, base)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := base
			if tt.from != "" {
				if !strings.Contains(text, tt.from) {
					t.Fatalf("base has no %q", tt.from)
				}
				text = strings.Replace(text, tt.from, tt.to, 1)
			}
			text += tt.add
			got := texts(Partnerships(old, parse(t, text)))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestEveryFieldIsCompared changes each field of the model alone, by
// reflection, and checks that the diff reports it: a field added to the
// model cannot be silently ignored.
func TestEveryFieldIsCompared(t *testing.T) {
	n := 0
	for _, path := range leafPaths(reflect.TypeOf(partnership.Partnership{}), nil) {
		n++
		t.Run(strings.Join(path, "."), func(t *testing.T) {
			old, new := &partnership.Partnership{}, &partnership.Partnership{}
			fill(reflect.ValueOf(old).Elem(), path, false)
			fill(reflect.ValueOf(new).Elem(), path, true)
			r := Partnerships(old, new)
			if r.Empty() {
				t.Fatalf("changing %s alone gives no change", strings.Join(path, "."))
			}
			want := tomlPath(path)
			for _, s := range r.Sections {
				for _, c := range s.Changes {
					if strings.HasPrefix(want, c.Path) || strings.HasPrefix(c.Path, want) {
						return
					}
				}
			}
			t.Errorf("changing %s gives changes at other paths: %v", want, texts(r))
		})
	}
	if n < 60 {
		t.Errorf("only %d fields found: is the walk right?", n)
	}
}

// leafPaths lists the toml key paths of every value the data can hold.
func leafPaths(t reflect.Type, prefix []string) [][]string {
	var out [][]string
	for i := 0; i < t.NumField(); i++ {
		name, ok := tags.Key(t.Field(i))
		if !ok {
			continue
		}
		p := append(append([]string(nil), prefix...), name)
		ft := t.Field(i).Type
		for ft.Kind() == reflect.Pointer || (ft.Kind() == reflect.Slice && ft.Elem().Kind() != reflect.String) {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && !isLeaf(ft) {
			out = append(out, leafPaths(ft, p)...)
		} else {
			out = append(out, p)
		}
	}
	return out
}

// fill makes the path exist in v (one item in each list, tables allocated)
// and, when set, gives the last field a sample value.
func fill(v reflect.Value, path []string, set bool) {
	f := fieldByTOML(v, path[0])
	for {
		switch {
		case f.Kind() == reflect.Pointer && !isLeaf(f.Type()):
			if len(path) == 1 {
				if set {
					f.Set(reflect.New(f.Type().Elem()))
					sample(f.Elem())
				}
				return
			}
			if f.IsNil() {
				f.Set(reflect.New(f.Type().Elem()))
			}
			f = f.Elem()
			continue
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() != reflect.String && len(path) > 1:
			if f.Len() == 0 {
				f.Set(reflect.Append(f, reflect.Zero(f.Type().Elem())))
			}
			f = f.Index(0)
			continue
		}
		break
	}
	if len(path) > 1 {
		fill(f, path[1:], set)
		return
	}
	if set {
		sample(f)
	}
}

func fieldByTOML(v reflect.Value, name string) reflect.Value {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if n, ok := tags.Key(t.Field(i)); ok && n == name {
			return v.Field(i)
		}
	}
	panic("no field " + name)
}

// sample sets v to a value that differs from the zero value.
func sample(v reflect.Value) {
	switch v.Type() {
	case dateType:
		v.Set(reflect.ValueOf(partnership.NewDate(2024, 5, 6)))
		return
	case moneyType:
		v.Set(reflect.ValueOf(partnership.Pounds(42)))
		return
	case personType:
		v.Set(reflect.ValueOf(partnership.Person{Name: "Sam Sample", Title: "Sampler"}))
		return
	case reflect.TypeOf(time.Time{}):
		v.Set(reflect.ValueOf(time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)))
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		sample(v.Elem())
	case reflect.String:
		v.SetString("sample")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(23)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(23)
	case reflect.Float64, reflect.Float32:
		v.SetFloat(1.5)
	case reflect.Slice:
		v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
		sample(v.Index(0))
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		sample(k)
		if k.Kind() == reflect.String {
			k.SetString("introduction") // a section id, as [text] has
		}
		sample(e)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if _, ok := tags.Key(t.Field(i)); ok {
				sample(v.Field(i))
				return
			}
		}
		panic("no field to set in " + t.String() + ": teach sample() this type")
	default:
		panic("the test cannot give a sample " + v.Type().String() + ": teach sample() this type")
	}
}

// tomlPath joins a path as the diff writes it, with [0] for list items.
func tomlPath(path []string) string {
	t := reflect.TypeOf(partnership.Partnership{})
	var b strings.Builder
	for i, name := range path {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(name)
		var ft reflect.Type
		for j := 0; j < t.NumField(); j++ {
			if n, ok := tags.Key(t.Field(j)); ok && n == name {
				ft = t.Field(j).Type
			}
		}
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Slice && ft.Elem().Kind() != reflect.String && i < len(path)-1 {
			b.WriteString("[0]")
			ft = ft.Elem()
		}
		t = ft
	}
	return b.String()
}

// Every top-level part of the data has a place in the report's order.
func TestEverySectionHasATitle(t *testing.T) {
	pt := reflect.TypeOf(partnership.Partnership{})
	for i := 0; i < pt.NumField(); i++ {
		if name, ok := tags.Key(pt.Field(i)); ok && titleOf(name) == "" {
			t.Errorf("the data's [%s] has no title in sectionTitles: add it where it comes in the documents", name)
		}
	}
}

func TestSectionsInDocumentOrder(t *testing.T) {
	text := strings.Replace(base, `name = "Case Review"`, `name = "Case Reviews"`, 1)
	text = strings.Replace(text, "edition = 2018", "edition = 2023", 1)
	text = strings.Replace(text, `amount = 100`, `amount = 90`, 1)
	r := Partnerships(parse(t, base), parse(t, text))
	var ids []string
	for _, s := range r.Sections {
		ids = append(ids, s.ID)
	}
	if want := []string{"partnership", "subgroups", "funding"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("sections %v, want %v", ids, want)
	}
}

func TestHerefordshireGolden(t *testing.T) {
	old, new := load(t, "../../data/herefordshire-2019.toml"), load(t, "../../data/herefordshire-2024.toml")
	r := Partnerships(old, new)
	var text, js bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/herefordshire-2019-2024.txt", text.String())
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/herefordshire-2019-2024.json", js.String())
	golden.Check(t, "testdata/herefordshire-2024-history.toml", r.HistoryText(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))
}

func load(t *testing.T, path string) *partnership.Partnership {
	t.Helper()
	p, fs, err := partnership.Load(path)
	if err != nil || p == nil || fs.Errors() > 0 {
		t.Fatalf("%s: %v %v", path, err, fs)
	}
	return p
}

func TestJSON(t *testing.T) {
	text := strings.Replace(base, "partner = \"police\"\namount = 100", "partner = \"police\"\namount = 160", 1)
	r := Partnerships(parse(t, base), parse(t, text))
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Changes  int
		Sections []struct {
			ID, Title string
			Changes   []struct {
				Kind, Path, Before, After, Text string
				Difference                      *int64 `json:"difference_pence"`
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if got.Changes != 2 || len(got.Sections) != 1 || got.Sections[0].ID != "funding" || got.Sections[0].Title != "Funding" {
		t.Fatalf("unexpected report:\n%s", b.String())
	}
	c := got.Sections[0].Changes[0]
	if c.Kind != "changed" || c.Path != "funding[0].rows[1].amount" || c.Before != "£100" || c.After != "£160" || c.Difference == nil || *c.Difference != 6000 {
		t.Errorf("row change as data: %+v", c)
	}
	var empty bytes.Buffer
	Partnerships(parse(t, base), parse(t, base)).WriteJSON(&empty)
	if !strings.Contains(empty.String(), `"sections": []`) || !strings.Contains(empty.String(), `"changes": 0`) {
		t.Errorf("no change as data: %s", empty.String())
	}
}

// The Cumbria partnership split in 2023; its 2025 successor for
// Westmorland and Furness must read as that story.
func TestCumbriaSplit(t *testing.T) {
	// The 2019 data's published total does not add up: the diff compares it
	// as written.
	old, fs, err := partnership.Load("../../data/cumbria-2019.toml")
	if err != nil || old == nil {
		t.Fatalf("cumbria-2019: %v %v", err, fs)
	}
	r := Partnerships(old, load(t, "../../data/westmorland-and-furness-2025.toml"))
	all := strings.Join(texts(r), "\n")
	for _, want := range []string{
		"Possible succession to confirm: Westmorland and Furness Council (local authority) in place of Cumbria County Council (local authority), both local authorities. The register of reorganisations records that Cumbria County Council gave way to Cumberland Council and Westmorland and Furness Council on 1 April 2023 (The Cumbria (Structural Changes) Order 2022, SI 2022/331).",
		"Cumbria Constabulary: id changed from “constabulary” to “police”.",
		"Possible succession to confirm: Lancashire and South Cumbria Integrated Care Board and North East and North Cumbria Integrated Care Board in place of Morecambe Bay Clinical Commissioning Group and North Cumbria Clinical Commissioning Group, all health partners. The register of reorganisations records that Clinical Commissioning Groups gave way to Integrated Care Boards on 1 July 2022",
		"Area changed from “Cumbria” to “Westmorland and Furness”.",
		"Working Together edition changed from 2018 to 2023",
		"Funding for 2019/20 removed (it was £229,615 in all).",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing: %s", want)
		}
	}
	if strings.Contains(all, "Partner removed: Cumbria County Council") || strings.Contains(all, "Partner removed: Cumbria Constabulary") {
		t.Errorf("a partner that continues or is succeeded is reported as simply removed:\n%s", all)
	}
}

func TestHistory(t *testing.T) {
	changed := strings.Replace(base, `organisation = "Testshire Police"`, `organisation = "Testshire Constabulary"`, 1)
	r := Partnerships(parse(t, base), parse(t, changed))
	if !r.NeedsHistory() {
		t.Error("a change without a new history entry needs one")
	}
	v := r.HistoryEntry(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	if v.Version != "2.0" || v.Date.String() != "10 September 2019" || v.Summary != "Testshire Police is now named Testshire Constabulary." {
		t.Errorf("entry %+v", v)
	}
	recorded := changed + "[[history]]\nversion = \"2.0\"\ndate = 2020-01-10\nsummary = \"Police renamed.\"\n"
	if Partnerships(parse(t, base), parse(t, recorded)).NeedsHistory() {
		t.Error("a change recorded in a newer history entry needs no other")
	}
	if Partnerships(parse(t, base), parse(t, base)).NeedsHistory() {
		t.Error("no change needs no history")
	}
	// The entry pastes into the data: appended to the new version, it loads
	// and records the change.
	pasted := changed + "\n" + HistoryTOML(v)
	p := parse(t, pasted)
	if got := p.History[len(p.History)-1]; got.Version != "2.0" || got.Summary != v.Summary {
		t.Errorf("pasted entry reads back as %+v", got)
	}
	if Partnerships(parse(t, base), p).NeedsHistory() {
		t.Error("after pasting the entry, no more history is needed")
	}
}

func TestVersions(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		cmp  int
	}{
		{"1.0", "1.0", 0}, {"1.10", "1.9", 1}, {"2", "1.9", 1}, {"", "1.0", -1}, {"1.0", "1.0.1", -1},
	} {
		if got := compareVersions(tt.a, tt.b); got != tt.cmp {
			t.Errorf("compareVersions(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.cmp)
		}
	}
	for in, want := range map[string]string{"1.0": "2.0", "2.3": "3.0", "4": "5", "v1": "v1.1"} {
		if got := nextVersion(in); got != want {
			t.Errorf("nextVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

// Fields of kinds the model does not use yet are still compared.
func TestOtherShapesOfField(t *testing.T) {
	type odd struct {
		When   time.Time           `toml:"when"`
		Counts []int               `toml:"counts"`
		Tags   map[string][]string `toml:"tags"`
		Rate   uint                `toml:"rate"`
		Nested *struct {
			Note string `toml:"note"`
		} `toml:"nested"`
	}
	for i := 0; i < reflect.TypeOf(odd{}).NumField(); i++ {
		var a, b odd
		sample(reflect.ValueOf(&b).Elem().Field(i))
		d := newDiffer(&partnership.Partnership{}, &partnership.Partnership{})
		d.sec = "odd"
		d.value("odd", "Odd", "odd", reflect.ValueOf(a), reflect.ValueOf(b))
		if r := d.report(); r.Changes() != 1 || r.Sections[0].Title != "Odd" {
			t.Errorf("field %s: %d changes %v", reflect.TypeOf(odd{}).Field(i).Name, r.Changes(), texts(r))
		}
	}
}

// A chair's rotation speaks of partners by name, and of its date as the
// date it takes effect: never of ids or of a key called "from".
func TestRotationByName(t *testing.T) {
	with := func(rotation string) string {
		return strings.Replace(base, "frequency = \"quarterly\"\n", "frequency = \"quarterly\"\nrotation = "+rotation+"\n", 1)
	}
	old := parse(t, with(`{ partners = ["council", "police", "ccg"], term = "one year", from = 2025-07-01 }`))
	new := parse(t, with(`{ partners = ["council", "police"], term = "one year", from = 2026-04-01 }`))
	var got []string
	for _, s := range Partnerships(old, new).Sections {
		for _, c := range s.Changes {
			got = append(got, c.Text)
		}
	}
	want := []string{
		"Meeting “Partners Board”, rotation of the chair: Testshire Clinical Commissioning Group no longer takes its turn in the chair.",
		"Meeting “Partners Board”, rotation of the chair: the date it takes effect changed from 1 July 2025 to 1 April 2026.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
