package format

import (
	"testing"
	"time"
)

func TestPence(t *testing.T) {
	for _, tt := range []struct {
		in   int64
		want string
	}{
		{13360000, "£133,600"}, {126050, "£1,260.50"}, {0, "£0"}, {5, "£0.05"},
		{-780100, "-£7,801"}, {100000000, "£1,000,000"}, {99999, "£999.99"},
	} {
		if got := Pence(tt.in); got != tt.want {
			t.Errorf("Pence(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Pounds(1260.5); got != "£1,260.50" {
		t.Errorf("Pounds(1260.5) = %q", got)
	}
}

func TestNumberPercentOrdinal(t *testing.T) {
	if got := Number(43300); got != "43,300" {
		t.Errorf("Number = %q", got)
	}
	if got := Percent(0.4998); got != "50%" {
		t.Errorf("Percent = %q", got)
	}
	if got := Percent(0.2002); got != "20%" {
		t.Errorf("Percent = %q", got)
	}
	if got := Percent(0.3125); got != "31.3%" {
		t.Errorf("Percent = %q", got)
	}
	for day, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 23: "23rd", 31: "31st"} {
		d := time.Date(2019, 1, day, 0, 0, 0, 0, time.UTC)
		if got := Ordinal(d); got != want+" January 2019" {
			t.Errorf("Ordinal(%d) = %q", day, got)
		}
	}
}

func TestAnd(t *testing.T) {
	for want, in := range map[string][]string{
		"":           nil,
		"A":          {"A"},
		"A and B":    {"A", "B"},
		"A, B and C": {"A", "B", "C"},
	} {
		if got := And(in); got != want {
			t.Errorf("And(%q) = %q, want %q", in, got, want)
		}
	}
}
