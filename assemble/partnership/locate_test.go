package partnership

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestEscapedKeysLocated: a finding about a key spelt with quotes or
// escapes is at that key's own line, not its table's.
func TestEscapedKeysLocated(t *testing.T) {
	b, err := os.ReadFile("../../data/herefordshire-2019.toml")
	if err != nil {
		t.Fatal(err)
	}
	base := strings.Count(string(b), "\n")
	n := strings.Count(string(b), "[[boards]]")
	text := string(b) + "\n[[boards]]\n\n\"n\\u0061me\" = 12\n'last reviewed' = 1\n\"\\u0070urpose\" = true\n"
	_, fs, _ := loadText(t, text)
	want := map[string]int{
		fmt.Sprintf("boards[%d].name", n):            base + 4,
		fmt.Sprintf(`boards[%d]."last reviewed"`, n): base + 5,
		fmt.Sprintf("boards[%d].purpose", n):         base + 6,
	}
	for _, f := range fs {
		if line, ok := want[f.Path]; ok {
			if f.Line != line {
				t.Errorf("%s at line %d, want %d: %s", f.Path, f.Line, line, f)
			}
			delete(want, f.Path)
		}
	}
	for path := range want {
		t.Errorf("no finding for %s in %v", path, fs)
	}
}
