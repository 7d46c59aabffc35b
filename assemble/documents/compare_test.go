package documents

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mou/assemble/fingerprint"
	"mou/assemble/internal/docxcheck"
	"mou/assemble/internal/readertest"
)

// laterHerefordshire writes a later version of the Herefordshire data: one
// delegate changed.
func laterHerefordshire(t *testing.T) string {
	b, err := os.ReadFile("../../data/herefordshire-2019.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `name = "Susan Thomas"`, `name = "Jo Bloggs"`, 1)
	path := filepath.Join(t.TempDir(), "herefordshire-later.toml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCompareWritesChangesBesideEachDocument: --compare adds a changes file
// beside each document, with tracked changes where the versions differ.
func TestCompareWritesChangesBesideEachDocument(t *testing.T) {
	files, err := Plan([]string{laterHerefordshire(t)}, Options{Out: "out", Compare: "../../data/herefordshire-2019.toml"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, f := range files {
		got[f.Path] = f.Data
	}
	for _, name := range []string{"mou", "arrangements", "annual-report-2019-20", "endorsements"} {
		doc := filepath.Join("out", "herefordshire", name+"-changes.docx")
		b, ok := got[doc]
		if !ok {
			t.Errorf("no %s", doc)
			continue
		}
		for _, p := range docxcheck.Check(b) {
			t.Errorf("%s: %s", doc, p)
		}
		// It prints the new document's fingerprint but is not that
		// document, so it claims none (else --pdf would stamp it again).
		if fp, _ := fingerprint.Claimed(b); fp != "" {
			t.Errorf("%s claims fingerprint %s", doc, fp)
		}
		x, _ := docxcheck.Part(b, "word/document.xml")
		if name == "mou" && (!strings.Contains(x, `<w:delText xml:space="preserve">Susan Thomas</w:delText>`) || !strings.Contains(x, `w:author="mou" w:date="2019-09-10T00:00:00Z"`)) {
			t.Errorf("%s does not show Susan Thomas deleted by mou on the document's date", doc)
		}
	}
}

func TestCompareRefusals(t *testing.T) {
	_, err := Plan([]string{"../../data/herefordshire-2019.toml", "../../data/westmorland-and-furness-2025.toml"}, Options{Compare: "../../data/herefordshire-2019.toml"})
	var f *Failure
	if !errors.As(err, &f) || len(f.Other) != 1 || !strings.Contains(f.Other[0], "one at a time") {
		t.Errorf("two partnerships with --compare: %v", err)
	}
	// Cumbria 2019 as published does not add up: its findings are reported
	// against its own file.
	_, err = Plan([]string{"../../data/westmorland-and-furness-2025.toml"}, Options{Compare: "../../data/cumbria-2019.toml"})
	if !errors.As(err, &f) || len(f.Data) != 1 || f.Data[0].Path != "../../data/cumbria-2019.toml" {
		t.Fatalf("an invalid earlier version: %v", err)
	}
	var b strings.Builder
	f.WriteText(&b)
	if !strings.Contains(b.String(), "cumbria-2019.toml:") || !strings.Contains(b.String(), "declared total") {
		t.Errorf("the earlier version's problem is not located:\n%s", b.String())
	}
}

// TestCompareWarnsWhenHistoryStands: documents that changed with no newer
// version in [[history]] are warned about (an error with --strict), with an
// entry to paste; a new version recorded silences it.
func TestCompareWarnsWhenHistoryStands(t *testing.T) {
	var progress strings.Builder
	later := laterHerefordshire(t)
	if _, err := Plan([]string{later}, Options{Compare: "../../data/herefordshire-2019.toml", Warnings: &progress}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), "warning: history: the data changed since the version in ../../data/herefordshire-2019.toml") ||
		!strings.Contains(progress.String(), `version = "2.0"`) {
		t.Errorf("no warning with a history entry to paste:\n%s", progress.String())
	}
	// The MOU seed leaves sections of the arrangements empty, which
	// validation warns about: give them wording so that only the history
	// warning is left for --strict to turn into an error.
	b, _ := os.ReadFile(later)
	complete := string(b) + "\n[text]\n"
	for _, id := range []string{"education", "geography", "threshold", "relevant-agencies", "voice", "youth-custody"} {
		complete += id + " = \"Local wording.\"\n"
	}
	if err := os.WriteFile(later, []byte(complete), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Plan([]string{later}, Options{Compare: "../../data/herefordshire-2019.toml", Strict: true})
	var f *Failure
	found := false
	if errors.As(err, &f) {
		for _, d := range f.Data {
			for _, finding := range d.Findings {
				found = found || d.Path == later && finding.Rule == "history.not-updated"
			}
		}
	}
	if !found {
		t.Errorf("--strict does not fail for the history: %v", err)
	}
	progress.Reset()
	if _, err := Plan([]string{"../../data/herefordshire-2024.toml"}, Options{Compare: "../../data/herefordshire-2019.toml", Warnings: &progress}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(progress.String(), "history.not-updated") || strings.Contains(progress.String(), "warning: history") {
		t.Errorf("warned though 2024 records version 2.0:\n%s", progress.String())
	}
}

// TestCompareWithPDFs: with --pdf, each changes document is converted too,
// and the new documents' fingerprints settle (a changes document once
// claimed the new one's fingerprint and was stamped round and round).
func TestCompareWithPDFs(t *testing.T) {
	readertest.Require(t, "soffice")
	out := t.TempDir()
	files, err := Plan([]string{"../../data/herefordshire-2024.toml"}, Options{Out: out, Only: []string{MOU}, Compare: "../../data/herefordshire-2019.toml"})
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		written []string
		err     error
	}
	done := make(chan result, 1)
	go func() {
		w, err := Write(files, WriteOptions{Out: out, PDF: true, PDFTimeout: 3 * time.Minute})
		done <- result{w, err}
	}()
	var written []string
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		written = r.written
	case <-time.After(4 * time.Minute):
		t.Fatal("the build with --compare --pdf did not finish in 4 minutes: are the fingerprints being stamped round and round?")
	}
	want := map[string]bool{"mou.docx": true, "mou.pdf": true, "mou-changes.docx": true, "mou-changes.pdf": true}
	for _, w := range written {
		delete(want, filepath.Base(w))
	}
	if len(want) > 0 {
		t.Errorf("not written: %v (wrote %v)", want, written)
	}
	for _, r := range fingerprint.Verify([]string{filepath.Join(out, "herefordshire", "mou.docx"), filepath.Join(out, "herefordshire", "mou.pdf")}) {
		if !r.OK() {
			t.Errorf("%s: %s", r.Path, r.Problem)
		}
	}
}
