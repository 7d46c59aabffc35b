package tomledit

import (
	"strings"

	"mou/assemble/tomlindex"
)

// The scanner reads the text once more after BurntSushi/toml has accepted
// it and records byte spans rather than line numbers: where each value
// starts and ends, which whole lines a key/value occupies, where each table
// header's block begins (with the comment lines directly above it) and ends.
// Edits are splices of these spans. It follows tomlindex's scanner, so its
// paths are spelt the same way (tomlindex.Join and tomlindex.Elem); a
// mistake here is caught by the check after every edit, never written.

// span is a half-open byte range of the text.
type span struct{ start, end int }

// header is one `[table]` or `[[array]]` header line and its block.
type header struct {
	path      string // resolved: partners[2], partners[2].lead
	array     bool   // [[…]]
	key       string // the key as written between the brackets, trimmed
	lead      int    // first byte of the comment lines directly above
	start     int    // first byte of the header line
	bodyStart int    // first byte after the header line
	lastKV    int    // first byte after the last key/value line of its own keys (bodyStart when none)
	end       int    // first byte of the next header's line (not its lead), or the end of the text
}

// entry is one `key = value`, on its own line(s) or inside an inline table.
type entry struct {
	path   string
	key    span
	val    span
	line   span // the whole lines of a line-level entry, newline included
	header int  // the header whose block holds it, -1 for the top level
	in     int  // the inline table holding it, -1 for a line-level entry
	parts  int  // number of dotted key parts
}

// container is an inline table `{…}` or an array `[…]` value.
type container struct {
	path  string
	table bool
	open  int   // offset of '{' or '['
	close int   // offset just after '}' or ']'
	items []int // entry indices (inline table) or element indices (array)
}

// element is one value of an array.
type element struct {
	path string
	val  span
	arr  int // the container
}

// valRef says where the value of a path is written.
type valRef struct {
	entry int // index into entries, or -1
	elem  int // index into elems, or -1
}

// layout is everything the scanner learnt about a text.
type layout struct {
	headers  []header
	entries  []entry
	conts    []container
	elems    []element
	vals     map[string]valRef // path → its value
	tables   map[string]int    // path → header of a [table] or an [[array]] element
	aots     map[string][]int  // array-of-tables path → its elements' headers
	conOf    map[string]int    // path → the container written as its value
	comments map[int]bool      // line starts of comment-only lines outside strings
	bom      int               // length of the byte order mark, 0 without one
}

func scan(src string) *layout {
	s := &scanner{src: src, cur: -1, l: &layout{
		vals: map[string]valRef{}, tables: map[string]int{}, aots: map[string][]int{},
		conOf: map[string]int{}, comments: map[int]bool{},
	}, aot: map[string]int{}}
	if strings.HasPrefix(src, "\uFEFF") {
		s.i = len("\uFEFF")
		s.l.bom = s.i
	}
	s.run()
	l := s.l
	for h := range l.headers {
		if h+1 < len(l.headers) {
			l.headers[h].end = l.headers[h+1].start
		} else {
			l.headers[h].end = len(src)
		}
		// Comment lines directly above the header belong to it.
		lead := l.headers[h].start
		for lead > l.bom {
			prev := lineStartBefore(src, lead)
			if !l.comments[prev] {
				break
			}
			lead = prev
		}
		l.headers[h].lead = lead
	}
	return l
}

// lineStartBefore returns the start of the line that ends just before at
// (at being the start of a line).
func lineStartBefore(src string, at int) int {
	i := strings.LastIndexByte(src[:at-1], '\n')
	return i + 1
}

type scanner struct {
	src   string
	i     int
	l     *layout
	cur   int            // current header, -1 for the top level
	table string         // resolved path of the current header
	aot   map[string]int // array-of-tables path → elements so far
	depth int
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

// lineStart returns where the current line starts, after any byte order
// mark.
func (s *scanner) lineStart() int { return max(strings.LastIndexByte(s.src[:s.i], '\n')+1, s.l.bom) }

// skipSpace skips blanks, comments and, when newlines is set, newlines.
func (s *scanner) skipSpace(newlines bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '#':
			if newlines && s.depth == 0 && strings.TrimLeft(s.src[s.lineStart():s.i], " \t") == "" {
				s.l.comments[s.lineStart()] = true
			}
			for !s.eof() && s.peek() != '\n' {
				s.i++
			}
		case c == '\n' && newlines:
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.i++
	}
	if !s.eof() {
		s.i++
	}
}

