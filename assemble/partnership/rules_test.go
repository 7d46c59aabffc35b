package partnership

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mou/assemble/internal/golden"
)

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// base is a small valid partnership; each case below breaks one rule in it.
// Line numbers in the cases refer to this text after the replacement.
const base = `[partnership]
name = "Testshire Safeguarding Children Partnership"
area = "Testshire"
edition = 2018
date = 2019-09-10

[[partners]]
id = "council"
kind = "local-authority"
organisation = "Testshire Council"
lead = { title = "Chief Executive" }
delegate = { name = "Ann Example", title = "Director of Children's Services" }

[[partners]]
id = "ccg"
kind = "ccg"
organisation = "Testshire CCG"
lead = { title = "Accountable Officer" }

[[partners]]
id = "police"
kind = "police"
organisation = "Testshire Police"
lead = { title = "Chief Constable" }

[[funding]]
year = "2019/20"
declared_total = 300
[[funding.rows]]
partner = "council"
amount = 200
[[funding.rows]]
partner = "police"
amount = 100

[[endorsements]]
partner = "council"
signatory = "Ann Example"
title = "Director of Children's Services"
date = 2019-09-10

[review]
last = 2019-09-10
next = 2020-09-10

[report]
start = 2019-09-10
end = 2020-03-31

[geography]
description = "The county of Testshire."

[[relevant_agencies]]
name = "Testshire schools"
sector = "education"

[education]
place = "relevant-agency"

[youth_custody]
none = true

[disputes]
policy = "Testshire Escalation Policy"

[scrutiny]
led_by = "scrutineer"
scrutineer = { title = "Independent Scrutineer" }

[[voice]]
name = "Testshire Youth Forum"

[procedures]
threshold = "Testshire Threshold of Need"

[[data_sharing]]
name = "Testshire Information Sharing Agreement"
status = "in-place"

[[endorsements]]
partner = "ccg"
signatory = "Bo Example"
title = "Accountable Officer"

[[endorsements]]
partner = "police"
signatory = "Cy Example"
title = "Chief Constable"
`

