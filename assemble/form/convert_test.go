package form

import (
	"reflect"
	"strings"
	"testing"
)

// TestConvert is a table of what people type, and what each becomes or
// the message they get. Fields come from the real model, so the rules
// tested are the model's.
func TestConvert(t *testing.T) {
	pages := Pages(decode(t, readExample(t, "herefordshire-2019.toml")))
	field := func(path string) Field {
		f, ok := Lookup(pages, path)
		if !ok {
			t.Fatalf("no field %s", path)
		}
		return f
	}
	tests := []struct {
		name, path, input string
		want              any    // when no error
		err               string // a part of the message, when an error
	}{
		{"date as written", "partnership.date", "2026-03-31", Date{2026, 3, 31}, ""},
		{"date day first", "partnership.date", "31/03/2026", Date{2026, 3, 31}, ""},
		{"date short day and month", "partnership.date", "1/4/2026", Date{2026, 4, 1}, ""},
		{"date in words", "partnership.date", "31 March 2026", Date{2026, 3, 31}, ""},
		{"date ordinal, short month", "partnership.date", "1st Sept 2026", Date{2026, 9, 1}, ""},
		{"month", "partnership.date", "2026-03", Date{2026, 3, 0}, ""},
		{"month in words", "partnership.date", "March 2026", Date{2026, 3, 0}, ""},
		{"year", "partnership.date", "2026", Date{2026, 0, 0}, ""},
		{"no such day", "partnership.date", "2026-02-30", nil, `Date: "2026-02-30" is not a date, as February 2026 has 28 days. Write the date as 2026-03-31`},
		{"leap day", "partnership.date", "29/02/2024", Date{2024, 2, 29}, ""},
		{"month first", "partnership.date", "03/31/2026", nil, "has no month 31. Write the day first"},
		{"two-digit year", "partnership.date", "31/03/26", nil, "Write the year in full"},
		{"not a date", "partnership.date", "soon", nil, `"soon" is not a date`},
		{"required date empty", "partnership.date", "  ", nil, "Date: this must be filled in."},
		{"period needs a day", "report.start", "2026-04", nil, `Start: "2026-04" needs a day as well. Write the date as 2026-03-31 or 31/03/2026.`},
		{"optional date empty", "report.published", "", nil, ""},

		{"pounds sign and commas", "funding[0].rows[0].amount", "£145,000", Money{14500000}, ""},
		{"spaces between thousands", "funding[0].rows[0].amount", "145 000", Money{14500000}, ""},
		{"pence", "funding[0].rows[0].amount", "145000.50", Money{14500050}, ""},
		{"one decimal", "funding[0].rows[0].amount", "145000.5", Money{14500050}, ""},
		{"three decimals", "funding[0].rows[0].amount", "145,000.505", nil, "has more than two decimal places"},
		{"negative", "funding[0].rows[0].amount", "-5", nil, "less than nothing"},
		{"words for money", "funding[0].rows[0].amount", "ten pounds", nil, "is not an amount of money. Write it in pounds"},

		{"yes", "partnership.all_age", "yes", true, ""},
		{"checkbox on", "partnership.all_age", "on", true, ""},
		{"unticked", "partnership.all_age", "", false, ""},
		{"maybe", "partnership.all_age", "maybe", nil, "is not yes or no"},

		{"choice", "partners[0].kind", "police", "police", ""},
		{"choice by label", "partners[0].kind", "Local authority", "local-authority", ""},
		{"bad choice", "partners[0].kind", "fire", nil, `Kind: "fire" is not one of the choices. Choose one of: Local authority, ICB, CCG, Police.`},
		{"number choice", "partnership.edition", "2023", int64(2023), ""},
		{"bad number choice", "partnership.edition", "2020", nil, "Choose one of: 2018, 2023."},

		{"integer", "report.recipients[0].within_days", "28", int64(28), ""},
		{"integer with comma", "report.recipients[0].within_days", "1,200", int64(1200), ""},
		{"integer negative", "report.recipients[0].within_days", "-1", nil, "-1 is less than 0. Write 0 or more."},
		{"integer decimal", "report.recipients[0].within_days", "2.5", nil, "is not a whole number"},
		{"number whole", "geography.figures[0].value", "2,180", int64(2180), ""},
		{"number decimal", "geography.figures[0].value", "12.5", 12.5, ""},

		{"lines", "partnership.values", " Respect \n\n  Openness\r\nChallenge \n", []string{"Respect", "Openness", "Challenge"}, ""},
		{"lines empty", "partnership.values", "\n \n", nil, ""},
		{"text trimmed", "partnership.name", "  Anytown   Partnership ", "Anytown Partnership", ""},
		{"required text", "partnership.name", "", nil, "Name: this must be filled in. Fill it in, e.g. \"Cumbria Safeguarding Children Partnership\""},
		{"longtext keeps paragraphs", "text.foreword", "First.\r\n\r\nSecond.\n", "First.\n\nSecond.", ""},
		{"id", "partners[0].id", "the-council", "the-council", ""},
		{"bad id", "partners[0].id", "The Council", nil, `Write "the-council".`},
		{"website without https", "partnership.website", "www.anytown.gov.uk", "https://www.anytown.gov.uk", ""},
		{"not a website", "partnership.website", "ask the council", nil, "is not a web address"},
		{"financial year", "funding[0].year", "2026-27", "2026/27", ""},
		{"financial year in full", "funding[0].year", "2026/2027", "2026/27", ""},
		{"not a financial year", "funding[0].year", "2026/28", nil, "Write 2026/27."},
		{"group", "partners[0].lead", "x", nil, "Fill in its fields one by one."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Convert(field(tt.path), tt.input)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Convert(%q) = %#v, %v; want an error containing %q", tt.input, got, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Convert(%q): %v", tt.input, err)
			}
			if tt.want == nil && got == nil {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Convert(%q) = %#v, want %#v", tt.input, got, tt.want)
			}
		})
	}
}

func TestDateMoneyTOML(t *testing.T) {
	for _, tt := range []struct {
		v    interface{ TOML() string }
		want string
	}{
		{Date{2026, 3, 31}, "2026-03-31"},
		{Date{2026, 3, 0}, `"2026-03"`},
		{Date{2026, 0, 0}, `"2026"`},
		{Money{14500000}, "145000"},
		{Money{126050}, "1260.50"},
		{Money{5}, "0.05"},
	} {
		if got := tt.v.TOML(); got != tt.want {
			t.Errorf("%#v.TOML() = %s, want %s", tt.v, got, tt.want)
		}
	}
	if got := (Money{14500050}).Pounds(); got != 145000.5 {
		t.Errorf("Pounds = %v", got)
	}
}
