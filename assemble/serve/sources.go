package serve

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"mou/assemble/form"
)

// The sources page shows, for each paragraph of a document, where it came
// from: the review copy's comments (`mou build --review`), read back from
// the copy the preview built, with every data path a link to its field.

// sourceRow is one paragraph and its origin.
type sourceRow struct {
	Section string
	Text    string
	From    []segment
}

// segment is a piece of an origin's text, a link when it names a field.
type segment struct{ Text, Href string }

type sourcesView struct {
	Title string
	Rows  []sourceRow
	Docs  []docLink
	Back  string
}

// reviewNotes reads a review copy: each paragraph with a comment, the
// heading it stands under and the comment's text.
func reviewNotes(docx []byte) ([]sourceRow, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, err
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		if zf.Name == "word/document.xml" || zf.Name == "word/comments.xml" {
			rc, err := zf.Open()
			if err != nil {
				return nil, err
			}
			b, err := io.ReadAll(io.LimitReader(rc, 64<<20))
			rc.Close()
			if err != nil {
				return nil, err
			}
			parts[zf.Name] = b
		}
	}
	comments := map[string]string{}
	if err := eachPara(parts["word/comments.xml"], func(p para) {
		if p.comment != "" {
			comments[p.comment] = strings.TrimSpace(comments[p.comment] + " " + p.text)
		}
	}); err != nil {
		return nil, err
	}
	var rows []sourceRow
	heading := ""
	err = eachPara(parts["word/document.xml"], func(p para) {
		if strings.HasPrefix(p.style, "Heading") && strings.TrimSpace(p.text) != "" {
			heading = strings.TrimSpace(p.text)
		}
		for _, id := range p.anchors {
			if c, ok := comments[id]; ok && strings.TrimSpace(p.text) != "" {
				rows = append(rows, sourceRow{Section: heading, Text: strings.TrimSpace(p.text), From: []segment{{Text: c}}})
			}
		}
	})
	return rows, err
}

// para is one w:p as eachPara reads it.
type para struct {
	style   string
	text    string
	anchors []string // ids of comment ranges that start in it
	comment string   // the w:comment it is in (comments part)
}

// eachPara walks the paragraphs of a WordprocessingML part.
func eachPara(part []byte, fn func(para)) error {
	if part == nil {
		return nil
	}
	dec := xml.NewDecoder(bytes.NewReader(part))
	var cur *para
	var text strings.Builder
	inText, comment := false, ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "comment":
				comment = attr(t, "id")
			case "p":
				cur = &para{comment: comment}
				text.Reset()
			case "pStyle":
				if cur != nil {
					cur.style = attr(t, "val")
				}
			case "commentRangeStart":
				if cur != nil {
					cur.anchors = append(cur.anchors, attr(t, "id"))
				}
			case "t":
				inText = true
			case "tab":
				text.WriteByte(' ')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if cur != nil {
					cur.text = text.String()
					fn(*cur)
					cur = nil
				}
			case "comment":
				comment = ""
			}
		case xml.CharData:
			if inText && cur != nil {
				text.Write(t)
			}
		}
	}
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

var (
	// dataPath finds a path such as partners[1].lead.name or
	// points.introduction[0] in an origin's text.
	dataPath = regexp.MustCompile(`\b[a-z][a-z_]*(?:\[\d+\])?(?:\.[a-z][a-z_]*(?:\[\d+\])?)+|\b[a-z][a-z_]*\[\d+\]`)
	// wording finds "[text] introduction" and "[points] introduction".
	wording = regexp.MustCompile(`\[(text|points)\] ([a-z][a-z_]*)`)
)

// linkPaths splits an origin's text into text and links to the fields it
// names.
func linkPaths(f *dataFile, pages []form.Page, s string) []segment {
	of := pageOfKey(pages)
	type match struct {
		start, end int
		path       string
	}
	var ms []match
	for _, m := range wording.FindAllStringSubmatchIndex(s, -1) {
		ms = append(ms, match{m[0], m[1], s[m[2]:m[3]] + "." + s[m[4]:m[5]]})
	}
	for _, m := range dataPath.FindAllStringIndex(s, -1) {
		p := s[m[0]:m[1]]
		if _, ok := of[topKey(p)]; !ok || strings.HasSuffix(p, ".toml") {
			continue
		}
		overlaps := false
		for _, o := range ms {
			overlaps = overlaps || m[0] < o.end && o.start < m[1]
		}
		if !overlaps {
			ms = append(ms, match{m[0], m[1], p})
		}
	}
	// in text order
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	var out []segment
	at := 0
	for _, m := range ms {
		if m.start > at {
			out = append(out, segment{Text: s[at:m.start]})
		}
		out = append(out, segment{Text: s[m.start:m.end], Href: fieldHref(f, pages, m.path)})
		at = m.end
	}
	if at < len(s) {
		out = append(out, segment{Text: s[at:]})
	}
	return out
}

func (s *Server) sourcesPage(w http.ResponseWriter, r *http.Request) {
	f, st, ok := s.opened(w, r)
	if !ok {
		return
	}
	b := s.cache.get(s, f, st.hash)
	if b.err != nil {
		http.Redirect(w, r, "/p/"+f.id+"/preview", http.StatusSeeOther)
		return
	}
	want, err := strconv.Atoi(r.URL.Query().Get("doc"))
	v := sourcesView{Back: "/p/" + f.id + "/preview"}
	for i, file := range b.files {
		name := filepath.Base(file.Path)
		if !strings.HasSuffix(name, "-review.docx") {
			continue
		}
		d := docLink{Index: i, Name: name, Title: documentName(strings.TrimSuffix(name, "-review.docx")),
			Href: fmt.Sprintf("/p/%s/sources?doc=%d", f.id, i)}
		if err != nil {
			want, err = i, nil
		}
		if i == want {
			d.Current = true
			v.Title = d.Title
			rows, rerr := reviewNotes(file.Data)
			if rerr != nil {
				s.fail(w, http.StatusInternalServerError, f, "The copy with sources could not be read: "+rerr.Error())
				return
			}
			for k := range rows {
				rows[k].From = linkPaths(f, st.pages, rows[k].From[0].Text)
			}
			v.Rows = rows
		}
		v.Docs = append(v.Docs, d)
	}
	s.show(w, http.StatusOK, f, st, "sources.html", "Where each paragraph came from", "preview", v)
}
