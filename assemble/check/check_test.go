package check

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"mou/assemble/check/items"
	"mou/assemble/documents"
	"mou/assemble/internal/golden"
	"mou/assemble/partnership"
	"mou/templates"
)

const complete = "testdata/complete.toml"

// minimal is a partnership that gives its three partners and nothing else.
var minimal = func() string {
	b, err := os.ReadFile("testdata/minimal.toml")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// today keeps validation's "not in the future" stable for the fixtures.
var today = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// base is the fixture's text: each case below changes one fact of it.
var base = func() string {
	b, err := os.ReadFile(complete)
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// checkText checks a variant of a data file written to a temporary folder.
func checkText(t *testing.T, text string, opts Options) *Result {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	opts.Today = today
	r, err := Run(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// dropLines removes lines first…last (1-based, inclusive), keeping the
// numbering of the lines before them.
func dropLines(text string, first, last int) string {
	lines := strings.Split(text, "\n")
	return strings.Join(append(lines[:first-1:first-1], lines[last:]...), "\n")
}

// replaceLine puts with in place of line n (1-based).
func replaceLine(text string, n int, with string) string {
	lines := strings.Split(text, "\n")
	lines[n-1] = with
	return strings.Join(lines, "\n")
}

func missingIDs(r *Result) []string {
	var ids []string
	for _, o := range r.Items {
		if o.Status == Missing {
			ids = append(ids, o.ID)
		}
	}
	return ids
}

func TestCompleteDataMeetsEveryItem(t *testing.T) {
	r := checkText(t, base, Options{})
	if len(r.Invalid) > 0 {
		t.Fatalf("the fixture is invalid: %v", r.Invalid)
	}
	for _, o := range r.Items {
		if o.Status == Missing {
			t.Errorf("%s is missing: %s", o.ID, o.Why)
		}
		if o.Status == NotApplicable && !strings.Contains(o.Why, "not yet set") {
			t.Errorf("%s is not applicable: %s", o.ID, o.Why)
		}
	}
	// Every item of the edition is listed, in the guidance's groups.
	want := 0
	for _, it := range items.All() {
		if it.InEdition(2023) {
			want++
		}
	}
	if len(r.Items) != want {
		t.Errorf("%d items listed, want %d", len(r.Items), want)
	}
}

// Each item: the data lacking exactly that fact gives exactly that finding
// (items that state one fact twice give both), located where the fact goes.
var dataCases = []struct {
	name    string
	data    string
	edition int
	want    []string // missing items
	path    string   // where the first finding points
	line    int      // 0: the file only (a table to add)
	message string
}{
	{"partners.lsp-named", strings.Replace(base, `lead = { name = "Cara Example", title = "Chief Executive" }`, `lead = { title = "Chief Executive" }`, 1), 0,
		[]string{"partners.lsp-named"}, "partners[1].lead.name", 27, "partners[1].lead.name is not given"},
	{"partners.dsp-named", strings.Replace(base, `delegate = { name = "Finn Example", title = "Assistant Chief Constable" }`, `delegate = { title = "Assistant Chief Constable" }`, 1), 0,
		[]string{"partners.dsp-named"}, "partners[2].delegate.name", 35, "partners[2].delegate.name is not given"},
	{"partners.chair", dropLines(base, 79, 79), 0,
		[]string{"partners.chair"}, "scrutiny.chair", 77, "scrutiny.chair is not given"},
	{"partners.education", dropLines(strings.Replace(strings.Replace(base, `sector = "education"`, `sector = "health"`, 1), "[points]\n", "[points]\neducation = [\"Schools take part through the Schools Forum.\"]\n", 1), 91, 92), 0,
		[]string{"partners.education"}, "education", 0, "education is not given"},
	{"arr.education", dropLines(base, 91, 92), 0,
		[]string{"arr.education"}, "education", 0, "education is not given"},
	{"arr.youth-custody", dropLines(base, 94, 95), 0,
		[]string{"arr.youth-custody"}, "youth_custody", 0, "youth_custody is not given"},
	{"arr.child-death", dropLines(base, 97, 98), 0,
		[]string{"arr.child-death"}, "child_death", 0, "child_death is not given"},
	{"arr.disputes", dropLines(base, 100, 101), 0,
		[]string{"arr.disputes"}, "disputes", 0, "disputes is not given"},
	{"arr.voice", dropLines(base, 103, 104), 0,
		[]string{"arr.voice"}, "voice", 0, "voice is not given"},
	{"arr.threshold", strings.Replace(base, `threshold = "Riverside Threshold of Need"`, `manual = "Riverside Procedures"`, 1), 0,
		[]string{"arr.threshold", "arr.threshold-signoff"}, "procedures.threshold", 106, "procedures.threshold is not given"},
	{"arr.work-together", dropLines(base, 46, 50), 0,
		[]string{"arr.work-together"}, "meetings", 0, "meetings is not given"},
	{"arr.scrutiny", dropLines(base, 78, 79), 2018,
		[]string{"arr.scrutiny"}, "scrutiny.scrutineer", 77, "scrutiny.scrutineer is not given"},
	{"arr.geography", dropLines(base, 12, 14), 0,
		[]string{"arr.geography"}, "geography", 0, "geography is not given"},
	{"arr.relevant-agencies", dropLines(base, 37, 44), 2018,
		[]string{"arr.relevant-agencies"}, "relevant_agencies", 0, "relevant_agencies is not given"},
	{"arr.funding", dropLines(base, 56, 69), 2018,
		[]string{"arr.funding"}, "funding", 0, "funding is not given"},
	{"arr.contributions", dropLines(base, 67, 69), 0,
		[]string{"arr.contributions"}, "funding[0].rows", 59, "partners[2].id (police) is not among funding[].rows[].partner"},
	{"arr.budget-signoff", dropLines(base, 56, 69), 0,
		[]string{"arr.funding", "arr.contributions", "arr.budget-signoff"}, "funding", 0, "funding is not given"},
	{"arr.report-location", dropLines(dropLines(base, 84, 84), 9, 9), 0,
		[]string{"arr.report-location", "report.availability"}, "partnership.website", 3, "partnership.website is not given"},
	{"arr.lsp-signoff", strings.Replace(base, `document = "arrangements"`, `document = "mou"`, 1), 0,
		[]string{"arr.lsp-signoff", "arr.threshold-signoff"}, "endorsements", 71, "no endorsements has document = arrangements"},
	{"report.yearly", dropLines(base, 81, 89), 0,
		[]string{"report.yearly", "report.send"}, "report", 0, "report is not given"},
	{"arr.reviews", dropLines(base, 127, 127), 0,
		[]string{"arr.reviews", "arr.review-process"}, "points.reviews", 126, "points.reviews is not given"},
	{"arr.training", dropLines(base, 128, 128), 0,
		[]string{"arr.training"}, "points.training", 126, "points.training is not given"},
	{"arr.audit", dropLines(base, 116, 118), 0,
		[]string{"arr.audit"}, "audits", 0, "audits is not given"},
	{"arr.data", dropLines(base, 112, 114), 0,
		[]string{"arr.data"}, "data_sharing", 0, "data_sharing is not given"},
	{"report.activity", dropLines(base, 131, 131), 0,
		[]string{"report.activity"}, "text.activity", 130, "text.activity is not given"},
	{"report.effectiveness", dropLines(base, 132, 132), 0,
		[]string{"report.effectiveness"}, "text.effectiveness", 130, "text.effectiveness is not given"},
	{"report.impact", dropLines(base, 133, 133), 0,
		[]string{"report.impact"}, "text.impact", 130, "text.impact is not given"},
	{"report.no-progress", dropLines(base, 134, 134), 0,
		[]string{"report.no-progress"}, "text.no-progress", 130, "text.no-progress is not given"},
	{"report.review-actions", dropLines(base, 135, 135), 0,
		[]string{"report.review-actions"}, "text.review-actions", 130, "text.review-actions is not given"},
	{"report.feedback", dropLines(base, 136, 136), 0,
		[]string{"report.feedback"}, "text.feedback", 130, "text.feedback is not given"},
	{"report.restraint", dropLines(base, 137, 137), 0,
		[]string{"report.restraint"}, "text.restraint", 130, "text.restraint is not given"},
	{"report.arrangement-updates", dropLines(base, 138, 138), 0,
		[]string{"report.arrangement-updates"}, "text.arrangement-updates", 130, "text.arrangement-updates is not given"},
	{"report.send", dropLines(base, 85, 85), 0,
		[]string{"report.send"}, "report.published", 81, "report.published is not given"},
	{"report.signoff", dropLines(base, 120, 124), 0,
		[]string{"report.signoff"}, "endorsements", 71, "no endorsements has document = report"},
	// A placeholder is not a value: the item it alone evidences is missing,
	// and the message says why.
	{"placeholder lead name", strings.Replace(base, `name = "Cara Example"`, `name = "A. Person"`, 1), 0,
		[]string{"partners.lsp-named"}, "partners[1].lead.name", 27, `partners[1].lead.name looks like a placeholder ("A. Person"), so it counts as not given`},
	{"placeholder scrutineer", strings.Replace(dropLines(base, 79, 79), `scrutineer = { name = "Gail Example", title = "Independent Scrutineer" }`, `scrutineer = { name = "TBC" }`, 1), 2018,
		[]string{"arr.scrutiny"}, "scrutiny.scrutineer.name", 78, `scrutiny.scrutineer.name looks like a placeholder ("TBC"), so it counts as not given`},
	{"placeholder signatory", strings.Replace(base, `signatory = "Ann Example"
title = "Chief Executive"
document = "report"`, `signatory = "[name]"
title = "Chief Executive"
document = "report"`, 1), 0,
		[]string{"report.signoff"}, "endorsements[1].signatory", 122, `endorsements[1].signatory looks like a placeholder ("[name]"), so it counts as not given`},
	{"placeholder points", replaceLine(base, 128, `training = ["To be confirmed"]`), 0,
		[]string{"arr.training"}, "points.training[0]", 128, `points.training[0] looks like a placeholder ("To be confirmed"), so it counts as not given`},
}

func TestEachItemMissingFromTheData(t *testing.T) {
	for _, tt := range dataCases {
		t.Run(tt.name, func(t *testing.T) {
			r := checkText(t, tt.data, Options{Edition: tt.edition})
			if len(r.Invalid) > 0 {
				t.Fatalf("the variant is invalid: %v", r.Invalid)
			}
			if got := missingIDs(r); !slices.Equal(got, tt.want) {
				t.Fatalf("missing %v, want %v", got, tt.want)
			}
			for _, o := range r.Items {
				if o.ID != tt.want[0] {
					continue
				}
				f := o.Add[0]
				if f.Path != tt.path || f.Line != tt.line || f.Message != tt.message || f.Rule != o.ID || !strings.HasSuffix(f.File, "p.toml") || f.Hint == "" {
					t.Errorf("finding %+v\nwant path %s, line %d, message %q", f, tt.path, tt.line, tt.message)
				}
				wantSev := "warning"
				if o.Level == items.Must {
					wantSev = "error"
				}
				if f.Severity.String() != wantSev {
					t.Errorf("severity %s, want %s", f.Severity, wantSev)
				}
			}
		})
	}
}

// The statutory partners and their leads are checked by validation: data
// lacking one is invalid and is not checked, its error says where.
var invalidCases = []struct {
	name string
	data string
	rule string
	line int
}{
	{"partners.local-authority", strings.Replace(base, `kind = "local-authority"`, `kind = "police"`, 1), "partners.statutory", 16},
	{"partners.police", dropLines(dropLines(base, 67, 69), 30, 35), "partners.statutory", 16},
	{"partners.health", dropLines(dropLines(base, 63, 65), 23, 28), "partners.statutory", 16},
	{"arr.partners", dropLines(base, 20, 20), "field.required", 16},
}

func TestMissingPartnerIsInvalid(t *testing.T) {
	for _, tt := range invalidCases {
		t.Run(tt.name, func(t *testing.T) {
			r := checkText(t, tt.data, Options{})
			if len(r.Invalid) != 1 || r.Invalid[0].Rule != tt.rule || r.Invalid[0].Line != tt.line || len(r.Items) != 0 || !r.Failed(false) {
				t.Errorf("got %+v", r.Invalid)
			}
		})
	}
}

func TestConditionAndDates(t *testing.T) {
	r := checkText(t, strings.Replace(base, "secure_establishment = true", "secure_establishment = false", 1), Options{})
	o := outcome(t, r, "report.restraint")
	if o.Status != NotApplicable || !strings.Contains(o.Why, "no secure establishment") {
		t.Errorf("restraint: %+v", o)
	}

	// An Act's commencement is an edit to the table: give the item a date.
	for _, act := range actCases {
		dated := func(from time.Time) []items.Item {
			out := slices.Clone(items.All())
			for i := range out {
				if out[i].ID == act.id {
					out[i].From = from
				}
			}
			return out
		}
		before, after := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC)
		r = checkText(t, base, Options{Items: dated(before)})
		if o := outcome(t, r, act.id); o.Status != Met {
			t.Errorf("%s in force before the documents' date: %+v", act.id, o)
		}
		r = checkText(t, act.without, Options{Items: dated(before)})
		if o := outcome(t, r, act.id); o.Status != Missing || o.Add[0].Severity.String() != "error" || !r.Failed(false) {
			t.Errorf("%s in force and missing: %+v", act.id, o)
		}
		r = checkText(t, base, Options{Items: dated(after)})
		if o := outcome(t, r, act.id); o.Status != NotApplicable || !strings.Contains(o.Why, "applies from 1 September 2027") || !strings.Contains(o.Why, "dated 1 April 2025") {
			t.Errorf("%s in force after the documents' date: %+v", act.id, o)
		}
		if o := outcome(t, checkText(t, base, Options{}), act.id); o.Status != NotApplicable || !strings.Contains(o.Why, "day not yet set") {
			t.Errorf("%s without a date: %+v", act.id, o)
		}
	}
}

// The duties of an Act that start on a day regulations set, each with the
// data lacking what it asks.
var actCases = []struct{ id, without string }{
	{"arr.education-agencies", strings.Replace(base, `sector = "education"`, `sector = "health"`, 1)},
	{"arr.child-protection-teams", dropLines(base, 52, 54)},
}

// Every item of the table has a test above: its data missing, its section
// deleted from a template, or its condition or date.
func TestEveryItemHasATest(t *testing.T) {
	tested := map[string]bool{"report.restraint": true} // TestConditionAndDates
	for _, c := range dataCases {
		for _, id := range c.want {
			tested[id] = true
		}
	}
	for _, c := range invalidCases {
		tested[c.name] = true
	}
	for _, c := range sectionCases {
		for _, id := range c.want {
			tested[id] = true
		}
	}
	for _, c := range actCases {
		tested[c.id] = true
	}
	for _, it := range items.All() {
		if !tested[it.ID] {
			t.Errorf("%s has no test", it.ID)
		}
	}
}

func outcome(t *testing.T, r *Result, id string) Outcome {
	t.Helper()
	for _, o := range r.Items {
		if o.ID == id {
			return o
		}
	}
	t.Fatalf("no item %s", id)
	return Outcome{}
}

// A user's template with one section deleted: the items that section
// carries are missing, and nothing else is.
var sectionCases = []struct {
	template, heading string
	want              []string
}{
	{"arrangements.docx", "The statutory partners", []string{"partners.local-authority", "partners.health", "partners.police", "partners.lsp-named", "partners.dsp-named", "partners.chair", "arr.partners"}},
	{"arrangements.docx", "Relevant agencies", []string{"arr.relevant-agencies"}},
	{"arrangements.docx", "Governance", []string{"arr.work-together"}},
	{"arrangements.docx", "Local child safeguarding practice reviews", []string{"arr.reviews", "arr.review-process"}},
	{"arrangements.docx", "Independent scrutiny", []string{"arr.scrutiny"}},
	{"arrangements.docx", "Geographical area", []string{"arr.geography"}},
	{"arrangements.docx", "Schools and education", []string{"partners.education", "arr.education"}},
	{"arrangements.docx", "Youth custody and residential homes", []string{"arr.youth-custody"}},
	{"arrangements.docx", "Data and intelligence", []string{"arr.data"}},
	{"arrangements.docx", "Training", []string{"arr.training"}},
	{"arrangements.docx", "Multi-agency audit", []string{"arr.audit"}},
	{"arrangements.docx", "Funding", []string{"arr.funding", "arr.contributions", "arr.budget-signoff"}},
	{"arrangements.docx", "Voice of children and families", []string{"arr.voice"}},
	{"arrangements.docx", "Threshold of need", []string{"arr.threshold", "arr.threshold-signoff"}},
	{"arrangements.docx", "Review of the arrangements", []string{"arr.report-location"}},
	{"arrangements.docx", "Dispute resolution", []string{"arr.disputes"}},
	{"arrangements.docx", "Child death review", []string{"arr.child-death"}},
	{"arrangements.docx", "Foreword", []string{"arr.lsp-signoff"}},
	{"annual-report.docx", "About this report", []string{"report.yearly", "report.availability", "report.send"}},
	{"annual-report.docx", "What the partners did as a result of the arrangements", []string{"report.activity", "report.review-actions"}},
	{"annual-report.docx", "How effective the arrangements have been", []string{"report.effectiveness"}},
	{"annual-report.docx", "Impact on outcomes for children and families", []string{"report.impact"}},
	{"annual-report.docx", "Where progress has been slow", []string{"report.no-progress"}},
	{"annual-report.docx", "Listening to children and families", []string{"report.feedback"}},
	{"annual-report.docx", "Use of restraint in the secure establishment", []string{"report.restraint"}},
	{"annual-report.docx", "Updates to the arrangements", []string{"report.arrangement-updates"}},
	{"annual-report.docx", "Sign-off", []string{"report.signoff"}},
}

func TestDeletedSectionIsCaught(t *testing.T) {
	for _, tt := range sectionCases {
		t.Run(tt.heading, func(t *testing.T) {
			dir := t.TempDir()
			def, _, err := templates.Read("", tt.template)
			if err != nil {
				t.Fatal(err)
			}
			edited := deleteSection(t, def, tt.heading)
			path := filepath.Join(dir, tt.template)
			if err := os.WriteFile(path, edited, 0o644); err != nil {
				t.Fatal(err)
			}
			r := checkText(t, base, Options{Templates: dir})
			if got := missingIDs(r); !slices.Equal(got, tt.want) {
				t.Fatalf("missing %v, want %v", got, tt.want)
			}
			o := outcome(t, r, tt.want[0])
			if f := o.Add[0]; f.File != path || !strings.Contains(f.Message, "no section headed") {
				t.Errorf("finding %+v, want one naming %s", f, path)
			}
		})
	}
}

func TestEmptiedSectionAndUnprintedValue(t *testing.T) {
	def, _, err := templates.Read("", "arrangements.docx")
	if err != nil {
		t.Fatal(err)
	}
	// The scrutiny section keeps its heading but loses every paragraph.
	edited := deleteSection(t, def, "Independent scrutiny")
	heading := func(text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	edited = editDocument(t, edited, func(doc string) string {
		if !strings.Contains(doc, heading("Data and intelligence")) {
			t.Fatal("the next heading is not where the test expects it")
		}
		return strings.Replace(doc, heading("Data and intelligence"), heading("Independent scrutiny")+heading("Data and intelligence"), 1)
	})
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "arrangements.docx"), edited, 0o644)
	r := checkText(t, base, Options{Templates: dir})
	if o := outcome(t, r, "arr.scrutiny"); o.Status != Missing || !strings.Contains(o.Why, "is empty") {
		t.Errorf("emptied section: %+v", o)
	}

	// The relevant agencies section no longer prints the agencies' names.
	edited = editDocument(t, def, func(doc string) string {
		// Each agency's line becomes "an agency": the names are gone.
		const line = `{{#each lines}}</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t xml:space="preserve">{{this}}`
		if !strings.Contains(doc, line) {
			t.Fatal("the agencies' lines are not where the test expects them")
		}
		return strings.Replace(doc, line, strings.Replace(line, "{{this}}", "an agency", 1), 1)
	})
	os.WriteFile(filepath.Join(dir, "arrangements.docx"), edited, 0o644)
	r = checkText(t, base, Options{Templates: dir})
	if o := outcome(t, r, "arr.relevant-agencies"); o.Status != Missing || !strings.Contains(o.Why, `does not print relevant_agencies[0].name ("Riverside schools and colleges")`) {
		t.Errorf("unprinted value: %+v", o)
	}

	// The report's section no longer prints [text] activity: its
	// placeholder is not the partnership's wording, so the item is missing.
	report, _, err := templates.Read("", "annual-report.docx")
	if err != nil {
		t.Fatal(err)
	}
	edited = editDocument(t, report, func(doc string) string {
		if !strings.Contains(doc, "{{#each text.activity}}") {
			t.Fatal("the report template does not print text.activity as the test expects")
		}
		doc = strings.ReplaceAll(doc, "{{#each text.activity}}", "{{#each text.nothing}}")
		return strings.ReplaceAll(doc, "{{#unless has.activity}}", "{{#unless has.nothing}}")
	})
	os.WriteFile(filepath.Join(dir, "annual-report.docx"), edited, 0o644)
	r = checkText(t, base, Options{Templates: dir})
	if o := outcome(t, r, "report.activity"); o.Status != Missing || !strings.Contains(o.Why, "holds only prompts") || o.Add[0].File != filepath.Join(dir, "annual-report.docx") {
		t.Errorf("prompts only: %+v", o)
	}
}

// The three example partnerships' reports, kept as golden files.
func TestExamples(t *testing.T) {
	for _, name := range []string{"herefordshire-2019", "westmorland-and-furness-2025", "cumbria-2019"} {
		t.Run(name, func(t *testing.T) {
			r, err := runFromRoot(t, "data/"+name+".toml")
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			r.WriteText(&b)
			golden.Check(t, "testdata/"+name+".golden", b.String())
		})
	}
	r, err := runFromRoot(t, "data/herefordshire-2019.toml")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	WriteJSON(&b, []*Result{r})
	golden.Check(t, "testdata/herefordshire-2019.json", b.String())
}

// runFromRoot checks a file named from the repository's root, as a user
// runs mou, so the reports name data/….
func runFromRoot(t *testing.T, path string) (*Result, error) {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir("../.."); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	return Run(path, Options{Today: today})
}

func TestItemPatternsNameTheDataModel(t *testing.T) {
	for _, it := range items.All() {
		for _, n := range it.Needs {
			if _, err := parseNeed(n); err != nil {
				t.Errorf("%s: %v", it.ID, err)
			}
		}
		for _, s := range append(append(slices.Clone(it.Shows), it.Evidence...), it.When) {
			for _, alt := range strings.Split(s, "|") {
				if alt = strings.TrimSpace(alt); alt != "" {
					if err := items.CheckPattern(alt); err != nil {
						t.Errorf("%s: %v", it.ID, err)
					}
				}
			}
		}
	}
	if err := items.CheckPattern("partners[].nickname"); err == nil {
		t.Error("a field the model lacks is accepted")
	}
	if err := items.CheckPattern("geography[].description"); err == nil {
		t.Error("[] on a table that is not a list is accepted")
	}
}

func TestUnknownEdition(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.toml")
	os.WriteFile(path, []byte(base), 0o644)
	if _, err := Run(path, Options{Edition: 2015, Today: today}); err == nil || !strings.Contains(err.Error(), "choose 2018 or 2023") {
		t.Errorf("got %v", err)
	}
}

// deleteSection removes a heading and what follows it up to the next
// heading of the same or a higher level, as a user deleting a section in
// Word would, keeping only paragraphs that hold nothing but block tags (a
// user leaving {{/if}} in place) so the template stays well formed.
func deleteSection(t *testing.T, docx []byte, heading string) []byte {
	t.Helper()
	found := false
	out := editDocument(t, docx, func(doc string) string {
		start := strings.Index(doc, "<w:body>") + len("<w:body>")
		end := strings.LastIndex(doc, "<w:sectPr")
		var b strings.Builder
		b.WriteString(doc[:start])
		deleting := 0 // level of the heading being deleted
		for _, el := range topLevel(t, doc[start:end]) {
			lvl := headingLevel(el)
			if deleting > 0 && lvl > 0 && lvl <= deleting {
				deleting = 0
			}
			if deleting == 0 && lvl > 0 && visibleText(el) == heading {
				deleting, found = lvl, true
			}
			if deleting == 0 || tagsOnly.MatchString(visibleText(el)) {
				b.WriteString(el)
			}
		}
		b.WriteString(doc[end:])
		return b.String()
	})
	if !found {
		t.Fatalf("no heading %q in the template", heading)
	}
	return out
}

var (
	tagsOnly  = regexp.MustCompile(`^(\{\{(#|/|else)[^}]*\}\})+$`)
	styleRE   = regexp.MustCompile(`<w:pStyle w:val="Heading(\d)"/>`)
	wtRE      = regexp.MustCompile(`(?s)<w:t(?: [^>]*)?>(.*?)</w:t>`)
	unescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")
)

func headingLevel(el string) int {
	if !strings.HasPrefix(el, "<w:p") || strings.HasPrefix(el, "<w:tbl") {
		return 0
	}
	if m := styleRE.FindStringSubmatch(el); m != nil {
		return int(m[1][0] - '0')
	}
	return 0
}

func visibleText(el string) string {
	var b strings.Builder
	for _, m := range wtRE.FindAllStringSubmatch(el, -1) {
		b.WriteString(m[1])
	}
	return unescaper.Replace(b.String())
}

// topLevel splits the body's XML into its child elements.
func topLevel(t *testing.T, body string) []string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(body))
	var out []string
	depth, start := 0, int64(0)
	for {
		off := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				start = off
			}
			depth++
		case xml.EndElement:
			depth--
			if depth == 0 {
				out = append(out, body[start:d.InputOffset()])
			}
		}
	}
}

