// Package check answers, item by item, whether a partnership's documents
// meet the statutory guidance: `mou check`.
//
// For one partnership the data flows:
//
//	data files ─ partnership.Check ─▶ model (invalid data stops here: its
//	           errors are the result, as with build)
//	items.toml ─ items ─▶ the edition's items; each is
//	   not applicable (edition, dates, a condition of the data), or
//	   looked for in the data (needs: each miss located at file:line; a
//	   placeholder name counts as missing), then in the document rendered
//	   in memory (documents.Render: the section's heading is present, the
//	   section is not empty nor prompts only, it prints the data)
//	─▶ Result: one Outcome per item, met / missing / not applicable
//
// Only the data meets an item: the template's general wording is the same
// for every partnership, so every item of items.toml has needs.
//
// Nothing is written. Because the documents are rendered with the templates
// that build would use (the defaults, or --templates), a section a user
// deleted from a template is found missing.
package check

import (
	"fmt"
	"os"
	"strings"
	"time"

	"mou/assemble/check/items"
	"mou/assemble/documents"
	"mou/assemble/partnership"
)

// Options tune a check.
type Options struct {
	// Edition checks against another edition of Working Together than the
	// data's (2018 or 2023); 0 keeps the data's. The documents are rendered
	// as that edition would have them.
	Edition int
	// Templates is a folder whose .docx files replace the default templates,
	// as for build.
	Templates string
	// Today is the date validation measures "in the future" against.
	Today time.Time
	// Items replaces the embedded item table (tests; nil for items.toml).
	Items []items.Item
}

// Status is an item's outcome.
type Status string

// Statuses.
const (
	Met           Status = "met"
	Missing       Status = "missing"
	NotApplicable Status = "not applicable"
)

// Outcome is one item checked against one partnership.
type Outcome struct {
	ID     string `json:"id"`
	Group  string `json:"group"`
	Level  string `json:"level"`
	About  string `json:"about"`
	Source string `json:"source"`
	Status Status `json:"status"`
	// Why says why an item is not applicable, or what is missing.
	Why string `json:"why,omitempty"`
	// Data is where the data carries a met item.
	Data []Place `json:"data,omitempty"`
	// Document is the document that carries the item, Section the heading
	// found in it and Template the template it was rendered from.
	Document string `json:"document"`
	Section  string `json:"section,omitempty"`
	Template string `json:"template,omitempty"`
	// Add holds, for a missing item, each place to change and what to write.
	Add partnership.Findings `json:"add,omitempty"`
}

// Place is a value in the data file.
type Place struct {
	Path string `json:"path"`
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

func (p Place) String() string {
	if p.File == "" {
		return p.Path
	}
	if p.Line == 0 {
		return fmt.Sprintf("%s (%s)", p.Path, p.File)
	}
	return fmt.Sprintf("%s (%s:%d)", p.Path, p.File, p.Line)
}

// Result is one partnership's check.
type Result struct {
	Path         string `json:"path"`
	Name         string `json:"partnership,omitempty"`
	Edition      int    `json:"edition,omitempty"`
	EditionTitle string `json:"edition_title,omitempty"`
	// Invalid holds the data's errors: invalid data builds no documents,
	// so it is not checked (run mou validate).
	Invalid partnership.Findings `json:"invalid,omitempty"`
	Items   []Outcome            `json:"items"`
}

// Run checks the partnership at path (a data file, or a folder of data
// files merged). The error is for files or templates that cannot be read.
func Run(path string, opts Options) (*Result, error) {
	if opts.Templates != "" {
		// A mistyped folder would quietly check the defaults instead.
		if st, err := os.Stat(opts.Templates); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("the templates folder %s does not exist: check the path given to --templates", opts.Templates)
		}
	}
	p, findings, err := partnership.Check(partnership.Options{Today: opts.Today}, path)
	if err != nil {
		return nil, err
	}
	if p == nil || findings.Errors() > 0 {
		var errs partnership.Findings
		for _, f := range findings {
			if f.Severity == partnership.Error {
				errs = append(errs, f)
			}
		}
		return &Result{Path: path, Invalid: errs, Items: []Outcome{}}, nil
	}
	return Partnership(path, p, opts)
}

