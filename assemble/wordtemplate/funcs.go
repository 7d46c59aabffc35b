package wordtemplate

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"

	"mou/assemble/format"
	"mou/assemble/internal/suggest"
)

// filter transforms a value. A nil value (missing) passes through every
// filter but default.
type filter struct {
	minArgs, maxArgs int
	usage            string
	fn               func(v any, args []string) (any, error)
}

// Pence is implemented by money types that know their amount in pence.
type Pence interface{ Pence() int64 }

// DateFormatter is implemented by date types that format themselves, such as
// a date known only to the month.
type DateFormatter interface{ FormatDate(layout string) string }

// Ordinaler is implemented by date types that print as 10th September 2019.
type Ordinaler interface{ Ordinal() string }

var filters map[string]filter

func init() {
	filters = map[string]filter{
		"money":   {0, 0, "{{amount | money}} → £133,600 or £1,260.50", filterMoney},
		"date":    {1, 1, `{{date | date "2 January 2006"}}`, filterDate},
		"ordinal": {0, 0, "{{date | ordinal}} → 10th September 2019", filterOrdinal},
		"upper":   {0, 0, "{{name | upper}}", func(v any, _ []string) (any, error) { return strings.ToUpper(printable(v)), nil }},
		"lower":   {0, 0, "{{name | lower}}", func(v any, _ []string) (any, error) { return strings.ToLower(printable(v)), nil }},
		"join":    {1, 1, `{{values | join ", "}}`, filterJoin},
		"default": {1, 1, `{{name | default "not known"}}`, nil}, // applied by exec
		"number":  {0, 0, "{{count | number}} → 43,300", filterNumber},
		"percent": {0, 0, "{{share | percent}} → 50%", filterPercent},
		"count":   {0, 0, "{{partners | count}} → 3", filterCount},
	}
}

func filterNames() []string {
	names := make([]string, 0, len(filters))
	for n := range filters {
		names = append(names, n)
	}
	return names
}

// checkFilter validates a filter call when the template is parsed.
func checkFilter(fc filterCall, raw string) *Error {
	f, ok := filters[fc.name]
	if !ok {
		msg := fmt.Sprintf("unknown filter %q in %s", fc.name, raw)
		if near := suggest.Nearest(fc.name, filterNames()); near != "" {
			msg += fmt.Sprintf(": did you mean %q?", near)
		}
		return &Error{ID: ErrUnknownFilter, Tag: raw, Message: msg, Hint: "the filters are money, date, ordinal, upper, lower, join, default, number, percent and count"}
	}
	if len(fc.args) < f.minArgs || len(fc.args) > f.maxArgs {
		want := "no argument"
		if f.maxArgs == 1 {
			want = "one argument in quotes"
		}
		return &Error{ID: ErrBadFilterArg, Tag: raw, Message: fmt.Sprintf("the filter %q takes %s, in %s", fc.name, want, raw), Hint: "e.g. " + f.usage}
	}
	if fc.name == "date" && !strings.ContainsAny(fc.args[0], "0123456789") {
		return &Error{ID: ErrBadFilterArg, Tag: raw, Message: fmt.Sprintf("the date layout %q has no day, month or year in it", fc.args[0]),
			Hint: `write the reference date the way you want dates to look: "2 January 2006", "02/01/2006", "January 2006"`}
	}
	return nil
}

func filterMoney(v any, _ []string) (any, error) {
	switch x := v.(type) {
	case Pence:
		return format.Pence(x.Pence()), nil
	}
	if f, ok := number(v); ok {
		return format.Pounds(f), nil
	}
	return nil, fmt.Errorf("money needs a number, not %s", kindOf(v))
}

func filterDate(v any, args []string) (any, error) {
	switch x := v.(type) {
	case DateFormatter:
		return x.FormatDate(args[0]), nil
	case time.Time:
		return x.Format(args[0]), nil
	}
	return nil, fmt.Errorf("date needs a date, not %s", kindOf(v))
}

func filterOrdinal(v any, _ []string) (any, error) {
	switch x := v.(type) {
	case Ordinaler:
		return x.Ordinal(), nil
	case time.Time:
		return format.Ordinal(x), nil
	}
	if f, ok := number(v); ok && f == math.Trunc(f) {
		n := int(f)
		return strconv.Itoa(n) + format.OrdinalSuffix(n), nil
	}
	return nil, fmt.Errorf("ordinal needs a date or a whole number, not %s", kindOf(v))
}

func filterJoin(v any, args []string) (any, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, fmt.Errorf("join needs a list, not %s", kindOf(v))
	}
	parts := make([]string, rv.Len())
	for i := range parts {
		parts[i] = printable(rv.Index(i).Interface())
	}
	return strings.Join(parts, args[0]), nil
}

func filterNumber(v any, _ []string) (any, error) {
	f, ok := number(v)
	if !ok {
		return nil, fmt.Errorf("number needs a number, not %s", kindOf(v))
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e18 {
		return format.Number(int64(f)), nil
	}
	whole := math.Trunc(f)
	frac := strings.TrimPrefix(strconv.FormatFloat(math.Abs(f-whole), 'f', -1, 64), "0")
	return format.Number(int64(whole)) + frac, nil
}

func filterPercent(v any, _ []string) (any, error) {
	f, ok := number(v)
	if !ok {
		return nil, fmt.Errorf("percent needs a number, not %s", kindOf(v))
	}
	return format.Percent(f), nil
}

func filterCount(v any, _ []string) (any, error) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return rv.Len(), nil
	}
	return nil, fmt.Errorf("count needs a list, not %s", kindOf(v))
}

// number reads any numeric kind as a float.
func number(v any) (float64, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(rv.Uint()), true
	case reflect.Float32, reflect.Float64:
		return rv.Float(), true
	}
	return 0, false
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "nothing"
	case string:
		return "text"
	case bool:
		return "true/false"
	case time.Time:
		return "a date"
	}
	switch reflect.ValueOf(v).Kind() {
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a table"
	}
	if _, ok := number(v); ok {
		return "a number"
	}
	return fmt.Sprintf("%T", v)
}

// printable turns a value into the text a document shows.
func printable(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	case time.Time:
		return x.Format(format.LongDate)
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		parts := make([]string, rv.Len())
		for i := range parts {
			parts[i] = printable(rv.Index(i).Interface())
		}
		return strings.Join(parts, ", ")
	case reflect.Pointer:
		if rv.IsNil() {
			return ""
		}
		return printable(rv.Elem().Interface())
	}
	return fmt.Sprint(v)
}
