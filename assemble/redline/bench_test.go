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

// TestCompareCostsNoMoreThanTwoBuilds holds comparing two MOUs to the cost
// of building two, counted in memory allocated and allocations, which do not
// move with the machine's load as time does (a timed assertion failed on a
// busy machine). The time ratio is logged; the benchmarks measure it.
func TestCompareCostsNoMoreThanTwoBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two benchmarks: not with -short")
	}
	b := testing.Benchmark(BenchmarkBuildMOU)
	c := testing.Benchmark(BenchmarkCompareMOU)
	if b.N == 0 || c.N == 0 {
		t.Fatal("a benchmark failed")
	}
	t.Logf("build %.1f ms, %d KB, %d allocs; compare %.1f ms, %d KB, %d allocs: %.2f builds in time",
		float64(b.NsPerOp())/1e6, b.AllocedBytesPerOp()>>10, b.AllocsPerOp(),
		float64(c.NsPerOp())/1e6, c.AllocedBytesPerOp()>>10, c.AllocsPerOp(), float64(c.NsPerOp())/float64(b.NsPerOp()))
	if c.AllocedBytesPerOp() > 2*b.AllocedBytesPerOp() || c.AllocsPerOp() > 2*b.AllocsPerOp() {
		t.Errorf("comparing two MOUs allocates %d KB in %d allocations, more than two builds (%d KB in %d each)",
			c.AllocedBytesPerOp()>>10, c.AllocsPerOp(), b.AllocedBytesPerOp()>>10, b.AllocsPerOp())
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
