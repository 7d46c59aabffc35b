package partnership

// The mistakes people really make typing a data file in Notepad, or pasting
// from Word: a date written 31/03/2026, money written £145,000, Word's curly
// quotes, a forgotten closing quote, `name: "…"` for `name = "…"`. The TOML
// parser stops at the first of them with a message about its grammar; this
// file recognises each one on its line, says what is wrong in plain words
// and gives the line as it should be written. The corrected line is also
// what the rest of the file is decoded with, so one run reports every
// problem in the file, and the checks of what follows see what was meant.
// The corrected text is never used for anything else: a file with any of
// these mistakes is invalid until the person fixes it.

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// lineMistake is one recognised mistake on a line.
type lineMistake struct {
	rule string // stable id: "toml.date", "toml.money", …
	col  int    // 1-based column of the mistake
	msg  string // what is wrong, and the fix
}

// lineFix is what the pre-pass makes of a line the parser refuses: the
// mistakes found on it and the line as it should be written ("" when it
// cannot be repaired and is read as blank).
type lineFix struct {
	line     int
	mistakes []lineMistake
	fixed    string
	repaired bool
}

var (
	slashDate   = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$`)
	shortISO    = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	wordDate    = regexp.MustCompile(`(?i)^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]{3,9})\.?,?\s+(\d{4})$`)
	moneyLike   = regexp.MustCompile(`^(£\s*)?(\d{1,3}(?:[, ]\d{3})+|\d+)(\.\d{1,2})?$`)
	percentLike = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*%$`)
	bareKey     = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
	spacedKey   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*(?: +[A-Za-z0-9_-]+)+$`)
	yesNo       = map[string]string{"yes": "true", "no": "false", "y": "true", "n": "false", "true": "true", "false": "false", "on": "true", "off": "false"}
	months      = map[string]int{}
)

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		months[name], months[name[:3]] = int(m), int(m)
	}
	months["sept"] = int(time.September)
}

// humanDate reads a date as people write it — 31/03/2026, 31.3.26,
// 2026-3-31, 31 March 2026, 31st March 2026, March 2026 — and returns it in
// the form the data file takes: 2026-03-31, or "2026-03" in quotes for a
// month. Day and month are read the British way round.
func humanDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	var y, m, d int
	switch {
	case slashDate.MatchString(s):
		p := slashDate.FindStringSubmatch(s)
		d, _ = strconv.Atoi(p[1])
		m, _ = strconv.Atoi(p[2])
		y, _ = strconv.Atoi(p[3])
		if len(p[3]) == 2 {
			y += 2000
		}
	case shortISO.MatchString(s):
		p := shortISO.FindStringSubmatch(s)
		y, _ = strconv.Atoi(p[1])
		m, _ = strconv.Atoi(p[2])
		d, _ = strconv.Atoi(p[3])
	case wordDate.MatchString(s):
		p := wordDate.FindStringSubmatch(s)
		mo, ok := months[strings.ToLower(p[2])]
		if !ok {
			return "", false
		}
		m = mo
		y, _ = strconv.Atoi(p[3])
		if p[1] == "" {
			return fmt.Sprintf("\"%04d-%02d\"", y, m), true
		}
		d, _ = strconv.Atoi(p[1])
	default:
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// plainMoney reads an amount as people write it — £145,000, 145,000,
// 145 000, £1,260.50 — and returns it as the data file takes it: 145000.
func plainMoney(s string) (string, bool) {
	s = strings.TrimSpace(s)
	p := moneyLike.FindStringSubmatch(s)
	if p == nil {
		return "", false
	}
	return strings.NewReplacer(",", "", " ", "").Replace(p[2]) + p[3], true
}

// splitLine cuts a `key = value  # comment` line into its key, the
// separator's offset, and the value without its comment. The separator is
// the first = or : outside quotes; ok is false for a line with neither.
func splitLine(line string) (key string, sep int, value string, ok bool) {
	inQuote := rune(0)
	for i, r := range line {
		switch {
		case inQuote != 0:
			if r == inQuote {
				inQuote = 0
			}
		case r == '"' || r == '\'':
			inQuote = r
		case r == '=' || r == ':':
			return strings.TrimSpace(line[:i]), i, stripComment(line[i+1:]), true
		case r == '#':
			return "", 0, "", false
		}
	}
	return "", 0, "", false
}

