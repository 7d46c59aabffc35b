package fingerprint_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"mou/assemble/documents"
	"mou/assemble/fingerprint"
	"mou/assemble/internal/readertest"
)

const hereford2024 = "../../data/herefordshire-2024.toml"

// compareBuild builds Herefordshire 2024 with its tracked changes against
// 2019 and returns the output folder of the partnership.
func compareBuild(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	if _, err := documents.Build([]string{hereford2024}, documents.Options{Out: out, Today: today, Compare: hereford}, documents.WriteOptions{Out: out}); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(out, "herefordshire")
}

// TestRedlinesVerify: a changes document records the two versions'
// fingerprints, and mou verify names it as the changes between them —
// accepting every change gives the new one, rejecting every change the
// old — so a whole build folder, changes documents and all, verifies.
func TestRedlinesVerify(t *testing.T) {
	dir := compareBuild(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	results := fingerprint.Verify(files)
	redlines := 0
	for _, r := range results {
		if !r.OK() {
			t.Errorf("%s: not OK: %+v", r.Path, r)
		}
		if strings.HasSuffix(r.Path, "-changes.docx") {
			redlines++
			if r.Redline == nil || !r.Redline.OK() || r.Redline.From == r.Redline.To {
				t.Errorf("%s: %+v", r.Path, r.Redline)
			}
		}
	}
	if redlines != 4 {
		t.Errorf("%d changes documents", redlines)
	}
	// A changes document edited afterwards no longer gives its versions.
	edited := filepath.Join(t.TempDir(), "mou-changes.docx")
	copyFile(t, filepath.Join(dir, "mou-changes.docx"), edited)
	rewritePart(t, edited, "word/document.xml", func(s string) string { return strings.Replace(s, "partners", "partnars", 1) })
	if r := fingerprint.Verify([]string{edited})[0]; r.OK() {
		t.Error("an edited changes document verifies")
	}
}

// TestAcceptedRedlinesAreTheNewVersion: every changes document, its
// changes all accepted in LibreOffice and saved, verifies as the new
// version and has its page count; all rejected, as the earlier version,
// with the earlier version's page count.
func TestAcceptedRedlinesAreTheNewVersion(t *testing.T) {
	soffice := readertest.Require(t, "soffice")
	readertest.Require(t, "pdfinfo")
	python := readertest.Require(t, "/usr/bin/python3")
	if err := exec.Command(python, "-c", "import uno").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3-uno is needed (Debian package python3-uno)")
		}
		t.Skip("python3-uno is not installed (Debian package python3-uno)")
	}
	dir := compareBuild(t)
	old := build(t, hereford, t.TempDir())
	changes, _ := filepath.Glob(filepath.Join(dir, "*-changes.docx"))
	accepted, rejected := t.TempDir(), t.TempDir()
	for _, a := range []struct{ action, out string }{{"accept", accepted}, {"reject", rejected}} {
		args := append([]string{"testdata/libreoffice.py", a.action, a.out}, changes...)
		if out, err := exec.Command(python, args...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", a.action, err, out)
		}
	}
	// Page counts, from PDFs of the new and old builds and of each result.
	pdfDir := t.TempDir()
	var all []string
	for _, c := range changes {
		name := strings.TrimSuffix(filepath.Base(c), "-changes.docx")
		base := strings.TrimSuffix(name, "-2024-25")
		all = append(all,
			link(t, filepath.Join(accepted, filepath.Base(c)), pdfDir, "accepted-"+base+".docx"),
			link(t, filepath.Join(rejected, filepath.Base(c)), pdfDir, "rejected-"+base+".docx"),
			link(t, filepath.Join(dir, name+".docx"), pdfDir, "new-"+base+".docx"))
		if o := oldFile(old, base); o != "" {
			all = append(all, link(t, o, pdfDir, "old-"+base+".docx"))
		}
	}
	cmd := exec.Command(soffice, append([]string{"--headless", "--convert-to", "pdf", "--outdir", pdfDir}, all...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, c := range changes {
		name := strings.TrimSuffix(filepath.Base(c), "-changes.docx")
		base := strings.TrimSuffix(name, "-2024-25")
		acc := fingerprint.Verify([]string{filepath.Join(accepted, filepath.Base(c))})[0]
		rej := fingerprint.Verify([]string{filepath.Join(rejected, filepath.Base(c))})[0]
		newR := fingerprint.Verify([]string{filepath.Join(dir, name+".docx")})[0]
		if !acc.AsBuilt || acc.Became != "accepted" || acc.Claimed != newR.Claimed {
			t.Errorf("%s, accepted: %+v (new version %s)", base, acc, newR.Claimed)
		}
		if !rej.AsBuilt || rej.Became != "rejected" {
			t.Errorf("%s, rejected: %+v", base, rej)
		}
		if p, q := pages(t, pdfDir, "accepted-"+base), pages(t, pdfDir, "new-"+base); p != q {
			t.Errorf("%s: accepting every change gives %s pages, the new build has %s", base, p, q)
		}
		if oldFile(old, base) != "" {
			if p, q := pages(t, pdfDir, "rejected-"+base), pages(t, pdfDir, "old-"+base); p != q {
				t.Errorf("%s: rejecting every change gives %s pages, the earlier build has %s", base, p, q)
			}
		}
	}
}

// oldFile is the 2019 build's document of the same kind (the yearly
// report's name holds its period, which differs).
func oldFile(old map[string]string, base string) string {
	for name, path := range old {
		if strings.TrimSuffix(name, ".docx") == base || base == "annual-report" && strings.HasPrefix(name, "annual-report-") {
			return path
		}
	}
	return ""
}

func link(t *testing.T, from, dir, name string) string {
	t.Helper()
	to := filepath.Join(dir, name)
	copyFile(t, from, to)
	return to
}

func pages(t *testing.T, dir, base string) string {
	t.Helper()
	out, err := exec.Command("pdfinfo", filepath.Join(dir, base+".pdf")).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", base, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Pages:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "Pages:"))
		}
	}
	return ""
}
