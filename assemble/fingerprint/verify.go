package fingerprint

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"mou/assemble/internal/docxzip"
	"mou/assemble/wordtemplate"
)

// Result is what verifying one file found.
type Result struct {
	Path     string
	Title    string // the document's title, from its properties
	Claimed  string // the fingerprint the file carries ("" when none)
	Computed string // recomputed from its content
	// Version is the canonical form the claimed fingerprint was made
	// with (Current, or an older one that still matches).
	Version int
	AsBuilt bool // content and claimed fingerprint agree
	// Redline is set for a tracked-changes document (mou build --compare)
	// whose changes are still tracked: it is neither version.
	Redline *Redline
	// Became says what a tracked-changes document became once saved with
	// its changes all "accepted" (the new version) or all "rejected".
	Became  string
	Problem string // why it is not as built, or could not be checked
	// Endorsements are the endorsement pages the file holds, each checked
	// against the document it endorses.
	Endorsements []Endorsement
}

// Endorsement is one endorsement page's reference to the document it
// endorses, and whether that document is the one beside it.
type Endorsement struct {
	Page        int    // 1 for the first endorsement in the file
	Document    string // the endorsed document's title
	Version     string
	Date        string
	Fingerprint string
	Against     string // the file it was checked against, "" when none was found
	Matches     bool
	// Unchecked is set when the endorsed document was neither given nor
	// found: the page could not be checked, which is not a mismatch.
	Unchecked bool
	Problem   string
}

// OK reports whether the file is as built and every endorsement in it
// matches its document.
func (r Result) OK() bool {
	if r.Redline != nil {
		return r.Redline.OK()
	}
	if !r.AsBuilt {
		return false
	}
	for _, e := range r.Endorsements {
		if !e.Matches {
			return false
		}
	}
	return true
}

// Verify checks each file (a built .docx, or a PDF made from one): whether
// its content still has the fingerprint it was built with, and, for
// endorsement pages, whether the document each endorses — among the files
// given, else mou.docx or arrangements.docx (or .pdf) in the same folder —
// is the version and content it names.
func Verify(paths []string) []Result {
	results := make([]Result, len(paths))
	for i, p := range paths {
		results[i] = verifyFile(p)
	}
	// The documents given, by folder and title, then by folder, title and
	// kind of file: endorsement pages in a PDF are checked against the PDF
	// of the document when there is one.
	byTitle := map[string]*Result{}
	given := map[string][]*Result{} // any folder: a file given is checked as given
	for i := range results {
		if t := documentTitle(results[i].Title); t != "" && len(results[i].Endorsements) == 0 && results[i].Redline == nil {
			byTitle[folderKey(results[i].Path, t)] = &results[i]
			byTitle[folderKey(results[i].Path, t)+filepath.Ext(results[i].Path)] = &results[i]
			given[t] = append(given[t], &results[i])
		}
	}
	for i := range results {
		r := &results[i]
		for j := range r.Endorsements {
			e := &r.Endorsements[j]
			target := byTitle[folderKey(r.Path, e.Document)+filepath.Ext(r.Path)]
			if target == nil {
				target = byTitle[folderKey(r.Path, e.Document)]
			}
			if target == nil {
				target = givenFor(given[e.Document], filepath.Ext(r.Path))
			}
			if target == nil {
				target = besideFor(r.Path, e.Document)
			}
			if target == nil {
				e.Unchecked = true
				e.Problem = fmt.Sprintf("could not check: no %q was given or found beside it in %s: give that document to mou verify too", e.Document, filepath.Dir(r.Path))
				continue
			}
			e.Against = target.Path
			switch {
			case target.Claimed == "":
				e.Problem = fmt.Sprintf("%s carries no fingerprint", target.Path)
			case e.Fingerprint != target.Claimed:
				e.Problem = fmt.Sprintf("it endorses fingerprint %s, but %s is %s: another version, or changed since", e.Fingerprint, target.Path, target.Claimed)
			case !target.AsBuilt:
				e.Problem = fmt.Sprintf("%s was changed after it was built", target.Path)
			default:
				e.Matches = true
			}
		}
	}
	return results
}

// Unchecked reports whether something in the file could not be checked
// (an endorsed document neither given nor found) while nothing checked is
// wrong.
func (r Result) Unchecked() bool {
	if r.Redline != nil || !r.AsBuilt {
		return false
	}
	unchecked := false
	for _, e := range r.Endorsements {
		if !e.Matches && !e.Unchecked {
			return false
		}
		unchecked = unchecked || e.Unchecked
	}
	return unchecked
}

// givenFor picks, among the files given with the endorsed title in other
// folders, the one to check against: of the endorsement's kind of file
// when there are several.
func givenFor(rs []*Result, ext string) *Result {
	for _, r := range rs {
		if strings.EqualFold(filepath.Ext(r.Path), ext) {
			return r
		}
	}
	if len(rs) > 0 {
		return rs[0]
	}
	return nil
}

