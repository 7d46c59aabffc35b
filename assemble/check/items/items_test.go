package items

import (
	"strings"
	"testing"
)

func TestEmbeddedTable(t *testing.T) {
	all := All()
	if len(all) < 30 {
		t.Fatalf("only %d items", len(all))
	}
	for _, ed := range []int{2018, 2023} {
		for _, g := range Groups {
			n := 0
			for _, it := range all {
				if it.Group == g && it.InEdition(ed) {
					n++
				}
			}
			if n == 0 {
				t.Errorf("edition %d has no %s items", ed, g)
			}
		}
	}
}

func TestParseRejects(t *testing.T) {
	good := `
[[item]]
id = "arr.x"
group = "arrangements"
level = "must"
editions = [2023]
about = "x"
source = "y"
document = "arrangements"
headings = ["X"]
`
	if _, err := Parse(good); err != nil {
		t.Fatalf("a good item is refused: %v", err)
	}
	tests := []struct{ name, from, to, want string }{
		{"level", `level = "must"`, `level = "may"`, "not must or should"},
		{"group", `group = "arrangements"`, `group = "mou"`, "group"},
		{"unknown key", `about = "x"`, "about = \"x\"\nabuot = 1", "unknown key"},
		{"needs without add", `about = "x"`, "about = \"x\"\nneeds = [\"geography\"]", "needs without add"},
		{"no headings", `headings = ["X"]`, `headings = []`, "with headings"},
		{"when alone", `about = "x"`, "about = \"x\"\nwhen = \"partnership.secure_establishment\"", "when and when_not"},
		{"duplicate id", good, good + good, "id used twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.Replace(good, tt.from, tt.to, 1))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