// editDocument rewrites word/document.xml of a .docx.
func editDocument(t *testing.T, docx []byte, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			b = []byte(edit(string(b)))
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// A section's own wording in [text] is where the item is met.
func TestLocalWordingIsTheEvidence(t *testing.T) {
	r := checkText(t, strings.Replace(base, "[text]\n", "[text]\ndata = \"We share a dataset across the partners.\"\n", 1), Options{})
	o := outcome(t, r, "arr.data")
	if o.Status != Met || len(o.Data) != 2 || o.Data[1].Path != "text.data" || o.Data[1].Line != 131 {
		t.Errorf("got %+v, want text.data at line 131", o)
	}
	// [points] beside the default wording stand for the structured data.
	r = checkText(t, strings.Replace(dropLines(base, 94, 95), "[points]\n", "[points]\nyouth-custody = [\"No child is placed in custody in the area.\"]\n", 1), Options{})
	if o := outcome(t, r, "arr.youth-custody"); o.Status != Met || o.Data[0].Path != "points.youth-custody" {
		t.Errorf("got %+v", o)
	}
	// An item whose only data is the section's [points] is met there, and
	// the report names the key and its line.
	r = checkText(t, base, Options{})
	o = outcome(t, r, "arr.training")
	if o.Status != Met || len(o.Data) != 1 || o.Data[0].Path != "points.training" || o.Data[0].Line != 128 || !strings.HasSuffix(o.Data[0].File, "p.toml") {
		t.Errorf("got %+v, want points.training at line 128", o)
	}
	var b bytes.Buffer
	r.WriteText(&b)
	if want := "met      arr.training (should) how inter-agency training is commissioned, delivered and monitored: points.training (" + o.Data[0].File + ":128) → arrangements › Training\n"; !strings.Contains(b.String(), want) {
		t.Errorf("the report does not say %q:\n%s", want, b.String())
	}
}

// A partnership that gives only its partners meets only what its partners
// evidence: no item is met by the template's general wording, a prompt or
// a placeholder.
func TestMinimalDataMeetsOnlyWhatItSays(t *testing.T) {
	r := checkText(t, minimal, Options{})
	if len(r.Invalid) > 0 {
		t.Fatalf("the fixture is invalid: %v", r.Invalid)
	}
	var met []string
	for _, o := range r.Items {
		if o.Status != Met {
			continue
		}
		met = append(met, o.ID)
		if len(o.Data) == 0 {
			t.Errorf("%s is met with no data", o.ID)
		}
		for _, d := range o.Data {
			if !strings.HasPrefix(d.Path, "partners[") || d.Line == 0 {
				t.Errorf("%s is met by %s, which the minimal data does not give", o.ID, d)
			}
		}
	}
	want := []string{"partners.local-authority", "partners.health", "partners.police", "partners.lsp-named", "arr.partners"}
	if !slices.Equal(met, want) {
		t.Errorf("met %v, want only %v", met, want)
	}
	var b bytes.Buffer
	r.WriteText(&b)
	for _, word := range []string{"template wording", "prompts only"} {
		if strings.Contains(b.String(), word) {
			t.Errorf("the report says %q:\n%s", word, b.String())
		}
	}
	// Each missing item says what to add.
	for _, o := range r.Items {
		if o.Status == Missing && (len(o.Add) == 0 || !strings.Contains(o.Add[0].Hint, "add ")) {
			t.Errorf("%s is missing without saying what to add: %+v", o.ID, o.Add)
		}
	}

	// The same partners with placeholder names: the leads are not named.
	r = checkText(t, strings.NewReplacer(`"Ann Example"`, `"A. Person"`, `"Cara Example"`, `"TBC"`, `"Eve Example"`, `"A N Other"`).Replace(minimal), Options{})
	o := outcome(t, r, "partners.lsp-named")
	if o.Status != Missing || len(o.Add) != 3 {
		t.Fatalf("placeholder leads: %+v", o)
	}
	for i, f := range o.Add {
		if !strings.Contains(f.Message, "looks like a placeholder") || f.Line == 0 {
			t.Errorf("finding %d: %+v", i, f)
		}
	}
}

// The yearly report ends with a table of the items it must cover and
// where; each place it names is a heading of the same report.
func TestReportAppendix(t *testing.T) {
	for _, secure := range []bool{true, false} {
		text := base
		if !secure {
			text = strings.Replace(text, "secure_establishment = true", "secure_establishment = false", 1)
		}
		p, findings := partnership.Parse("p.toml", text)
		if findings.Errors() > 0 {
			t.Fatal(findings)
		}
		b, _, err := documents.Render(p, documents.YearlyReport, "")
		if err != nil {
			t.Fatal(err)
		}
		o, err := readOutline(b)
		if err != nil {
			t.Fatal(err)
		}
		app, ok := o.find([]string{"Appendix: what this report must cover"})
		if !ok {
			t.Fatal("the report has no appendix")
		}
		if last := o[len(o)-len(app.body)-1]; last.text != app.heading {
			t.Error("the appendix is not the report's last section")
		}
		listed := 0
		for _, it := range items.All() {
			if it.Document != "report" || !it.InEdition(2023) {
				continue
			}
			row := strings.Contains(app.text(), capitalise(it.About)+" "+it.Level+" "+it.Headings[0])
			applies := it.NotApplicable(p) == ""
			if row != applies {
				t.Errorf("secure=%v: %s listed %v, applies %v", secure, it.ID, row, applies)
			}
			if _, ok := o.find(it.Headings); applies && !ok {
				t.Errorf("the appendix names %q, which the report does not have", it.Headings[0])
			}
			if row {
				listed++
			}
		}
		if listed < 10 {
			t.Errorf("secure=%v: only %d rows", secure, listed)
		}
	}
}

func capitalise(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// README.md shows the Herefordshire example's report as mou prints it;
// go test -update copies the golden file into it.
func TestReadmeShowsTheExample(t *testing.T) {
	const readmePath, start = "../../README.md", "$ mou check data/herefordshire-2019.toml\n"
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/herefordshire-2019.golden")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	i := strings.Index(text, start)
	if i < 0 {
		t.Fatal("README.md has no mou check example")
	}
	i += len(start)
	j := i + strings.Index(text[i:], "```")
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		text = text[:i] + string(want) + text[j:]
		if err := os.WriteFile(readmePath, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if text[i:j] != string(want) {
		t.Error("README.md's mou check example differs from testdata/herefordshire-2019.golden (go test -update copies it)")
	}
}

// A partnership kept in a folder: a fact is located in the file that holds
// its table, and a table no file has is to be added to the folder.
func TestFolder(t *testing.T) {
	dir := t.TempDir()
	i := strings.Index(base, "[[partners]]")
	os.WriteFile(filepath.Join(dir, "a.toml"), []byte(dropLines(base[:i], 12, 14)), 0o644)
	os.WriteFile(filepath.Join(dir, "b.toml"), []byte(strings.Replace(base[i:], `delegate = { name = "Finn Example", title = "Assistant Chief Constable" }`, `delegate = { title = "Assistant Chief Constable" }`, 1)), 0o644)
	r, err := Run(dir, Options{Today: today})
	if err != nil || len(r.Invalid) > 0 {
		t.Fatal(err, r.Invalid)
	}
	if got := missingIDs(r); !slices.Equal(got, []string{"partners.dsp-named", "arr.geography"}) {
		t.Fatalf("missing %v", got)
	}
	if f := outcome(t, r, "partners.dsp-named").Add[0]; f.File != filepath.Join(dir, "b.toml") || f.Line != 35-16+1 {
		t.Errorf("delegate: %s:%d", f.File, f.Line)
	}
	if f := outcome(t, r, "arr.geography").Add[0]; f.File != dir || f.Line != 0 {
		t.Errorf("geography: %s:%d", f.File, f.Line)
	}
}

// --edition 2023 asks of 2018 data what the 2023 edition would: its own
// items appear, and the documents are rendered with its terms.
func TestOtherEdition(t *testing.T) {
	base := strings.Replace(base, "edition = 2023", "edition = 2018", 1)
	r18 := checkText(t, base, Options{})
	r23 := checkText(t, base, Options{Edition: 2023})
	if r18.Edition != 2018 || r23.Edition != 2023 || len(r23.Items) <= len(r18.Items) {
		t.Fatalf("2018: %d items, 2023: %d items", len(r18.Items), len(r23.Items))
	}
	for _, o := range r18.Items {
		if o.ID == "report.signoff" {
			t.Error("a 2023 item is checked under 2018")
		}
	}
	if o := outcome(t, r23, "report.signoff"); o.Status != Met {
		t.Errorf("report.signoff: %+v", o)
	}
}
