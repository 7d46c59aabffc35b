package redline_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"mou/assemble/documents"
	"mou/assemble/fingerprint"
	"mou/assemble/internal/docxcheck"
	"mou/assemble/internal/readertest"
	"mou/assemble/redline"
)

// A pair is two versions of a partnership, each a data file.
type pair struct {
	name     string
	old, new string
}

// edited writes a copy of a data file with replacements applied, failing
// when a replacement finds nothing (the data moved on: fix the test).
func edited(t testing.TB, src string, repl ...string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i+1 < len(repl); i += 2 {
		if !strings.Contains(s, repl[i]) {
			t.Fatalf("%s no longer holds %q: update the test's edit", src, repl[i])
		}
		s = strings.Replace(s, repl[i], repl[i+1], 1)
	}
	path := filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// cumbria2019 is the 2019 Cumbria data with its funding total corrected (as
// published, the rows do not add up to it and the build refuses it).
func cumbria2019(t testing.TB) string {
	return edited(t, "../../data/cumbria-2019.toml", "declared_total = 237416", "declared_total = 229615")
}

// herefordshireLater is a later Herefordshire: the data file the project
// keeps when it is there, else an edited copy of 2019 with the changes a
// reorganisation brings (a new delegate, a renamed partner, a funding row
// more, a board fewer, a new version in the history).
func herefordshireLater(t testing.TB) string {
	if _, err := os.Stat("../../data/herefordshire-2024.toml"); err == nil {
		return "../../data/herefordshire-2024.toml"
	}
	return edited(t, "../../data/herefordshire-2019.toml",
		`date = 2019-09-10
arrangements_title`, `date = 2020-10-01
arrangements_title`,
		`delegate = { name = "Susan Thomas", title = "Superintendent Policing Commander for Herefordshire Local Policing Area" }`,
		`delegate = { name = "Jo Bloggs", title = "Superintendent Policing Commander for Herefordshire" }`,
		`organisation = "Herefordshire Clinical Commissioning Group"`, `organisation = "NHS Herefordshire and Worcestershire Clinical Commissioning Group"`,
		`[[boards]]
name = "Corporate Parenting Board"
`, ``,
		`amount = 53510
`, `amount = 53510

[[funding.rows]]
agency = "Schools"
label = "Schools forum"
amount = 10000
`,
		`declared_total = 267300`, `declared_total = 277300`,
		`signatory = "Susan Thomas"
title = "Superintendent Policing Commander for Herefordshire Local Policing Area"
date = 2019-09-10`, `signatory = "Jo Bloggs"
title = "Superintendent Policing Commander for Herefordshire"
date = 2020-10-01`,
		`members = ["Chris Baird", "Susan Thomas", "Ellen Footman"]`, `members = ["Chris Baird", "Jo Bloggs", "Ellen Footman"]`,
		`[[glossary]]`, `[[history]]
version = "2.0"
date = 2020-10-01
summary = "The CCGs of Herefordshire and Worcestershire merged; new police delegate."
document = "mou"

[[glossary]]`,
	)
}

func pairs(t testing.TB) []pair {
	return []pair{
		{"herefordshire", "../../data/herefordshire-2019.toml", herefordshireLater(t)},
		{"cumbria-to-westmorland", cumbria2019(t), "../../data/westmorland-and-furness-2025.toml"},
	}
}

// build renders a partnership's four documents in memory, by kind.
func build(t testing.TB, path string) map[string][]byte {
	t.Helper()
	files, err := documents.Plan([]string{path}, documents.Options{Out: "x", Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		var f *documents.Failure
		if errors.As(err, &f) {
			var b strings.Builder
			f.WriteText(&b)
			t.Fatalf("%s does not build:\n%s", path, b.String())
		}
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		kind := strings.TrimSuffix(filepath.Base(f.Path), ".docx")
		if strings.HasPrefix(kind, "annual-report") {
			kind = "report"
		}
		out[kind] = f.Data
	}
	return out
}

var opts = redline.Options{Author: "mou", Date: time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)}

// TestAcceptGivesNewRejectGivesOld is the test of a changes document:
// accepting every change gives exactly the new document and rejecting every
// change exactly the old one, for every document of both example pairs.
func TestAcceptGivesNewRejectGivesOld(t *testing.T) {
	for _, p := range pairs(t) {
		old, new := build(t, p.old), build(t, p.new)
		for kind, nb := range new {
			t.Run(p.name+"/"+kind, func(t *testing.T) {
				ob := old[kind]
				changes, sum, err := redline.Compare(ob, nb, opts)
				if err != nil {
					t.Fatal(err)
				}
				if !sum.Changed() {
					t.Fatalf("no change found between two different versions")
				}
				checkChanges(t, changes, ob, nb)
			})
		}
	}
}

// checkChanges runs every check of a changes document against its old and
// new versions.
func checkChanges(t *testing.T, changes, old, new []byte) {
	t.Helper()
	for _, problem := range docxcheck.Check(changes) {
		t.Errorf("structural check: %s", problem)
	}
	checkRevisionMarkup(t, changes)
	accepted, err := redline.AcceptAll(changes)
	if err != nil {
		t.Fatal(err)
	}
	rejected, err := redline.RejectAll(changes)
	if err != nil {
		t.Fatal(err)
	}
	sameContent(t, "accepting every change", accepted, new)
	sameContent(t, "rejecting every change", rejected, old)
}

// checkRevisionMarkup: every revision has a unique id, the author and the
// date; deleted runs hold w:delText, never w:t; no insertion is nested in
// an insertion.
func checkRevisionMarkup(t *testing.T, docx []byte) {
	t.Helper()
	ids := map[string]bool{}
	for _, name := range partNames(t, docx) {
		var stack []string
		eachToken(t, part(t, docx, name), func(tok xml.Token) {
			switch e := tok.(type) {
			case xml.StartElement:
				local := e.Name.Local
				if local == "ins" || local == "del" {
					attrs := map[string]string{}
					for _, a := range e.Attr {
						attrs[a.Name.Local] = a.Value
					}
					if attrs["author"] != "mou" || attrs["date"] != "2024-09-01T00:00:00Z" {
						t.Errorf("%s: revision %v lacks author or date", name, e.Attr)
					}
					if ids[attrs["id"]] {
						t.Errorf("%s: revision id %s used twice", name, attrs["id"])
					}
					ids[attrs["id"]] = true
					if local == "ins" && inside(stack, "ins") {
						t.Errorf("%s: an insertion inside an insertion", name)
					}
				}
				if local == "t" && inside(stack, "del") {
					t.Errorf("%s: w:t inside w:del (deleted text must be w:delText)", name)
				}
				if local == "delText" && !inside(stack, "del") {
					t.Errorf("%s: w:delText outside w:del", name)
				}
				stack = append(stack, local)
			case xml.EndElement:
				stack = stack[:len(stack)-1]
			}
		})
	}
	if len(ids) == 0 {
		t.Errorf("no revisions at all")
	}
}

func inside(stack []string, name string) bool {
	for _, s := range stack {
		if s == name {
			return true
		}
	}
	return false
}

func partNames(t testing.TB, docx []byte) []string {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range zr.File {
		if f.Name == "word/document.xml" || strings.HasPrefix(f.Name, "word/footer") || strings.HasPrefix(f.Name, "word/header") {
			out = append(out, f.Name)
		}
	}
	return out
}

func part(t testing.TB, docx []byte, name string) []byte {
	s, err := docxcheck.Part(docx, name)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(s)
}

// sameContent compares two documents paragraph by paragraph: the
// paragraph's properties, and its text with each stretch's run properties.
func sameContent(t *testing.T, what string, got, want []byte) {
	t.Helper()
	for _, name := range partNames(t, want) {
		g, w := content(t, part(t, got, name)), content(t, part(t, want, name))
		if g == w {
			continue
		}
		if i, a, b, differ := firstDifference(strings.Split(g, "\n"), strings.Split(w, "\n")); differ {
			t.Errorf("%s: %s differs at block %d:\n got: %s\nwant: %s", what, name, i, a, b)
			return
		}
	}
}

// content is a part's blocks, one line each: paragraphs with their
// properties and their text by run properties (adjacent runs of the same
// properties joined), rows and cells marked.
func content(t testing.TB, x []byte) string {
	var b strings.Builder
	var props, rPr, para strings.Builder
	var in []string
	lastRPr := "\x00"
	eachToken(t, x, func(tok xml.Token) {
		switch e := tok.(type) {
		case xml.StartElement:
			l := e.Name.Local
			top := ""
			if len(in) > 0 {
				top = in[len(in)-1]
			}
			in = append(in, l)
			switch {
			case l == "p":
				props.Reset()
				para.Reset()
				lastRPr = "\x00"
			case l == "tr":
				b.WriteString("<row>\n")
			case l == "tc":
				b.WriteString("<cell>\n")
			case l == "rPr" && top == "r":
				rPr.Reset()
			case inside(in[:len(in)-1], "rPr") && inside(in, "r"):
				fmt.Fprintf(&rPr, "<%s %v>", l, e.Attr)
			case inside(in[:len(in)-1], "pPr") && !inside(in, "rPr"):
				fmt.Fprintf(&props, "<%s %v>", l, e.Attr)
			case l == "r":
				rPr.Reset()
			case l == "tab", l == "br", l == "fldChar", l == "fldSimple":
				para.WriteString(fmt.Sprintf("{%s %v}", l, e.Attr))
			}
		case xml.CharData:
			if len(in) > 0 && (in[len(in)-1] == "t" || in[len(in)-1] == "instrText") {
				if rPr.String() != lastRPr {
					lastRPr = rPr.String()
					para.WriteString("[" + lastRPr + "]")
				}
				para.Write(e)
			}
		case xml.EndElement:
			in = in[:len(in)-1]
			if e.Name.Local == "p" {
				b.WriteString(props.String() + "|" + para.String() + "\n")
			}
		}
	})
	return b.String()
}

// eachToken calls f with each token of an XML part.
func eachToken(t testing.TB, x []byte, f func(xml.Token)) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(x))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		f(tok)
	}
}