// stripComment removes a trailing # comment that is outside quotes
// (straight or curly) and the spaces around the value.
func stripComment(v string) string {
	inQuote := rune(0)
	for i, r := range v {
		switch {
		case inQuote != 0:
			if r == inQuote || inQuote == '“' && r == '”' || inQuote == '‘' && r == '’' {
				inQuote = 0
			}
		case r == '"' || r == '\'' || r == '“' || r == '‘':
			inQuote = r
		case r == '#':
			return strings.TrimSpace(v[:i])
		}
	}
	return strings.TrimSpace(v)
}

// parsesAlone reports whether one line is valid TOML by itself.
func parsesAlone(line string) bool {
	var m map[string]any
	_, err := toml.Decode(line, &m)
	return err == nil
}

// recogniseLine looks for the common mistakes on one line that is not
// inside a multi-line string or list. It returns the mistakes and the line
// as it should be written (valid TOML), or no mistakes when it recognises
// none.
func recogniseLine(line string) ([]lineMistake, string) {
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	body := strings.TrimRight(strings.TrimSpace(line), "\r")
	col := func(sub string) int {
		if i := strings.Index(line, sub); i >= 0 {
			return len([]rune(line[:i])) + 1
		}
		return 1
	}
	if strings.HasPrefix(body, "[") {
		return recogniseHeader(body, indent, col)
	}
	key, sep, value, ok := splitLine(body)
	if !ok {
		return nil, ""
	}
	var out []lineMistake
	if body[sep] == ':' {
		out = append(out, lineMistake{"toml.colon", col(":"),
			"a key and its value are joined with = (an equals sign), not a colon"})
	}
	if spacedKey.MatchString(key) {
		fixedKey := strings.Join(strings.Fields(key), "_")
		out = append(out, lineMistake{"toml.key-space", col(key),
			fmt.Sprintf("a key cannot contain spaces: write %s", fixedKey)})
		key = fixedKey
	} else if !bareKey.MatchString(key) && !strings.HasPrefix(key, `"`) && !strings.HasPrefix(key, "'") {
		return nil, "" // not a key people type: leave it to the parser's message
	}
	fixedValue, ms := recogniseValue(key, value, col)
	out = append(out, ms...)
	if len(out) == 0 {
		return nil, ""
	}
	if len(ms) > 0 && ms[0].rule == "toml.no-value" {
		return out, "" // no value to offer: the line is read as blank
	}
	fixed := indent + key + " = " + fixedValue
	if !parsesAlone(fixed) {
		// The mistakes are right but the line has another fault besides:
		// report them and read the line as blank.
		return out, ""
	}
	return out, fixed
}

// recogniseHeader checks a [table] or [[array]] heading.
func recogniseHeader(body, indent string, col func(string) int) ([]lineMistake, string) {
	open := 1
	if strings.HasPrefix(body, "[[") {
		open = 2
	}
	name := strings.TrimSpace(stripComment(body[open:]))
	name = strings.TrimRight(name, "]")
	name = strings.TrimSpace(strings.Trim(name, "[]"))
	want := strings.Repeat("[", open) + name + strings.Repeat("]", open)
	if name == "" || strings.ContainsAny(name, "[]=\"'") {
		return nil, ""
	}
	if spacedKey.MatchString(name) {
		fixed := strings.Repeat("[", open) + strings.Join(strings.Fields(name), "_") + strings.Repeat("]", open)
		return []lineMistake{{"toml.key-space", col(name), fmt.Sprintf("a heading's name cannot contain spaces: write %s", fixed)}}, indent + fixed
	}
	if !bareKey.MatchString(name) {
		return nil, ""
	}
	return []lineMistake{{"toml.heading", 1,
		fmt.Sprintf("this heading is not closed, so the file is not valid TOML: write %s", want)}}, indent + want
}

