//go:build unix

package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// corpus is ../../testdata/corpus: small hostile inputs kept as files.
// The large ones (megabytes, or thousands of levels) are made by
// generateCorpus below rather than kept in the repository.
const corpus = "../../testdata/corpus"

// stagingMarker starts the name of a build's staging folder.
const stagingMarker = ".mou-staging-"

// corpusCase is one hostile input: the command line (DIR stands for the
// generated inputs' folder, OUT for an output folder already holding a
// previous build), the exit status, a pattern the output must match
// (the file:line or flag at fault), and what the build must leave behind.
type corpusCase struct {
	name   string
	args   []string
	code   int
	want   string // regular expression over stdout+stderr
	env    []string
	folder string // for a build that succeeds: a folder it must create in OUT
}

// TestCorpus runs every case through the mou program itself and checks,
// for each: no panic, the exit status, a located message, and (for a
// failing build) the previous build's files byte for byte as they were,
// with no staging leftovers.
func TestCorpus(t *testing.T) {
	start := time.Now()
	bin := buildMou(t)
	dir := t.TempDir()
	orgLine := generateCorpus(t, dir)
	soffice := fakeSofficeDir(t)

	data := func(name string) string { return filepath.Join(corpus, "data", name) }
	gen := func(name string) string { return filepath.Join(dir, name) }
	build := func(extra ...string) []string { return append([]string{"build", "--out", "OUT"}, extra...) }
	hf := "../../data/herefordshire-2019.toml"
	loc := func(file string, line int) string {
		return regexp.QuoteMeta(file) + fmt.Sprintf(`:%d(:\d+)?: error`, line)
	}
	cases := []corpusCase{
		// Malformed data: located syntax findings.
		{name: "junk bytes", args: build(data("junk.toml")), code: 1, want: loc(data("junk.toml"), 1) + ".*NULL bytes"},
		{name: "invalid UTF-8", args: build(data("bad-utf8.toml")), code: 1, want: loc(data("bad-utf8.toml"), 2) + ".*UTF-8"},
		{name: "unclosed string", args: build(data("unclosed.toml")), code: 1, want: loc(data("unclosed.toml"), 2)},
		{name: "CRLF line ends", args: build(data("crlf.toml")), code: 1, want: loc(data("crlf.toml"), 3)},
		{name: "key defined twice", args: build(data("duplicate-key.toml")), code: 1, want: loc(data("duplicate-key.toml"), 3) + ".*defined twice"},
		{name: "byte order mark", args: build(data("bom.toml")), code: 1, want: loc(data("bom.toml"), 3) + ".*area should be text"},
		{name: "escaped key", args: build(data("escaped-key.toml")), code: 1, want: loc(data("escaped-key.toml"), 4) + ".*short_nme"},
		{name: "unknown key", args: build(data("wrong-type.toml")), code: 1, want: loc(data("wrong-type.toml"), 3) + `.*unknown key "partners"`},
		{name: "empty file", args: build(data("empty.toml")), code: 1, want: regexp.QuoteMeta(data("empty.toml")) + ": error: partnership: partnership is missing"},
		{name: "17 levels", args: build(data("deep-small.toml")), code: 1, want: loc(data("deep-small.toml"), 3) + ".*nested 17 levels"},
		// Oversized data: refused before decoding, located, short.
		{name: "inline tables 10,000 deep", args: build(gen("deep-inline.toml")), code: 1, want: loc(gen("deep-inline.toml"), 2) + ".*nested 17 levels"},
		{name: "arrays 50,000 deep", args: build(gen("deep-arrays.toml")), code: 1, want: loc(gen("deep-arrays.toml"), 2) + ".*nested 17 levels"},
		{name: "dotted key of 20,000 parts", args: build(gen("dotted-key.toml")), code: 1, want: loc(gen("dotted-key.toml"), 2) + ".*dotted parts"},
		{name: "table header of 20,000 parts", args: build(gen("long-header.toml")), code: 1, want: loc(gen("long-header.toml"), 3) + ".*dotted parts"},
		{name: "100 KB key", args: build(gen("long-key.toml")), code: 1, want: loc(gen("long-key.toml"), 2) + ".*bytes long"},
		{name: "10 MB organisation name", args: build(gen("huge-name.toml")), code: 1, want: loc(gen("huge-name.toml"), orgLine) + ".*larger than 1024 KB"},
		{name: "100,000 partners", args: build(gen("many-partners.toml")), code: 1, want: regexp.QuoteMeta(gen("many-partners.toml")) + `:\d+: error.*larger than 1024 KB`},
		{name: "600 relevant agencies", args: build(gen("many-agencies.toml")), code: 1, want: `many-agencies.toml:\d+:1: error: relevant_agencies: relevant_agencies has 600 entries, more than the 500`},
		{name: "60 partners", args: build(gen("sixty-partners.toml")), code: 1, want: `sixty-partners.toml:\d+:1: error: partners: partners has 60 partners, more than the 50`},
		{name: "2,000-character name", args: build(gen("long-org.toml")), code: 1, want: loc(gen("long-org.toml"), orgLine) + ".*partners\\[0\\].organisation is 2000 characters long; a name or title may be at most 300"},
		{name: "half-megabyte line", args: build(gen("long-line.toml")), code: 1, want: loc(gen("long-line.toml"), 2) + "(?s).*…"},
		{name: "render: arrays 50,000 deep", args: []string{"render", "../../templates/mou.docx", gen("deep-arrays.toml"), "-o", "OUT/x.docx"}, code: 1, want: regexp.QuoteMeta(gen("deep-arrays.toml")) + `:2:\d+: this is nested 17 levels`},
		{name: "render: /dev/zero", args: []string{"render", "../../templates/mou.docx", "/dev/zero", "-o", "OUT/x.docx"}, code: 1, want: "/dev/zero is a device"},
		// Odd files: refused by name, without reading or blocking.
		{name: "/dev/zero", args: build("/dev/zero"), code: 1, want: "/dev/zero is a device, not a data file"},
		{name: "named pipe", args: build(gen("pipe.toml")), code: 1, want: "pipe.toml is a named pipe, not a data file"},
		{name: "folder of data holding a pipe", args: build(gen("folder")), code: 1, want: "b.toml is a named pipe"},
		{name: "link to a link", args: build(gen("link2.toml")), code: 1, want: "link2.toml is a link to another link"},
		{name: "link loop", args: build(gen("loop.toml")), code: 1, want: "loop.toml is a link to another link"},
		{name: "missing file", args: build(gen("nope.toml")), code: 1, want: "nope.toml does not exist"},
		// Hostile templates.
		{name: "template not a zip", args: build("--templates", filepath.Join(corpus, "templates", "not-a-zip"), hf), code: 1, want: `not-a-zip/mou.docx`},
		{name: "empty template", args: build("--templates", filepath.Join(corpus, "templates", "empty"), hf), code: 1, want: `empty/mou.docx`},
		{name: "template is a pipe", args: build("--templates", gen("pipe-templates"), hf), code: 1, want: `pipe-templates/mou.docx.*(pipe|regular)`},
		// Flags.
		{name: "--out without its value", args: []string{"build", hf, "--out"}, code: 2, want: "--out needs a value"},
		{name: "--pdf-timeout without its value", args: []string{"build", "--out", "OUT", hf, "--pdf-timeout"}, code: 2, want: "--pdf-timeout needs a value"},
		{name: "--templates before another flag", args: []string{"build", "--templates", "--pdf", "--out", "OUT", hf}, code: 2, want: "--templates needs a value"},
		// Failing disks and converters: nothing changes.
		{name: "output folder is a file", args: []string{"build", "--out", gen("a-file"), hf}, code: 1, want: "is a file, not a folder"},
		{name: "LibreOffice fails", args: build("--pdf", gen("changed.toml")), env: []string{"PATH=" + soffice["fail"]}, code: 1,
			want: `(?s)LibreOffice could not convert .*OUT/herefordshire/mou.docx.*could not be loaded(?s).*Nothing in .*OUT was changed`},
		{name: "LibreOffice hangs", args: build("--pdf", "--pdf-timeout", "1s", gen("changed.toml")), env: []string{"PATH=" + soffice["hang"]}, code: 1,
			want: `did not finish converting .*mou.docx.* within 1s.*--pdf-timeout`},
		{name: "LibreOffice leaves one out", args: build("--pdf", gen("changed.toml")), env: []string{"PATH=" + soffice["partial"]}, code: 1,
			want: `LibreOffice did not convert .*OUT/herefordshire/mou.docx`},
		// Names that always work: these build, into their own folders.
		{name: "area in Arabic script", args: build(gen("arabic.toml")), code: 0, want: `wrote .*OUT/hyryfwrdshyr/mou.docx`, folder: "hyryfwrdshyr"},
		{name: "area in Japanese, no short name", args: build(gen("japanese.toml")), code: 0, want: `wrote .*OUT/partnership-[0-9a-f]{8}/mou.docx`},
		{name: "300-character area", args: build(gen("long-area.toml")), code: 0, want: `wrote .*OUT/[a-z-]{30,60}/mou.docx`},
		{name: "300-character signatory, split", args: build("--split-endorsements", gen("long-signatory.toml")), code: 0, want: `wrote .*OUT/herefordshire/endorsement-mou-01-[a-z-]{30,60}\.docx`},
		{name: "reserved device name as area", args: build(gen("con.toml")), code: 0, want: `wrote .*OUT/partnership-[0-9a-f]{8}/mou.docx`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := previousBuild(t, bin)
			before := hashTree(t, out)
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = strings.ReplaceAll(a, "OUT", out)
			}
			code, output := runMou(t, bin, c.env, args...)
			if strings.Contains(output, "panic:") || strings.Contains(output, "goroutine ") {
				t.Fatalf("panicked:\n%.3000s", output)
			}
			if code != c.code {
				t.Errorf("exit %d, want %d\n%.3000s", code, c.code, output)
			}
			want := strings.ReplaceAll(c.want, "OUT", regexp.QuoteMeta(out))
			if !regexp.MustCompile(want).MatchString(output) {
				t.Errorf("output does not match %s:\n%.3000s", want, output)
			}
			if len(output) > 20000 {
				t.Errorf("output is %d bytes long", len(output))
			}
			after := hashTree(t, out)
			if c.code != 0 {
				sameTree(t, after, before)
				return
			}
			for k, v := range before { // a successful build keeps what it does not replace
				if strings.HasPrefix(k, "herefordshire/") && !strings.Contains(output, k) && after[k] != v {
					t.Errorf("%s changed", k)
				}
			}
			if c.folder != "" {
				if _, err := os.Stat(filepath.Join(out, c.folder)); err != nil {
					t.Error(err)
				}
			}
			for k := range after {
				if strings.Contains(k, stagingMarker) {
					t.Errorf("left behind: %s", k)
				}
			}
		})
	}
	t.Run("killed during the build", func(t *testing.T) { killedBuild(t, bin, soffice["hang"], gen("changed.toml")) })
	t.Run("small file system", func(t *testing.T) { smallDisk(t, bin) })
	// It takes 5–20 s here; the bound is loose so a machine busy with other
	// work does not fail it, and tight enough to catch a case that hangs
	// until its 30-second guard.
	if d := time.Since(start); d > 2*time.Minute {
		t.Errorf("the corpus took %s, more than two minutes", d)
	}
	t.Logf("%d cases and 2 scenarios in %s", len(cases), time.Since(start).Round(time.Millisecond))
}

