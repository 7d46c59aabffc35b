package documents

import (
	"fmt"

	"mou/assemble/partnership"
	"mou/assemble/wordtemplate"
	"mou/templates"
)

// Render renders one document of an already checked partnership in memory,
// with the default template or the one of the same name in templatesDir,
// and returns the .docx and the template it came from (a path, or the
// default's name). Nothing is written: mou check reads the result to
// see what the published document will say.
func Render(p *partnership.Partnership, kind, templatesDir string) (docx []byte, from string, err error) {
	name, ok := templateFor[kind]
	if !ok {
		return nil, "", fmt.Errorf("unknown document %q", kind)
	}
	data, from, err := templates.Read(templatesDir, name)
	if err != nil {
		return nil, from, err
	}
	t, err := wordtemplate.Parse(from, data)
	if err != nil {
		return nil, from, err
	}
	files, _, errs := render(t, p, kind, false, nil)
	if len(errs) > 0 {
		return nil, from, errs
	}
	return files[0].Data, from, nil
}
