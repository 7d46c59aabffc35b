package partnership

import (
	"strconv"
	"time"
)

// derive computes the values templates must not compute themselves: totals,
// shares, printed labels and defaults.
func (p *Partnership) derive() {
	for i := range p.Funding {
		fy := &p.Funding[i]
		var total int64
		for _, row := range fy.Rows {
			total += row.Amount.Pence()
		}
		fy.Total = Money{pence: total}
		for j := range fy.Rows {
			row := &fy.Rows[j]
			if total > 0 {
				row.Share = float64(row.Amount.Pence()) / float64(total)
			}
			row.Name = row.Label
			if row.Name == "" {
				row.Name = p.contributorName(*row)
			}
		}
	}
	for i := range p.Endorsements {
		if p.Endorsements[i].Document == "" {
			p.Endorsements[i].Document = "mou"
		}
	}
}

func (p *Partnership) contributorName(row FundingRow) string {
	if row.Agency != "" {
		return row.Agency
	}
	if pt := p.Partner(row.Partner); pt != nil {
		if pt.ShortName != "" {
			return pt.ShortName
		}
		return pt.Organisation
	}
	return row.Partner
}

// Partner returns the partner with the given id, or nil.
func (p *Partnership) Partner(id string) *Partner {
	for i := range p.Partners {
		if p.Partners[i].ID == id {
			return &p.Partners[i]
		}
	}
	return nil
}

// financialYearOf returns the financial year (April to March) holding t, as "2019/20".
func financialYearOf(t time.Time) string {
	y := t.Year()
	if t.Month() < time.April {
		y--
	}
	next := (y + 1) % 100
	s := strconv.Itoa(next)
	if next < 10 {
		s = "0" + s
	}
	return strconv.Itoa(y) + "/" + s
}

// CurrentFunding is the funding year of the report period's start when there
// is a report, else the year holding the document date, else the latest year
// given; nil when there is no funding.
func (p *Partnership) CurrentFunding() *FundingYear {
	if len(p.Funding) == 0 {
		return nil
	}
	var want []string
	if p.Report != nil && !p.Report.Start.IsZero() {
		want = append(want, financialYearOf(p.Report.Start.first()))
	}
	if !p.Partnership.Date.IsZero() {
		want = append(want, financialYearOf(p.Partnership.Date.first()))
	}
	for _, w := range want {
		for i := range p.Funding {
			if p.Funding[i].Year == w {
				return &p.Funding[i]
			}
		}
	}
	latest := &p.Funding[0]
	for i := range p.Funding {
		if p.Funding[i].Year > latest.Year {
			latest = &p.Funding[i]
		}
	}
	return latest
}