// buildMou compiles the mou program into a temporary folder.
func buildMou(t *testing.T) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		goCmd = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "mou")
	if out, err := exec.Command(goCmd, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func runMou(t *testing.T, bin string, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("mou %v did not finish in 30 s", args)
	}
	return cmd.ProcessState.ExitCode(), b.String()
}

// previousBuild is an output folder holding an earlier, successful build.
func previousBuild(t *testing.T, bin string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	if code, output := runMou(t, bin, nil, "build", "-q", "--split-endorsements", "--out", out, "../../data/herefordshire-2019.toml"); code != 0 {
		t.Fatalf("the earlier build failed:\n%s", output)
	}
	os.WriteFile(filepath.Join(out, "notes.txt"), []byte("the user's own notes"), 0o644)
	return out
}

// hashTree is every file and folder under dir with a hash of its contents.
func hashTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			out[rel+"/"] = "folder"
			return nil
		}
		b, _ := os.ReadFile(p)
		out[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	return out
}

func sameTree(t *testing.T, got, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s changed or went missing", k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s appeared", k)
		}
	}
}

// fakeSofficeDir makes folders each holding a LibreOffice stand-in: one
// that fails, one that never returns, one that skips mou.docx.
func fakeSofficeDir(t *testing.T) map[string]string {
	t.Helper()
	scripts := map[string]string{
		"fail":    "echo 'Error: source file could not be loaded' >&2; exit 3",
		"hang":    "sleep 60",
		"partial": `while [ $# -gt 0 ]; do case "$1" in --outdir) shift; d="$1";; *mou.docx) ;; *.docx) b=$(basename "$1" .docx); echo pdf > "$d/$b.pdf";; esac; shift; done`,
	}
	out := map[string]string{}
	for name, script := range scripts {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "soffice"), []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		out[name] = dir + string(os.PathListSeparator) + os.Getenv("PATH")
	}
	return out
}

