package documents

import "testing"

// BenchmarkPlanHerefordshire loads and checks one partnership and renders
// its four documents in memory: the work of `mou build` before writing.
func BenchmarkPlanHerefordshire(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Plan(examples[:1], Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanBoth builds the two valid examples concurrently.
func BenchmarkPlanBoth(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Plan(examples, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPageRules measures what the page rules add to filling the
// contents list, on the Herefordshire MOU's main part: compare its ns/op
// with BenchmarkContentsOnly's.
func BenchmarkPageRules(b *testing.B) {
	doc := mainPartOf(b, MOU)
	b.ResetTimer()
	for b.Loop() {
		finishMain(doc)
	}
}

// BenchmarkContentsOnly fills the contents list alone, as before the page
// rules.
func BenchmarkContentsOnly(b *testing.B) {
	doc := mainPartOf(b, MOU)
	b.ResetTimer()
	for b.Loop() {
		fillTOC(doc, nil, nil)
	}
}

func mainPartOf(b *testing.B, kind string) string {
	files, err := Plan(examples[:1], Options{Out: "x", Only: []string{kind}})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := docxPart(files[0].Data, "word/document.xml")
	if err != nil {
		b.Fatal(err)
	}
	return string(doc)
}
