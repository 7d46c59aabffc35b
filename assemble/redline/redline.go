// Package redline marks up a Word document with tracked changes against an
// earlier version of itself, so the signatories of a revised document see in
// Word's or LibreOffice's review pane exactly what changed.
//
// It is exact where general comparers guess because both versions come from
// the same template: blocks are aligned by the template's own structure
// (sections by their headings, then a longest common subsequence of
// paragraphs and tables, table rows by the text of their first cell), and
// only paragraphs that differ are compared word by word. Unchanged
// paragraphs are copied untouched.
//
// AcceptAll and RejectAll undo the markup the way a word processor does, so
// a test can prove a changes document right: accepting every change gives
// the new document and rejecting every change gives the old one.
package redline

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"mou/assemble/internal/docxzip"
)

// Options say who and when the changes are attributed to.
type Options struct {
	Author string    // "mou" when empty
	Date   time.Time // the new version's date
}

// Summary counts what Compare marked.
type Summary struct {
	Revisions  int // revision elements written (each has its own id)
	Paragraphs int // paragraphs inserted, deleted or changed
	Rows       int // table rows inserted or deleted
}

// Changed reports whether the versions differ at all.
func (s Summary) Changed() bool { return s.Revisions > 0 }

// revisable reports whether a part holds text that is compared: the body,
// headers, footers, footnotes and endnotes.
func revisable(name string) bool {
	if !strings.HasPrefix(name, "word/") || path.Ext(name) != ".xml" {
		return false
	}
	base := path.Base(name)
	return name == "word/document.xml" || strings.HasPrefix(base, "header") || strings.HasPrefix(base, "footer") ||
		base == "footnotes.xml" || base == "endnotes.xml"
}

// Compare returns newDocx carrying tracked changes that turn oldDocx into
// it. Every part other than the body, headers and footers is the new
// document's as it is, but for comments, which neither version's are
// carried (comments.go).
func Compare(oldDocx, newDocx []byte, opts Options) ([]byte, Summary, error) {
	if opts.Author == "" {
		opts.Author = "mou"
	}
	oldZip, err := zip.NewReader(bytes.NewReader(oldDocx), int64(len(oldDocx)))
	if err != nil {
		return nil, Summary{}, fmt.Errorf("the earlier version is not a .docx: %w", err)
	}
	newZip, err := zip.NewReader(bytes.NewReader(newDocx), int64(len(newDocx)))
	if err != nil {
		return nil, Summary{}, fmt.Errorf("the new version is not a .docx: %w", err)
	}
	oldFiles := map[string]*zip.File{}
	for _, f := range oldZip.File {
		oldFiles[f.Name] = f
	}
	r := &reviser{author: opts.Author, date: opts.Date.UTC().Format("2006-01-02T15:04:05Z")}
	// Revision ids share their numbers with bookmarks and comments a
	// template may have: start above every id the new version uses.
	newParts := map[string][]byte{}
	for _, f := range newZip.File {
		if _, ok := oldFiles[f.Name]; ok && revisable(f.Name) {
			b, err := docxzip.Read(f)
			if err != nil {
				return nil, Summary{}, fmt.Errorf("the new version: %w", err)
			}
			newParts[f.Name] = b
			for _, m := range idRe.FindAllSubmatch(b, -1) {
				if n, err := strconv.Atoi(string(m[1])); err == nil {
					r.next = max(r.next, n)
				}
			}
		}
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range newZip.File {
		if commentPart(f.Name) {
			continue // a changes document carries no comments (comments.go)
		}
		if f.Name == "word/_rels/document.xml.rels" || f.Name == "[Content_Types].xml" {
			b, err := docxzip.Read(f)
			if err != nil {
				return nil, Summary{}, fmt.Errorf("the new version: %w", err)
			}
			b, _ = withoutCommentParts(f.Name, b)
			w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
			if err != nil {
				return nil, Summary{}, err
			}
			if _, err := w.Write(b); err != nil {
				return nil, Summary{}, err
			}
			continue
		}
		of, ok := oldFiles[f.Name]
		if !ok || !revisable(f.Name) {
			// Every other part is the new version's as it is, copied
			// without being inflated and deflated again.
			if err := zw.Copy(f); err != nil {
				return nil, Summary{}, err
			}
			continue
		}
		oldPart, err := docxzip.Read(of)
		if err != nil {
			return nil, Summary{}, fmt.Errorf("the earlier version: %w", err)
		}
		out, err := r.part(oldPart, newParts[f.Name])
		if err != nil {
			return nil, Summary{}, fmt.Errorf("%s: %w", f.Name, err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return nil, Summary{}, err
		}
		if _, err := w.Write(out); err != nil {
			return nil, Summary{}, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, Summary{}, err
	}
	return buf.Bytes(), r.sum, nil
}

// readParts unzips a package, keeping the order of its parts.
func readParts(docx []byte) (map[string][]byte, []string, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, nil, fmt.Errorf("not a .docx: %w", err)
	}
	parts := map[string][]byte{}
	var order []string
	for _, f := range zr.File {
		b, err := docxzip.Read(f)
		if err != nil {
			return nil, nil, err
		}
		parts[f.Name] = b
		order = append(order, f.Name)
	}
	return parts, order, nil
}

func writeParts(parts map[string][]byte, order []string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(parts[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var idRe = regexp.MustCompile(`\bw:id="(\d+)"`)

// reviser writes revision marks; one per Compare, so ids are unique across
// every part of the document.
type reviser struct {
	author, date string
	next         int
	sum          Summary
}

// mark is a revision element (w:ins, w:del) with a fresh id.
func (r *reviser) mark(name string, kids ...*node) *node {
	r.next++
	r.sum.Revisions++
	return el(name, []xml.Attr{wattr("id", strconv.Itoa(r.next)), wattr("author", r.author), wattr("date", r.date)}, kids...)
}

// part compares one XML part: the children of its body (document) or of its
// root (header, footer).
func (r *reviser) part(oldXML, newXML []byte) ([]byte, error) {
	oldRoot, err := parse(oldXML)
	if err != nil {
		return nil, fmt.Errorf("the earlier version: %w", err)
	}
	newRoot, err := parse(newXML)
	if err != nil {
		return nil, fmt.Errorf("the new version: %w", err)
	}
	dropComments(oldRoot)
	dropComments(newRoot)
	oldBox, newBox := container(oldRoot), container(newRoot)
	if oldBox == nil || newBox == nil {
		return newXML, nil
	}
	newBox.kids = r.sections(elements(oldBox.kids), elements(newBox.kids))
	return newRoot.bytes(), nil
}

// container is the element whose children are the part's paragraphs and
// tables.
func container(root *node) *node {
	for _, top := range root.kids {
		if top.name == "" {
			continue
		}
		if b := top.child("w:body"); b != nil {
			return b
		}
		return top
	}
	return nil
}

// elements drops character data between elements (whitespace).
func elements(ns []*node) []*node {
	out := make([]*node, 0, len(ns))
	for _, n := range ns {
		if n.name != "" {
			out = append(out, n)
		}
	}
	return out
}