// generateCorpus writes the large and special inputs into dir and returns
// the line of the example's first organisation, where two of them put an
// oversized name.
func generateCorpus(t *testing.T, dir string) int {
	t.Helper()
	hf, err := os.ReadFile("../../data/herefordshire-2019.toml")
	if err != nil {
		t.Fatal(err)
	}
	base := string(hf)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	replace := func(old, new string) string {
		if !strings.Contains(base, old) {
			t.Fatalf("the Herefordshire example no longer holds %q: update the corpus", old)
		}
		return strings.Replace(base, old, new, 1)
	}
	write("deep-inline.toml", "[partnership]\nx = "+strings.Repeat("{a = ", 10000)+"1"+strings.Repeat("}", 10000)+"\n")
	write("deep-arrays.toml", "[partnership]\nvalues = "+strings.Repeat("[", 50000)+strings.Repeat("]", 50000)+"\n")
	write("dotted-key.toml", "[partnership]\n"+strings.Repeat("a.", 20000)+"a = 1\n")
	write("long-header.toml", "[partnership]\nname = \"x\"\n["+strings.Repeat("a.", 20000)+"a]\n")
	write("long-key.toml", "[partnership]\n"+strings.Repeat("k", 100000)+" = 1\n")
	lines := strings.Split(base, "\n")
	org := 0
	for org < len(lines) && !strings.HasPrefix(lines[org], "organisation = ") {
		org++
	}
	if org == len(lines) {
		t.Fatal("the Herefordshire example names no organisation: update the corpus")
	}
	write("huge-name.toml", strings.Join(lines[:org], "\n")+"\norganisation = \""+strings.Repeat("A", 10<<20)+"\"\n")
	var many strings.Builder
	many.WriteString(base)
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&many, "[[partners]]\nid = \"p%d\"\nkind = \"police\"\norganisation = \"Police %d\"\nlead = { name = \"A\", title = \"B\" }\n", i, i)
	}
	write("many-partners.toml", many.String())
	var agencies strings.Builder
	for i := 0; i < 600; i++ {
		fmt.Fprintf(&agencies, "[[relevant_agencies]]\nname = \"Agency %d\"\nsector = \"other\"\n", i)
	}
	write("many-agencies.toml", base+agencies.String())
	var partners strings.Builder
	for i := 0; i < 57; i++ {
		fmt.Fprintf(&partners, "[[partners]]\nid = \"p%d\"\nkind = \"police\"\norganisation = \"Police %d\"\nlead = { name = \"A\", title = \"B\" }\n", i, i)
	}
	write("sixty-partners.toml", base+partners.String())
	write("long-org.toml", strings.Join(lines[:org], "\n")+"\norganisation = \""+strings.Repeat("x", 2000)+"\"\n"+strings.Join(lines[org+1:], "\n"))
	write("long-line.toml", "[partnership]\nvision = \""+strings.Repeat("word ", 100000)+"\" and more\n")
	write("changed.toml", replace(`name = "Safeguarding Children and Young People in Herefordshire"`, `name = "Safeguarding Children and Young People in Herefordshire (revised)"`))
	write("arabic.toml", replace(`area = "Herefordshire"`, `area = "هيريفوردشير"`))
	write("japanese.toml", replace(`area = "Herefordshire"`, `area = "東京"`))
	write("long-area.toml", replace(`area = "Herefordshire"`, `area = "`+strings.Repeat("Hereford and ", 22)+`Leominster"`))
	write("long-signatory.toml", replace(`signatory = "Chris Baird"`, `signatory = "`+strings.Repeat("Christopher ", 24)+`Baird"`))
	write("con.toml", replace(`area = "Herefordshire"`, `area = "CON"`))
	write("a-file", "not a folder")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "folder"), 0o755)
	os.WriteFile(filepath.Join(dir, "folder", "a.toml"), hf, 0o644)
	syscall.Mkfifo(filepath.Join(dir, "folder", "b.toml"), 0o644)
	os.MkdirAll(filepath.Join(dir, "pipe-templates"), 0o755)
	syscall.Mkfifo(filepath.Join(dir, "pipe-templates", "mou.docx"), 0o644)
	os.Symlink(filepath.Join(dir, "changed.toml"), filepath.Join(dir, "link1.toml"))
	os.Symlink(filepath.Join(dir, "link1.toml"), filepath.Join(dir, "link2.toml"))
	os.Symlink(filepath.Join(dir, "loop.toml"), filepath.Join(dir, "loop.toml"))
	return org + 1
}