// TestOneWordOfATitle: changing one word of one delegate's title changes
// that word only.
func TestOneWordOfATitle(t *testing.T) {
	oldPath := "../../data/herefordshire-2019.toml"
	newPath := edited(t, oldPath, `title = "Director of Children's Services" }`, `title = "Director of Children's Social Care" }`)
	old, new := build(t, oldPath), build(t, newPath)
	for _, kind := range []string{"mou", "arrangements"} {
		changes, _, err := redline.Compare(old[kind], new[kind], opts)
		if err != nil {
			t.Fatal(err)
		}
		checkChanges(t, changes, old[kind], new[kind])
		doc := part(t, changes, "word/document.xml")
		dels := regexp.MustCompile(`<w:delText[^>]*>([^<]*)</w:delText>`).FindAllStringSubmatch(string(doc), -1)
		inss := regexp.MustCompile(`<w:ins [^>]*>(.*?)</w:ins>`).FindAllStringSubmatch(string(doc), -1)
		if len(dels) == 0 || len(dels) != len(inss) {
			t.Fatalf("%s: %d deletions, %d insertions", kind, len(dels), len(inss))
		}
		for i := range dels {
			ins := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(inss[i][1], "")
			if fingerprint.Valid(dels[i][1]) && fingerprint.Valid(ins) {
				continue // the document's own fingerprint changes with it, as it must
			}
			if dels[i][1] != "Services" || ins != "Social Care" {
				t.Errorf("%s: change %d deletes %q and inserts %q; want Services → Social Care", kind, i, dels[i][1], ins)
			}
		}
		if strings.Contains(string(doc), "<w:pPr><w:rPr><w:ins") || strings.Contains(string(doc), "<w:rPr><w:del ") {
			t.Errorf("%s: a paragraph mark is marked, though no paragraph came or went", kind)
		}
	}
}

