package tomlindex

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestBuild(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want map[string]Pos
	}{
		{"top-level key", "a = 1\n", map[string]Pos{"a": {1, 1}}},
		{"table", "\n[partnership]\nname = \"x\"\n", map[string]Pos{"partnership": {2, 1}, "partnership.name": {3, 1}}},
		{"array of tables", "[[partners]]\nid = \"a\"\n[[partners]]\n  id = \"b\"\n",
			map[string]Pos{"partners[0]": {1, 1}, "partners[1]": {3, 1}, "partners[1].id": {4, 3}}},
		{"nested array of tables", "[[funding]]\nyear = \"2019/20\"\n[[funding.rows]]\namount = 1\n[[funding.rows]]\namount = 2\n[[funding]]\n[[funding.rows]]\namount = 3\n",
			map[string]Pos{"funding[0].rows[1].amount": {6, 1}, "funding[1].rows[0].amount": {9, 1}}},
		{"sub-table of array element", "[[partners]]\n[partners.lead]\nname = \"x\"\n",
			map[string]Pos{"partners[0].lead": {2, 1}, "partners[0].lead.name": {3, 1}}},
		{"dotted key", "[[partners]]\nlead.name = \"x\"\n",
			map[string]Pos{"partners[0].lead": {2, 1}, "partners[0].lead.name": {2, 1}}},
		{"quoted key", "[text]\n\"foo bar\" = 1\n'lit.key' = 2\n",
			map[string]Pos{`text."foo bar"`: {2, 1}, `text."lit.key"`: {3, 1}}},
		{"inline table", "[[partners]]\ndelegate = { name = \"A\", title = \"B\" }\n",
			map[string]Pos{"partners[0].delegate.name": {2, 14}, "partners[0].delegate.title": {2, 26}}},
		{"multi-line array", "values = [\n  \"one\",\n  \"two\", # comment ]\n  \"three\"\n]\nnext = 1\n",
			map[string]Pos{"values[0]": {2, 3}, "values[1]": {3, 3}, "values[2]": {4, 3}, "next": {6, 1}}},
		{"array of inline tables", "rows = [\n { label = \"a\", amount = 1 },\n { label = \"b\" },\n]\n",
			map[string]Pos{"rows[1].label": {3, 4}, "rows[0].amount": {2, 17}}},
		{"multi-line strings hide brackets", "a = \"\"\"\n[not.a.table]\nx = 1\n\"\"\"\nb = '''\n[[nor]]\n'''\nc = 1\n",
			map[string]Pos{"a": {1, 1}, "b": {5, 1}, "c": {8, 1}}},
		{"string with hash and quotes", "a = \"x # \\\" ]\" # c\nb = 2\n", map[string]Pos{"b": {2, 1}}},
		{"crlf", "a = 1\r\n[t]\r\nb = 2\r\n", map[string]Pos{"t.b": {3, 1}}},
		{"byte order mark", "\uFEFF[t]\nb = 2\n", map[string]Pos{"t": {1, 1}, "t.b": {2, 1}}},
		{"escaped keys", "[partnership]\n\"n\\u0061me\" = 1\n\"caf\\u00e9\" = 2\n\"\\U0001F600\\t\" = 3\n[\"t\\u0061ble\"]\nk = 4\n",
			map[string]Pos{"partnership.name": {2, 1}, `partnership."café"`: {3, 1}, `partnership."😀\t"`: {4, 1}, "table.k": {6, 1}}},
		{"dates", "d = 2019-09-10\ne = 1\n", map[string]Pos{"d": {1, 1}, "e": {2, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v map[string]any
			if _, err := toml.Decode(tt.src, &v); err != nil {
				t.Fatalf("test input is not valid TOML: %v", err)
			}
			ix := Build(tt.src)
			for path, want := range tt.want {
				got, ok := ix.Lookup(path)
				if !ok {
					t.Errorf("%s: not indexed; have %v", path, ix.Paths())
					continue
				}
				if got != want {
					t.Errorf("%s: got %d:%d, want %d:%d", path, got.Line, got.Col, want.Line, want.Col)
				}
			}
			assertCovers(t, tt.src, ix)
		})
	}
}

