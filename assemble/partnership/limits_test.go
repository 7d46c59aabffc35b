package partnership

import (
	"fmt"
	"mou/assemble/internal/namedpipe"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// loadText writes text as a data file and loads it, failing the test if
// loading takes longer than a second.
func loadText(t *testing.T, text string) (*Partnership, Findings, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.toml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	part, fs, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	// A hang guard, not a speed test (bench_test.go measures speed): before
	// the pre-decoding scan these inputs took minutes.
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("loading took %s", d)
	}
	var b strings.Builder
	fs.WriteText(&b)
	return part, fs, b.String()
}

// TestNestingRefusedBeforeDecoding: each way of nesting deeply is refused
// by the scan, located, long before the decoder's quadratic cost.
func TestNestingRefusedBeforeDecoding(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		line       int
	}{
		{"inline tables", "# x\na = " + strings.Repeat("{b = ", 10000) + "1" + strings.Repeat("}", 10000) + "\n", 2},
		{"arrays", "\n\na = " + strings.Repeat("[", 50000) + strings.Repeat("]", 50000) + "\n", 3},
		{"dotted key", "a" + strings.Repeat(".a", 20000) + " = 1\n", 1},
		{"table header", "x = 1\n[a" + strings.Repeat(".a", 20000) + "]\n", 2},
		{"array of tables header", "[[a" + strings.Repeat(`."a"`, 20000) + "]]\n", 1},
		{"arrays after a string", "s = \"\"\"\n[[[\n\"\"\"\na = " + strings.Repeat("[", 100) + "\n", 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, fs, text := loadText(t, tt.text)
			if p != nil || len(fs) != 1 || fs[0].Rule != "data.limit" || fs[0].Line != tt.line {
				t.Fatalf("findings %+v", fs)
			}
			if !strings.Contains(fs[0].Message, fmt.Sprint(MaxDepth)) || fs[0].Col == 0 || len(text) > 2000 {
				t.Errorf("message (%d bytes): %.500s", len(text), text)
			}
		})
	}
}

func TestLongKeyRefused(t *testing.T) {
	_, fs, _ := loadText(t, "[partnership]\n"+strings.Repeat("k", 100000)+" = 1\n")
	if len(fs) != 1 || fs[0].Line != 2 || !strings.Contains(fs[0].Message, fmt.Sprint(MaxKeyBytes)) {
		t.Fatalf("findings %+v", fs)
	}
}

