// Package staging makes a build all or nothing. Every output is first
// written (and converted) in a hidden staging folder inside the output
// folder, so on the same file system; only when all of it is ready are the
// files moved into place, each replaced file first moved aside into the
// staging folder. If a move fails, everything already moved is put back, so
// the output folder is left exactly as it was.
//
// A staging folder's name carries a marker and the owning process id
// (".mou-staging-<pid>-<random>"). A build killed outright (kill -9, a power
// cut) cannot clean up after itself; the next build recognises such a
// folder by its marker and a dead owner, puts back any file the killed
// build had moved aside, and removes the folder.
package staging

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Marker starts the name of every staging folder.
const Marker = ".mou-staging-"

// staleAfter is the age after which a staging folder is removed even when a
// process with its owner's id exists (the id was reused).
const staleAfter = 24 * time.Hour

// journal lists the files a commit is moving ("file\t" and a relative
// path) and the folders it will create ("dir\t…"), written before the
// first move: its presence in a leftover staging folder means a commit was
// interrupted and must be undone.
const journal = "commit.list"

// FS is the file system operations staging uses. Tests replace single
// operations to make a build fail at any step.
type FS struct {
	MkdirAll  func(path string, perm fs.FileMode) error
	WriteFile func(name string, data []byte, perm fs.FileMode) error
	Rename    func(from, to string) error
	Remove    func(name string) error
	RemoveAll func(path string) error
	Lstat     func(name string) (fs.FileInfo, error)
	// Sync flushes the named files' data to the disk; nil for none.
	// Commit calls it for every staged file, and for the journal, before
	// the first move.
	Sync func(paths []string) error
}

// OS is the real file system. Sync flushes every staged file to the disk
// before anything is moved, so a full disk is noticed while staging, not
// after the move, and a crash after the move leaves whole files. The files
// are flushed together, several at once, rather than each as it is
// written: one at a time, a national build's 600 flushes took most of its
// time waiting for the disk, while flushes issued together share the file
// system's journal commits. What is durable when Commit starts moving is
// the same.
func OS() FS {
	return FS{
		MkdirAll:  os.MkdirAll,
		WriteFile: os.WriteFile,
		Rename:    os.Rename,
		Remove:    os.Remove,
		RemoveAll: os.RemoveAll,
		Lstat:     os.Lstat,
		Sync:      syncAll,
	}
}

// syncers is how many files syncAll flushes at once: the flushes wait on
// the disk, not the processor, so more than the cores.
const syncers = 16

