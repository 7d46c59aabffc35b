package fingerprint

import (
	"encoding/binary"
	"strconv"
	"strings"
	"unicode/utf8"
)

// scanText reads a main part's text as decodeText does, in one pass
// without encoding/xml's tokens (which cost a building's run more than all
// the rest of fingerprinting). It handles the XML a rendered document is
// made of; ok is false for anything else (CDATA, a document type, an
// unknown entity, a character or structure encoding/xml would refuse),
// and the caller then asks decodeText, whose answer, or error, stands.
func scanText(x string, tocTabs bool) (text string, ok bool) {
	if !utf8.ValidString(x) || strings.Contains(x, "]]>") ||
		strings.Contains(x, "\xef\xbf\xbe") || strings.Contains(x, "\xef\xbf\xbf") {
		return "", false
	}
	if hasControl(x) {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(x) / 2) // a rendered main part is up to a third text
	var stack []string // open elements' names, slices of x
	inText := false
	inContents := false // in a contents entry's paragraph (tocTabs)
	i := 0
	for i < len(x) {
		if x[i] != '<' {
			end := strings.IndexByte(x[i:], '<')
			if end < 0 {
				end = len(x)
			} else {
				end += i
			}
			if !charData(&b, x[i:end], inText) {
				return "", false
			}
			i = end
			continue
		}
		rest := x[i:]
		switch {
		case strings.HasPrefix(rest, "<?"):
			end := strings.Index(rest, "?>")
			if end < 0 || !declarationOK(rest[:end]) {
				return "", false
			}
			i += end + 2
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 || strings.Contains(rest[4:4+end], "--") {
				return "", false
			}
			i += 4 + end + 3
		case strings.HasPrefix(rest, "<!"):
			return "", false // CDATA or a document type: rare, left to encoding/xml
		case strings.HasPrefix(rest, "</"):
			n := nameLen(rest[2:])
			if n == 0 {
				return "", false
			}
			// Matched against the open element's name, which was
			// checked to be a plain name when it was opened.
			name := rest[2 : 2+n]
			j := 2 + n
			for j < len(rest) && isSpace(rest[j]) {
				j++
			}
			if j >= len(rest) || rest[j] != '>' || len(stack) == 0 || stack[len(stack)-1] != name {
				return "", false
			}
			stack = stack[:len(stack)-1]
			if l := local(name); l == "p" {
				inContents = false
			}
			endElement(&b, local(name), &inText)
			i += j + 1
		default:
			n, plain := plainNameLen(rest[1:])
			if n == 0 || !plain {
				return "", false
			}
			name := rest[1 : 1+n]
			j, selfClosing, ok := attributes(rest, 1+n)
			if !ok {
				return "", false
			}
			l := local(name)
			switch l {
			case "t":
				inText = true
			case "tab":
				if inContents {
					b.WriteString(contentsTab)
				} else {
					b.WriteByte(' ')
				}
			case "br", "cr":
				b.WriteByte(' ')
			case "pStyle":
				inContents = tocTabs && contentsStyle(attrValue(rest[1+n:j], "val"))
			}
			if selfClosing {
				endElement(&b, l, &inText)
			} else {
				stack = append(stack, name)
			}
			i += j
		}
	}
	if len(stack) > 0 {
		return "", false
	}
	return b.String(), true
}

// contentsTab is what a tab in a contents entry becomes in the text: the
// dotted leader a PDF draws there, so that the page number after it is
// known for one in the .docx as in the PDF (normalizeWord).
const contentsTab = "..."

// contentsStyle reports whether a paragraph style is a contents entry's:
// Word's TOC1…TOC9, LibreOffice's Contents1…Contents10.
func contentsStyle(id string) bool {
	return (strings.HasPrefix(id, "TOC") || strings.HasPrefix(id, "Contents")) && id != "TOCHeading" && id != "ContentsHeading"
}

// attrValue is the value of the attribute whose local name is name in an
// element's attribute text, as written ("" when there is none). It is
// only asked of a style id, which holds no references.
func attrValue(attrs, name string) string {
	for _, q := range []string{`:` + name + `="`, ` ` + name + `="`} {
		if i := strings.Index(attrs, q); i >= 0 {
			v := attrs[i+len(q):]
			if j := strings.IndexByte(v, '"'); j >= 0 {
				return v[:j]
			}
		}
	}
	return ""
}

func endElement(b *strings.Builder, local string, inText *bool) {
	switch local {
	case "t":
		*inText = false
	case "p", "tc":
		b.WriteByte('\n')
	}
}