func TestBaseIsValid(t *testing.T) {
	p, fs := Parse("base.toml", base)
	if p == nil {
		t.Fatalf("base does not parse: %v", fs)
	}
	fs = append(fs, p.Validate(Options{Today: today})...)
	if len(fs) != 0 {
		t.Fatalf("base has findings:\n%s", render(fs))
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string // the one finding, as Finding.String()
	}{
		{"no police", "kind = \"police\"", "kind = \"local-authority\"",
			`base.toml:7:1: error: partners: no partner is the chief officer of police: the three statutory safeguarding partners are the local authority, the health body and the police`},
		{"no health", "kind = \"ccg\"", "kind = \"police\"",
			`base.toml:7:1: error: partners: no partner is a health partner (an Integrated Care Board, or before 1 July 2022 a Clinical Commissioning Group): the three statutory safeguarding partners are the local authority, the health body and the police`},
		{"ccg after July 2022", "date = 2019-09-10\n\n", "date = 2022-07-01\n\n",
			`base.toml:16:1: error: partners[1].kind: Testshire CCG is a Clinical Commissioning Group, but the documents are dated 1 July 2022: CCGs were replaced by Integrated Care Boards on 1 July 2022`},
		{"icb before July 2022", "kind = \"ccg\"", "kind = \"icb\"",
			`base.toml:16:1: error: partners[1].kind: Testshire CCG is an Integrated Care Board, but the documents are dated 10 September 2019: ICBs only exist from 1 July 2022`},
		{"duplicate id", "id = \"ccg\"", "id = \"council\"",
			`base.toml:15:1: error: partners[1].id: the partner id "council" is already used at partners[0].id (base.toml:8)`},
		{"unresolved funding partner", "partner = \"police\"", "partner = \"polise\"",
			`base.toml:33:1: error: funding[0].rows[1].partner: no partner has the id "polise": did you mean "police"?`},
		{"unresolved endorsement partner", "partner = \"council\"\nsignatory", "partner = \"counsil\"\nsignatory",
			`base.toml:37:1: error: endorsements[0].partner: no partner has the id "counsil": did you mean "council"?`},
		{"negative amount", "amount = 100", "amount = -100",
			`base.toml:34:1: error: funding[0].rows[1].amount: the amount -£100 is negative: contributions are never below zero`},
		{"three decimals", "amount = 100", "amount = 100.005",
			`base.toml:34:1: error: funding[0].rows[1].amount: the amount 100.005 has more than two decimal places: amounts are pounds and pence`},
		{"total mismatch", "declared_total = 300", "declared_total = 310",
			`base.toml:28:1: error: funding[0].declared_total: the declared total for 2019/20, £310, is not the sum of its rows, £300: it is £10 more`},
		{"future endorsement", "date = 2019-09-10\n\n[review]", "date = 2027-01-01\n\n[review]",
			`base.toml:40:1: error: endorsements[0].date: the endorsement is dated 1 January 2027, which is in the future: date it when it is signed`},
		{"review order", "next = 2020-09-10", "next = 2019-01-01",
			`base.toml:44:1: error: review.next: the next review (1 January 2019) is not after the last one (10 September 2019)`},
		{"report longer than a year", "end = 2020-03-31", "end = 2020-09-30",
			`base.toml:48:1: error: report.end: the report period 10 September 2019 to 30 September 2020 is longer than 12 months: a yearly report covers at most a year`},
		{"report ends before it starts", "end = 2020-03-31", "end = 2019-01-31",
			`base.toml:48:1: error: report.end: the report period ends (31 January 2019) before it starts (10 September 2019)`},
		{"vertical tab", `area = "Testshire"`, `area = "Test\u000bshire"`,
			`base.toml:3:1: error: partnership.area: contains a vertical tab (U+000B) at character 5, which a Word document cannot store`},
		{"trailing space", `organisation = "Testshire Police"`, `organisation = "Testshire Police "`,
			`base.toml:23:1: error: partners[2].organisation: organisation has a space at the start or end: "Testshire Police "`},
		{"empty name", `name = "Testshire Safeguarding Children Partnership"`, `name = ""`,
			`base.toml:2:1: error: partnership.name: name is empty`},
		{"missing organisation", "organisation = \"Testshire CCG\"\n", "",
			`base.toml:14:1: error: partners[1].organisation: organisation is missing`},
		{"unnamed delegate", `delegate = { name = "Ann Example", title = "Director of Children's Services" }`, `delegate = { }`,
			`base.toml:12:1: error: partners[0].delegate: the delegate has neither a name nor a title`},
		{"unknown key", `lead = { title = "Chief Constable" }`, "lead = { title = \"Chief Constable\" }\ndelegat = { title = \"ACC\" }",
			`base.toml:25:1: error: partners[2].delegat: unknown key "delegat" in partners[2]: did you mean "delegate"?`},
		{"unknown kind", `kind = "police"`, `kind = "polce"`,
			`base.toml:22:1: error: partners[2].kind: kind must be one of "local-authority", "icb", "ccg", "police"; found "polce"`},
		{"wrong type", `edition = 2018`, `edition = "2018"`,
			`base.toml:4:1: error: partnership.edition: edition should be a whole number (no quotes), but is text`},
		{"bad edition", `edition = 2018`, `edition = 2020`,
			`base.toml:4:1: error: partnership.edition: edition must be one of 2018, 2023; found 2020`},
		{"date in quotes", `date = 2019-09-10` + "\n\n", `date = "2019-09-10"` + "\n\n",
			`base.toml:5:1: error: partnership.date: date is a date in quotes ("2019-09-10"): write it without quotes, 2019-09-10`},
		{"money as text", "amount = 100", `amount = "£100"`,
			`base.toml:34:1: error: funding[0].rows[1].amount: amount should be a number without quotes, £ sign or commas, e.g. 133600; found "£100"`},
		{"bad financial year", `year = "2019/20"`, `year = "2019-2020"`,
			`base.toml:27:1: error: funding[0].year: year should be a financial year such as "2019/20"; found "2019-2020"`},
		{"bad slug", `id = "ccg"`, `id = "The CCG"`,
			`base.toml:15:1: error: partners[1].id: id should be lower-case letters, digits and hyphens; found "The CCG"`},
		{"row without contributor", "partner = \"police\"\n", "",
			`base.toml:32:1: error: funding[0].rows[1]: this funding row names no contributor`},
		{"unknown text section", "[report]", "[text]\nintroduktion = \"x\"\n\n[report]",
			`base.toml:47:1: error: text.introduktion: there is no section "introduktion" to replace: did you mean "introduction"?`},
		{"2023 edition too early", "edition = 2018", "edition = 2023",
			``}, // several findings: checked in TestEditionRules
		{"syntax error", `area = "Testshire"`, `area = "Testshire`,
			`base.toml:3:8: error: partnership.area: the text has no closing quote: add one at the end, "Testshire"`},
	}
	for _, tt := range tests {
		if tt.want == "" {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.old) {
				t.Fatalf("base does not contain %q", tt.old)
			}
			src := strings.Replace(base, tt.old, tt.new, 1)
			fs := check("base.toml", src)
			// A partner id changed leaves an endorsement naming the old id:
			// that second error is right, and not what the row tests.
			if strings.HasPrefix(tt.old, "id = ") {
				var kept []Finding
				for _, f := range fs {
					if f.Rule != "ref.partner" || !strings.HasPrefix(f.Path, "endorsements[") {
						kept = append(kept, f)
					}
				}
				fs = kept
			}
			if len(fs) != 1 {
				t.Fatalf("want exactly one finding, got %d:\n%s", len(fs), render(fs))
			}
			if got := fs[0].String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if fs[0].Rule == "" {
				t.Errorf("finding has no rule id")
			}
		})
	}
}

