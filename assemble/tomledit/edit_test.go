package tomledit

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mou/assemble/tomlindex"
)

func mustParse(t testing.TB, src string) *Doc {
	t.Helper()
	d, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

func examples(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../../data/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example data files found: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

// changedLines returns the lines of a and b between their common first and
// last lines.
func changedLines(a, b string) (old, new []string) {
	la, lb := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	i := 0
	for i < len(la) && i < len(lb) && la[i] == lb[i] {
		i++
	}
	j := 0
	for j < len(la)-i && j < len(lb)-i && la[len(la)-1-j] == lb[len(lb)-1-j] {
		j++
	}
	return la[i : len(la)-j], lb[i : len(lb)-j]
}

// changed returns a new value of the same kind as v, or false.
func changed(v any) (any, bool) {
	switch x := v.(type) {
	case string:
		return x + " (edited)", true
	case int64:
		return x + 1, true
	case float64:
		return x + 0.25, true
	case bool:
		return !x, true
	case time.Time:
		n := x.AddDate(0, 0, 1)
		return Date{n.Year(), int(n.Month()), n.Day()}, true
	}
	return nil, false
}

func back(v any) any {
	if t, ok := v.(time.Time); ok {
		return Date{t.Year(), int(t.Month()), t.Day()}
	}
	return v
}

// Every scalar of every example file: set to a new value and back; only
// the value's bytes change and the rest of the tree is as it was.
func TestExamplesEveryScalar(t *testing.T) {
	for name, src := range examples(t) {
		t.Run(name, func(t *testing.T) {
			d := mustParse(t, src)
			edits := 0
			for _, path := range tomlindex.Build(src).Paths() {
				segs, err := parsePath(path)
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				old, ok := get(d.tree, segs)
				if !ok {
					continue
				}
				nv, ok := changed(old)
				if !ok {
					continue
				}
				raw, ok := d.Raw(path)
				if !ok {
					t.Errorf("%s: no raw text", path)
					continue
				}
				before, beforeTree := d.String(), d.tree
				sp, _ := d.valueSpan(pathOf(segs))
				if err := d.Set(path, nv); err != nil {
					t.Errorf("Set %s: %v", path, err)
					continue
				}
				edits++
				newRaw, _ := d.Raw(path)
				if d.String() != before[:sp.start]+newRaw+before[sp.end:] {
					t.Errorf("%s: bytes changed beyond the value", path)
				}
				// A line diff: the changed lines are the value's lines.
				oldLines, newLines := changedLines(before, d.String())
				if len(oldLines) > strings.Count(raw, "\n")+1 || len(newLines) > strings.Count(newRaw, "\n")+1 {
					t.Errorf("%s: lines changed beyond the value:\n-%q\n+%q", path, oldLines, newLines)
				}
				want, _, _ := update(beforeTree, true, segs, func(any, bool) (any, bool, error) {
					dv, _ := decode("v = " + newRaw)
					return dv["v"], true, nil
				})
				got, _ := decode(d.String())
				if !equal(want, got) {
					t.Errorf("%s: the decoded tree changed beyond the value", path)
				}
				if err := d.Set(path, back(old)); err != nil {
					t.Errorf("Set %s back: %v", path, err)
					continue
				}
				if r, _ := d.Raw(path); r == raw && d.String() != before {
					t.Errorf("%s: setting the value back did not restore the text", path)
				}
			}
			if got, _ := decode(d.String()); !equal(got, mustParse(t, src).tree) {
				t.Errorf("after every edit and back the file no longer decodes as before")
			}
			if edits < 50 {
				t.Errorf("only %d values edited: the test is not looking at the file", edits)
			}
		})
	}
}

const commented = `# Top comment.

[partnership]
# Above the name.
name = "Old name"   # beside the name
# Below the name.

area = 'Shire' # beside the area

# Above the partners.
[[partners]]
id = "a"
`

func TestCommentsSurvive(t *testing.T) {
	d := mustParse(t, commented)
	if err := d.Set("partnership.name", "New name"); err != nil {
		t.Fatal(err)
	}
	if err := d.Set("partnership.area", "Other shire"); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(strings.Replace(commented, `"Old name"`, `"New name"`, 1), `'Shire'`, `'Other shire'`, 1)
	if d.String() != want {
		t.Errorf("got\n%s\nwant\n%s", d.String(), want)
	}
	// A literal string becomes basic when the text has a quote.
	if err := d.Set("partnership.area", "O'Shire"); err != nil {
		t.Fatal(err)
	}
	if r, _ := d.Raw("partnership.area"); r != `"O'Shire"` {
		t.Errorf("area written %s", r)
	}
}

func TestSetInsert(t *testing.T) {
	tests := []struct {
		name, src, path string
		v               any
		want            string
	}{
		{"after the table's last key, before the blank line and the next header's comment",
			"[partnership]\nname = \"x\"\n\n# next\n[review]\n", "partnership.area", "Shire",
			"[partnership]\nname = \"x\"\narea = \"Shire\"\n\n# next\n[review]\n"},
		{"top level before the first header",
			"#:schema x\n\n# about\n[partnership]\nname = \"x\"\n", "version", "1",
			"#:schema x\n\nversion = \"1\"\n\n# about\n[partnership]\nname = \"x\"\n"},
		{"top level after the last top-level key",
			"a = 1\n\n[t]\n", "b", 2, "a = 1\nb = 2\n\n[t]\n"},
		{"into an existing sub-table header",
			"[[partners]]\nid = \"a\"\n[partners.lead]\ntitle = \"CEO\"\n\n[[partners]]\nid = \"b\"\n", "partners[0].lead.name", "Ann",
			"[[partners]]\nid = \"a\"\n[partners.lead]\ntitle = \"CEO\"\nname = \"Ann\"\n\n[[partners]]\nid = \"b\"\n"},
		{"into an inline table",
			"[[partners]]\nlead = { title = \"CEO\" }\n", "partners[0].lead.name", "Ann",
			"[[partners]]\nlead = { title = \"CEO\", name = \"Ann\" }\n"},
		{"into an empty inline table",
			"[[partners]]\nlead = {}\n", "partners[0].lead.name", "Ann",
			"[[partners]]\nlead = { name = \"Ann\" }\n"},
		{"missing table in an element becomes dotted keys",
			"[[partners]]\nid = \"a\"\n\n[[partners]]\nid = \"b\"\n\n[x]\n", "partners[1].delegate.name", "Bo",
			"[[partners]]\nid = \"a\"\n\n[[partners]]\nid = \"b\"\ndelegate.name = \"Bo\"\n\n[x]\n"},
		{"next to an existing dotted key",
			"[[partners]]\nlead.name = \"A\"\nid = \"a\"\n", "partners[0].lead.title", "CEO",
			"[[partners]]\nlead.name = \"A\"\nlead.title = \"CEO\"\nid = \"a\"\n"},
		{"missing top-level table at the end after a blank line",
			"[partnership]\nname = \"x\"\n", "scrutiny.led_by", "chair",
			"[partnership]\nname = \"x\"\n\n[scrutiny]\nled_by = \"chair\"\n"},
		{"into an element of an inline array of tables",
			"delegates = [{ name = \"A\" }, { name = \"B\" }]\n", "delegates[1].title", "Dr",
			"delegates = [{ name = \"A\" }, { name = \"B\", title = \"Dr\" }]\n"},
		{"into a nested array element, not the next funding",
			"[[funding]]\nyear = \"a\"\n[[funding.rows]]\namount = 1\n\n[[funding]]\nyear = \"b\"\n", "funding[0].rows[0].label", "L",
			"[[funding]]\nyear = \"a\"\n[[funding.rows]]\namount = 1\nlabel = \"L\"\n\n[[funding]]\nyear = \"b\"\n"},
		{"a table with no keys yet",
			"[review]\n\n[other]\n", "review.frequency", "yearly",
			"[review]\nfrequency = \"yearly\"\n\n[other]\n"},
		{"indented keys keep their indentation",
			"[t]\n  a = 1\n", "t.b", true, "[t]\n  a = 1\n  b = true\n"},
		{"no final newline",
			"[t]\na = 1", "t.b", 2, "[t]\na = 1\nb = 2\n"},
		{"a date, money and a month",
			"[report]\n", "report.start", Date{2026, 3, 31}, "[report]\nstart = 2026-03-31\n"},
		{"money in pence", "[r]\n", "r.amount", Money(126050), "[r]\namount = 1260.50\n"},
		{"a whole float", "[r]\n", "r.amount", 145000.0, "[r]\namount = 145000\n"},
		{"a float", "[r]\n", "r.amount", 1260.5, "[r]\namount = 1260.5\n"},
		{"a month", "[r]\n", "r.month", Month{2026, 3}, "[r]\nmonth = \"2026-03\"\n"},
		{"a multi-line string", "[text]\n", "text.foreword", "One.\nTwo \"quoted\".\n",
			"[text]\nforeword = \"\"\"\nOne.\nTwo \"quoted\".\n\"\"\"\n"},
		{"a quoted key", "[text]\n", `text."a b"`, "x", "[text]\n\"a b\" = \"x\"\n"},
		{"a short list", "[m]\n", "m.members", []string{"A", "B"}, "[m]\nmembers = [\"A\", \"B\"]\n"},
		{"a long list, indented like the file",
			"x = [\n    \"a\",\n]\n[m]\n", "m.members", []string{strings.Repeat("a", 60), strings.Repeat("b", 60)},
			"x = [\n    \"a\",\n]\n[m]\nmembers = [\n    \"" + strings.Repeat("a", 60) + "\",\n    \"" + strings.Repeat("b", 60) + "\",\n]\n"},
		{"escapes", "[t]\n", "t.s", "tab\there \\ \"q\" \x01", "[t]\ns = \"tab\there \\\\ \\\"q\\\" \\u0001\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if err := d.Set(tt.path, tt.v); err != nil {
				t.Fatalf("Set: %v", err)
			}
			if d.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", d.String(), tt.want)
			}
		})
	}
}

