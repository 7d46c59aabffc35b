// Package tags reads the partnership model's struct tags the one way every
// reader of the model needs them: the decoder, the JSON Schema, the forms
// and the diff. `toml` names the key a field is written under and
// `validate` holds its field rules (validator/v10's syntax).
package tags

import (
	"reflect"
	"strings"
)

// Key is the key a field is written under in the data file; false for
// fields not in the file (unexported, derived `toml:"-"`, untagged).
func Key(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if name == "-" || name == "" {
		return "", false
	}
	return name, true
}

// Has reports whether a validate tag holds rule ("required", "min=1").
func Has(validate, rule string) bool {
	for _, r := range strings.Split(validate, ",") {
		if r == rule {
			return true
		}
	}
	return false
}

// Param returns the parameter of rule in a validate tag ("oneof=a b" →
// "a b"), "" when the tag has no such rule.
func Param(validate, rule string) string {
	for _, r := range strings.Split(validate, ",") {
		if p, ok := strings.CutPrefix(r, rule+"="); ok {
			return p
		}
	}
	return ""
}