func TestParentAndNearest(t *testing.T) {
	for in, want := range map[string]string{
		"a.b[2].c": "a.b[2]", "a.b[2]": "a.b", "a.b": "a", "a": "", `t."x.y"`: "t",
	} {
		if got := Parent(in); got != want {
			t.Errorf("Parent(%q) = %q, want %q", in, got, want)
		}
	}
	ix := Build("[[partners]]\nid = \"x\"\n")
	pos, at, ok := ix.Nearest("partners[0].lead.name")
	if !ok || at != "partners[0]" || pos.Line != 1 {
		t.Errorf("Nearest = %v %q %v", pos, at, ok)
	}
}

// TestExampleFiles checks that every path of every example data file is
// indexed: the index is what every validation message relies on.
func TestExampleFiles(t *testing.T) {
	files, _ := filepath.Glob("../../data/*.toml")
	more, _ := filepath.Glob("../partnership/*.toml")
	files = append(files, more...)
	if len(files) == 0 {
		t.Skip("no example files found")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) { assertCovers(t, string(src), Build(string(src))) })
	}
}

// assertCovers fails when a path present in the parsed document is missing
// from the index.
func assertCovers(t *testing.T, src string, ix *Index) {
	t.Helper()
	var v map[string]any
	if _, err := toml.Decode(src, &v); err != nil {
		return
	}
	var missing []string
	for _, p := range allPaths(v, "") {
		if _, ok := ix.Lookup(p); !ok {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("paths not indexed: %v", missing)
	}
}

func allPaths(v any, prefix string) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			p := Join(prefix, k)
			out = append(out, p)
			out = append(out, allPaths(c, p)...)
		}
	case []map[string]any:
		for i, c := range x {
			p := Elem(prefix, i)
			out = append(out, p)
			out = append(out, allPaths(c, p)...)
		}
	case []any:
		for i, c := range x {
			p := Elem(prefix, i)
			out = append(out, p)
			out = append(out, allPaths(c, p)...)
		}
	}
	return out
}

func FuzzBuild(f *testing.F) {
	for _, s := range []string{"a = 1", "[[a]]\nb = [1, {c = 2}]\n", "x = \"\"\"\n]\n\"\"\"", "[a.\"b c\"]\nd.e = 'f'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		ix := Build(src) // must not panic or loop on any input
		var v map[string]any
		if _, err := toml.Decode(src, &v); err == nil {
			for _, p := range allPaths(v, "") {
				if _, ok := ix.Lookup(p); !ok {
					t.Fatalf("valid TOML %q: path %s not indexed", src, p)
				}
			}
		}
	})
}

// TestTableAt: a line is placed in the table whose heading comes before it,
// arrays of tables by element.
func TestTableAt(t *testing.T) {
	ix := Build("top = 1\n[partnership]\nname = \"x\"\n[[funding]]\n[[funding.rows]]\n\n[[funding.rows]]\namount = 1\n")
	for line, want := range map[int]string{1: "", 3: "partnership", 4: "funding[0]", 6: "funding[0].rows[0]", 8: "funding[0].rows[1]"} {
		if got := ix.TableAt(line); got != want {
			t.Errorf("TableAt(%d) = %q, want %q", line, got, want)
		}
	}
}

func TestUnescape(t *testing.T) {
	for _, c := range []struct {
		src, text string
		next      int
	}{
		{`\n`, "\n", 2}, {`\"x`, `"`, 2}, {`\u00e9!`, "é", 6}, {`\U0001F600`, "😀", 10},
		{`\x41`, "A", 4}, {`\u00e`, "", 5}, {`\q`, "", 2}, {`\`, "", 1}, {"\\\n", "", 1},
	} {
		text, next := Unescape(c.src, 0)
		if text != c.text || next != c.next {
			t.Errorf("Unescape(%q) = %q, %d; want %q, %d", c.src, text, next, c.text, c.next)
		}
	}
}
