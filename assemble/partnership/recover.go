package partnership

import (
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"

	"mou/assemble/tomlindex"
)

// recovery is what reading a file's text past its syntax errors found. The
// TOML parser stops at the first error; to report every problem at once,
// the text is read again and again, each refused line repaired (when the
// mistake is one mistakes.go recognises) or read as blank, until the parser
// accepts it. Lines keep their numbers, so every later message still names
// the line as written.
type recovery struct {
	text  string        // the text the tree was decoded from
	fixes []lineFix     // recognised mistakes
	errs  []syntaxError // the parser's errors on lines not recognised
}

// syntaxError is a parser error on a line mou does not recognise, or a key
// defined twice.
type syntaxError struct {
	line, col int
	rule      string
	msg, hint string // msg empty: the parser's own message, made plain
	err       error
}

// decodeRecovering decodes text into a tree, reading past syntax errors as
// recovery describes. The tree is nil when the text cannot be read at all
// (an error the line-by-line repair cannot get past).
func decodeRecovering(text string) (map[string]any, recovery) {
	var tree map[string]any
	if _, err := toml.Decode(text, &tree); err == nil {
		return tree, recovery{text: text}
	}
	fixed, fixes, errs := prepass(text)
	rec := recovery{fixes: fixes, errs: errs}
	lines := strings.Split(fixed, "\n")
	touched := map[int]bool{}
	for _, f := range fixes {
		touched[f.line] = true
	}
	for _, e := range errs {
		touched[e.line] = true
	}
	lastGeneric := -2
	// Each round repairs or blanks one line, so a file of n lines takes at
	// most n rounds; MaxFindings rounds is where reporting stops anyway.
	for round := 0; round <= MaxFindings; round++ {
		tree = nil
		joined := strings.Join(lines, "\n")
		_, err := toml.Decode(joined, &tree)
		if err == nil {
			rec.text = joined
			return tree, rec
		}
		var pe toml.ParseError
		if !errors.As(err, &pe) || pe.Position.Line < 1 || pe.Position.Line > len(lines) {
			rec.errs = append(rec.errs, syntaxError{err: err})
			return nil, rec
		}
		n := pe.Position.Line
		line := lines[n-1]
		if strings.TrimSpace(line) == "" {
			// The parser blames a line already blank: the fault is one it
			// reports late (an unclosed list), which blanking cannot mend.
			rec.errs = append(rec.errs, syntaxError{line: n, col: pe.Position.Col, err: err})
			return nil, rec
		}
		if strings.Contains(pe.Message, "has already been defined") {
			rec.errs = append(rec.errs, twice(lines, n))
			if strings.HasPrefix(strings.TrimSpace(line), "[") {
				// The table's second heading and its keys go, so they are not
				// read into the table before it.
				for i := n; i <= len(lines); i++ {
					if i > n && strings.HasPrefix(strings.TrimSpace(lines[i-1]), "[") {
						break
					}
					lines[i-1] = ""
				}
			} else {
				lines[n-1] = ""
			}
			continue
		}
		if straight, ok := straightQuotes(line); ok && !touched[n] {
			// A text inside a list spread over lines: the pre-pass does not
			// look there, but curly quotes are as plain there as anywhere.
			touched[n] = true
			lines[n-1] = straight
			rec.fixes = append(rec.fixes, lineFix{line: n, repaired: true, fixed: straight, mistakes: []lineMistake{{
				"toml.curly-quotes", pe.Position.Col,
				"the quotes are curly quotes (“ ” or ‘ ’, as Word types them), which TOML does not read as quotes: type straight quotes"}}})
			continue
		}
		// Lines refused one after another are one mistake (a list or a
		// string left open and what follows it): reported once.
		if n != lastGeneric+1 {
			rec.errs = append(rec.errs, syntaxError{line: n, col: pe.Position.Col, err: err})
		}
		lastGeneric = n
		touched[n] = true
		lines[n-1] = ""
	}
	return nil, rec
}

// keyOf is the key a key = value line defines, "" for any other line.
func keyOf(line string) string {
	key, _, _, ok := splitLine(strings.TrimSpace(line))
	if !ok || !bareKey.MatchString(key) {
		return ""
	}
	return key
}

// twice describes the second definition of a key or table, on line n,
// naming the line of the first.
func twice(lines []string, n int) syntaxError {
	before := tomlindex.Build(strings.Join(lines[:n], "\n"))
	body := strings.TrimSpace(lines[n-1])
	if strings.HasPrefix(body, "[") {
		table := before.TableAt(n)
		name := strings.TrimSpace(stripComment(body))
		first, ok := before.Lookup(table)
		if !ok || first.Line == n {
			return syntaxError{line: n, col: 1, rule: "toml.twice", msg: fmt.Sprintf("the heading %s is written twice", name),
				hint: fmt.Sprintf("put every key of %s under one heading and delete the other", name)}
		}
		return syntaxError{line: n, col: 1, rule: "toml.twice",
			msg:  fmt.Sprintf("the heading %s is written twice, on lines %d and %d", name, first.Line, n),
			hint: fmt.Sprintf("put every key of %s under the heading on line %d and delete this one", name, first.Line)}
	}
	key := keyOf(body)
	table := before.TableAt(n)
	where := "at the top of the file"
	if table != "" {
		where = "under the heading [" + table + "]"
		if strings.HasSuffix(table, "]") {
			where = "in " + table
		}
	}
	path := key
	if table != "" {
		path = table + "." + key
	}
	if first, ok := before.Lookup(path); ok && key != "" && first.Line != n {
		return syntaxError{line: n, col: 1, rule: "toml.twice",
			msg:  fmt.Sprintf("%s is defined twice %s, on lines %d and %d", key, where, first.Line, n),
			hint: "keep the one that is right and delete the other"}
	}
	return syntaxError{line: n, col: 1, rule: "toml.twice", msg: fmt.Sprintf("%s is defined twice %s", key, where),
		hint: "keep the one that is right and delete the other"}
}
