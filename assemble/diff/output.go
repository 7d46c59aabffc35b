package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"mou/assemble/format"
	"mou/assemble/partnership"
)

// WriteText writes the report for a person: a heading per section in the
// documents' order, a line per change, and a count.
func (r Report) WriteText(w io.Writer) error {
	if r.Empty() {
		_, err := fmt.Fprintln(w, "no changes")
		return err
	}
	for i, s := range r.Sections {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, s.Title)
		for _, c := range s.Changes {
			fmt.Fprintf(w, "  - %s\n", c.Text)
		}
	}
	_, err := fmt.Fprintf(w, "\n%s in %s\n", plural(r.Changes(), "change"), plural(len(r.Sections), "section"))
	return err
}

// WriteJSON writes the report as data: {"changes": N, "sections": [...]}.
func (r Report) WriteJSON(w io.Writer) error {
	out := struct {
		Changes  int       `json:"changes"`
		Sections []Section `json:"sections"`
	}{r.Changes(), r.Sections}
	if out.Sections == nil {
		out.Sections = []Section{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// NeedsHistory reports whether something changed but the new data's
// [[history]] has no version newer than the old data's: the documents would
// then carry changes their history does not record.
func (r Report) NeedsHistory() bool {
	if r.Empty() || r.old == nil || r.new == nil {
		return false
	}
	if r.onlyHistory() {
		return false
	}
	return compareVersions(latestVersion(r.new.History), latestVersion(r.old.History)) <= 0
}

func (r Report) onlyHistory() bool {
	return len(r.Sections) == 1 && r.Sections[0].ID == "history"
}

// HistoryEntry is a ready [[history]] entry for the new data: the version
// after the latest either version records, the new data's date (today when
// it has none), and a summary in sentences fit for the document history
// table (historySummary).
func (r Report) HistoryEntry(today time.Time) partnership.Version {
	v := partnership.Version{Version: "1.0"}
	if r.old != nil && r.new != nil {
		latest := latestVersion(r.old.History)
		if n := latestVersion(r.new.History); compareVersions(n, latest) > 0 {
			latest = n
		}
		if latest != "" {
			v.Version = nextVersion(latest)
		}
		v.Date = r.new.Partnership.Date
	}
	if v.Date.IsZero() {
		v.Date = partnership.NewDate(today.Year(), today.Month(), today.Day())
	}
	v.Summary = r.historySummary()
	return v
}

// VersionNote says how HistoryEntry chose its version number, for the
// person pasting it: the next major version after the highest either
// version of the data records (never one already taken), and, when the new
// data already records a newer version than the old, that these changes
// may be recorded already.
func (r Report) VersionNote(v partnership.Version) string {
	if r.old == nil || r.new == nil {
		return ""
	}
	o, n := latestVersion(r.old.History), latestVersion(r.new.History)
	latest := o
	if compareVersions(n, o) > 0 {
		latest = n
	}
	if latest == "" {
		return fmt.Sprintf("Version %s: neither version of the data records a version yet.", v.Version)
	}
	s := fmt.Sprintf("Version %s is the next major version after %s, the highest either version of the data records.", v.Version, latest)
	if compareVersions(n, o) > 0 {
		s += fmt.Sprintf("\nThe new data already records version %s, newer than the old data's: if that entry records these changes, leave this one out.", n)
	}
	return s
}

// HistoryText is what mou diff --history prints: the entry HistoryEntry
// makes, after VersionNote as TOML comments, so that all of it pastes.
func (r Report) HistoryText(today time.Time) string {
	v := r.HistoryEntry(today)
	var b strings.Builder
	if note := r.VersionNote(v); note != "" {
		for _, line := range strings.Split(note, "\n") {
			b.WriteString("# " + line + "\n")
		}
	}
	b.WriteString(HistoryTOML(v))
	return b.String()
}

// historySummary is what a partnership could print in its document
// history table: a sentence for each change that matters most (the
// edition, a partner that came, went or took another's place, the funding
// in all), then the sections otherwise updated. It names bodies, never ids.
func (r Report) historySummary() string {
	var sentences, updated []string
	for _, s := range r.Sections {
		if s.ID == "history" {
			continue
		}
		other := false
		for _, c := range s.Changes {
			if h := highlight(c); h != "" {
				sentences = append(sentences, h)
			} else {
				other = true
			}
		}
		if other {
			updated = append(updated, lowerFirst(s.Title))
		}
	}
	if len(updated) > 0 {
		lead := "Also updated: "
		if len(sentences) == 0 {
			lead = "Updated: "
		}
		sentences = append(sentences, lead+format.And(updated)+".")
	}
	return strings.Join(sentences, " ")
}

// highlight is the sentence of the history summary for a change that
// matters to a reader of the documents; "" for the others.
func highlight(c Change) string {
	partner := strings.HasPrefix(c.Path, "partners[") && !strings.Contains(c.Path, "].")
	switch {
	case c.Kind == "succession":
		return "The partners now include " + c.After + " in place of " + c.Before + "."
	case c.Kind == "renamed":
		return c.Before + " is now named " + c.After + "."
	case partner && c.Kind == "added":
		return c.After + " becomes a partner."
	case partner && c.Kind == "removed":
		return c.Before + " is no longer a partner."
	case c.Path == "partnership.edition":
		o, _ := strconv.Atoi(c.Before)
		n, _ := strconv.Atoi(c.After)
		if e, ok := partnership.Editions[n]; ok {
			return fmt.Sprintf("The arrangements follow %s instead of the %d edition.", e.Title, o)
		}
		return fmt.Sprintf("The arrangements follow the %d edition of Working Together instead of the %d edition.", n, o)
	case c.Path == "funding":
		ny, nt, ok1 := strings.Cut(c.After, " ")
		oy, ot, ok2 := strings.Cut(c.Before, " ")
		if ok1 && ok2 {
			return fmt.Sprintf("Funding for %s: %s in all (%s in %s).", ny, nt, ot, oy)
		}
	}
	return ""
}

// lowerFirst begins a section title in lower case for the middle of a
// sentence, unless it begins with an abbreviation.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// HistoryTOML prints a [[history]] entry to paste into the data file.
func HistoryTOML(v partnership.Version) string {
	var b strings.Builder
	b.WriteString("[[history]]\n")
	fmt.Fprintf(&b, "version = %s\n", strconv.Quote(v.Version))
	fmt.Fprintf(&b, "date = %s\n", tomlDate(v.Date))
	if strings.Contains(v.Summary, "\n") {
		fmt.Fprintf(&b, "summary = \"\"\"\n%s\n\"\"\"\n", strings.ReplaceAll(strings.ReplaceAll(v.Summary, `\`, `\\`), `"""`, `\"\"\"`))
	} else {
		fmt.Fprintf(&b, "summary = %s\n", strconv.Quote(v.Summary))
	}
	if v.Document != "" {
		fmt.Fprintf(&b, "document = %s\n", strconv.Quote(v.Document))
	}
	return b.String()
}

// tomlDate writes a date as the data file does: bare to the day, quoted
// for a month or a year.
func tomlDate(d partnership.Date) string {
	switch d.Precision {
	case partnership.Month:
		return `"` + d.Time.Format("2006-01") + `"`
	case partnership.Year:
		return `"` + d.Time.Format("2006") + `"`
	}
	return d.Time.Format("2006-01-02")
}

// latestVersion returns the highest version number in a history.
func latestVersion(h []partnership.Version) string {
	latest := ""
	for _, v := range h {
		if compareVersions(v.Version, latest) > 0 {
			latest = v.Version
		}
	}
	return latest
}

// compareVersions orders dotted version numbers ("1.10" after "1.9"); an
// empty version comes first.
func compareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	if a == "" {
		pa = nil
	}
	if b == "" {
		pb = nil
	}
	for i := 0; i < len(pa) || i < len(pb); i++ {
		var x, y int
		if i < len(pa) {
			x, _ = strconv.Atoi(strings.TrimSpace(pa[i]))
		} else {
			x = -1
		}
		if i < len(pb) {
			y, _ = strconv.Atoi(strings.TrimSpace(pb[i]))
		} else {
			y = -1
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// nextVersion raises the major number: "1.0" → "2.0", "2.3" → "3.0", "4" → "5".
// A new version of the arrangements is a new agreement for the signatories.
func nextVersion(v string) string {
	parts := strings.Split(v, ".")
	n, err := strconv.Atoi(strings.TrimSpace(parts[0]))
	if err != nil {
		return v + ".1"
	}
	if len(parts) == 1 {
		return strconv.Itoa(n + 1)
	}
	return strconv.Itoa(n+1) + ".0"
}
