package documents

import (
	"fmt"
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
	if opts.Out == "" {
		opts.Out = "out"
	}
	fsys := staging.OS()
	if opts.FS != nil {
		fsys = *opts.FS
	}
	if err := checkNames(files, opts.Out); err != nil {
		return nil, err
	}
	st, err := staging.Open(opts.Out, fsys)
	if err != nil {
		return nil, err
	}
	var docs []string
	for _, f := range files {
		rel, err := filepath.Rel(opts.Out, f.Path)
		if err != nil {
			st.Abort()
			return nil, fmt.Errorf("%s is not inside the output folder %s", f.Path, opts.Out)
		}
		if err := st.Write(rel, f.Data); err != nil {
			st.Abort()
			return nil, err
		}
		if strings.EqualFold(filepath.Ext(rel), ".docx") {
			docs = append(docs, filepath.Join(st.Dir(), rel))
		}
	}
	if opts.PDF && len(docs) > 0 {
		timeout := opts.PDFTimeout
		if timeout == 0 {
			timeout = DefaultPDFTimeout
		}
		pdfs, err := ConvertPDF(docs, timeout)
		if err == nil {
			for _, p := range pdfs {
				if err = st.Adopt(p); err != nil {
					break
				}
			}
		}
		if err != nil {
			st.Abort()
			// Name the documents where they were going, not where they were staged.
			msg := strings.ReplaceAll(err.Error(), st.Dir(), filepath.Clean(opts.Out))
			return nil, fmt.Errorf("%s\nNothing in %s was changed.", msg, opts.Out)
		}
	}
	return st.Commit()
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
