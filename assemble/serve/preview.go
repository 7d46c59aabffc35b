package serve

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"mou/assemble/documents"
	"mou/assemble/partnership"
)

// previews caches the documents built for each version of each data file,
// so moving between documents does not build again, and converts a
// document LibreOffice must show (one with no HTML edition) once.
type previews struct {
	dir string
	mu  sync.Mutex
	by  map[string]*built // by data file id and text hash
}

type built struct {
	once  sync.Once
	files []documents.File
	err   error

	pdfMu sync.Mutex
	pdfs  map[int][]byte
}

func newPreviews(dir string) *previews { return &previews{dir: dir, by: map[string]*built{}} }

// keepPreviews bounds the versions whose documents are cached.
const keepPreviews = 8

func (p *previews) get(s *Server, f *dataFile, hash string) *built {
	key := f.id + "@" + hash
	p.mu.Lock()
	b := p.by[key]
	if b == nil {
		if len(p.by) >= keepPreviews {
			for k := range p.by {
				delete(p.by, k)
				break
			}
		}
		b = &built{pdfs: map[int][]byte{}}
		p.by[key] = b
	}
	p.mu.Unlock()
	b.once.Do(func() {
		b.files, b.err = documents.Plan([]string{f.path}, documents.Options{Out: "out", HTML: true, Review: true,
			Templates: s.cfg.Templates, Today: s.cfg.Today})
	})
	return b
}

// docGroup is one document with its editions: the web page, the Word
// file and the review copy.
type docGroup struct {
	Title             string
	Web, Word, Review *docLink
}

// docLink is one built file on the preview page.
type docLink struct {
	Index   int
	Name    string // file name
	Title   string // what it is, in words
	Href    string
	Kind    string // "html", "docx", "review"
	Current bool
}

type previewView struct {
	Docs       []docLink
	Groups     []docGroup
	Shown      *docLink
	Frame      string // address of the page in the frame
	ShownTitle string
	Failure    string
	Errors     []linked // the data's errors that stop the build, each linked to its field
	CanPDF     bool
}

// documentName is what a built file's stem (mou, annual-report-2019-20)
// holds, in words.
func documentName(base string) string {
	switch {
	case base == "mou":
		return "Memorandum of Understanding"
	case base == "arrangements":
		return "Multi-agency safeguarding arrangements"
	case strings.HasPrefix(base, "annual-report"):
		return "Yearly report " + strings.TrimPrefix(strings.TrimPrefix(base, "annual-report"), "-")
	case strings.HasPrefix(base, "endorsements"):
		return "Endorsement pages"
	case base == "accessibility-statement":
		return "Accessibility statement"
	}
	return base
}

func describe(name string) string {
	base := strings.TrimSuffix(name, filepath.Ext(name))
	review := strings.HasSuffix(base, "-review")
	base = strings.TrimSuffix(base, "-review")
	what := documentName(base)
	switch {
	case review:
		return what + " — Word copy with a note on every paragraph saying where it came from"
	case strings.HasSuffix(name, ".html"):
		return what + " — web page"
	case strings.HasSuffix(name, ".docx"):
		return what + " — Word"
	}
	return what
}