func (s *scanner) run() {
	for guard := 0; !s.eof() && guard <= len(s.src); guard++ {
		start := s.i
		s.skipSpace(true)
		if s.eof() {
			return
		}
		if s.peek() == '[' {
			s.header()
		} else {
			s.lineEntry()
		}
		if s.i == start {
			s.i++
		}
	}
}

func (s *scanner) header() {
	h := header{start: s.lineStart()}
	s.i++
	if s.peek() == '[' {
		h.array = true
		s.i++
	}
	kstart := s.i
	keys := s.keyParts()
	h.key = strings.TrimSpace(s.src[kstart:s.i])
	path := ""
	for n, k := range keys {
		path = tomlindex.Join(path, k)
		if n == len(keys)-1 && h.array {
			c := s.aot[path]
			s.aot[path] = c + 1
			s.l.aots[path] = append(s.l.aots[path], len(s.l.headers))
			path = tomlindex.Elem(path, c)
			break
		}
		if c, ok := s.aot[path]; ok && c > 0 {
			path = tomlindex.Elem(path, c-1)
		}
	}
	h.path = path
	s.skipLine()
	h.bodyStart, h.lastKV = s.i, s.i
	s.cur = len(s.l.headers)
	s.table = path
	if _, ok := s.l.tables[path]; !ok {
		s.l.tables[path] = s.cur
	}
	s.l.headers = append(s.l.headers, h)
}

// keyParts reads a dotted key and stops before `=`, `]` or the line's end.
func (s *scanner) keyParts() []string {
	var parts []string
	for !s.eof() {
		s.skipBlank()
		c := s.peek()
		switch {
		case c == '"':
			parts = append(parts, s.basicString())
		case c == '\'':
			parts = append(parts, s.literalString())
		case isBare(c):
			st := s.i
			for !s.eof() && isBare(s.peek()) {
				s.i++
			}
			parts = append(parts, s.src[st:s.i])
		default:
			return parts
		}
		s.skipBlank()
		if s.peek() != '.' {
			return parts
		}
		s.i++
	}
	return parts
}