func TestEditionRules(t *testing.T) {
	src := strings.Replace(base, "edition = 2018", "edition = 2023", 1)
	fs := check("base.toml", src)
	rules := map[string]int{}
	for _, f := range fs {
		rules[f.Rule]++
	}
	if rules["edition.too-early"] != 1 || rules["edition.dsp-unnamed"] != 2 || rules["report.recipients-assumed"] != 1 || rules["partners.icb-before-2022"] != 0 {
		t.Errorf("unexpected findings:\n%s", render(fs))
	}
	src = strings.Replace(base, "date = 2019-09-10\n\n", "date = 2025-06-01\n\n", 1)
	src = strings.Replace(src, `kind = "ccg"`, `kind = "icb"`, 1)
	fs = check("base.toml", src)
	if len(fs) != 1 || fs[0].Rule != "edition.outdated" || fs[0].Severity != Warning {
		t.Errorf("want one edition.outdated warning:\n%s", render(fs))
	}
	if fs.Failed(false) || !fs.Failed(true) {
		t.Errorf("a warning must fail only with --strict")
	}
}

// TestManyMistakes is the golden test of the full text report.
func TestManyMistakes(t *testing.T) {
	_, fs, err := Check(Options{Today: today}, "testdata/many-mistakes.toml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fs.WriteText(&b)
	golden.Check(t, "testdata/many-mistakes.golden", b.String())
	var j strings.Builder
	fs.WriteJSON(&j)
	golden.Check(t, "testdata/many-mistakes.json", j.String())
}

func TestExamples(t *testing.T) {
	tests := []struct {
		file  string
		rules []string // rules of the expected findings, in order
	}{
		{"herefordshire-2019.toml", []string{"expected.education", "expected.geography", "expected.threshold", "expected.relevant-agencies", "expected.voice", "expected.youth-custody"}},
		{"cumbria-2019.toml", []string{"expected.endorsements", "report.period-unknown", "funding.total-mismatch"}},
		{"westmorland-and-furness-2025.toml", []string{"edition.dsp-unnamed", "edition.dsp-unnamed", "edition.dsp-unnamed", "expected.endorsement", "edition.dsp-unnamed", "report.recipients-assumed"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, fs, err := Check(Options{Today: today}, filepath.Join("../../data", tt.file))
			if err != nil || p == nil {
				t.Fatalf("load: %v %v", err, fs)
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.Rule)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.rules) {
				t.Errorf("rules %v, want %v\n%s", got, tt.rules, render(fs))
			}
		})
	}
	// The Cumbria plan's published table does not add up: pin the message.
	_, fs, _ := Check(Options{Today: today}, "../../data/cumbria-2019.toml")
	want := "the declared total for 2019/20, £237,416, is not the sum of its rows, £229,615: it is £7,801 more"
	if fs.Errors() != 1 || fs[len(fs)-1].Message != want || fs[len(fs)-1].Path != "funding[0].declared_total" || fs[len(fs)-1].Line == 0 {
		t.Errorf("Cumbria finding = %v", fs)
	}
}

