package partnership

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad: no input makes loading or validating panic.
func FuzzLoad(f *testing.F) {
	f.Add(base)
	f.Add(string(starter))
	files, _ := filepath.Glob("../../data/*.toml")
	files = append(files, "testdata/many-mistakes.toml")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("[partnership]\ndate = \"2019-13\"\n[[funding]]\nrows = [{amount = 1e308}]\n")
	f.Fuzz(func(t *testing.T, src string) {
		p, fs := Parse("fuzz.toml", src)
		if p != nil {
			p.Validate(Options{Today: today})
			p.CurrentFunding()
		}
		var sink discard
		fs.WriteText(sink)
	})
}

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }
