package main

import (
	"strings"
	"testing"
)

// TestFlagWithoutValue: a flag that needs a value and has none is named,
// wherever it stands, instead of swallowing the next argument.
func TestFlagWithoutValue(t *testing.T) {
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{[]string{"build", "x.toml", "--out"}, "--out needs a value"},
		{[]string{"build", "--out", "--pdf", "x.toml"}, "--out needs a value"},
		{[]string{"build", "x.toml", "--templates"}, "--templates needs a value"},
		{[]string{"build", "x.toml", "--pdf-timeout"}, "--pdf-timeout needs a value"},
		{[]string{"validate", "x.toml", "--format"}, "--format needs a value, e.g. `--format text`"},
	} {
		code, _, stderr := mou(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.err) {
			t.Errorf("%v: exit %d\n%s", tt.args, code, stderr)
		}
	}
}
