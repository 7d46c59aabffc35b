package partnership

import (
	"fmt"
	"path/filepath"
)

// Other packages (mou check) report on the data with the same located
// findings as validation; these give them the key → line index.

// FindingAt returns a finding about path, located at path or, when path is
// not written in the data (a missing field), at its nearest written ancestor
// — the table to extend. With no written ancestor it names the data file.
func (p *Partnership) FindingAt(sev Severity, rule, path, msg, hint string) Finding {
	return p.src.finding(sev, rule, path, msg, hint)
}

// Defined reports whether path itself is written in the data.
func (p *Partnership) Defined(path string) bool { return p.src.defined(path) }

// Files lists the data files the partnership was read from.
func (p *Partnership) Files() []string {
	if p.src == nil {
		return nil
	}
	return append([]string(nil), p.src.files...)
}

// HistoryCopy returns the path of the data file kept for history entry i
// (its data key, relative to the file the entry is written in), "" when
// the entry names none.
func (p *Partnership) HistoryCopy(i int) string {
	if i < 0 || i >= len(p.History) || p.History[i].Data == "" {
		return ""
	}
	rel := filepath.FromSlash(p.History[i].Data)
	if filepath.IsAbs(rel) {
		return rel
	}
	if l, ok := p.src.locate(fmt.Sprintf("history[%d].data", i)); ok {
		return filepath.Join(filepath.Dir(l.file), rel)
	}
	return rel
}
