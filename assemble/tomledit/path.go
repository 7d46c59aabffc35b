package tomledit

import (
	"fmt"
	"strconv"
	"strings"

	"mou/assemble/tomlindex"
)

// seg is one step of a path: a key, or an index into an array.
type seg struct {
	key   string
	index int
	isIdx bool
}

// maxPath bounds a path's length; real ones are a few dozen bytes.
const maxPath = 4096

// parsePath splits `partners[2].lead."full name"` into its steps.
func parsePath(p string) ([]seg, error) {
	if p == "" {
		return nil, fmt.Errorf("no path was given: say which value to change, for example partnership.name")
	}
	if len(p) > maxPath {
		return nil, fmt.Errorf("the path %.40q… is too long to be a path of the data file", p)
	}
	bad := func() error {
		return fmt.Errorf("%q is not a path of the data file: write keys joined by dots and elements by their number in brackets, for example partners[0].lead.name", p)
	}
	var out []seg
	i := 0
	for i < len(p) {
		switch c := p[i]; {
		case c == '[':
			j := strings.IndexByte(p[i:], ']')
			if j < 0 || len(out) == 0 {
				return nil, bad()
			}
			n, err := strconv.Atoi(p[i+1 : i+j])
			if err != nil || n < 0 {
				return nil, bad()
			}
			out = append(out, seg{index: n, isIdx: true})
			i += j + 1
		case c == '.' && len(out) > 0:
			i++
			if i >= len(p) || p[i] == '.' || p[i] == '[' {
				return nil, bad()
			}
			fallthrough
		case len(out) == 0:
			k, n, ok := readKey(p[i:])
			if !ok {
				return nil, bad()
			}
			out = append(out, seg{key: k})
			i += n
		default:
			return nil, bad()
		}
	}
	return out, nil
}

// readKey reads one key (bare, "quoted" or 'literal') at the start of p.
func readKey(p string) (string, int, bool) {
	if p == "" {
		return "", 0, false
	}
	switch p[0] {
	case '"':
		for j := 1; j < len(p); j++ {
			if p[j] == '\\' {
				j++
				continue
			}
			if p[j] == '"' {
				k, err := strconv.Unquote(p[:j+1])
				return k, j + 1, err == nil
			}
		}
		return "", 0, false
	case '\'':
		j := strings.IndexByte(p[1:], '\'')
		if j < 0 {
			return "", 0, false
		}
		return p[1 : j+1], j + 2, true
	}
	j := 0
	for j < len(p) && isBare(p[j]) {
		j++
	}
	return p[:j], j, j > 0
}

// pathOf spells steps the way tomlindex does, so they match scanned paths.
func pathOf(segs []seg) string {
	p := ""
	for _, s := range segs {
		if s.isIdx {
			p = tomlindex.Elem(p, s.index)
		} else {
			p = tomlindex.Join(p, s.key)
		}
	}
	return p
}

// tomlKey writes one key as TOML: bare when it can be, else a basic string.
func tomlKey(k string) string {
	if k == "" {
		return `""`
	}
	for i := 0; i < len(k); i++ {
		if !isBare(k[i]) {
			return basicString(k)
		}
	}
	return k
}

// dottedKey writes keys as a TOML dotted key: lead.name.
func dottedKey(keys []seg) string {
	parts := make([]string, len(keys))
	for i, s := range keys {
		parts[i] = tomlKey(s.key)
	}
	return strings.Join(parts, ".")
}

// headerKey writes the header for the table at segs: array indices are not
// written in TOML headers (`[[funding.rows]]` is the last funding's rows).
func headerKey(segs []seg) string {
	var keys []seg
	for _, s := range segs {
		if !s.isIdx {
			keys = append(keys, s)
		}
	}
	return dottedKey(keys)
}
