// Package xmlchar knows which characters a Word document (XML 1.0) cannot
// store, for the data validator and the template engine alike.
package xmlchar

import (
	"fmt"
	"unicode/utf8"
)

// Find returns the first character XML 1.0 forbids in s, with its 1-based
// position in characters; ok is false when there is none.
func Find(s string) (pos int, c rune, ok bool) {
	n := 0
	for i, r := range s {
		n++
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return n, r, true
			}
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r <= 0xDFFF {
			return n, r, true
		}
	}
	return 0, 0, false
}

// Name describes a forbidden character for a person.
func Name(c rune) string {
	names := map[rune]string{0x0B: "a vertical tab", 0x0C: "a form feed", 0x00: "a NUL character", 0x08: "a backspace", 0x1B: "an escape character", utf8.RuneError: "bytes that are not valid UTF-8"}
	if n, ok := names[c]; ok {
		if c == utf8.RuneError {
			return n
		}
		return fmt.Sprintf("%s (U+%04X)", n, c)
	}
	return fmt.Sprintf("the control character U+%04X", c)
}