// RunAll is Run, followed, for a pan-area executive, by a result for each
// of its local partnerships: each publishes its own documents, so each is
// checked against the guidance on its own.
func RunAll(path string, opts Options) ([]*Result, error) {
	r, err := Run(path, opts)
	if err != nil || len(r.Invalid) > 0 {
		return []*Result{r}, err
	}
	out := []*Result{r}
	p, _, err := partnership.Check(partnership.Options{Today: opts.Today}, path)
	if err != nil || p == nil {
		return out, err
	}
	for i := range p.Locals {
		lr, err := Partnership(path+" › "+p.Locals[i].Name, p.Local(i), opts)
		if err != nil {
			return out, err
		}
		out = append(out, lr)
	}
	return out, nil
}

// Partnership checks a loaded partnership that has passed validation.
func Partnership(path string, p *partnership.Partnership, opts Options) (*Result, error) {
	if opts.Edition != 0 {
		if _, ok := partnership.Editions[opts.Edition]; !ok {
			return nil, fmt.Errorf("there is no edition %d of Working Together: choose 2018 or 2023", opts.Edition)
		}
		p.Partnership.Edition = opts.Edition
	}
	list := opts.Items
	if list == nil {
		list = items.All()
	}
	ed := p.EditionInfo()
	c := &checker{p: p, path: path, opts: opts, docs: map[string]*rendered{}}
	r := &Result{Path: path, Name: p.Partnership.Name, Edition: ed.Year, EditionTitle: ed.Title, Items: []Outcome{}}
	for _, g := range items.Groups {
		for _, it := range list {
			if it.Group != g || !it.InEdition(ed.Year) {
				continue
			}
			o, err := c.item(it)
			if err != nil {
				return nil, err
			}
			r.Items = append(r.Items, o)
		}
	}
	return r, nil
}

type checker struct {
	p    *partnership.Partnership
	path string // the argument: a data file or a folder of them
	opts Options
	docs map[string]*rendered
}

type rendered struct {
	outline  outline
	template string
}

// doc renders a document once per check.
func (c *checker) doc(kind string) (*rendered, error) {
	if d, ok := c.docs[kind]; ok {
		return d, nil
	}
	b, from, err := documents.Render(c.p, kind, c.opts.Templates)
	if err != nil {
		return nil, fmt.Errorf("cannot render the %s to check it: %w", kind, err)
	}
	o, err := readOutline(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", from, err)
	}
	d := &rendered{outline: o, template: from}
	c.docs[kind] = d
	return d, nil
}

