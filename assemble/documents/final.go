package documents

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// A final build is one a partnership can publish as it is: the yearly
// report's sections each say what the data or the partnership's own
// words say, and none still holds the placeholder paragraph a draft shows
// where the data has nothing (style Placeholder, templates/internal/build).
// The check reads the built documents, not the data, so it holds for a
// partnership's own templates as long as they use the style.

// PlaceholderStyle is the style id of a placeholder paragraph.
const PlaceholderStyle = "Placeholder"

// Placeholder is one placeholder left in a built document.
type Placeholder struct {
	File    string // the document's path
	Section string // the heading it stands under; "" before the first
	Text    string // what the section needs, in the placeholder's words
}

// Placeholders lists, in document order, the placeholders left in the
// documents among files; review and tracked-changes copies, which repeat
// their document, are skipped.
func Placeholders(files []File) ([]Placeholder, error) {
	var out []Placeholder
	for _, f := range files {
		name := filepath.Base(f.Path)
		if !strings.HasSuffix(name, ".docx") || strings.HasSuffix(name, "-review.docx") || strings.HasSuffix(name, "-changes.docx") {
			continue
		}
		found, err := placeholdersIn(f.Data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
		for _, p := range found {
			p.File = f.Path
			out = append(out, p)
		}
	}
	return out, nil
}

func placeholdersIn(docx []byte) ([]Placeholder, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, err
	}
	var main []byte
	for _, zf := range zr.File {
		if zf.Name == "word/document.xml" {
			if main, err = readZipFile(zf); err != nil {
				return nil, err
			}
		}
	}
	paras, err := scanParas(string(main))
	if err != nil {
		return nil, err
	}
	var out []Placeholder
	heading := ""
	for _, p := range paras {
		text := strings.TrimSpace(p.text.String())
		switch {
		case strings.HasPrefix(p.style, "Heading") && text != "":
			heading = text
		case p.style == PlaceholderStyle && text != "":
			out = append(out, Placeholder{Section: heading, Text: text})
		}
	}
	return out, nil
}

// CheckFinal refuses files that still hold a placeholder, with a Failure
// naming each: the document, the section and what it needs.
func CheckFinal(files []File) error {
	found, err := Placeholders(files)
	if err != nil {
		return err
	}
	if len(found) == 0 {
		return nil
	}
	f := &Failure{}
	for _, p := range found {
		f.Other = append(f.Other, fmt.Sprintf("%s: the section %q is not written yet (%s)", p.File, p.Section, p.Text))
	}
	f.Other = append(f.Other, "a final build writes nothing while a section has no data: add what each section needs, or build a draft without --final")
	return f
}

// BuildFinal is Build for a document to publish: every document is
// rendered in memory, and nothing is written while any still holds a
// placeholder (CheckFinal); otherwise the files are written as Build
// writes them, without the guidance a draft carries in its comments.
func BuildFinal(paths []string, opts Options, wopts WriteOptions) ([]string, error) {
	if opts.Out == "" {
		opts.Out = "out"
	}
	files, err := Plan(paths, opts)
	if err != nil {
		return nil, err
	}
	if err := CheckFinal(files); err != nil {
		return nil, err
	}
	if files, err = withoutGuidanceAll(files); err != nil {
		return nil, err
	}
	wopts.Out = opts.Out
	return Write(files, wopts)
}

// withoutGuidanceAll takes the guidance comments out of every document of
// a final build (and of its tracked-changes copies, which carry the new
// version's); a review copy keeps its comments, which are what it is for.
func withoutGuidanceAll(files []File) ([]File, error) {
	out := make([]File, len(files))
	for i, f := range files {
		out[i] = f
		if !strings.HasSuffix(f.Path, ".docx") || strings.HasSuffix(f.Path, "-review.docx") {
			continue
		}
		b, err := withoutGuidance(f.Data)
		if err != nil {
			return nil, fmt.Errorf("%s: cannot take the draft's comments out: %v", f.Path, err)
		}
		out[i].Data = b
	}
	return out, nil
}