// TestSameVersionNoChanges: comparing a document with itself marks nothing
// and gives the document back.
func TestSameVersionNoChanges(t *testing.T) {
	docs := build(t, "../../data/herefordshire-2019.toml")
	changes, sum, err := redline.Compare(docs["mou"], docs["mou"], opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Changed() {
		t.Errorf("%d revisions between a document and itself", sum.Revisions)
	}
	sameContent(t, "comparing with itself", changes, docs["mou"])
}

// TestLibreOfficeReadsChanges opens every changes document in LibreOffice
// (one call for all) and saves it again as Word: LibreOffice keeps a tracked
// change only when it has understood it, so accepting every change of its
// copy must still give the new text, and rejecting every change the old.
func TestLibreOfficeReadsChanges(t *testing.T) {
	readertest.Require(t, "soffice")
	dir, outDir := t.TempDir(), t.TempDir()
	type doc struct {
		name          string
		path          string
		old, new      []byte
		revisionCount int
	}
	var docs []doc
	var paths []string
	for _, p := range pairs(t) {
		old, new := build(t, p.old), build(t, p.new)
		for kind, nb := range new {
			changes, sum, err := redline.Compare(old[kind], nb, opts)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, p.name+"-"+kind+"-changes.docx")
			if err := os.WriteFile(path, changes, 0o644); err != nil {
				t.Fatal(err)
			}
			docs = append(docs, doc{p.name + "/" + kind, path, old[kind], nb, sum.Revisions})
			paths = append(paths, path)
		}
	}
	saved := readertest.Convert(t, paths, "docx:MS Word 2007 XML", "docx", outDir)
	for i, d := range docs {
		b, err := os.ReadFile(saved[i])
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(part(t, b, "word/document.xml")), "<w:ins ") + strings.Count(string(part(t, b, "word/document.xml")), "<w:del "); n == 0 {
			t.Errorf("%s: LibreOffice kept none of the %d tracked changes", d.name, d.revisionCount)
			continue
		}
		accepted, err := redline.AcceptAll(b)
		if err != nil {
			t.Fatal(err)
		}
		rejected, err := redline.RejectAll(b)
		if err != nil {
			t.Fatal(err)
		}
		sameText(t, d.name+": LibreOffice's copy, every change accepted", accepted, d.new, false)
		// LibreOffice joins an insertion at the end of a paragraph with
		// inserted paragraphs after it (same author and date) into one
		// change that takes the paragraph's own mark with it, so its copy,
		// rejected, may join two paragraphs: compare its words only.
		sameText(t, d.name+": LibreOffice's copy, every change rejected", rejected, d.old, true)
	}
}

