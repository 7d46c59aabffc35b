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

// Read inflates one entry of a package.
func Read(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
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
