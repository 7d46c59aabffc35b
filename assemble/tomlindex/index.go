// Package tomlindex maps every key path of a TOML document to the line and
// column where it is written.
//
// BurntSushi/toml parses TOML but keeps key positions to itself, and every
// message mou prints must name file:line. So this package scans the source a
// second time, after the parser has accepted it, and records one position per
// path: tables (`partnership`), array-of-table elements (`partners[2]`), keys
// (`partners[2].delegate.name`, including dotted and quoted keys and keys of
// inline tables) and array elements (`values[1]`, `funding[0].rows[3].amount`).
//
// The scanner assumes valid TOML (callers parse first). On invalid input it
// never panics; it simply records less.
package tomlindex

import (
	"sort"
	"strconv"
	"strings"
)

// Pos is a place in a TOML file: 1-based line and column of the key (or of
// the value, for array elements).
type Pos struct {
	Line int
	Col  int
}

// Index maps a key path to where it is defined.
type Index struct {
	pos map[string]Pos
	// headers holds each [table] or [[array]] header in file order, so a
	// line can be placed in its table even when it records no key (a line
	// mou blanked because the parser refused it).
	headers []header
}

type header struct {
	line int
	path string
}

// TableAt returns the resolved path of the table line is in
// (`funding[0].rows[1]`), "" for the top level.
func (ix *Index) TableAt(line int) string {
	table := ""
	for _, h := range ix.headers {
		if h.line > line {
			break
		}
		table = h.path
	}
	return table
}

// Lookup returns the position of path, if it is written in the file.
func (ix *Index) Lookup(path string) (Pos, bool) {
	p, ok := ix.pos[path]
	return p, ok
}

// Nearest returns the position of path or, when path is not written in the
// file (a missing field), of its closest written ancestor, so a message about
// a missing `partners[1].lead` points at the `[[partners]]` header.
func (ix *Index) Nearest(path string) (Pos, string, bool) {
	for p := path; p != ""; p = Parent(p) {
		if pos, ok := ix.pos[p]; ok {
			return pos, p, true
		}
	}
	return Pos{}, "", false
}

// Paths returns every recorded path in file order.
func (ix *Index) Paths() []string {
	out := make([]string, 0, len(ix.pos))
	for p := range ix.pos {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := ix.pos[out[i]], ix.pos[out[j]]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return out[i] < out[j]
	})
	return out
}

// Each calls fn for every recorded path, in no particular order.
func (ix *Index) Each(fn func(path string, pos Pos)) {
	for p, pos := range ix.pos {
		fn(p, pos)
	}
}

// Len reports how many paths are recorded.
func (ix *Index) Len() int { return len(ix.pos) }

// Parent returns the path one level up: `a.b[2].c` → `a.b[2]` → `a.b` → `a`.
func Parent(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	// Walk back over the last segment, respecting quoted keys.
	inQuote := false
	for i := len(path) - 1; i >= 0; i-- {
		switch path[i] {
		case '"':
			inQuote = !inQuote
		case '.':
			if !inQuote {
				return path[:i]
			}
		}
	}
	return ""
}

// Join appends one key to a path, quoting it when it is not a bare key.
func Join(path, key string) string {
	k := quoteKey(key)
	if path == "" {
		return k
	}
	return path + "." + k
}

