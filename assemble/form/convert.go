package form

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"mou/assemble/format"
	"mou/assemble/internal/tags"
)

// Date is a date as Convert returns it: known to the day, or, where the
// field is Partial, to the month (Day 0) or the year (Month and Day 0).
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// String returns the date as the file and the form write it: 2026-03-31,
// 2026-03 or 2026.
func (d Date) String() string {
	switch {
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// TOML returns the date as a TOML value: a local date (2026-03-31, no
// quotes) for a day, a string ("2026-03", "2026") for a month or a year,
// as the model reads them.
func (d Date) TOML() string {
	if d.Day == 0 {
		return strconv.Quote(d.String())
	}
	return d.String()
}

// Money is an amount as Convert returns it, in pence so no rounding creeps
// in.
type Money struct {
	Pence int64
}

// String returns the amount in pounds as the file writes it: 145000, or
// 1260.50 with pence.
func (m Money) String() string {
	sign := ""
	p := m.Pence
	if p < 0 {
		sign, p = "-", -p
	}
	if p%100 == 0 {
		return sign + strconv.FormatInt(p/100, 10)
	}
	return fmt.Sprintf("%s%d.%02d", sign, p/100, p%100)
}

// TOML returns the amount as a TOML number (the same as String: a number
// needs no quotes).
func (m Money) TOML() string { return m.String() }

// Pounds returns the amount in pounds: 145000.5.
func (m Money) Pounds() float64 { return float64(m.Pence) / 100 }

// Convert turns what a user typed in field f into the value to write at
// f.Path: a string (text, longtext, choice), Date, Money, int64 (integer,
// a choice of whole numbers such as the edition, and a number typed without
// a decimal point), float64 (a number with one), bool or []string (lines). An empty input of a field that is not required gives
// nil: leave the key out of the file. Anything else it cannot use gives an
// error in plain words that says what to type instead.
func Convert(f Field, input string) (any, error) {
	s := strings.TrimSpace(strings.ReplaceAll(input, "\r\n", "\n"))
	if f.Kind == KindBoolean {
		return convertBool(f, s)
	}
	if s == "" || f.Kind == KindLines && len(splitLines(s)) == 0 {
		if f.Required {
			return nil, f.problem("this must be filled in", "Fill it in"+example(f))
		}
		return nil, nil
	}
	switch f.Kind {
	case KindText:
		return convertText(f, strings.Join(strings.Fields(s), " "))
	case KindLongText:
		return s, nil
	case KindDate:
		return convertDate(f, s)
	case KindMoney:
		return convertMoney(f, s)
	case KindInteger:
		return convertInteger(f, s)
	case KindNumber:
		return convertNumber(f, s)
	case KindChoice:
		return convertChoice(f, s)
	case KindLines:
		lines := splitLines(s)
		if n, err := strconv.Atoi(tags.Param(f.validate, "min")); err == nil && len(lines) < n {
			return nil, f.problem(fmt.Sprintf("this needs at least %d entries and has %d", n, len(lines)), "add the missing entries, one per line")
		}
		return lines, nil
	}
	return nil, f.problem("this is a set of fields, not one value", "fill in its fields one by one")
}

// problem is an error naming the field, what is wrong and what to do:
// `Date: "2026-02-30" is not a date, as February 2026 has 28 days. Write …`.
func (f Field) problem(what, fix string) error {
	r := []rune(fix)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return fmt.Errorf("%s: %s. %s.", f.Label, what, string(r))
}

// example is ", e.g. …" from the field's help, when it gives one.
func example(f Field) string {
	if _, eg, ok := strings.Cut(f.Help, "e.g. "); ok {
		return ", e.g. " + strings.TrimSuffix(eg, ".")
	}
	return ""
}

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

var (
	slugRE    = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	finYearRE = regexp.MustCompile(`^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$`)
)

// convertText checks the rules a line of text may carry: a short id, a
// financial year, a web address.
func convertText(f Field, s string) (any, error) {
	switch {
	case tags.Has(f.validate, "slug"):
		if !slugRE.MatchString(s) {
			return nil, f.problem(fmt.Sprintf("%q should be lower-case letters, digits and hyphens", s), fmt.Sprintf("write %q", format.Slug(s)))
		}
	case tags.Has(f.validate, "finyear"):
		m := finYearRE.FindStringSubmatch(s)
		if m == nil {
			return nil, f.problem(fmt.Sprintf("%q is not a financial year", s), "write it as 2026/27")
		}
		y, _ := strconv.Atoi(m[1])
		next, _ := strconv.Atoi(m[2])
		if next%100 != (y+1)%100 || len(m[2]) == 4 && next != y+1 {
			return nil, f.problem(fmt.Sprintf("%q is not a financial year: the second year should follow the first", s), fmt.Sprintf("write %d/%02d", y, (y+1)%100))
		}
		return fmt.Sprintf("%d/%02d", y, (y+1)%100), nil
	case tags.Has(f.validate, "url"):
		if !strings.Contains(s, "://") && strings.Contains(s, ".") && !strings.ContainsAny(s, " @") {
			s = "https://" + s // "www.anytown.gov.uk" is what people copy
		}
		if u, err := url.Parse(s); err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
			return nil, f.problem(fmt.Sprintf("%q is not a web address", s), "write it in full, e.g. https://www.anytown.gov.uk")
		}
	}
	return s, nil
}

var (
	isoDate   = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	ukDate    = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})$`)
	wordDate  = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{2,4})$`)
	isoMonth  = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	ukMonth   = regexp.MustCompile(`^(\d{1,2})/(\d{4})$`)
	wordMonth = regexp.MustCompile(`^([A-Za-z]+)\.?,?\s+(\d{4})$`)
	yearOnly  = regexp.MustCompile(`^\d{4}$`)
)

