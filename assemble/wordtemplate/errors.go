package wordtemplate

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error ids: stable, so tests and documentation can name them.
const (
	ErrUnclosedTag     = "unclosed_tag"       // {{ without }} in the paragraph
	ErrStrayClose      = "stray_close"        // }} without {{
	ErrBadTag          = "bad_tag"            // a tag that cannot be read
	ErrUnknownFilter   = "unknown_filter"     // {{x | monye}}
	ErrBadFilterArg    = "bad_filter_arg"     // {{d | date}} without a layout
	ErrUnclosedBlock   = "unclosed_block"     // {{#each}} without {{/each}}
	ErrUnopenedBlock   = "unopened_block"     // {{/each}} without {{#each}}
	ErrMismatchedBlock = "mismatched_block"   // {{#each}} … {{/if}}
	ErrMisplacedElse   = "misplaced_else"     // {{else}} outside a block, or twice
	ErrBlockNotAlone   = "block_not_alone"    // a block spanning paragraphs shares its paragraph with text
	ErrBlockCuts       = "block_cuts_element" // the expansion would cut an element in half
	ErrBlockDepth      = "block_too_deep"     // blocks nested past maxBlockDepth
	ErrUnknownField    = "unknown_field"      // no such name in the data
	ErrMissingValue    = "missing_value"      // the name exists but has no value
	ErrBadValue        = "bad_value"          // a value a Word document cannot hold
	ErrFilterType      = "filter_type"        // a filter given a value it cannot use
	ErrNotList         = "not_a_list"         // {{#each}} over something that is not a list
	ErrPackage         = "bad_package"        // not a .docx, or one that cannot be read safely
)

// Error is one template problem, located in the template.
type Error struct {
	ID        string `json:"id"`
	Template  string `json:"template"`
	Part      string `json:"part,omitempty"`      // document, header1, footer2, footnotes …
	Paragraph int    `json:"paragraph,omitempty"` // 1-based, within the part
	Text      string `json:"text,omitempty"`      // the paragraph's visible text
	Tag       string `json:"tag,omitempty"`       // the tag as written
	Message   string `json:"message"`
	Hint      string `json:"hint,omitempty"`
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Template)
	if e.Part != "" {
		b.WriteString(": " + e.Part)
	}
	if e.Paragraph > 0 {
		fmt.Fprintf(&b, ", paragraph %d", e.Paragraph)
		if e.Text != "" {
			fmt.Fprintf(&b, " (%q)", abbreviate(e.Text, 60))
		}
	}
	b.WriteString(": " + e.Message)
	if e.Hint != "" {
		b.WriteString(" (" + e.Hint + ")")
	}
	return b.String()
}

// Errors is every problem of one template (or one render), in document order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func (es Errors) sort() {
	order := func(part string) int {
		switch {
		case part == "":
			return 0
		case part == "document":
			return 1
		case strings.HasPrefix(part, "header"):
			return 2
		case strings.HasPrefix(part, "footer"):
			return 3
		}
		return 4
	}
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Template != b.Template {
			return a.Template < b.Template
		}
		if order(a.Part) != order(b.Part) {
			return order(a.Part) < order(b.Part)
		}
		if a.Part != b.Part {
			return a.Part < b.Part
		}
		return a.Paragraph < b.Paragraph
	})
}

func abbreviate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// AsErrors returns err as the list of template problems it holds; any other
// error becomes one bad_package problem carrying its message.
func AsErrors(err error) Errors {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var e *Error
	if errors.As(err, &e) {
		return Errors{e}
	}
	return Errors{{ID: ErrPackage, Message: err.Error()}}
}
