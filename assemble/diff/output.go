package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

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
// it has none), and one line per changed section.
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
	var lines []string
	for _, s := range r.Sections {
		if s.ID == "history" {
			continue
		}
		line := sectionSummary(s)
		if !strings.HasPrefix(line, s.Title+" ") { // "Funding for 2019/20 removed" names its section
			line = s.Title + ": " + line
		}
		lines = append(lines, line)
	}
	v.Summary = strings.Join(lines, "\n")
	return v
}

// sectionSummary is one line for a section: its change when there is only
// one, else the changes that matter most (successions, renamings, the
// edition, funding in all) and a count of the rest.
func sectionSummary(s Section) string {
	if len(s.Changes) == 1 {
		return strings.TrimPrefix(s.Changes[0].Text, s.Title+": ")
	}
	var parts []string
	counts := map[string]int{}
	for _, c := range s.Changes {
		switch {
		case c.Kind == "succession":
			parts = append(parts, c.After+" in place of "+c.Before)
		case c.Kind == "renamed":
			parts = append(parts, c.Before+" renamed "+c.After)
		case c.Path == "partnership.edition":
			parts = append(parts, "Working Together "+c.After+" instead of "+c.Before)
		case c.Path == "funding":
			parts = append(parts, c.After+" against "+c.Before)
		default:
			counts[c.Kind]++
		}
	}
	var rest []string
	for _, k := range []struct{ kind, word string }{{"added", "addition"}, {"removed", "removal"}, {"changed", "change"}} {
		if n := counts[k.kind]; n > 0 {
			rest = append(rest, plural(n, k.word))
		}
	}
	if len(rest) > 0 {
		if len(parts) > 0 {
			rest[0] = "also " + rest[0]
		}
		parts = append(parts, format.And(rest))
	}
	return strings.Join(parts, "; ") + "."
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
