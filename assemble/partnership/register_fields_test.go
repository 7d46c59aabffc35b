package partnership

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fieldsBase is a partnership valid at any date from 2022 to 2029 (an ICB
// as its health partner), dated DATE.
const fieldsBase = `[partnership]
name = "Testshire Safeguarding Children Partnership"
area = "Testshire"
edition = 2023
date = DATE

[[partners]]
id = "council"
kind = "local-authority"
organisation = "Testshire Council"
lead = { name = "Ann Example", title = "Chief Executive" }

[[partners]]
id = "icb"
kind = "icb"
organisation = "NHS Testshire Integrated Care Board"
lead = { name = "Ian Care", title = "Chief Executive" }

[[partners]]
id = "police"
kind = "police"
organisation = "Testshire Police"
lead = { name = "Pat Police", title = "Chief Constable" }
`

// userFieldsEntry is a team's own, invented reorganisation.
const userFieldsEntry = `[[reorganisation]]
name = "Eastmere and Westmere merged"
vesting = 2026-04-01
status = "decided"
source = "invented for this test"
ceased = ["Eastmere Council"]
successors = ["Meresides Council"]
`

// TestRegisterEveryField: every field that names an organisation is read
// against the register, not only the partners, on both sides of each
// vesting day; the message names the field in words and the body that
// took over, and the finding is located at the field.
func TestRegisterEveryField(t *testing.T) {
	user, err := parseRegister(userFieldsEntry)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, date, data string
		rule             string // "" for no finding
		path             string
		words            []string // in the message, besides the body's name
	}{
		{"child death review, after Surrey's day", "2027-05-01",
			"[child_death]\npanel = \"Surrey Child Death Overview Panel\"\nadministered_by = \"Surrey County Council\"\n",
			"register.ceased", "child_death.administered_by", []string{"Surrey County Council ceased on 1 April 2027", "who administers it, in the child death review", "East Surrey Council and West Surrey Council took over"}},
		{"child death review, before Surrey's day", "2027-03-31",
			"[child_death]\nadministered_by = \"Surrey County Council\"\n", "", "", nil},
		{"a successor before its day", "2027-03-31",
			"[child_death]\nadministered_by = \"West Surrey Council\"\n",
			"register.not-yet", "child_death.administered_by", []string{"West Surrey Council only exists from 1 April 2027", "who administers it, in the child death review"}},
		{"a successor from its day", "2027-04-01",
			"[child_death]\nadministered_by = \"West Surrey Council\"\n", "", "", nil},
		{"sub-group chair in 2024", "2024-01-10",
			"[[subgroups]]\nname = \"Neglect Group\"\nchaired_by = \"Cumbria County Council\"\n",
			"register.ceased", "subgroups[0].chaired_by", []string{"the chair of the sub-group “Neglect Group”", "Cumberland Council and Westmorland and Furness Council"}},
		{"sub-group chair before Cumbria's day", "2023-03-31",
			"[[subgroups]]\nname = \"Neglect Group\"\nchaired_by = \"Cumbria County Council\"\n", "", "", nil},
		{"scrutineer organisation", "2020-04-01",
			"[scrutiny]\norganisation = \"Buckinghamshire County Council's audit team\"\n",
			"register.ceased", "scrutiny.organisation", []string{"the organisation of independent scrutiny", "Buckinghamshire Council"}},
		{"scrutineer organisation the day before", "2020-03-31",
			"[scrutiny]\norganisation = \"Buckinghamshire County Council's audit team\"\n", "", "", nil},
		{"host of children's homes", "2023-04-01",
			"[youth_custody]\n[[youth_custody.homes]]\nkind = \"short breaks homes\"\ncount = 2\nhosted_by = \"Somerset County Council\"\n",
			"register.ceased", "youth_custody.homes[0].hosted_by", []string{"who runs them, in the children's homes “short breaks homes” of youth custody", "Somerset Council"}},
		{"member organisation", "2021-04-01",
			"[[members]]\norganisation = \"Northamptonshire County Council Education\"\n",
			"register.ceased", "members[0].organisation", []string{"the organisation of the 1st member"}},
		{"delivery body", "2027-04-01",
			"[[delivery_bodies]]\nname = \"Surrey County Council Children's Trust\"\nacts_for = \"council\"\n",
			"register.ceased", "delivery_bodies[0].name", []string{"the name of the 1st delivery body"}},
		{"relevant agency: a CCG after 1 July 2022", "2022-07-01",
			"[[relevant_agencies]]\nname = \"Herefordshire Clinical Commissioning Group\"\nsector = \"health\"\n",
			"register.ceased", "relevant_agencies[0].name", []string{"Integrated Care Boards took over", "the one of the Integrated Care Boards that now covers the area"}},
		{"relevant agency: a CCG before 1 July 2022", "2022-06-30",
			"[[relevant_agencies]]\nname = \"Herefordshire Clinical Commissioning Group\"\nsector = \"health\"\n", "", "", nil},
		{"board: an ICB before 1 July 2022", "2022-06-30",
			"[[boards]]\nname = \"NHS Herefordshire and Worcestershire Integrated Care Board\"\n",
			"register.not-yet", "boards[0].name", []string{"only exists from 1 July 2022", "the name of the 1st linked board"}},
		{"meeting's members", "2023-04-01",
			"[[meetings]]\nname = \"Leaders Group\"\nmembers = [\"Testshire Council\", \"Carlisle City Council\"]\n",
			"register.ceased", "meetings[0].members[1]", []string{"entry 2 of the members of the meeting “Leaders Group”"}},
		{"meeting's chair", "2023-04-01",
			"[[meetings]]\nname = \"Leaders Group\"\nchaired_by = \"the leader of Eden District Council\"\n",
			"register.ceased", "meetings[0].chaired_by", []string{"Eden District Council ceased", "the chair of the meeting “Leaders Group”"}},
		{"the year's voice", "2027-06-01",
			"[[year.voice]]\nfrom = \"Surrey County Council's youth council\"\nheard = \"They want shorter waits.\"\n",
			"register.ceased", "year.voice[0].from", []string{"who was heard, in the 1st voice forum of the yearly report's year"}},
		{"local wording", "2027-06-01",
			"[text]\nintroduction = \"Surrey County Council leads the arrangements.\"\n",
			"register.ceased", "text.introduction", []string{"the local wording of the section \"introduction\""}},
		{"Norfolk from its day", "2028-04-01",
			"[child_death]\npanel = \"Norfolk County Council's panel\"\n",
			"register.ceased", "child_death.panel", []string{"three new unitary councils", "the panel of the child death review"}},
		{"Norfolk the day before", "2028-03-31",
			"[child_death]\npanel = \"Norfolk County Council's panel\"\n", "", "", nil},
		{"user register, from its day", "2026-04-01",
			"[[subgroups]]\nname = \"Learning Group\"\nmembers = [\"Eastmere Council\"]\n",
			"register.ceased", "subgroups[0].members[0]", []string{"Eastmere Council ceased on 1 April 2026", "Meresides Council took over", "entry 1 of the members of the sub-group “Learning Group”"}},
		{"user register, the day before", "2026-03-31",
			"[[subgroups]]\nname = \"Learning Group\"\nmembers = [\"Eastmere Council\"]\n", "", "", nil},
		{"user register successor, the day before", "2026-03-31",
			"[child_death]\nadministered_by = \"Meresides Council\"\n",
			"register.not-yet", "child_death.administered_by", []string{"Meresides Council only exists from 1 April 2026"}},
		{"history speaks of the past", "2027-06-01",
			"[[history]]\nversion = \"1.0\"\ndate = 2026-01-01\nsummary = \"Agreed by Surrey County Council.\"\n", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(fieldsBase, "DATE", tt.date, 1) + "\n" + tt.data
			p, fs := Parse("fields.toml", text)
			if p == nil {
				t.Fatalf("does not parse:\n%s", render(fs))
			}
			var got Findings
			for _, f := range p.Validate(Options{Today: today, Reorganisations: user}) {
				if strings.HasPrefix(f.Rule, "register.") {
					got = append(got, f)
				}
			}
			if tt.rule == "" {
				if len(got) != 0 {
					t.Fatalf("want no finding, got\n%s", render(got))
				}
				return
			}
			if len(got) != 1 || got[0].Rule != tt.rule || got[0].Path != tt.path {
				t.Fatalf("want one %s at %s, got\n%s", tt.rule, tt.path, render(got))
			}
			f := got[0]
			if want := lineIn(text, len(strings.Split(fieldsBase, "\n")), tt.path); f.Line != want {
				t.Errorf("at line %d, want %d: %s", f.Line, want, f)
			}
			for _, w := range tt.words {
				if !strings.Contains(f.Message+" "+f.Hint, w) {
					t.Errorf("%q does not say %q (hint %q)", f.Message, w, f.Hint)
				}
			}
			if !strings.Contains(f.Hint, "correct partnership.date") || !strings.HasPrefix(f.Hint, "in ") {
				t.Errorf("hint %q does not say where to write what", f.Hint)
			}
		})
	}
}

