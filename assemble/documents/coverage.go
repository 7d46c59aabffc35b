package documents

import (
	"mou/assemble/check/items"
	"mou/assemble/partnership"
)

// Coverage is one row of the yearly report's closing appendix: an item the
// guidance asks the report to cover, and the section of the report that
// covers it, so the team can tick the items off while drafting.
type Coverage struct {
	ID      string `toml:"id"`
	About   string `toml:"about"`
	Level   string `toml:"level"` // must or should
	Section string `toml:"section"`
}

// coverage lists the report items of the partnership's edition that apply
// to it (items.toml), for the yearly report only.
func coverage(p *partnership.Partnership, kind string) []Coverage {
	if kind != YearlyReport {
		return nil
	}
	var out []Coverage
	for _, it := range items.All() {
		if it.Document != YearlyReport || !it.InEdition(p.EditionInfo().Year) || it.NotApplicable(p) != "" {
			continue
		}
		out = append(out, Coverage{ID: it.ID, About: capitalise(it.About), Level: it.Level, Section: it.Headings[0]})
	}
	return out
}
