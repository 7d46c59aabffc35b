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