// syncAll flushes the files' data to the disk, several at once, and
// returns the first failure in paths' order.
func syncAll(paths []string) error {
	errs := make([]error, len(paths))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(syncers, len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				errs[i] = syncFile(paths[i])
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// syncFile opens a file for writing (Windows flushes only such a handle)
// and flushes it.
func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// flush is Commit's call of FS.Sync; a failure names the file by where it
// was going, or the journal.
func (s *Stage) flush(paths []string) *Error {
	if s.fs.Sync == nil || len(paths) == 0 {
		return nil
	}
	err := s.fs.Sync(paths)
	if err == nil {
		return nil
	}
	path := paths[0]
	var pe *fs.PathError
	if errors.As(err, &pe) {
		path = pe.Path
	}
	if rel, rerr := filepath.Rel(s.Dir(), path); rerr == nil && !strings.HasPrefix(rel, "..") {
		path = filepath.Join(s.out, rel)
	}
	return &Error{Op: "write", Path: path, Err: err}
}

// Stage is one build's staging folder.
type Stage struct {
	out        string // the output folder
	dir        string // the staging folder inside it
	fs         FS
	createdOut []string // folders up to and including out that this build created
	files      []string // relative paths staged, in order
	seen       map[string]bool
	made       map[string]bool // folders inside Dir() already created
}

// Open prepares out (creating it if needed), removes leftovers of killed
// builds in it and creates a new staging folder there.
func Open(out string, fsys FS) (*Stage, error) {
	s := &Stage{out: filepath.Clean(out), fs: fsys, seen: map[string]bool{}, made: map[string]bool{}}
	missing, err := s.missingDirs(s.out)
	if err != nil {
		return nil, err
	}
	if err := fsys.MkdirAll(s.out, 0o755); err != nil {
		return nil, &Error{Op: "create the output folder", Path: s.out, Err: err}
	}
	s.createdOut = missing
	if err := Recover(s.out, fsys); err != nil {
		s.removeCreated()
		return nil, err
	}
	s.dir = filepath.Join(s.out, fmt.Sprintf("%s%d-%d", Marker, os.Getpid(), time.Now().UnixNano()))
	if err := fsys.MkdirAll(filepath.Join(s.dir, "new"), 0o755); err != nil {
		fsys.RemoveAll(s.dir)
		s.removeCreated()
		return nil, &Error{Op: "create a staging folder in", Path: s.out, Err: err}
	}
	return s, nil
}

// missingDirs lists path and those of its parents that do not exist yet,
// deepest first, so a failed build can remove what it created.
func (s *Stage) missingDirs(path string) ([]string, error) {
	var out []string
	for p := path; ; p = filepath.Dir(p) {
		st, err := s.fs.Lstat(p)
		if err == nil {
			if !st.IsDir() && st.Mode()&fs.ModeSymlink == 0 {
				return nil, &Error{Op: "use as the output folder", Path: p, Err: errors.New("it is a file, not a folder")}
			}
			return out, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return out, nil // let MkdirAll say what is wrong
		}
		out = append(out, p)
		if filepath.Dir(p) == p {
			return out, nil
		}
	}
}

func (s *Stage) removeCreated() {
	for _, d := range s.createdOut {
		s.fs.Remove(d) // only empty folders go: nothing of the user's is lost
	}
}

// Dir is the staging copy of the output folder: a file staged as rel is at
// filepath.Join(Dir(), rel).
func (s *Stage) Dir() string { return filepath.Join(s.dir, "new") }

// Write stages one file; rel is its path relative to the output folder.
// A Stage is not safe for use by several goroutines at once.
func (s *Stage) Write(rel string, data []byte) error {
	rel, err := s.relative(rel)
	if err != nil {
		return err
	}
	p := filepath.Join(s.Dir(), rel)
	// Each folder once, however many files go into it.
	if dir := filepath.Dir(p); !s.made[dir] {
		if err := s.fs.MkdirAll(dir, 0o755); err != nil {
			return &Error{Op: "stage", Path: filepath.Join(s.out, rel), Err: err}
		}
		s.made[dir] = true
	}
	if err := s.fs.WriteFile(p, data, 0o644); err != nil {
		return &Error{Op: "write", Path: filepath.Join(s.out, rel), Err: err}
	}
	s.add(rel)
	return nil
}

// Adopt stages a file that something else (a converter) has already
// created inside Dir(); path is its full path there.
func (s *Stage) Adopt(path string) error {
	rel, err := filepath.Rel(s.Dir(), path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("staging: %s is outside the staging folder %s", path, s.Dir())
	}
	if _, err := s.fs.Lstat(path); err != nil {
		return &Error{Op: "find the converted file", Path: filepath.Join(s.out, rel), Err: err}
	}
	s.add(rel)
	return nil
}

func (s *Stage) add(rel string) {
	if !s.seen[rel] {
		s.seen[rel] = true
		s.files = append(s.files, rel)
	}
}

// relative checks that rel names a file inside the output folder.
func (s *Stage) relative(rel string) (string, error) {
	if filepath.IsAbs(rel) {
		r, err := filepath.Rel(s.out, rel)
		if err != nil {
			return "", fmt.Errorf("staging: %s is not inside the output folder %s", rel, s.out)
		}
		rel = r
	}
	rel = filepath.Clean(rel)
	if rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", fmt.Errorf("staging: %s is not inside the output folder %s", rel, s.out)
	}
	if strings.HasPrefix(rel, Marker) {
		return "", fmt.Errorf("staging: %s uses a name reserved for staging", rel)
	}
	return rel, nil
}

// Abort removes the staging folder; the output folder is as it was.
func (s *Stage) Abort() {
	s.fs.RemoveAll(s.dir)
	s.removeCreated()
}

// move is one file's progress through a commit.
type move struct {
	rel      string
	backedUp bool     // the earlier file was moved aside into old/
	moved    bool     // the new file is in place
	dirs     []string // folders created for it in out, deepest first
}

// Commit moves every staged file into the output folder and returns their
// final paths, sorted. On failure it puts back what it had moved, removes
// the staging folder and returns an *Error saying what failed; the output
// folder is then as it was before the build.
func (s *Stage) Commit() ([]string, error) {
	sort.Strings(s.files)
	staged := make([]string, len(s.files))
	for i, rel := range s.files {
		staged[i] = filepath.Join(s.Dir(), rel)
	}
	if err := s.flush(staged); err != nil {
		s.Abort()
		return nil, err
	}
	var j strings.Builder
	dirs := map[string]bool{}
	for _, rel := range s.files {
		fmt.Fprintf(&j, "file\t%s\n", rel)
		missing, _ := s.missingDirs(filepath.Dir(filepath.Join(s.out, rel)))
		for _, d := range missing {
			if r, err := filepath.Rel(s.out, d); err == nil && !dirs[r] {
				dirs[r] = true
				fmt.Fprintf(&j, "dir\t%s\n", r)
			}
		}
	}
	if err := s.fs.WriteFile(filepath.Join(s.dir, journal), []byte(j.String()), 0o644); err != nil {
		s.Abort()
		return nil, &Error{Op: "write", Path: filepath.Join(s.dir, journal), Err: err}
	}
	if err := s.flush([]string{filepath.Join(s.dir, journal)}); err != nil {
		s.Abort()
		return nil, err
	}
	done := make([]move, 0, len(s.files))
	for _, rel := range s.files {
		m, err := s.moveOne(rel)
		done = append(done, m)
		if err != nil {
			if rerr := s.undo(done); rerr != nil {
				return nil, &Error{Op: err.Op, Path: err.Path, Err: err.Err, Undo: rerr, Kept: s.dir}
			}
			s.Abort()
			return nil, err
		}
	}
	// The journal goes first: a build killed while the staging folder is
	// being removed must not make the next build undo a finished commit.
	s.fs.Remove(filepath.Join(s.dir, journal))
	s.fs.RemoveAll(s.dir)
	paths := make([]string, len(s.files))
	for i, rel := range s.files {
		paths[i] = filepath.Join(s.out, rel)
	}
	return paths, nil
}

func (s *Stage) moveOne(rel string) (move, *Error) {
	m := move{rel: rel}
	target := filepath.Join(s.out, rel)
	dirs, err := s.missingDirs(filepath.Dir(target))
	if err != nil {
		var e *Error
		errors.As(err, &e)
		return m, e
	}
	if len(dirs) > 0 {
		if err := s.fs.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			m.dirs = dirs
			return m, &Error{Op: "create the folder for", Path: target, Err: err}
		}
		m.dirs = dirs
	}
	if st, err := s.fs.Lstat(target); err == nil {
		if st.IsDir() {
			return m, &Error{Op: "replace", Path: target, Err: errors.New("a folder of that name is in the way")}
		}
		old := filepath.Join(s.dir, "old", rel)
		if err := s.fs.MkdirAll(filepath.Dir(old), 0o755); err != nil {
			return m, &Error{Op: "set aside the earlier", Path: target, Err: err}
		}
		if err := s.fs.Rename(target, old); err != nil {
			return m, &Error{Op: "set aside the earlier", Path: target, Err: err}
		}
		m.backedUp = true
	}
	if err := s.fs.Rename(filepath.Join(s.Dir(), rel), target); err != nil {
		return m, &Error{Op: "move into place", Path: target, Err: err}
	}
	m.moved = true
	return m, nil
}

