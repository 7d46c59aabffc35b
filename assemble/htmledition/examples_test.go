package htmledition_test

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"mou/assemble/documents"
	"mou/assemble/fingerprint"
	"mou/assemble/internal/docxzip"
)

// edition is one built document and its HTML edition.
type edition struct {
	name    string // "herefordshire-2019/arrangements.html", for messages
	docx    []byte
	html    []byte
	website string
}

var (
	builtOnce sync.Once
	built     []edition
	builtErr  error
)

// examples builds every example data file that builds (Cumbria's
// published funding table does not add up, so it is refused on purpose)
// with --html, once for all the tests of the package.
// statements are the accessibility statements the example builds wrote.
var statements []edition

func examples(t *testing.T) []edition {
	t.Helper()
	builtOnce.Do(func() {
		paths, _ := filepath.Glob("../../data/*.toml")
		paths = slices.DeleteFunc(paths, func(p string) bool { return filepath.Base(p) == "cumbria-2019.toml" })
		out, err := os.MkdirTemp("", "htmledition-")
		if err != nil {
			builtErr = err
			return
		}
		defer os.RemoveAll(out)
		written, err := documents.Build(paths, documents.Options{Out: out, HTML: true}, documents.WriteOptions{})
		if err != nil {
			var f *documents.Failure
			if errors.As(err, &f) {
				var b strings.Builder
				f.WriteText(&b)
				err = errors.New(b.String())
			}
			builtErr = err
			return
		}
		for _, w := range written {
			if !strings.HasSuffix(w, ".html") {
				continue
			}
			if filepath.Base(w) == "accessibility-statement.html" {
				// No .docx of its own: checked in a browser only (TestAxe).
				name, _ := filepath.Rel(out, w)
				page, err := os.ReadFile(w)
				if err != nil {
					builtErr = err
					return
				}
				statements = append(statements, edition{name: name, html: page})
				continue
			}
			e := edition{}
			e.name, _ = filepath.Rel(out, w)
			if e.html, err = os.ReadFile(w); err == nil {
				e.docx, err = os.ReadFile(strings.TrimSuffix(w, ".html") + ".docx")
			}
			if err != nil {
				builtErr = err
				return
			}
			e.website = websiteOf(e.docx)
			built = append(built, e)
		}
	})
	if builtErr != nil {
		t.Fatal(builtErr)
	}
	if len(built) == 0 {
		t.Fatal("the examples built no HTML edition")
	}
	return built
}

// websiteOf is the web address a document prints, if any: the partnership's
// website, the one link a page may make away from itself.
func websiteOf(docx []byte) string {
	main, _ := docxzip.Part(docx, "word/document.xml")
	return string(regexp.MustCompile(`https://[^<\s]+`).Find(main))
}

// element is one element of a page, as the tests read it: its name,
// attributes, the elements it is inside and its text.
type element struct {
	name    string
	attr    map[string]string
	parents []string // outermost first
	text    string   // for headings: the text inside
}

// htmlText reads a page as a browser's text is read for its words: the text
// of every element except those skip says to leave out (whose class or
// name is in it), with a space wherever a block ends, none where inline
// formatting (<strong>, <a>, <span>) starts or ends, as a word of a .docx
// may run across runs. It also returns every element.
func htmlText(t *testing.T, page []byte, skip ...string) (string, []element) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(string(page)))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	inline := map[string]bool{"strong": true, "em": true, "a": true, "span": true, "b": true, "i": true}
	var b strings.Builder
	var stack []*element
	var all []element
	skipping := 0
	var headingText *strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the page does not parse: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			el := &element{name: strings.ToLower(e.Name.Local), attr: map[string]string{}}
			for _, a := range e.Attr {
				el.attr[strings.ToLower(a.Name.Local)] = a.Value
			}
			for _, p := range stack {
				el.parents = append(el.parents, p.name)
			}
			stack = append(stack, el)
			if skipping > 0 || slices.Contains(skip, el.name) || slices.Contains(skip, el.attr["class"]) || el.name == "head" || el.name == "style" {
				skipping++
			}
			if !inline[el.name] {
				b.WriteByte(' ')
			}
			if len(el.name) == 2 && el.name[0] == 'h' && el.name[1] >= '1' && el.name[1] <= '6' {
				headingText = &strings.Builder{}
			}
		case xml.EndElement:
			if len(stack) == 0 {
				t.Fatalf("</%s> closes nothing", e.Name.Local)
			}
			el := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !inline[el.name] {
				b.WriteByte(' ')
			}
			if headingText != nil && len(el.name) == 2 && el.name[0] == 'h' {
				el.text = strings.Join(strings.Fields(headingText.String()), " ")
				headingText = nil
			}
			all = append(all, *el)
			if skipping > 0 {
				skipping--
			}
		case xml.CharData:
			if headingText != nil {
				headingText.Write(e)
			}
			if skipping == 0 {
				b.Write(e)
			}
		}
	}
	return b.String(), all
}

