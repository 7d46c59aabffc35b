package partnership

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mou/assemble/internal/golden"
)

// mistakeCorpus is every common mistake mou recognises: what a person
// types, and the file in testdata/mistakes that holds it. Each file's
// errors are kept in NAME.golden (go test -update rewrites them); the
// README's "Common mistakes" table is made from the same cases.
var mistakeCorpus = []struct {
	name  string // testdata/mistakes/NAME.toml, or the folder NAME
	typed string // what the person typed, for the README
}{
	{"date-slashes", "`date = 31/03/2026`"},
	{"date-words", "`date = 31 March 2026`"},
	{"date-words-quoted", "`date = \"31 March 2026\"`"},
	{"money-pound", "`amount = £145,000`"},
	{"money-commas", "`amount = 145,000`"},
	{"money-spaces", "`amount = 145 000`"},
	{"money-quoted", "`amount = \"£145,000\"`"},
	{"curly-quotes", "`name = “Anytown …”` (quotes from Word)"},
	{"curly-quotes-list", "`“We share information early.”,` in a list"},
	{"unclosed-quote", "`name = \"Anytown …` (no closing quote)"},
	{"colon", "`name: \"Anytown …\"`"},
	{"key-with-space", "`short name = \"ASCP\"`"},
	{"no-value", "`website =`"},
	{"unquoted-text", "`organisation = Anytown Council`"},
	{"backslash", "`manual = \"S:\\Safeguarding\\Procedures.docx\"`"},
	{"yes-no", "`all_age = yes`"},
	{"yes-no-quoted", "`all_age = \"yes\"`"},
	{"table-misspelt", "`[partnershp]`"},
	{"table-singular", "`[[partner]]`"},
	{"heading-unclosed", "`[partnership` (no closing bracket)"},
	{"key-twice", "`name = …` twice in one table"},
	{"heading-twice", "`[partnership]` twice"},
	{"windows-1252", "a file saved as Windows-1252 (\"ANSI\") with a dash –"},
	{"utf-16", "a file saved as UTF-16 (Notepad's \"Unicode\")"},
	{"copy", "`partnership - Copy.toml` left in the data folder"},
}

// TestMistakes: each common mistake gets its plain-words message with the
// fix, on its line, and nothing else is an error.
func TestMistakes(t *testing.T) {
	for _, c := range mistakeCorpus {
		t.Run(c.name, func(t *testing.T) {
			got := errorsOf(t, mistakePath(c.name))
			if got.Errors() == 0 {
				t.Fatalf("no error found")
			}
			for _, f := range got {
				if f.Rule == "toml.syntax" {
					t.Errorf("the mistake is not recognised, only the parser's message: %s", f)
				}
				if f.Line == 0 && f.Rule != "data.copy" {
					t.Errorf("no line: %s", f)
				}
			}
			var b strings.Builder
			got.WriteText(&b)
			golden.Check(t, filepath.Join("testdata", "mistakes", c.name+".golden"), b.String())
		})
	}
}

func mistakePath(name string) string {
	p := filepath.Join("testdata", "mistakes", name)
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return p
	}
	return p + ".toml"
}

// errorsOf loads path and keeps its errors: the corpus files are fragments,
// and the warnings about what they leave out are not what they test.
func errorsOf(t *testing.T, path string) Findings {
	t.Helper()
	_, fs, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var out Findings
	for _, f := range fs {
		if f.Severity == Error {
			out = append(out, f)
		}
	}
	return out
}