// killedBuild kills mou with SIGKILL while LibreOffice converts in its
// staging folder, then checks the next build removes the leftovers and the
// killed one changed nothing.
func killedBuild(t *testing.T, bin, hangPath, data string) {
	out := previousBuild(t, bin)
	before := hashTree(t, out)
	cmd := exec.Command(bin, "build", "--pdf", "--out", out, data)
	cmd.Env = append(os.Environ(), "PATH="+hangPath)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait for the staging folder to appear, then kill -9 the build.
	deadline := time.Now().Add(20 * time.Second)
	for {
		left, _ := filepath.Glob(filepath.Join(out, stagingMarker+"*"))
		if len(left) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("no staging folder appeared")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // mou and its stand-in converter
	cmd.Wait()
	left, _ := filepath.Glob(filepath.Join(out, stagingMarker+"*"))
	if len(left) == 0 {
		t.Fatal("the killed build left nothing: the test did not kill it in time")
	}
	// LibreOffice's work folder is inside the staging folder, so it goes too.
	if work, _ := filepath.Glob(filepath.Join(left[0], "new", "*", ".mou-pdf-*")); len(work) == 0 {
		t.Errorf("no PDF work folder inside %s", left[0])
	}
	for k, v := range before {
		if hashTree(t, out)[k] != v {
			t.Errorf("the killed build changed %s", k)
		}
	}
	// The next build (its data broken, so it writes nothing) cleans up.
	code, output := runMou(t, bin, nil, "build", "--out", out, "../../testdata/corpus/data/unclosed.toml")
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, output)
	}
	if code, output = runMou(t, bin, nil, "build", "--out", out, "../../data/herefordshire-2019.toml"); code != 0 {
		t.Fatalf("exit %d\n%s", code, output)
	}
	if left, _ := filepath.Glob(filepath.Join(out, stagingMarker+"*")); len(left) != 0 {
		t.Errorf("leftovers of the killed build remain: %v", left)
	}
}