func TestSetReplace(t *testing.T) {
	tests := []struct {
		name, src, path string
		v               any
		want            string
	}{
		{"keeps spacing and comment", "a   =   1 # c\n", "a", 2, "a   =   2 # c\n"},
		{"multi-line array", "a = [\n  \"x\", # one\n  \"y\",\n]\nb = 1\n", "a", []string{"z"}, "a = [\"z\"]\nb = 1\n"},
		{"one element of an array", "a = [\"x\", \"y\"]\n", "a[1]", "z", "a = [\"x\", \"z\"]\n"},
		{"multi-line string to one line", "a = \"\"\"\nx\ny\"\"\"\nb = 1\n", "a", "z", "a = \"z\"\nb = 1\n"},
		{"inline table value", "l = { name = \"A\", title = \"B\" }\n", "l.title", "C", "l = { name = \"A\", title = \"C\" }\n"},
		{"multi-line literal kept", "a = '''\nx\n'''\n", "a", "y\nz", "a = '''\ny\nz'''\n"},
		{"date over a string", "d = \"2019\"\n", "d", Date{2019, 9, 10}, "d = 2019-09-10\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if err := d.Set(tt.path, tt.v); err != nil {
				t.Fatalf("Set: %v", err)
			}
			if d.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", d.String(), tt.want)
			}
		})
	}
}

