package documents

import (
	"fmt"
	"strings"
	"time"

	"mou/assemble/diff"
	"mou/assemble/partnership"
	"mou/assemble/redline"
	"mou/assemble/wordtemplate"
)

// Author is the name tracked changes are attributed to.
const Author = "mou"

// comparison is what comparing a partnership with its earlier version gives.
type comparison struct {
	files    []File               // <name>-changes.docx per document
	findings partnership.Findings // of the earlier version's data
	errs     wordtemplate.Errors
	other    string
	summary  []string // per document, what changed, for the progress line
	changed  bool
	// history is a warning when the documents changed but the new data's
	// [[history]] records no newer version than the old one's.
	history *partnership.Finding
}

// compareWith checks the earlier version's data, renders the same documents
// from the same templates and writes, beside each new document, its changes
// file: the new document with tracked changes against the earlier one.
func compareWith(oldPath string, p *partnership.Partnership, newDocs map[string]File, kinds []string, tmpls map[string]*wordtemplate.Template, opts Options) comparison {
	var c comparison
	old, findings, err := partnership.Check(partnership.Options{Today: opts.Today}, oldPath)
	if err != nil {
		c.other = fmt.Sprintf("%s (the version to compare with): %v", oldPath, err)
		return c
	}
	c.findings = findings
	if findings.Failed(false) || old == nil {
		c.summary = []string{"its data has problems (below), so nothing is compared"}
		return c
	}
	_, oldDocs, errs := renderAll(tmpls, old, kinds, false)
	if len(errs) > 0 {
		c.errs = errs
		return c
	}
	for _, k := range kinds {
		view := NewView(p, k)
		name := fileName(view, k)
		date := view.Document.Date.Time
		if date.IsZero() {
			date = p.Partnership.Date.Time
		}
		changes, sum, err := redline.Compare(oldDocs[k].Data, newDocs[k].Data, redline.Options{Author: Author, Date: date})
		if err != nil {
			c.other = fmt.Sprintf("cannot compare %s with the version in %s: %v", name, oldPath, err)
			return c
		}
		c.files = append(c.files, File{Path: strings.TrimSuffix(name, ".docx") + "-changes.docx", Data: changes})
		if sum.Changed() {
			c.changed = true
			c.summary = append(c.summary, fmt.Sprintf("%s %d paragraph(s) and %d row(s) changed", k, sum.Paragraphs, sum.Rows))
		} else {
			c.summary = append(c.summary, k+" unchanged")
		}
	}
	if d := diff.Partnerships(old, p); c.changed && d.NeedsHistory() {
		today := opts.Today
		if today.IsZero() {
			today = time.Now()
		}
		entry := strings.TrimRight(diff.HistoryTOML(d.HistoryEntry(today)), "\n")
		f := p.FindingAt(partnership.Warning, "history.not-updated", "history",
			fmt.Sprintf("the documents differ from the version in %s (%d change(s) in the data), but [[history]] has no version newer than that version's", oldPath, d.Changes()),
			"record the new version; `mou diff --history "+oldPath+" NEW` prints one to paste, such as:\n        "+strings.ReplaceAll(entry, "\n", "\n        "))
		c.history = &f
	}
	return c
}
