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
needs = ["geography"]
add = "a [geography] table"
`
	if _, err := Parse(good); err != nil {
		t.Fatalf("a good item is refused: %v", err)
	}
	tests := []struct{ name, from, to, want string }{
		{"level", `level = "must"`, `level = "may"`, "not must or should"},
		{"group", `group = "arrangements"`, `group = "mou"`, "group"},
		{"unknown key", `about = "x"`, "about = \"x\"\nabuot = 1", "unknown key"},
		{"needs without add", `add = "a [geography] table"`, "", "needs without add"},
		{"no needs", `needs = ["geography"]`, "", "no needs"},
		{"adds for the wrong needs", `add = "a [geography] table"`, `adds = ["x", "y"]`, "2 adds for 1 needs"},
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

// No item of the table is met by the template alone: each names the data
// that meets it, and what to add when that data is missing.
func TestEveryItemNeedsData(t *testing.T) {
	for _, it := range All() {
		if len(it.Needs) == 0 {
			t.Errorf("%s has no needs", it.ID)
		}
		for i := range it.Needs {
			if it.AddFor(i) == "" {
				t.Errorf("%s: need %d has no add", it.ID, i)
			}
		}
	}
}

func TestPlaceholder(t *testing.T) {
	for _, s := range []string{"A. Person", "a person", "A N Other", "A.N. Other", "TBC", "tbc.", "(TBC)", "To be confirmed", "XXX", "xx", "[name]", "[Name of the chair]", "<name>", "Name", "…", "..."} {
		if !Placeholder(s) {
			t.Errorf("%q is not taken for a placeholder", s)
		}
	}
	for _, s := range []string{"Ann Example", "Chris Baird", "Xavier", "Tbilisi", "Nameless Trust", "Anna Person", "", "Information Sharing Agreement"} {
		if Placeholder(s) {
			t.Errorf("%q is taken for a placeholder", s)
		}
	}
}
