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
