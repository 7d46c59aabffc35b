package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompletionFlagValues: a flag that takes one of a few values is
// completed with them; one that takes a path gets nothing, so the shell
// offers files.
func TestCompletionFlagValues(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--edition", "--generate-bash-completion"}, "2018\n2023\n"},
		{[]string{"check", "data.toml", "--format", "--generate-bash-completion"}, "text\njson\n"},
		{[]string{"build", "--only", "--generate-bash-completion"}, "mou\narrangements\nreport\nendorsements\n"},
		{[]string{"validate", "--format", "--generate-bash-completion"}, "text\njson\n"},
		{[]string{"templates", "lint", "--format", "--generate-bash-completion"}, "text\njson\n"},
		{[]string{"build", "--out", "--generate-bash-completion"}, ""},
	} {
		code, out, errw := mou(t, tt.args...)
		if code != 0 || out != tt.want {
			t.Errorf("mou %v: exit %d, %q (want %q) %s", tt.args, code, out, tt.want, errw)
		}
	}
}

// TestBashCompletionScript runs the bash script against the built binary,
// as the shell would on <TAB>.
func TestBashCompletionScript(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("bash is not installed")
		}
		t.Skip("bash is not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "mou")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	script := filepath.Join(dir, "mou.bash")
	if err := os.WriteFile(script, []byte(bashCompletion), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "data.toml"), nil, 0o644)
	for _, tt := range []struct {
		line string // the words typed, the last being completed
		want string
	}{
		{"mou check --edition ''", "2018 2023"},
		{"mou check --edition 20", "2018 2023"},
		{"mou build --only ''", "mou arrangements report endorsements"},
		{"mou build --only mou,r", "mou,report"},
		{"mou validate --format j", "json"},
		{"mou validate da", "data.toml"},
		{"mou build --out da", "data.toml"},
		{"mou check --edition da", ""},
	} {
		cmd := exec.Command(bash, "-c", `complete() { :; }; source "$1"; shift; COMP_WORDS=("$@"); COMP_WORDS[0]="$MOU"; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _mou_complete; echo "${COMPREPLY[*]}"`, "bash", script)
		words := strings.Fields(tt.line)
		for i, w := range words {
			if w == "''" {
				words[i] = ""
			}
		}
		cmd.Args = append(cmd.Args, words...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "MOU="+bin)
		out, err := cmd.CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != tt.want {
			t.Errorf("%s<TAB>: %q (want %q) %v", tt.line, out, tt.want, err)
		}
	}
}

// TestInitWritesSchema: the starter's first line names mou.schema.json, and
// init writes it beside the starter, keeping one already there.
func TestInitWritesSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "partnership.toml")
	code, out, errw := mou(t, "init", path)
	if code != 0 || !strings.Contains(out, "mou.schema.json") {
		t.Fatalf("init: %d %s %s", code, out, errw)
	}
	starter, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(starter), "#:schema ./mou.schema.json\n") {
		t.Fatalf("the starter names another schema: %.60s", starter)
	}
	_, schema, _ := mou(t, "schema")
	written, err := os.ReadFile(filepath.Join(dir, "mou.schema.json"))
	if err != nil || string(written) != schema {
		t.Fatalf("mou.schema.json is not `mou schema`'s output: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "mou.schema.json"), []byte("{}\n"), 0o644)
	code, out, _ = mou(t, "init", filepath.Join(dir, "second.toml"))
	kept, _ := os.ReadFile(filepath.Join(dir, "mou.schema.json"))
	if code != 0 || string(kept) != "{}\n" || !strings.Contains(out, "kept the existing") {
		t.Errorf("init overwrote the schema, or did not say it kept it: %s", out)
	}
}

// TestFixEncoding: a Windows-1252 file is converted and said so, with the
// original kept; the same again says there is nothing to do.
func TestFixEncoding(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.toml")
	original := []byte("[partnership]\narea = \"Anytown \x96 and villages\"\n")
	os.WriteFile(path, original, 0o644)
	code, out, errw := mou(t, "fix-encoding", path)
	if code != 0 || !strings.Contains(out, "converted "+path+" from Windows-1252 to UTF-8") {
		t.Fatalf("%d %s %s", code, out, errw)
	}
	if b, _ := os.ReadFile(path); string(b) != "[partnership]\narea = \"Anytown – and villages\"\n" {
		t.Errorf("converted to %q", b)
	}
	if b, _ := os.ReadFile(path + ".bak"); string(b) != string(original) {
		t.Errorf("the original is not kept")
	}
	if code, out, _ := mou(t, "fix-encoding", path); code != 0 || !strings.Contains(out, "already UTF-8: nothing changed") {
		t.Errorf("second run: %d %s", code, out)
	}
	os.WriteFile(path, original, 0o644)
	if code, _, errw := mou(t, "fix-encoding", path); code != 1 || !strings.Contains(errw, ".bak already exists") {
		t.Errorf("a .bak is overwritten: %d %s", code, errw)
	}
}
