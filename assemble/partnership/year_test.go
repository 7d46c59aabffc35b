package partnership

import (
	"strings"
	"testing"
	"time"
)

// The year's figures are checked as funding is: amounts never negative,
// published totals the sum of their rows, attendance never above the
// meetings held, partners that exist, and a statement someone gave.
func TestYearRules(t *testing.T) {
	base := `
[partnership]
name = "Test Safeguarding Children Partnership"
area = "Testshire"
edition = 2023
date = 2025-06-01

[[partners]]
id = "council"
kind = "local-authority"
organisation = "Testshire Council"
lead = { name = "A Lead", title = "Chief Executive" }
[[partners]]
id = "icb"
kind = "icb"
organisation = "Testshire ICB"
lead = { name = "B Lead", title = "Chief Executive" }
[[partners]]
id = "police"
kind = "police"
organisation = "Testshire Police"
lead = { name = "C Lead", title = "Chief Constable" }
`
	for _, tc := range []struct{ name, year, rule, path string }{
		{"negative", "[year.spending]\n[[year.spending.rows]]\npartner = \"council\"\nagreed = -5\nspent = 0\n", "money.negative", "year.spending.rows[0].agreed"},
		{"total", "[year.spending]\nagreed_total = 100\n[[year.spending.rows]]\npartner = \"council\"\nagreed = 90\nspent = 90\n", "year.total-mismatch", "year.spending.agreed_total"},
		{"spent total", "[year.spending]\nspent_total = 80\n[[year.spending.rows]]\npartner = \"council\"\nagreed = 90\nspent = 90\n", "year.total-mismatch", "year.spending.spent_total"},
		{"attendance", "[[year.attendance]]\npartner = \"police\"\nattended = 6\nof = 5\n", "year.attendance", "year.attendance[0].attended"},
		{"partner", "[[year.attendance]]\npartner = \"fire\"\nattended = 1\nof = 5\n", "ref.partner", "year.attendance[0].partner"},
		{"statement", "[year.scrutiny]\nstatement = \"All is well.\"\n", "year.statement-by", "year.scrutiny.statement"},
		{"count", "[year.reviews]\nrapid = -1\n", "", "year.reviews.rapid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, fs := Parse("year.toml", base+tc.year)
			if p != nil {
				fs = append(fs, p.Validate(Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})...)
			}
			for _, f := range fs {
				if f.Path == tc.path && (tc.rule == "" || f.Rule == tc.rule) && f.Severity == Error {
					return
				}
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.Rule+" "+f.Path)
			}
			t.Errorf("want an error %s at %s; got %s", tc.rule, tc.path, strings.Join(got, "; "))
		})
	}
}
