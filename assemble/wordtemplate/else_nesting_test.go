package wordtemplate

import (
	"strings"
	"testing"
)

// TestBlocksNestedInElse: a block inside an {{else}} branch, inline, over
// paragraphs or over table rows, renders the branch that applies. Blocks are
// wrapped outer first, so the inner one is found in the enclosing block's
// else branch (this once panicked).
func TestBlocksNestedInElse(t *testing.T) {
	tests := []struct {
		name string
		body string
		// want per data case: a, b
		want map[[2]bool]string
	}{
		{
			name: "inline if in inline else",
			body: para("A {{#if a}}x{{else}}{{#if b}}y{{/if}}{{/if}} B"),
			want: map[[2]bool]string{{true, true}: "A x B", {false, true}: "A y B", {false, false}: "A  B"},
		},
		{
			name: "inline if else in inline else",
			body: para("{{#if a}}x{{else}}{{#if b}}y{{else}}z{{/if}}{{/if}}"),
			want: map[[2]bool]string{{true, false}: "x", {false, true}: "y", {false, false}: "z"},
		},
		{
			name: "paragraph if in paragraph else",
			body: para("{{#if a}}") + para("x") + para("{{else}}") + para("{{#if b}}") + para("y") + para("{{/if}}") + para("{{/if}}") + para("end"),
			want: map[[2]bool]string{{true, true}: "x\nend", {false, true}: "y\nend", {false, false}: "end"},
		},
		{
			name: "inline if in paragraph else",
			body: para("{{#if a}}") + para("x") + para("{{else}}") + para("n {{#if b}}y{{else}}z{{/if}}") + para("{{/if}}"),
			want: map[[2]bool]string{{true, true}: "x", {false, true}: "n y", {false, false}: "n z"},
		},
		{
			name: "row if in paragraph else",
			body: para("{{#if a}}") + para("x") + para("{{else}}") + table(row("head"), row("{{#if b}}"), row("y"), row("{{/if}}"), row("foot")) + para("{{/if}}"),
			want: map[[2]bool]string{{true, true}: "x", {false, true}: "head\ny\nfoot", {false, false}: "head\nfoot"},
		},
		{
			name: "else inside else's nested each",
			body: para("{{#if a}}x{{else}}{{#each items}}[{{this}}]{{else}}none{{/each}}{{/if}}"),
			want: map[[2]bool]string{{true, false}: "x", {false, true}: "[1][2]", {false, false}: "none"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for ab, want := range tc.want {
				data := map[string]any{"a": ab[0], "b": ab[1], "items": []any{}}
				if ab[1] {
					data["items"] = []any{1, 2}
				}
				got := strings.TrimSpace(visibleText(t, render(t, tc.body, data)))
				if got != want {
					t.Errorf("a=%v b=%v: got %q, want %q", ab[0], ab[1], got, want)
				}
			}
		})
	}
}