// documentTitle is a file's title as an endorsement page names the
// document: "Memorandum of Understanding", where the file's properties
// say "Memorandum of Understanding — Herefordshire …".
func documentTitle(t string) string {
	t, _, _ = strings.Cut(t, " — ")
	return t
}

// folderKey pairs a title with the folder its file is in.
func folderKey(path, title string) string {
	abs, _ := filepath.Abs(filepath.Dir(path))
	return abs + "\x00" + title
}

// besideFor looks for the endorsed document next to the endorsement pages.
func besideFor(path, title string) *Result {
	dir := filepath.Dir(path)
	names := []string{"mou.docx", "arrangements.docx", "mou.pdf", "arrangements.pdf"}
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		names = append(names[2:], names[:2]...)
	}
	for _, name := range names {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err != nil {
			continue
		}
		r := verifyFile(p)
		if documentTitle(r.Title) == title {
			return &r
		}
	}
	return nil
}

func verifyFile(path string) Result {
	r := Result{Path: path}
	var words []string
	var footers []string
	var repeats [][2]int
	// older gives the words as an older version of the canonical form
	// reads them, for a code made before the current one.
	older := func(v int) []string { return words }
	// Only regular files of a plausible size: a device, a pipe or a folder
	// named by mistake must not hang or exhaust the check.
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		r.Problem = "not a regular file: give the path of a built .docx or of a PDF converted from one"
		return r
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx":
		b, err := wordtemplate.ReadFile(path)
		if err != nil {
			r.Problem = err.Error()
			return r
		}
		if words, err = Words(b); err != nil {
			r.Problem = fmt.Sprintf("not a readable Word document: %v", err)
			return r
		}
		older = func(v int) []string {
			main, err := docxzip.Part(b, "word/document.xml")
			if err != nil {
				return nil
			}
			ws, _ := mainWords(main, v)
			return ws
		}
		r.Claimed, _ = Claimed(b)
		r.Title = docxTitle(b)
		rl := redlineOf(b)
		if main, err := docxzip.Part(b, "word/document.xml"); err == nil && revisionRe.Match(main) {
			if rl != nil {
				r.Redline = rl
				r.Endorsements = endorsements(words)
				return r
			}
			r.Problem = "it holds tracked changes (edited with Track Changes on): verify the built document, or accept or reject the changes first"
			return r
		}
		if rl != nil && r.Claimed == "" {
			// A tracked-changes document saved with its changes all
			// accepted is the new version; all rejected, the earlier one.
			switch {
			case FromWords(words, rl.To) == rl.To:
				r.Claimed, r.Became = rl.To, "accepted"
			case FromWords(words, rl.From) == rl.From:
				r.Claimed, r.Became = rl.From, "rejected"
			default:
				r.Claimed = rl.To
			}
		}
		if r.Became == "rejected" {
			break // its footers still print the new version's fingerprint
		}
		if f, err := docxzip.Part(b, "word/footer1.xml"); err == nil {
			footers = []string{string(f)}
		}
	case ".pdf":
		pdf, err := ReadPDF(path)
		if err != nil {
			r.Problem = err.Error()
			return r
		}
		words, repeats = pdf.Words()
		r.Title = pdf.Title
		for _, p := range pdf.Pages {
			footers = append(footers, p.FooterText())
		}
	default:
		r.Problem = "neither a .docx nor a .pdf"
		return r
	}
	// The footers print the fingerprint too: each must agree.
	for _, f := range footers {
		for _, fp := range Find(f) {
			switch {
			case r.Claimed == "":
				r.Claimed = fp
			case fp != r.Claimed && r.Problem == "":
				r.Problem = fmt.Sprintf("a footer prints fingerprint %s but the document carries %s", fp, r.Claimed)
			}
		}
	}
	r.Endorsements = endorsements(words)
	if r.Claimed == "" {
		r.Problem = "carries no fingerprint: not built by mou, or by a version of it before fingerprints"
		return r
	}
	r.Computed, r.Version = FromWords(words, r.Claimed), Current
	if r.Computed != r.Claimed {
		// A table's header row printed again at the top of a page is not
		// in the document: try leaving out each such repeat.
		if fp, ok := withoutRepeats(words, repeats, r.Claimed, Current); ok {
			r.Computed = fp
		}
	}
	// A code made by an older canonical form is checked by that form.
	for v := Current - 1; v >= oldest && r.Computed != r.Claimed; v-- {
		ws := older(v)
		if fp := fromWords(ws, r.Claimed, v); fp == r.Claimed {
			r.Computed, r.Version = fp, v
		} else if fp, ok := withoutRepeats(ws, repeats, r.Claimed, v); ok {
			r.Computed, r.Version = fp, v
		}
	}
	if r.Computed != r.Claimed {
		r.Computed, r.Version = FromWords(words, r.Claimed), Current
	}
	if r.Computed != r.Claimed && r.Problem == "" {
		r.Problem = fmt.Sprintf("its content has fingerprint %s, not the %s it was built with: it was changed afterwards", r.Computed, r.Claimed)
	}
	r.AsBuilt = r.Problem == ""
	return r
}

