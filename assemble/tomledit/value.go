package tomledit

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Date is a calendar day, written as an unquoted TOML local date:
// 2026-03-31.
type Date struct {
	Year, Month, Day int
}

// Month is a calendar month, written as the string "2026-03" (the data
// file's month dates are strings).
type Month struct {
	Year, Month int
}

// Money is an amount in pence, written in pounds: 145000 for £145,000 and
// 1260.50 for £1,260.50.
type Money int64

// style is how the value being replaced is written, so a replacement can
// keep it.
type style struct {
	raw    string // the old value's text, "" for a new key
	base   string // the indentation of the key's line
	indent string // one level of the file's indentation inside arrays
	nl     string // the file's line ending
	col    int    // column where the value starts, to judge "short"
}

// maxLine is the width up to which an array of strings stays on one line.
const maxLine = 100

// render writes v as TOML text.
func render(v any, st style) (string, error) {
	switch x := v.(type) {
	case string:
		return renderString(x, st), nil
	case bool:
		return strconv.FormatBool(x), nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case int32:
		return strconv.FormatInt(int64(x), 10), nil
	case float64:
		return renderFloat(x)
	case float32:
		return renderFloat(float64(x))
	case Money:
		return renderMoney(x), nil
	case Date:
		if !validDate(x.Year, x.Month, x.Day) {
			return "", fmt.Errorf("%04d-%02d-%02d is not a date on the calendar: check the day and month", x.Year, x.Month, x.Day)
		}
		return fmt.Sprintf("%04d-%02d-%02d", x.Year, x.Month, x.Day), nil
	case Month:
		if x.Year < 0 || x.Year > 9999 || x.Month < 1 || x.Month > 12 {
			return "", fmt.Errorf("%d-%02d is not a month: write a year of four figures and a month from 1 to 12", x.Year, x.Month)
		}
		return fmt.Sprintf(`"%04d-%02d"`, x.Year, x.Month), nil
	case []string:
		return renderStrings(x, st), nil
	case nil:
		return "", fmt.Errorf("no value was given: to take a value out of the file, delete it instead")
	}
	return "", fmt.Errorf("a value of type %T cannot be written to the data file: give text, a number, yes/no, a date or a list of texts", v)
}

func validDate(y, m, d int) bool {
	if y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func renderFloat(f float64) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("the amount is not a number: write it in figures, for example 145000 or 1260.50")
	}
	// Whole amounts are written without ".0", as the data files write them.
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return strconv.FormatInt(int64(f), 10), nil
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s, nil
}

func renderMoney(m Money) string {
	p := int64(m)
	sign := ""
	if p < 0 {
		sign = "-"
		if p == math.MinInt64 {
			return "-92233720368547758.08"
		}
		p = -p
	}
	if p%100 == 0 {
		return sign + strconv.FormatInt(p/100, 10)
	}
	return fmt.Sprintf("%s%d.%02d", sign, p/100, p%100)
}

// renderString keeps a literal string literal when the new text allows it;
// otherwise it writes a basic string, multi-line when the text has a line
// break.
func renderString(s string, st style) string {
	switch {
	case strings.HasPrefix(st.raw, "'''") && literalOK(s, true) && !strings.Contains(s, "'''") && !strings.HasSuffix(s, "'"):
		return "'''" + st.nl + s + "'''"
	case strings.HasPrefix(st.raw, "'") && !strings.HasPrefix(st.raw, "'''") && literalOK(s, false) && !strings.Contains(s, "'"):
		return "'" + s + "'"
	case strings.Contains(s, "\n"):
		return multiline(s, st.nl)
	}
	return basicString(s)
}

// literalOK reports whether s may be written between literal quotes:
// literal strings have no escapes, so no control characters but tab (and,
// for multi-line ones, line breaks).
func literalOK(s string, multi bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' && multi {
			continue
		}
		if c == '\r' && multi && i+1 < len(s) && s[i+1] == '\n' {
			continue
		}
		if c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// basicString writes s between double quotes with TOML's escapes.
func basicString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		default:
			writeRune(&b, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeRune writes r, escaping the control characters TOML forbids raw.
func writeRune(b *strings.Builder, r rune) {
	switch r {
	case '\b':
		b.WriteString(`\b`)
	case '\n':
		b.WriteString(`\n`)
	case '\f':
		b.WriteString(`\f`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteByte('\t')
	default:
		if r < 0x20 || r == 0x7f {
			fmt.Fprintf(b, `\u%04X`, r)
			return
		}
		b.WriteRune(r)
	}
}

// multiline writes s as a """ string whose line breaks are real ones. The
// break after the opening quotes is not part of the text (TOML drops it);
// quotes are escaped where three in a row, or one at the end, would close
// the string early.
func multiline(s string, nl string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.WriteString(`"""`)
	b.WriteString(nl)
	prevQuote := false
	for i, r := range s {
		switch {
		case r == '"':
			if prevQuote || i == len(s)-1 {
				b.WriteString(`\"`)
				prevQuote = false
				continue
			}
			b.WriteByte('"')
			prevQuote = true
			continue
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteByte('\n')
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			b.WriteByte('\r')
		default:
			writeRune(&b, r)
		}
		prevQuote = false
	}
	b.WriteString(`"""`)
	return b.String()
}

// renderStrings writes a list of texts on one line when it is short, else
// one text a line, indented like the file, with a trailing comma.
func renderStrings(xs []string, st style) string {
	parts := make([]string, len(xs))
	width := st.col + 2
	for i, x := range xs {
		parts[i] = basicString(x)
		width += len(parts[i]) + 2
	}
	if len(xs) == 0 {
		return "[]"
	}
	if width <= maxLine {
		return "[" + strings.Join(parts, ", ") + "]"
	}
	indent := st.indent
	if indent == "" {
		indent = "  "
	}
	var b strings.Builder
	b.WriteString("[" + st.nl)
	for _, p := range parts {
		b.WriteString(st.base + indent + p + "," + st.nl)
	}
	b.WriteString(st.base + "]")
	return b.String()
}
