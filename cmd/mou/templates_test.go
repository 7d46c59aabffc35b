package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixture = "../../assemble/wordtemplate/testdata/python-docx.docx"

// fixtureData is what the python-docx fixture asks for, as a template
// author would write it.
const fixtureData = `
amount = 267300
review = 2020-09-10
none = []

[partnership]
name = "Herefordshire Partnership"
area = "Herefordshire"

[[partners]]
id = "council"
organisation = "Herefordshire Council"
delegate.name = "Chris Baird"

[[partners]]
id = "police"
organisation = "West Mercia Police"
`

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRender(t *testing.T) {
	dir := t.TempDir()
	data := writeFile(t, dir, "data.toml", fixtureData)
	out := filepath.Join(dir, "out.docx")

	// Flags may come after the arguments.
	code, stdout, stderr := mou(t, "render", fixture, data, "-o", out)
	if code != 0 || !strings.Contains(stdout, "wrote "+out) {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}

	// Data lacking a field: exit 1, the field named, the earlier file untouched.
	bad := writeFile(t, dir, "bad.toml", strings.Replace(fixtureData, "amount = 267300", "amont = 267300", 1))
	code, _, stderr = mou(t, "render", "-o", out, fixture, bad)
	if code != 1 || !strings.Contains(stderr, "amount") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("missing field: exit %d\n%s", code, stderr)
	}
	after, _ := os.ReadFile(out)
	if string(after) != string(first) {
		t.Error("a failed render changed the previous output")
	}

	// Broken TOML names file:line:col.
	broken := writeFile(t, dir, "broken.toml", "a = 1\nb = \n")
	if code, _, stderr := mou(t, "render", fixture, broken, "-o", out); code != 1 || !strings.Contains(stderr, "broken.toml:2:") {
		t.Errorf("broken TOML: exit %d\n%s", code, stderr)
	}
	// Not a template at all.
	if code, _, stderr := mou(t, "render", data, data, "-o", out); code != 1 || !strings.Contains(stderr, "data.toml") {
		t.Errorf("not a docx: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := mou(t, "render", fixture); code != 2 || !strings.Contains(stderr, "needs a template and a data file") {
		t.Errorf("one argument: exit %d\n%s", code, stderr)
	}
}

func TestTemplatesLint(t *testing.T) {
	dir := t.TempDir()
	data := writeFile(t, dir, "data.toml", fixtureData)

	code, stdout, _ := mou(t, "templates", "lint", fixture)
	if code != 0 || !strings.Contains(stdout, "16 tags, 0 problems") || !strings.Contains(stdout, "{{#each partners}}") {
		t.Errorf("lint: exit %d\n%s", code, stdout)
	}
	if code, stdout, _ := mou(t, "templates", "lint", fixture, "--data", data); code != 0 {
		t.Errorf("lint with complete data: exit %d\n%s", code, stdout)
	}

	// Data lacking fields: every missing field reported, JSON on request.
	thin := writeFile(t, dir, "thin.toml", "[partnership]\nname = \"X\"\n")
	code, stdout, _ = mou(t, "templates", "lint", "--format", "json", "--data", thin, fixture)
	var reports []struct {
		Problems []struct{ Message string } `json:"problems"`
	}
	if err := json.Unmarshal([]byte(stdout), &reports); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if code != 1 || len(reports) != 1 || len(reports[0].Problems) < 3 {
		t.Errorf("thin data: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := mou(t, "templates", "lint", filepath.Join(dir, "none")); code != 1 || !strings.Contains(stderr, "does not exist") {
		t.Errorf("missing path: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := mou(t, "templates", "lint", dir); code != 1 || !strings.Contains(stderr, "holds no .docx templates") {
		t.Errorf("empty folder: exit %d\n%s", code, stderr)
	}
}
