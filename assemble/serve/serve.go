// Package serve is `mou serve`: a local web app in which a partnership's
// business team edits its data file in forms, sees every validation
// finding beside its field as they type, previews, compares, builds and
// verifies the documents, all from the one binary with nothing to install.
//
// The app is a thin layer over the same library calls the commands make:
// assemble/form turns the model into forms, assemble/tomledit writes an
// edit into the file changing only that value's bytes, and validation,
// check, diff, build and verify are the commands' own code paths.
//
// It is safe by design (guard.go): loopback only unless told otherwise, a
// per-session token, Host and Origin checked on every request (DNS
// rebinding, cross-site requests), files reached only through the list of
// data files the server was started on, and bounded uploads.
package serve

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"mou/assemble/partnership"
)

// Config is what the server is started on.
type Config struct {
	// Data is a data file, or a folder whose .toml files are each one
	// partnership (reorganisations.toml beside them is the team's
	// register, not a partnership).
	Data string
	// Templates is a folder of the partnership's own templates, as
	// `mou build --templates`; "" for the defaults.
	Templates string
	// Today is the date validation measures "in the future" against;
	// zero means now.
	Today time.Time
	// Log receives one line per problem worth a person's notice (a
	// refused request); nil for none.
	Log io.Writer
}

// Server is the app. It is safe for concurrent use.
type Server struct {
	cfg   Config
	token string
	files []*dataFile
	byID  map[string]*dataFile
	hosts map[string]bool // the Host values requests may carry
	jobs  *jobs
	cache *previews
	tmp   string // a private folder for uploads, previews and builds
	mux   *http.ServeMux
}

// New reads the data file or folder and prepares the app; nothing is
// listened on until Listen.
func New(cfg Config) (*Server, error) {
	paths, err := dataFiles(cfg.Data)
	if err != nil {
		return nil, err
	}
	tok := make([]byte, 24)
	if _, err := rand.Read(tok); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "mou-serve-")
	if err != nil {
		return nil, fmt.Errorf("cannot make a working folder: %w", err)
	}
	s := &Server{cfg: cfg, token: hex.EncodeToString(tok), byID: map[string]*dataFile{}, hosts: map[string]bool{},
		jobs: newJobs(), tmp: tmp}
	s.cache = newPreviews(filepath.Join(tmp, "preview"))
	for _, p := range paths {
		f := newDataFile(p, uniqueID(s.byID, p))
		f.keptDir = filepath.Join(tmp, "kept", f.id)
		s.files = append(s.files, f)
		s.byID[f.id] = f
	}
	s.routes()
	return s, nil
}

// Close removes the server's working folder.
func (s *Server) Close() error { return os.RemoveAll(s.tmp) }

// Listen opens addr ("127.0.0.1:8080"; port 0 picks one) and returns the
// listener and the address to open, which carries the session token.
// An address that is not loopback is allowed, with warning, when the
// caller asked for it: warn says so.
func (s *Server) Listen(addr string) (ln net.Listener, url string, warn string, err error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, "", "", fmt.Errorf("the address %q is not host:port, e.g. 127.0.0.1:8080", addr)
	}
	ln, err = net.Listen("tcp", addr)
	if err != nil {
		return nil, "", "", fmt.Errorf("cannot listen on %s: %w (is another program using the port? try --addr 127.0.0.1:0 for any free port)", addr, err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	shown := host
	if !isLoopback(host) {
		warn = fmt.Sprintf("listening on %s, which other computers can reach: anyone on the network who has the address with its token can edit these files", addr)
		if host == "" || host == "0.0.0.0" || host == "::" {
			shown, _ = os.Hostname()
		}
	}
	if shown == "" {
		shown = "127.0.0.1"
	}
	s.allowHost(host, port)
	if shown != host {
		s.allowHost(shown, port)
	}
	for _, h := range []string{"127.0.0.1", "localhost", "::1"} {
		s.allowHost(h, port)
	}
	return ln, fmt.Sprintf("http://%s/?token=%s", net.JoinHostPort(shown, fmt.Sprint(port)), s.token), warn, nil
}

// Serve answers requests on ln until it is closed.
func (s *Server) Serve(ln net.Listener) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	err := srv.Serve(ln)
	if errors.Is(err, net.ErrClosed) {
		return nil
	}
	return err
}

// Handler is the app with its guard, for tests that bring their own
// listener (the Host it is reached by must be allowed with Listen).
func (s *Server) Handler() http.Handler { return s.guard(s.mux) }

func (s *Server) allowHost(host string, port int) {
	if host == "" {
		return
	}
	s.hosts[net.JoinHostPort(host, fmt.Sprint(port))] = true
	if port == 80 {
		s.hosts[host] = true
	}
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// dataFiles lists the partnerships the server edits: the file given, or
// each data file of the folder given.
func dataFiles(path string) ([]string, error) {
	if path == "" {
		return nil, errors.New("name a data file or a folder of data files, e.g. `mou serve data/herefordshire-2019.toml`")
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: check the path (%v)", path, err)
	}
	if !st.IsDir() {
		if !strings.HasSuffix(strings.ToLower(path), ".toml") {
			return nil, fmt.Errorf("%s is not a data file: name a .toml file or a folder of them", path)
		}
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, err
		}
		return []string{abs}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the folder %s: %v", path, err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(strings.ToLower(name), ".toml") || strings.EqualFold(name, partnership.RegisterFile) {
			continue
		}
		abs, err := filepath.Abs(filepath.Join(path, name))
		if err != nil {
			return nil, err
		}
		out = append(out, abs)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the folder %s holds no .toml data file: run `mou init %s` to start one", path, filepath.Join(path, "partnership.toml"))
	}
	sort.Strings(out)
	return out, nil
}

// uniqueID names a data file in addresses: its base name without .toml,
// made unique.
func uniqueID(taken map[string]*dataFile, path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	id := strings.Trim(b.String(), "-")
	if id == "" {
		id = "partnership"
	}
	for i, try := 2, id; ; i++ {
		if taken[try] == nil {
			return try
		}
		try = fmt.Sprintf("%s-%d", id, i)
	}
}