// TestAllMistakesAtOnce: a file with five mistakes, one of them a syntax
// error the parser would stop at, gets all five reported, each on its line,
// in line order.
func TestAllMistakesAtOnce(t *testing.T) {
	src := `[partnership]
name = “Anytown Safeguarding Children Partnership”
date = 31/03/2026
all_age = "yes"

[[partner]]
id = "council"

[[funding]]
year = "2025/26"
[[funding.rows]]
partner = "council"
amount = £145,000
`
	path := filepath.Join(t.TempDir(), "five.toml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := errorsOf(t, path)
	var lines []int
	for _, f := range fs {
		lines = append(lines, f.Line)
	}
	if fmt.Sprint(lines) != "[2 3 4 6 13]" {
		var b strings.Builder
		fs.WriteText(&b)
		t.Errorf("want the five mistakes on lines 2, 3, 4, 6 and 13, got %v:\n%s", lines, b.String())
	}
}

// TestManySyntaxErrorsStopAtTheLimit: a file with more syntax errors than
// mou lists ends with the count of the rest, and reading it takes bounded
// work.
func TestManySyntaxErrorsStopAtTheLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("[partnership]\n")
	for i := 0; i < 3*MaxFindings; i++ {
		fmt.Fprintf(&b, "k%d = ?%d\n\n", i, i)
	}
	_, fs := Parse("many.toml", b.String())
	if len(fs) != MaxFindings+1 || fs[len(fs)-1].Rule != "data.more" {
		t.Fatalf("%d findings, the last %v", len(fs), fs[len(fs)-1])
	}
}

// TestCopyOverlapNamed: two files that overlap in a key or two are not a
// copy: each key is its own error, naming both files.
func TestCopyOverlapNamed(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.toml"), []byte("[partnership]\nname = \"A\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.toml"), []byte("[partnership]\nname = \"B\"\narea = \"X\"\n"), 0o644)
	fs := errorsOf(t, dir)
	if len(fs) != 1 || fs[0].Rule != "data.duplicate-key" || !strings.Contains(fs[0].Message, "a.toml:2 and") {
		t.Errorf("%v", fs)
	}
}

// TestHumanDate: dates as people write them, read the British way round.
func TestHumanDate(t *testing.T) {
	for in, want := range map[string]string{
		"31/03/2026": "2026-03-31", "1.4.26": "2026-04-01", "2026-3-1": "2026-03-01",
		"31 March 2026": "2026-03-31", "1st Sept 2025": "2025-09-01", "March 2026": `"2026-03"`,
		"31/02/2026": "", "13/13/2026": "", "Smarch 2026": "",
	} {
		got, ok := humanDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("humanDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestValidFilesUntouched: a file that parses is never repaired, and lines
// that parse alone are left to the parser (145,500 is two numbers in a list).
func TestValidFilesUntouched(t *testing.T) {
	src := "[partnership]\nvalues = [145,500]\nname = \"Children’s\"\n"
	if fixed, fixes, errs := prepass(src); fixed != src || len(fixes)+len(errs) != 0 {
		t.Errorf("prepass changed valid text: %q %v", fixed, fixes)
	}
}

// TestReadmeCommonMistakes keeps the README's table of common mistakes in
// step with the corpus.
func TestReadmeCommonMistakes(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const marker = "<!-- common mistakes: generated from assemble/partnership/testdata/mistakes by TestReadmeCommonMistakes -->\n"
	var b strings.Builder
	b.WriteString("| you type | mou says |\n| --- | --- |\n")
	// Messages name the file as given: given from its folder, they name it
	// as a person would have typed it, and the copy's folder is "data".
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "mistakes"))); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "copy"), filepath.Join(dir, "data")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, c := range mistakeCorpus {
		path := c.name + ".toml"
		if c.name == "copy" {
			path = "data"
		}
		fs := errorsOf(t, path)
		if len(fs) == 0 {
			t.Fatalf("%s: no error", c.name)
		}
		f := fs[0]
		said := f.Message
		if f.Hint != "" {
			said += " — " + f.Hint
		}
		said = strings.NewReplacer(`\`, `\\`, "|", `\|`, "\n", " ").Replace(said)
		fmt.Fprintf(&b, "| %s | %s |\n", c.typed, said)
	}
	want := b.String()
	_, rest, ok := strings.Cut(string(readme), marker)
	if !ok {
		t.Fatalf("README.md has no common mistakes table (the line %q); paste this after it:\n%s", marker, want)
	}
	shown := rest
	if i := strings.Index(rest, "\n\n"); i >= 0 {
		shown = rest[:i+1]
	}
	if shown != want {
		t.Errorf("README.md's common mistakes table differs from the corpus; paste this:\n%s", want)
	}
}
