package serve

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"mou/assemble/documents"
)

// A build runs as a job: LibreOffice takes tens of seconds, so the page
// shows its progress and offers the zip when it is done. It is `mou
// build` into a private folder (all or nothing, as ever), then zipped.

type job struct {
	id, file string
	started  time.Time

	trim []string // folders left out of progress lines: the user needs the file names only

	mu    sync.Mutex
	state string // "running", "done", "failed"
	steps []string
	zip   []byte
	name  string
	err   string
}

type jobs struct {
	mu sync.Mutex
	by map[string]*job
}

func newJobs() *jobs { return &jobs{by: map[string]*job{}} }

// keepJobs bounds the finished builds kept for download.
const keepJobs = 16

// addLocked adds a running job for file; j.mu is held.
func (j *jobs) addLocked(file string) *job {
	id := make([]byte, 12)
	rand.Read(id)
	jb := &job{id: hex.EncodeToString(id), file: file, started: time.Now(), state: "running"}
	if len(j.by) >= keepJobs {
		var oldest *job
		for _, o := range j.by {
			if o.done() && (oldest == nil || o.started.Before(oldest.started)) {
				oldest = o
			}
		}
		if oldest != nil {
			delete(j.by, oldest.id)
		}
	}
	j.by[jb.id] = jb
	return jb
}

// start adds a job for file unless one is running, which it returns.
func (j *jobs) start(file string) (*job, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, o := range j.by {
		if o.file == file && !o.done() {
			return o, false
		}
	}
	return j.addLocked(file), true
}

func (j *jobs) get(id string) *job {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.by[id]
}

func (jb *job) done() bool {
	jb.mu.Lock()
	defer jb.mu.Unlock()
	return jb.state != "running"
}

// Write takes the build's progress lines.
func (jb *job) Write(p []byte) (int, error) {
	jb.mu.Lock()
	defer jb.mu.Unlock()
	for _, line := range strings.Split(strings.TrimSpace(string(p)), "\n") {
		for _, t := range jb.trim {
			line = strings.ReplaceAll(line, t+string(filepath.Separator), "")
		}
		if line = strings.TrimSpace(line); line != "" {
			jb.steps = append(jb.steps, line)
		}
	}
	return len(p), nil
}

func (jb *job) step(s string) { jb.Write([]byte(s)) }

type jobView struct {
	ID      string   `json:"id"`
	State   string   `json:"state"`
	Steps   []string `json:"steps"`
	Error   string   `json:"error,omitempty"`
	Seconds int      `json:"seconds"`
	File    string   `json:"file"`
	Name    string   `json:"name,omitempty"`
	Href    string   `json:"download,omitempty"`
}

func (jb *job) view() jobView {
	jb.mu.Lock()
	defer jb.mu.Unlock()
	v := jobView{ID: jb.id, State: jb.state, Steps: append([]string(nil), jb.steps...), Error: jb.err,
		Seconds: int(time.Since(jb.started).Seconds()), File: jb.file, Name: jb.name}
	if jb.state == "done" {
		v.Href = "/jobs/" + jb.id + "/download"
	}
	return v
}

type buildView struct {
	CanPDF bool
	Job    *jobView
	Why    string // why PDFs cannot be made
}

func (s *Server) buildPage(w http.ResponseWriter, r *http.Request) {
	f, st, ok := s.opened(w, r)
	if !ok {
		return
	}
	v := buildView{}
	if _, err := documents.Soffice(); err == nil {
		v.CanPDF = true
	} else {
		v.Why = err.Error()
	}
	if jb := s.jobs.get(r.URL.Query().Get("job")); jb != nil && jb.file == f.id {
		jv := jb.view()
		v.Job = &jv
	}
	s.show(w, http.StatusOK, f, st, "build.html", "Build the documents", "build", v)
}

func (s *Server) buildStart(w http.ResponseWriter, r *http.Request) {
	f := s.file(w, r)
	if f == nil {
		return
	}
	pdf := r.FormValue("pdf") == "on" || r.FormValue("pdf") == "true"
	// One build of a file at a time: a second click follows the first
	// rather than starting another LibreOffice beside it.
	jb, started := s.jobs.start(f.id)
	if started {
		go s.runBuild(f, jb, pdf)
	}
	http.Redirect(w, r, "/p/"+f.id+"/build?job="+jb.id, http.StatusSeeOther)
}

func (s *Server) runBuild(f *dataFile, jb *job, pdf bool) {
	out := filepath.Join(s.tmp, "build", jb.id)
	defer os.RemoveAll(out)
	jb.trim = []string{out, filepath.Dir(f.path)}
	finish := func(state, msg string, zip []byte) {
		jb.mu.Lock()
		jb.state, jb.err, jb.zip = state, msg, zip
		jb.name = f.id + "-documents.zip"
		jb.mu.Unlock()
	}
	jb.step("Checking the data and writing the documents")
	opts := documents.Options{Out: out, HTML: true, Templates: s.cfg.Templates, Today: s.cfg.Today, Progress: jb}
	wopts := documents.WriteOptions{PDF: pdf, PDFProgress: jb}
	if pdf {
		jb.step("Then LibreOffice makes the PDFs: this takes a while")
	}
	if _, err := documents.Build([]string{f.path}, opts, wopts); err != nil {
		finish("failed", failureText(err), nil)
		return
	}
	var files []documents.File
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, documents.File{Path: p, Data: b})
		return nil
	})
	if err != nil {
		finish("failed", "The built files could not be read back: "+err.Error(), nil)
		return
	}
	z, err := zipFiles(files, out)
	if err != nil {
		finish("failed", err.Error(), nil)
		return
	}
	jb.step(fmt.Sprintf("Done: %d files", len(files)))
	finish("done", "", z)
}

func (s *Server) jobStatus(w http.ResponseWriter, r *http.Request) {
	jb := s.jobs.get(r.PathValue("job"))
	if jb == nil {
		http.Error(w, "no such build: start it again", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(jb.view())
}

func (s *Server) jobDownload(w http.ResponseWriter, r *http.Request) {
	jb := s.jobs.get(r.PathValue("job"))
	if jb == nil || !jb.done() {
		s.fail(w, http.StatusNotFound, nil, "That build is not ready, or was made so long ago that it is gone: build again.")
		return
	}
	jb.mu.Lock()
	z, name := jb.zip, jb.name
	jb.mu.Unlock()
	if z == nil {
		s.fail(w, http.StatusNotFound, nil, "That build failed: its page says why.")
		return
	}
	sendZip(w, name, z)
}