func TestExampleFacts(t *testing.T) {
	p, _, err := Check(Options{Today: today}, "../../data/herefordshire-2019.toml")
	if err != nil {
		t.Fatal(err)
	}
	fy := p.CurrentFunding()
	if fy == nil || fy.Total.String() != "£267,300" || fy.Rows[0].Share != 0.4998129442573887 {
		t.Errorf("funding = %+v", fy)
	}
	if got := p.Partner("police").Delegate.Name; got != "Susan Thomas" {
		t.Errorf("police delegate = %q", got)
	}
}

func TestFolderMerge(t *testing.T) {
	dir := t.TempDir()
	head, rest, _ := strings.Cut(base, "[[partners]]")
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.toml", head)
	write("b.toml", "[[partners]]"+rest)
	p, fs, err := Check(Options{Today: today}, dir)
	if err != nil || p == nil || len(fs) != 0 {
		t.Fatalf("merge of valid parts: %v\n%s", err, render(fs))
	}
	if len(p.Partners) != 3 || p.Partnership.Area != "Testshire" {
		t.Errorf("merged model lost data: %+v", p.Partnership)
	}
	// The same key in two files is an error naming both.
	write("c.toml", "[partnership]\narea = \"Elsewhere\"\n")
	_, fs, _ = Check(Options{Today: today}, dir)
	want := filepath.Join(dir, "c.toml") + ":2:1: error: partnership.area: partnership.area is defined in two files: " +
		filepath.Join(dir, "a.toml") + ":3 and " + filepath.Join(dir, "c.toml") + ":2"
	if len(fs) != 1 || fs[0].String() != want {
		t.Errorf("got %v\nwant %s", fs, want)
	}
}

func TestNothingToRead(t *testing.T) {
	if _, _, err := Check(Options{}, "no/such/file.toml"); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("err = %v", err)
	}
}

func check(name, src string) Findings {
	p, fs := Parse(name, src)
	if p != nil {
		fs = append(fs, p.Validate(Options{Today: today})...)
	}
	fs.Sort()
	return fs
}

func render(fs Findings) string {
	var b strings.Builder
	fs.WriteText(&b)
	return b.String()
}

// TestHistoryCopyMissing: a [[history]] entry's copy of the data must be
// there, relative to the file the entry is in.
func TestHistoryCopyMissing(t *testing.T) {
	dir := t.TempDir()
	text := strings.Replace(string(starter), `data = ""`, `data = "versions/1.0.toml"`, 1)
	path := filepath.Join(dir, "partnership.toml")
	os.WriteFile(path, []byte(text), 0o644)
	has := func() bool {
		_, fs, err := Check(Options{Today: today}, path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if f.Rule == "history.data-missing" && f.Path == "history[0].data" && f.Line > 0 {
				return true
			}
		}
		return false
	}
	if !has() {
		t.Fatal("a missing copy is not reported at its line")
	}
	os.MkdirAll(filepath.Join(dir, "versions"), 0o755)
	os.WriteFile(filepath.Join(dir, "versions", "1.0.toml"), starter, 0o644)
	if has() {
		t.Fatal("a copy that is there is reported missing")
	}
}
