package documents

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
)

// The contents list is a TOC field. Word recomputes it when the document
// opens (settings.xml asks it to), but LibreOffice, and so every PDF made
// with --pdf, shows whatever the field last held. fillContents puts the
// document's level 1 and 2 headings there, without page numbers, which only
// a layout engine knows; Word replaces the list with its own on opening.
//
// Only the simple form is filled — the whole field in one paragraph, as in
// the default templates. A contents list Word has already expanded over
// several paragraphs is left as it is.

var (
	headingRE  = regexp.MustCompile(`<w:pStyle w:val="Heading([12])"/>`)
	textRE     = regexp.MustCompile(`(?s)<w:t(?: [^>]*)?>(.*?)</w:t>`)
	separateRE = regexp.MustCompile(`<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:fldChar w:fldCharType="separate"/></w:r>`)
	endRE      = regexp.MustCompile(`<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:fldChar w:fldCharType="end"/></w:r>`)
)

type entry struct {
	level string // "1" or "2"
	text  string // as escaped in the document
}

func fillContents(docx []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, err
	}
	var doc string
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, err
			}
			doc = string(b)
		}
	}
	filled, ok := fillTOC(doc)
	if !ok {
		return docx, nil
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		fh := f.FileHeader
		w, err := zw.CreateHeader(&fh)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(filled)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// fillTOC returns the document with its contents field's result replaced
// by one paragraph per heading, and whether it changed anything.
func fillTOC(doc string) (string, bool) {
	paras := paragraphSpans(doc)
	var entries []entry
	toc := -1
	for i, loc := range paras {
		p := doc[loc[0]:loc[1]]
		if strings.Contains(p[1:], "<w:p>") || strings.Contains(p[1:], "<w:p ") {
			continue // a paragraph inside a text box: not ours to read
		}
		if toc < 0 && strings.Contains(p, "<w:instrText") && strings.Contains(p, " TOC ") {
			toc = i
			continue
		}
		if m := headingRE.FindStringSubmatch(p); m != nil {
			var text strings.Builder
			for _, t := range textRE.FindAllStringSubmatch(p, -1) {
				text.WriteString(t[1])
			}
			if s := strings.TrimSpace(text.String()); s != "" {
				entries = append(entries, entry{m[1], s})
			}
		}
	}
	if toc < 0 || len(entries) == 0 {
		return doc, false
	}
	loc := paras[toc]
	p := doc[loc[0]:loc[1]]
	sep, end := separateRE.FindStringIndex(p), endRE.FindStringIndex(p)
	if sep == nil || end == nil || end[0] < sep[1] || strings.Count(p, "fldCharType=\"begin\"") != 1 {
		return doc, false
	}
	var b strings.Builder
	b.WriteString(p[:sep[1]])
	for i, e := range entries {
		if i > 0 {
			b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TOC` + e.level + `"/></w:pPr>`)
		}
		b.WriteString(`<w:r><w:t xml:space="preserve">` + e.text + `</w:t></w:r>`)
		if i < len(entries)-1 {
			b.WriteString("</w:p>")
		}
	}
	b.WriteString(p[end[0]:])
	return doc[:loc[0]] + b.String() + doc[loc[1]:], true
}

// paragraphSpans finds what the pattern (?s)<w:p(?: [^>]*)?>.*?</w:p> would
// find, without a regular expression: on a long document that one took half
// of a build's time.
func paragraphSpans(doc string) [][]int {
	var out [][]int
	for i := 0; ; {
		j := strings.Index(doc[i:], "<w:p")
		if j < 0 {
			return out
		}
		start := i + j
		k := start + len("<w:p")
		if k >= len(doc) || (doc[k] != '>' && doc[k] != ' ') {
			i = k
			continue
		}
		gt := strings.IndexByte(doc[k:], '>')
		if gt < 0 {
			return out
		}
		end := strings.Index(doc[k+gt:], "</w:p>")
		if end < 0 {
			return out
		}
		stop := k + gt + end + len("</w:p>")
		out = append(out, []int{start, stop})
		i = stop
	}
}
