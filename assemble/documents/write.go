package documents

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"mou/assemble/internal/names"
	"mou/assemble/internal/staging"
)

// WriteOptions tune the write phase.
type WriteOptions struct {
	Out        string        // the folder every File.Path is inside; "out" when empty
	PDF        bool          // also convert each .docx to PDF with LibreOffice
	PDFTimeout time.Duration // LibreOffice's time limit for the build; DefaultPDFTimeout when zero
	// PDFProgress is told of each LibreOffice round, which takes a while;
	// nil for silence.
	PDFProgress io.Writer
	// FS replaces the file system operations, for tests that make a step
	// fail; nil is the real file system.
	FS *staging.FS
}

// Write writes a build all or nothing. Every file, and with PDF its PDF, is
// first written in a staging folder inside the output folder; only when
// all of them are ready are they moved into place, and if a move fails the
// files already moved are put back. On any error the output folder is left
// exactly as it was. It returns the paths written, sorted.
func Write(files []File, opts WriteOptions) ([]string, error) {
	opts = opts.withDefaults()
	if err := checkNames(files, opts.Out); err != nil {
		return nil, err
	}
	w, err := openWriter(opts)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := w.stage(f); err != nil {
			w.st.Abort()
			return nil, err
		}
	}
	return w.finish()
}

func (o WriteOptions) withDefaults() WriteOptions {
	if o.Out == "" {
		o.Out = "out"
	}
	if o.PDFTimeout == 0 {
		o.PDFTimeout = DefaultPDFTimeout
	}
	return o
}

// writer is one build's staging folder and what has been staged in it.
type writer struct {
	opts WriteOptions
	st   *staging.Stage
	docs []string // the staged .docx files, for LibreOffice
}

func openWriter(opts WriteOptions) (*writer, error) {
	fsys := staging.OS()
	if opts.FS != nil {
		fsys = *opts.FS
	}
	st, err := staging.Open(opts.Out, fsys)
	if err != nil {
		return nil, err
	}
	return &writer{opts: opts, st: st}, nil
}

// stage writes one file into the staging folder.
func (w *writer) stage(f File) error {
	rel, err := filepath.Rel(w.opts.Out, f.Path)
	if err != nil {
		return fmt.Errorf("%s is not inside the output folder %s", f.Path, w.opts.Out)
	}
	if err := w.st.Write(rel, f.Data); err != nil {
		return err
	}
	if strings.EqualFold(filepath.Ext(rel), ".docx") {
		w.docs = append(w.docs, filepath.Join(w.st.Dir(), rel))
	}
	return nil
}

// finish converts the staged documents to PDF when asked and moves
// everything into place; on failure the output folder is as it was.
func (w *writer) finish() ([]string, error) {
	if w.opts.PDF && len(w.docs) > 0 {
		pdfs, err := convertPDF(w.docs, w.opts.PDFTimeout, w.opts.PDFProgress)
		if err == nil {
			for _, p := range pdfs {
				if err = w.st.Adopt(p); err != nil {
					break
				}
			}
		}
		if err != nil {
			w.st.Abort()
			// Name the documents where they were going, not where they were staged.
			msg := strings.ReplaceAll(err.Error(), w.st.Dir(), filepath.Clean(w.opts.Out))
			return nil, fmt.Errorf("%s\nNothing in %s was changed.", msg, w.opts.Out)
		}
	}
	return w.st.Commit()
}

// excerptOutput keeps a converter's output readable in a message.
func excerptOutput(b []byte) string {
	const max = 2000
	s := strings.TrimSpace(string(b))
	if len(s) > max {
		s = s[:max] + "…"
	}
	return s
}

// checkNames refuses, before anything is written, a file whose name some
// file system would refuse, so a build never fails half-way on a name.
func checkNames(files []File, out string) error {
	for _, f := range files {
		rel, err := filepath.Rel(out, f.Path)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("%s is not inside the output folder %s", f.Path, out)
		}
		if err := names.Check(rel); err != nil {
			return fmt.Errorf("cannot write %s: %v; nothing was written", f.Path, err)
		}
	}
	return nil
}

// fileURL is path as a file: URL, as LibreOffice's -env options want it:
// file:///C:/Users/A%20B/… on Windows, file:///tmp/… elsewhere.
func fileURL(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
