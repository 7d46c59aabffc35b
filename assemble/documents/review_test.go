package documents

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"mou/assemble/fingerprint"
	"mou/assemble/internal/readertest"
	"mou/assemble/partnership"
)

// reviewScript reads each review copy with python-docx: its comments
// (word/comments.xml, through the package's parts) and, per paragraph in
// document order, its text and the comments whose range starts and ends in
// it.
const reviewScript = `
import sys, json, docx
from docx.oxml.ns import qn
for path in sys.argv[1:]:
    d = docx.Document(path)
    comments = {}
    rel = [r for r in d.part.rels.values() if r.reltype.endswith("/comments")]
    for part in d.part.package.parts:
        if part.partname == "/word/comments.xml":
            from lxml import etree
            root = etree.fromstring(part.blob)
            for c in root.iter(qn("w:comment")):
                comments[c.get(qn("w:id"))] = {"text": "".join(t.text or "" for t in c.iter(qn("w:t"))), "author": c.get(qn("w:author")), "initials": c.get(qn("w:initials"))}
    paras = []
    for p in d.element.body.iter(qn("w:p")):
        paras.append({
            "text": "".join(t.text or "" for t in p.iter(qn("w:t"))).strip(),
            "starts": [e.get(qn("w:id")) for e in p.iter(qn("w:commentRangeStart"))],
            "ends": [e.get(qn("w:id")) for e in p.iter(qn("w:commentRangeEnd"))],
            "refs": [e.get(qn("w:id")) for e in p.iter(qn("w:commentReference"))],
        })
    print(json.dumps({"related": len(rel), "comments": comments, "paras": paras}))
    print("\x00", end="")
`

type reviewRead struct {
	Related  int `json:"related"`
	Comments map[string]struct {
		Text     string `json:"text"`
		Author   string `json:"author"`
		Initials string `json:"initials"`
	} `json:"comments"`
	Paras []struct {
		Text   string   `json:"text"`
		Starts []string `json:"starts"`
		Ends   []string `json:"ends"`
		Refs   []string `json:"refs"`
	} `json:"paras"`
}

var fingerprintRE = regexp.MustCompile(`Fingerprint [0-9A-Z]{4}-[0-9A-Z]{4}`)

var located = regexp.MustCompile(`\(([^():]+\.toml):(\d+)\)`)

// The review copies of the minimal data and an example: python-docx finds
// a comment on every paragraph the origin rules give one (each anchored in
// its paragraph), every file:line they name is a line of the data, the
// fingerprint is the document's, and LibreOffice opens them.
func TestReviewCopies(t *testing.T) {
	inputs := []string{"testdata/minimal.toml", "../../data/herefordshire-2019.toml"}
	lines := map[string]int{}
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		lines[filepath.Base(in)] = strings.Count(string(b), "\n") + 1
	}
	out := t.TempDir()
	written, err := Build(inputs, Options{Out: out, Review: true}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var reviews []string
	for _, w := range written {
		if strings.HasSuffix(w, "-review.docx") {
			reviews = append(reviews, w)
			if !slices.Contains(written, strings.TrimSuffix(w, "-review.docx")+".docx") {
				t.Errorf("%s has no document beside it", w)
			}
		}
	}
	if len(reviews) != 2*len(Kinds) {
		t.Fatalf("review copies: %q", reviews)
	}
	// What the origin rules expect of each: the text of every paragraph
	// that gets a comment.
	tmpls := defaultTemplates(t)
	expected := map[string][]string{}
	for _, in := range inputs {
		p := loadFor(t, in)
		folder := folderNames([]string{in}, func(string) *partnership.Partnership { return p })[0]
		for _, k := range Kinds {
			_, pos, err := traced(tmpls[k], p, k, map[string]string{}, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimSuffix(fileName(NewView(p, k), k), ".docx") + "-review.docx"
			notes := silenceNotes(tmpls[k], NewView(p, k), pos)
			for i, po := range pos {
				if po.Kind == originData || po.Kind == originLaw || po.Kind == originNone || notes[i] != "" {
					expected[filepath.Join(out, folder, name)] = append(expected[filepath.Join(out, folder, name)], po.Text)
				}
			}
		}
	}
	results := readertest.Python(t, reviewScript, reviews)
	for i, path := range reviews {
		var r reviewRead
		if err := json.Unmarshal([]byte(strings.TrimSpace(results[i])), &r); err != nil {
			t.Fatalf("%s: %v\n%s", path, err, results[i])
		}
		if r.Related != 1 {
			t.Errorf("%s: %d comments relationships", path, r.Related)
		}
		var commented []string
		for _, p := range r.Paras {
			if len(p.Starts) == 0 {
				continue
			}
			if !slices.Equal(p.Starts, p.Ends) || !slices.Equal(p.Starts, p.Refs) || len(p.Starts) != 1 {
				t.Errorf("%s: the paragraph %q holds comment starts %v, ends %v, references %v", path, p.Text, p.Starts, p.Ends, p.Refs)
			}
			if p.Text == "" {
				t.Errorf("%s: comment %v on a paragraph without text", path, p.Starts)
			}
			c, ok := r.Comments[p.Starts[0]]
			if !ok {
				t.Errorf("%s: comment %s is not in word/comments.xml", path, p.Starts[0])
				continue
			}
			if c.Author != "mou" || c.Initials != "mou" || c.Text == "" {
				t.Errorf("%s: comment %s: %+v", path, p.Starts[0], c)
			}
			for _, m := range located.FindAllStringSubmatch(c.Text, -1) {
				n, _ := strconv.Atoi(m[2])
				if max, ok := lines[m[1]]; !ok || n < 1 || n > max {
					t.Errorf("%s: comment %q names %s:%s, which is no line of the data", path, c.Text, m[1], m[2])
				}
			}
			if strings.HasPrefix(c.Text, "From your data:") && !located.MatchString(c.Text) {
				t.Errorf("%s: comment %q names no file and line", path, c.Text)
			}
			commented = append(commented, p.Text)
		}
		if len(r.Comments) != len(commented) {
			t.Errorf("%s: %d comments, %d anchored", path, len(r.Comments), len(commented))
		}
		want := expected[path]
		for i := range commented {
			commented[i] = fingerprintRE.ReplaceAllString(commented[i], "Fingerprint")
		}
		if !slices.Equal(commented, want) {
			t.Errorf("%s: %d paragraphs commented, %d expected:\n got %q\nwant %q", path, len(commented), len(want), commented, want)
		}
		// The same words, so the same fingerprint as the document.
		a, _ := os.ReadFile(path)
		b, _ := os.ReadFile(strings.TrimSuffix(path, "-review.docx") + ".docx")
		fa, _ := fingerprint.Claimed(a)
		fb, _ := fingerprint.Claimed(b)
		if fa == "" || fa != fb {
			t.Errorf("%s carries fingerprint %q, its document %q", path, fa, fb)
		}
	}
	for _, r := range fingerprint.Verify(written) {
		if !r.OK() {
			t.Errorf("mou verify: %s: %s", r.Path, r.Problem)
		}
	}
	pdfs := readertest.Convert(t, reviews, "pdf", "pdf", t.TempDir())
	for _, p := range pdfs {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("LibreOffice made no PDF of %s", p)
		}
	}
}

