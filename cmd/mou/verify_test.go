package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVerifyCommand(t *testing.T) {
	out := t.TempDir()
	if code, _, errw := mou(t, "build", "-q", "--out", out, "--only", "mou,endorsements", "../../data/herefordshire-2019.toml"); code != 0 {
		t.Fatalf("build: %s", errw)
	}
	mouPath := filepath.Join(out, "herefordshire", "mou.docx")
	endorsements := filepath.Join(out, "herefordshire", "endorsements.docx")
	code, stdout, _ := mou(t, "verify", mouPath, endorsements)
	if code != 0 || !strings.Contains(stdout, "mou.docx: as built, fingerprint ") || strings.Count(stdout, "— matches ") != 3 {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	// Another file beside it that is not a built document.
	other := filepath.Join(out, "herefordshire", "notes.docx")
	if err := os.WriteFile(other, []byte("not a document"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ = mou(t, "verify", endorsements, other); code != 1 || !strings.Contains(stdout, "notes.docx: NOT as built: not a readable Word document") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	if code, _, errw := mou(t, "verify"); code != 2 || !strings.Contains(errw, "verify needs a built document") {
		t.Errorf("no argument: exit %d, %s", code, errw)
	}
}

func TestBuildCompareFlag(t *testing.T) {
	out := t.TempDir()
	code, stdout, errw := mou(t, "build", "--out", out, "--only", "mou", "--compare", "../../data/herefordshire-2019.toml", "../../data/herefordshire-2024.toml")
	if code != 0 || !strings.Contains(stdout, "compared with ../../data/herefordshire-2019.toml: mou ") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, errw)
	}
	changes := filepath.Join(out, "herefordshire", "mou-changes.docx")
	if code, stdout, _ := mou(t, "verify", changes); code != 1 || !strings.Contains(stdout, "it holds tracked changes") {
		t.Errorf("verify of a changes document: exit %d\n%s", code, stdout)
	}
	code, _, errw = mou(t, "build", "--compare", "../../data/herefordshire-2019.toml", "../../data/herefordshire-2024.toml", "../../data/westmorland-and-furness-2025.toml")
	if code != 2 || !strings.Contains(errw, "--compare compares one partnership") {
		t.Errorf("two partnerships: exit %d, %s", code, errw)
	}
}