// dateFix is what to write instead of a date Convert cannot read.
func dateFix(f Field) string {
	if f.Partial {
		return "write the date as 2026-03-31 or 31/03/2026, a month alone as 2026-03, or a year alone as 2026"
	}
	return "write the date as 2026-03-31 or 31/03/2026"
}

func convertDate(f Field, s string) (any, error) {
	var y, d int
	var mo string
	hasDay := true
	switch {
	case isoDate.MatchString(s):
		m := isoDate.FindStringSubmatch(s)
		y, mo, d = atoi(m[1]), m[2], atoi(m[3])
	case ukDate.MatchString(s):
		m := ukDate.FindStringSubmatch(s)
		y, mo, d = atoi(m[3]), m[2], atoi(m[1])
	case wordDate.MatchString(s):
		m := wordDate.FindStringSubmatch(s)
		y, mo, d = atoi(m[3]), m[2], atoi(m[1])
	default:
		hasDay = false
	}
	switch {
	case hasDay:
	case isoMonth.MatchString(s):
		m := isoMonth.FindStringSubmatch(s)
		y, mo = atoi(m[1]), m[2]
	case ukMonth.MatchString(s):
		m := ukMonth.FindStringSubmatch(s)
		y, mo = atoi(m[2]), m[1]
	case wordMonth.MatchString(s):
		m := wordMonth.FindStringSubmatch(s)
		y, mo = atoi(m[2]), m[1]
	case yearOnly.MatchString(s):
		y = atoi(s)
	default:
		return nil, f.problem(fmt.Sprintf("%q is not a date", s), dateFix(f))
	}
	if y < 1000 {
		return nil, f.problem(fmt.Sprintf("%q has a year of two digits", s), "write the year in full, e.g. 31/03/2026")
	}
	out := Date{Year: y}
	if mo != "" {
		month, ok := monthOf(mo)
		if !ok {
			return nil, f.problem(fmt.Sprintf("%q has no month %s", s, mo), "write the day first, then the month, e.g. 31/03/2026 or 31 March 2026")
		}
		out.Month = month
	}
	if hasDay {
		t := time.Date(y, out.Month, d, 0, 0, 0, 0, time.UTC)
		if d < 1 || t.Day() != d {
			last := time.Date(y, out.Month+1, 0, 0, 0, 0, 0, time.UTC).Day()
			return nil, f.problem(fmt.Sprintf("%q is not a date, as %s %d has %d days", s, out.Month, y, last), dateFix(f))
		}
		out.Day = d
	}
	if out.Day == 0 && !f.Partial {
		return nil, f.problem(fmt.Sprintf("%q needs a day as well", s), dateFix(f))
	}
	return out, nil
}

// monthOf reads a month as a number (3, 03) or a name (March, Mar, Sept).
func monthOf(s string) (time.Month, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return time.Month(n), n >= 1 && n <= 12
	}
	l := strings.ToLower(s)
	if l == "sept" {
		l = "sep"
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if l == name || len(l) == 3 && name[:3] == l {
			return m, true
		}
	}
	return 0, false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// numberSpaces are what people put between thousands: commas and spaces
