package wordtemplate

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/nguyenthenguyen/docx"
)

// Limits that keep a hostile or broken file from exhausting the machine.
const (
	maxEntries   = 10000
	maxPartBytes = 64 << 20  // one inflated entry
	maxAllBytes  = 512 << 20 // all inflated entries together
)

// docxPackage is the .docx package: the main document part through
// nguyenthenguyen/docx (GetContent / SetContent / Write), and every other
// part — headers, footers, footnotes, numbering, document properties, which
// that library cannot reach — read and replaced here, in this one place.
type docxPackage struct {
	name    string
	lib     *docx.ReplaceDocx
	parts   map[string][]byte // every entry, inflated, within the limits
	entries []string          // entry names in archive order
}

// openPackage checks the archive before the library reads it: a zip whose
// entries inflate past the limits, or that is not a Word document, is
// refused with a clear message.
func openPackage(name string, data []byte) (*docxPackage, error) {
	bad := func(msg string) error { return &Error{ID: ErrPackage, Template: name, Message: msg} }
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, bad("is not a Word .docx file (it is not a zip archive): save it from Word or LibreOffice as \"Word Document (.docx)\"")
	}
	if len(zr.File) > maxEntries {
		return nil, bad(fmt.Sprintf("holds %d entries, more than the %d a Word document plausibly has", len(zr.File), maxEntries))
	}
	p := &docxPackage{name: name, parts: map[string][]byte{}}
	var total int64
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		if f.UncompressedSize64 > maxPartBytes {
			return nil, bad(fmt.Sprintf("entry %s would inflate to %d bytes, past the %d MiB limit per part", f.Name, f.UncompressedSize64, maxPartBytes>>20))
		}
		rc, err := f.Open()
		if err != nil {
			return nil, bad(fmt.Sprintf("entry %s cannot be read: %v", f.Name, err))
		}
		// The declared size can lie: count what actually inflates.
		buf := bytes.NewBuffer(make([]byte, 0, int(f.UncompressedSize64)+512))
		_, err = io.Copy(buf, io.LimitReader(rc, maxPartBytes+1))
		rc.Close()
		b := buf.Bytes()
		if err != nil {
			return nil, bad(fmt.Sprintf("entry %s cannot be read: %v", f.Name, err))
		}
		if len(b) > maxPartBytes {
			return nil, bad(fmt.Sprintf("entry %s inflates past the %d MiB limit per part", f.Name, maxPartBytes>>20))
		}
		total += int64(len(b))
		if total > maxAllBytes {
			return nil, bad(fmt.Sprintf("inflates past %d MiB in all", maxAllBytes>>20))
		}
		p.parts[f.Name] = b
		p.entries = append(p.entries, f.Name)
	}
	if _, ok := p.parts["word/document.xml"]; !ok {
		return nil, bad("has no word/document.xml, so it is not a Word document (an .odt or .xlsx renamed to .docx?)")
	}
	lib, err := docx.ReadDocxFromMemory(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, bad(fmt.Sprintf("cannot be opened as a Word document: %v", err))
	}
	p.lib = lib
	return p, nil
}

// main returns the main document part as the library read it.
func (p *docxPackage) main() string { return p.lib.Editable().GetContent() }

// partNames returns the parts mou renders besides the main document:
// headers, footers, footnotes and endnotes, in a stable order.
func (p *docxPackage) partNames() []string {
	var names []string
	for _, n := range p.entries {
		base := strings.TrimPrefix(n, "word/")
		if base == n || strings.Contains(base, "/") || !strings.HasSuffix(base, ".xml") {
			continue
		}
		if strings.HasPrefix(base, "header") || strings.HasPrefix(base, "footer") || base == "footnotes.xml" || base == "endnotes.xml" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// partLabel names a part for messages: word/header1.xml → header1.
func partLabel(entry string) string {
	if entry == "word/document.xml" {
		return "document"
	}
	base := entry[strings.LastIndexByte(entry, '/')+1:]
	return strings.TrimSuffix(base, ".xml")
}

// write assembles the output package: the library writes the archive with
// the new main part, then the parts it cannot reach are put in. Entries keep
// their order and carry no timestamps, so equal inputs give equal bytes.
func (p *docxPackage) write(mainPart string, changed map[string][]byte) ([]byte, error) {
	doc := p.lib.Editable()
	doc.SetContent(mainPart)
	var first bytes.Buffer
	if err := doc.Write(&first); err != nil {
		return nil, fmt.Errorf("writing %s: %w", p.name, err)
	}
	if len(changed) == 0 {
		return first.Bytes(), nil
	}
	zr, err := zip.NewReader(bytes.NewReader(first.Bytes()), int64(first.Len()))
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", p.name, err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		data, ok := changed[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return nil, fmt.Errorf("writing %s: %w", p.name, err)
			}
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, fmt.Errorf("writing %s: %w", p.name, err)
		}
		if _, err := w.Write(data); err != nil {
			return nil, fmt.Errorf("writing %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("writing %s: %w", p.name, err)
	}
	return out.Bytes(), nil
}
