package redline_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"mou/assemble/documents"
	"mou/assemble/redline"
)

var period = regexp.MustCompile(`^annual-report-[0-9-]+[0-9]`)

// TestChangesCarryNoComments: two versions full of comments (review
// copies: one on every paragraph, numbered from 0 in each, so the same
// ids name different comments; and the draft report's guidance) give a
// changes document with no comment anchor, reference or comments part,
// whose changes still accept to the new version and reject to the old.
func TestChangesCarryNoComments(t *testing.T) {
	reviews := func(path string) map[string][]byte {
		files, err := documents.Plan([]string{path}, documents.Options{Out: "x", Review: true, Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]byte{}
		for _, f := range files {
			// The report's name holds its period, which differs.
			out[period.ReplaceAllString(filepath.Base(f.Path), "annual-report")] = f.Data
		}
		return out
	}
	p := pairs(t)[0]
	old, new := reviews(p.old), reviews(p.new)
	for _, name := range []string{"mou-review.docx", "annual-report-review.docx", "annual-report.docx"} {
		ob, nb := old[name], new[name]
		if ob == nil || nb == nil {
			t.Fatalf("%s was not built", name)
		}
		if !strings.Contains(string(part(t, nb, "word/document.xml")), "w:commentReference") {
			t.Fatalf("%s has no comments to test with", name)
		}
		changes, _, err := redline.Compare(ob, nb, opts)
		if err != nil {
			t.Fatal(err)
		}
		main := string(part(t, changes, "word/document.xml"))
		for _, mark := range []string{"w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"} {
			if strings.Contains(main, mark) {
				t.Errorf("%s: the changes document keeps %s", name, mark)
			}
		}
		for _, n := range partNames(t, changes) {
			if strings.HasPrefix(n, "word/comments") {
				t.Errorf("%s: the changes document keeps %s", name, n)
			}
		}
		for _, n := range []string{"word/_rels/document.xml.rels", "[Content_Types].xml"} {
			if strings.Contains(string(part(t, changes, n)), "comments") {
				t.Errorf("%s: %s still names the comments", name, n)
			}
		}
		checkChanges(t, changes, ob, nb)
	}
}
