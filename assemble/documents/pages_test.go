package documents

import (
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"mou/assemble/internal/readertest"
	"mou/assemble/partnership"
)

// The page-level checks read the PDFs `mou build --pdf` writes — through
// LibreOffice with the Liberation fonts, as a user gets them — word by word
// with their positions (pdftotext -bbox), and look at each page as a
// typesetter would.

// pdfWord is a word of a PDF page and its box, in points from the page's
// top left.
type pdfWord struct {
	text                   string
	page                   int // from 1
	xMin, yMin, xMax, yMax float64
}

type pdfDoc struct {
	words  []pdfWord // in reading order
	pages  int
	height float64
}

var (
	bboxPageRE = regexp.MustCompile(`<page width="[\d.]+" height="([\d.]+)">`)
	bboxWordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

func readPDFWords(t *testing.T, pdf string) pdfDoc {
	t.Helper()
	bin := readertest.Require(t, "pdftotext")
	out, err := exec.Command(bin, "-raw", "-bbox", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	var d pdfDoc
	for _, chunk := range strings.Split(string(out), "<page ")[1:] {
		d.pages++
		if m := bboxPageRE.FindStringSubmatch("<page " + chunk); m != nil {
			d.height, _ = strconv.ParseFloat(m[1], 64)
		}
		for _, m := range bboxWordRE.FindAllStringSubmatch(chunk, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			d.words = append(d.words, pdfWord{html.UnescapeString(m[5]), d.pages, f(m[1]), f(m[2]), f(m[3]), f(m[4])})
		}
	}
	return d
}

// footerBand: the built documents' bottom margin is 72 points and no body
// text comes below it; the footer sits 28 points from the edge.
const footerBand = 66.0

func (d pdfDoc) body(page int) []pdfWord {
	var out []pdfWord
	for _, w := range d.words {
		if w.page == page && w.yMin <= d.height-footerBand {
			out = append(out, w)
		}
	}
	return out
}

func (d pdfDoc) footer(page int) []pdfWord {
	var out []pdfWord
	for _, w := range d.words {
		if w.page == page && w.yMin > d.height-footerBand {
			out = append(out, w)
		}
	}
	return out
}

func joined(ws []pdfWord) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.text + " ")
	}
	return b.String()
}

