package serve

import (
	"os"
	"path/filepath"
	"strings"

	"mou/assemble/partnership"
	"mou/assemble/tomlindex"
)

// finding is a validation finding as the pages show it.
type finding struct {
	Path     string `json:"path"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
	Line     int    `json:"line,omitempty"`
}

// validated runs `mou validate`'s own checks on text as if it were the
// file's: the same parse, field rules, domain rules and the team's
// register beside the file. It returns the findings and the partnership
// read, nil when the text does not read.
func (s *Server) validated(f *dataFile, text string) ([]finding, *partnership.Partnership) {
	p, fs := partnership.Parse(f.path, text)
	if p != nil {
		opts := partnership.Options{Today: s.cfg.Today}
		reg := filepath.Join(filepath.Dir(f.path), partnership.RegisterFile)
		if _, err := os.Stat(reg); err == nil {
			rs, rfs, err := partnership.LoadRegister(reg)
			if err != nil {
				// As `mou validate` stops on it, the page says it.
				fs = append(fs, partnership.Finding{Severity: partnership.Error, Rule: "register.unreadable", File: reg,
					Message: err.Error(), Hint: "correct or remove " + partnership.RegisterFile + " beside the data file"})
			}
			opts.Reorganisations = rs
			fs = append(fs, rfs...)
		}
		fs = append(fs, p.Validate(opts)...)
	}
	fs.Sort()
	out := make([]finding, 0, len(fs))
	var ix *tomlindex.Index
	for _, x := range fs {
		path := x.Path
		if path == "" && x.Line > 0 {
			// A finding of how the file is written (a syntax error) names
			// a line: the table it is in is the nearest field.
			if ix == nil {
				ix = tomlindex.Build(text)
			}
			path = ix.TableAt(x.Line)
		}
		out = append(out, finding{Path: path, Severity: x.Severity.String(), Message: x.Message, Hint: plainHint(x.Hint), Line: x.Line})
	}
	return out, p
}

// topKey is the data's top-level key a path is under: "partners" for
// "partners[1].lead.name".
func topKey(path string) string {
	if i := strings.IndexAny(path, ".["); i >= 0 {
		return path[:i]
	}
	return path
}

// nearest returns path or its closest ancestor among shown, "" when none:
// a finding about `partners[1]` goes on that partner's fieldset.
func nearest(path string, shown map[string]bool) string {
	for p := path; p != ""; p = tomlindex.Parent(p) {
		if shown[p] {
			return p
		}
	}
	return ""
}

// plainHint keeps a finding's hint for the page when it reads as words:
// a hint that spells out TOML to type ("add area = …", "[[history]]") is
// for the text editor, and the field beside the message already says
// where to write.
func plainHint(h string) string {
	if strings.ContainsAny(h, "={}") || strings.Contains(h, "[[") || strings.Contains(h, "[text]") || strings.Contains(h, "[points]") {
		return ""
	}
	return h
}
