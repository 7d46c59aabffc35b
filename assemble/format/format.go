// Package format holds the one money formatter and the date formatters that
// validation messages, template filters and documents all share, so £133,600
// reads the same everywhere.
package format

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Pence formats an amount held in pence as pounds: £133,600 for whole
// pounds, £1,260.50 otherwise, with a leading minus for negative amounts.
func Pence(p int64) string {
	neg := p < 0
	if neg {
		p = -p
	}
	pounds, pence := p/100, p%100
	s := "£" + groupThousands(strconv.FormatInt(pounds, 10))
	if pence != 0 {
		s += "." + twoDigits(pence)
	}
	if neg {
		return "-" + s
	}
	return s
}

// Pounds formats a float amount of pounds, rounded to the penny.
func Pounds(f float64) string {
	if f < 0 {
		return "-" + Pence(int64(-f*100+0.5))
	}
	return Pence(int64(f*100 + 0.5))
}

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// Number formats an integer with thousands separators: 43,300.
func Number(n int64) string {
	if n < 0 {
		return "-" + groupThousands(strconv.FormatInt(-n, 10))
	}
	return groupThousands(strconv.FormatInt(n, 10))
}

// Percent formats a share (0.5 = 50%) with at most one decimal: 50%, 29.9%.
func Percent(share float64) string {
	v := math.Round(share*1000) / 10
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return s + "%"
}

// LongDate is the documents' date style: 10 September 2019.
const LongDate = "2 January 2006"

// Date formats t with a Go layout (reference date 2 January 2006).
func Date(t time.Time, layout string) string { return t.Format(layout) }

// Ordinal formats t as 10th September 2019, the style the 2019 seeds use on
// their endorsement pages.
func Ordinal(t time.Time) string {
	return strconv.Itoa(t.Day()) + OrdinalSuffix(t.Day()) + " " + t.Format("January 2006")
}

// OrdinalSuffix returns st, nd, rd or th for n.
func OrdinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// Slug makes an id or a file name from a name: "West Mercia Police" →
// "west-mercia-police".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// And joins names as a sentence lists them: "A", "A and B", "A, B and C".
func And(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
