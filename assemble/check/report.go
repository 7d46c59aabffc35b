package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"mou/assemble/check/items"
)

// Counts sums a result's outcomes.
type Counts struct {
	Met           int `json:"met"`
	MissingMust   int `json:"missing_must"`
	MissingShould int `json:"missing_should"`
	NotApplicable int `json:"not_applicable"`
}

// Counts counts the outcomes.
func (r *Result) Counts() Counts {
	var n Counts
	for _, o := range r.Items {
		switch {
		case o.Status == Met:
			n.Met++
		case o.Status == NotApplicable:
			n.NotApplicable++
		case o.Level == items.Must:
			n.MissingMust++
		default:
			n.MissingShould++
		}
	}
	return n
}

// Summary is the closing line: "14 met, 2 missing (should), 1 not applicable".
func (r *Result) Summary() string {
	if len(r.Invalid) > 0 {
		return fmt.Sprintf("not checked: the data has %s", plural(len(r.Invalid), "error"))
	}
	n := r.Counts()
	parts := []string{fmt.Sprintf("%d met", n.Met)}
	if n.MissingMust > 0 {
		parts = append(parts, fmt.Sprintf("%d missing (must)", n.MissingMust))
	}
	if n.MissingShould > 0 {
		parts = append(parts, fmt.Sprintf("%d missing (should)", n.MissingShould))
	}
	if n.NotApplicable > 0 {
		parts = append(parts, fmt.Sprintf("%d not applicable", n.NotApplicable))
	}
	return strings.Join(parts, ", ")
}

// Failed reports whether the check fails: invalid data, a missing must item,
// or, when strict, a missing should item.
func (r *Result) Failed(strict bool) bool {
	n := r.Counts()
	return len(r.Invalid) > 0 || n.MissingMust > 0 || strict && n.MissingShould > 0
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// WriteText writes the report for a person: the items grouped as the
// guidance is, one line an item, what to add under each missing one, and
// the summary.
func (r *Result) WriteText(w io.Writer) error {
	if len(r.Invalid) > 0 {
		fmt.Fprintf(w, "%s: the data is invalid, so no document can be built from it and nothing is checked; fix these first (mou validate lists every problem):\n", r.Path)
		for _, f := range r.Invalid {
			fmt.Fprintf(w, "  %s\n", f)
			if f.Hint != "" {
				fmt.Fprintf(w, "      hint: %s\n", f.Hint)
			}
		}
		_, err := fmt.Fprintln(w, r.Summary())
		return err
	}
	fmt.Fprintf(w, "%s: %s, checked against %s\n", r.Path, r.Name, r.EditionTitle)
	for _, g := range items.Groups {
		first := true
		for _, o := range r.Items {
			if o.Group != g {
				continue
			}
			if first {
				fmt.Fprintf(w, "\n%s\n", items.GroupTitles[g])
				first = false
			}
			fmt.Fprintf(w, "  %-8s %s (%s) %s: ", label(o.Status), o.ID, o.Level, o.About)
			switch {
			case o.Status == Met:
				fmt.Fprint(w, o.where())
			case o.Status == Missing && len(o.Add) > 0 && o.Add[0].Path != "":
				fmt.Fprint(w, "not in the data")
			default:
				fmt.Fprint(w, o.Why)
			}
			fmt.Fprintln(w)
			for _, f := range o.Add {
				where := f.File
				if f.Line > 0 {
					where = fmt.Sprintf("%s:%d", f.File, f.Line)
				}
				fmt.Fprintf(w, "           %s: %s", where, f.Message)
				if f.Hint != "" {
					fmt.Fprintf(w, "; %s", f.Hint)
				}
				fmt.Fprintln(w)
			}
		}
	}
	_, err := fmt.Fprintf(w, "\n%s\n", r.Summary())
	return err
}

func label(s Status) string {
	switch s {
	case Met:
		return "met"
	case Missing:
		return "MISSING"
	}
	return "n/a"
}

// where says, for a met item, which data and which section carry it.
func (o Outcome) where() string {
	// A met item always has data (items.toml gives every item needs).
	var b strings.Builder
	if len(o.Data) > 0 {
		b.WriteString(o.Data[0].String())
		if len(o.Data) > 1 {
			fmt.Fprintf(&b, " and %d more", len(o.Data)-1)
		}
		b.WriteString(" ")
	}
	fmt.Fprintf(&b, "→ %s › %s", o.Document, o.Section)
	return b.String()
}

// WriteJSON writes results as JSON: one object per partnership with its
// items and counts.
func WriteJSON(w io.Writer, results []*Result) error {
	type out struct {
		*Result
		Summary string `json:"summary"`
		Counts  Counts `json:"counts"`
	}
	all := make([]out, len(results))
	for i, r := range results {
		all[i] = out{r, r.Summary(), r.Counts()}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(all)
}
