// Package htmledition turns a built Word document into its HTML edition: one
// self-contained, accessible web page a partnership can upload as it is.
//
// The page is made from the rendered document itself — the main part of the
// built .docx, after the page rules and the contents list — never from a
// second copy of the wording, so the web page says word for word what the
// Word document says and carries its fingerprint. Data flows in three
// stages, one file each:
//
//   - read.go parses word/document.xml and styles.xml into blocks by
//     paragraph style: Title and Subtitle, Heading 1–6, List Bullet and List
//     Number, table cells, Prompt, Signatory Name and Signature Line; the
//     contents list's paragraphs are set aside.
//   - outline.go splits the blocks into the cover, the contents (a <nav>
//     linking to every heading of levels 1 and 2 by id) and the main part.
//   - page.go writes the page with html/template: skip link, header, nav,
//     main and a footer with the fingerprint; inline CSS with a print
//     stylesheet, no script, nothing fetched from elsewhere.
package htmledition

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"html/template"
	"path"
	"regexp"
	"strings"

	"mou/assemble/fingerprint"
	"mou/assemble/internal/docxzip"
)

// Options tune a page.
type Options struct {
	// Website is the partnership's own web address: where the document
	// prints it, it becomes a link, the page's only link away from itself.
	// Only an http or https address is linked.
	Website string
	// Docx is the Word document's file name, named in the footer beside
	// the fingerprint they share ("arrangements.docx"); may be empty.
	Docx string
}

// FromDocx makes the HTML edition of a built .docx: its title and language
// from the document's properties, its fingerprint from the custom
// property, its body from word/document.xml read by paragraph style.
func FromDocx(docx []byte, opts Options) ([]byte, error) {
	main, err := docxzip.Part(docx, "word/document.xml")
	if err != nil {
		return nil, err
	}
	styles, err := docxzip.Part(docx, "word/styles.xml")
	if err != nil && !errors.Is(err, docxzip.ErrNoPart) {
		return nil, err
	}
	core, err := docxzip.Part(docx, "docProps/core.xml")
	if err != nil && !errors.Is(err, docxzip.ErrNoPart) {
		return nil, err
	}
	fp, err := fingerprint.Claimed(docx)
	if err != nil {
		return nil, err
	}
	blocks, err := readBody(main, styleNames(styles), opts.Website, pictures(docx))
	if err != nil {
		return nil, fmt.Errorf("the HTML edition of %s: %w", orDefault(opts.Docx, "the document"), err)
	}
	props, err := readCore(core)
	if err != nil {
		return nil, err
	}
	p := outline(blocks)
	// A page says its language so a screen reader speaks it right
	// (WCAG 3.1.1); the built documents are UK English.
	p.Lang = orDefault(props.Language, "en-GB")
	p.Title = props.Title
	if p.Title == "" {
		p.Title = p.DocumentTitle
	}
	p.Fingerprint = fp
	p.Docx = opts.Docx
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// coreProperties are the properties of docProps/core.xml the page uses.
type coreProperties struct {
	Title    string `xml:"title"`
	Language string `xml:"language"`
}

// readCore reads docProps/core.xml; a package without one has none.
func readCore(core []byte) (coreProperties, error) {
	var c coreProperties
	if len(core) == 0 {
		return c, nil
	}
	if err := xml.Unmarshal(core, &c); err != nil {
		return c, fmt.Errorf("docProps/core.xml: %w", err)
	}
	c.Title, c.Language = strings.TrimSpace(c.Title), strings.TrimSpace(c.Language)
	return c, nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// pictures gives the package's PNG and JPEG pictures by the main part's
// relationship ids, as data URIs.
func pictures(docx []byte) func(string) (template.URL, bool) {
	rels, err := docxzip.Part(docx, "word/_rels/document.xml.rels")
	if err != nil {
		return nil
	}
	targets := map[string]string{}
	for _, m := range relRe.FindAllSubmatch(rels, -1) {
		targets[string(m[1])] = string(m[2])
	}
	return func(id string) (template.URL, bool) {
		t, ok := targets[id]
		if !ok {
			return "", false
		}
		mime := ""
		switch strings.ToLower(path.Ext(t)) {
		case ".png":
			mime = "image/png"
		case ".jpg", ".jpeg":
			mime = "image/jpeg"
		default:
			return "", false
		}
		b, err := docxzip.Part(docx, path.Join("word", t))
		if err != nil {
			return "", false
		}
		return template.URL("data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(b)), true
	}
}

var relRe = regexp.MustCompile(`<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"`)
