package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesAndCreateRefuses(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "a.txt")
	if err := Write(p, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Fatalf("content %q", b)
	}
	if err := Create(p, []byte("three"), 0o644); err == nil {
		t.Fatal("Create overwrote an existing file")
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Fatalf("content changed to %q", b)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "sub", ".*tmp"))
	if len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

func TestWriteFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("old"), 0o644)
	// A folder where the file should go makes the rename fail.
	bad := filepath.Join(dir, "d")
	os.MkdirAll(filepath.Join(bad, "x"), 0o755)
	if err := Write(bad, []byte("new"), 0o644); err == nil {
		t.Fatal("expected an error renaming over a non-empty folder")
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Fatal("unrelated file changed")
	}
}