// contentsParagraph is a paragraph of the .docx's contents list: its
// heading and its entries, which the page's <nav> replaces.
var contentsParagraph = regexp.MustCompile(`<w:p(?:\s[^>]*)?>(?:[^<]|<[^/]|</[^w]|</w:[^p]|</w:p[^>])*?<w:pStyle w:val="(?:TOC\d|TOCHeading)"/>.*?</w:p>`)

// TestWordsAreTheDocuments: every HTML edition's words, skip link, contents
// and footer left out, are the .docx's words without its contents list;
// with its contents (the <nav>, where the contents list stands in the
// .docx) they have the .docx's fingerprint.
func TestWordsAreTheDocuments(t *testing.T) {
	for _, e := range examples(t) {
		main, err := docxzip.Part(e.docx, "word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		withoutContents := contentsParagraph.ReplaceAll(main, nil)
		if len(withoutContents) == len(main) {
			t.Errorf("%s: found no contents list in the .docx", e.name)
		}
		want, err := fingerprint.MainWords(withoutContents)
		if err != nil {
			t.Fatal(err)
		}
		text, _ := htmlText(t, e.html, "skip-link", "nav", "footer")
		got := strings.Fields(text)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the page's words differ from the .docx's: %s", e.name, firstDifference(got, want))
		}

		claimed, err := fingerprint.Claimed(e.docx)
		if err != nil || claimed == "" {
			t.Fatalf("%s: the .docx claims no fingerprint (%v)", e.name, err)
		}
		withNav, _ := htmlText(t, e.html, "skip-link", "footer")
		if fp := fingerprint.FromWords(strings.Fields(withNav), claimed); fp != claimed {
			t.Errorf("%s: the page's words with its contents have fingerprint %s, the .docx %s", e.name, fp, claimed)
		}
	}
}

// firstDifference says where two lists of words part.
func firstDifference(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			from := max(0, i-5)
			return "at word " + strconv.Itoa(i) + ": page has " + strconv.Quote(strings.Join(got[from:min(len(got), i+6)], " ")) +
				", .docx has " + strconv.Quote(strings.Join(want[from:min(len(want), i+6)], " "))
		}
	}
	return "page has " + strconv.Itoa(len(got)) + " words, .docx " + strconv.Itoa(len(want))
}

// docxHeadings are a main part's headings, "1 Background", in order.
func docxHeadings(main []byte) []string {
	var out []string
	para := regexp.MustCompile(`<w:p(?:\s[^>]*)?>.*?</w:p>`)
	style := regexp.MustCompile(`<w:pStyle w:val="Heading(\d)"/>`)
	text := regexp.MustCompile(`<w:t(?:\s[^>]*)?>([^<]*)</w:t>`)
	for _, p := range para.FindAll(main, -1) {
		m := style.FindSubmatch(p)
		if m == nil {
			continue
		}
		var b strings.Builder
		for _, t := range text.FindAllSubmatch(p, -1) {
			b.Write(t[1])
		}
		out = append(out, string(m[1])+" "+strings.Join(strings.Fields(xmlUnescape(b.String())), " "))
	}
	return out
}

func xmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(s)
}