// hasControl reports whether s holds a control character XML does not
// allow (below 0x20, other than tab, newline and carriage return). Eight
// bytes are tested at once for any byte below 0x20; only a word with one
// is looked at byte by byte.
func hasControl(s string) bool {
	const low, high = 0x2020202020202020, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		v := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		if (v-low)&^v&high == 0 {
			continue
		}
		for _, c := range []byte(s[i : i+8]) {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return true
			}
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return true
		}
	}
	return false
}

// local is an element name's local part as encoding/xml gives it.
func local(name string) string {
	if i := strings.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// plainNameLen is nameLen, and whether the name is plain: at most one
// colon, inside it (encoding/xml reads other names its own way, or
// refuses them).
func plainNameLen(s string) (n int, plain bool) {
	n = nameLen(s)
	colons := 0
	for i := 0; i < n; i++ {
		if s[i] == ':' {
			colons++
		}
	}
	return n, colons == 0 || colons == 1 && s[0] != ':' && s[n-1] != ':'
}

// nameLen is the length of the XML name at the start of s, 0 when there is
// none (or one that starts as no name may).
func nameLen(s string) int {
	n := 0
	for n < len(s) {
		c := s[n]
		if c == '_' || c == ':' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80 ||
			n > 0 && (c == '-' || c == '.' || '0' <= c && c <= '9') {
			n++
			continue
		}
		break
	}
	return n
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// attributes skips a start tag's attributes from j, returning the index
// after its ">" and whether it ended "/>".
func attributes(s string, j int) (int, bool, bool) {
	for {
		k := j
		for k < len(s) && isSpace(s[k]) {
			k++
		}
		if k >= len(s) {
			return 0, false, false
		}
		switch {
		case s[k] == '>':
			return k + 1, false, true
		case s[k] == '/':
			if k+1 < len(s) && s[k+1] == '>' {
				return k + 2, true, true
			}
			return 0, false, false
		}
		if k == j { // an attribute must follow white space
			return 0, false, false
		}
		n, plain := plainNameLen(s[k:])
		if n == 0 || !plain {
			return 0, false, false
		}
		k += n
		for k < len(s) && isSpace(s[k]) {
			k++
		}
		if k >= len(s) || s[k] != '=' {
			return 0, false, false
		}
		k++
		for k < len(s) && isSpace(s[k]) {
			k++
		}
		if k >= len(s) || s[k] != '"' && s[k] != '\'' {
			return 0, false, false
		}
		q := s[k]
		end := strings.IndexByte(s[k+1:], q)
		if end < 0 {
			return 0, false, false
		}
		v := s[k+1 : k+1+end]
		if strings.IndexByte(v, '<') >= 0 || !charData(nil, v, false) {
			return 0, false, false
		}
		j = k + 1 + end + 1
	}
}

// charData checks character data's references and, when keep, writes it
// decoded to b.
func charData(b *strings.Builder, s string, keep bool) bool {
	for len(s) > 0 {
		amp := strings.IndexByte(s, '&')
		if amp < 0 {
			if keep {
				b.WriteString(s)
			}
			return true
		}
		if keep {
			b.WriteString(s[:amp])
		}
		semi := strings.IndexByte(s[amp:], ';')
		if semi < 0 {
			return false
		}
		ref := s[amp+1 : amp+semi]
		var r rune
		switch ref {
		case "amp":
			r = '&'
		case "lt":
			r = '<'
		case "gt":
			r = '>'
		case "quot":
			r = '"'
		case "apos":
			r = '\''
		default:
			var n uint64
			var err error
			switch {
			case strings.HasPrefix(ref, "#x"):
				n, err = strconv.ParseUint(ref[2:], 16, 32)
			case strings.HasPrefix(ref, "#"):
				n, err = strconv.ParseUint(ref[1:], 10, 32)
			default:
				return false
			}
			if err != nil || len(ref) < 2 || ref[1] == '+' || !charOK(rune(n)) {
				return false
			}
			r = rune(n)
		}
		if keep {
			b.WriteRune(r)
		}
		s = s[amp+semi+1:]
	}
	return true
}

// charOK is XML's Char production.
func charOK(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// declarationOK accepts a processing instruction unless it is an XML
// declaration naming an encoding other than UTF-8.
func declarationOK(pi string) bool {
	if !strings.HasPrefix(pi, "<?xml") || len(pi) > 5 && !isSpace(pi[5]) {
		return true
	}
	_, after, found := strings.Cut(pi, "encoding=")
	if !found {
		return true
	}
	return strings.HasPrefix(strings.ToLower(after), `"utf-8"`) || strings.HasPrefix(strings.ToLower(after), `'utf-8'`)
}
