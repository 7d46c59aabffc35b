package templates

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mou/assemble/wordtemplate"
	"mou/templates/internal/build"
)

// TestGeneratedFilesInStep fails when the committed templates differ from
// what `go run ./templates/gen` writes: regenerate after changing the
// generator.
func TestGeneratedFilesInStep(t *testing.T) {
	want, err := build.Files()
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != len(Names) {
		t.Fatalf("the generator writes %d templates, Names lists %d", len(want), len(Names))
	}
	for _, name := range Names {
		got, _, err := Read("", name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want[name]) {
			t.Errorf("%s is out of date: run `go run ./templates/gen`", name)
		}
		if _, err := wordtemplate.Parse(name, got); err != nil {
			t.Errorf("%s does not parse: %v", name, err)
		}
	}
}

func TestReadPrefersTheFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/mou.docx", []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, from, err := Read(dir, "mou.docx")
	if err != nil || string(b) != "mine" || from != dir+"/mou.docx" {
		t.Errorf("got %q from %s: %v", b, from, err)
	}
	b, from, err = Read(dir, "arrangements.docx")
	if err != nil || from != "arrangements.docx" || len(b) == 0 {
		t.Errorf("a file missing from the folder falls back to the default: %s %v", from, err)
	}
	if _, _, err := Read("", "nope.docx"); err == nil {
		t.Error("an unknown template must be an error")
	}
}

// A template path that is a device or a pipe is refused before it is read
// (reading /dev/zero would never end).
func TestReadRefusesNonRegularFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "mou.docx")); err != nil {
		t.Fatal(err)
	}
	_, _, err := Read(dir, "mou.docx")
	if err == nil || !strings.Contains(err.Error(), "mou.docx is not a regular file (a device)") {
		t.Errorf("err = %v", err)
	}
}
