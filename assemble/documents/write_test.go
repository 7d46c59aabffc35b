package documents

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"mou/assemble/internal/dirhash"
	"mou/assemble/internal/staging"
)

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tr, err := dirhash.Tree(dir)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func unchanged(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for _, d := range dirhash.Diff(got, want) {
		t.Errorf("%s: %s", what, d)
	}
}

// planned is a real build of both examples.
func planned(t *testing.T, out string) []File {
	t.Helper()
	files, err := Plan(examples, Options{Out: out, SplitEndorsements: true})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// fakeSoffice puts a LibreOffice stand-in running script first on PATH.
func fakeSoffice(t *testing.T, script string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in is a shell script")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "soffice"), []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// TestFailedPDFKeepsEarlierBuild: LibreOffice failing or hanging fails the
// build, names the documents, and leaves the earlier build as it was.
func TestFailedPDFKeepsEarlierBuild(t *testing.T) {
	out := t.TempDir()
	if _, err := Write(planned(t, out), WriteOptions{Out: out}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	files := planned(t, out)
	files[0].Data = append([]byte(nil), files[0].Data...)
	files[0].Data[len(files[0].Data)-1] ^= 1 // a changed document

	fakeSoffice(t, "echo 'Error: source file could not be loaded' >&2; exit 3")
	_, err := Write(files, WriteOptions{Out: out, PDF: true})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(out, "herefordshire", "mou.docx")) || !strings.Contains(err.Error(), "could not be loaded") ||
		strings.Contains(err.Error(), staging.Marker) || !strings.Contains(err.Error(), "Nothing in") {
		t.Errorf("failing LibreOffice: %v", err)
	}
	unchanged(t, "failing LibreOffice", tree(t, out), before)

	fakeSoffice(t, "sleep 30")
	start := time.Now()
	_, err = Write(files, WriteOptions{Out: out, PDF: true, PDFTimeout: 500 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "--pdf-timeout") || !strings.Contains(err.Error(), "mou.docx") {
		t.Errorf("hanging LibreOffice: %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("a hanging LibreOffice held the build for %s", d)
	}
	unchanged(t, "hanging LibreOffice", tree(t, out), before)

	// A LibreOffice that succeeds but leaves a document out names it.
	fakeSoffice(t, `while [ $# -gt 0 ]; do case "$1" in --outdir) shift; d="$1";; *.docx) case "$1" in *mou.docx) ;; *) b=$(basename "$1" .docx); echo pdf > "$d/$b.pdf";; esac;; esac; shift; done`)
	_, err = Write(files, WriteOptions{Out: out, PDF: true})
	if err == nil || !strings.Contains(err.Error(), "did not convert "+filepath.Join(out, "herefordshire", "mou.docx")) {
		t.Errorf("a document not converted: %v", err)
	}
	unchanged(t, "a document not converted", tree(t, out), before)
}

// TestFullDiskKeepsEarlierBuild fails the build's writing at each step
// with a full disk and checks the earlier build is untouched and the
// message says what to do.
func TestFullDiskKeepsEarlierBuild(t *testing.T) {
	out := t.TempDir()
	files := planned(t, out)
	if _, err := Write(files, WriteOptions{Out: out}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	for at := 1; ; at++ {
		n := 0
		fsys := staging.OS()
		write := fsys.WriteFile
		fsys.WriteFile = func(p string, b []byte, m fs.FileMode) error {
			if n++; n >= at {
				return &fs.PathError{Op: "write", Path: p, Err: syscall.ENOSPC}
			}
			return write(p, b, m)
		}
		_, err := Write(files, WriteOptions{Out: out, FS: &fsys})
		if err == nil {
			if at <= len(files) {
				t.Fatalf("step %d: no error", at)
			}
			break
		}
		if !strings.Contains(err.Error(), "disk is full") || !strings.Contains(err.Error(), "nothing in the output folder was changed") {
			t.Errorf("step %d: %v", at, err)
		}
		unchanged(t, "full disk", tree(t, out), before)
	}
}

func TestNamesCheckedBeforeWriting(t *testing.T) {
	out := t.TempDir()
	files := []File{{Path: filepath.Join(out, "a", "mou.docx"), Data: []byte("x")},
		{Path: filepath.Join(out, "b", strings.Repeat("x", 300)+".docx"), Data: []byte("y")}}
	_, err := Write(files, WriteOptions{Out: out})
	if err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Fatalf("error %v", err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("wrote %v", entries)
	}
}

func TestFileURL(t *testing.T) {
	want := "file:///tmp/mou%20soffice"
	if runtime.GOOS == "windows" {
		want = "file:///C:/tmp/mou%20soffice"
		if got := fileURL(`C:\tmp\mou soffice`); got != want {
			t.Errorf("fileURL = %s, want %s", got, want)
		}
		return
	}
	if got := fileURL("/tmp/mou soffice"); got != want {
		t.Errorf("fileURL = %s, want %s", got, want)
	}
}

// TestBuildWritesWhatPlanAndWriteWrite: writing while rendering changes
// nothing in what is written.
func TestBuildWritesWhatPlanAndWriteWrite(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if _, err := Write(planned(t, a), WriteOptions{Out: a}); err != nil {
		t.Fatal(err)
	}
	paths, err := Build(examples, Options{Out: b, SplitEndorsements: true}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 8 {
		t.Errorf("Build wrote only %v", paths)
	}
	unchanged(t, "Build against Plan and Write", tree(t, b), tree(t, a))
}

// TestBuildFailsAsAWhole: one partnership's bad data, or a disk that fills
// up at any step while the others are being written, leaves an earlier
// build exactly as it was and no staging folder behind.
func TestBuildFailsAsAWhole(t *testing.T) {
	out := t.TempDir()
	if _, err := Build(examples, Options{Out: out}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	bad := filepath.Join(t.TempDir(), "bad.toml")
	src, err := os.ReadFile(examples[0])
	if err != nil {
		t.Fatal(err)
	}
	// Another area, so it would write a folder of its own, and no date.
	text := strings.Replace(string(src), `area = "Herefordshire"`, `area = "Elsewhere"`, 1)
	text = strings.Replace(text, "\ndate = ", "\nundated = ", 1)
	if err := os.WriteFile(bad, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Build(append([]string{bad}, examples...), Options{Out: out}, WriteOptions{})
	var fail *Failure
	if !errors.As(err, &fail) || len(fail.Data) != 1 || fail.Data[0].Path != bad {
		t.Fatalf("err = %v, want a failure of %s alone", err, bad)
	}
	unchanged(t, "bad data", tree(t, out), before)
	// Into a folder that does not exist yet, it is not even made.
	fresh := filepath.Join(t.TempDir(), "new", "out")
	if _, err := Build(append([]string{bad}, examples...), Options{Out: fresh}, WriteOptions{}); err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Lstat(filepath.Dir(fresh)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed build left %s behind (%v)", filepath.Dir(fresh), err)
	}

	for at := 1; ; at++ {
		var n atomic.Int64
		fsys := staging.OS()
		write := fsys.WriteFile
		fsys.WriteFile = func(p string, b []byte, m fs.FileMode) error {
			if n.Add(1) == int64(at) {
				return &fs.PathError{Op: "write", Path: p, Err: syscall.ENOSPC}
			}
			return write(p, b, m)
		}
		_, err := Build(examples, Options{Out: out}, WriteOptions{FS: &fsys})
		if err == nil {
			if at <= 8 {
				t.Fatalf("step %d: no error", at)
			}
			break
		}
		if !strings.Contains(err.Error(), "disk is full") || !strings.Contains(err.Error(), "nothing in the output folder was changed") {
			t.Errorf("step %d: %v", at, err)
		}
		unchanged(t, fmt.Sprintf("full disk at step %d", at), tree(t, out), before)
	}
}