func (s *Server) previewPage(w http.ResponseWriter, r *http.Request) {
	f, st, ok := s.opened(w, r)
	if !ok {
		return
	}
	b := s.cache.get(s, f, st.hash)
	v := previewView{}
	if _, err := documents.Soffice(); err == nil {
		v.CanPDF = true
	}
	if b.err != nil {
		if fl, ok := b.err.(*documents.Failure); ok && len(fl.Data) > 0 && len(fl.Templates) == 0 && len(fl.Other) == 0 {
			for _, d := range fl.Data {
				for _, x := range d.Findings {
					if x.Severity == partnership.Error {
						v.Errors = append(v.Errors, linked{Path: x.Path, Href: fieldHref(f, st.pages, x.Path), Text: x.Message, Hint: plainHint(x.Hint)})
					}
				}
			}
		}
		if len(v.Errors) == 0 {
			v.Failure = failureText(b.err)
		}
	}
	want, _ := strconv.Atoi(r.URL.Query().Get("doc"))
	hasWant := r.URL.Query().Has("doc")
	for i, file := range b.files {
		name := filepath.Base(file.Path)
		kind := "docx"
		switch {
		case strings.HasSuffix(name, ".html"):
			kind = "html"
		case strings.HasSuffix(name, "-review.docx"):
			kind = "review"
		case !strings.HasSuffix(name, ".docx"):
			continue
		}
		d := docLink{Index: i, Name: name, Title: describe(name), Kind: kind,
			Href: fmt.Sprintf("/p/%s/preview/file/%d-%s", f.id, i, name)}
		v.Docs = append(v.Docs, d)
	}
	byStem := map[string]int{}
	for i := range v.Docs {
		d := &v.Docs[i]
		stem := strings.TrimSuffix(strings.TrimSuffix(d.Name, filepath.Ext(d.Name)), "-review")
		g, ok := byStem[stem]
		if !ok {
			g = len(v.Groups)
			byStem[stem] = g
			v.Groups = append(v.Groups, docGroup{Title: documentName(stem)})
		}
		switch d.Kind {
		case "html":
			v.Groups[g].Web = d
		case "review":
			v.Groups[g].Review = d
		default:
			v.Groups[g].Word = d
		}
		pick := hasWant && d.Index == want || !hasWant && v.Shown == nil && d.Kind == "html"
		if pick && (d.Kind == "html" || d.Kind == "docx" && v.CanPDF) {
			d.Current = true
			v.Shown = d
			v.Frame = d.Href
			if d.Kind == "docx" {
				v.Frame += "?as=pdf"
				v.ShownTitle = documentName(strings.TrimSuffix(d.Name, ".docx")) + " — pages, as printed"
			} else {
				v.ShownTitle = d.Title
			}
		}
	}
	s.show(w, http.StatusOK, f, st, "preview.html", "Preview", "preview", v)
}

// failureText is a build failure as `mou build` prints it.
func failureText(err error) string {
	if fl, ok := err.(*documents.Failure); ok {
		var sb strings.Builder
		fl.WriteText(&sb)
		return sb.String()
	}
	return err.Error()
}

func (s *Server) previewFile(w http.ResponseWriter, r *http.Request) {
	f := s.file(w, r)
	if f == nil {
		return
	}
	text, hash, err := f.read()
	_ = text
	if err != nil {
		s.fail(w, http.StatusConflict, f, err.Error())
		return
	}
	b := s.cache.get(s, f, hash)
	num, name, _ := strings.Cut(r.PathValue("name"), "-")
	i, err := strconv.Atoi(num)
	if err != nil || i < 0 || i >= len(b.files) || filepath.Base(b.files[i].Path) != name {
		s.fail(w, http.StatusNotFound, f, "That document is not in the latest build: it may have changed since. Go back to the preview.")
		return
	}
	file := b.files[i]
	h := w.Header()
	switch {
	case strings.HasSuffix(name, ".html"):
		// An edition page is self-contained: no script, pictures inline.
		h.Set("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'")
		h.Set("Content-Type", "text/html; charset=utf-8")
		w.Write(file.Data)
	case r.URL.Query().Get("as") == "pdf":
		pdf, err := b.pdf(s, f, i, hash)
		if err != nil {
			h.Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "LibreOffice could not show this document as pages: %v\nDownload the Word file instead.\n", err)
			return
		}
		h.Set("Content-Type", "application/pdf")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'self'")
		w.Write(pdf)
	default:
		h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
		w.Write(file.Data)
	}
}

// pdf converts one built document with LibreOffice, once.
func (b *built) pdf(s *Server, f *dataFile, i int, hash string) ([]byte, error) {
	b.pdfMu.Lock()
	defer b.pdfMu.Unlock()
	if p, ok := b.pdfs[i]; ok {
		return p, nil
	}
	dir := filepath.Join(s.cache.dir, f.id+"-"+hash)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	docx := filepath.Join(dir, filepath.Base(b.files[i].Path))
	if err := os.WriteFile(docx, b.files[i].Data, 0o600); err != nil {
		return nil, err
	}
	out, err := documents.ConvertPDF([]string{docx}, 3*time.Minute)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no PDF was made")
	}
	p, err := os.ReadFile(out[0])
	if err != nil {
		return nil, err
	}
	b.pdfs[i] = p
	return p, nil
}
