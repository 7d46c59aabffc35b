package tomledit

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/BurntSushi/toml"
)

// Every edit is checked against the parser: the new text is decoded, and
// the tree it gives must equal the old tree with just that change made. A
// splice in the wrong place (a key landing in the next table, a comma too
// many) therefore never reaches the file.

func decode(src string) (map[string]any, error) {
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		return nil, err
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}

// get returns the decoded value at segs.
func get(node any, segs []seg) (any, bool) {
	for _, s := range segs {
		if s.isIdx {
			l := list(node)
			if s.index >= len(l) {
				return nil, false
			}
			node = l[s.index]
			continue
		}
		m, ok := node.(map[string]any)
		if !ok {
			return nil, false
		}
		if node, ok = m[s.key]; !ok {
			return nil, false
		}
	}
	return node, true
}

// list reads an array of tables or an array as []any.
func list(node any) []any {
	switch l := node.(type) {
	case []any:
		return l
	case []map[string]any:
		out := make([]any, len(l))
		for i, m := range l {
			out[i] = m
		}
		return out
	}
	return nil
}

// errNotThere is returned by an update that needs the value to exist.
var errNotThere = errors.New("not in the file")

// update returns a copy of node with fn applied at segs; only the maps and
// lists along the path are copied. fn returns the new value and whether to
// keep it (false deletes).
func update(node any, exists bool, segs []seg, fn func(old any, exists bool) (any, bool, error)) (any, bool, error) {
	if len(segs) == 0 {
		return fn(node, exists)
	}
	s := segs[0]
	if s.isIdx {
		if !exists {
			return nil, false, errNotThere
		}
		l := list(node)
		if l == nil || s.index >= len(l) {
			return nil, false, errNotThere
		}
		nv, keep, err := update(l[s.index], true, segs[1:], fn)
		if err != nil {
			return nil, false, err
		}
		out := append([]any(nil), l[:s.index]...)
		if keep {
			out = append(out, nv)
		}
		return append(out, l[s.index+1:]...), true, nil
	}
	var m map[string]any
	if exists {
		var ok bool
		if m, ok = node.(map[string]any); !ok {
			return nil, false, fmt.Errorf("not a table")
		}
	}
	child, cex := m[s.key]
	nv, keep, err := update(child, cex, segs[1:], fn)
	if err != nil {
		return nil, false, err
	}
	out := make(map[string]any, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	if keep {
		out[s.key] = nv
	} else {
		delete(out, s.key)
	}
	return out, true, nil
}

// equal compares decoded trees; arrays of tables and arrays compare alike.
func equal(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equal(v, w) {
				return false
			}
		}
		return true
	case []any, []map[string]any:
		la, lb := list(a), list(b)
		if lb == nil && !isList(b) || len(la) != len(lb) {
			return false
		}
		for i := range la {
			if !equal(la[i], lb[i]) {
				return false
			}
		}
		return true
	case float64:
		y, ok := b.(float64)
		return ok && (x == y || math.IsNaN(x) && math.IsNaN(y))
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y) && x.Location().String() == y.Location().String()
	case string, int64, bool:
		return a == b
	}
	return false
}

func isList(v any) bool {
	switch v.(type) {
	case []any, []map[string]any:
		return true
	}
	return false
}

// intended reports whether got, the decoded text mou wrote, is the value
// the caller asked for; it guards the writing of values.
func intended(v any, got any) bool {
	switch x := v.(type) {
	case string:
		return got == x
	case bool:
		return got == x
	case int:
		return got == int64(x)
	case int32:
		return got == int64(x)
	case int64:
		return got == x
	case float32:
		return sameNumber(float64(x), got)
	case float64:
		return sameNumber(x, got)
	case Money:
		switch g := got.(type) {
		case int64:
			return int64(x)%100 == 0 && g == int64(x)/100
		case float64:
			return math.Round(g*100) == float64(x)
		}
		return false
	case Date:
		t, ok := got.(time.Time)
		return ok && t.Year() == x.Year && int(t.Month()) == x.Month && t.Day() == x.Day && t.Location().String() == "date-local"
	case Month:
		return got == fmt.Sprintf("%04d-%02d", x.Year, x.Month)
	case []string:
		l := list(got)
		if len(l) != len(x) || !isList(got) {
			return false
		}
		for i := range x {
			if l[i] != x[i] {
				return false
			}
		}
		return true
	}
	return false
}

func sameNumber(f float64, got any) bool {
	switch g := got.(type) {
	case int64:
		return float64(g) == f
	case float64:
		return g == f
	}
	return false
}