// find gives the index in d.words where the words of text start, from
// index from on; -1 when they do not occur.
func (d pdfDoc) find(text string, from int) int {
	want := strings.Fields(text)
	if len(want) == 0 {
		return -1
	}
	for i := max(from, 0); i+len(want) <= len(d.words); i++ {
		ok := true
		for j, w := range want {
			got := d.words[i+j].text
			// A contents entry runs into its leader and page number.
			if got != w && !(j == len(want)-1 && strings.HasPrefix(got, w+"...")) {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// docxContents reads the contents list of a built document: each entry's
// text and the page number written after it (0 when none).
func docxContents(t *testing.T, doc string) ([]string, []int) {
	f := findTOC(doc)
	if f == nil {
		return nil, nil
	}
	var texts []string
	var pages []int
	result := doc[f.resultStart:f.resultEnd]
	// The first entry shares its paragraph with the field's start.
	for _, para := range strings.Split(result, "</w:p>") {
		var text strings.Builder
		page := 0
		tabbed := false
		for _, m := range regexp.MustCompile(`<w:tab/>|<w:t(?: [^>]*)?>([^<]*)</w:t>`).FindAllStringSubmatch(para, -1) {
			switch {
			case m[0] == "<w:tab/>":
				tabbed = true
			case tabbed:
				page, _ = strconv.Atoi(m[1])
			default:
				text.WriteString(m[1])
			}
		}
		if s := strings.TrimSpace(html.UnescapeString(text.String())); s != "" {
			texts = append(texts, s)
			pages = append(pages, page)
		}
	}
	return texts, pages
}

// headerTables lists, for each top-level table with a repeating header row,
// the text of the header row and of each body row's first cell.
func headerTables(doc string) [][]string {
	var out [][]string
	for _, it := range topLevel(doc, blockTags) {
		if !it.table {
			continue
		}
		tbl := doc[it.start:it.end]
		open := strings.IndexByte(tbl, '>') + 1
		inner := tbl[open : len(tbl)-len("</w:tbl>")]
		rows := topLevel(inner, rowTags)
		if len(rows) < 2 || !headerRE.MatchString(firstTrPr(inner[rows[0].start:rows[0].end])) {
			continue
		}
		var firsts []string
		for i, r := range rows {
			row := inner[r.start:r.end]
			cell := row[strings.Index(row, "<w:tc>"):strings.Index(row, "</w:tc>")]
			if i == 0 {
				cell = row
			}
			var b strings.Builder
			for _, para := range strings.Split(cell, "</w:p>") {
				for _, m := range textRE.FindAllStringSubmatch(para, -1) {
					b.WriteString(m[1])
				}
				b.WriteString(" ")
			}
			firsts = append(firsts, strings.Join(strings.Fields(html.UnescapeString(b.String())), " "))
		}
		out = append(out, firsts)
	}
	return out
}

// pageExamples are the partnerships whose pages are checked: the examples,
// Cumbria from a copy whose declared total is corrected (its published one
// does not add up), and Herefordshire under a very long name.
func pageExamples(t *testing.T) []string {
	dir := t.TempDir()
	raw, err := os.ReadFile("../../data/cumbria-2019.toml")
	if err != nil {
		t.Fatal(err)
	}
	cumbria := filepath.Join(dir, "cumbria-2019.toml")
	fixed := regexp.MustCompile(`(?m)^declared_total = .*$`).ReplaceAllString(string(raw), "")
	if err := os.WriteFile(cumbria, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	raw, err = os.ReadFile("../../data/herefordshire-2019.toml")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Replace(string(raw), `name = "Safeguarding Children and Young People in Herefordshire"`,
		`name = "The Safeguarding Children and Young People Partnership of Herefordshire, the Welsh Marches and the Wider Wye Valley Area"`, 1)
	long = strings.Replace(long, `area = "Herefordshire"`, `area = "Herefordshire and the Wye Valley"`, 1)
	longPath := filepath.Join(dir, "long-name.toml")
	if err := os.WriteFile(longPath, []byte(long), 0o644); err != nil {
		t.Fatal(err)
	}
	return append([]string{cumbria, longPath}, examples...)
}

// TestPrintReadyPages builds every example with --pdf and checks each page.
func TestPrintReadyPages(t *testing.T) {
	readertest.Require(t, "soffice")
	readertest.Require(t, "pdftotext")
	out := t.TempDir()
	paths := pageExamples(t)
	files, err := Plan(paths, Options{Out: out})
	if err != nil {
		t.Fatalf("%v", err)
	}
	written, err := Write(files, WriteOptions{Out: out, PDF: true})
	if err != nil {
		t.Fatal(err)
	}
	var ps []*partnership.Partnership
	for _, path := range paths {
		p, _, err := partnership.Check(partnership.Options{}, path)
		if err != nil || p == nil {
			t.Fatalf("%s: %v", path, err)
		}
		ps = append(ps, p)
	}
	byFolder := map[string]*partnership.Partnership{}
	for i, f := range folderNames(ps, func(p *partnership.Partnership) *partnership.Partnership { return p }) {
		byFolder[f] = ps[i]
	}
	// Page images for a person to look at: test-artifacts/pages.
	artefacts := filepath.Join("..", "..", "test-artifacts", "pages")
	if dir := os.Getenv("MOU_ARTIFACTS"); dir != "" {
		artefacts = filepath.Join(dir, "pages")
	}
	os.RemoveAll(artefacts)
	if err := os.MkdirAll(artefacts, 0o755); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, pdf := range written {
		if filepath.Ext(pdf) != ".pdf" {
			continue
		}
		checked++
		rel, _ := filepath.Rel(out, pdf)
		docx := strings.TrimSuffix(pdf, ".pdf") + ".docx"
		b, err := os.ReadFile(docx)
		if err != nil {
			t.Fatal(err)
		}
		doc := partText(t, b, "word/document.xml")
		d := readPDFWords(t, pdf)
		kind := kindOfFile(filepath.Base(docx))
		p := byFolder[filepath.Base(filepath.Dir(pdf))]
		t.Run(rel, func(t *testing.T) {
			checkFooters(t, d, kind)
			checkContents(t, d, doc)
			checkTables(t, d, doc)
			checkSignOff(t, d, doc, p, kind)
			checkAmounts(t, d, doc)
			checkTagged(t, pdf, p.Partnership.Name)
		})
		folder := filepath.Base(filepath.Dir(pdf))
		readertest.Pages(t, pdf, filepath.Join(artefacts, folder+"-"+strings.TrimSuffix(filepath.Base(pdf), ".pdf")), 60)
	}
	if checked != 4*len(paths) {
		t.Errorf("checked %d PDFs, want %d", checked, 4*len(paths))
	}
}

// checkFooters: no footer on a cover; elsewhere the footer is one line
// (its words share a baseline) and ends with the right page number.
func checkFooters(t *testing.T, d pdfDoc, kind string) {
	for page := 1; page <= d.pages; page++ {
		f := d.footer(page)
		if page == 1 && kind != Endorsements {
			if len(f) > 0 {
				t.Errorf("the cover has a footer: %q", joined(f))
			}
			continue
		}
		if len(f) == 0 {
			t.Errorf("page %d has no footer", page)
			continue
		}
		for _, w := range f {
			if math.Abs(w.yMin-f[0].yMin) > 1 {
				t.Errorf("page %d: the footer wraps onto a second line: %q", page, joined(f))
				break
			}
		}
		if want := fmt.Sprintf("Page %d of %d", page, d.pages); !strings.HasSuffix(strings.TrimSpace(joined(f)), want) {
			t.Errorf("page %d: footer %q does not end with %q", page, joined(f), want)
		}
	}
}

// checkContents: every entry of the contents list carries a page number, in
// the .docx and in the PDF, and its heading starts on that page.
func checkContents(t *testing.T, d pdfDoc, doc string) {
	texts, pages := docxContents(t, doc)
	if strings.Contains(doc, " TOC ") && len(texts) == 0 {
		t.Error("the contents list is empty")
	}
	leader := regexp.MustCompile(`\.{3,}(\d+)$`)
	at := 0
	for i, text := range texts {
		if pages[i] == 0 {
			t.Errorf("contents entry %q has no page number in the .docx", text)
			continue
		}
		// The entry in the PDF's contents list prints the same number.
		j := d.find(text, at)
		if j < 0 {
			t.Errorf("contents entry %q is not in the PDF", text)
			continue
		}
		last := d.words[j+len(strings.Fields(text))-1].text
		if m := leader.FindStringSubmatch(last); m == nil || m[1] != strconv.Itoa(pages[i]) {
			t.Errorf("contents entry %q: the PDF prints %q, the .docx %d", text, last, pages[i])
		}
		at = j + 1
		// The heading itself is on that page.
		if !strings.Contains(" "+joined(d.body(pages[i])), " "+text+" ") {
			t.Errorf("contents entry %q gives page %d, but the heading is not there", text, pages[i])
		}
	}
}

// checkTables: a table with at most shortTable rows under its header is on
// one page; a longer one never leaves one row, or only its header, on a
// page.
func checkTables(t *testing.T, d pdfDoc, doc string) {
	// Tables are looked for after the contents list, from the page of the
	// first heading.
	at := 0
	if _, pages := docxContents(t, doc); len(pages) > 0 && pages[0] > 0 {
		for at < len(d.words) && d.words[at].page < pages[0] {
			at++
		}
	}
	for _, rows := range headerTables(doc) {
		start := d.find(rows[0], at)
		if start < 0 {
			t.Errorf("table %q is not in the PDF", rows[0])
			continue
		}
		perPage := map[int]int{}
		var order []int
		pos := start + 1
		for _, first := range rows[1:] {
			if first == "" {
				continue
			}
			j := d.find(first, pos)
			if j < 0 {
				t.Errorf("table %q: row %q is not in the PDF", rows[0], first)
				break
			}
			pg := d.words[j].page
			if perPage[pg] == 0 {
				order = append(order, pg)
			}
			perPage[pg]++
			pos = j + 1
		}
		at = pos
		body := len(rows) - 1
		if len(order) > 1 && body <= shortTable {
			t.Errorf("table %q (%d rows) is split over pages %v", rows[0], body, order)
		}
		if len(order) > 0 && order[0] != d.words[start].page {
			t.Errorf("table %q: its header is alone at the foot of page %d", rows[0], d.words[start].page)
		}
		for _, pg := range order {
			if len(order) > 1 && perPage[pg] < 2 {
				t.Errorf("table %q leaves %d row on page %d", rows[0], perPage[pg], pg)
			}
		}
	}
}

// checkSignOff: the sign-off heading and statement are on the page of the
// first signature block, and every block is whole on one page.
func checkSignOff(t *testing.T, d pdfDoc, doc string, p *partnership.Partnership, kind string) {
	heading := map[string]string{MOU: "Endorsement", YearlyReport: "Sign-off"}[kind]
	if heading == "" || p == nil {
		return
	}
	texts, pages := docxContents(t, doc)
	page := 0
	for i, text := range texts {
		if text == heading {
			page = pages[i]
		}
	}
	if page == 0 {
		t.Fatalf("no %q heading in the contents list", heading)
	}
	from := 0
	for i, w := range d.words {
		if w.page == page {
			from = i
			break
		}
	}
	for n, s := range NewView(p, kind).Signatories {
		name := firstOf(s.Signatory, s.Title, s.Organisation)
		j := d.find(name, from)
		if j < 0 {
			t.Errorf("signatory %q is not in the PDF after the %s heading", name, heading)
			continue
		}
		if n == 0 && d.words[j].page != page {
			t.Errorf("the %s heading is on page %d, the first signature block (%s) on page %d", heading, page, name, d.words[j].page)
		}
		date := d.find("Date", j)
		if date < 0 || d.words[date].page != d.words[j].page {
			t.Errorf("%s's signature block is split across pages", name)
		}
		from = j + 1
	}
}

// checkAmounts: in a table of amounts, the amounts and the shares are each
// right-aligned in their column, and the shares have one precision.
func checkAmounts(t *testing.T, d pdfDoc, doc string) {
	money := regexp.MustCompile(`^£[\d,]+(\.\d\d)?$`)
	share := regexp.MustCompile(`^\d+(\.\d)?%$`)
	for _, rows := range headerTables(doc) {
		if !strings.HasPrefix(rows[0], "Contributor ") {
			continue
		}
		start := d.find("Contributor", 0)
		for start >= 0 && d.find("Contributor Amount Share", start) != start {
			start = d.find("Contributor", start+1)
		}
		if start < 0 {
			t.Error("the funding table is not in the PDF")
			continue
		}
		var amounts, shares []pdfWord
		for _, w := range d.words[start:] {
			if money.MatchString(w.text) {
				amounts = append(amounts, w)
			}
			if share.MatchString(w.text) {
				shares = append(shares, w)
			}
			if len(shares) == len(rows)-1 { // a share per row and the total
				break
			}
		}
		for _, col := range [][]pdfWord{amounts, shares} {
			for _, w := range col {
				if math.Abs(w.xMax-col[0].xMax) > 0.6 {
					t.Errorf("%q and %q are not right-aligned (%.1f, %.1f)", col[0].text, w.text, col[0].xMax, w.xMax)
				}
			}
		}
		for _, w := range shares {
			if strings.Contains(w.text, ".") != strings.Contains(shares[0].text, ".") {
				t.Errorf("shares with two precisions in one table: %q and %q", shares[0].text, w.text)
			}
		}
	}
}

// TestKeepTogether: the rules on a small document, including a paragraph
// two rules keep (a lead-in before a table) and the shapes other editors
// write (<w:pPr/>, no pPr at all).
func TestKeepTogether(t *testing.T) {
	row := func(header bool, text string) string {
		trPr := `<w:trPr><w:cantSplit/></w:trPr>`
		if header {
			trPr = `<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`
		}
		return `<w:tr>` + trPr + `<w:tc><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc></w:tr>`
	}
	doc := `<w:body><w:p><w:pPr/><w:r><w:t>They are:</w:t></w:r></w:p>` +
		`<w:tbl><w:tblPr/>` + row(true, "Name") + row(false, "A") + row(false, "B") + `</w:tbl>` +
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Sign-off</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Signed for the partners.</w:t></w:r></w:p>` +
		`<w:tbl><w:tblPr/>` + row(false, "First") + row(false, "Second") + `</w:tbl></w:body>`
	got, changed := keepTogether(doc, nil)
	want := `<w:body><w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>They are:</w:t></w:r></w:p>` +
		`<w:tbl><w:tblPr/>`
	if !changed || !strings.HasPrefix(got, want) {
		t.Fatalf("got\n%s", got)
	}
	if n := strings.Count(got, "<w:keepNext/>"); n != 5 { // lead-in, three rows, the sign-off statement
		t.Errorf("%d paragraphs keep with the next, want 5:\n%s", n, got)
	}
	if !strings.Contains(got, `<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>Signed for the partners.`) {
		t.Errorf("the sign-off statement does not keep with the first block:\n%s", got)
	}
	if strings.Contains(got, `<w:t>First</w:t>`) && strings.Count(got[strings.Index(got, "Signed for"):], "keepNext") != 0 {
		t.Errorf("the signature blocks keep with each other:\n%s", got)
	}
	again, _ := keepTogether(got, nil)
	if again != got {
		t.Error("applying the rules twice changed the document")
	}
}

// checkTagged: every PDF is tagged for screen readers, in UK English, and
// titled with its document and its partnership.
func checkTagged(t *testing.T, pdf, partnership string) {
	t.Helper()
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	info := string(out)
	if !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("%s is not tagged", filepath.Base(pdf))
	}
	if !strings.Contains(info, " — "+partnership) {
		t.Errorf("%s: its title does not name the partnership:\n%s", filepath.Base(pdf), info)
	}
}