// Elem appends an array index to a path.
func Elem(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

func quoteKey(k string) string {
	if k == "" {
		return `""`
	}
	for _, r := range k {
		if !isBare(byte(r)) || r > 127 {
			return strconv.Quote(k)
		}
	}
	return k
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// Build scans src and returns its index.
func Build(src string) *Index {
	s := &scanner{src: src, line: 1, lineStart: 0, ix: &Index{pos: map[string]Pos{}}, aot: map[string]int{}}
	// A byte order mark (some Windows editors write one) is not part of
	// the first line's text.
	if strings.HasPrefix(src, "\uFEFF") {
		s.i, s.lineStart = len("\uFEFF"), len("\uFEFF")
	}
	s.run()
	return s.ix
}

type scanner struct {
	src       string
	i         int
	line      int
	lineStart int
	ix        *Index
	table     string         // resolved path of the current [table] or [[array]] element
	aot       map[string]int // resolved array-of-tables path → number of elements so far
}

func (s *scanner) pos() Pos { return Pos{Line: s.line, Col: s.i - s.lineStart + 1} }

func (s *scanner) record(path string, p Pos) {
	if _, ok := s.ix.pos[path]; !ok {
		s.ix.pos[path] = p
	}
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *scanner) advance() {
	if s.eof() {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.lineStart = s.i + 1
	}
	s.i++
}

// skipSpace skips blanks and, when newlines is set, newlines and comments too.
func (s *scanner) skipSpace(newlines bool) {
	for !s.eof() {
		c := s.peek()
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '#':
			for !s.eof() && s.peek() != '\n' {
				s.advance()
			}
		case c == '\n' && newlines:
			s.advance()
		default:
			return
		}
	}
}

func (s *scanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.advance()
	}
}

func (s *scanner) run() {
	for guard := 0; !s.eof() && guard < len(s.src)+1; guard++ {
		start := s.i
		s.skipSpace(true)
		if s.eof() {
			return
		}
		switch s.peek() {
		case '[':
			s.header()
		default:
			s.keyValue(s.table)
		}
		if s.i == start { // no progress on malformed input: move on
			s.advance()
		}
	}
}

// header handles `[a.b]` and `[[a.b]]`.
func (s *scanner) header() {
	p := s.pos()
	s.advance()
	array := false
	if s.peek() == '[' {
		array = true
		s.advance()
	}
	keys := s.keyParts()
	// Resolve each prefix against arrays of tables seen so far.
	path := ""
	for i, k := range keys {
		path = Join(path, k)
		last := i == len(keys)-1
		if last && array {
			n := s.aot[path]
			s.aot[path] = n + 1
			s.record(path, p)
			path = Elem(path, n)
			s.record(path, p)
			break
		}
		if n, ok := s.aot[path]; ok && n > 0 {
			path = Elem(path, n-1)
		}
		s.record(path, p)
	}
	s.table = path
	s.ix.headers = append(s.ix.headers, header{line: p.Line, path: path})
	s.skipLine()
}

// keyParts reads a dotted key (bare or quoted parts) and stops before `=`,
// `]` or the end of the line.
func (s *scanner) keyParts() []string {
	var parts []string
	for !s.eof() {
		s.skipSpace(false)
		c := s.peek()
		switch {
		case c == '"':
			parts = append(parts, s.basicString())
		case c == '\'':
			parts = append(parts, s.literalString())
		case isBare(c):
			st := s.i
			for !s.eof() && isBare(s.peek()) {
				s.advance()
			}
			parts = append(parts, s.src[st:s.i])
		default:
			return parts
		}
		s.skipSpace(false)
		if s.peek() != '.' {
			return parts
		}
		s.advance()
	}
	return parts
}

// keyValue reads `key = value` inside the table at base.
func (s *scanner) keyValue(base string) {
	p := s.pos()
	keys := s.keyParts()
	if len(keys) == 0 {
		s.skipLine()
		return
	}
	path := base
	for _, k := range keys {
		path = Join(path, k)
		s.record(path, p)
	}
	s.skipSpace(false)
	if s.peek() != '=' {
		s.skipLine()
		return
	}
	s.advance()
	s.skipSpace(false)
	s.value(path)
}

// value skips one value, recording the paths inside inline tables and arrays.
func (s *scanner) value(path string) {
	switch c := s.peek(); c {
	case '"':
		s.basicString()
	case '\'':
		s.literalString()
	case '{':
		s.inlineTable(path)
	case '[':
		s.array(path)
	default:
		for !s.eof() {
			c := s.peek()
			if c == ',' || c == ']' || c == '}' || c == '\n' || c == '#' || c == ' ' || c == '\t' || c == '\r' {
				return
			}
			s.advance()
		}
	}
}