// (including the no-break and thin spaces word processors use).
var numberSpaces = strings.NewReplacer(",", "", " ", "", "\u00a0", "", "\u2009", "", "\u202f", "")

var poundsRE = regexp.MustCompile(`^(\d*)(?:\.(\d*))?$`)

func convertMoney(f Field, s string) (any, error) {
	t := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "£"), "GBP"))
	t = numberSpaces.Replace(t)
	if strings.HasPrefix(t, "-") {
		return nil, f.problem(fmt.Sprintf("%q is less than nothing", s), "write the amount without a minus sign")
	}
	m := poundsRE.FindStringSubmatch(t)
	if m == nil || m[1] == "" && m[2] == "" {
		return nil, f.problem(fmt.Sprintf("%q is not an amount of money", s), "write it in pounds, e.g. 145000 or 1260.50")
	}
	if len(m[2]) > 2 {
		return nil, f.problem(fmt.Sprintf("%q has more than two decimal places", s), "write pounds and pence, e.g. 1260.50")
	}
	if len(m[1]) > 13 {
		return nil, f.problem(fmt.Sprintf("%q is too large an amount", s), "check the number of digits")
	}
	pounds, _ := strconv.ParseInt("0"+m[1], 10, 64)
	pence, _ := strconv.ParseInt((m[2] + "00")[:2], 10, 64)
	return Money{Pence: pounds*100 + pence}, nil
}

// minimum returns the least value the field's rules allow (gte=0 → 0).
func minimum(f Field) (int64, bool) {
	n, err := strconv.ParseInt(tags.Param(f.validate, "gte"), 10, 64)
	return n, err == nil
}

func convertInteger(f Field, s string) (any, error) {
	n, err := strconv.ParseInt(numberSpaces.Replace(s), 10, 64)
	if err != nil {
		return nil, f.problem(fmt.Sprintf("%q is not a whole number", s), "write digits only, e.g. 12")
	}
	if lo, ok := minimum(f); ok && n < lo {
		return nil, f.problem(fmt.Sprintf("%s is less than %d", s, lo), fmt.Sprintf("write %d or more", lo))
	}
	return n, nil
}

var numberRE = regexp.MustCompile(`^-?(\d+\.?\d*|\.\d+)$`)

func convertNumber(f Field, s string) (any, error) {
	t := numberSpaces.Replace(s)
	if !numberRE.MatchString(t) {
		return nil, f.problem(fmt.Sprintf("%q is not a number", s), "write digits only, with a point for decimals, e.g. 2180 or 12.5")
	}
	if !strings.Contains(t, ".") {
		// A whole number stays one, so the file keeps 318200, not 318200.0.
		n, err := strconv.ParseInt(t, 10, 64)
		if err == nil {
			if lo, ok := minimum(f); ok && n < lo {
				return nil, f.problem(fmt.Sprintf("%s is less than %d", s, lo), fmt.Sprintf("write %d or more", lo))
			}
			return n, nil
		}
	}
	x, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return nil, f.problem(fmt.Sprintf("%q is not a number", s), "write digits only, e.g. 2180")
	}
	if lo, ok := minimum(f); ok && x < float64(lo) {
		return nil, f.problem(fmt.Sprintf("%s is less than %d", s, lo), fmt.Sprintf("write %d or more", lo))
	}
	return x, nil
}

func convertBool(f Field, s string) (any, error) {
	switch strings.ToLower(s) {
	case "on", "true", "yes", "y", "1", "ticked", "checked":
		return true, nil
	case "", "off", "false", "no", "n", "0":
		return false, nil
	}
	return nil, f.problem(fmt.Sprintf("%q is not yes or no", s), "tick the box for yes, leave it empty for no")
}

func convertChoice(f Field, s string) (any, error) {
	for _, c := range f.Choices {
		// The value as written, or its label as shown.
		if c.Value == s || strings.EqualFold(c.Value, s) || strings.EqualFold(c.Label, s) {
			if f.numeric {
				n, err := strconv.ParseInt(c.Value, 10, 64)
				if err != nil {
					return nil, f.problem(fmt.Sprintf("the choice %q is not a number", c.Value), "report this to whoever maintains mou")
				}
				return n, nil
			}
			return c.Value, nil
		}
	}
	labels := make([]string, len(f.Choices))
	for i, c := range f.Choices {
		labels[i] = c.Label
	}
	return nil, f.problem(fmt.Sprintf("%q is not one of the choices", s), "choose one of: "+strings.Join(labels, ", "))
}
