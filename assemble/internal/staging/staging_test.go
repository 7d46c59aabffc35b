package staging

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"mou/assemble/internal/dirhash"
)

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree, err := dirhash.Tree(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return tree
}

func same(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for _, d := range dirhash.Diff(got, want) {
		t.Errorf("%s: %s", what, d)
	}
}

// previous writes an earlier build and returns the output folder.
func previous(t *testing.T) string {
	out := filepath.Join(t.TempDir(), "out")
	for rel, data := range map[string]string{
		"herefordshire/mou.docx":           "old mou",
		"herefordshire/endorsements.docx":  "old endorsements",
		"cumbria/mou.docx":                 "old cumbria",
		"notes.txt":                        "the user's own file",
		"herefordshire/annual-report.pdf":  "old pdf",
		"herefordshire/sub/unrelated.docx": "unrelated",
	} {
		p := filepath.Join(out, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// next is a build that replaces some files, adds some and adds folders.
var next = []struct{ rel, data string }{
	{"herefordshire/mou.docx", "new mou"},
	{"herefordshire/endorsements.docx", "new endorsements"},
	{"herefordshire/arrangements.docx", "new arrangements"},
	{"herefordshire/annual-report.pdf", "new pdf"},
	{"westmorland-and-furness/mou.docx", "new wf"},
	{"westmorland-and-furness/deep/er/endorsement.docx", "new deep"},
}

func build(out string, fsys FS) ([]string, error) {
	st, err := Open(out, fsys)
	if err != nil {
		return nil, err
	}
	for _, f := range next {
		if err := st.Write(f.rel, []byte(f.data)); err != nil {
			st.Abort()
			return nil, err
		}
	}
	return st.Commit()
}

// failing counts the writing steps and fails the one numbered at with err;
// failing ones after it too when all is set (a disk that stays full).
func failing(at int, err error, all bool) (FS, *int) {
	n := 0
	f := OS()
	step := func() error {
		n++
		if n == at || (all && n > at) {
			return err
		}
		return nil
	}
	mk, wr, rn := f.MkdirAll, f.WriteFile, f.Rename
	f.MkdirAll = func(p string, m fs.FileMode) error {
		if e := step(); e != nil {
			return &fs.PathError{Op: "mkdir", Path: p, Err: e}
		}
		return mk(p, m)
	}
	f.WriteFile = func(p string, b []byte, m fs.FileMode) error {
		if e := step(); e != nil {
			return &fs.PathError{Op: "write", Path: p, Err: e}
		}
		return wr(p, b, m)
	}
	sy := f.Sync
	f.Sync = func(paths []string) error {
		if e := step(); e != nil {
			return &fs.PathError{Op: "sync", Path: paths[len(paths)-1], Err: e}
		}
		return sy(paths)
	}
	f.Rename = func(a, b string) error {
		// A full disk still renames: only the chosen step fails.
		n++
		if e := err; n == at {
			return &os.LinkError{Op: "rename", Old: a, New: b, Err: e}
		}
		return rn(a, b)
	}
	return f, &n
}

func TestCommitReplacesAndCleansUp(t *testing.T) {
	out := previous(t)
	paths, err := build(out, OS())
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(next) {
		t.Fatalf("wrote %v", paths)
	}
	read := func(rel string) string {
		b, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		return string(b)
	}
	for _, f := range next {
		if got := read(f.rel); got != f.data {
			t.Errorf("%s = %q, want %q", f.rel, got, f.data)
		}
	}
	if read("notes.txt") != "the user's own file" || read("herefordshire/sub/unrelated.docx") != "unrelated" {
		t.Error("a file the build does not write changed")
	}
	got := snapshot(t, out)
	for k := range got {
		if strings.Contains(k, Marker) {
			t.Errorf("staging left behind: %s", k)
		}
	}
}

// TestEveryStepFails makes each writing step of a build fail in turn, once
// (a passing fault) and from then on (a disk that stays full), and checks
// the output folder is byte for byte as before and nothing is left behind.
func TestEveryStepFails(t *testing.T) {
	out := previous(t)
	before := snapshot(t, out)
	fsys, count := failing(0, nil, false)
	if _, err := build(previous(t), fsys); err != nil {
		t.Fatal(err)
	}
	steps := *count
	if steps < 2*len(next) {
		t.Fatalf("only %d steps counted", steps)
	}
	t.Logf("a build of %d files takes %d file system steps; each fails in turn", len(next), steps)
	for _, all := range []bool{false, true} {
		for at := 1; at <= steps; at++ {
			fsys, _ := failing(at, syscall.ENOSPC, all)
			_, err := build(out, fsys)
			if err == nil {
				t.Fatalf("step %d: no error", at)
			}
			if !strings.Contains(err.Error(), "nothing in the output folder was changed") || !strings.Contains(err.Error(), "free some space") {
				t.Errorf("step %d: message %q", at, err)
			}
			same(t, fmt.Sprintf("step %d of %d (stays full: %v)", at, steps, all), snapshot(t, out), before)
		}
	}
	// The first build into a missing folder leaves no folder behind.
	fsys, count = failing(0, nil, false)
	if _, err := build(filepath.Join(t.TempDir(), "c"), fsys); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "a", "b")
	for at := 1; at <= *count; at++ {
		fsys, _ := failing(at, syscall.ENOSPC, false)
		if _, err := build(fresh, fsys); err == nil {
			t.Fatalf("step %d: no error", at)
		}
		if _, err := os.Lstat(fresh); err == nil {
			t.Errorf("step %d: the new output folder was left behind", at)
		}
	}
}

// TestUndoFails: when putting an earlier file back fails too, the message
// says where the earlier files are kept, and they are.
func TestUndoFails(t *testing.T) {
	out := previous(t)
	f := OS()
	moves := 0
	f.Rename = func(a, b string) error {
		moves++
		if moves >= 4 { // the second file's move, and every undo step after it
			return &os.LinkError{Op: "rename", Old: a, New: b, Err: syscall.EIO}
		}
		return os.Rename(a, b)
	}
	_, err := build(out, f)
	var se *Error
	if !errors.As(err, &se) || se.Undo == nil || !strings.Contains(err.Error(), "kept in") {
		t.Fatalf("error %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(se.Kept, "old", "herefordshire", "annual-report.pdf")); err != nil || string(b) != "old pdf" {
		t.Errorf("earlier file not kept: %q %v", b, err)
	}
}

// TestKilledBuildIsRecovered kills a build (SIGKILL, as kill -9) at each
// step of its commit, in a child process, then checks the next build puts
// the earlier files back and removes the leftovers.
func TestKilledBuildIsRecovered(t *testing.T) {
	if os.Getenv("STAGING_KILL_AT") != "" {
		at, _ := strconv.Atoi(os.Getenv("STAGING_KILL_AT"))
		fsys, _ := failing(0, nil, false)
		n := 0
		rn, wr := fsys.Rename, fsys.WriteFile
		kill := func() {
			if n++; n == at {
				killSelf()
			}
		}
		fsys.Rename = func(a, b string) error { kill(); return rn(a, b) }
		fsys.WriteFile = func(p string, b []byte, m fs.FileMode) error { kill(); return wr(p, b, m) }
		build(os.Getenv("STAGING_OUT"), fsys)
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("starts a process per step")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	steps := len(next) + 1 + 2*len(next) // writes, the journal, up to two renames a file
	kills := 0
	for at := 1; at <= steps; at++ {
		out := previous(t)
		before := snapshot(t, out)
		cmd := exec.Command(exe, "-test.run=^TestKilledBuildIsRecovered$")
		cmd.Env = append(os.Environ(), "STAGING_KILL_AT="+strconv.Itoa(at), "STAGING_OUT="+out)
		err := cmd.Run()
		var ee *exec.ExitError
		killed := errors.As(err, &ee) && !ee.Exited()
		if !killed {
			// Past the last step: the build finished.
			if err != nil {
				t.Fatalf("step %d: %v", at, err)
			}
			break
		}
		kills++
		if err := Recover(out, OS()); err != nil {
			t.Fatalf("step %d: %v", at, err)
		}
		same(t, fmt.Sprintf("killed at step %d", at), snapshot(t, out), before)
	}
	if kills < 2*len(next) {
		t.Errorf("the build was killed at only %d steps", kills)
	}
}

func TestLiveBuildIsLeftAlone(t *testing.T) {
	out := t.TempDir()
	mine := filepath.Join(out, Marker+strconv.Itoa(os.Getppid())+"-1")
	dead := filepath.Join(out, Marker+"999999999-1")
	os.MkdirAll(mine, 0o755)
	os.MkdirAll(dead, 0o755)
	if err := Recover(out, OS()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Error("a running build's staging folder was removed")
	}
	if _, err := os.Stat(dead); err == nil {
		t.Error("a dead build's staging folder was kept")
	}
}

func TestOutputIsAFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out")
	os.WriteFile(p, []byte("x"), 0o644)
	if _, err := Open(p, OS()); err == nil || !strings.Contains(err.Error(), "is a file, not a folder") {
		t.Fatalf("error %v", err)
	}
}

// killSelf ends this process at once, as kill -9 does.
func killSelf() {
	p, _ := os.FindProcess(os.Getpid())
	p.Kill()
	select {}
}

// TestCommitFlushesBeforeMoving: every staged file and the journal are
// flushed to the disk before the first file is moved into place.
func TestCommitFlushesBeforeMoving(t *testing.T) {
	out := previous(t)
	f := OS()
	flushed := map[string]bool{}
	sy, rn := f.Sync, f.Rename
	f.Sync = func(paths []string) error {
		for _, p := range paths {
			flushed[filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p)] = true
		}
		return sy(paths)
	}
	moved := false
	f.Rename = func(a, b string) error {
		if !moved {
			moved = true
			for _, n := range next {
				if k := filepath.Base(filepath.Dir(n.rel)) + "/" + filepath.Base(n.rel); !flushed[k] {
					t.Errorf("%s moved before it was flushed", n.rel)
				}
			}
			if len(flushed) != len(next)+1 {
				t.Errorf("flushed %d files before the first move, want %d and the journal", len(flushed), len(next))
			}
		}
		return rn(a, b)
	}
	if _, err := build(out, f); err != nil {
		t.Fatal(err)
	}
	if !moved {
		t.Fatal("nothing was moved")
	}
}
