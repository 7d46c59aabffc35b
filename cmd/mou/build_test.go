package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuild(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := mou(t, "build", "../../data/herefordshire-2019.toml", "../../data/westmorland-and-furness-2025.toml", "--out", out, "--only", "mou,endorsements")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"herefordshire-2019.toml: 0 errors, 6 warnings; 2 document(s) ready",
		"westmorland-and-furness-2025.toml: 0 errors, 6 warnings; 2 document(s) ready",
		"wrote " + filepath.Join(out, "herefordshire", "mou.docx"),
		"wrote " + filepath.Join(out, "westmorland-and-furness", "endorsements.docx"),
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("missing %q in\n%s", want, stdout)
		}
	}
	// Their warnings are listed, each naming its partnership, on stderr.
	for _, want := range []string{"Safeguarding Children and Young People in Herefordshire: ../../data/herefordshire-2019.toml:", "Westmorland and Furness Safeguarding Children Partnership: ../../data/westmorland-and-furness-2025.toml:"} {
		if n := strings.Count(stderr, want); n != 6 {
			t.Errorf("%d warnings begin %q, want 6, in\n%s", n, want, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "herefordshire", "arrangements.docx")); err == nil {
		t.Error("--only mou,endorsements built the arrangements")
	}

	// Strict: Westmorland and Furness's warnings stop everything.
	strictOut := t.TempDir()
	code, _, stderr = mou(t, "build", "--strict", "--out", strictOut, "../../data/herefordshire-2019.toml", "../../data/westmorland-and-furness-2025.toml")
	if entries, _ := os.ReadDir(strictOut); code != 1 || len(entries) != 0 || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("strict: exit %d, %d entries written\n%s", code, len(entries), stderr)
	}
	// Cumbria's published total is wrong: exit 1, the message, nothing written.
	code, _, stderr = mou(t, "build", "--out", strictOut, "../../data/cumbria-2019.toml", "../../data/herefordshire-2019.toml")
	if entries, _ := os.ReadDir(strictOut); code != 1 || len(entries) != 0 || !strings.Contains(stderr, "cumbria-2019.toml:199:1: error") {
		t.Errorf("cumbria: exit %d, %d entries written\n%s", code, len(entries), stderr)
	}
}

func TestBuildUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{[]string{"build"}, "build needs a data file or folder"},
		{[]string{"build", "--only", "mou,letters", "x.toml"}, `unknown document "letters": choose from mou, arrangements, report, endorsements`},
	} {
		if code, _, stderr := mou(t, tt.args...); code != 2 || !strings.Contains(stderr, tt.err) {
			t.Errorf("%v: exit %d\n%s", tt.args, code, stderr)
		}
	}
}

// TestBuildPDFWithoutLibreOffice: --pdf on a machine without soffice says
// how to install it, before anything is written.
func TestBuildPDFWithoutLibreOffice(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	out := t.TempDir()
	code, _, stderr := mou(t, "build", "--pdf", "--out", out, "../../data/herefordshire-2019.toml")
	if entries, _ := os.ReadDir(out); code != 1 || len(entries) != 0 || !strings.Contains(stderr, "apt-get install libreoffice-writer-nogui") {
		t.Errorf("exit %d, %d entries\n%s", code, len(entries), stderr)
	}
}

func TestLintDefaultTemplatesWithPartnership(t *testing.T) {
	code, stdout, _ := mou(t, "templates", "lint", "-q", "../../templates", "--data", "../../data/westmorland-and-furness-2025.toml")
	if code != 0 || !strings.Contains(stdout, "is a valid partnership") || strings.Contains(stdout, "problem:") {
		t.Errorf("exit %d\n%s", code, stdout)
	}
}

// TestBuildQuiet: -q prints only problems, so a good build prints nothing
// and still writes its files.
func TestBuildQuiet(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := mou(t, "build", "-q", "--out", out, "--only", "mou", "../../data/herefordshire-2019.toml")
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "herefordshire", "mou.docx")); err != nil {
		t.Error(err)
	}
}

// TestBuildFinal: --final writes a partnership whose yearly report has all
// its year's data, and refuses one whose report still holds placeholders,
// naming each section, writing nothing.
func TestBuildFinal(t *testing.T) {
	out := t.TempDir()
	if code, _, errw := mou(t, "build", "-q", "--final", "--out", out, "../../data/invented-meresides-2025.toml"); code != 0 {
		t.Fatalf("meresides: exit %d\n%s", code, errw)
	}
	empty := t.TempDir()
	code, _, errw := mou(t, "build", "-q", "--final", "--out", empty, "../../data/herefordshire-2019.toml")
	if code != 1 || !strings.Contains(errw, `the section "Funding" is not written yet`) || !strings.Contains(errw, "nothing was written") {
		t.Errorf("herefordshire: exit %d\n%s", code, errw)
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("a refused final build wrote %d entries", len(entries))
	}
}

// --register names a team's register of reorganisations: its entry makes
// the invented Durnhollow Council, abolished before the documents' date, a
// warning in mou validate and mou build alike.
func TestRegisterFlag(t *testing.T) {
	reg := filepath.Join(t.TempDir(), "ours.toml")
	entry := "[[reorganisation]]\nname = \"Durnhollow merged\"\nvesting = 2025-01-01\nstatus = \"in force\"\nsource = \"invented for this test\"\nceased = [\"Durnhollow Council\"]\nsuccessors = [\"Greater Durnhollow Council\"]\n"
	if err := os.WriteFile(reg, []byte(entry), 0o644); err != nil {
		t.Fatal(err)
	}
	const want = "Durnhollow Council ceased on 1 January 2025"
	_, stdout, stderr := mou(t, "validate", "../../data/invented-kestermoor-2025.toml")
	if strings.Contains(stdout+stderr, want) {
		t.Fatalf("without --register: %s", stdout+stderr)
	}
	_, stdout, stderr = mou(t, "validate", "--register", reg, "../../data/invented-kestermoor-2025.toml")
	if !strings.Contains(stdout+stderr, want) {
		t.Errorf("validate --register: no %q in\n%s%s", want, stdout, stderr)
	}
	_, stdout, stderr = mou(t, "build", "--register", reg, "--only", "mou", "--out", t.TempDir(), "../../data/invented-kestermoor-2025.toml")
	if !strings.Contains(stderr, want) {
		t.Errorf("build --register: no %q in\n%s%s", want, stdout, stderr)
	}
}
