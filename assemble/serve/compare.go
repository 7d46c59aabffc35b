package serve

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"mou/assemble/diff"
	"mou/assemble/documents"
	"mou/assemble/partnership"
)

// An earlier version is named in forms by a key, never by a path: "file:"
// and a data file of the folder (one of candidates), or "upload:" and an
// upload's id. So no request can make the server read another file.

type candidate struct{ Key, Name string }

// candidates lists the other data files beside f and one folder down
// (versions/2.0.toml): earlier versions a team keeps.
func candidates(f *dataFile) []candidate {
	dir := filepath.Dir(f.path)
	var out []candidate
	kept := f.keptVersions()
	for i, k := range kept {
		name := "This file before the save at " + k.At.Format("15:04:05")
		if i == len(kept)-1 {
			name = "This file as it was when the app opened it (before the save at " + k.At.Format("15:04:05") + ")"
		}
		out = append(out, candidate{Key: "kept:" + k.Hash, Name: name})
	}
	listed := map[string]bool{}
	for _, h := range historyCopies(f.path) {
		out = append(out, h.candidate)
		listed[filepath.Clean(h.path)] = true
	}
	n := len(out)
	area := areaOf(f.path)
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			if p != dir && (strings.Count(rel, string(filepath.Separator)) >= 1 || strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if len(out) >= 200 || p == f.path || !strings.HasSuffix(strings.ToLower(p), ".toml") || strings.EqualFold(d.Name(), partnership.RegisterFile) {
			return nil
		}
		if listed[filepath.Clean(p)] {
			return nil // offered as its history entry
		}
		if area != "" && areaOf(p) != area {
			return nil // another partnership's file
		}
		out = append(out, candidate{Key: "file:" + filepath.ToSlash(rel), Name: filepath.ToSlash(rel)})
		return nil
	})
	files := out[n:]
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return out
}

// oldPath resolves an earlier version's key.
func (s *Server) oldPath(f *dataFile, key string) (string, bool) {
	if id, ok := strings.CutPrefix(key, "upload:"); ok {
		if len(id) != 32 || strings.Trim(id, "0123456789abcdef") != "" {
			return "", false
		}
		p := filepath.Join(s.tmp, "uploads", id, "earlier.toml")
		_, err := os.Stat(p)
		return p, err == nil
	}
	if strings.HasPrefix(key, "history:") {
		for _, h := range historyCopies(f.path) {
			if h.Key == key {
				return h.path, true
			}
		}
		return "", false
	}
	if h, ok := strings.CutPrefix(key, "kept:"); ok {
		for _, k := range f.keptVersions() {
			if k.Hash == h {
				return k.Path, true
			}
		}
		return "", false
	}
	for _, c := range candidates(f) {
		if c.Key == key {
			return filepath.Join(filepath.Dir(f.path), filepath.FromSlash(strings.TrimPrefix(key, "file:"))), true
		}
	}
	return "", false
}

type compareView struct {
	Candidates []candidate
	Old        string // the key compared against
	OldName    string
	Report     *diff.Report
	Problems   []string
}

func (s *Server) comparePage(w http.ResponseWriter, r *http.Request) {
	f, st, ok := s.opened(w, r)
	if !ok {
		return
	}
	s.show(w, http.StatusOK, f, st, "compare.html", "Compare with an earlier version", "compare", compareView{Candidates: candidates(f)})
}

func (s *Server) compareRun(w http.ResponseWriter, r *http.Request) {
	f, st, ok := s.opened(w, r)
	if !ok {
		return
	}
	v := compareView{Candidates: candidates(f)}
	key := r.FormValue("old")
	if up, hdr, err := r.FormFile("upload"); err == nil {
		defer up.Close()
		key, err = s.keepUpload(up)
		if err != nil {
			v.Problems = append(v.Problems, err.Error())
		}
		v.OldName = hdr.Filename
	}
	if len(v.Problems) == 0 {
		old, ok := s.oldPath(f, key)
		if !ok {
			v.Problems = append(v.Problems, "Choose an earlier version from the list, or upload one.")
		} else {
			if v.OldName == "" {
				v.OldName = strings.TrimPrefix(key, "file:")
				for _, c := range v.Candidates {
					if c.Key == key && strings.HasPrefix(key, "kept:") {
						v.OldName = strings.ToLower(c.Name[:1]) + c.Name[1:]
					}
				}
			}
			v.Old = key
			rep, problems := s.compare(f, old)
			v.Report, v.Problems = rep, problems
		}
	}
	status := http.StatusOK
	if v.Report == nil {
		status = http.StatusUnprocessableEntity
	}
	s.show(w, status, f, st, "compare.html", "Compare with an earlier version", "compare", v)
}

