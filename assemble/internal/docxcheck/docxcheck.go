// Package docxcheck finds what makes Word call a document "unreadable
// content" and refuse to open it until repaired: malformed XML, a part the
// content types do not declare, a relationship to a missing part, repeated
// paragraph, drawing or bookmark ids, unpaired bookmarks, an undefined list,
// and tables, rows or cells left empty. Tests of the engine and of the
// built documents run every output through it.
package docxcheck

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
)

// Check returns every problem found in a .docx, or nothing.
func Check(docx []byte) []string {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return []string{"not a zip: " + err.Error()}
	}
	parts := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return []string{f.Name + ": " + err.Error()}
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return []string{f.Name + ": " + err.Error()}
		}
		parts[f.Name] = b
		names = append(names, f.Name)
	}
	sort.Strings(names)
	c := &checker{parts: parts, paraIDs: map[string]string{}, docPrIDs: map[string]string{}, numIDs: map[string]bool{}}
	// The main part is the one the package relationships name (Office 365
	// may call it word/document2.xml); word/document.xml without them.
	main := "word/document.xml"
	if m := mainTarget.FindSubmatch(parts["_rels/.rels"]); m != nil {
		main = strings.TrimPrefix(path.Clean("/"+string(m[1])+string(m[2])), "/")
	}
	if _, ok := parts[main]; !ok {
		c.fail("%s is missing", main)
	}
	c.contentTypes(names)
	c.numbering()
	for _, n := range names {
		if strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") {
			c.part(n)
		}
	}
	return c.problems
}

var mainTarget = regexp.MustCompile(`<Relationship [^>]*Type="[^"]*/officeDocument"[^>]*Target="([^"]+)"|<Relationship [^>]*Target="([^"]+)"[^>]*Type="[^"]*/officeDocument"`)

type checker struct {
	parts    map[string][]byte
	problems []string
	paraIDs  map[string]string // w14:paraId → part (unique across parts)
	docPrIDs map[string]string // wp:docPr id → part (unique across parts)
	numIDs   map[string]bool   // numIds numbering.xml defines
}

func (c *checker) fail(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// contentTypes: every part has a content type, by override or extension.
func (c *checker) contentTypes(names []string) {
	ct, ok := c.parts["[Content_Types].xml"]
	if !ok {
		c.fail("[Content_Types].xml is missing")
		return
	}
	var types struct {
		Defaults []struct {
			Extension string `xml:"Extension,attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(ct, &types); err != nil {
		c.fail("[Content_Types].xml: %v", err)
		return
	}
	known := map[string]bool{}
	for _, o := range types.Overrides {
		known[strings.TrimPrefix(o.PartName, "/")] = true
	}
	exts := map[string]bool{}
	for _, d := range types.Defaults {
		exts[strings.ToLower(d.Extension)] = true
	}
	for _, n := range names {
		if n == "[Content_Types].xml" || strings.HasSuffix(n, "/") || known[n] {
			continue
		}
		if !exts[strings.ToLower(strings.TrimPrefix(path.Ext(n), "."))] {
			c.fail("%s has no content type", n)
		}
	}
}

func (c *checker) numbering() {
	b, ok := c.parts["word/numbering.xml"]
	if !ok {
		return
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "num" {
			c.numIDs[attr(se, "numId")] = true
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// part checks one XML part as a stream of elements.
func (c *checker) part(name string) {
	dec := xml.NewDecoder(bytes.NewReader(c.parts[name]))
	bookmarkIDs := map[string]bool{}
	bookmarkNames := map[string]bool{}
	open := map[string]bool{}
	textIDs := map[string]bool{}
	anchors := map[string]bool{} // comment anchors and note references
	// children counts, per open table / row / cell, the children that
	// must be there.
	type frame struct {
		local string
		n     int
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.fail("%s: the XML is broken: %v", name, err)
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > 0 {
				top := &stack[len(stack)-1]
				switch {
				case top.local == "tbl" && t.Name.Local == "tr",
					top.local == "tr" && t.Name.Local == "tc",
					top.local == "tc" && (t.Name.Local == "p" || t.Name.Local == "tbl"):
					top.n++
				}
			}
			stack = append(stack, frame{local: t.Name.Local})
			switch t.Name.Local {
			case "p":
				if id := attr(t, "paraId"); id != "" {
					if other, dup := c.paraIDs[id]; dup {
						c.fail("%s: paragraph id %s is also used in %s", name, id, other)
					}
					c.paraIDs[id] = name
				}
				if id := attr(t, "textId"); id != "" && id != "77777777" {
					if textIDs[id] {
						c.fail("%s: text id %s repeated", name, id)
					}
					textIDs[id] = true
				}
			case "docPr":
				id := attr(t, "id")
				if other, dup := c.docPrIDs[id]; dup {
					c.fail("%s: drawing id %s is also used in %s", name, id, other)
				}
				c.docPrIDs[id] = name
			case "bookmarkStart":
				id, bm := attr(t, "id"), attr(t, "name")
				if bookmarkIDs[id] {
					c.fail("%s: bookmark id %s repeated", name, id)
				}
				if bookmarkNames[bm] {
					c.fail("%s: bookmark name %q repeated", name, bm)
				}
				bookmarkIDs[id], bookmarkNames[bm], open[id] = true, true, true
			case "bookmarkEnd":
				id := attr(t, "id")
				if !open[id] {
					c.fail("%s: bookmark end %s has no start", name, id)
				}
				delete(open, id)
			case "commentRangeStart", "commentRangeEnd", "commentReference", "footnoteReference", "endnoteReference":
				// Word allows a comment or a note one place in the text.
				key := t.Name.Local + " " + attr(t, "id")
				if anchors[key] {
					c.fail("%s: %s %s repeated (Word calls the file unreadable)", name, t.Name.Local, attr(t, "id"))
				}
				anchors[key] = true
			case "numId":
				if id := attr(t, "val"); id != "0" && !c.numIDs[id] && strings.HasPrefix(name, "word/") && name != "word/numbering.xml" {
					c.fail("%s: list %s is not defined in numbering.xml", name, id)
				}
			case "Relationship":
				c.relationship(name, t)
			}
		case xml.EndElement:
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if top.n == 0 {
				switch top.local {
				case "tbl":
					c.fail("%s: a table has no rows", name)
				case "tr":
					c.fail("%s: a table row has no cells", name)
				case "tc":
					c.fail("%s: a table cell has no paragraph", name)
				}
			}
		}
	}
	for id := range open {
		c.fail("%s: bookmark %s is never ended", name, id)
	}
}

// relationship: an internal target must exist in the package.
func (c *checker) relationship(relsName string, t xml.StartElement) {
	if attr(t, "TargetMode") == "External" {
		return
	}
	target := attr(t, "Target")
	// word/_rels/document.xml.rels points relative to word/.
	base := path.Dir(path.Dir(relsName))
	full := path.Clean(path.Join(base, target))
	if strings.HasPrefix(target, "/") {
		full = strings.TrimPrefix(target, "/")
	}
	if full == "." {
		return
	}
	if _, ok := c.parts[full]; !ok {
		c.fail("%s: relationship %s points to %s, which is not in the package", relsName, attr(t, "Id"), full)
	}
}

// Part returns the text of one part of a .docx, for tests that look inside.
func Part(docx []byte, name string) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return "", err
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return "", err
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			return string(b), err
		}
	}
	return "", fmt.Errorf("the package has no %s", name)
}
