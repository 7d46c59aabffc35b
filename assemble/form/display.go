package form

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// How a value written in the file shows in its input. Each is the form
// Convert accepts back unchanged, so showing a page and saving it as it is
// writes the same values. A value of the wrong type (an amount in quotes)
// shows as written, for the user to correct.

// dateValue shows a date as 2006-01-02, or a partial date as written
// ("2019-09").
func dateValue(v any) string {
	if t, ok := v.(time.Time); ok {
		if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
			return t.Format("2006-01-02")
		}
		return t.Format("2006-01-02T15:04:05")
	}
	return scalarValue(v)
}

// isTime reports whether v is a decoded TOML date or date-time.
func isTime(v any) bool {
	_, ok := v.(time.Time)
	return ok
}

// moneyValue shows pounds as 145000, or with pence as 1260.50; an amount
// written with more than two decimals shows them all, so Convert refuses
// it rather than rounding silently.
func moneyValue(v any) string {
	f, ok := v.(float64)
	if !ok {
		return scalarValue(v)
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 <= 2 {
		return strconv.FormatFloat(f, 'f', 2, 64)
	}
	return s
}

// linesValue shows a list of values one per line.
func linesValue(v any) string {
	list, ok := v.([]any)
	if !ok {
		return scalarValue(v)
	}
	parts := make([]string, len(list))
	for i, e := range list {
		parts[i] = scalarValue(e)
	}
	return strings.Join(parts, "\n")
}

// scalarValue shows a single value as text.
func scalarValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return dateValue(x)
	}
	return fmt.Sprint(v)
}
