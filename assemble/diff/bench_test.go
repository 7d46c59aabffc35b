package diff

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"mou/assemble/partnership"
)

// synthetic writes a partnership of n boards, n sub-groups and n funding
// rows, with as many partners as mou accepts up to n; changed gives every
// tenth delegate, board purpose and amount a new value.
func synthetic(n int, changed bool) string {
	partners := min(n, partnership.MaxPartners)
	var b strings.Builder
	b.WriteString("[partnership]\nname = \"Synthetic Safeguarding Children Partnership\"\narea = \"Synthetic\"\nedition = 2018\ndate = 2019-09-10\n")
	kinds := []string{"local-authority", "ccg", "police"}
	for i := 0; i < partners; i++ {
		title := "Director"
		if changed && i%10 == 0 {
			title = "Executive Director"
		}
		fmt.Fprintf(&b, "[[partners]]\nid = \"p%d\"\nkind = %q\norganisation = \"Organisation %d\"\nlead = { title = \"Chief Executive\" }\ndelegate = { name = \"Person %d\", title = %q }\n", i, kinds[i%3], i, i, title)
	}
	for i := 0; i < n; i++ {
		purpose := "Links"
		if changed && i%10 == 0 {
			purpose = "Links closely"
		}
		fmt.Fprintf(&b, "[[boards]]\nname = \"Board %d\"\npurpose = %q\n[[subgroups]]\nname = \"Group %d\"\nmembers = [\"Person %d\", \"Person %d\"]\n", i, purpose, i, i, i+1)
	}
	b.WriteString("[[funding]]\nyear = \"2019/20\"\n")
	for i := 0; i < n; i++ {
		amount := 1000 + i
		if changed && i%10 == 0 {
			amount++
		}
		fmt.Fprintf(&b, "[[funding.rows]]\nagency = \"Agency %d\"\namount = %d\n", i, amount)
	}
	return b.String()
}

// BenchmarkDiff measures the comparison against its peer in the same run:
// reading and validating the two versions, which `mou diff` does first.
//
//	go test ./assemble/diff -run XXX -bench Diff -benchmem
func BenchmarkDiff(b *testing.B) {
	for _, n := range []int{3, 50, partnership.MaxItems} {
		oldText, newText := synthetic(n, false), synthetic(n, true)
		b.Run(fmt.Sprintf("load-and-validate-both/%d", n), func(b *testing.B) {
			for b.Loop() {
				for _, text := range []string{oldText, newText} {
					p, fs := partnership.Parse("bench.toml", text)
					if p == nil {
						b.Fatal(fs)
					}
					p.Validate(partnership.Options{Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
				}
			}
		})
		old, _ := partnership.Parse("old.toml", oldText)
		new, _ := partnership.Parse("new.toml", newText)
		b.Run(fmt.Sprintf("diff/%d", n), func(b *testing.B) {
			for b.Loop() {
				// Each tenth delegate, board and amount, and the total.
				want := (min(n, partnership.MaxPartners)+9)/10 + 2*((n+9)/10) + 1
				if r := Partnerships(old, new); r.Changes() != want {
					b.Fatalf("%d changes, want %d", r.Changes(), want)
				}
			}
		})
	}
}
