package partnership

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"mou/assemble/internal/suggest"
	"mou/assemble/internal/tags"
	"mou/assemble/tomlindex"
)

// decoder fills the model from the generic TOML tree. It replaces the toml
// package's own decoding so that it can carry on after a problem: every
// unknown key and every wrongly typed value becomes a located finding, and a
// run reports them all at once.
type decoder struct {
	src      *sources
	findings Findings
	failed   map[string]bool // paths whose value could not be decoded
}

// tomlValue is implemented by model types decoded from a TOML scalar.
type tomlValue interface{ setTOML(v any) error }

func (d *decoder) problem(rule, path, msg, hint string) {
	if d.failed == nil {
		d.failed = map[string]bool{}
	}
	d.failed[path] = true
	d.findings = append(d.findings, d.src.finding(Error, rule, path, msg, hint))
}

func (d *decoder) decode(p *Partnership, tree map[string]any) {
	d.value(reflect.ValueOf(p).Elem(), tree, "")
}

func (d *decoder) value(rv reflect.Value, data any, path string) {
	if rv.CanAddr() {
		if tv, ok := rv.Addr().Interface().(tomlValue); ok {
			if err := tv.setTOML(data); err != nil {
				d.problem("data.type", path, fieldLabel(path)+" "+err.Error(), writtenAs(rv.Type(), path, data))
			}
			return
		}
	}
	switch rv.Kind() {
	case reflect.Pointer:
		nv := reflect.New(rv.Type().Elem())
		d.value(nv.Elem(), data, path)
		rv.Set(nv)
	case reflect.Struct:
		tbl, ok := data.(map[string]any)
		if !ok {
			d.wrongType(path, data, "a table (a [section] or { key = value, … })")
			return
		}
		d.structFields(rv, tbl, path)
	case reflect.Slice:
		d.slice(rv, data, path)
	case reflect.Map:
		tbl, ok := data.(map[string]any)
		if !ok {
			d.wrongType(path, data, "a table of texts")
			return
		}
		m := reflect.MakeMapWithSize(rv.Type(), len(tbl))
		for _, k := range sortedKeys(tbl) {
			ev := reflect.New(rv.Type().Elem()).Elem()
			d.value(ev, tbl[k], tomlindex.Join(path, k))
			m.SetMapIndex(reflect.ValueOf(k), ev)
		}
		rv.Set(m)
	case reflect.String:
		s, ok := data.(string)
		if !ok {
			d.wrongType(path, data, "text in quotes")
			return
		}
		rv.SetString(s)
	case reflect.Bool:
		b, ok := data.(bool)
		if !ok {
			d.wrongType(path, data, "true or false (no quotes)")
			if s, isText := data.(string); isText {
				if v, known := yesNo[strings.ToLower(strings.TrimSpace(s))]; known {
					d.findings[len(d.findings)-1].Hint = fmt.Sprintf("write %s = %s", fieldLabel(path), v)
				}
			}
			return
		}
		rv.SetBool(b)
	case reflect.Int, reflect.Int64:
		n, ok := data.(int64)
		if !ok {
			d.wrongType(path, data, "a whole number (no quotes)")
			return
		}
		rv.SetInt(n)
	case reflect.Float64:
		switch n := data.(type) {
		case int64:
			rv.SetFloat(float64(n))
		case float64:
			rv.SetFloat(n)
		default:
			d.wrongType(path, data, "a number (no quotes, no commas)")
		}
	default:
		panic(fmt.Sprintf("partnership: no decoding for %s", rv.Type()))
	}
}

func (d *decoder) slice(rv reflect.Value, data any, path string) {
	var items []any
	switch x := data.(type) {
	case []any:
		items = x
	case []map[string]any:
		for _, m := range x {
			items = append(items, m)
		}
	default:
		d.wrongType(path, data, "a list")
		return
	}
	s := reflect.MakeSlice(rv.Type(), len(items), len(items))
	for i, it := range items {
		d.value(s.Index(i), it, tomlindex.Elem(path, i))
	}
	rv.Set(s)
}

