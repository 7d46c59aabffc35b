package partnership

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// registerFindings validates base dated on day, with a linked board named
// board, and returns the register's findings.
func registerFindings(t *testing.T, day time.Time, board string) Findings {
	t.Helper()
	text := strings.Replace(base, "date = 2019-09-10\n", fmt.Sprintf("date = %s\n", day.Format("2006-01-02")), 1)
	text += fmt.Sprintf("\n[[boards]]\nname = %q\n", board)
	p, fs := Parse("reorg.toml", text)
	if p == nil {
		t.Fatalf("does not parse: %v", fs)
	}
	var out Findings
	for _, f := range p.Validate(Options{Today: today}) {
		if strings.HasPrefix(f.Rule, "register.") {
			out = append(out, f)
		}
	}
	return out
}

// sampleNames gives a ceased body and a successor of each entry: the first
// names listed, or for a class an invented member of it; successor is ""
// for successors decided but not yet named.
func sampleNames(r Reorganisation) (ceased, successor string) {
	ceased, successor = "Testshire Clinical Commissioning Group", "NHS Testshire Integrated Care Board"
	if len(r.Ceased) > 0 {
		ceased = r.Ceased[0]
	}
	switch {
	case len(r.Successors) > 0:
		successor = r.Successors[len(r.Successors)-1]
	case r.SuccessorPattern == "":
		successor = ""
	}
	return ceased, successor
}

// TestRegisterBoundaries checks every entry on both sides of its vesting day:
// the day before, a ceased body is quiet and a successor is an error; on the
// day, the ceased body is a warning naming the successors and the successor
// is quiet.
func TestRegisterBoundaries(t *testing.T) {
	if len(Register()) < 8 {
		t.Fatalf("the register has %d entries, want the eight of issue 9", len(Register()))
	}
	for _, r := range Register() {
		ceased, successor := sampleNames(r)
		dayBefore := r.Vesting.AddDate(0, 0, -1)
		t.Run(r.Name, func(t *testing.T) {
			if fs := registerFindings(t, dayBefore, ceased); len(fs) != 0 {
				t.Errorf("%s named the day before vesting: want no finding, got\n%s", ceased, render(fs))
			}
			fs := registerFindings(t, r.Vesting, ceased)
			if len(fs) != 1 || fs[0].Rule != "register.ceased" || fs[0].Severity != Warning {
				t.Fatalf("%s named on the vesting day: want one register.ceased warning, got\n%s", ceased, render(fs))
			}
			for _, want := range []string{ceased, r.Date(), r.SuccessorNames(), r.Source} {
				if !strings.Contains(fs[0].Message, want) {
					t.Errorf("warning %q does not say %q", fs[0].Message, want)
				}
			}
			if fs[0].File != "reorg.toml" || fs[0].Line == 0 || !strings.HasPrefix(fs[0].Path, "boards[") {
				t.Errorf("warning not located at the board: %s", fs[0])
			}
			if successor == "" {
				return // not yet named: nothing to find before the day
			}
			fs = registerFindings(t, dayBefore, successor)
			if len(fs) != 1 || fs[0].Rule != "register.not-yet" || fs[0].Severity != Error {
				t.Fatalf("%s named the day before vesting: want one register.not-yet error, got\n%s", successor, render(fs))
			}
			if !strings.Contains(fs[0].Message, successor) || !strings.Contains(fs[0].Message, r.Date()) {
				t.Errorf("error %q does not name %s and %s", fs[0].Message, successor, r.Date())
			}
			if fs := registerFindings(t, r.Vesting, successor); len(fs) != 0 {
				t.Errorf("%s named on the vesting day: want no finding, got\n%s", successor, render(fs))
			}
		})
	}
}

// A date known only to the month or year is judged by the days it may stand
// for: neither finding fires unless every one of them is on the wrong side.
func TestRegisterPartialDates(t *testing.T) {
	text := strings.Replace(base, "date = 2019-09-10\n", "date = \"2023\"\n", 1) +
		"\n[[boards]]\nname = \"Cumbria County Council\"\n[[boards]]\nname = \"Cumberland Council\"\n"
	p, _ := Parse("reorg.toml", text)
	for _, f := range p.Validate(Options{Today: today}) {
		if strings.HasPrefix(f.Rule, "register.") {
			t.Errorf("a document dated 2023 straddles 1 April 2023, so nothing is certain; got %s", f)
		}
	}
}

