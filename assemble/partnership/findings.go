package partnership

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// Severity says whether a finding stops a build.
type Severity int

// Severities. Errors fail validation; warnings fail it only with --strict.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalJSON writes the severity as "error" or "warning".
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Finding is one problem in the data, located and explained.
type Finding struct {
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"` // stable id, e.g. "funding.total-mismatch"
	File     string   `json:"file,omitempty"`
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"column,omitempty"`
	Path     string   `json:"path,omitempty"` // e.g. partners[2].delegate.name
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"` // what to write instead
	source   string   // the offending line, for the text report
}

// Findings is a validation report.
type Findings []Finding

// Errors counts error findings.
func (fs Findings) Errors() int { return fs.count(Error) }

// Warnings counts warning findings.
func (fs Findings) Warnings() int { return fs.count(Warning) }

func (fs Findings) count(s Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Failed reports whether the findings make the data invalid: any error, or
// any warning when strict.
func (fs Findings) Failed(strict bool) bool {
	return fs.Errors() > 0 || strict && fs.Warnings() > 0
}

// Sort orders findings by file, line, column, then path and message.
func (fs Findings) Sort() {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Message < b.Message
	})
}

// Where returns "file:line:col" (or as much of it as is known).
func (f Finding) Where() string {
	switch {
	case f.File == "":
		return "(data)"
	case f.Line == 0:
		return f.File
	case f.Col == 0:
		return fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	return fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)
}

// String is the one-line form: file:line:col: error: path: message.
func (f Finding) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s: ", f.Where(), f.Severity)
	if f.Path != "" {
		fmt.Fprintf(&b, "%s: ", f.Path)
	}
	b.WriteString(f.Message)
	return b.String()
}

// WriteText writes the report for a person: each finding, its hint, and the
// line of the file it points at with a caret under the place, then a count.
func (fs Findings) WriteText(w io.Writer) error {
	for _, f := range fs {
		fmt.Fprintln(w, f.String())
		if f.Hint != "" {
			fmt.Fprintf(w, "    hint: %s\n", f.Hint)
		}
		if f.source != "" && f.Line > 0 {
			src, col := excerpt(f.source, f.Col) // a long line shows as a window around the column
			num := fmt.Sprintf("%5d | ", f.Line)
			fmt.Fprintf(w, "%s%s\n", num, expandTabs(src))
			if col > 0 {
				pad := utf8.RuneCountInString(expandTabs(runePrefix(src, col-1)))
				fmt.Fprintf(w, "%s%s^\n", strings.Repeat(" ", len(num)-2)+"| ", strings.Repeat(" ", pad))
			}
		}
	}
	_, err := fmt.Fprintln(w, fs.Summary())
	return err
}

// Summary is the closing line: "2 errors, 1 warning" or "no problems found".
func (fs Findings) Summary() string {
	e, w := fs.Errors(), fs.Warnings()
	if e == 0 && w == 0 {
		return "no problems found"
	}
	return plural(e, "error") + ", " + plural(w, "warning")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// WriteJSON writes the findings as a JSON array (an empty array when none).
func (fs Findings) WriteJSON(w io.Writer) error {
	out := fs
	if out == nil {
		out = Findings{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func expandTabs(s string) string { return strings.ReplaceAll(s, "\t", "    ") }

// runePrefix returns the first n bytes of s, clamped.
func runePrefix(s string, n int) string {
	if n > len(s) {
		n = len(s)
	}
	if n < 0 {
		n = 0
	}
	return s[:n]
}
