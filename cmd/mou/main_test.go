package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func mou(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	code = run(append([]string{"mou"}, args...), &out, &errw)
	return code, out.String(), errw.String()
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		out  string // substring of stdout
		err  string // substring of stderr
	}{
		{"version", []string{"--version"}, 0, "mou version", ""},
		{"help", []string{"help"}, 0, "validate", ""},
		{"valid data", []string{"validate", "../../data/herefordshire-2019.toml"}, 0, "0 errors, 6 warnings", ""},
		{"each argument is a partnership", []string{"validate", "../../data/herefordshire-2019.toml", "../../data/westmorland-and-furness-2025.toml"}, 0, "== ../../data/westmorland-and-furness-2025.toml", ""},
		{"invalid data", []string{"validate", "../../data/cumbria-2019.toml"}, 1, "£7,801 more", ""},
		{"warnings pass", []string{"validate", "../../data/westmorland-and-furness-2025.toml"}, 0, "0 errors, 6 warnings", ""},
		{"strict fails on warnings", []string{"validate", "--strict", "../../data/westmorland-and-furness-2025.toml"}, 1, "6 warnings", ""},
		{"missing file", []string{"validate", "nope.toml"}, 1, "", "nope.toml does not exist"},
		{"no argument", []string{"validate"}, 2, "", "validate needs a data file"},
		{"bad flag", []string{"validate", "--bogus", "x"}, 2, "", "flag provided but not defined"},
		{"bad format", []string{"validate", "--format", "xml", "x"}, 2, "", "--format must be text or json"},
		{"schema", []string{"schema"}, 0, `"$schema"`, ""},
		{"completion bash", []string{"completion", "bash"}, 0, "complete -o filenames", ""},
		{"completion zsh", []string{"completion", "zsh"}, 0, "#compdef mou", ""},
		{"completion without shell", []string{"completion"}, 2, "", "bash or zsh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errw := mou(t, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errw, tt.err) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, tt.code, out, errw)
			}
		})
	}
}

func TestValidateJSON(t *testing.T) {
	code, out, _ := mou(t, "validate", "--format", "json", "../../data/cumbria-2019.toml")
	var fs []map[string]any
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	last := len(fs) - 1
	if code != 1 || len(fs) != 3 || fs[last]["rule"] != "funding.total-mismatch" || fs[last]["line"] == nil {
		t.Errorf("exit %d, findings %v", code, fs)
	}
}

func TestInit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.toml")
	if code, _, errw := mou(t, "init", path); code != 0 {
		t.Fatalf("init: %d %s", code, errw)
	}
	if code, out, _ := mou(t, "validate", "--strict", path); code != 0 {
		t.Fatalf("the starter does not validate:\n%s", out)
	}
	before, _ := os.ReadFile(path)
	if code, _, errw := mou(t, "init", path); code != 1 || !strings.Contains(errw, "already exists") {
		t.Errorf("second init: %d %s", code, errw)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("init overwrote an existing file")
	}
}

// TestCompletion runs the built binary: urfave/cli reads completion
// requests from the process's own arguments.
func TestCompletion(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "mou")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--generate-bash-completion"}, "validate"},
		{[]string{"validate", "-", "--generate-bash-completion"}, "--strict"},
	} {
		out, err := exec.Command(bin, tt.args...).Output()
		if err != nil || !strings.Contains(string(out), tt.want) {
			t.Errorf("mou %v: %v\n%s", tt.args, err, out)
		}
	}
}