// recogniseValue checks the value of a key = value line and returns it as
// it should be written, with the mistakes found.
func recogniseValue(key, value string, col func(string) int) (string, []lineMistake) {
	leaf := key[strings.LastIndexByte(key, '.')+1:]
	at := col(value)
	if value == "" {
		return `""`, []lineMistake{{"toml.no-value", at,
			"there is no value after =: write one (text in quotes, a number, a date such as 2026-03-31, true or false) or delete the line"}}
	}
	if parsesAlone("x = " + value) {
		return value, nil
	}
	if iso, ok := humanDate(strings.Trim(value, `"'“”`)); ok && !strings.ContainsAny(value, `"'“”`) {
		what := "%s is not a date TOML reads: write the date as %s (year, month, day, no quotes)"
		if strings.HasPrefix(iso, `"`) {
			what = "%s is not a date TOML reads: a date known only to its month is written in quotes, as %s"
		}
		return iso, []lineMistake{{"toml.date", at, fmt.Sprintf(what, value, iso)}}
	}
	if amount, ok := plainMoney(value); ok {
		return amount, []lineMistake{{"toml.money", at,
			fmt.Sprintf("%s is not a number TOML reads: write %s (pounds, without £, commas or spaces)", value, amount)}}
	}
	if p := percentLike.FindStringSubmatch(value); p != nil {
		return p[1], []lineMistake{{"toml.percent", at,
			fmt.Sprintf("%s is not a number TOML reads: write %s, without %%", value, p[1])}}
	}
	if b, ok := yesNo[strings.ToLower(value)]; ok {
		return b, []lineMistake{{"toml.yes-no", at,
			fmt.Sprintf("%s is not a value TOML knows: write %s (true or false, in lower case, without quotes)", value, b)}}
	}
	if fixed, ok := straightQuotes(value); ok && parsesAlone("x = "+fixed) {
		return fixed, []lineMistake{{"toml.curly-quotes", at,
			"the quotes are curly quotes (“ ” or ‘ ’, as Word types them), which TOML does not read as quotes: type straight quotes, " + fixed}}
	}
	if q := value[0]; (q == '"' || q == '\'') && !strings.HasPrefix(value, `"""`) && !strings.HasPrefix(value, "'''") {
		if strings.IndexByte(value[1:], q) < 0 {
			fixed := value + string(q)
			if parsesAlone("x = " + fixed) {
				return fixed, []lineMistake{{"toml.unclosed-quote", at,
					"the text has no closing quote: add one at the end, " + fixed}}
			}
		}
		if q == '"' && strings.Contains(value, `\`) {
			inner := strings.TrimSuffix(value[1:], `"`)
			if !strings.Contains(inner, "'") && parsesAlone("x = '"+inner+"'") {
				fixed := "'" + inner + "'"
				return fixed, []lineMistake{{"toml.backslash", at + strings.IndexByte(value, '\\'),
					`a \ inside "…" starts a special character: put the text in single quotes, ` + fixed + `, or write each \ as \\`}}
			}
		}
		return value, nil
	}
	if isWordy(value) {
		fixed := strconv.Quote(value)
		what := "text is written in quotes: write " + fixed
		if leaf == "date" || strings.HasSuffix(leaf, "_date") || leaf == "in_force" {
			what = "a date is written as 2026-03-31 (year, month, day, no quotes); other text in quotes, " + fixed
		}
		return fixed, []lineMistake{{"toml.unquoted-text", at, what}}
	}
	return value, nil
}

