package partnership

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// synthetic writes a partnership with n partners (and a funding row each)
// and as many relevant agencies as the limits allow, so the benchmark reads
// the largest partnership mou accepts.
func synthetic(n int) string {
	var b strings.Builder
	b.WriteString("[partnership]\nname = \"Synthetic Partnership\"\narea = \"Synthshire\"\nedition = 2023\ndate = 2025-04-01\n\n")
	kinds := []string{"local-authority", "icb", "police"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "[[partners]]\nid = \"p%d\"\nkind = %q\norganisation = \"Organisation %d\"\nlead = { name = \"Lead %d\", title = \"Chief Executive\" }\ndelegate = { name = \"Delegate %d\", title = \"Director\" }\n\n", i, kinds[i%3], i, i, i)
	}
	sectors := []string{"education", "health", "justice", "voluntary", "housing"}
	for i := 0; i < MaxItems; i++ {
		fmt.Fprintf(&b, "[[relevant_agencies]]\nname = \"Agency %d\"\nsector = %q\nrationale = \"Works with children across the area.\"\n\n", i, sectors[i%len(sectors)])
	}
	b.WriteString("[[funding]]\nyear = \"2025/26\"\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "[[funding.rows]]\npartner = \"p%d\"\namount = %d.50\n", i, 1000+i)
	}
	return b.String()
}

// BenchmarkLoadValidateLargest loads and validates, from disk, a file with as
// many partners and relevant agencies as the limits allow.
func BenchmarkLoadValidateLargest(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.toml")
	if err := os.WriteFile(path, []byte(synthetic(MaxPartners)), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_, fs, err := Check(Options{Today: today}, path)
		if err != nil || fs.Errors() > 0 {
			b.Fatalf("%v %v", err, fs)
		}
	}
}

// BenchmarkTOMLParseOnlyLargest is the baseline: BurntSushi/toml parsing the same
// file into a map, which Load does first. Load+validate ÷ this is the cost of
// mou's own work (index, decoding, rules) as a ratio.
func BenchmarkTOMLParseOnlyLargest(b *testing.B) {
	src := synthetic(MaxPartners)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var v map[string]any
		if _, err := toml.Decode(src, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckExamples checks the two valid examples, as each
// partnership of a national build is checked.
func BenchmarkCheckExamples(b *testing.B) {
	paths := []string{"../../data/herefordshire-2019.toml", "../../data/westmorland-and-furness-2025.toml"}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paths {
			if _, fs, err := Check(Options{Today: today}, p); err != nil || fs.Errors() > 0 {
				b.Fatalf("%v %v", err, fs)
			}
		}
	}
}
