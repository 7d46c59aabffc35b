package format

import (
	"slices"
	"testing"
)

func TestShares(t *testing.T) {
	for _, c := range []struct {
		parts []int64
		want  []string
		total string
	}{
		// Herefordshire 2019: 49.98%, 30.00%, 20.02% print as whole numbers.
		{[]int64{13360000, 8019000, 5351000}, []string{"50%", "30%", "20%"}, "100%"},
		// One share needs a decimal: every share gets one.
		{[]int64{617, 60, 323}, []string{"61.7%", "6.0%", "32.3%"}, "100.0%"},
		// Thirds: rounding alone would print 33.3% three times (99.9%);
		// the spare tenth goes to the first row.
		{[]int64{1, 1, 1}, []string{"33.4%", "33.3%", "33.3%"}, "100.0%"},
		{[]int64{2, 1}, []string{"66.7%", "33.3%"}, "100.0%"},
		{[]int64{0, 5}, []string{"0%", "100%"}, "100%"},
		{[]int64{0, 0}, []string{"0%", "0%"}, "0%"},
		{nil, []string{}, "0%"},
	} {
		got, total := Shares(c.parts)
		if !slices.Equal(got, c.want) || total != c.total {
			t.Errorf("Shares(%v) = %q, %q; want %q, %q", c.parts, got, total, c.want, c.total)
		}
	}
}

func TestFit(t *testing.T) {
	// Liberation Sans widths: "Page 1" is 31.67 points at 10 points.
	if w := TextWidth("Page 1", 10); w < 31.66 || w > 31.68 {
		t.Errorf("width %v", w)
	}
	if got := Fit("Short name", 200, 9); got != "Short name" {
		t.Errorf("fitting text changed: %q", got)
	}
	long := "The Royal Borough of Kingston upon Thames and the London Borough of Richmond upon Thames Safeguarding Children Partnership"
	got := Fit(long, 200, 9)
	if TextWidth(got, 9) > 200 || got[len(got)-len("…"):] != "…" || len(got) < 20 {
		t.Errorf("Fit gave %q (%.1f points)", got, TextWidth(got, 9))
	}
	if got := Fit("Supercalifragilisticexpialidocious", 40, 9); TextWidth(got, 9) > 40 || got == "…" {
		t.Errorf("a single long word: %q", got)
	}
}