// Where the data is silent, the review copy says what to add: read back
// through python-docx, the minimal data's MOU notes on the heading before
// where dispute resolution would stand that the document has no section on
// it and names [disputes], and the general wording on training names
// [points] training; Herefordshire's data has [disputes], and none of its
// review copies carries the note.
func TestReviewSaysWhatTheDataIsSilentOn(t *testing.T) {
	inputs := []string{"testdata/minimal.toml", "../../data/herefordshire-2019.toml"}
	out := t.TempDir()
	written, err := Build(inputs, Options{Out: out, Review: true}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var reviews []string
	for _, w := range written {
		if strings.HasSuffix(w, "-review.docx") {
			reviews = append(reviews, w)
		}
	}
	p := loadFor(t, inputs[0])
	folder := filepath.Join(out, folderNames(inputs[:1], func(string) *partnership.Partnership { return p })[0])
	minimal := map[string]bool{}
	for _, r := range reviews {
		minimal[r] = filepath.Dir(r) == folder
	}
	const disputesNote = "Nothing in your data on how disputes are resolved, so this document has no section on it."
	results := readertest.Python(t, reviewScript, reviews)
	var sawDisputes, sawTraining bool
	for i, path := range reviews {
		var r reviewRead
		if err := json.Unmarshal([]byte(strings.TrimSpace(results[i])), &r); err != nil {
			t.Fatalf("%s: %v\n%s", path, err, results[i])
		}
		for _, p := range r.Paras {
			for _, id := range p.Starts {
				c := r.Comments[id].Text
				if !minimal[path] {
					if strings.Contains(c, disputesNote) || strings.Contains(c, "[disputes]") {
						t.Errorf("%s: Herefordshire has [disputes], but the paragraph %q says %q", path, p.Text, c)
					}
					continue
				}
				if strings.Contains(c, disputesNote) {
					if !strings.Contains(c, "Add [disputes] (policy, route, arbitration)") {
						t.Errorf("%s: the disputes note on %q does not say what to add: %q", path, p.Text, c)
					}
					if strings.HasSuffix(filepath.Base(path), "mou-review.docx") {
						sawDisputes = true
						if p.Text != "Funding and resourcing" {
							t.Errorf("%s: the disputes note is on %q, not on the heading before where the section would stand", path, p.Text)
						}
					}
				}
				if strings.Contains(c, "Nothing in your data on training:") {
					if !strings.HasSuffix(c, "[text] training.") || !strings.Contains(c, "write [points] training") {
						t.Errorf("%s: the note on %q does not end with what to add: %q", path, p.Text, c)
					}
					sawTraining = true
				}
			}
		}
	}
	if !sawDisputes {
		t.Error("the minimal data's MOU review copy has no comment naming [disputes]")
	}
	if !sawTraining {
		t.Error("the minimal data's review copies have no comment naming [points] training")
	}
}
