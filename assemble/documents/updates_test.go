package documents

import (
	"reflect"
	"strings"
	"testing"

	"mou/assemble/partnership"
)

// The yearly report lists the history entries dated within its period, and
// no other.
func TestUpdatesWithinThePeriod(t *testing.T) {
	p, fs := partnership.Parse("u.toml", `[partnership]
name = "Testshire Safeguarding Children Partnership"
area = "Testshire"
edition = 2023
date = 2024-12-01

[report]
start = 2024-04-01
end = 2025-03-31

[[history]]
version = "1.0"
date = 2024-03-31
summary = "The day before the period."

[[history]]
version = "3.0"
date = 2025-03-31
summary = """
Partners: NHS Testshire Integrated Care Board in place of Testshire Clinical Commissioning Group.
Funding: 2024/25 £300 against 2023/24 £280.
"""

[[history]]
version = "2.0"
date = 2024-04-01
summary = "The first day of the period."
document = "arrangements"

[[history]]
version = "4.0"
date = 2025-04-01
summary = "The day after."
`)
	if p == nil {
		t.Fatal(fs)
	}
	got := NewView(p, YearlyReport).Updates
	want := []Update{
		{Version: "2.0", Document: "Multi-Agency Safeguarding Arrangements", Date: partnership.NewDate(2024, 4, 1), Summary: []string{"The first day of the period."}},
		{Version: "3.0", Document: "documents", Date: partnership.NewDate(2025, 3, 31), Summary: []string{
			"Partners: NHS Testshire Integrated Care Board in place of Testshire Clinical Commissioning Group.",
			"Funding: 2024/25 £300 against 2023/24 £280."}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// The built report carries them, in its section on updates.
func TestReportListsUpdates(t *testing.T) {
	files, err := Plan([]string{"../../data/herefordshire-2024.toml"}, Options{Out: t.TempDir(), Only: []string{YearlyReport}})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 {
		t.Fatalf("%d files planned", len(files))
	}
	// The reader puts spaces between runs: compare words.
	text := strings.Join(strings.Fields(visible(t, files[0].Data)), " ")
	if end := strings.LastIndex(text, "Appendix: what this report must cover"); end > 0 {
		text = text[:end] // the appendix names the sections too
	}
	i := strings.LastIndex(text, "Updates to the arrangements")
	if i < 0 {
		t.Fatalf("no section on updates:\n%s", text)
	}
	section := text[i:]
	if !strings.Contains(section, "Version 2.0 of the Memorandum of Understanding , December 2024 :") ||
		!strings.Contains(section, "NHS Herefordshire and Worcestershire Integrated Care Board replaces Herefordshire Clinical Commissioning Group") {
		t.Errorf("the 2.0 entry is not listed under updates:\n%s", section)
	}
	if strings.Contains(section, "Version 1.0") {
		t.Errorf("the 2019 entry is outside the 2024-25 period but listed")
	}
}
