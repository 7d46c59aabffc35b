// Package docxzip reads the parts of a Word package, with errors that name
// the part.
package docxzip

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// ErrNoPart is returned (wrapped) by Part for a part the package lacks.
var ErrNoPart = errors.New("no such part")

// MaxPartBytes bounds one inflated part, counted while inflating (the
// header's size is not trusted), so a hand-made package given to `mou verify`
// cannot exhaust memory. Built parts are far smaller: a 1,000-page report's
// main part is about 10 MiB.
const MaxPartBytes = 64 << 20

// Read inflates one entry of a package.
func Read(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, MaxPartBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	if len(b) > MaxPartBytes {
		return nil, fmt.Errorf("%s inflates to more than %d MiB, more than a Word document's part holds", f.Name, MaxPartBytes>>20)
	}
	return b, nil
}

// Part reads the part of that name ("word/document.xml") from a package.
func Part(docx []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, fmt.Errorf("not a .docx: %w", err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			return Read(f)
		}
	}
	return nil, fmt.Errorf("%s: %w", name, ErrNoPart)
}

// Rewrite copies a package with the parts named in edits changed: each
// edit is given the part as it stands and returns its new bytes; the other
// entries are copied as they are, without inflating them. found lists the
// edited parts the package had.
func Rewrite(docx []byte, edits map[string]func([]byte) []byte) (out []byte, found map[string]bool, err error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, nil, fmt.Errorf("not a .docx: %w", err)
	}
	found = map[string]bool{}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		edit, ok := edits[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return nil, nil, err
			}
			continue
		}
		b, err := Read(f)
		if err != nil {
			return nil, nil, err
		}
		found[f.Name] = true
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Modified: f.Modified, Method: zip.Deflate})
		if err != nil {
			return nil, nil, err
		}
		if _, err := w.Write(edit(b)); err != nil {
			return nil, nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), found, nil
}