func TestSetRefused(t *testing.T) {
	src := "[partnership]\nname = \"x\"\n[[partners]]\nid = \"a\"\nlead = { title = \"t\" }\n"
	tests := []struct {
		path string
		v    any
		want string
	}{
		{"partnership", "x", "group of values"},
		{"partners[0].lead", "x", "group of values"},
		{"partners", "x", "list of entries"},
		{"partners[3].id", "x", "has 1 entries"},
		{"partnership.name.first", "x", "single value"},
		{"partnership.date", Date{2019, 2, 30}, "not a date"},
		{"partnership.n", struct{}{}, "cannot be written"},
		{"partnership.n", math.NaN(), "not a number"},
		{"bad..path", "x", "not a path"},
	}
	for _, tt := range tests {
		d := mustParse(t, src)
		err := d.Set(tt.path, tt.v)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Set(%s): got %v, want an error saying %q", tt.path, err, tt.want)
		}
		if d.String() != src {
			t.Errorf("Set(%s) changed the text though it failed", tt.path)
		}
	}
}

func TestDelete(t *testing.T) {
	tests := []struct{ name, src, path, want string }{
		{"a key's line", "[t]\n# about a\na = 1 # c\nb = 2\n", "t.a", "[t]\n# about a\nb = 2\n"},
		{"the last key leaves the header", "[t]\na = 1\n\n[u]\n", "t.a", "[t]\n\n[u]\n"},
		{"a multi-line value", "a = [\n  1,\n  2,\n]\nb = 1\n", "a", "b = 1\n"},
		{"first of an inline table", "l = { name = \"A\", title = \"B\" }\n", "l.name", "l = { title = \"B\" }\n"},
		{"last of an inline table", "l = { name = \"A\", title = \"B\" }\n", "l.title", "l = { name = \"A\" }\n"},
		{"only key of an inline table", "l = { name = \"A\" }\n", "l.name", "l = {}\n"},
		{"an array element", "a = [\"x\", \"y\", \"z\"]\n", "a[1]", "a = [\"x\", \"z\"]\n"},
		{"an array element on its own line", "a = [\n  \"x\",\n  \"y\", # why\n]\n", "a[1]", "a = [\n  \"x\",\n]\n"},
		{"a dotted table", "[[p]]\nlead.name = \"A\"\nlead.title = \"B\"\nid = 1\n", "p[0].lead", "[[p]]\nid = 1\n"},
		{"a table's block", "[a]\nx = 1\n\n# b\n[b]\ny = 2\n[b.c]\nz = 3\n\n[d]\n", "b", "[a]\nx = 1\n\n[d]\n"},
		{"a table at the end", "[a]\nx = 1\n\n[b]\ny = 2\n", "b", "[a]\nx = 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			if err := d.Delete(tt.path); err != nil {
				t.Fatalf("Delete: %v", err)
			}
			if d.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", d.String(), tt.want)
			}
		})
	}
	d := mustParse(t, "a = 1\n")
	if err := d.Delete("b"); err == nil || !strings.Contains(err.Error(), "nothing to delete") {
		t.Errorf("deleting a missing key: %v", err)
	}
}