func (d *decoder) structFields(rv reflect.Value, tbl map[string]any, path string) {
	fields := fieldsOf(rv.Type())
	for _, k := range sortedKeys(tbl) {
		kp := tomlindex.Join(path, k)
		fi, ok := fields.byName[k]
		if !ok && d.misspeltTable(rv, fields, tbl, path, k) {
			continue
		}
		if !ok {
			msg := fmt.Sprintf("unknown key %q", k)
			if path != "" {
				msg += " in " + path
			}
			hint := ""
			if near := suggest.Nearest(k, fields.names); near != "" {
				msg += fmt.Sprintf(": did you mean %q?", near)
				hint = fmt.Sprintf("rename it to %s", near)
			} else {
				hint = "the keys allowed here are: " + strings.Join(fields.names, ", ")
			}
			d.problem("data.unknown-key", kp, msg, hint)
			continue
		}
		d.value(rv.Field(fi), tbl[k], kp)
	}
}

// misspeltTable handles a table whose heading is misspelt ([partnershp],
// [[partner]]): the message names the heading as it should be written,
// and, when that table is not also written, the table is decoded under
// its right name, so the rules check what was meant instead of reporting
// every field of it missing. The error stays, so nothing is built from it.
func (d *decoder) misspeltTable(rv reflect.Value, fields *structInfo, tbl map[string]any, path, k string) bool {
	kp := tomlindex.Join(path, k)
	_, isTable := tbl[k].(map[string]any)
	_, isArray := tbl[k].([]map[string]any)
	if !isTable && !isArray || !d.src.writtenAsHeading(kp) {
		return false
	}
	var names []string
	for _, n := range fields.names {
		ft := rv.Field(fields.byName[n]).Type()
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if isArray && ft.Kind() == reflect.Slice || isTable && (ft.Kind() == reflect.Struct || ft.Kind() == reflect.Map) {
			names = append(names, n)
		}
	}
	near := suggest.Nearest(k, names)
	heading := func(name string) string {
		if isArray {
			return "[[" + tomlindex.Join(path, name) + "]]"
		}
		return "[" + tomlindex.Join(path, name) + "]"
	}
	if near == "" {
		d.problem("data.unknown-table", kp, fmt.Sprintf("unknown table %s", heading(k)),
			"the tables allowed here are: "+strings.Join(names, ", "))
		return true
	}
	d.problem("data.unknown-table", kp, fmt.Sprintf("unknown table %s: did you mean %s?", heading(k), heading(near)),
		fmt.Sprintf("rename the heading to %s", heading(near)))
	if _, written := tbl[near]; !written {
		to := tomlindex.Join(path, near)
		d.src.locateAs(kp, to)
		d.value(rv.Field(fields.byName[near]), tbl[k], to)
	}
	return true
}

func (d *decoder) wrongType(path string, data any, want string) {
	d.problem("data.type", path, fmt.Sprintf("%s should be %s, but is %s", fieldLabel(path), want, describe(data)), "")
}

// fieldLabel is the last key of a path, for sentences.
func fieldLabel(path string) string {
	if path == "" {
		return "the file"
	}
	parent := tomlindex.Parent(path)
	if parent == "" {
		return path
	}
	return strings.TrimPrefix(path, parent+".")
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// structFields caches, per struct type, TOML key → field index.
type structInfo struct {
	byName map[string]int
	names  []string
}

var fieldCache sync.Map

func fieldsOf(t reflect.Type) *structInfo {
	if v, ok := fieldCache.Load(t); ok {
		return v.(*structInfo)
	}
	info := &structInfo{byName: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		if name, ok := tags.Key(t.Field(i)); ok {
			info.byName[name] = i
			info.names = append(info.names, name)
		}
	}
	fieldCache.Store(t, info)
	return info
}

// writtenAs is the line to write for a date or an amount written as text
// the way people write them ("31 March 2026", "£145,000"), "" for others.
func writtenAs(t reflect.Type, path string, data any) string {
	s, ok := data.(string)
	if !ok {
		return ""
	}
	switch t {
	case dateType:
		if iso, ok := humanDate(s); ok && iso != strings.TrimSpace(s) {
			return fmt.Sprintf("write %s = %s", fieldLabel(path), iso)
		}
	case moneyType:
		if amount, ok := plainMoney(s); ok {
			return fmt.Sprintf("write %s = %s", fieldLabel(path), amount)
		}
	}
	return ""
}

var (
	dateType  = reflect.TypeOf(Date{})
	moneyType = reflect.TypeOf(Money{})
	timeType  = reflect.TypeOf(time.Time{})
)
