package items

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A value that only holds a place — "A. Person", "TBC", "[name]" — says
// nothing: an item whose only evidence is a placeholder is not met. Names
// (the `name` and `signatory` fields) and a section's own wording ([text]
// and [points]) are where a template's or a starter file's stand-ins end up.

var placeholderRE = regexp.MustCompile(`^(?:` +
	`a\.? ?person|a\.? ?n\.? ?other|joe bloggs|jane doe|john doe|` +
	`tb[acd]|to be (?:confirmed|agreed|decided|appointed|announced|named|added|written)|` +
	`x{2,}|name|first name|surname|full name|(?:first|full) name surname|` +
	`\[[^\]]*\]|<[^>]*>|\{[^}]*\}|…+|\.{2,}|\?+|-+|—+` +
	`)$`)

// Placeholder reports whether s is a stand-in for a value rather than a
// value: "A. Person", "A N Other", "TBC", "to be confirmed", "XXX", "[name]",
// "Name", "…" (case and spacing aside, in brackets or not).
func Placeholder(s string) bool {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if t == "" {
		return false
	}
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	if !strings.HasSuffix(t, "..") {
		t = strings.TrimRight(t, ".!")
	}
	return placeholderRE.MatchString(t)
}

// nameKeys are the fields that name a person or a body.
var nameKeys = []string{"name", "signatory"}

// holdsPlace reports whether the string at path is a placeholder where a
// placeholder matters: a name, or a section's own wording.
func holdsPlace(path, s string) bool {
	if !Placeholder(s) {
		return false
	}
	if strings.HasPrefix(path, "text.") || strings.HasPrefix(path, "points.") {
		return true
	}
	key := path
	if i := strings.LastIndex(key, "."); i >= 0 {
		key = key[i+1:]
	}
	return slices.Contains(nameKeys, key)
}

// Blank reports whether v says nothing once its placeholders are taken as
// absent (a lead whose only field is name = "TBC"; points that are all
// "to be confirmed"), and lists the placeholders found in it, in order.
func Blank(v Value) (blank bool, placeholders []Value) {
	var walk func(v reflect.Value, path string) bool
	walk = func(v reflect.Value, path string) bool {
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				return true
			}
			v = v.Elem()
		}
		switch v.Kind() {
		case reflect.String:
			if holdsPlace(path, v.String()) {
				placeholders = append(placeholders, Value{path, v})
				return true
			}
			return empty(v)
		case reflect.Slice:
			all := true
			for i := 0; i < v.Len(); i++ {
				if !walk(v.Index(i), path+"["+strconv.Itoa(i)+"]") {
					all = false
				}
			}
			return all
		case reflect.Struct:
			if _, ok := v.Interface().(interface{ IsZero() bool }); ok {
				return empty(v)
			}
			all := true
			t := v.Type()
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
				if !f.IsExported() || tag == "" || tag == "-" {
					continue
				}
				if !walk(v.Field(i), join(path, tag)) {
					all = false
				}
			}
			return all
		}
		return empty(v)
	}
	blank = walk(v.V, v.Path)
	return blank, placeholders
}

// NamedBy returns the placeholder among v's own name fields (an
// endorsement signed by "TBC"), if it has one: such an element does not
// count as the list's evidence.
func NamedBy(v Value) (Value, bool) {
	rv := v.V
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return Value{}, false
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return Value{}, false
	}
	for _, key := range nameKeys {
		f := fieldByTOML(rv, key)
		if f.IsValid() && f.Kind() == reflect.String && Placeholder(f.String()) {
			return Value{join(v.Path, key), f}, true
		}
	}
	return Value{}, false
}
