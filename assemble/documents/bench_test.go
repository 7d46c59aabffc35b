package documents

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

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

// BenchmarkNational is bench/national.sh in-process: 150 partnerships made
// from the two examples, each given its own area and name, built into a
// fresh folder. Profile it with -cpuprofile.
func BenchmarkNational(b *testing.B) {
	dir := b.TempDir()
	var paths []string
	for i := 1; i <= 150; i++ {
		src, err := os.ReadFile(examples[i%2])
		if err != nil {
			b.Fatal(err)
		}
		text := string(src)
		text = areaRE.ReplaceAllString(text, fmt.Sprintf("${1}${2} %d\"", i))
		text = nameRE.ReplaceAllString(text, fmt.Sprintf("${1}${2} (%d)\"", i))
		p := filepath.Join(dir, fmt.Sprintf("p%d.toml", i))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		out := filepath.Join(dir, fmt.Sprintf("out%d", n))
		n++
		if _, err := Build(paths, Options{Out: out}, WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	// Each run writes a new folder, all removed at the end: removing one
	// just before the next run would make that run's file creation slower
	// on a file system without a journal, which keeps recently freed
	// inodes aside for a minute (see bench/national.sh).
}

// The first area and name lines only, as bench/national.sh's sed does.
var (
	areaRE = regexp.MustCompile(`(?m)\A((?s:.*?)\narea = ")([^"]*)"`)
	nameRE = regexp.MustCompile(`(?m)\A((?s:.*?)\nname = ")([^"]*)"`)
)