func herefordshire(t testing.TB) string {
	b, err := os.ReadFile("../../data/herefordshire-2019.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// field returns the decoded value at path in d's text.
func field(t *testing.T, d *Doc, path string) any {
	t.Helper()
	tree, err := decode(d.String())
	if err != nil {
		t.Fatalf("the text no longer parses: %v", err)
	}
	segs, _ := parsePath(path)
	v, _ := get(tree, segs)
	return v
}

func ids(t *testing.T, d *Doc, arr, key string) []string {
	t.Helper()
	var out []string
	for i := 0; i < d.Len(arr); i++ {
		v, _ := field(t, d, tomlindex.Join(tomlindex.Elem(arr, i), key)).(string)
		out = append(out, v)
	}
	return out
}

func TestArraysOfTables(t *testing.T) {
	src := herefordshire(t)
	d := mustParse(t, src)
	if n := d.Len("partners"); n != 3 {
		t.Fatalf("Len(partners) = %d, want 3", n)
	}
	p, err := d.Append("partners")
	if err != nil || p != "partners[3]" {
		t.Fatalf("Append: %q, %v", p, err)
	}
	if err := d.Set("partners[3].id", "icb"); err != nil {
		t.Fatal(err)
	}
	if err := d.Set("partners[3].lead.title", "Chief Executive"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.String(), "decision_body = \"the Governing Body of Herefordshire CCG\"\n\n[[partners]]\nid = \"icb\"\nlead.title = \"Chief Executive\"\n\n[[meetings]]") {
		t.Errorf("the new partner is not where expected:\n%s", d.String()[:2500])
	}
	if err := d.Move("partners[3]", 0); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(t, d, "partners", "id"), ","); got != "icb,council,police,ccg" {
		t.Errorf("after Move: %s", got)
	}
	if err := d.Move("partners[1]", 3); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(t, d, "partners", "id"), ","); got != "icb,police,ccg,council" {
		t.Errorf("after Move: %s", got)
	}
	if err := d.Remove("partners[0]"); err != nil {
		t.Fatal(err)
	}
	if err := d.Move("partners[2]", 0); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(t, d, "partners", "id"), ","); got != "council,police,ccg" {
		t.Errorf("after Remove and Move: %s", got)
	}
	if d.String() != src {
		t.Errorf("adding, moving and removing back did not restore the file byte for byte")
	}

	// Nested: funding[0].rows.
	p, err = d.Append("funding[0].rows")
	if err != nil || p != "funding[0].rows[3]" {
		t.Fatalf("Append rows: %q, %v", p, err)
	}
	if err := d.Set(p+".partner", "school"); err != nil {
		t.Fatal(err)
	}
	if err := d.Set(p+".amount", Money(100050)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.String(), "amount = 53510\n\n[[funding.rows]]\npartner = \"school\"\namount = 1000.50\n\n[[endorsements]]") {
		t.Errorf("the new row is not at the end of funding[0]'s block")
	}
	if err := d.Move("funding[0].rows[3]", 1); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(t, d, "funding[0].rows", "partner"), ","); got != "council,school,ccg,police" {
		t.Errorf("rows after Move: %s", got)
	}
	if err := d.Remove("funding[0].rows[1]"); err != nil {
		t.Fatal(err)
	}
	if d.String() != src {
		t.Errorf("adding, moving and removing a row back did not restore the file byte for byte")
	}
	// A comment above an element goes with it.
	d = mustParse(t, "[[p]]\nid = 1\n\n# about two\n[[p]]\nid = 2\n[p.sub]\nx = 1\n\n[[p]]\nid = 3\n")
	if err := d.Move("p[1]", 2); err != nil {
		t.Fatal(err)
	}
	if want := "[[p]]\nid = 1\n\n[[p]]\nid = 3\n\n# about two\n[[p]]\nid = 2\n[p.sub]\nx = 1\n"; d.String() != want {
		t.Errorf("Move with comment and sub-table:\n%q\nwant\n%q", d.String(), want)
	}
	if err := d.Remove("p[2]"); err != nil {
		t.Fatal(err)
	}
	if want := "[[p]]\nid = 1\n\n[[p]]\nid = 3\n"; d.String() != want {
		t.Errorf("Remove with comment and sub-table:\n%q\nwant\n%q", d.String(), want)
	}
}

