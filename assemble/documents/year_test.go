package documents

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"mou/assemble/internal/readertest"
	"mou/assemble/partnership"
)

// TestYearReportIsFinal: the invented example's yearly report, built from
// its [year], holds every figure and every sentence of the year as a
// reader sees it (pandoc), and no placeholder: a final build accepts it.
func TestYearReportIsFinal(t *testing.T) {
	pandoc := readertest.Require(t, "pandoc")
	p := loadFor(t, "../../data/invented-meresides-2025.toml")
	if p == nil || p.Year == nil {
		t.Fatal("the invented Meresides example has no [year]")
	}
	docx, _, err := Render(p, YearlyReport, "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.docx")
	files := []File{{Path: path, Data: docx}}
	if err := os.WriteFile(path, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	raw, err := exec.Command(pandoc, "-t", "plain", "--wrap=none", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	text := normalise(string(raw))
	for _, want := range yearFigures(t, p) {
		found := false
		for _, alt := range strings.Split(want, "|") {
			found = found || strings.Contains(text, normalise(alt))
		}
		if !found {
			t.Errorf("the report does not print %q from [year]", want)
		}
	}
	if err := CheckFinal(files); err != nil {
		t.Errorf("a final build refuses the invented example: %v", err)
	}
	if strings.Contains(text, "to be written") || strings.Contains(text, "to be added") {
		t.Error("the invented example's report still holds a placeholder")
	}
}

// yearFigures are the values of the year as the report prints them: each
// count as a numeral (or in words, up to ten), each amount in pounds, each
// text as written; ids and statuses are printed as names and words.
func yearFigures(t *testing.T, p *partnership.Partnership) []string {
	t.Helper()
	var out []string
	var walk func(v reflect.Value, key string)
	walk = func(v reflect.Value, key string) {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return
			}
			v = v.Elem()
		}
		if m, ok := v.Interface().(partnership.Money); ok {
			out = append(out, m.String())
			return
		}
		if d, ok := v.Interface().(partnership.Date); ok {
			out = append(out, d.String())
			return
		}
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if name, _, _ := strings.Cut(f.Tag.Get("toml"), ","); name != "" && name != "-" {
					walk(v.Field(i), name)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), key)
			}
		case reflect.Int:
			out = append(out, numberAsPrinted(int(v.Int())))
		case reflect.String:
			switch key {
			case "partner", "status", "progress":
				return // an id or an enumerated value: printed as a name or in words
			}
			out = append(out, paragraphs(v.String())...)
		}
	}
	walk(reflect.ValueOf(p.Year), "year")
	if len(out) < 40 {
		t.Fatalf("only %d figures in the example's year: it should have some of every kind", len(out))
	}
	return out
}

// numberAsPrinted is a count as the report prints it: in words in a
// sentence up to ten, as digits in a table; either will do ("four|4").
func numberAsPrinted(n int) string {
	if n <= 10 {
		return numberWord(n) + "|" + strconv.Itoa(n)
	}
	return numberWord(n)
}

// TestYearlessReportHasPlaceholders: a partnership whose data says nothing
// of the year gets a placeholder in each section the year fills, and a
// final build refuses it, naming every one of them.
func TestYearlessReportHasPlaceholders(t *testing.T) {
	p := loadFor(t, "testdata/minimal.toml")
	if p == nil || p.Year != nil {
		t.Fatal("testdata/minimal.toml should build, with no [year]")
	}
	docx, _, err := Render(p, YearlyReport, "")
	if err != nil {
		t.Fatal(err)
	}
	files := []File{{Path: "annual-report.docx", Data: docx}, {Path: "annual-report-review.docx", Data: docx}}
	found, err := Placeholders(files)
	if err != nil {
		t.Fatal(err)
	}
	bySection := map[string]int{}
	for _, ph := range found {
		if ph.File != "annual-report.docx" {
			t.Errorf("a review copy's placeholders are counted: %+v", ph)
		}
		bySection[ph.Section]++
	}
	sections := []string{
		"What the partners did as a result of the arrangements", "Child safeguarding practice reviews",
		"How effective the arrangements have been", "The independent scrutineer's statement",
		"Impact on outcomes for children and families", "Where progress has been slow",
		"Listening to children and families", "Updates to the arrangements", "Funding", "Priorities for next year",
	}
	err = CheckFinal(files)
	var fail *Failure
	if !errors.As(err, &fail) {
		t.Fatalf("a final build accepts a report with no year: %v", err)
	}
	msg := strings.Join(fail.Other, "\n")
	for _, s := range sections {
		if bySection[s] != 1 {
			t.Errorf("the section %q has %d placeholders, want one", s, bySection[s])
		}
		if !strings.Contains(msg, `"`+s+`"`) {
			t.Errorf("the final check does not name %q:\n%s", s, msg)
		}
	}
}

// toolWords are what a published report must never say: how it was made.
var toolWords = regexp.MustCompile(`(?i)\bmou\b|\btoml\b|data file|\brebuild|\[(?:report|year|text|points)\]|mou (?:build|check|validate)`)

// TestReportSaysNothingOfTheTool: no example's yearly report, with or
// without its year, mentions the tool, its data file or a command.
func TestReportSaysNothingOfTheTool(t *testing.T) {
	for name, p := range originPartnerships(t) {
		docx, _, err := Render(p, YearlyReport, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, ps := range bodyParagraphs(t, docx) {
			if toolWords.MatchString(ps[1]) {
				t.Errorf("%s: the yearly report mentions the tool: %q", name, ps[1])
			}
		}
		main := partText(t, docx, "word/document.xml")
		for _, m := range textXML.FindAllStringSubmatch(main, -1) {
			if toolWords.MatchString(m[1]) {
				t.Errorf("%s: the yearly report's text mentions the tool: %q", name, m[1])
			}
		}
	}
}