// withoutRepeats tries leaving out every combination of the candidate
// repeated lines (at most 2^12 of them) and reports the first that gives
// the claimed fingerprint.
func withoutRepeats(words []string, repeats [][2]int, claimed string, v int) (string, bool) {
	if len(repeats) == 0 {
		return "", false
	}
	n := min(len(repeats), 12)
	for mask := 1; mask < 1<<n; mask++ {
		var kept []string
		from := 0
		for i := 0; i < n; i++ {
			if mask&(1<<i) != 0 {
				kept = append(kept, words[from:repeats[i][0]]...)
				from = repeats[i][1]
			}
		}
		kept = append(kept, words[from:]...)
		if fp := fromWords(kept, claimed, v); fp == claimed {
			return fp, true
		}
	}
	return "", false
}

var revisionRe = regexp.MustCompile(`<w:(ins|del) `)

var titleRe = regexp.MustCompile(`<dc:title>([^<]*)</dc:title>`)

func docxTitle(docx []byte) string {
	core, err := docxzip.Part(docx, "docProps/core.xml")
	if err != nil {
		return ""
	}
	if m := titleRe.FindSubmatch(core); m != nil {
		return xmlUnescape(string(m[1]))
	}
	return ""
}

var xmlUnescape = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace

// endorsementRe reads an endorsement page's reference: "Endorsement of the
// TITLE Version V, DATE · Fingerprint XXXX-XXXX", the date plain or with
// an ordinal day (the data's date_style).
var endorsementRe = regexp.MustCompile(`Endorsement of the (.+?) (?:Version (\S+), )?((?:\d{1,2}(?:st|nd|rd|th)? )?(?:[A-Z][a-z]+ )?\d{4}) · Fingerprint ([0-9A-Z]{4}-[0-9A-Z]{4})?`)

func endorsements(words []string) []Endorsement {
	var out []Endorsement
	for i, m := range endorsementRe.FindAllStringSubmatch(strings.Join(words, " "), -1) {
		out = append(out, Endorsement{Page: i + 1, Document: m[1], Version: m[2], Date: m[3], Fingerprint: m[4]})
	}
	return out
}

// WriteText reports results, one file to a paragraph.
func WriteText(w io.Writer, results []Result) {
	for _, r := range results {
		switch {
		case r.Redline != nil && r.Redline.OK():
			fmt.Fprintf(w, "%s: tracked changes from fingerprint %s to %s: accepting every change gives %s, rejecting every change gives %s\n", r.Path, r.Redline.From, r.Redline.To, r.Redline.To, r.Redline.From)
		case r.Redline != nil:
			fmt.Fprintf(w, "%s: NOT as made: tracked changes from fingerprint %s to %s, but accepting every change gives %s and rejecting every change gives %s: it was changed after it was made\n", r.Path, r.Redline.From, r.Redline.To, r.Redline.Accepted, r.Redline.Rejected)
		case r.AsBuilt && r.Became == "accepted":
			fmt.Fprintf(w, "%s: as built, fingerprint %s: the new version, its tracked changes all accepted\n", r.Path, r.Claimed)
		case r.AsBuilt && r.Became == "rejected":
			fmt.Fprintf(w, "%s: as built, fingerprint %s: the earlier version, its tracked changes all rejected\n", r.Path, r.Claimed)
		case r.AsBuilt && r.Version != 0 && r.Version < Current:
			fmt.Fprintf(w, "%s: as built, fingerprint %s (made by version %d of the fingerprint's canonical form)\n", r.Path, r.Claimed, r.Version)
		case r.AsBuilt:
			fmt.Fprintf(w, "%s: as built, fingerprint %s\n", r.Path, r.Claimed)
		default:
			fmt.Fprintf(w, "%s: NOT as built: %s\n", r.Path, r.Problem)
		}
		for _, e := range r.Endorsements {
			ref := e.Document
			if e.Version != "" {
				ref += " version " + e.Version
			}
			ref += " of " + e.Date + ", fingerprint " + e.Fingerprint
			if e.Matches {
				fmt.Fprintf(w, "  endorsement %d: %s — matches %s\n", e.Page, ref, e.Against)
			} else if e.Unchecked {
				fmt.Fprintf(w, "  endorsement %d: %s — COULD NOT CHECK: %s\n", e.Page, ref, strings.TrimPrefix(e.Problem, "could not check: "))
			} else {
				fmt.Fprintf(w, "  endorsement %d: %s — DOES NOT MATCH: %s\n", e.Page, ref, e.Problem)
			}
		}
	}
}
