package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckCommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		out  string // substring of stdout
		err  string // substring of stderr
	}{
		{"should items missing pass", []string{"check", "../../data/herefordshire-2019.toml"}, 0, "missing (should)", ""},
		{"strict fails on should items", []string{"check", "--strict", "../../data/herefordshire-2019.toml"}, 1, "MISSING  arr.geography (should)", ""},
		{"another edition", []string{"check", "../../data/herefordshire-2019.toml", "--edition", "2023"}, 0, "checked against Working Together to Safeguard Children 2023", ""},
		{"invalid data is not checked", []string{"check", "../../data/cumbria-2019.toml"}, 1, "not checked: the data has 1 error", ""},
		{"each argument is a partnership", []string{"check", "../../data/herefordshire-2019.toml", "../../data/westmorland-and-furness-2025.toml"}, 0, "Westmorland and Furness Safeguarding Children Partnership, checked", ""},
		{"bad edition", []string{"check", "--edition", "2015", "x.toml"}, 2, "", "--edition must be 2018 or 2023"},
		{"bad format", []string{"check", "--format", "xml", "x.toml"}, 2, "", "--format must be text or json"},
		{"no argument", []string{"check"}, 2, "", "check needs a data file"},
		{"missing file", []string{"check", "nope.toml"}, 1, "", "nope.toml does not exist"},
		{"missing templates folder", []string{"check", "--templates", "nowhere", "../../data/herefordshire-2019.toml"}, 1, "", "nowhere"},
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

// --templates reaches the rendering: a template that is not a Word file is
// named in the error.
func TestCheckUsesTheTemplatesFolder(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "arrangements.docx")
	if err := os.WriteFile(bad, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errw := mou(t, "check", "--templates", dir, "../../data/herefordshire-2019.toml")
	if code != 1 || !strings.Contains(errw, "cannot render the arrangements") || !strings.Contains(errw, bad) {
		t.Errorf("exit %d: %s", code, errw)
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, _ := mou(t, "check", "--format", "json", "../../data/westmorland-and-furness-2025.toml")
	var rs []struct {
		Summary string `json:"summary"`
		Items   []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
			Add    []struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"add"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &rs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if code != 0 || len(rs) != 1 || !strings.HasSuffix(rs[0].Summary, "not applicable") {
		t.Fatalf("exit %d: %s", code, out)
	}
	for _, it := range rs[0].Items {
		if it.ID == "partners.dsp-named" && (it.Status != "missing" || len(it.Add) != 4 || it.Add[0].Line == 0) {
			t.Errorf("partners.dsp-named: %+v", it)
		}
	}
}