// sameText compares the body text of two documents, paragraph by
// paragraph, leaving out empty paragraphs (LibreOffice adds and drops some
// around tables and page breaks).
func sameText(t *testing.T, what string, got, want []byte, wordsOnly bool) {
	t.Helper()
	g, w := textLines(t, part(t, got, "word/document.xml")), textLines(t, part(t, want, "word/document.xml"))
	if wordsOnly {
		g, w = []string{strings.Join(g, "")}, []string{strings.Join(w, "")}
	}
	if i, a, b, differ := firstDifference(g, w); differ {
		t.Errorf("%s: paragraph %d is %q, want %q", what, i, a, b)
	}
}

// firstDifference finds the first line at which two lists differ.
func firstDifference(got, want []string) (i int, g, w string, differ bool) {
	for i := 0; i < len(got) || i < len(want); i++ {
		g, w = "", ""
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return i, g, w, true
		}
	}
	return 0, "", "", false
}

func textLines(t testing.TB, x []byte) []string {
	var out []string
	var cur strings.Builder
	var in []string
	eachToken(t, x, func(tok xml.Token) {
		switch e := tok.(type) {
		case xml.StartElement:
			in = append(in, e.Name.Local)
			if e.Name.Local == "tab" && inside(in, "r") {
				cur.WriteString("\t")
			}
		case xml.CharData:
			if len(in) > 0 && in[len(in)-1] == "t" {
				cur.Write(e)
			}
		case xml.EndElement:
			in = in[:len(in)-1]
			if e.Name.Local == "p" {
				if s := cur.String(); strings.TrimSpace(s) != "" {
					out = append(out, s)
				}
				cur.Reset()
			}
		}
	})
	return out
}
