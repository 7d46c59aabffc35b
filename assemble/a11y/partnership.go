package a11y

import (
	"fmt"

	"mou/assemble/documents"
	"mou/assemble/partnership"
)

// Partnership renders each of a partnership's documents in memory, with
// the templates a build would use, and checks each; also each local
// partnership's of a pan-area executive. Invalid data is an error: run
// mou validate.
func Partnership(path, templatesDir string) ([]Finding, error) {
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
	var out []Finding
	for _, q := range all {
		for _, kind := range documents.Kinds {
			docx, from, err := documents.Render(q, kind, templatesDir)
			if err != nil {
				return nil, err
			}
			found, err := Check(from, docx)
			if err != nil {
				return nil, err
			}
			out = append(out, found...)
		}
	}
	return out, nil
}
