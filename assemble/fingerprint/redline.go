package fingerprint

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"

	"mou/assemble/internal/docxzip"
)

// A tracked-changes document (`mou build --compare`) is neither version:
// it holds the earlier version's words as deletions and the new one's as
// insertions. It records the fingerprints of both in its properties, so
// that mou verify can say what it is — accepting every change must give
// the new version's words, rejecting every change the earlier one's — and
// so that, once its changes are all accepted (or all rejected) and it is
// saved, it verifies as the version it has become.

// Property names of a tracked-changes document's two versions.
const (
	RedlineFromProperty = "Changes from fingerprint"
	RedlineToProperty   = "Changes to fingerprint"
)

// MarkRedline makes a tracked-changes document made from two built ones:
// it claims no fingerprint of its own, and records from (the earlier
// version's) and to (the new one's).
func MarkRedline(docx []byte, from, to string) ([]byte, error) {
	out, found, err := setCustom(docx, func(custom []byte) []byte {
		custom = wholePropertyRe.ReplaceAll(custom, nil)
		custom = withNamedProperty(custom, RedlineFromProperty, from)
		return withNamedProperty(custom, RedlineToProperty, to)
	})
	if err == nil && !found {
		err = fmt.Errorf("the document has no custom properties to record its versions in")
	}
	return out, err
}

// Redline is what a tracked-changes document says of itself, and what its
// words give when every change is accepted or rejected.
type Redline struct {
	From, To string // the fingerprints recorded
	// Accepted and Rejected are the fingerprints of its words with every
	// change accepted, and with every change rejected.
	Accepted, Rejected string
}

// OK reports whether accepting every change gives To and rejecting every
// change gives From.
func (r Redline) OK() bool {
	return r.From != "" && r.To != "" && r.Accepted == r.To && r.Rejected == r.From
}

// redlineOf reads a tracked-changes document's recorded fingerprints and
// works out both outcomes; nil when the document records none.
func redlineOf(docx []byte) *Redline {
	custom, err := docxzip.Part(docx, "docProps/custom.xml")
	if err != nil {
		return nil
	}
	from, to := namedProperty(custom, RedlineFromProperty), namedProperty(custom, RedlineToProperty)
	if from == "" && to == "" {
		return nil
	}
	r := &Redline{From: from, To: to}
	main, err := docxzip.Part(docx, "word/document.xml")
	if err != nil {
		return r
	}
	if ws, err := MainWords(main); err == nil {
		r.Accepted = FromWords(ws, to)
	}
	if text, err := rejectedText(string(main)); err == nil {
		r.Rejected = FromWords(strings.Fields(text), from)
	}
	return r
}

// rejectedText is a main part's text with every tracked change rejected:
// deleted text back, inserted text and inserted table rows out, contents
// entries' tabs read as leaders (canonical form 2).
func rejectedText(x string) (string, error) {
	d := xml.NewDecoder(strings.NewReader(x))
	var b strings.Builder
	var stack []string
	inText, inContents := false, false
	inserted := 0   // depth of run-holding w:ins elements around here
	rowOut := false // in a table row that was inserted
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
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, e.Name.Local)
			switch e.Name.Local {
			case "ins":
				switch parent {
				case "trPr":
					rowOut = true
				case "rPr", "pPr", "tcPr", "tblPr":
					// a paragraph mark or property inserted: no text
				default:
					inserted++
				}
			case "t", "delText":
				inText = true
			case "tab":
				if inserted > 0 || rowOut {
					break
				}
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
						inContents = contentsStyle(a.Value)
					}
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			switch e.Name.Local {
			case "ins":
				if parent != "trPr" && parent != "rPr" && parent != "pPr" && parent != "tcPr" && parent != "tblPr" {
					inserted--
				}
			case "t", "delText":
				inText = false
			case "p", "tc":
				b.WriteByte('\n')
			case "tr":
				rowOut = false
			}
			if e.Name.Local == "p" {
				inContents = false
			}
		case xml.CharData:
			if inText && inserted == 0 && !rowOut {
				b.Write(e)
			}
		}
	}
	return b.String(), nil
}

// setCustom rewrites docProps/custom.xml, which every built document has
// (it carries the Fingerprint property); found is false, and the package
// is copied as it is, when there is none.
func setCustom(docx []byte, edit func([]byte) []byte) (out []byte, found bool, err error) {
	out, parts, err := docxzip.Rewrite(docx, map[string]func([]byte) []byte{"docProps/custom.xml": edit})
	return out, parts["docProps/custom.xml"], err
}

var namedPropertyRe = regexp.MustCompile(`<property [^>]*name="([^"]*)"[^>]*>\s*<vt:lpwstr>([^<]*)</vt:lpwstr>\s*</property>`)

// namedProperty is the value of the custom property called name.
func namedProperty(custom []byte, name string) string {
	for _, m := range namedPropertyRe.FindAllSubmatch(custom, -1) {
		if string(m[1]) == name {
			return string(m[2])
		}
	}
	return ""
}

// withNamedProperty sets a custom property, keeping the others.
func withNamedProperty(custom []byte, name, value string) []byte {
	if custom == nil {
		custom = []byte(customHead + `</Properties>`)
	}
	for _, m := range namedPropertyRe.FindAllSubmatchIndex(custom, -1) {
		if string(custom[m[2]:m[3]]) == name {
			return append(append(append([]byte{}, custom[:m[4]]...), value...), custom[m[5]:]...)
		}
	}
	pid := 2
	for _, m := range pidRe.FindAllSubmatch(custom, -1) {
		var n int
		fmt.Sscan(string(m[1]), &n)
		pid = max(pid, n+1)
	}
	prop := fmt.Sprintf(`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s"><vt:lpwstr>%s</vt:lpwstr></property>`, pid, name, value)
	return bytes.Replace(custom, []byte("</Properties>"), []byte(prop+"</Properties>"), 1)
}
