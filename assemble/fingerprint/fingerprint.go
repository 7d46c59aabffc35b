// Package fingerprint names a built document's content with a short code
// that can be read aloud and typed, such as 7KQ3-M9XD: the same for the same
// content on any machine, different after any change a reader could see.
//
// The fingerprint covers the words of the document's body in order (text,
// tables, the contents list), not its footers, which a PDF repeats on every
// page, nor the run of a word processor's formatting, which a PDF does not
// keep. A document prints its own fingerprint, so the fingerprint is
// computed with its own occurrences left out: while building, where the
// template has the Placeholder; when verifying, wherever the claimed
// fingerprint stands.
package fingerprint

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Placeholder is what a document holds where its fingerprint will be
// printed, while the fingerprint is being worked out.
const Placeholder = "????-????"

// alphabet is Crockford's base 32: digits and letters without I, L, O and
// U, so a code read aloud or typed by hand is not mistaken.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// Versions of the canonical form (README.md, "What a fingerprint covers").
// The version is hashed first, so a change to what the fingerprint covers
// gives different codes rather than colliding with old ones; an old code
// is still checked by the form it was made with.
//
//   - 1: the words of the body, contents list included.
//   - 2: as 1, without the contents list's page numbers, which Word and
//     LibreOffice recompute: a plain build, a --pdf build, its PDF and a
//     copy whose contents were updated all have one code.
const (
	Current = 2
	oldest  = 1
)

func versionLine(v int) string { return fmt.Sprintf("mou fingerprint %d\n", v) }

// FromWords computes the fingerprint of a document's words, leaving out the
// placeholder and own, the fingerprint the document claims for itself.
func FromWords(words []string, own string) string {
	return fromWords(words, own, Current)
}

func fromWords(words []string, own string, v int) string {
	h := newHasher(own, v)
	for _, w := range words {
		h.word(w)
	}
	return h.sum()
}

// hasher hashes a document's words as they come, normalized.
type hasher struct {
	own string
	v   int // version of the canonical form
	h   hash.Hash
	buf []byte // words waiting to be hashed: one Write per few kilobytes
}

func newHasher(own string, v int) *hasher {
	h := &hasher{own: own, v: v, h: sha256.New(), buf: make([]byte, 0, 4096)}
	h.buf = append(h.buf, versionLine(v)...)
	return h
}

// word adds one word, normalized (normalizeWord).
func (h *hasher) word(word string) {
	normalizeWord(word, h.keep, h.v)
}

// keep hashes one normalized word, unless it is the placeholder or the
// document's own fingerprint.
func (h *hasher) keep(w string) {
	if w == Placeholder || h.own != "" && w == h.own {
		return
	}
	if len(h.buf)+len(w)+1 > cap(h.buf) {
		h.h.Write(h.buf)
		h.buf = h.buf[:0]
	}
	h.buf = append(h.buf, w...)
	h.buf = append(h.buf, '\n')
}

// text adds the words of s, as strings.Fields splits them, in one pass
// that also notes whether each is a plain word, which goes straight into
// the hash.
func (h *hasher) text(s string) {
	i := 0
	for i < len(s) {
		// Spaces before a word.
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if byteClass[c] != spaceByte {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		start, plain := i, true
		for i < len(s) {
			c := s[i]
			if k := byteClass[c]; k == wordByte {
				i++
				continue
			} else if k == spaceByte {
				break
			} else if k == markByte {
				plain = false
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				break
			}
			if r == '…' || r == '•' || r == '◦' || r == '▪' {
				plain = false
			}
			i += size
		}
		if i > start {
			h.add(s[start:i], plain)
		}
	}
}

// Byte classes for hasher.text.
const (
	wordByte  = iota // an ASCII byte of a word
	spaceByte        // ASCII white space
	markByte         // '.' or '_': normalizeWord may change the word
	multiByte        // the start or rest of a multi-byte character
)

var byteClass = func() (t [256]byte) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = multiByte
		case asciiSpace[c]:
			t[c] = spaceByte
		case c == '.' || c == '_':
			t[c] = markByte
		}
	}
	return t
}()