func (s *scanner) skipBlank() {
	for !s.eof() && (s.peek() == ' ' || s.peek() == '\t') {
		s.i++
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// lineEntry reads a top-level or table `key = value` line.
func (s *scanner) lineEntry() {
	ls := s.lineStart()
	e, ok := s.keyValue(s.table, -1)
	if !ok {
		s.skipLine()
		return
	}
	s.skipSpace(false)
	if s.peek() == '\n' {
		s.i++
	}
	s.l.entries[e].line = span{ls, s.i}
	if s.cur >= 0 {
		s.l.headers[s.cur].lastKV = s.i
	}
}

// keyValue reads `key = value` under base and returns its entry index.
func (s *scanner) keyValue(base string, in int) (int, bool) {
	ks := s.i
	keys := s.keyParts()
	if len(keys) == 0 {
		return 0, false
	}
	ke := s.i
	for ke > ks && (s.src[ke-1] == ' ' || s.src[ke-1] == '\t') {
		ke--
	}
	path := base
	for _, k := range keys {
		path = tomlindex.Join(path, k)
	}
	s.skipBlank()
	if s.peek() != '=' {
		return 0, false
	}
	s.i++
	s.skipBlank()
	idx := len(s.l.entries)
	s.l.entries = append(s.l.entries, entry{path: path, key: span{ks, ke}, header: s.cur, in: in, parts: len(keys)})
	vs := s.i
	s.value(path)
	s.l.entries[idx].val = span{vs, s.i}
	if _, ok := s.l.vals[path]; !ok {
		s.l.vals[path] = valRef{entry: idx, elem: -1}
	}
	return idx, true
}

// value skips one value, recording what is inside inline tables and arrays.
func (s *scanner) value(path string) {
	switch s.peek() {
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
			switch s.peek() {
			case ',', ']', '}', '\n', '#', ' ', '\t', '\r':
				return
			}
			s.i++
		}
	}
}

// maxDepth bounds nesting so a hostile file cannot exhaust the stack; the
// parser has accepted the text, and real data nests two or three deep.
const maxDepth = 200

func (s *scanner) inlineTable(path string) {
	c := len(s.l.conts)
	s.l.conts = append(s.l.conts, container{path: path, table: true, open: s.i})
	s.l.conOf[path] = c
	s.i++
	s.depth++
	defer func() { s.depth-- }()
	for !s.eof() && s.depth < maxDepth {
		s.skipSpace(true)
		switch s.peek() {
		case '}':
			s.i++
			s.l.conts[c].close = s.i
			return
		case ',':
			s.i++
			continue
		}
		before := s.i
		if e, ok := s.keyValue(path, c); ok {
			s.l.conts[c].items = append(s.l.conts[c].items, e)
		}
		if s.i == before {
			s.i++
		}
	}
}

func (s *scanner) array(path string) {
	c := len(s.l.conts)
	s.l.conts = append(s.l.conts, container{path: path, open: s.i})
	s.l.conOf[path] = c
	s.i++
	s.depth++
	defer func() { s.depth-- }()
	for !s.eof() && s.depth < maxDepth {
		s.skipSpace(true)
		switch s.peek() {
		case ']':
			s.i++
			s.l.conts[c].close = s.i
			return
		case ',':
			s.i++
			continue
		}
		before := s.i
		el := tomlindex.Elem(path, len(s.l.conts[c].items))
		s.value(el)
		ei := len(s.l.elems)
		s.l.elems = append(s.l.elems, element{path: el, val: span{before, s.i}, arr: c})
		s.l.conts[c].items = append(s.l.conts[c].items, ei)
		if _, ok := s.l.vals[el]; !ok {
			s.l.vals[el] = valRef{entry: -1, elem: ei}
		}
		if s.i == before {
			s.i++
		}
	}
}

// basicString reads "…" or """…""" and returns its contents unescaped
// (exactly only where it matters: quoted keys).
func (s *scanner) basicString() string {
	if strings.HasPrefix(s.src[s.i:], `"""`) {
		s.i += 3
		st := s.i
		for !s.eof() {
			if s.peek() == '\\' {
				s.i += 2
				continue
			}
			if strings.HasPrefix(s.src[s.i:], `"""`) {
				end := s.i
				s.i += 3
				for k := 0; k < 2 && s.peek() == '"'; k++ {
					s.i++
					end++
				}
				return s.src[st:end]
			}
			s.i++
		}
		s.i = len(s.src)
		return s.src[st:]
	}
	s.i++
	var b strings.Builder
	for !s.eof() {
		c := s.peek()
		switch c {
		case '\\':
			b.WriteString(s.escape())
			continue
		case '"':
			s.i++
			return b.String()
		case '\n':
			return b.String()
		}
		b.WriteByte(c)
		s.i++
	}
	return b.String()
}

func (s *scanner) escape() string {
	text, next := tomlindex.Unescape(s.src, s.i)
	s.i = next
	return text
}

func (s *scanner) literalString() string {
	if strings.HasPrefix(s.src[s.i:], "'''") {
		s.i += 3
		st := s.i
		if j := strings.Index(s.src[s.i:], "'''"); j >= 0 {
			end := s.i + j
			s.i = end + 3
			for k := 0; k < 2 && s.peek() == '\''; k++ {
				s.i++
				end++
			}
			return s.src[st:end]
		}
		s.i = len(s.src)
		return s.src[st:]
	}
	s.i++
	st := s.i
	for !s.eof() && s.peek() != '\'' && s.peek() != '\n' {
		s.i++
	}
	out := s.src[st:s.i]
	if s.peek() == '\'' {
		s.i++
	}
	return out
}
