package partnership

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"mou/assemble/format"
)

// Precision says how much of a Date is known.
type Precision int

// Date precisions.
const (
	Day Precision = iota
	Month
	Year
)

// Date is a calendar date known to the day, the month or only the year:
// the seeds print "10 September 2019", "September 2018" and "2019".
// In TOML it is a local date (2019-09-10, no quotes) or a string "2019-09" or
// "2019".
type Date struct {
	Time      time.Time
	Precision Precision
	ordinal   bool // print the day as 10th (the data's date_style)
}

// Styled returns the date printing its day as an ordinal (10th September
// 2019) when ordinal is true, plainly (10 September 2019) otherwise.
func (d Date) Styled(ordinal bool) Date {
	d.ordinal = ordinal
	return d
}

// NewDate returns a date known to the day.
func NewDate(y int, m time.Month, d int) Date {
	return Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// IsZero reports whether the date is unset (templates treat it as false).
func (d Date) IsZero() bool { return d.Time.IsZero() }

// String prints the date in the documents' style.
func (d Date) String() string {
	if d.ordinal && d.Precision == Day && !d.IsZero() {
		return format.Ordinal(d.Time)
	}
	return d.FormatDate(format.LongDate)
}

// FormatDate formats a day-precision date with layout; a date known only to
// the month or year prints as "September 2018" or "2019" whatever the layout,
// so a template never invents a day.
func (d Date) FormatDate(layout string) string {
	if d.IsZero() {
		return ""
	}
	switch d.Precision {
	case Month:
		return d.Time.Format("January 2006")
	case Year:
		return d.Time.Format("2006")
	}
	return d.Time.Format(layout)
}

// Ordinal prints 10th September 2019 (or the month/year for partial dates).
func (d Date) Ordinal() string {
	if d.Precision != Day {
		return d.FormatDate(format.LongDate)
	}
	return format.Ordinal(d.Time)
}

// first and last return the first and last day the date may stand for.
func (d Date) first() time.Time { return d.Time }
func (d Date) last() time.Time {
	switch d.Precision {
	case Month:
		return d.Time.AddDate(0, 1, -1)
	case Year:
		return d.Time.AddDate(1, 0, -1)
	}
	return d.Time
}

var partialDate = regexp.MustCompile(`^(\d{4})(?:-(\d{2}))?$`)

// setTOML decodes a TOML local date or a "YYYY-MM" / "YYYY" string.
func (d *Date) setTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		if x.Hour() != 0 || x.Minute() != 0 || x.Second() != 0 || x.Nanosecond() != 0 {
			return fmt.Errorf("should be a date without a time of day, e.g. 2019-09-10")
		}
		if x.Location().String() != "date-local" && x.Location().String() != "datetime-local" {
			return fmt.Errorf("should be a date without a time of day or zone, e.g. 2019-09-10")
		}
		*d = Date{Time: time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)}
		return nil
	case string:
		s := strings.TrimSpace(x)
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return fmt.Errorf("is a date in quotes (%q): write it without quotes, %s", x, s)
		} else if m := partialDate.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			if m[2] == "" {
				*d = Date{Time: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: Year}
				return nil
			}
			mo, _ := strconv.Atoi(m[2])
			if mo < 1 || mo > 12 {
				return fmt.Errorf("has no month %02d: write a month as \"2019-09\"", mo)
			}
			*d = Date{Time: time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC), Precision: Month}
			return nil
		} else {
			_ = t
		}
		return fmt.Errorf("should be a date: write 2019-09-10 (no quotes), or \"2019-09\" for a month, or \"2019\" for a year; found %q", x)
	}
	return fmt.Errorf("should be a date such as 2019-09-10, but is %s", describe(v))
}

// Money is an amount in pence, written in TOML as pounds: 133600 or 1260.50.
type Money struct {
	pence     int64
	overscale bool // more than two decimal places were written
	written   string
}

// Pounds returns a Money of whole pounds.
func Pounds(p int64) Money { return Money{pence: p * 100} }

// Pence returns the amount in pence.
func (m Money) Pence() int64 { return m.pence }

// String prints £133,600 or £1,260.50.
func (m Money) String() string { return format.Pence(m.pence) }

// IsZero reports whether the amount is nothing.
func (m Money) IsZero() bool { return m.pence == 0 }

func (m *Money) setTOML(v any) error {
	switch x := v.(type) {
	case int64:
		if x > math.MaxInt64/100 || x < math.MinInt64/100 {
			return fmt.Errorf("is too large an amount")
		}
		*m = Money{pence: x * 100, written: strconv.FormatInt(x, 10)}
		return nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e15 {
			return fmt.Errorf("is not an amount of money")
		}
		s := strconv.FormatFloat(x, 'f', -1, 64)
		dec := 0
		if i := strings.IndexByte(s, '.'); i >= 0 {
			dec = len(s) - i - 1
		}
		*m = Money{pence: int64(math.Round(x * 100)), overscale: dec > 2, written: s}
		return nil
	case string:
		return fmt.Errorf("should be a number without quotes, £ sign or commas, e.g. 133600; found %q", x)
	}
	return fmt.Errorf("should be an amount in pounds such as 133600 or 1260.50, but is %s", describe(v))
}

// describe names a TOML value's type for messages.
func describe(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64:
		return "a whole number"
	case float64:
		return "a number"
	case bool:
		return "true/false"
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case []map[string]any:
		return "a list of tables"
	case map[string]any:
		return "a table"
	case nil:
		return "empty"
	}
	return fmt.Sprintf("%T", v)
}
