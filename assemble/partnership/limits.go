package partnership

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"mou/assemble/internal/tags"
	"mou/assemble/tomlindex"
)

// Limits on what mou reads. Each is far above what any real partnership
// writes (the largest example file is 9 KB, nests 5 levels deep and names
// 6 partners) and low enough that no file can exhaust memory or time: the
// TOML decoder's cost grows with the square of the nesting depth, so depth
// and key size are checked by a cheap scan before it runs.
const (
	// MaxFileBytes is the largest data file read.
	MaxFileBytes = 1 << 20
	// MaxDepth bounds nesting: the parts of a [table] header, plus the parts
	// of a dotted key, plus the arrays and inline tables a value is inside.
	MaxDepth = 16
	// MaxKeyBytes is the longest single part of a key.
	MaxKeyBytes = 128
	// MaxNameRunes is the longest name, title, label or id, in characters.
	MaxNameRunes = 300
	// MaxParagraphRunes is the longest other text field (a purpose, a
	// rationale, a note), in characters.
	MaxParagraphRunes = 5000
	// MaxSectionRunes is the longest local wording of a section ([text]).
	MaxSectionRunes = 50000
	// MaxPartners is the most statutory partners a partnership may name.
	MaxPartners = 50
	// MaxItems is the most entries of any other list (relevant agencies,
	// funding rows, members, milestones…).
	MaxItems = 500
	// MaxFindings is the most findings reported for one partnership; the
	// rest are counted in a last one.
	MaxFindings = 200
	// excerptRunes is the widest excerpt of a line a message shows.
	excerptRunes = 100
	// maxMessageRunes is the longest message text kept.
	maxMessageRunes = 400
)

// nameKeys are the fields held to MaxNameRunes.
var nameKeys = map[string]bool{
	"name": true, "short_name": true, "title": true, "area": true, "organisation": true, "signatory": true,
	"label": true, "id": true, "partner": true, "agency": true, "kind": true, "sector": true, "year": true,
	"chair": true, "unit": true, "arrangements_title": true, "website": true,
}

// scanLimits checks nesting depth and key sizes in one pass over the text,
// without decoding it, and returns a finding at the first place a limit is
// passed. Malformed text is left for the decoder to report.
func (s *sources) scanLimits(file, text string) Findings {
	sc := limitScanner{text: text, line: 1}
	if msg, hint := sc.run(); msg != "" {
		f := Finding{Severity: Error, Rule: "data.limit", File: file, Line: sc.errLine, Col: sc.errCol, Message: msg, Hint: hint}
		f.source = s.line(file, f.Line)
		return Findings{f}
	}
	return nil
}

type limitScanner struct {
	text            string
	i, line, lineAt int
	errLine, errCol int
}

func (sc *limitScanner) fail(at int, msg, hint string) (string, string) {
	sc.errLine = sc.line
	sc.errCol = at - sc.lineAt + 1
	return msg, hint
}

func (sc *limitScanner) newline() { sc.line++; sc.lineAt = sc.i + 1 }

func (sc *limitScanner) run() (string, string) {
	t := sc.text
	var stack []byte // open '[' and '{' of the current value
	header := 0      // parts of the current [table] header
	keyParts := 0    // parts of the key whose value is being read
	expectKey := true
	tooDeep := func(at, depth int) (string, string) {
		return sc.fail(at, fmt.Sprintf("this is nested %d levels deep, more than the %d mou reads", depth, MaxDepth),
			"no partnership needs more than a few levels: check for a runaway [ or {, or a key with many dots")
	}
	for sc.i < len(t) {
		c := t[sc.i]
		switch {
		case c == '\n':
			sc.newline()
			if len(stack) == 0 {
				expectKey = true
			}
			sc.i++
		case c == ' ' || c == '\t' || c == '\r':
			sc.i++
		case c == '#':
			for sc.i < len(t) && t[sc.i] != '\n' {
				sc.i++
			}
		case expectKey && c == '[' && len(stack) == 0:
			sc.i++
			if sc.i < len(t) && t[sc.i] == '[' {
				sc.i++
			}
			n, msg, hint := sc.key()
			if msg != "" {
				return msg, hint
			}
			header = n
			if header > MaxDepth {
				return tooDeep(sc.i, header)
			}
			for sc.i < len(t) && t[sc.i] != '\n' {
				sc.i++
			}
		case expectKey && c != '}' && c != ',':
			n, msg, hint := sc.key()
			if msg != "" {
				return msg, hint
			}
			if n == 0 {
				sc.i++ // not a key: the decoder will say so
				continue
			}
			keyParts = n
			base := header
			if len(stack) > 0 {
				base = 0 // inside an inline table the stack counts the levels
			}
			if d := base + keyParts + len(stack); d > MaxDepth {
				return tooDeep(sc.i, d)
			}
			expectKey = false
		case c == '"' || c == '\'':
			sc.str()
		case c == '[' || c == '{':
			stack = append(stack, c)
			if d := header + keyParts + len(stack); d > MaxDepth {
				return tooDeep(sc.i, d)
			}
			sc.i++
			expectKey = c == '{'
		case c == ']' || c == '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			sc.i++
		case c == ',':
			sc.i++
			expectKey = len(stack) > 0 && stack[len(stack)-1] == '{'
		default:
			sc.i++
		}
	}
	return "", ""
}