// keepUpload stores an uploaded data file for comparing, bounded in size.
func (s *Server) keepUpload(r io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r, partnership.MaxFileBytes+1))
	if err != nil {
		return "", fmt.Errorf("the upload could not be read: %v", err)
	}
	if len(b) > partnership.MaxFileBytes {
		return "", fmt.Errorf("the file is larger than %d MB, the most a data file may hold", partnership.MaxFileBytes>>20)
	}
	id := make([]byte, 16)
	rand.Read(id)
	name := hex.EncodeToString(id)
	dir := filepath.Join(s.tmp, "uploads", name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "earlier.toml"), b, 0o600); err != nil {
		return "", err
	}
	return "upload:" + name, nil
}

// compare is `mou diff OLD NEW` with the file as NEW.
func (s *Server) compare(f *dataFile, old string) (*diff.Report, []string) {
	var versions [2]*partnership.Partnership
	var problems []string
	for i, p := range []string{old, f.path} {
		m, findings, err := partnership.Check(partnership.Options{Today: s.cfg.Today}, p)
		if err != nil {
			return nil, []string{err.Error()}
		}
		if m == nil {
			var sb strings.Builder
			findings.WriteText(&sb)
			which := "The earlier version"
			if i == 1 {
				which = "This data file"
			}
			return nil, []string{which + " cannot be read, so the two cannot be compared:\n" + sb.String()}
		}
		versions[i] = m
	}
	rep := diff.Partnerships(versions[0], versions[1])
	return &rep, problems
}

func (s *Server) compareChanges(w http.ResponseWriter, r *http.Request) {
	f := s.file(w, r)
	if f == nil {
		return
	}
	old, ok := s.oldPath(f, r.FormValue("old"))
	if !ok {
		s.fail(w, http.StatusBadRequest, f, "Choose the earlier version again on the compare page.")
		return
	}
	files, err := documents.Plan([]string{f.path}, documents.Options{Out: "out", Compare: old, Templates: s.cfg.Templates, Today: s.cfg.Today})
	if err != nil {
		s.fail(w, http.StatusUnprocessableEntity, f, "The tracked-changes documents could not be made:\n"+failureText(err))
		return
	}
	var keep []documents.File
	for _, file := range files {
		if strings.HasSuffix(file.Path, "-changes.docx") {
			keep = append(keep, file)
		}
	}
	if len(keep) == 0 {
		s.fail(w, http.StatusOK, f, "The documents are the same in both versions: there are no changes to track.")
		return
	}
	z, err := zipFiles(keep, "out")
	if err != nil {
		s.fail(w, http.StatusInternalServerError, f, err.Error())
		return
	}
	sendZip(w, f.id+"-tracked-changes.zip", z)
}

// zipFiles packs built files by their path inside out.
func zipFiles(files []documents.File, out string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, file := range files {
		rel, err := filepath.Rel(out, file.Path)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = filepath.Base(file.Path)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: filepath.ToSlash(rel), Method: zip.Deflate, Modified: time.Now()})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(file.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func sendZip(w http.ResponseWriter, name string, z []byte) {
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	w.Write(z)
}

// areaOf is the area a data file's partnership covers, "" when it cannot
// be read: an earlier version of a partnership covers the same area, so
// the compare list leaves out the other partnerships of a shared folder.
func areaOf(path string) string {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > partnership.MaxFileBytes {
		return ""
	}
	p, _ := partnership.Parse(path, string(b))
	if p == nil {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(p.Partnership.Area))
}

// historyCopy is a [[history]] entry's copy of the data, as a candidate.
type historyCopy struct {
	candidate
	path string
}

// historyCopies lists the copies the file's [[history]] entries name
// (history[].data) that are there, newest entry first.
func historyCopies(path string) []historyCopy {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > partnership.MaxFileBytes {
		return nil
	}
	p, _ := partnership.Parse(path, string(b))
	if p == nil {
		return nil
	}
	var out []historyCopy
	for i := len(p.History) - 1; i >= 0; i-- {
		v := p.History[i]
		cp := p.HistoryCopy(i)
		if cp == "" {
			continue
		}
		if _, err := os.Stat(cp); err != nil {
			continue
		}
		out = append(out, historyCopy{candidate{Key: fmt.Sprintf("history:%d", i),
			Name: fmt.Sprintf("Version %s of %s, as kept in %s", v.Version, v.Date, v.Data)}, cp})
	}
	return out
}
