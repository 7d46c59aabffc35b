package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiffCommand(t *testing.T) {
	const (
		h19 = "../../data/herefordshire-2019.toml"
		h24 = "../../data/herefordshire-2024.toml"
	)
	broken := filepath.Join(t.TempDir(), "broken.toml")
	if err := os.WriteFile(broken, []byte("[partnership\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir()
	data, err := os.ReadFile(h19)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "partnership.toml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		out  string // substring of stdout
		err  string // substring of stderr
	}{
		{"no change", []string{"diff", h19, h19}, 0, "no changes", ""},
		{"a folder against a file", []string{"diff", folder, h24}, 1, "Working Together edition changed from 2018 to 2023", ""},
		{"changes", []string{"diff", h19, h24}, 1, "Possible succession to confirm: NHS Herefordshire and Worcestershire Integrated Care Board", ""},
		{"flags after the arguments", []string{"diff", h19, h24, "--format", "json"}, 1, `"difference_pence": 1336000`, ""},
		{"history entry", []string{"diff", "--history", h19, h24}, 1, "[[history]]\nversion = \"3.0\"\ndate = \"2024-12\"", ""},
		{"history without changes", []string{"diff", "--history", h19, h19}, 0, "", "nothing for a [[history]] entry to record"},
		{"data errors are reported, the diff runs", []string{"diff", "../../data/cumbria-2019.toml", "../../data/westmorland-and-furness-2025.toml"}, 1, "Cumbria Constabulary: id changed", "£7,801 more"},
		{"strict refuses data with errors", []string{"diff", "--strict", "../../data/cumbria-2019.toml", "../../data/westmorland-and-furness-2025.toml"}, 2, "", "cannot compare ../../data/cumbria-2019.toml"},
		{"unreadable data", []string{"diff", broken, h19}, 2, "", "not valid TOML"},
		{"missing file", []string{"diff", "nope.toml", h19}, 2, "", "nope.toml does not exist"},
		{"one argument", []string{"diff", h19}, 2, "", "diff needs two versions"},
		{"bad format", []string{"diff", "--format", "xml", h19, h24}, 2, "", "--format must be text or json"},
		{"history is TOML", []string{"diff", "--history", "--format", "json", h19, h24}, 2, "", "--history prints TOML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errw := mou(t, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errw, tt.err) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, tt.code, out, errw)
			}
		})
	}
}

func TestDiffJSON(t *testing.T) {
	code, out, _ := mou(t, "diff", "--format", "json", "../../data/herefordshire-2019.toml", "../../data/herefordshire-2024.toml")
	var got struct {
		Changes  int
		Sections []struct {
			ID      string
			Changes []struct{ Kind, Path, Text string }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	n := 0
	for _, s := range got.Sections {
		n += len(s.Changes)
	}
	if code != 1 || got.Changes == 0 || got.Changes != n || got.Sections[0].ID != "partnership" {
		t.Errorf("exit %d, %d changes counted, %d listed, first section %+v", code, got.Changes, n, got.Sections[0])
	}
}

// TestReadmeDiffOutput keeps the README's example output in step with the
// command.
func TestReadmeDiffOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const marker = "<!-- mou diff output: a test keeps this in step with the command -->\n```\n"
	_, rest, ok := strings.Cut(string(readme), marker)
	if !ok {
		t.Fatal("README.md has no `mou diff` output block")
	}
	shown, _, _ := strings.Cut(rest, "```\n")
	t.Chdir("../..") // the README's paths are from the repository's root
	code, out, _ := mou(t, "diff", "data/herefordshire-2019.toml", "data/herefordshire-2024.toml")
	if code != 1 || shown != out {
		t.Errorf("README.md shows other output than `mou diff` prints now; paste this:\n%s", out)
	}
}
