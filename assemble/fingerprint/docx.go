package fingerprint

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"mou/assemble/internal/docxzip"
)

// PropertyName is the custom document property that carries the
// fingerprint (File › Properties › Custom in Word).
const PropertyName = "Fingerprint"

// Words returns the words of a .docx body in reading order: paragraphs and
// table cells as they come, tabs and breaks as spaces; deleted text and
// field instructions are not read.
func Words(docx []byte) ([]string, error) {
	x, err := docxzip.Part(docx, "word/document.xml")
	if err != nil {
		return nil, err
	}
	return MainWords(x)
}

// MainWords are the words of a main document part (word/document.xml).
func MainWords(x []byte) ([]string, error) {
	return mainWords(x, Current)
}

func mainWords(x []byte, version int) ([]string, error) {
	text, err := mainText(string(x), version >= 2)
	if err != nil {
		return nil, err
	}
	return strings.Fields(text), nil
}

// mainText is a main part's text: the words as they stand, separated by
// white space; with tocTabs, a contents entry's tab as a dotted leader.
func mainText(x string, tocTabs bool) (string, error) {
	if text, ok := scanText(x, tocTabs); ok {
		return text, nil
	}
	return decodeText(x, tocTabs)
}

// decodeText is mainText read through encoding/xml's tokens: for what
// scanText leaves to it, and to test scanText against.
func decodeText(x string, tocTabs bool) (string, error) {
	d := xml.NewDecoder(strings.NewReader(x))
	var b strings.Builder
	inText, inContents := false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("word/document.xml: %w", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
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
				for _, a := range e.Attr {
					if a.Name.Local == "val" {
						inContents = tocTabs && contentsStyle(a.Value)
					}
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inText = false
			case "p", "tc":
				b.WriteByte('\n')
			}
			if e.Name.Local == "p" {
				inContents = false
			}
		case xml.CharData:
			if inText {
				b.Write(e)
			}
		}
	}
	return b.String(), nil
}

// Of computes a freshly rendered document's fingerprint: the document holds
// the Placeholder where the fingerprint will be printed.
func Of(docx []byte) (string, error) {
	words, err := Words(docx)
	if err != nil {
		return "", err
	}
	return FromWords(words, ""), nil
}

// OfMain computes the fingerprint from a freshly rendered main document
// part.
func OfMain(x string) (string, error) {
	text, err := mainText(x, true)
	if err != nil {
		return "", err
	}
	// Word by word into the hash, without a slice of them: a build
	// fingerprints every document it writes.
	h := newHasher("", Current)
	h.text(text)
	return h.sum(), nil
}

// Stamp prints the fingerprint where the document holds the placeholder
// (body, headers, footers, properties) and records it as the custom
// document property Fingerprint.
func Stamp(docx []byte, fp string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, fmt.Errorf("not a .docx: %w", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	hasCustom := false
	for _, f := range zr.File {
		b, err := docxzip.Read(f)
		if err != nil {
			return nil, err
		}
		switch {
		case f.Name == "docProps/custom.xml":
			hasCustom = true
			b = withProperty(b, fp)
		case f.Name == "[Content_Types].xml" && !bytes.Contains(b, []byte(`PartName="/docProps/custom.xml"`)):
			b = bytes.Replace(b, []byte("</Types>"), []byte(`<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`), 1)
		case f.Name == "_rels/.rels" && !bytes.Contains(b, []byte("docProps/custom.xml")):
			b = bytes.Replace(b, []byte("</Relationships>"), []byte(`<Relationship Id="rIdFingerprint" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`), 1)
		case strings.HasSuffix(f.Name, ".xml"):
			b = bytes.ReplaceAll(b, []byte(Placeholder), []byte(fp))
		}
		if err := writeFile(zw, zip.FileHeader{Name: f.Name, Modified: f.Modified}, b); err != nil {
			return nil, err
		}
	}
	if !hasCustom {
		h := zip.FileHeader{Name: "docProps/custom.xml", Method: zip.Deflate}
		if len(zr.File) > 0 {
			h.Modified = zr.File[0].Modified
		}
		if err := writeFile(zw, h, withProperty(nil, fp)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// StampParts does to a package about to be written what Stamp does to a
// written one, so that the package is deflated once: names are its entries
// in order, parts the entries it will hold changed (edited here in place,
// docProps/custom.xml added when the package has none), and read returns
// any other entry as it stands, not to be changed.
func StampParts(names []string, parts map[string][]byte, read func(name string) ([]byte, error), fp string) error {
	hasCustom := false
	for _, name := range names {
		stamped := name == "docProps/custom.xml" || name == "[Content_Types].xml" || name == "_rels/.rels" || strings.HasSuffix(name, ".xml")
		if !stamped {
			continue
		}
		b, ok := parts[name]
		if !ok {
			var err error
			if b, err = read(name); err != nil {
				return err
			}
		}
		switch {
		case name == "docProps/custom.xml":
			hasCustom = true
			parts[name] = withProperty(b, fp)
		case name == "[Content_Types].xml" && !bytes.Contains(b, []byte(`PartName="/docProps/custom.xml"`)):
			parts[name] = bytes.Replace(b, []byte("</Types>"), []byte(`<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`), 1)
		case name == "_rels/.rels" && !bytes.Contains(b, []byte("docProps/custom.xml")):
			parts[name] = bytes.Replace(b, []byte("</Relationships>"), []byte(`<Relationship Id="rIdFingerprint" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`), 1)
		case strings.HasSuffix(name, ".xml") && bytes.Contains(b, []byte(Placeholder)):
			parts[name] = bytes.ReplaceAll(b, []byte(Placeholder), []byte(fp))
		}
	}
	if !hasCustom {
		parts["docProps/custom.xml"] = withProperty(nil, fp)
	}
	return nil
}

const customHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`

// withProperty sets the Fingerprint property in custom.xml (nil: a new
// one), keeping any others.
func withProperty(custom []byte, fp string) []byte {
	return withNamedProperty(custom, PropertyName, fp)
}

// Unclaim removes the Fingerprint property: for a document made from a
// built one that is not itself built (a changes document), so nothing
// takes it for the document it was made from, or stamps it again.
func Unclaim(docx []byte) ([]byte, error) {
	out, _, err := setCustom(docx, func(b []byte) []byte { return wholePropertyRe.ReplaceAll(b, nil) })
	return out, err
}

var (
	wholePropertyRe = regexp.MustCompile(`<property [^>]*name="` + PropertyName + `"[^>]*>.*?</property>`)
	propertyRe      = regexp.MustCompile(`name="` + PropertyName + `"[^>]*>\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`)
	pidRe           = regexp.MustCompile(`pid="(\d+)"`)
)

// Claimed is the fingerprint a .docx records in its properties, or "".
func Claimed(docx []byte) (string, error) {
	custom, err := docxzip.Part(docx, "docProps/custom.xml")
	if errors.Is(err, docxzip.ErrNoPart) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if m := propertyRe.FindSubmatch(custom); m != nil {
		return string(m[1]), nil
	}
	return "", nil
}

func writeFile(zw *zip.Writer, h zip.FileHeader, b []byte) error {
	h.Method = zip.Deflate
	w, err := zw.CreateHeader(&h)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
