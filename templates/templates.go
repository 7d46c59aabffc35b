// Package templates holds mou's default Word templates, embedded in the
// binary so an installed mou needs no files beside it. They are generated
// by `go run ./templates/gen`; README.md in this folder explains the tags.
package templates

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sync"

	"mou/assemble/wordtemplate"
	"mou/templates/internal/build"
)

//go:embed *.docx
var files embed.FS

// Names are the default templates' file names.
var Names = []string{"mou.docx", "arrangements.docx", "annual-report.docx", "endorsements.docx"}

// Read returns the template called name: from dir when dir is not empty and
// holds a file of that name, else the embedded default. from says which
// (the path, or "default name") for messages.
func Read(dir, name string) (data []byte, from string, err error) {
	if dir != "" {
		p := filepath.Join(dir, name)
		// A device or pipe named like a template is refused before reading.
		b, err := wordtemplate.ReadFile(p)
		if err == nil {
			return b, p, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, p, fmt.Errorf("the template %s %v", p, err)
		}
	}
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, name, fmt.Errorf("there is no default template called %s", name)
	}
	return b, name, nil
}

// law is worked out once from the generator: the same code wrote the
// embedded files, so its paragraph numbers are theirs.
var law = sync.OnceValue(build.Law)

// Law returns the legal basis of each paragraph of general wording in the
// default template called name, by the paragraph's number in the template
// (from 1, in document order, table cells included: the numbering of
// wordtemplate's messages). A paragraph not in the map prints the data.
// It describes the embedded defaults only, never a template from a folder.
func Law(name string) map[int]string { return law()[name] }