// add hashes a word known to be plain, or else as word does.
func (h *hasher) add(w string, plain bool) {
	if !plain {
		h.word(w)
		return
	}
	h.keep(w)
}

// sum is the fingerprint of the words added.
func (h *hasher) sum() string {
	h.h.Write(h.buf)
	sum := h.h.Sum(nil)
	n := binary.BigEndian.Uint64(sum[:8]) >> 24 // 40 bits: 8 characters of 5 bits
	var b [9]byte
	for i := 8; i >= 0; i-- {
		if i == 4 {
			b[i] = '-'
			continue
		}
		b[i] = alphabet[n&31]
		n >>= 5
	}
	return string(b[:])
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// normalizeWord gives emit what is left of one word once what differs
// between a document and a PDF of it without being part of its content is
// dropped: list bullets and numbers (Word draws them, the text does not
// hold them) and dotted leaders; a word stuck to the placeholder or a
// fingerprint by punctuation is split. Most often that is the word itself.
func normalizeWord(word string, emit func(string), v int) {
	if plainWord(word) {
		// Nothing below drops or splits such a word: most words.
		emit(word)
		return
	}
	// A tab leader drawn between a contents entry and its page number
	// joins them into one word of a PDF: the .docx has two. From version
	// 2 the page number after a leader is left out: Word and LibreOffice
	// recompute it (the .docx's contents tabs read as leaders, mainText).
	for k, w := range leaderRun.Split(word, -1) {
		if v >= 2 && k > 0 && pageNumber(w) {
			continue
		}
		w = trimLeaders(w)
		if w == "" || w == "•" || w == "◦" || w == "▪" || listNumber(w) || leader(w) {
			continue
		}
		emit(w)
	}
}

// pageNumber reports whether w is what a contents entry's page number
// prints: up to four digits, or a lower-case roman numeral.
func pageNumber(w string) bool {
	if w == "" || len(w) > 6 {
		return false
	}
	digits, roman := true, true
	for _, r := range w {
		digits = digits && r >= '0' && r <= '9'
		roman = roman && strings.ContainsRune("ivxlc", r)
	}
	return digits && len(w) <= 4 || roman
}

// plainWord reports whether a word is non-empty and holds none of the
// characters normalizeWord looks for (dots, underscores, ellipses, bullets),
// byte by byte: most words.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '.' || c == '_':
			return false
		case c == 0xE2 && i+2 < len(w):
			switch w[i : i+3] {
			case "…", "•", "◦", "▪":
				return false
			}
		}
	}
	return w != ""
}

// leaderRun is a tab leader inside a word: three or more dots, underscores
// or ellipses.
var leaderRun = regexp.MustCompile(`[._…]{3,}`)

// listNumber is a numbered list's label such as "3.".
func listNumber(w string) bool {
	if len(w) < 2 || len(w) > 3 || w[len(w)-1] != '.' {
		return false
	}
	for _, r := range w[:len(w)-1] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// trimLeaders takes a dotted leader off a word it is stuck to
// ("Signed........").
func trimLeaders(w string) string {
	isLeader := func(r rune) bool { return r == '.' || r == '_' || r == '…' }
	if t := strings.TrimRightFunc(w, isLeader); len(w)-len(t) >= 3 {
		w = t
	}
	if t := strings.TrimLeftFunc(w, isLeader); len(w)-len(t) >= 3 {
		w = t
	}
	return w
}

// leader is a run of dots or underscores a tab leader may become in a PDF.
func leader(w string) bool {
	for _, r := range w {
		if r != '.' && r != '_' && r != '…' {
			return false
		}
	}
	return len(w) > 1
}

// Valid reports whether s has the form of a fingerprint.
func Valid(s string) bool {
	if len(s) != 9 || s[4] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && !strings.ContainsRune(alphabet, unicode.ToUpper(r)) {
			return false
		}
	}
	return true
}

// Find returns the fingerprints written in a text, in order.
func Find(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == ',' || r == ';' || r == '·'
	}) {
		w = strings.TrimRight(w, ".:")
		if Valid(w) && w == strings.ToUpper(w) {
			out = append(out, w)
		}
	}
	return out
}
