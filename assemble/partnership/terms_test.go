package partnership

import (
	"strings"
	"testing"
	"time"
)

// TestTermsFollowTheDate: each changed name switches on its own day.
func TestTermsFollowTheDate(t *testing.T) {
	tests := []struct {
		day                          time.Time
		majesty, health, what, board string
	}{
		{day(2019, 9, 10), "Her Majesty's", "clinical commissioning group", "What Works Centre for Children's Social Care", "the Local Safeguarding Children Board"},
		{day(2019, 9, 29), "Her Majesty's", "clinical commissioning group", "What Works Centre for Children's Social Care", "the former Local Safeguarding Children Board"},
		{day(2022, 7, 1), "Her Majesty's", "Integrated Care Board", "What Works Centre for Children's Social Care", "the former Local Safeguarding Children Board"},
		{day(2022, 9, 7), "Her Majesty's", "Integrated Care Board", "What Works Centre for Children's Social Care", "the former Local Safeguarding Children Board"},
		{day(2022, 9, 8), "His Majesty's", "Integrated Care Board", "What Works Centre for Children's Social Care", "the former Local Safeguarding Children Board"},
		{day(2023, 6, 6), "His Majesty's", "Integrated Care Board", "Foundations (What Works Centre for Children and Families)", "the former Local Safeguarding Children Board"},
	}
	for _, tt := range tests {
		got := TermsAt(tt.day)
		if got.Majesty != tt.majesty || got.HealthBody != tt.health || got.WhatWorks != tt.what || got.Board != tt.board {
			t.Errorf("%s: %+v", tt.day.Format("2 January 2006"), got)
		}
		if got.Constabulary != tt.majesty+" Inspectorate of Constabulary and Fire & Rescue Services" {
			t.Errorf("%s: constabulary %q", tt.day.Format("2 January 2006"), got.Constabulary)
		}
	}
}

// TestOrderedParts: the partnership's order for the sections it names;
// each section it leaves out keeps its default place, before the section
// it precedes by default (never all appended after the glossary); unknown and
// repeated ids are validation errors.
func TestOrderedParts(t *testing.T) {
	p := &Partnership{Partnership: Profile{ArrangementsOrder: []string{"funding", "foreword", "funding"}}}
	got := p.OrderedParts()
	n := len(got)
	if n != len(ArrangementsParts) || indexOf(got, "funding") > indexOf(got, "foreword") || got[n-3] != "glossary" || got[n-2] != "history" || got[n-1] != "structure" {
		t.Errorf("order %v", got)
	}
	p.Partnership.ArrangementsOrder = []string{"foreword", "background", "partners", "aims", "governance", "glossary", "history"}
	got = p.OrderedParts()
	if i, j := indexOf(got, "governance"), indexOf(got, "relevant-agencies"); j != i+1 {
		t.Errorf("relevant agencies should follow governance, as by default: %v", got)
	}
	if i := indexOf(got, "legislation"); got[i-1] != "aims" {
		t.Errorf("legislation should follow aims: %v", got)
	}
	fs := check("o.toml", base[:len("[partnership]\n")]+"arrangements_order = [\"fundng\", \"foreword\", \"foreword\"]\n"+base[len("[partnership]\n"):])
	var rules []string
	for _, f := range fs {
		rules = append(rules, f.Rule)
	}
	if len(rules) != 2 || rules[0] != "order.unknown-section" || rules[1] != "order.duplicate" || fs[0].Line != 2 {
		t.Errorf("findings:\n%s", render(fs))
	}
}

// TestReportPeriodFindings: a year-only date with no [report] is a
// warning, not a guess; a period before in_force is a warning.
func TestReportPeriodFindings(t *testing.T) {
	src := replace(t, base, "date = 2019-09-10\n\n", "date = \"2019\"\n\n")
	src = replace(t, src, "[report]\nstart = 2019-09-10\nend = 2020-03-31\n", "")
	fs := check("r.toml", src)
	if len(fs) != 1 || fs[0].Rule != "report.period-unknown" || fs[0].Severity != Warning {
		t.Errorf("year-only date:\n%s", render(fs))
	}
	src = replace(t, base, "date = 2019-09-10\n\n", "date = 2019-09-10\nin_force = 2019-09-29\n\n")
	fs = check("r.toml", src)
	if len(fs) != 1 || fs[0].Rule != "report.before-arrangements" {
		t.Errorf("period before in_force:\n%s", render(fs))
	}
}

// replace replaces old once, and fails the test when old is not there.
func replace(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q is not in the text", old)
	}
	return strings.Replace(s, old, new, 1)
}

// TestExpectedSectionWarnings: each section the guidance expects warns when
// the data leaves it empty, and the partnership's own [points] (or [text])
// for it silence the warning.
func TestExpectedSectionWarnings(t *testing.T) {
	blocks := map[string]string{
		"expected.geography":           "[geography]\ndescription = \"The county of Testshire.\"\n",
		"expected.relevant-agencies":   "[[relevant_agencies]]\nname = \"Testshire schools\"\nsector = \"education\"\n",
		"expected.education":           "[education]\nplace = \"relevant-agency\"\n",
		"expected.youth-custody":       "[youth_custody]\nnone = true\n",
		"expected.disputes":            "[disputes]\npolicy = \"Testshire Escalation Policy\"\n",
		"expected.scrutiny":            "[scrutiny]\nled_by = \"scrutineer\"\nscrutineer = { title = \"Independent Scrutineer\" }\n",
		"expected.voice":               "[[voice]]\nname = \"Testshire Youth Forum\"\n",
		"expected.threshold":           "[procedures]\nthreshold = \"Testshire Threshold of Need\"\n",
		"expected.information-sharing": "[[data_sharing]]\nname = \"Testshire Information Sharing Agreement\"\nstatus = \"in-place\"\n",
		"expected.review":              "[review]\nlast = 2019-09-10\nnext = 2020-09-10\n",
	}
	for rule, block := range blocks {
		src := replace(t, base, block, "")
		fs := check("e.toml", src)
		if len(fs) != 1 || fs[0].Rule != rule || fs[0].Severity != Warning {
			t.Errorf("without %s:\n%s", rule, render(fs))
			continue
		}
		section := strings.TrimPrefix(rule, "expected.")
		if fs := check("e.toml", src+"\n[points]\n"+section+" = [\"Our own commitment.\"]\n"); len(fs) != 0 {
			t.Errorf("[points] %s does not silence the warning:\n%s", section, render(fs))
		}
	}
	// Child death review is expected from the 2023 edition on.
	src := replace(t, base, "edition = 2018\ndate = 2019-09-10", "edition = 2023\ndate = 2024-09-10")
	src = strings.ReplaceAll(src, `kind = "ccg"`, `kind = "icb"`)
	found := false
	for _, f := range check("e.toml", src) {
		found = found || f.Rule == "expected.child-death"
	}
	if !found {
		t.Error("a 2023 partnership without [child_death] is not warned")
	}
}
