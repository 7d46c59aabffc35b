package diff

import (
	"fmt"
	"reflect"
	"strings"

	"mou/assemble/partnership"
	"mou/assemble/tomlindex"
)

// funding compares the funding years, matched by year, and within a year
// each contributor's row, matched by partner (or agency, or label); every
// amount and total is given before and after with the difference in pounds.
func (d *differ) funding() {
	olds, news := d.old.Funding, d.new.Funding
	matched := matchByKey(reflect.ValueOf(olds), reflect.ValueOf(news))
	used := map[int]bool{}
	for _, i := range matched {
		if i >= 0 {
			used[i] = true
		}
	}
	var lastGone, lastCame *partnership.FundingYear
	for i := range olds {
		if used[i] {
			continue
		}
		fy := &olds[i]
		lastGone = later(lastGone, fy)
		d.add(Change{Kind: "removed", Path: tomlindex.Elem("funding", i), Before: fy.Total.String(),
			Text: fmt.Sprintf("Funding for %s removed (it was %s in all).", fy.Year, fy.Total)})
	}
	for j := range news {
		fy := &news[j]
		path := tomlindex.Elem("funding", j)
		if matched[j] < 0 {
			lastCame = later(lastCame, fy)
			d.add(Change{Kind: "added", Path: path, After: fy.Total.String(),
				Text: fmt.Sprintf("Funding for %s added: %s in all (%s).", fy.Year, fy.Total, rowList(fy.Rows))})
			continue
		}
		d.fundingYear(path, &olds[matched[j]], fy)
	}
	// A year that ends and a year that begins: compare the latest of each,
	// as a reader of the two documents would.
	if lastGone != nil && lastCame != nil {
		delta := lastCame.Total.Pence() - lastGone.Total.Pence()
		text := fmt.Sprintf("Funding in all: %s in %s against %s in %s (%s).", lastCame.Total, lastCame.Year, lastGone.Total, lastGone.Year, signed(delta))
		if delta == 0 {
			text = fmt.Sprintf("Funding in all: %s in %s, the same as in %s.", lastCame.Total, lastCame.Year, lastGone.Year)
		}
		d.add(Change{Kind: "changed", Path: "funding", Before: lastGone.Year + " " + lastGone.Total.String(), After: lastCame.Year + " " + lastCame.Total.String(), Difference: &delta, Text: text})
	}
}

func later(a, b *partnership.FundingYear) *partnership.FundingYear {
	if a == nil || b.Year > a.Year {
		return b
	}
	return a
}

func rowList(rows []partnership.FundingRow) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = r.Name + " " + r.Amount.String()
	}
	return strings.Join(parts, ", ")
}

// fundingYear compares one year's rows and its total.
func (d *differ) fundingYear(path string, a, b *partnership.FundingYear) {
	subject := "Funding " + b.Year
	matched := matchByKey(reflect.ValueOf(a.Rows), reflect.ValueOf(b.Rows))
	used := map[int]bool{}
	for _, i := range matched {
		if i >= 0 {
			used[i] = true
		}
	}
	for i, r := range a.Rows {
		if !used[i] {
			delta := -r.Amount.Pence()
			d.add(Change{Kind: "removed", Path: tomlindex.Elem(path+".rows", i), Before: r.Amount.String(), Difference: &delta,
				Text: fmt.Sprintf("%s: contribution removed: %s, %s.", subject, r.Name, r.Amount)})
		}
	}
	for j, r := range b.Rows {
		rp := tomlindex.Elem(path+".rows", j)
		if matched[j] < 0 {
			delta := r.Amount.Pence()
			d.add(Change{Kind: "added", Path: rp, After: r.Amount.String(), Difference: &delta,
				Text: fmt.Sprintf("%s: contribution added: %s, %s.", subject, r.Name, r.Amount)})
			continue
		}
		old := a.Rows[matched[j]]
		if old.Amount.Pence() != r.Amount.Pence() {
			delta := r.Amount.Pence() - old.Amount.Pence()
			d.add(Change{Kind: "changed", Path: rp + ".amount", Before: old.Amount.String(), After: r.Amount.String(), Difference: &delta,
				Text: fmt.Sprintf("%s: %s's contribution changed from %s to %s (%s).", subject, r.Name, old.Amount, r.Amount, signed(delta))})
		}
		d.fields(rp, subject+", "+r.Name, reflect.ValueOf(old), reflect.ValueOf(r), map[string]bool{"amount": true})
	}
	if a.Total.Pence() != b.Total.Pence() {
		delta := b.Total.Pence() - a.Total.Pence()
		d.add(Change{Kind: "changed", Path: path + ".rows", Before: a.Total.String(), After: b.Total.String(), Difference: &delta,
			Text: fmt.Sprintf("%s: total changed from %s to %s (%s).", subject, a.Total, b.Total, signed(delta))})
	}
	d.fields(path, subject, reflect.ValueOf(*a), reflect.ValueOf(*b), map[string]bool{"rows": true})
}