// undo puts the output folder back as it was, last move first.
func (s *Stage) undo(done []move) error {
	var errs []error
	for i := len(done) - 1; i >= 0; i-- {
		m := done[i]
		target := filepath.Join(s.out, m.rel)
		if m.moved {
			if err := s.fs.Rename(target, filepath.Join(s.Dir(), m.rel)); err != nil {
				if err := s.fs.Remove(target); err != nil && !m.backedUp {
					errs = append(errs, fmt.Errorf("remove %s: %w", target, err))
				}
			}
		}
		if m.backedUp {
			if err := s.fs.Rename(filepath.Join(s.dir, "old", m.rel), target); err != nil {
				errs = append(errs, fmt.Errorf("put back %s: %w", target, err))
			}
		}
		for _, d := range m.dirs {
			s.fs.Remove(d)
		}
	}
	return errors.Join(errs...)
}

// Recover removes the staging folders that killed builds left in out,
// first putting back the files an interrupted commit had moved aside. A
// staging folder whose owner still runs (another build into the same
// folder) is left alone.
func Recover(out string, fsys FS) error {
	entries, err := os.ReadDir(out)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return &Error{Op: "read the output folder", Path: out, Err: err}
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), Marker) {
			continue
		}
		dir := filepath.Join(out, e.Name())
		pid, _ := strconv.Atoi(strings.SplitN(strings.TrimPrefix(e.Name(), Marker), "-", 2)[0])
		info, err := e.Info()
		if err != nil {
			continue
		}
		if pid == os.Getpid() || (pid > 0 && alive(pid) && time.Since(info.ModTime()) < staleAfter) {
			continue
		}
		if err := undoJournal(out, dir, fsys); err != nil {
			return &Error{Op: "put back the files of an interrupted build from", Path: dir, Err: err, Kept: dir}
		}
		if err := fsys.RemoveAll(dir); err != nil {
			return &Error{Op: "remove the leftovers of an interrupted build", Path: dir, Err: err}
		}
	}
	return nil
}

