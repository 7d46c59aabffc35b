package wordtemplate

import (
	"fmt"
	"strings"
	"testing"
)

// mouLike is a template shaped like a three-partner MOU: headings and prose
// with fields, a partners section, a funding table and endorsement blocks.
func mouLike() []byte {
	var b strings.Builder
	b.WriteString(para("Memorandum of Understanding: {{partnership.name}}"))
	for i := 0; i < 40; i++ {
		b.WriteString(para(fmt.Sprintf("Section %d. The partners of {{partnership.area}} agree to work together; this paragraph is ordinary prose of a realistic length, with a field or two such as {{partnership.name}}.", i)))
	}
	b.WriteString(para("{{#each partners}}"))
	b.WriteString(para("{{organisation}}: represented by {{delegate.name | default \"(vacant)\"}}, {{delegate.title | default \"\"}}."))
	b.WriteString(para("{{/each}}"))
	b.WriteString(table(row("Contributor", "Amount", "Share"), row("{{#each partners}}{{organisation}}", "{{amount | money}}", "{{share | percent}}{{/each}}"), row("Total", "{{total | money}}", "100%")))
	b.WriteString(para("{{#each partners}}"))
	b.WriteString(para("Signed for {{organisation}}"))
	b.WriteString(para("Name: {{delegate.name | default \"\"}}"))
	b.WriteString(para("Date: ....................."))
	b.WriteString(para("{{/each}}"))
	return mkdocx(b.String(), nil)
}

func BenchmarkMOUThreePartners(b *testing.B) {
	tmpl, err := Parse("mou.docx", mouLike())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := tmpl.Render(fixtureData); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseMOUThreePartners(b *testing.B) {
	src := mouLike()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("mou.docx", src); err != nil {
			b.Fatal(err)
		}
	}
}

type benchRow struct {
	Name   string `toml:"name"`
	Amount int    `toml:"amount"`
}

// BenchmarkTableRows renders a row loop of 100, 1,000 and 10,000 rows; the
// ns/row metric stays flat when rendering is linear.
func BenchmarkTableRows(b *testing.B) {
	tmpl, err := Parse("rows.docx", mkdocx(table(row("Name", "Amount"), row("{{#each rows}}{{name}}", "{{amount | money}}{{/each}}")), nil))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 1000, 10000} {
		rows := make([]benchRow, n)
		for i := range rows {
			rows[i] = benchRow{Name: fmt.Sprintf("Organisation %d", i), Amount: 1000 + i}
		}
		data := map[string]any{"rows": rows}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := tmpl.Render(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
		})
	}
}

// compareShape is the template bench/compare.sh gives every engine: ten
// fields in the prose, a paragraph loop and a table-row loop.
func compareShape() []byte {
	var b strings.Builder
	b.WriteString(para("{{title}}"))
	fields := []string{"title", "area", "date", "lead", "police", "health", "council", "review", "contact", "version"}
	for i := 0; i < 10; i += 2 {
		b.WriteString(para(fmt.Sprintf("The partners of {{%s}} agree, on {{%s}}, to the arrangements below.", fields[i], fields[i+1])))
	}
	b.WriteString(para("{{#each rows}}") + para("{{name}} contributes {{amount}}.") + para("{{/each}}"))
	b.WriteString(table(row("Name", "Amount"), row("{{#each rows}}{{name}}", "{{amount}}{{/each}}")))
	b.WriteString(para("End."))
	return mkdocx(b.String(), nil)
}

// BenchmarkLoadAndRender loads the template and renders it each time, as
// the peers in bench/compare.sh are measured, at 3, 1,000 and 10,000 rows.
func BenchmarkLoadAndRender(b *testing.B) {
	src := compareShape()
	for _, n := range []int{3, 1000, 10000} {
		rows := make([]map[string]any, n)
		for i := range rows {
			rows[i] = map[string]any{"name": fmt.Sprintf("Organisation %d", i), "amount": 1000 + i}
		}
		data := map[string]any{"rows": rows}
		for _, f := range []string{"title", "area", "date", "lead", "police", "health", "council", "review", "contact", "version"} {
			data[f] = "The " + f
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tmpl, err := Parse("compare.docx", src)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := tmpl.Render(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
