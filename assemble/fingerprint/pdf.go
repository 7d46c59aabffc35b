package fingerprint

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// A Word of a PDF page and where it stands.
type Word struct {
	Text string
	X, Y float64 // top left, in points from the page's top left
	// XMax and YMax are its bottom right.
	XMax, YMax float64
}

// A Page of a PDF: its words in the order they were drawn, the running
// footer apart.
type Page struct {
	Words  []Word
	Footer []Word
	// Width and Height are the page's size in points.
	Width, Height float64
}

// footerBand is how far from the bottom of a page the running footer may
// reach: the built documents' bottom margin is 72 points, their footer 28
// points from the edge, and no body text comes below the margin.
const footerBand = 66.0

// PDF is what a PDF made from a built document holds.
type PDF struct {
	Title string // from its properties
	Pages []Page
}

// ReadPDF reads a PDF's words with pdftotext (poppler-utils), in the order
// they were drawn, which for a PDF written by a word processor is reading
// order (table cells one after the other).
func ReadPDF(path string) (PDF, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return PDF{}, fmt.Errorf("reading %s needs pdftotext: install poppler-utils (apt-get install poppler-utils), or verify the .docx instead", path)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "-raw", "-bbox", "-enc", "UTF-8", path, "-")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return PDF{}, fmt.Errorf("pdftotext cannot read %s: %s", path, strings.TrimSpace(stderr.String()+" "+err.Error()))
	}
	return parseBBox(out)
}

// parseBBox reads pdftotext's -bbox output.
func parseBBox(out []byte) (PDF, error) {
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var pdf PDF
	var height float64
	var cur *Word
	inTitle := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return PDF{}, fmt.Errorf("pdftotext's output: %w", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			at := func(name string) float64 {
				for _, a := range e.Attr {
					if a.Name.Local == name {
						f, _ := strconv.ParseFloat(a.Value, 64)
						return f
					}
				}
				return 0
			}
			switch e.Name.Local {
			case "title":
				inTitle = true
			case "page":
				height = at("height")
				pdf.Pages = append(pdf.Pages, Page{Width: at("width"), Height: height})
			case "word":
				cur = &Word{X: at("xMin"), Y: at("yMin"), XMax: at("xMax"), YMax: at("yMax")}
			}
		case xml.CharData:
			if inTitle {
				pdf.Title += string(e)
			}
			if cur != nil {
				cur.Text += html.UnescapeString(string(e))
			}
		case xml.EndElement:
			if e.Name.Local == "title" {
				inTitle = false
			}
			if e.Name.Local == "word" && cur != nil && len(pdf.Pages) > 0 {
				p := &pdf.Pages[len(pdf.Pages)-1]
				if cur.Y > height-footerBand {
					p.Footer = append(p.Footer, *cur)
				} else {
					p.Words = append(p.Words, *cur)
				}
				cur = nil
			}
		}
	}
	return pdf, nil
}

// Words are the words of the pages, a word broken at a hyphen at the end
// of a line joined again. Repeats are the word ranges at the top of a page
// that are the same, line for line, as an earlier stretch: a table's header
// row printed again, which is not in the document, or text that only looks
// like one.
func (pdf PDF) Words() (words []string, repeats [][2]int) {
	// A group is a run of words drawn on one line (a table row's cells
	// are drawn one after the other, so a row may be several groups).
	type group struct {
		key        string
		from, to   int // word range
		page, rank int // rank: its place on its page
	}
	var groups []group
	byKey := map[string][]int{}
	for pi, p := range pdf.Pages {
		ws := joinHyphens(p.Words)
		rank := 0
		for i := 0; i < len(ws); rank++ {
			j := i + 1
			for j < len(ws) && ws[j].Y == ws[i].Y {
				j++
			}
			var line []string
			for _, w := range ws[i:j] {
				line = append(line, w.Text)
			}
			g := group{key: strings.Join(line, " "), from: len(words), to: len(words) + len(line), page: pi, rank: rank}
			byKey[g.key] = append(byKey[g.key], len(groups))
			groups = append(groups, g)
			words = append(words, line...)
			i = j
		}
	}
	for gi, g := range groups {
		if g.rank != 0 || g.page == 0 {
			continue
		}
		best := 0
		for _, e := range byKey[g.key] {
			if e >= gi {
				break
			}
			m := 0
			for gi+m < len(groups) && e+m < gi && groups[gi+m].page == g.page && groups[e+m].key == groups[gi+m].key {
				m++
			}
			best = max(best, m)
		}
		if best > 0 {
			repeats = append(repeats, [2]int{g.from, groups[gi+best-1].to})
		}
	}
	return words, repeats
}

// joinHyphens joins a word broken at a hyphen at the end of a line with
// its end on the next line.
func joinHyphens(ws []Word) []Word {
	var out []Word
	for i, w := range ws {
		if n := len(out); n > 0 && brokenAtHyphen(out[n-1].Text) && w.Y > ws[i-1].Y+1 {
			out[n-1].Text += w.Text
			continue
		}
		out = append(out, w)
	}
	return out
}

func brokenAtHyphen(w string) bool {
	return len(w) > 1 && strings.HasSuffix(w, "-") && !strings.HasSuffix(w, "--")
}

// FooterText is a page's running footer as one line.
func (p Page) FooterText() string {
	var parts []string
	for _, w := range joinHyphens(p.Footer) {
		parts = append(parts, w.Text)
	}
	return strings.Join(parts, " ")
}