// lineIn is the line of text, after its first from lines, that writes the
// last key of path (for an entry of a list of words, the list's line).
func lineIn(text string, from int, path string) int {
	key := path[strings.LastIndex(path, ".")+1:]
	key, _, _ = strings.Cut(key, "[")
	for i, l := range strings.Split(text, "\n") {
		if i >= from && strings.HasPrefix(l, key+" = ") {
			return i + 1
		}
	}
	return 0
}

// A local partnership's own fields are read against the register once, as
// its own, each message naming it; its history is the past.
func TestRegisterLocalPartnership(t *testing.T) {
	b, err := os.ReadFile("testdata/pan-area.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "date = 2025-05-01", "date = 2024-05-01", 1)
	text = strings.Replace(text, "chair = \"north\"\n", "chair = \"north\"\nchaired_by = \"Cumbria County Council\"\n", 1)
	text += "[[local_partnerships.history]]\nversion = \"1.0\"\ndate = 2022-01-01\nsummary = \"Agreed by Cumbria County Council.\"\n"
	dir := t.TempDir()
	path := filepath.Join(dir, "pan.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, fs, err := Check(Options{Today: today}, path)
	if err != nil {
		t.Fatal(err)
	}
	var got Findings
	for _, f := range fs {
		if strings.HasPrefix(f.Rule, "register.") {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("want one register finding, got\n%s", render(fs))
	}
	f := got[0]
	if f.Path != "local_partnerships[0].subgroups[0].chaired_by" || f.Line != strings.Count(text[:strings.Index(text, "chaired_by")], "\n")+1 {
		t.Errorf("not at the local partnership's own field: %s", f)
	}
	for _, w := range []string{"North Vale Safeguarding Children Partnership: Cumbria County Council ceased", "the chair of the sub-group “North Vale Learning Group”"} {
		if !strings.Contains(f.Message, w) {
			t.Errorf("%q does not say %q", f.Message, w)
		}
	}
}