func TestInlineArrays(t *testing.T) {
	d := mustParse(t, "delegates = [{ name = \"A\" }, { name = \"B\" }]\n")
	if err := d.Move("delegates[1]", 0); err != nil {
		t.Fatal(err)
	}
	if want := "delegates = [{ name = \"B\" }, { name = \"A\" }]\n"; d.String() != want {
		t.Errorf("got %q", d.String())
	}
	p, err := d.Append("delegates")
	if err != nil || p != "delegates[2]" {
		t.Fatalf("Append: %q %v", p, err)
	}
	if err := d.Set(p+".name", "C"); err != nil {
		t.Fatal(err)
	}
	if err := d.Remove("delegates[0]"); err != nil {
		t.Fatal(err)
	}
	if want := "delegates = [{ name = \"A\" }, { name = \"C\" }]\n"; d.String() != want {
		t.Errorf("got %q", d.String())
	}
	if err := d.Move("delegates[5]", 0); err == nil {
		t.Errorf("moving a missing element: no error")
	}
	if _, err := d.Append("delegates[0].name"); err == nil {
		t.Errorf("appending to a string: no error")
	}
}

func TestNewArray(t *testing.T) {
	d := mustParse(t, "[[funding]]\nyear = \"a\"\n\n[[funding]]\nyear = \"b\"\n")
	p, err := d.Append("funding[0].rows")
	if err != nil || p != "funding[0].rows[0]" {
		t.Fatalf("Append: %q %v", p, err)
	}
	if want := "[[funding]]\nyear = \"a\"\n\n[[funding.rows]]\n\n[[funding]]\nyear = \"b\"\n"; d.String() != want {
		t.Errorf("got %q", d.String())
	}
	if _, err := d.Append("glossary"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(d.String(), "year = \"b\"\n\n[[glossary]]\n") {
		t.Errorf("got %q", d.String())
	}
}

func TestLineEndingsAndBOM(t *testing.T) {
	src := "\uFEFF# c\r\n[t]\r\na = 1\r\n\r\n[[p]]\r\nid = 1\r\n"
	d := mustParse(t, src)
	if err := d.Set("t.b", "x"); err != nil {
		t.Fatal(err)
	}
	if err := d.Set("t.a", []string{strings.Repeat("a", 70), strings.Repeat("b", 70)}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Append("p"); err != nil {
		t.Fatal(err)
	}
	if err := d.Set("new.k", "v"); err != nil {
		t.Fatal(err)
	}
	got := d.String()
	if !strings.HasPrefix(got, "\uFEFF# c\r\n[t]\r\n") {
		t.Errorf("the byte order mark or first lines were lost: %q", got)
	}
	if strings.Count(got, "\n") != strings.Count(got, "\r\n") {
		t.Errorf("a line without CRLF: %q", got)
	}
	d = mustParse(t, "\uFEFF[t]\n")
	if err := d.Set("a", 1); err != nil {
		t.Fatal(err)
	}
	if d.String() != "\uFEFFa = 1\n\n[t]\n" {
		t.Errorf("top-level key in a file with a BOM: %q", d.String())
	}
}

func TestParseRefuses(t *testing.T) {
	if _, err := Parse("a = \n"); err == nil || !strings.Contains(err.Error(), "cannot be read") {
		t.Errorf("Parse of invalid TOML: %v", err)
	}
}

func TestHasRawLen(t *testing.T) {
	d := mustParse(t, herefordshire(t))
	if r, ok := d.Raw("partners[0].delegate.name"); !ok || r != `"Chris Baird"` {
		t.Errorf("Raw delegate.name = %q %v", r, ok)
	}
	if r, ok := d.Raw("partnership.date"); !ok || r != "2019-09-10" {
		t.Errorf("Raw date = %q %v", r, ok)
	}
	if r, _ := d.Raw("meetings[0].members"); r != `["Chris Baird", "Susan Thomas", "Ellen Footman"]` {
		t.Errorf("Raw members = %q", r)
	}
	if !d.Has("funding[0].rows[2].amount") || d.Has("funding[0].rows[3]") || d.Has("nope") {
		t.Errorf("Has is wrong")
	}
	if d.Len("funding[0].rows") != 3 || d.Len("scrutiny.duties") != 3 || d.Len("nope") != 0 {
		t.Errorf("Len is wrong")
	}
}

// The check refuses a splice that does not come out as intended and leaves
// the Doc as it was.
func TestCommitRefuses(t *testing.T) {
	d := mustParse(t, "a = 1\nb = 2\n")
	same := func(old map[string]any) (any, error) { return old, nil }
	if err := d.commit("editing a", "a = 1\nb = 3\n", same); err == nil || !strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("a splice that changes another value: %v", err)
	}
	if err := d.commit("editing a", "a = 1\nb = \n", same); err == nil || !strings.Contains(err.Error(), "unreadable") {
		t.Errorf("a splice that breaks the file: %v", err)
	}
	if d.String() != "a = 1\nb = 2\n" {
		t.Errorf("a refused edit changed the text: %q", d.String())
	}
}

// In every example: a new key in every table, and Append, Move and Remove
// on every array of tables, each checked by the decoding check.
func TestExamplesStructure(t *testing.T) {
	for name, src := range examples(t) {
		t.Run(name, func(t *testing.T) {
			d := mustParse(t, src)
			for _, h := range d.l.headers {
				if err := d.Set(tomlindex.Join(h.path, "zz_new"), "x"); err != nil {
					t.Errorf("%v", err)
				}
			}
			d = mustParse(t, src)
			for arr := range d.l.aots {
				before := d.String()
				n := d.Len(arr)
				p, err := d.Append(arr)
				if err != nil {
					t.Errorf("Append %s: %v", arr, err)
					continue
				}
				if err := d.Set(p+".zz_new", "x"); err != nil {
					t.Errorf("%v", err)
				}
				if err := d.Move(p, 0); err != nil {
					t.Errorf("%v", err)
				}
				if err := d.Move(tomlindex.Elem(arr, 0), n); err != nil {
					t.Errorf("%v", err)
				}
				if err := d.Remove(p); err != nil {
					t.Errorf("%v", err)
				}
				if d.String() != before {
					o, n := changedLines(before, d.String())
					t.Errorf("%s: adding, moving and removing an entry did not restore the file:\n-%q\n+%q", arr, o, n)
				}
			}
			if d.String() != src {
				o, n := changedLines(src, d.String())
				t.Errorf("appending, moving and removing every array's new entry did not restore the file:\n-%q\n+%q", o, n)
			}
		})
	}
}
