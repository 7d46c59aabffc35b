package main

import (
	"os"
	"path/filepath"
	"regexp"
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

	// Endorsement pages alone, their document neither given nor beside
	// them: could not check, exit 3, not a mismatch.
	alone := filepath.Join(t.TempDir(), "endorsements.docx")
	b, _ := os.ReadFile(endorsements)
	os.WriteFile(alone, b, 0o644)
	if code, stdout, _ = mou(t, "verify", alone); code != 3 || !strings.Contains(stdout, "COULD NOT CHECK") || strings.Contains(stdout, "DOES NOT MATCH") {
		t.Errorf("missing document: exit %d\n%s", code, stdout)
	}
	// A document given explicitly is checked as given, never replaced by
	// the matching one beside the endorsements.
	other2024 := t.TempDir()
	if code, _, errw := mou(t, "build", "-q", "--out", other2024, "--only", "mou", "../../data/herefordshire-2024.toml"); code != 0 {
		t.Fatalf("build: %s", errw)
	}
	edited := filepath.Join(other2024, "herefordshire", "mou.docx")
	if code, stdout, _ = mou(t, "verify", endorsements, edited); code != 1 || !strings.Contains(stdout, "DOES NOT MATCH") || !strings.Contains(stdout, edited) || strings.Contains(stdout, "matches "+mouPath) {
		t.Errorf("explicit document: exit %d\n%s", code, stdout)
	}
}

func TestBuildCompareFlag(t *testing.T) {
	out := t.TempDir()
	code, stdout, errw := mou(t, "build", "--out", out, "--only", "mou", "--compare", "../../data/herefordshire-2019.toml", "../../data/herefordshire-2024.toml")
	if code != 0 || !strings.Contains(stdout, "compared with ../../data/herefordshire-2019.toml: mou ") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, errw)
	}
	changes := filepath.Join(out, "herefordshire", "mou-changes.docx")
	if code, stdout, _ := mou(t, "verify", changes); code != 0 || !strings.Contains(stdout, "mou-changes.docx: tracked changes from fingerprint ") {
		t.Errorf("verify of a changes document: exit %d\n%s", code, stdout)
	}
	if code, _, _ := mou(t, "verify", "--strict", changes); code != 1 {
		t.Errorf("verify --strict of a changes document: exit %d", code)
	}
	code, _, errw = mou(t, "build", "--compare", "../../data/herefordshire-2019.toml", "../../data/herefordshire-2024.toml", "../../data/westmorland-and-furness-2025.toml")
	if code != 2 || !strings.Contains(errw, "--compare compares one partnership") {
		t.Errorf("two partnerships: exit %d, %s", code, errw)
	}
}

// TestReadmeVerifyOutput: the README's `mou verify` example is what the
// command prints for a build of the example data today, so no stale
// fingerprint stays in it.
func TestReadmeVerifyOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const marker = "<!-- mou verify output: a test keeps this in step with the command -->\n```\n"
	_, rest, ok := strings.Cut(string(readme), marker)
	if !ok {
		t.Fatal("README.md has no `mou verify` output block")
	}
	shown, _, _ := strings.Cut(rest, "```\n")
	t.Chdir("../..")
	out := t.TempDir()
	if code, _, errs := mou(t, "build", "data/herefordshire-2024.toml", "--out", out, "-q"); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	code, got, _ := mou(t, "verify", filepath.Join(out, "herefordshire", "mou.docx"), filepath.Join(out, "herefordshire", "endorsements.docx"))
	got = strings.ReplaceAll(got, out, "out")
	if code != 0 || shown != got {
		t.Errorf("README.md shows other output than `mou verify` prints now; paste this:\n%s", got)
	}
	// Every fingerprint the README names elsewhere is one of these, or the
	// 2019 version's (the tracked changes example).
	old := t.TempDir()
	if code, _, errs := mou(t, "build", "data/herefordshire-2019.toml", "--out", old, "-q", "--only", "mou"); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	_, was, _ := mou(t, "verify", filepath.Join(old, "herefordshire", "mou.docx"))
	got += was
	for _, fp := range regexp.MustCompile(`\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b`).FindAllString(string(readme), -1) {
		if !strings.Contains(got, fp) && fp != "WWWW-WWWW" {
			t.Errorf("README.md names fingerprint %s, which no build of the example data has", fp)
		}
	}
}
