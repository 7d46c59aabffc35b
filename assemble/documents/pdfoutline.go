package documents

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"os"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// A PDF's outline (its bookmarks) is where LibreOffice records each
// heading's page: an item per heading, in document order, with the heading
// as title and its page as destination. Reading it needs no more of PDF than
// plain objects (LibreOffice writes the outline, the page tree and the
// catalogue uncompressed), so the build needs nothing beyond LibreOffice.

// bookmark is one outline item: a heading and the page it starts on
// (counting from 1).
type bookmark struct {
	title string
	page  int
}

var (
	objRE      = regexp.MustCompile(`(?m)(?:^|[\r\n ])(\d+) (\d+) obj\b`)
	rootRE     = regexp.MustCompile(`/Root\s+(\d+)\s+\d+\s+R`)
	kidsRE     = regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`)
	refRE      = regexp.MustCompile(`(\d+)\s+\d+\s+R`)
	pagesTypRE = regexp.MustCompile(`/Type\s*/Pages\b`)
	destRE     = regexp.MustCompile(`/(?:Dest|D)\s*\[\s*(\d+)\s+\d+\s+R`)
	titleRE    = regexp.MustCompile(`/Title\s*([<(])`)
)

func keyRef(obj []byte, key string) (int, bool) {
	m := regexp.MustCompile(`/` + key + `\s+(\d+)\s+\d+\s+R`).FindSubmatch(obj)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(string(m[1]))
	return n, err == nil
}

// readOutline lists a PDF's bookmarks in document order.
func readOutline(path string) ([]bookmark, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	objs := pdfObjects(b)
	roots := rootRE.FindAllSubmatch(b, -1)
	if len(roots) == 0 {
		return nil, errors.New("the PDF has no catalogue")
	}
	root, _ := strconv.Atoi(string(roots[len(roots)-1][1]))
	catalog := objs[root]
	pagesRoot, ok := keyRef(catalog, "Pages")
	if !ok {
		return nil, errors.New("the PDF has no page tree")
	}
	pageNo := map[int]int{}
	var walk func(n, depth int)
	walk = func(n, depth int) {
		obj := objs[n]
		if depth > 32 || obj == nil {
			return
		}
		if !pagesTypRE.Match(obj) {
			pageNo[n] = len(pageNo) + 1
			return
		}
		if kids := kidsRE.FindSubmatch(obj); kids != nil {
			for _, k := range refRE.FindAllSubmatch(kids[1], -1) {
				kid, _ := strconv.Atoi(string(k[1]))
				walk(kid, depth+1)
			}
		}
	}
	walk(pagesRoot, 0)

	var out []bookmark
	outlines, ok := keyRef(catalog, "Outlines")
	if !ok {
		return nil, nil // a document without headings
	}
	seen := map[int]bool{}
	var items func(first, depth int)
	items = func(n, depth int) {
		for n != 0 && !seen[n] && depth < 32 {
			seen[n] = true
			obj := objs[n]
			if obj == nil {
				return
			}
			bm := bookmark{title: pdfTitle(obj)}
			if d := destRE.FindSubmatch(obj); d != nil {
				ref, _ := strconv.Atoi(string(d[1]))
				bm.page = pageNo[ref]
			}
			out = append(out, bm)
			if first, ok := keyRef(obj, "First"); ok {
				items(first, depth+1)
			}
			n, _ = keyRef(obj, "Next")
		}
	}
	if first, ok := keyRef(objs[outlines], "First"); ok {
		items(first, 0)
	}
	if len(pageNo) == 0 {
		return nil, fmt.Errorf("no pages found in %s", path)
	}
	return out, nil
}

// pdfObjects maps each object number to its text up to endobj (the last
// definition wins, as in an updated PDF). A stream's data is cut off at
// "stream": only dictionaries are needed here.
func pdfObjects(b []byte) map[int][]byte {
	objs := map[int][]byte{}
	for _, m := range objRE.FindAllSubmatchIndex(b, -1) {
		n, err := strconv.Atoi(string(b[m[2]:m[3]]))
		if err != nil {
			continue
		}
		body := b[m[1]:]
		if end := bytes.Index(body, []byte("endobj")); end >= 0 {
			body = body[:end]
		}
		if s := bytes.Index(body, []byte("stream")); s >= 0 {
			body = body[:s]
		}
		objs[n] = body
	}
	return objs
}

// pdfTitle decodes an outline item's /Title: a hex or literal string,
// UTF-16 after a byte-order mark, else PDFDocEncoding (read as Latin-1).
func pdfTitle(obj []byte) string {
	m := titleRE.FindSubmatchIndex(obj)
	if m == nil {
		return ""
	}
	rest := obj[m[2]:]
	var raw []byte
	if rest[0] == '<' {
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return ""
		}
		digits := bytes.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
				return -1
			}
			return r
		}, rest[1:end])
		if len(digits)%2 == 1 {
			digits = append(digits, '0')
		}
		raw = make([]byte, len(digits)/2)
		if _, err := hex.Decode(raw, digits); err != nil {
			return ""
		}
	} else {
		raw = literal(rest)
	}
	if len(raw) >= 2 && raw[0] == 0xFE && raw[1] == 0xFF {
		u := make([]uint16, 0, len(raw)/2)
		for i := 2; i+1 < len(raw); i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(raw))
	for i, c := range raw {
		r[i] = rune(c)
	}
	return string(r)
}

// literal reads a PDF literal string starting at its "(": balanced
// parentheses, backslash escapes and octal codes.
func literal(b []byte) []byte {
	var out []byte
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '(':
			if depth > 0 {
				out = append(out, c)
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return out
			}
			out = append(out, c)
		case c == '\\' && i+1 < len(b):
			i++
			switch e := b[i]; e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r', '\n':
			default:
				if e >= '0' && e <= '7' {
					v, n := 0, 0
					for n < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7' {
						v = v*8 + int(b[i]-'0')
						i++
						n++
					}
					i--
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		default:
			out = append(out, c)
		}
	}
	return out
}

// unescapeXML turns a document's escaped text back into characters.
func unescapeXML(s string) string { return html.UnescapeString(s) }
