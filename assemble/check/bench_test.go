package check

import (
	"testing"

	"mou/assemble/documents"
)

// mou check renders two or three documents in memory and reads them back;
// its peer is planning a build of the same partnership (all four documents
// rendered in memory, nothing written), measured in the same run:
//
//	go test ./assemble/check -run XXX -bench . -benchmem
const benchData = "../../data/westmorland-and-furness-2025.toml"

func BenchmarkCheck(b *testing.B) {
	for b.Loop() {
		r, err := Run(benchData, Options{Today: today})
		if err != nil || len(r.Items) == 0 {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuildPlan(b *testing.B) {
	out := b.TempDir()
	for b.Loop() {
		if _, err := documents.Plan([]string{benchData}, documents.Options{Out: out, Today: today}); err != nil {
			b.Fatal(err)
		}
	}
}