// key reads a dotted key and returns its number of parts.
func (sc *limitScanner) key() (int, string, string) {
	t := sc.text
	n := 0
	for sc.i < len(t) {
		for sc.i < len(t) && (t[sc.i] == ' ' || t[sc.i] == '\t') {
			sc.i++
		}
		if sc.i >= len(t) {
			break
		}
		start := sc.i
		switch c := t[sc.i]; {
		case c == '"' || c == '\'':
			sc.str()
		case isBareKey(c):
			for sc.i < len(t) && isBareKey(t[sc.i]) {
				sc.i++
			}
		default:
			return n, "", ""
		}
		n++
		if size := sc.i - start; size > MaxKeyBytes+2 {
			msg, hint := sc.fail(start, fmt.Sprintf("a key %d bytes long, longer than the %d mou reads", size, MaxKeyBytes), "keys are field names such as name or short_name: check for a missing = or quote")
			return n, msg, hint
		}
		if n > MaxDepth {
			msg, hint := sc.fail(start, fmt.Sprintf("a key of more than %d dotted parts, more than the %d levels mou reads", MaxDepth, MaxDepth),
				"check for a runaway key with many dots")
			return n, msg, hint
		}
		for sc.i < len(t) && (t[sc.i] == ' ' || t[sc.i] == '\t') {
			sc.i++
		}
		if sc.i >= len(t) || t[sc.i] != '.' {
			break
		}
		sc.i++
	}
	return n, "", ""
}

// str skips a string of any of TOML's four kinds, counting lines.
func (sc *limitScanner) str() {
	t := sc.text
	q := t[sc.i]
	if strings.HasPrefix(t[sc.i:], strings.Repeat(string(q), 3)) {
		sc.i += 3
		for sc.i < len(t) {
			switch {
			case q == '"' && t[sc.i] == '\\':
				sc.i++
				if sc.i < len(t) && t[sc.i] == '\n' {
					sc.newline()
				}
			case t[sc.i] == '\n':
				sc.newline()
			case strings.HasPrefix(t[sc.i:], strings.Repeat(string(q), 3)):
				sc.i += 3
				for sc.i < len(t) && t[sc.i] == q {
					sc.i++
				}
				return
			}
			sc.i++
		}
		return
	}
	sc.i++
	for sc.i < len(t) && t[sc.i] != '\n' {
		switch t[sc.i] {
		case '\\':
			if q == '"' {
				sc.i++
			}
		case q:
			sc.i++
			return
		}
		sc.i++
	}
}

func isBareKey(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// fieldLimits checks every text's length and every list's size in the
// decoded model, naming the field and the limit.
func (s *sources) fieldLimits(p *Partnership) Findings {
	var out Findings
	var walk func(v reflect.Value, path, key string)
	walk = func(v reflect.Value, path, key string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), path, key)
			}
		case reflect.Struct:
			t := v.Type()
			for i := 0; i < t.NumField(); i++ {
				if name, ok := tags.Key(t.Field(i)); ok {
					walk(v.Field(i), tomlindex.Join(path, name), name)
				}
			}
		case reflect.Slice:
			limit, what := MaxItems, "entries"
			if path == "partners" {
				limit, what = MaxPartners, "partners"
			}
			if v.Len() > limit {
				out = append(out, s.finding(Error, "data.limit", path,
					fmt.Sprintf("%s has %d %s, more than the %d mou accepts", path, v.Len(), what, limit),
					"no partnership needs so many: check the file was generated correctly"))
				return
			}
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), tomlindex.Elem(path, i), key)
			}
		case reflect.Map:
			if v.Len() > MaxItems {
				out = append(out, s.finding(Error, "data.limit", path,
					fmt.Sprintf("%s has %d entries, more than the %d mou accepts", path, v.Len(), MaxItems), ""))
				return
			}
			iter := v.MapRange()
			for iter.Next() {
				k := iter.Key().String()
				walk(iter.Value(), tomlindex.Join(path, k), "text:"+k)
			}
		case reflect.String:
			limit, what := MaxParagraphRunes, "a paragraph"
			switch {
			case strings.HasPrefix(key, "text:"):
				limit, what = MaxSectionRunes, "a section's wording"
			case nameKeys[key]:
				limit, what = MaxNameRunes, "a name or title"
			}
			if n := utf8.RuneCountInString(v.String()); n > limit {
				out = append(out, s.finding(Error, "data.limit", path,
					fmt.Sprintf("%s is %d characters long; %s may be at most %d", path, n, what, limit),
					"shorten it, or check that a closing quote is not missing"))
			}
		}
	}
	walk(reflect.ValueOf(p).Elem(), "", "")
	return out
}

// excerpt cuts a long source line to a readable window around col (a
// 1-based byte column), marking cut ends with an ellipsis, and returns the
// window and col within it.
func excerpt(line string, col int) (string, int) {
	if utf8.RuneCountInString(line) <= excerptRunes+20 {
		return line, col
	}
	if col < 1 {
		col = 1
	}
	if col > len(line)+1 {
		col = len(line) + 1
	}
	// Start a third of the window before the column, on a rune boundary.
	start := col - 1
	for back := 0; start > 0 && back < excerptRunes/3; back++ {
		_, size := utf8.DecodeLastRuneInString(line[:start])
		start -= size
	}
	end := start
	for n := 0; end < len(line) && n < excerptRunes; n++ {
		_, size := utf8.DecodeRuneInString(line[end:])
		end += size
	}
	out := line[start:end]
	newCol := col - start
	if start > 0 {
		out = "…" + out
		newCol += len("…")
	}
	if end < len(line) {
		out += "…"
	}
	return out, newCol
}

// clip cuts a message to a readable length.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxMessageRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == maxMessageRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
