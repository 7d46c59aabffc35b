package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mou/templates"
)

// writtenReport is the Herefordshire example with the yearly report's two
// must sections written in [text]: what is left missing is should items.
func writtenReport(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../data/herefordshire-2019.toml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "herefordshire-2019.toml")
	text := string(b) + "\n[text]\nactivity = \"The partners met as the Safeguarding Partners Board.\"\neffectiveness = \"The Quality and Effectiveness Group found the arrangements working.\"\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckCommand(t *testing.T) {
	written := writtenReport(t)
	tests := []struct {
		name string
		args []string
		code int
		out  string // substring of stdout
		err  string // substring of stderr
	}{
		// The example's yearly report is not written: its must sections are
		// missing, not met by their prompts.
		{"must items missing fail", []string{"check", "../../data/herefordshire-2019.toml"}, 1, "MISSING  report.activity (must)", ""},
		{"should items missing pass", []string{"check", written}, 0, "missing (should)", ""},
		{"strict fails on should items", []string{"check", "--strict", written}, 1, "MISSING  arr.geography (should)", ""},
		{"another edition", []string{"check", written, "--edition", "2023"}, 0, "checked against Working Together to Safeguard Children 2023", ""},
		{"invalid data is not checked", []string{"check", "../../data/cumbria-2019.toml"}, 1, "not checked: the data has 1 error", ""},
		{"each argument is a partnership", []string{"check", written, "../../data/westmorland-and-furness-2025.toml"}, 1, "Westmorland and Furness Safeguarding Children Partnership, checked", ""},
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
				Path string `json:"path"`
			} `json:"add"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &rs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// The example's yearly report is still to be written: a must item is
	// missing, so the check fails.
	if code != 1 || len(rs) != 1 || !strings.HasSuffix(rs[0].Summary, "not applicable") || !strings.Contains(rs[0].Summary, "2 missing (must)") {
		t.Fatalf("exit %d: %s", code, out)
	}
	seen := 0
	for _, it := range rs[0].Items {
		switch it.ID {
		case "partners.dsp-named":
			seen++
			if it.Status != "missing" || len(it.Add) != 4 || it.Add[0].Line == 0 {
				t.Errorf("partners.dsp-named: %+v", it)
			}
		case "report.activity":
			seen++
			if it.Status != "missing" || len(it.Add) != 1 || it.Add[0].Path != "text.activity" {
				t.Errorf("report.activity: %+v", it)
			}
		case "arr.training":
			seen++
			if it.Status != "met" {
				t.Errorf("arr.training, met by its [points]: %+v", it)
			}
		}
	}
	if seen != 3 {
		t.Errorf("%d of the 3 items looked for", seen)
	}
}

// TestCheckAccessibility: mou check --accessibility finds a picture
// without alternative text in a user's template, with the template and
// paragraph, and exits 1; the default templates give none.
func TestCheckAccessibility(t *testing.T) {
	code, out, _ := mou(t, "check", "--accessibility", "../../data/westmorland-and-furness-2025.toml")
	if !strings.Contains(out, "accessibility of the documents (WCAG 2.2 AA): 0 finding(s)") {
		t.Errorf("default templates: exit %d\n%s", code, out)
	}
	def, _, err := templates.Read("", "arrangements.docx")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	edited := rewriteZip(t, def, "word/document.xml", func(s string) string {
		const logo = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="9" name="Partnership logo"/></wp:inline></w:drawing></w:r></w:p>`
		return strings.Replace(s, "<w:body>", "<w:body>"+logo, 1)
	})
	if err := os.WriteFile(filepath.Join(dir, "arrangements.docx"), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = mou(t, "check", "--accessibility", "--templates", dir, "../../data/westmorland-and-furness-2025.toml")
	if code != 1 || !strings.Contains(out, `arrangements.docx: document, paragraph 1: the picture "Partnership logo" has no alternative text (WCAG 1.1.1 Non-text Content)`) {
		t.Errorf("a logo without alt text: exit %d\n%s", code, out)
	}
}

func rewriteZip(t *testing.T, docx []byte, part string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == part {
			b = []byte(edit(string(b)))
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return buf.Bytes()
}