// TestExamplesWithinLimits: the real partnerships are far inside every limit.
func TestExamplesWithinLimits(t *testing.T) {
	files, _ := filepath.Glob("../../data/*.toml")
	for _, f := range files {
		_, fs, err := Load(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range fs {
			if x.Rule == "data.limit" {
				t.Errorf("%s", x)
			}
		}
	}
}

func TestFileSizeLimit(t *testing.T) {
	// A 10 MB organisation name: refused by size, on its line, with a
	// short message.
	text := "[partnership]\nname = \"x\"\n[[partners]]\norganisation = \"" + strings.Repeat("A", 10<<20) + "\"\n"
	p, fs, out := loadText(t, text)
	if p != nil || len(fs) != 1 || fs[0].Line != 4 || !strings.Contains(fs[0].Message, "1024 KB") {
		t.Fatalf("findings %+v", fs)
	}
	if len(out) > 2000 {
		t.Errorf("report is %d bytes", len(out))
	}
}

func TestFieldLimits(t *testing.T) {
	b, err := os.ReadFile("../../data/herefordshire-2019.toml")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Herefordshire ", MaxNameRunes/10)
	text := strings.Replace(string(b), `name = "Safeguarding Children and Young People in Herefordshire"`, `name = "`+long+`"`, 1)
	if text == string(b) {
		t.Fatal("the example's name line changed: update the test")
	}
	var agencies strings.Builder
	for i := 0; i <= MaxItems; i++ {
		fmt.Fprintf(&agencies, "[[relevant_agencies]]\nname = \"Agency %d\"\nsector = \"other\"\n", i)
	}
	p, fs, out := loadText(t, text+agencies.String())
	if p != nil {
		t.Fatal("built despite the limits")
	}
	want := map[string]bool{"partnership.name": false, "relevant_agencies": false}
	for _, f := range fs {
		if f.Rule != "data.limit" {
			continue
		}
		want[f.Path] = true
		if f.Line == 0 || !strings.Contains(f.Message, "at most") && !strings.Contains(f.Message, "more than") {
			t.Errorf("%s", f)
		}
	}
	for path, found := range want {
		if !found {
			t.Errorf("no limit finding for %s in\n%.3000s", path, out)
		}
	}
	if !strings.Contains(out, fmt.Sprintf("a name or title may be at most %d", MaxNameRunes)) {
		t.Errorf("report:\n%.2000s", out)
	}
}

// TestLongLineExcerpt: a syntax error on a very long line shows a short
// window of it with the caret in the right place.
func TestLongLineExcerpt(t *testing.T) {
	line := `vision = "` + strings.Repeat("long ", 150000) + `" oops`
	_, fs, out := loadText(t, "[partnership]\n"+line+"\n")
	if len(fs) != 1 || fs[0].Line != 2 {
		t.Fatalf("findings %+v", fs)
	}
	if len(out) > 2000 || !strings.Contains(out, "…") {
		t.Fatalf("report (%d bytes): %.1000s", len(out), out)
	}
	src, col := excerpt(line, fs[0].Col)
	if fs[0].Col > 0 && !strings.HasPrefix(src[col-1:], line[fs[0].Col-1:fs[0].Col]) {
		t.Errorf("caret at %q, want %q", src[col-1:], line[fs[0].Col-1:])
	}
}

func TestOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	b, _ := os.ReadFile("../../data/herefordshire-2019.toml")
	os.WriteFile(good, b, 0o644)
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(good, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, _, err := Load(link); err != nil {
		t.Errorf("a link to a data file: %v", err)
	}
	linkLink := filepath.Join(dir, "linklink.toml")
	os.Symlink(link, linkLink)
	loop := filepath.Join(dir, "loop.toml")
	os.Symlink(loop, loop)
	cases := map[string]string{
		linkLink: "a link to another link",
		loop:     "a link to another link",
	}
	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "pipe.toml")
		if err := namedpipe.Make(fifo); err != nil {
			t.Fatal(err)
		}
		cases[fifo] = "is a named pipe"
		cases["/dev/zero"] = "is a device"
		// A folder of data files holding a pipe refuses it too.
		sub := filepath.Join(dir, "folder")
		os.MkdirAll(sub, 0o755)
		os.WriteFile(filepath.Join(sub, "a.toml"), b, 0o644)
		namedpipe.Make(filepath.Join(sub, "b.toml"))
		cases[sub] = "b.toml is a named pipe"
		os.MkdirAll(filepath.Join(dir, "dir.toml"), 0o755)
		cases[dir] = "dir.toml is not a regular file"
	}
	for path, want := range cases {
		done := make(chan error, 1)
		go func() { _, _, err := Load(path); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), filepath.Base(path)) {
				t.Errorf("%s: %v", path, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: loading hangs", path)
		}
	}
}

// TestManyFindingsCapped: a file with 5,000 mistakes gives a short report.
func TestManyFindingsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("[partnership]\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	_, fs, out := loadText(t, b.String())
	if len(fs) != MaxFindings+1 || !strings.Contains(fs[MaxFindings].Message, "more problems") || fs.Errors() != MaxFindings+1 {
		t.Fatalf("%d findings, last %v", len(fs), fs[len(fs)-1])
	}
	if len(out) > 200000 {
		t.Errorf("report is %d bytes", len(out))
	}
}

// TestReadTOML: any TOML read for a template is held to the same limits.
func TestReadTOML(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "deep.toml")
	os.WriteFile(deep, []byte("\na = "+strings.Repeat("[", 40000)+strings.Repeat("]", 40000)+"\n"), 0o644)
	if _, err := ReadTOML(deep); err == nil || !strings.Contains(err.Error(), deep+":2:") {
		t.Errorf("deep: %v", err)
	}
	if text, err := ReadTOML("../../data/herefordshire-2019.toml"); err != nil || !strings.Contains(text, "[partnership]") {
		t.Errorf("example: %v", err)
	}
	if runtime.GOOS != "windows" {
		if _, err := ReadTOML("/dev/zero"); err == nil || !strings.Contains(err.Error(), "is a device") {
			t.Errorf("/dev/zero: %v", err)
		}
	}
}

// FuzzLimits: the pre-decoding scan and the excerpt never panic, and the
// excerpt's column always points inside it.
func FuzzLimits(f *testing.F) {
	f.Add("a = [[{b = 'x'}]]\n[t.\"u\\\"\"]\nk = \"\"\"\n[\n\"\"\"", 3)
	f.Add("[[a.b]]\nc.d = {e = [1, {f = 2}]}", 200)
	f.Fuzz(func(t *testing.T, text string, col int) {
		newSources().scanLimits("f.toml", text)
		line := strings.Repeat(text, 1+200/(len(text)+1))
		s, c := excerpt(line, col)
		if s != line && (c > len(s)+1 || c < 1) { // a short line is shown whole, its column as given
			t.Fatalf("column %d outside %q", c, s)
		}
	})
}