// smallDisk fills a real, tiny file system (a 160 KB tmpfs mounted in a
// user namespace, needing no privileges where the kernel allows them) and
// checks a build that does not fit changes nothing there.
func smallDisk(t *testing.T, bin string) {
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("unshare is not installed; TestFullDiskKeepsEarlierBuild simulates a full disk instead")
	}
	mnt := t.TempDir()
	abs, _ := filepath.Abs("../../data")
	script := `set -e
mount -t tmpfs -o size=160k tmpfs "$MNT"
"$MOU" build -q --out "$MNT/out" "$DATA/herefordshire-2019.toml" >/dev/null
before=$(cd "$MNT/out" && find . | sort && find . -type f | sort | xargs sha256sum)
set +e
"$MOU" build --split-endorsements --out "$MNT/out" "$DATA/herefordshire-2019.toml" "$DATA/westmorland-and-furness-2025.toml" >/dev/null 2>&1
echo "exit=$?"
ls -a "$MNT/out" | grep -c mou-staging || true
after=$(cd "$MNT/out" && find . | sort && find . -type f | sort | xargs sha256sum)
[ "$before" = "$after" ] && echo same || { echo "before:"; echo "$before"; echo "after:"; echo "$after"; }
`
	cmd := exec.Command("unshare", "-rm", "sh", "-c", script)
	cmd.Env = append(os.Environ(), "MNT="+mnt, "MOU="+bin, "DATA="+abs)
	out, err := cmd.CombinedOutput()
	if err != nil && strings.Contains(string(out), "mount") || strings.Contains(string(out), "unshare:") {
		t.Skipf("cannot mount a small file system here (%s); TestFullDiskKeepsEarlierBuild simulates a full disk instead", strings.TrimSpace(string(out)))
	}
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(string(out), "exit=1\n0\nsame") {
		t.Errorf("the build on a full disk:\n%s", out)
	}
}
