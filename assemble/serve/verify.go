package serve

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"mou/assemble/fingerprint"
)

type verifyView struct {
	Results []verified
	Text    string
	Problem string
}

// verified is one checked file, named as it was uploaded.
type verified struct {
	fingerprint.Result
	Name string
}

func (s *Server) verifyPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "verify.html", layout{Title: "Check a signed or published document", Section: "verify", ID: s.soleID(), Content: verifyView{}})
}

// soleID keeps the partnership's menu on the app's own pages when there
// is one data file.
func (s *Server) soleID() string {
	if len(s.files) == 1 {
		return s.files[0].id
	}
	return ""
}

// maxUploads bounds how many documents one check takes.
const maxUploads = 20

// verifyRun is `mou verify` on uploaded files: the document and, for
// endorsement pages, the document they endorse, uploaded together.
func (s *Server) verifyRun(w http.ResponseWriter, r *http.Request) {
	v := verifyView{}
	status := http.StatusOK
	paths, err := s.keepDocuments(r)
	if err != nil {
		v.Problem = err.Error()
		status = http.StatusUnprocessableEntity
	} else {
		results := fingerprint.Verify(paths)
		for _, res := range results {
			v.Results = append(v.Results, verified{Result: res, Name: filepath.Base(res.Path)})
		}
		var sb strings.Builder
		fingerprint.WriteText(&sb, results)
		v.Text = strings.ReplaceAll(sb.String(), filepath.Dir(paths[0])+string(filepath.Separator), "")
	}
	s.render(w, status, "verify.html", layout{Title: "Check a signed or published document", Section: "verify", ID: s.soleID(), Content: v})
}

func (s *Server) keepDocuments(r *http.Request) ([]string, error) {
	if r.MultipartForm == nil {
		if err := r.ParseMultipartForm(maxBody); err != nil {
			return nil, fmt.Errorf("the upload could not be read (each upload may hold up to %d MB): %v", maxBody>>20, err)
		}
	}
	heads := r.MultipartForm.File["documents"]
	if len(heads) == 0 {
		return nil, fmt.Errorf("choose one or more .docx or .pdf files to check")
	}
	if len(heads) > maxUploads {
		return nil, fmt.Errorf("choose at most %d files at once", maxUploads)
	}
	id := make([]byte, 16)
	rand.Read(id)
	dir := filepath.Join(s.tmp, "verify", hex.EncodeToString(id))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	var paths []string
	for _, h := range heads {
		// Only the file's own name is kept, so an upload cannot name a
		// path outside the folder.
		name := filepath.Base(filepath.Clean("/" + strings.ReplaceAll(h.Filename, "\\", "/")))
		ext := strings.ToLower(filepath.Ext(name))
		if ext != ".docx" && ext != ".pdf" {
			return nil, fmt.Errorf("%s is not a .docx or .pdf file", name)
		}
		src, err := h.Open()
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, name)
		dst, err := os.Create(p)
		if err == nil {
			_, err = io.Copy(dst, src)
			dst.Close()
		}
		src.Close()
		if err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}