func (s *scanner) inlineTable(path string) {
	s.advance() // {
	for !s.eof() {
		s.skipSpace(true)
		switch s.peek() {
		case '}':
			s.advance()
			return
		case ',':
			s.advance()
			continue
		}
		before := s.i
		s.keyValue(path)
		if s.i == before {
			s.advance()
		}
	}
}

func (s *scanner) array(path string) {
	s.advance() // [
	n := 0
	for !s.eof() {
		s.skipSpace(true)
		switch s.peek() {
		case ']':
			s.advance()
			return
		case ',':
			s.advance()
			continue
		}
		before := s.i
		el := Elem(path, n)
		s.record(el, s.pos())
		s.value(el)
		n++
		if s.i == before {
			s.advance()
		}
	}
}

// basicString reads a "…" or """…""" string and returns its (roughly)
// unescaped contents; exact unescaping only matters for quoted keys.
func (s *scanner) basicString() string {
	if strings.HasPrefix(s.src[s.i:], `"""`) {
		for k := 0; k < 3; k++ {
			s.advance()
		}
		st := s.i
		for !s.eof() {
			if s.peek() == '\\' {
				s.advance()
				s.advance()
				continue
			}
			if strings.HasPrefix(s.src[s.i:], `"""`) {
				// Up to two extra quotes may close the string.
				end := s.i
				for k := 0; k < 3; k++ {
					s.advance()
				}
				for k := 0; k < 2 && s.peek() == '"'; k++ {
					s.advance()
					end++
				}
				return s.src[st:end]
			}
			s.advance()
		}
		return s.src[st:]
	}
	s.advance()
	var b strings.Builder
	for !s.eof() {
		c := s.peek()
		switch c {
		case '\\':
			b.WriteString(s.escape())
			continue
		case '"':
			s.advance()
			return b.String()
		case '\n':
			return b.String()
		}
		b.WriteByte(c)
		s.advance()
	}
	return b.String()
}

// escape reads one escape sequence of a basic string and returns what it
// stands for, so a key spelt "caf\u00e9" is recorded as café, the name the
// parser gives it.
func (s *scanner) escape() string {
	text, next := Unescape(s.src, s.i)
	s.i = next // an escape holds no newline: the line is unchanged
	return text
}

// Unescape reads the escape sequence of a basic string at src[i] (the
// backslash) and returns what it stands for and the index after it; ""
// for a sequence TOML does not have. A newline after the backslash is
// not taken: it ends a one-line string.
func Unescape(src string, i int) (string, int) {
	i++ // the backslash
	if i >= len(src) {
		return "", len(src)
	}
	c := src[i]
	if c == '\n' {
		return "", i
	}
	i++
	digits := 0
	switch c {
	case 'b':
		return "\b", i
	case 't':
		return "\t", i
	case 'n':
		return "\n", i
	case 'f':
		return "\f", i
	case 'r':
		return "\r", i
	case 'e':
		return "\x1b", i
	case '"', '\\':
		return string(c), i
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	case 'x': // TOML 1.1
		digits = 2
	default:
		return "", i
	}
	st := i
	for i < len(src) && i-st < digits && isHex(src[i]) {
		i++
	}
	n, err := strconv.ParseUint(src[st:i], 16, 32)
	if err != nil || i-st != digits {
		return "", i
	}
	return string(rune(n)), i
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func (s *scanner) literalString() string {
	if strings.HasPrefix(s.src[s.i:], "'''") {
		for k := 0; k < 3; k++ {
			s.advance()
		}
		st := s.i
		for !s.eof() {
			if strings.HasPrefix(s.src[s.i:], "'''") {
				end := s.i
				for k := 0; k < 3; k++ {
					s.advance()
				}
				for k := 0; k < 2 && s.peek() == '\''; k++ {
					s.advance()
					end++
				}
				return s.src[st:end]
			}
			s.advance()
		}
		return s.src[st:]
	}
	s.advance()
	st := s.i
	for !s.eof() && s.peek() != '\'' && s.peek() != '\n' {
		s.advance()
	}
	out := s.src[st:s.i]
	if s.peek() == '\'' {
		s.advance()
	}
	return out
}