// TestStructure: each page is one self-contained accessible document — its
// language and title, a skip link to <main>, contents linking to every
// heading of levels 1 and 2, one <hN> per HeadingN paragraph and never a
// level skipped, header cells with scope on every data table and none
// outside them, nothing fetched from elsewhere and no script, a print
// stylesheet and the fingerprint in the footer.
func TestStructure(t *testing.T) {
	for _, e := range examples(t) {
		page := string(e.html)
		main, _ := docxzip.Part(e.docx, "word/document.xml")
		if !strings.HasPrefix(page, "<!doctype html>\n<html lang=\"en-GB\">") {
			t.Errorf("%s: does not start with the doctype and lang=\"en-GB\"", e.name)
		}
		core, _ := docxzip.Part(e.docx, "docProps/core.xml")
		docTitle := xmlUnescape(string(regexp.MustCompile(`<dc:title>([^<]*)</dc:title>`).FindSubmatch(core)[1]))
		_, els := htmlText(t, e.html)
		ids := map[string]bool{}
		for _, el := range els {
			if id := el.attr["id"]; id != "" {
				if ids[id] {
					t.Errorf("%s: id %q twice", e.name, id)
				}
				ids[id] = true
			}
		}

		var headings, navLinks, wantNav []string
		level := 0
		var title, body []element
		for _, el := range els {
			inside := func(name string) bool { return slices.Contains(el.parents, name) }
			switch {
			case el.name == "title":
				title = append(title, el)
			case el.name == "body":
				body = append(body, el)
			case len(el.name) == 2 && el.name[0] == 'h' && el.name[1] >= '1' && el.name[1] <= '6':
				n := int(el.name[1] - '0')
				headings = append(headings, strconv.Itoa(n)+" "+el.text)
				if n > level+1 {
					t.Errorf("%s: <%s>%s</%s> skips a level after <h%d>", e.name, el.name, el.text, el.name, level)
				}
				level = n
				if !inside("main") {
					t.Errorf("%s: heading %q is outside <main>", e.name, el.text)
				}
				if n <= 2 {
					wantNav = append(wantNav, "#"+el.attr["id"])
				}
			case el.name == "th":
				if el.attr["scope"] != "col" || !inside("thead") || !inside("table") {
					t.Errorf("%s: a header cell without scope=\"col\" or outside a table's <thead>", e.name)
				}
				if inside("div") {
					t.Errorf("%s: a header cell in a layout table", e.name)
				}
			case el.name == "td" && inside("thead"):
				t.Errorf("%s: a data cell in a table's header row", e.name)
			case el.name == "script" || el.name == "link" || el.name == "iframe" || el.name == "object" || el.name == "embed" || el.name == "img" && el.attr["alt"] == "":
				t.Errorf("%s: <%s> on the page", e.name, el.name)
			}
			if el.name == "a" && inside("nav") {
				navLinks = append(navLinks, el.attr["href"])
			}
			for _, a := range []string{"src", "href", "action", "srcset", "poster", "data"} {
				v, ok := el.attr[a]
				switch {
				case !ok:
				case a == "href" && strings.HasPrefix(v, "#"):
					if !ids[v[1:]] {
						t.Errorf("%s: a link to #%s, which the page does not have", e.name, v[1:])
					}
				case a == "href" && v == e.website && strings.HasPrefix(v, "https://"):
					// The partnership's own website, where the document prints it.
				case el.name == "img" && a == "src" && (strings.HasPrefix(v, "data:image/png;base64,") || strings.HasPrefix(v, "data:image/jpeg;base64,")):
					// A picture of the document, carried in the page itself.
					if strings.TrimSpace(el.attr["alt"]) == "" {
						t.Errorf("%s: a picture without alternative text", e.name)
					}
				default:
					t.Errorf("%s: %s=%q reaches outside the page", e.name, a, v)
				}
			}
		}
		if len(title) != 1 || !strings.Contains(page, "<title>") || docTitle == "" {
			t.Errorf("%s: %d <title> elements", e.name, len(title))
		}
		if !strings.Contains(page, "<title>"+htmlEscape(docTitle)+"</title>") {
			t.Errorf("%s: the <title> is not the document's title %q", e.name, docTitle)
		}
		if !regexp.MustCompile(`<body>\s*<a class="skip-link" href="#main">`).MatchString(page) || !strings.Contains(page, `<main id="main">`) {
			t.Errorf("%s: the first thing in <body> is not a skip link to <main>", e.name)
		}
		if want := docxHeadings(main); !slices.Equal(headings, want) {
			t.Errorf("%s: headings\n%q\nthe .docx's\n%q", e.name, headings, want)
		}
		if !slices.Equal(navLinks, wantNav) || len(navLinks) == 0 {
			t.Errorf("%s: the contents link to %q, the headings of levels 1 and 2 are %q", e.name, navLinks, wantNav)
		}
		// Tables whose first row repeats as a header are data tables;
		// the others (signature blocks) lay out, with no header cells.
		var data, layout int
		for _, tbl := range strings.Split(string(main), "<w:tbl>")[1:] {
			tbl, _, _ = strings.Cut(tbl, "</w:tbl>")
			if strings.Contains(tbl, "<w:tblHeader/>") {
				data++
			} else {
				layout++
			}
		}
		if got := strings.Count(page, "<table>"); got != data || strings.Count(page, "<thead>") != data {
			t.Errorf("%s: %d tables, %d with a header row; the .docx has %d data tables", e.name, got, strings.Count(page, "<thead>"), data)
		}
		if got := strings.Count(page, `<div class="layout">`); got != layout {
			t.Errorf("%s: %d layout blocks, the .docx has %d layout tables", e.name, got, layout)
		}
		style := page[strings.Index(page, "<style>"):strings.Index(page, "</style>")]
		for _, bad := range []string{"url(", "@import", "@font-face", "//"} {
			if strings.Contains(style, bad) {
				t.Errorf("%s: the stylesheet holds %q", e.name, bad)
			}
		}
		if !strings.Contains(style, "@media print") {
			t.Errorf("%s: no print stylesheet", e.name)
		}
		if strings.Contains(page, "<script") || strings.Contains(strings.ToLower(page), "javascript:") || regexp.MustCompile(`\son[a-z]+=`).MatchString(page) {
			t.Errorf("%s: the page holds a script", e.name)
		}
		fp, _ := fingerprint.Claimed(e.docx)
		footer := page[strings.Index(page, "<footer>"):]
		if !strings.Contains(footer, `<span class="fingerprint">`+fp+`</span>`) {
			t.Errorf("%s: the footer does not carry the fingerprint %s", e.name, fp)
		}
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