// undoJournal reverses an interrupted commit. Per file, the commit first
// moves the earlier file to old/ and then the new one from new/ into place,
// so: a file in old/ is the earlier one and goes back; a file missing from
// new/ without one in old/ was new and is removed.
func undoJournal(out, dir string, fsys FS) error {
	f, err := os.Open(filepath.Join(dir, journal))
	if errors.Is(err, fs.ErrNotExist) {
		return nil // killed before the commit: nothing in out changed
	}
	if err != nil {
		return err
	}
	defer f.Close()
	var errs []error
	var dirs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		kind, rel, _ := strings.Cut(sc.Text(), "\t")
		rel = filepath.Clean(rel)
		if rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			continue
		}
		if kind == "dir" {
			dirs = append(dirs, filepath.Join(out, rel))
			continue
		}
		target := filepath.Join(out, rel)
		old := filepath.Join(dir, "old", rel)
		if _, err := fsys.Lstat(old); err == nil {
			if err := fsys.Rename(old, target); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		if _, err := fsys.Lstat(filepath.Join(dir, "new", rel)); errors.Is(err, fs.ErrNotExist) {
			if err := fsys.Remove(target); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	// Deepest first; a folder still holding something is not removed.
	sort.Slice(dirs, func(i, k int) bool { return len(dirs[i]) > len(dirs[k]) })
	for _, d := range dirs {
		fsys.Remove(d)
	}
	return errors.Join(errs...)
}

// Error is a failed staging step: what was being done, to which file, why,
// and what to do about it.
type Error struct {
	Op   string // e.g. "write", "move into place"
	Path string
	Err  error
	Undo error  // non-nil when putting the earlier files back failed too
	Kept string // the staging folder, kept when it still holds earlier files
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cannot %s %s: %v", e.Op, e.Path, cause(e.Err))
	if e.Undo != nil {
		fmt.Fprintf(&b, "; putting the earlier files back failed too (%v): they are kept in %s, move them back by hand", e.Undo, e.Kept)
		return b.String()
	}
	b.WriteString("; nothing in the output folder was changed")
	if hint := Hint(e.Err); hint != "" {
		b.WriteString(": " + hint)
	}
	return b.String()
}

// cause strips the operation and path a *PathError or *LinkError repeats.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
