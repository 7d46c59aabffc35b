// Package assemble is mou's library: the few verbs the command line calls.
// Loading and checking data lives in assemble/partnership, the template
// engine in assemble/wordtemplate; this package joins them to files.
package assemble

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"mou/assemble/documents"
	"mou/assemble/internal/atomicfile"
	"mou/assemble/partnership"
	"mou/assemble/wordtemplate"
)

// ReadData reads any TOML file as plain data for a template: tables become
// maps, arrays lists, dates time.Time. No partnership rules apply.
func ReadData(path string) (map[string]any, error) {
	text, err := partnership.ReadTOML(path) // bounded: no device, pipe or runaway nesting
	if err != nil {
		return nil, err
	}
	var data map[string]any
	if _, err := toml.Decode(text, &data); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d:%d: the file is not valid TOML: %s", path, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// RenderTemplate fills one template with data and writes the result
// atomically; nothing is written when the template or the data is wrong.
// The warnings name parts of the template whose tags mou does not fill.
func RenderTemplate(templatePath string, data any, outPath string) (warnings []string, err error) {
	t, err := wordtemplate.ParseFile(templatePath)
	if err != nil {
		return nil, err
	}
	b, err := t.Render(data)
	if err != nil {
		return t.Warnings(), err
	}
	return t.Warnings(), atomicfile.Write(outPath, b, 0o644)
}

// LintReport is what `mou templates lint` says of one template.
type LintReport struct {
	Template string                 `json:"template"`
	Tags     []wordtemplate.TagInfo `json:"tags"`
	Problems wordtemplate.Errors    `json:"problems"`
	Warnings []string               `json:"warnings,omitempty"` // parts whose tags mou does not fill
}

// LintData reads the data a lint renders templates with. A valid
// partnership file gives each template what `mou build` would give it (the
// documents' view, by the template's file name: mou.docx, arrangements.docx,
// annual-report.docx, endorsements.docx); any other TOML is used as written.
// asPartnership says which.
func LintData(path string) (data func(template string) any, asPartnership bool, err error) {
	if p, findings, err := partnership.Check(partnership.Options{}, path); err == nil && p != nil && findings.Errors() == 0 {
		return func(template string) any {
			kind := documents.MOU
			switch strings.TrimSuffix(filepath.Base(template), ".docx") {
			case "arrangements":
				kind = documents.Arrangements
			case "annual-report":
				kind = documents.YearlyReport
			case "endorsements":
				kind = documents.Endorsements
			}
			return documents.NewView(p, kind)
		}, true, nil
	}
	raw, err := ReadData(path)
	if err != nil {
		return nil, false, err
	}
	return func(string) any { return raw }, false, nil
}

// Lint parses each template (and, with data, renders it in memory) and
// reports its tags and every problem. Nothing is written. data, when not
// nil, gives the data for a template path.
func Lint(paths []string, data func(template string) any) ([]LintReport, error) {
	files, err := templateFiles(paths)
	if err != nil {
		return nil, err
	}
	var out []LintReport
	for _, f := range files {
		r := LintReport{Template: f}
		t, err := wordtemplate.ParseFile(f)
		if err != nil {
			r.Problems = wordtemplate.AsErrors(err)
			out = append(out, r)
			continue
		}
		r.Tags = t.Tags()
		r.Warnings = t.Warnings()
		if data != nil {
			if _, err := t.Render(data(f)); err != nil {
				r.Problems = wordtemplate.AsErrors(err)
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// templateFiles expands folders into their .docx files.
func templateFiles(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s does not exist", p)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		found, _ := filepath.Glob(filepath.Join(p, "*.docx"))
		var keep []string
		for _, f := range found {
			if !strings.HasPrefix(filepath.Base(f), "~$") { // Word's lock files
				keep = append(keep, f)
			}
		}
		if len(keep) == 0 {
			return nil, fmt.Errorf("the folder %s holds no .docx templates", p)
		}
		sort.Strings(keep)
		files = append(files, keep...)
	}
	return files, nil
}
