package items

import (
	"mou/assemble/partnership"
)

// NotApplicable says why the item does not apply to the partnership, or ""
// when it does: it waits for an Act's commencement, it starts after the
// document's date, or the data's condition (`when`) does not hold. The
// edition is the caller's to compare (InEdition).
func (it Item) NotApplicable(p *partnership.Partnership) string {
	if it.Pending() {
		return "applies from the " + it.Starts + " (day not yet set)"
	}
	if !it.From.IsZero() {
		if d := documentDate(p, it); !d.IsZero() && d.Time.Before(it.From) {
			why := "applies from " + partnership.NewDate(it.From.Date()).String()
			if it.Starts != "" {
				why += " (" + it.Starts + ")"
			}
			return why + "; the " + it.Document + " is dated " + d.String()
		}
	}
	if it.When != "" {
		found, missing := Resolve(p, it.When)
		holds := len(found) > 0 && len(missing) == 0
		for _, f := range found {
			if b, isBool := f.V.Interface().(bool); isBool && !b {
				holds = false
			}
		}
		if !holds {
			return it.WhenNot
		}
	}
	return ""
}

// documentDate is the date an item's start is compared with: the yearly
// report's last day for report items, else the documents' date.
func documentDate(p *partnership.Partnership, it Item) partnership.Date {
	if it.Document == "report" && p.Report != nil && !p.Report.End.IsZero() {
		return p.Report.End
	}
	return p.Partnership.Date
}
