package tomledit

import (
	"strings"
	"testing"

	"mou/assemble/tomlindex"
)

// FuzzEdit: no text makes an edit panic, and every edit either fails,
// leaving the text as it was, or leaves valid TOML.
func FuzzEdit(f *testing.F) {
	// Openings of the examples: whole ones are too slow to mutate.
	for _, src := range examples(f) {
		if len(src) > 3000 {
			src = src[:strings.LastIndex(src[:3000], "\n[")+1]
		}
		f.Add(src, uint8(0), "x")
	}
	f.Add(commented, uint8(1), "a\nb")
	f.Add("a = [\n  {b = 1},\n]\n[[c]]\n[c.d]\n", uint8(2), "")
	f.Add("\uFEFFa = \"\"\"\r\nx\"\"\"\r\n[[t]]\r\n", uint8(3), "'")
	f.Fuzz(func(t *testing.T, src string, op uint8, text string) {
		if len(src) > 4<<10 {
			return
		}
		d, err := Parse(src)
		if err != nil {
			return
		}
		paths := tomlindex.Build(src).Paths()
		paths = append(paths, "new.key", "zz", "a.b.c")
		for i, p := range paths {
			if i > 12 {
				break
			}
			before := d.String()
			switch (int(op) + i) % 7 {
			case 0:
				err = d.Set(p, text)
			case 1:
				err = d.Delete(p)
			case 2:
				_, err = d.Append(p)
			case 3:
				err = d.Remove(p)
			case 4:
				err = d.Move(p, int(op)%3)
			case 5:
				err = d.Set(p, []string{text, "b"})
			case 6:
				err = d.Set(tomlindex.Join(p, "k"), Date{2020, 2, 29})
			}
			if err != nil {
				if d.String() != before {
					t.Fatalf("a failed edit of %s changed the text", p)
				}
				continue
			}
			if _, err := decode(d.String()); err != nil {
				t.Fatalf("an edit of %s left invalid TOML: %v\n%s", p, err, d.String())
			}
			if strings.HasPrefix(src, "\uFEFF") && !strings.HasPrefix(d.String(), "\uFEFF") {
				t.Fatalf("an edit of %s lost the byte order mark", p)
			}
		}
	})
}

// BenchmarkSet: one Set on the Herefordshire 2019 file, with the check's
// re-parse.
func BenchmarkSet(b *testing.B) {
	d := mustParse(b, herefordshire(b))
	names := []string{"Chris Baird", "Christine Baird"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := d.Set("partners[0].delegate.name", names[i%2]); err != nil {
			b.Fatal(err)
		}
	}
}