// isWordy reports whether a value is plain words typed without quotes:
// "Chris Baird", "Director of Children's Services".
func isWordy(v string) bool {
	r := []rune(v)
	if len(r) == 0 || !(r[0] >= 'A' && r[0] <= 'Z' || r[0] >= 'a' && r[0] <= 'z') {
		return false
	}
	return !strings.ContainsAny(v, "[]{}=\"")
}

// prepass finds the recognised mistakes on every line of text that is not
// inside a multi-line string or list, and returns the text with each such
// line repaired (or blanked when it cannot be), so the parser can read the
// rest. Lines that parse alone are left as they are: the parser, not this
// pass, is the judge of what is valid.
//
// A line that is not recognised but is refused alone is read as blank
// too, with the parser's own message: at the top level a line's syntax
// does not depend on the lines around it, so this saves decoding the
// whole file again for each such line.
func prepass(text string) (string, []lineFix, []syntaxError) {
	lines := strings.Split(text, "\n")
	var fixes []lineFix
	var errs []syntaxError
	sc := lineScanner{}
	for i, line := range lines {
		top := sc.atTop()
		sc.scan(line)
		if !top || !sc.atTop() {
			continue // inside, or opening, a multi-line string or list
		}
		body := strings.TrimSpace(line)
		if body == "" || strings.HasPrefix(body, "#") || parsesAlone(line) {
			continue
		}
		ms, fixed := recogniseLine(line)
		if len(ms) == 0 {
			var m map[string]any
			_, err := toml.Decode(line, &m)
			e := syntaxError{line: i + 1, col: 1, err: err}
			var pe toml.ParseError
			if errors.As(err, &pe) {
				e.col = pe.Position.Col
			}
			errs = append(errs, e)
			lines[i] = ""
			continue
		}
		fixes = append(fixes, lineFix{line: i + 1, mistakes: ms, fixed: fixed, repaired: fixed != ""})
		lines[i] = fixed
	}
	return strings.Join(lines, "\n"), fixes, errs
}

// lineScanner follows, line by line, whether the text is inside a
// multi-line string or an open list or inline table. A one-line string
// left open ends with its line, as TOML's do.
type lineScanner struct {
	multi byte // '"' or '\'' inside a """ or ''' string
	depth int  // open [ and { of a value
}

func (sc *lineScanner) atTop() bool { return sc.multi == 0 && sc.depth == 0 }

func (sc *lineScanner) scan(line string) {
	header := sc.atTop() && strings.HasPrefix(strings.TrimSpace(line), "[")
	if header {
		return // [table] headings open nothing
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		if sc.multi != 0 {
			if strings.HasPrefix(line[i:], strings.Repeat(string(sc.multi), 3)) {
				sc.multi = 0
				i += 2
			} else if c == '\\' && sc.multi == '"' {
				i++
			}
			continue
		}
		switch c {
		case '#':
			return
		case '"', '\'':
			if strings.HasPrefix(line[i:], strings.Repeat(string(c), 3)) {
				sc.multi = c
				i += 2
				continue
			}
			for i++; i < len(line) && line[i] != c; i++ {
				if c == '"' && line[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			sc.depth++
		case ']', '}':
			if sc.depth > 0 {
				sc.depth--
			}
		}
	}
}

// straightQuotes turns the curly quotes that open or close a text (“…”,
// ‘…’, „…“) into straight ones, leaving an apostrophe inside a word
// (Children’s) as it is. It reports whether anything changed.
func straightQuotes(v string) (string, bool) {
	r := []rune(v)
	boundary := func(i int) bool {
		if i < 0 || i >= len(r) {
			return true
		}
		return strings.ContainsRune(" \t[]{},=", r[i])
	}
	changed := false
	for i, c := range r {
		var straight rune
		switch c {
		case '“', '”', '„', '″':
			straight = '"'
		case '‘', '’':
			straight = '\''
		default:
			continue
		}
		if boundary(i-1) || boundary(i+1) {
			r[i], changed = straight, true
		}
	}
	return string(r), changed
}
