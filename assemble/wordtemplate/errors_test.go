package wordtemplate

import (
	"strings"
	"testing"
)

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string // Error() of each error, in order
	}{
		{"unclosed tag", para("Hello {{partnership.name"),
			[]string{`test.docx: document, paragraph 1 ("Hello {{partnership.name"): the tag {{partnership.name is not closed with }} before the end of the paragraph`}},
		{"stray close", para("Hello partnership}}"),
			[]string{`test.docx: document, paragraph 1 ("Hello partnership}}"): }} without a matching {{`}},
		{"unknown filter", para("{{amount | monye}}"),
			[]string{`test.docx: document, paragraph 1 ("{{amount | monye}}"): unknown filter "monye" in {{amount | monye}}: did you mean "money"? (the filters are money, date, ordinal, upper, lower, join, default, number, percent and count)`}},
		{"filter argument missing", para("{{date | date}}"),
			[]string{`test.docx: document, paragraph 1 ("{{date | date}}"): the filter "date" takes one argument in quotes, in {{date | date}} (e.g. {{date | date "2 January 2006"}})`}},
		{"filter argument unquoted", para("{{values | join ,}}"),
			[]string{`test.docx: document, paragraph 1 ("{{values | join ,}}"): the argument , of filter "join" must be in quotes (e.g. {{values | join ","}})`}},
		{"unclosed block", para("{{#each partners}}") + para("x"),
			[]string{`test.docx: document, paragraph 1 ("{{#each partners}}"): {{#each partners}} is never closed (add {{/each}} where the block ends)`}},
		{"unopened block", para("x") + para("{{/each}}"),
			[]string{`test.docx: document, paragraph 2 ("{{/each}}"): {{/each}} closes a block that was never opened (add {{#each …}} before it, or delete it)`}},
		{"mismatched block", para("{{#each partners}}") + para("{{/if}}"),
			[]string{`test.docx: document, paragraph 2 ("{{/if}}"): {{/if}} closes {{#each partners}}, opened in paragraph 1 (write {{/each}} here, or close the inner block first)`}},
		{"else outside", para("{{else}}"),
			[]string{`test.docx: document, paragraph 1 ("{{else}}"): {{else}} is not inside a block (use it between {{#each …}} or {{#if …}} and its end)`}},
		{"unknown block", para("{{#for partners}}{{/each}}"),
			[]string{`test.docx: document, paragraph 1 ("{{#for partners}}{{/each}}"): unknown block "for" in {{#for partners}} (blocks are #each, #if and #unless)`,
				`test.docx: document, paragraph 1 ("{{#for partners}}{{/each}}"): {{/each}} closes a block that was never opened (add {{#each …}} before it, or delete it)`}},
		{"block not alone", para("Partners: {{#each partners}}") + para("{{organisation}}") + para("{{/each}}"),
			[]string{`test.docx: document, paragraph 1 ("Partners: {{#each partners}}"): {{#each partners}} shares its paragraph with the text "Partners:", but its block spans several paragraphs (put the tag on a paragraph of its own, or close the block in the same paragraph)`}},
		{"block cuts a table", para("{{#each partners}}") + table(row("{{organisation}}"), row("{{/each}}")),
			[]string{`test.docx: document, paragraph 1 ("{{#each partners}}"): {{#each partners}} and its {{/each}} would cut a table in half (put both tags in the same paragraph, the same table row, rows of the same table, or on paragraphs of their own side by side)`}},
		{"block cuts a hyperlink", `<w:p><w:hyperlink r:id="rId1"><w:r><w:t>{{#if yes}}link</w:t></w:r></w:hyperlink><w:r><w:t>{{/if}}</w:t></w:r></w:p>`,
			[]string{`test.docx: document, paragraph 1 ("{{#if yes}}link{{/if}}"): {{#if yes}} and its {{/if}} would cut a hyperlink or other element in half (put both tags in the same paragraph, the same table row, rows of the same table, or on paragraphs of their own side by side)`}},
		{"empty tag", para("{{ }}"),
			[]string{`test.docx: document, paragraph 1 ("{{ }}"): the tag {{ }} is empty (write a field name between the braces, e.g. {{partnership.name}})`}},
		{"several problems at once", para("{{a | nope}}") + para("fine") + para("{{#if x}}"),
			[]string{`test.docx: document, paragraph 1 ("{{a | nope}}"): unknown filter "nope" in {{a | nope}} (the filters are money, date, ordinal, upper, lower, join, default, number, percent and count)`,
				`test.docx: document, paragraph 3 ("{{#if x}}"): {{#if x}} is never closed (add {{/if}} where the block ends)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("test.docx", mkdocx(tt.body, nil))
			assertErrors(t, err, tt.want)
		})
	}
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"unknown field with suggestion", para("{{partnership.nmae}}"),
			[]string{`test.docx: document, paragraph 1 ("{{partnership.nmae}}"): unknown field "nmae" in partnership: did you mean "name"? (check the spelling against the data, or add default, e.g. {{partnership.nmae | default "…"}})`}},
		{"unknown root field", para("{{partnershp.name}}"),
			[]string{`test.docx: document, paragraph 1 ("{{partnershp.name}}"): unknown field "partnershp": did you mean "partnership"? (check the spelling against the data, or add default, e.g. {{partnershp.name | default "…"}})`}},
		{"struct field typo inside a loop", para("{{#each partners}}") + para("{{organsation}}") + para("{{/each}}"),
			[]string{`test.docx: document, paragraph 2 ("{{organsation}}"): unknown field "organsation": did you mean "organisation"? (check the spelling against the data, or add default, e.g. {{organsation | default "…"}})`}},
		{"missing value", para("{{#each partners}}") + para("{{delegate.name}}") + para("{{/each}}"),
			[]string{`test.docx: document, paragraph 2 ("{{delegate.name}}"): delegate.name has no value in the data (give it a value in the data, or add a default, e.g. {{delegate.name | default "…"}})`}},
		{"each over a non-list", para("{{#each amount}}x{{/each}}"),
			[]string{`test.docx: document, paragraph 1 ("{{#each amount}}x{{/each}}"): {{#each amount}} needs a list, but amount is a number (use {{#if …}} for a single value)`}},
		{"filter on wrong type", para("{{partnership.name | money}}"),
			[]string{`test.docx: document, paragraph 1 ("{{partnership.name | money}}"): {{partnership.name | money}}: money needs a number, not text`}},
		{"forbidden character", para("{{bad}}"),
			[]string{`test.docx: document, paragraph 1 ("{{bad}}"): the value of bad contains a vertical tab (U+000B) at character 2, which a Word document cannot store (remove it from the data)`}},
	}
	data := map[string]any{}
	for k, v := range testData {
		data[k] = v
	}
	data["bad"] = "a\vb"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := renderDocx(tt.body, nil, data)
			assertErrors(t, err, tt.want)
		})
	}
}

func TestPackageErrors(t *testing.T) {
	if _, err := Parse("notes.docx", []byte("plain text")); err == nil || !strings.Contains(err.Error(), "is not a Word .docx file") {
		t.Errorf("not a zip: %v", err)
	}
	noDoc := mkdocx("", nil)
	// Rename the main part's entry (not the relationship naming it).
	noDoc = []byte(strings.Replace(string(noDoc), "word/document.xml", "word/documenX.xml", -1))
	if _, err := Parse("x.docx", noDoc); err == nil || !strings.Contains(err.Error(), "names word/document.xml as its main document, but has no such entry") {
		t.Errorf("no document part: %v", err)
	}
}

func assertErrors(t *testing.T, err error, want []string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want %q", want)
	}
	es, ok := err.(Errors)
	if !ok {
		t.Fatalf("error is %T, not Errors: %v", err, err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Error())
		if e.ID == "" {
			t.Errorf("error without id: %v", e)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
