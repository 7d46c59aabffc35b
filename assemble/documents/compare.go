package documents

import (
	"fmt"
	"strings"
	"time"

	"mou/assemble/diff"
	"mou/assemble/fingerprint"
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
	path     string   // the earlier version's data
	// history is a warning when the documents changed but the new data's
	// [[history]] records no newer version than the old one's.
	history *partnership.Finding
}

// earlier checks the earlier version's data and whether the new data's
// history records a version after it; it returns the earlier version when
// it can be compared with.
func (c *comparison) earlier(oldPath string, p *partnership.Partnership, opts Options) *partnership.Partnership {
	c.path = oldPath
	old, findings, err := partnership.Check(partnership.Options{Today: opts.Today}, oldPath)
	if err != nil {
		c.other = fmt.Sprintf("%s (the version to compare with): %v", oldPath, err)
		c.summary = []string{"it cannot be read"}
		return nil
	}
	c.findings = findings
	if findings.Failed(false) || old == nil {
		c.summary = []string{"its data has problems (below), so nothing is compared"}
		return nil
	}
	if d := diff.Partnerships(old, p); d.NeedsHistory() {
		today := opts.Today
		if today.IsZero() {
			today = time.Now()
		}
		entry := strings.TrimRight(diff.HistoryTOML(d.HistoryEntry(today)), "\n")
		f := p.FindingAt(partnership.Warning, "history.not-updated", "history",
			fmt.Sprintf("the data changed since the version in %s (%d change(s)), but [[history]] has no version newer than that version's", oldPath, d.Changes()),
			"record the new version; `mou diff --history "+oldPath+" NEW` prints one to paste, such as:\n        "+strings.ReplaceAll(entry, "\n", "\n        "))
		c.history = &f
	}
	return old
}

// compare renders the earlier version's documents of the same kinds from
// the same templates and makes, beside each new document, its changes
// file: the new document with tracked changes against the earlier one.
func (c *comparison) compare(old, p *partnership.Partnership, newDocs map[string]File, kinds []string, tmpls map[string]*wordtemplate.Template) {
	if old == nil {
		return
	}
	_, oldDocs, errs := renderAll(tmpls, old, kinds, false, false)
	if len(errs) > 0 {
		c.errs = errs
		return
	}
	for _, k := range kinds {
		view := NewView(p, k)
		name := fileName(view, k)
		date := view.Document.Date.Time
		if date.IsZero() {
			date = p.Partnership.Date.Time
		}
		changes, sum, err := redline.Compare(oldDocs[k].Data, newDocs[k].Data, redline.Options{Author: Author, Date: date})
		if err == nil {
			// It prints the new document's fingerprint, but is not that
			// document: it claims none of its own, and records both
			// versions' so that mou verify can say what it is.
			from, _ := fingerprint.Claimed(oldDocs[k].Data)
			to, _ := fingerprint.Claimed(newDocs[k].Data)
			changes, err = fingerprint.MarkRedline(changes, from, to)
		}
		if err != nil {
			c.other = fmt.Sprintf("cannot compare %s with the version in %s: %v", name, c.path, err)
			return
		}
		c.files = append(c.files, File{Path: strings.TrimSuffix(name, ".docx") + "-changes.docx", Data: changes})
		if sum.Changed() {
			c.summary = append(c.summary, fmt.Sprintf("%s %d paragraph(s) and %d row(s) changed", k, sum.Paragraphs, sum.Rows))
		} else {
			c.summary = append(c.summary, k+" unchanged")
		}
	}
}
