package items

import (
	"fmt"
	"reflect"
	"strings"

	"mou/assemble/partnership"
)

// Items name data by the paths a data file uses (`partners[].lead.name`),
// not by Go fields, so the table stays right while the model's internals
// change: a path is resolved through the model's `toml` tags. `[]` stands
// for every element of a list.

// Value is one concrete value a path pattern reaches.
type Value struct {
	Path string // e.g. partners[2].lead.name
	V    reflect.Value
}

// Resolve walks pattern through the partnership. found holds each value that
// is present (not empty); missing holds the concrete path of each place the
// pattern stops at an empty value (a missing table, an empty list, an empty
// field).
func Resolve(p *partnership.Partnership, pattern string) (found []Value, missing []string) {
	var walk func(v reflect.Value, path string, segs []string)
	walk = func(v reflect.Value, path string, segs []string) {
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				missing = append(missing, path)
				return
			}
			v = v.Elem()
		}
		if len(segs) == 0 {
			if empty(v) {
				missing = append(missing, path)
			} else {
				found = append(found, Value{path, v})
			}
			return
		}
		name, each := strings.CutSuffix(segs[0], "[]")
		next := join(path, name)
		var field reflect.Value
		switch v.Kind() {
		case reflect.Struct:
			field = fieldByTOML(v, name)
		case reflect.Map:
			field = v.MapIndex(reflect.ValueOf(name))
			if !field.IsValid() {
				missing = append(missing, next)
				return
			}
		}
		if !field.IsValid() {
			missing = append(missing, next) // not in the model: reported by the table's test
			return
		}
		if !each {
			walk(field, next, segs[1:])
			return
		}
		if field.Kind() != reflect.Slice || field.Len() == 0 {
			missing = append(missing, next)
			return
		}
		for i := 0; i < field.Len(); i++ {
			walk(field.Index(i), fmt.Sprintf("%s[%d]", next, i), segs[1:])
		}
	}
	walk(reflect.ValueOf(p).Elem(), "", strings.Split(pattern, "."))
	return found, missing
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fieldByTOML returns the field of struct v whose toml name is name.
func fieldByTOML(v reflect.Value, name string) reflect.Value {
	if idx, ok := fieldIndex(v.Type(), name); ok {
		return v.FieldByIndex(idx)
	}
	return reflect.Value{}
}

// fieldIndex finds the field of struct type t whose toml name is name,
// looking into embedded structs too.
func fieldIndex(t reflect.Type, name string) ([]int, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct {
			if idx, ok := fieldIndex(f.Type, name); ok {
				return append([]int{i}, idx...), true
			}
			continue
		}
		if tag == name {
			return []int{i}, true
		}
	}
	return nil, false
}

// empty reports whether a value says nothing: a blank string, an empty list
// or map, false, zero, or a struct with nothing in it.
func empty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return strings.TrimSpace(v.String()) == ""
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Pointer, reflect.Interface:
		return v.IsNil() || empty(v.Elem())
	case reflect.Struct:
		if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
			return z.IsZero()
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && !empty(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return v.IsZero()
}

// Text is a value as a document prints it and a table compares it.
func Text(v reflect.Value) string {
	if s, ok := v.Interface().(fmt.Stringer); ok {
		return s.String()
	}
	return fmt.Sprint(v.Interface())
}

// ListPath is the part of a pattern before its first `[]`: the list a new
// element would be added to (`relevant_agencies[].sector` → relevant_agencies).
func ListPath(pattern string) string {
	if i := strings.Index(pattern, "[]"); i >= 0 {
		return pattern[:i]
	}
	return pattern
}

// CheckPattern reports whether pattern names fields of the model, so a
// renamed field in the model fails the item table's test, not a user's run.
func CheckPattern(pattern string) error {
	t := reflect.TypeOf(partnership.Partnership{})
	for _, seg := range strings.Split(pattern, ".") {
		name, each := strings.CutSuffix(seg, "[]")
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
			continue
		case reflect.Struct:
		default:
			return fmt.Errorf("%s: %q is inside a value that has no fields", pattern, name)
		}
		idx, ok := fieldIndex(t, name)
		if !ok {
			return fmt.Errorf("%s: the data has no field %q here", pattern, name)
		}
		t = t.FieldByIndex(idx).Type
		if each {
			if t.Kind() != reflect.Slice {
				return fmt.Errorf("%s: %q is not a list, so [] does not apply", pattern, name)
			}
			t = t.Elem()
		}
	}
	return nil
}
