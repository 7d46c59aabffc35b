package tomledit

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Edits stay linear in the file's size: four times the partners takes
// well under sixteen times as long.
func TestScales(t *testing.T) {
	timeOf := func(n int) time.Duration {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "# partner %d\n[[partners]]\nid = \"p%d\"\nlead = { title = \"CEO\" }\n\n", i, i)
		}
		d := mustParse(t, b.String())
		start := time.Now()
		for _, err := range []error{
			d.Set(fmt.Sprintf("partners[%d].lead.name", n/2), "A"),
			d.Set(fmt.Sprintf("partners[%d].delegate.name", n/2), "B"),
			d.Move("partners[0]", n-1),
			d.Remove(fmt.Sprintf("partners[%d]", n/3)),
			d.Delete("partners[1].id"),
		} {
			if err != nil {
				t.Fatal(err)
			}
		}
		if _, err := d.Append("partners"); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	}
	timeOf(500) // warm up
	small, large := timeOf(1000), timeOf(4000)
	if large > 12*small {
		t.Errorf("1000 partners: %v, 4000 partners: %v: edits grow faster than the file", small, large)
	}
}