func TestRegisterWholeNames(t *testing.T) {
	var somerset Reorganisation
	for _, r := range Register() {
		if r.Name == "Somerset" {
			somerset = r
		}
	}
	tests := []struct {
		text string
		want bool
	}{
		{"Somerset Council", true},
		{"Somerset Council's Cabinet", true},
		{"the chief executive of Somerset Council", true},
		{"Partners: Somerset Council", true},
		{"North Somerset Council", false},
		{"Somerset Councils", false},
	}
	for _, tt := range tests {
		if _, got := somerset.NamesSuccessor(tt.text); got != tt.want {
			t.Errorf("NamesSuccessor(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// History, the predecessor and the glossary speak of the past: naming a body
// that has since ceased there is right.
func TestRegisterSkipsThePast(t *testing.T) {
	text := strings.Replace(base, "date = 2019-09-10\n", "date = 2024-01-10\npredecessor = \"the Buckinghamshire County Council board\"\n", 1) +
		"\n[[history]]\nversion = \"1.0\"\ndate = 2019-01-01\nsummary = \"Agreed by Buckinghamshire County Council.\"\n" +
		"\n[[glossary]]\nterm = \"BCC\"\nmeaning = \"Buckinghamshire County Council\"\n"
	p, _ := Parse("reorg.toml", text)
	for _, f := range p.Validate(Options{Today: today}) {
		if strings.HasPrefix(f.Rule, "register.") {
			t.Errorf("unexpected %s", f)
		}
	}
}

func TestSuccession(t *testing.T) {
	r, isSucc, found := Succession("Cumbria County Council", "Westmorland and Furness Council")
	if !found || !isSucc || r.Vesting != time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC) {
		t.Errorf("Cumbria → Westmorland and Furness: got %v %v %v", r.Name, isSucc, found)
	}
	if _, isSucc, found := Succession("Herefordshire Clinical Commissioning Group", "NHS Herefordshire and Worcestershire Integrated Care Board"); !found || !isSucc {
		t.Errorf("CCG → ICB not found in the register")
	}
	if _, isSucc, found := Succession("Cumbria County Council", "Dorset Council"); !found || isSucc {
		t.Errorf("Dorset Council is not Cumbria's successor")
	}
	if _, _, found := Succession("Herefordshire Council", "Herefordshire Council"); found {
		t.Errorf("Herefordshire Council is in no reorganisation")
	}
}

func TestParseRegisterRejects(t *testing.T) {
	for _, text := range []string{
		"[[reorganisation]]\nname = \"x\"\nvesting = 2020-01-01\nstatus = \"in force\"\nceased = [\"A\"]\nsuccessors = [\"B\"]\n", // no source
		"[[reorganisation]]\nname = \"x\"\nvesting = 2020-01-01\nstatus = \"maybe\"\nsource = \"s\"\nceased = [\"A\"]\nsuccessors = [\"B\"]\n",
		"[[reorganisation]]\nname = \"x\"\nvesting = 2020-01-01\nstatus = \"in force\"\nsource = \"s\"\nceased = [\"A\"]\n",
		"[[reorganisation]]\nname = \"x\"\nvesting = 2020-01-01\nstatus = \"in force\"\nsource = \"s\"\nceased = [\"A\"]\nsuccessors = [\"B\"]\nextra = 1\n",
	} {
		if _, err := parseRegister(text); err == nil {
			t.Errorf("parseRegister accepted\n%s", text)
		}
	}
}

func TestLiteralTail(t *testing.T) {
	for _, r := range Register() {
		for _, p := range []string{r.CeasedPattern, r.SuccessorPattern} {
			if p != "" && literalTail(p) == "" {
				t.Errorf("%s: the pattern %q ends in no plain words, so every string would run it", r.Name, p)
			}
		}
	}
	if got := literalTail(`(?:NHS )?(?:[A-Z][a-z]* )+Integrated Care Board`); got != "Integrated Care Board" {
		t.Errorf("literalTail = %q", got)
	}
}

// TestRegisterAnchorsCoverEveryName: the quick test validation runs before
// reading a string against the register passes every text that names a
// body of it, so it can only skip texts that name none.
func TestRegisterAnchorsCoverEveryName(t *testing.T) {
	anchors := registerAnchors()
	if anchors == nil {
		t.Skip("a pattern without a literal tail: no quick test is made")
	}
	passes := func(text string) bool {
		for _, a := range anchors {
			if strings.Contains(text, a) {
				return true
			}
		}
		return false
	}
	for _, r := range Register() {
		for _, n := range append(append([]string(nil), r.Ceased...), r.Successors...) {
			if text := "The partnership includes " + n + " as a partner."; !passes(text) {
				t.Errorf("%s: %q is skipped", r.Name, text)
			}
		}
		for _, tail := range []string{r.ceasedTail, r.successorTail} {
			if tail != "" && !passes("NHS Herefordshire "+tail) {
				t.Errorf("%s: a match of its pattern ending %q is skipped", r.Name, tail)
			}
		}
	}
	if passes("The partnership meets every quarter.") {
		t.Error("a text naming no body passes the quick test: it saves nothing")
	}
}

// userEntry is an invented reorganisation, in a team's own register: no
// such councils exist.
const userEntry = `# our own
[[reorganisation]]
name = "Eastmere and Westmere merged"
vesting = 2026-04-01
status = "decided"
source = "The Eastmere (Structural Changes) Order, invented for this test"
ceased = ["Eastmere Council"]
successors = ["Meresides Council"]
`

// checkWithRegister writes base, dated day and naming Eastmere Council as
// the body that runs the child death review, in a folder with the register
// (beside it, or elsewhere and named), and returns the register's findings.
func checkWithRegister(t *testing.T, day time.Time, register string, named bool) Findings {
	t.Helper()
	dir := t.TempDir()
	text := strings.Replace(base, "date = 2019-09-10\n", fmt.Sprintf("date = %s\n", day.Format("2006-01-02")), 1)
	text += "\n[[boards]]\nname = \"Eastmere Council\"\n"
	data := filepath.Join(dir, "eastmere.toml")
	if err := os.WriteFile(data, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	reg := filepath.Join(dir, RegisterFile)
	opts := Options{Today: today}
	if named {
		reg = filepath.Join(t.TempDir(), "ours.toml")
		opts.Register = reg
	}
	if err := os.WriteFile(reg, []byte(register), 0o644); err != nil {
		t.Fatal(err)
	}
	// The folder is read too: the register in it is not data.
	for _, path := range []string{data, dir} {
		p, fs, err := Check(opts, path)
		if err != nil || p == nil {
			t.Fatalf("%s: %v\n%s", path, err, render(fs))
		}
		var out Findings
		for _, f := range fs {
			if strings.HasPrefix(f.Rule, "register.") {
				out = append(out, f)
			}
		}
		if path == dir {
			return out
		}
	}
	return nil
}

// A team's register entry makes the abolished council's name a warning
// from its vesting date on, and not the day before.
func TestUserRegister(t *testing.T) {
	vesting := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	for _, named := range []bool{false, true} {
		if fs := checkWithRegister(t, vesting.AddDate(0, 0, -1), userEntry, named); len(fs) != 0 {
			t.Errorf("named=%v, the day before vesting: want no finding, got\n%s", named, render(fs))
		}
		fs := checkWithRegister(t, vesting, userEntry, named)
		if len(fs) != 1 || fs[0].Rule != "register.ceased" || fs[0].Severity != Warning || !strings.HasPrefix(fs[0].Path, "boards[") {
			t.Fatalf("named=%v, on the vesting day: want one register.ceased warning at the board, got\n%s", named, render(fs))
		}
		for _, want := range []string{"Eastmere Council ceased on 1 April 2026", "Meresides Council took over", "invented for this test"} {
			if !strings.Contains(fs[0].Message, want) {
				t.Errorf("warning %q does not say %q", fs[0].Message, want)
			}
		}
	}
	// Without the register, the name passes.
	if fs := registerFindings(t, vesting, "Eastmere Council"); len(fs) != 0 {
		t.Errorf("the built-in register knows Eastmere: %s", render(fs))
	}
}

// A team's register is checked as the built-in one is, each problem at its
// line; the entries without problems still count.
func TestUserRegisterProblems(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		line       int
		want       string
	}{
		{"bad status", userEntry + "\n[[reorganisation]]\nname = \"x\"\nvesting = 2020-01-01\nstatus = \"maybe\"\nsource = \"s\"\nceased = [\"A\"]\nsuccessors = [\"B\"]\n", 13, `status must be "in force" or "decided", not "maybe"`},
		{"unknown key", userEntry + "replaced = [\"X\"]\n", 9, "unknown key reorganisation.replaced"},
		{"no source", userEntry + "\n[[reorganisation]]\nname = \"x\"\nvesting = 2020-01-01\nstatus = \"in force\"\nceased = [\"A\"]\nsuccessors = [\"B\"]\n", 10, "entry 2 needs a name, a vesting date and a source"},
		{"syntax", userEntry + "vesting2 = 1 April 2026\n", 9, "the register is not valid TOML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := checkWithRegister(t, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), tc.text, false)
			var file Findings
			for _, f := range fs {
				if f.Rule == "register.file" {
					file = append(file, f)
				}
			}
			if len(file) != 1 || file[0].Severity != Error || file[0].Line != tc.line || !strings.HasSuffix(file[0].File, RegisterFile) || !strings.Contains(file[0].Message, tc.want) {
				t.Fatalf("want one error at %s:%d saying %q, got\n%s", RegisterFile, tc.line, tc.want, render(fs))
			}
			// The good entry still applies, unless the file does not read.
			ceased := slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == "register.ceased" })
			if ceased != (tc.name != "syntax") {
				t.Errorf("register.ceased found %v:\n%s", ceased, render(fs))
			}
		})
	}
}