func (c *checker) item(it items.Item) (Outcome, error) {
	o := Outcome{ID: it.ID, Group: it.Group, Level: it.Level, About: it.About, Source: it.Source, Document: it.Document}
	if why := it.NotApplicable(c.p); why != "" {
		o.Status, o.Why = NotApplicable, why
		return o, nil
	}
	sev := partnership.Warning
	if it.Level == items.Must {
		sev = partnership.Error
	}
	missing := func(why string, add ...partnership.Finding) (Outcome, error) {
		o.Status, o.Why, o.Add = Missing, why, add
		return o, nil
	}

	// The data first: a missing fact is fixed in the data file.
	// Every item has needs (items.Parse): the template's wording is the
	// same for every partnership, so only the data can meet an item.
	var evidence []items.Value
	var add partnership.Findings
	said := map[string]bool{}
	for i, raw := range it.Needs {
		n, err := parseNeed(raw)
		if err != nil {
			return o, fmt.Errorf("items.toml, %s: %w", it.ID, err)
		}
		ev, misses := n.eval(c.p)
		evidence = append(evidence, ev...)
		for _, m := range misses {
			hint := "add " + it.AddFor(i)
			if said[m.path+"\x00"+m.msg+"\x00"+hint] {
				continue // two needs stopped at the same missing table
			}
			said[m.path+"\x00"+m.msg+"\x00"+hint] = true
			f := c.p.FindingAt(sev, it.ID, m.path, m.msg, hint)
			if f.File == "" {
				// A table none of a folder's files has: add it to any of them.
				f.File = c.path
			}
			add = append(add, f)
		}
	}
	if len(add) > 0 {
		return missing("not in the data", add...)
	}
	// Evidence is supporting detail: where else the data speaks to the item
	// (the section's own wording), shown after what meets it.
	for _, pattern := range it.Evidence {
		found, _ := items.Resolve(c.p, pattern)
		for _, f := range found {
			if blank, _ := items.Blank(f); !blank {
				evidence = append(evidence, f)
			}
		}
	}
	for _, e := range evidence {
		f := c.p.FindingAt(sev, it.ID, e.Path, "", "")
		o.Data = appendPlace(o.Data, Place{Path: e.Path, File: f.File, Line: f.Line})
	}

	// Then the document as it will be published.
	d, err := c.doc(it.Document)
	if err != nil {
		return o, err
	}
	o.Template = d.template
	templateFinding := func(msg, hint string) partnership.Finding {
		return partnership.Finding{Severity: sev, Rule: it.ID, File: d.template, Message: msg, Hint: hint}
	}
	sec, ok := d.outline.find(it.Headings)
	if !ok {
		msg := fmt.Sprintf("the %s has no section headed %q", it.Document, it.Headings[0])
		return missing(msg, templateFinding(msg, "put the section back in the template, or remove your copy to use the default"))
	}
	o.Section = sec.heading
	if sec.empty() {
		msg := fmt.Sprintf("the section %q of the %s is empty", sec.heading, it.Document)
		return missing(msg, templateFinding(msg, "put the section's text back in the template"))
	}
	for _, entry := range it.Shows {
		if path, val, ok := c.printed(entry, sec.text()); !ok {
			msg := fmt.Sprintf("the section %q of the %s does not print %s (%q)", sec.heading, it.Document, path, val)
			return missing(msg, templateFinding(msg, "put the tag that prints it back in the template's section"))
		}
	}
	if sec.promptsOnly() {
		// The data is there but the section prints only its prompts: the
		// template has lost the tag that prints the partnership's wording.
		msg := fmt.Sprintf("the section %q of the %s holds only prompts, though the data has its wording", sec.heading, it.Document)
		return missing(msg, templateFinding(msg, "put back the tag that prints the section's [text] in the template, or remove your copy to use the default"))
	}
	o.Status = Met
	return o, nil
}

func appendPlace(ps []Place, p Place) []Place {
	for _, q := range ps {
		if q.Path == p.Path {
			return ps
		}
	}
	return append(ps, p)
}

// printed reports whether the section's text prints the entry's data: for
// some alternative, every one of its text values. It returns the first
// value not printed otherwise.
func (c *checker) printed(entry, sectionText string) (path, val string, ok bool) {
	hay := strings.ToLower(strings.Join(strings.Fields(sectionText), " "))
	anyValues := false
	for _, alt := range strings.Split(entry, "|") {
		found, _ := items.Resolve(c.p, strings.TrimSpace(alt))
		var texts []items.Value
		for _, f := range found {
			if _, isString := f.V.Interface().(string); isString {
				texts = append(texts, f)
			}
		}
		if len(texts) == 0 {
			continue
		}
		anyValues = true
		all := true
		for _, t := range texts {
			if !strings.Contains(hay, strings.ToLower(strings.Join(strings.Fields(t.V.String()), " "))) {
				all = false
				if path == "" {
					path, val = t.Path, t.V.String()
				}
				break
			}
		}
		if all {
			return "", "", true
		}
	}
	return path, val, !anyValues
}
