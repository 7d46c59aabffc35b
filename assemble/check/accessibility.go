package check

import (
	"fmt"

	"mou/assemble/a11y"
	"mou/assemble/documents"
	"mou/assemble/partnership"
)

// Accessibility renders each of a partnership's documents in memory, with
// the templates a build would use, and checks each for accessibility
// (package a11y); also each local partnership's of a pan-area executive.
// Invalid data is an error: run mou validate.
func Accessibility(path, templatesDir string) ([]a11y.Finding, error) {
	p, fs, err := partnership.Check(partnership.Options{}, path)
	if err != nil {
		return nil, err
	}
	if p == nil || fs.Errors() > 0 {
		return nil, fmt.Errorf("%s is not valid: run mou validate %s", path, path)
	}
	all := []*partnership.Partnership{p}
	for i := range p.Locals {
		all = append(all, p.Local(i))
	}
	var out []a11y.Finding
	for _, q := range all {
		for _, kind := range documents.Kinds {
			docx, from, err := documents.Render(q, kind, templatesDir)
			if err != nil {
				return nil, err
			}
			found, err := a11y.Check(from, docx)
			if err != nil {
				return nil, err
			}
			out = append(out, found...)
		}
	}
	return out, nil
}
