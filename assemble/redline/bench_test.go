package redline_test

import (
	"testing"

	"mou/assemble/documents"
	"mou/assemble/redline"
)

// The cost of tracked changes against the cost of a build, measured in the
// same run: comparing two versions of the MOU should cost no more than
// building it twice.
//
//	go test ./assemble/redline -run '^$' -bench . -benchtime 2s -count 3

const (
	benchOld = "../../data/herefordshire-2019.toml"
	benchNew = "../../data/herefordshire-2024.toml"
)

// BenchmarkBuildMOU is a plain build of the later MOU, in memory: data
// checked, template parsed, document rendered and fingerprinted.
func BenchmarkBuildMOU(b *testing.B) {
	for b.Loop() {
		if _, err := documents.Plan([]string{benchNew}, documents.Options{Only: []string{documents.MOU}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareMOU is the comparison alone: two rendered MOUs in,
// the changes document out.
func BenchmarkCompareMOU(b *testing.B) {
	old, new := build(b, benchOld)[documents.MOU], build(b, benchNew)[documents.MOU]
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := redline.Compare(old, new, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildMOUCompare is `mou build NEW --only mou --compare OLD` in
// memory: both versions built and compared.
func BenchmarkBuildMOUCompare(b *testing.B) {
	for b.Loop() {
		if _, err := documents.Plan([]string{benchNew}, documents.Options{Only: []string{documents.MOU}, Compare: benchOld}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCompareCostsNoMoreThanTwoBuilds runs the two benchmarks above in turn,
// three times each, and compares their best times (the best is the least
// disturbed by other work on the machine).
func TestCompareCostsNoMoreThanTwoBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test: not with -short")
	}
	var build, compare float64
	for range 3 {
		b := testing.Benchmark(BenchmarkBuildMOU)
		c := testing.Benchmark(BenchmarkCompareMOU)
		if b.N == 0 || c.N == 0 {
			t.Fatal("a benchmark failed")
		}
		if v := float64(b.NsPerOp()); build == 0 || v < build {
			build = v
		}
		if v := float64(c.NsPerOp()); compare == 0 || v < compare {
			compare = v
		}
	}
	t.Logf("build %.1f ms, compare %.1f ms: %.2f builds", build/1e6, compare/1e6, compare/build)
	if compare > 2*build {
		t.Errorf("comparing two MOUs takes %.1f ms, more than two builds (%.1f ms each)", compare/1e6, build/1e6)
	}
}

// BenchmarkBuildAll is a plain build of the later version's four
// documents, in memory.
func BenchmarkBuildAll(b *testing.B) {
	for b.Loop() {
		if _, err := documents.Plan([]string{benchNew}, documents.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildAllCompare is `mou build NEW --compare OLD` in memory: both
// versions' four documents built, and four changes documents.
func BenchmarkBuildAllCompare(b *testing.B) {
	for b.Loop() {
		if _, err := documents.Plan([]string{benchNew}, documents.Options{Compare: benchOld}); err != nil {
			b.Fatal(err)
		}
	}
}
