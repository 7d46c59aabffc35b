package wordtemplate

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Parsing and rendering stay linear in the template's size: many blocks
// side by side, many tags in one paragraph, and nesting refused past the
// limit with the tag located.
func TestBoundedOnLargeTemplates(t *testing.T) {
	timed := func(name string, limit time.Duration, f func()) {
		t.Helper()
		start := time.Now()
		f()
		if d := time.Since(start); d > limit {
			t.Errorf("%s took %v, more than %v", name, d, limit)
		}
	}
	var b strings.Builder
	for i := 0; i < 20000; i++ {
		b.WriteString(para("{{#if partnership}}") + para(fmt.Sprintf("Item %d {{partnership.name}}", i)) + para("{{/if}}"))
	}
	timed("20,000 blocks side by side", 10*time.Second, func() {
		out := render(t, b.String(), fixtureData)
		if n := strings.Count(out, "Herefordshire Partnership"); n != 20000 {
			t.Errorf("%d items rendered", n)
		}
	})
	b.Reset()
	for i := 0; i < 20000; i++ {
		b.WriteString(para("{{#if partnership}}"))
	}
	b.WriteString(para("deep"))
	for i := 0; i < 20000; i++ {
		b.WriteString(para("{{/if}}"))
	}
	timed("20,000 nested blocks", 5*time.Second, func() {
		_, err := Parse("deep.docx", mkdocx(b.String(), nil))
		if err == nil || !strings.Contains(err.Error(), "deep.docx: document, paragraph 101 (\"{{#if partnership}}\"): {{#if partnership}} opens a block inside 100 others, more than the 100 a template may nest") {
			t.Errorf("err = %v", err)
		}
	})
	b.Reset()
	b.WriteString("<w:p>")
	for i := 0; i < 20000; i++ {
		b.WriteString(`<w:r><w:t>{{partnership.area}}</w:t></w:r><w:r><w:t>-</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	timed("20,000 tags in one paragraph", 10*time.Second, func() {
		out := render(t, b.String(), fixtureData)
		if n := strings.Count(out, "Herefordshire"); n != 20000 {
			t.Errorf("%d values rendered", n)
		}
	})
	one := para(strings.Repeat("{{partnership.area}}-", 20000))
	timed("20,000 tags in one run", 10*time.Second, func() {
		out := render(t, one, fixtureData)
		if n := strings.Count(out, "Herefordshire"); n != 20000 {
			t.Errorf("%d values rendered", n)
		}
	})
}
