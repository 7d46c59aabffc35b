package documents

import (
	"sort"
	"strings"

	"mou/assemble/partnership"
)

// Update is a [[history]] entry as the yearly report lists it.
type Update struct {
	Version string `toml:"version"`
	// Document is the title of the document the entry is for, or
	// "documents" when it applies to all of them.
	Document string           `toml:"document"`
	Date     partnership.Date `toml:"date"`
	// Summary has one entry per line: `mou diff --history` writes a line
	// per changed section.
	Summary []string `toml:"summary"`
}

// updates returns the history entries dated within the report's period,
// oldest first: the arrangements' updates during the year.
func updates(p *partnership.Partnership) []Update {
	start, end, known := reportDates(p)
	if !known {
		return nil
	}
	var out []Update
	for _, h := range p.History {
		if h.Date.IsZero() || h.Date.Time.Before(start) || h.Date.Time.After(end) {
			continue
		}
		u := Update{Version: h.Version, Document: "documents", Date: styler(p)(h.Date)}
		if t, ok := titles[h.Document]; ok {
			u.Document = t
		}
		for _, line := range strings.Split(h.Summary, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				u.Summary = append(u.Summary, line)
			}
		}
		out = append(out, u)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Time.Before(out[j].Date.Time) })
	return out
}
