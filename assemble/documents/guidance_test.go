package documents

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"mou/assemble/fingerprint"
	"mou/assemble/internal/docxzip"
	"mou/assemble/internal/readertest"
)

// guidanceScript reads each report with python-docx: its comments (from
// word/comments.xml, as python-docx before 1.2 has no comments API) and
// each level-1 and level-2 heading with the comments referred to in it.
const guidanceScript = `
import sys, json, docx
from docx.oxml.ns import qn
from lxml import etree
for path in sys.argv[1:]:
    d = docx.Document(path)
    comments = {}
    for part in d.part.package.parts:
        if part.partname == "/word/comments.xml":
            for c in etree.fromstring(part.blob).iter(qn("w:comment")):
                comments[c.get(qn("w:id"))] = {"text": "".join(t.text or "" for t in c.iter(qn("w:t"))), "author": c.get(qn("w:author"))}
    heads = []
    for p in d.paragraphs:
        if p.style.name in ("Heading 1", "Heading 2"):
            heads.append({"text": p.text.strip(), "style": p.style.name,
                "refs": [e.get(qn("w:id")) for e in p._p.iter(qn("w:commentReference"))],
                "starts": [e.get(qn("w:id")) for e in p._p.iter(qn("w:commentRangeStart"))]})
    print(json.dumps({"comments": comments, "heads": heads}))
    print("\x00", end="")
`

type guidanceRead struct {
	Comments map[string]struct{ Text, Author string } `json:"comments"`
	Heads    []struct {
		Text, Style  string
		Refs, Starts []string
	} `json:"heads"`
}

func readGuidance(t *testing.T, paths ...string) []guidanceRead {
	t.Helper()
	python := readertest.Require(t, "/usr/bin/python3")
	if err := exec.Command(python, "-c", "import docx").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python-docx is needed (Debian package python3-docx)")
		}
		t.Skip("python-docx is not installed")
	}
	out, err := exec.Command(python, append([]string{"-c", guidanceScript}, paths...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("python-docx: %v\n%s", err, out)
	}
	var reads []guidanceRead
	for _, chunk := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		var r guidanceRead
		if err := json.Unmarshal([]byte(chunk), &r); err != nil {
			t.Fatalf("%v: %s", err, chunk)
		}
		reads = append(reads, r)
	}
	return reads
}

// TestDraftReportGuidance: a draft yearly report, with or without its
// year, has one comment on every level-1 and level-2 heading, by the
// partnership, in words for the writer that never name the tool; the
// sections without data keep their placeholder; the comments change
// neither the fingerprint nor the words. Every other document has none.
func TestDraftReportGuidance(t *testing.T) {
	for _, in := range []string{"testdata/minimal.toml", "../../data/invented-meresides-2025.toml"} {
		p := loadFor(t, in)
		out := t.TempDir()
		written, err := Build([]string{in}, Options{Out: out, Only: []string{YearlyReport, MOU}}, WriteOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var report, mou string
		for _, w := range written {
			switch base := filepath.Base(w); {
			case strings.HasPrefix(base, "annual-report"):
				report = w
			case base == "mou.docx":
				mou = w
			}
		}
		reads := readGuidance(t, report, mou)
		r := reads[0]
		if len(r.Heads) < 14 {
			t.Fatalf("%s: %d headings", in, len(r.Heads))
		}
		author := p.Partnership.ShortName
		if author == "" {
			author = p.Partnership.Name
		}
		used := map[string]bool{}
		for _, h := range r.Heads {
			if len(h.Refs) != 1 || len(h.Starts) != 1 || h.Refs[0] != h.Starts[0] {
				t.Errorf("%s: %s %q has comments %v (ranges %v), want one", in, h.Style, h.Text, h.Refs, h.Starts)
				continue
			}
			c, ok := r.Comments[h.Refs[0]]
			switch {
			case !ok:
				t.Errorf("%s: %q refers to comment %s, which word/comments.xml does not hold", in, h.Text, h.Refs[0])
			case used[h.Refs[0]]:
				t.Errorf("%s: comment %s is referred to twice", in, h.Refs[0])
			case c.Author != author:
				t.Errorf("%s: %q's comment is by %q, want %q", in, h.Text, c.Author, author)
			case !strings.HasSuffix(c.Text, "."), len(c.Text) < 40:
				t.Errorf("%s: %q's comment is %q", in, h.Text, c.Text)
			case toolWords.MatchString(c.Text), strings.Contains(strings.ToLower(c.Text), "command"):
				t.Errorf("%s: %q's comment speaks of the tool: %q", in, h.Text, c.Text)
			}
			used[h.Refs[0]] = true
		}
		if len(r.Comments) != len(r.Heads) {
			t.Errorf("%s: %d comments for %d headings", in, len(r.Comments), len(r.Heads))
		}
		if len(reads[1].Comments) > 0 {
			t.Errorf("%s: the MOU has guidance: %v", in, reads[1].Comments)
		}
		// The words and fingerprint are those of the report without them.
		draft, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := withoutGuidance(draft)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := fingerprint.Words(draft)
		b, _ := fingerprint.Words(plain)
		if strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("%s: the comments change the report's words", in)
		}
		if res := fingerprint.Verify([]string{report})[0]; !res.OK() {
			t.Errorf("%s: the draft does not verify: %+v", in, res)
		}
		plainPath := filepath.Join(t.TempDir(), filepath.Base(report))
		if err := os.WriteFile(plainPath, plain, 0o644); err != nil {
			t.Fatal(err)
		}
		if res := fingerprint.Verify([]string{plainPath})[0]; !res.OK() {
			t.Errorf("%s: without its comments the draft does not verify: %+v", in, res)
		}
		found, err := Placeholders([]File{{Path: report, Data: draft}})
		if err != nil {
			t.Fatal(err)
		}
		if (p.Year == nil) != (len(found) > 0) {
			t.Errorf("%s: %d placeholders", in, len(found))
		}
	}
}

// TestFinalBuilds: --final refuses the report of a partnership with no
// year, naming each section and writing nothing; it builds the invented
// example with no comment in any document, which verifies with the
// draft's fingerprint.
func TestFinalBuilds(t *testing.T) {
	out := t.TempDir()
	_, err := BuildFinal([]string{"testdata/minimal.toml"}, Options{Out: out, Only: []string{YearlyReport}}, WriteOptions{})
	var fail *Failure
	if !errors.As(err, &fail) {
		t.Fatalf("a final build accepts a report with no year: %v", err)
	}
	msg := strings.Join(fail.Other, "\n")
	for _, s := range []string{"What the partners did as a result of the arrangements", "Child safeguarding practice reviews",
		"How effective the arrangements have been", "The independent scrutineer's statement",
		"Impact on outcomes for children and families", "Where progress has been slow",
		"Listening to children and families", "Updates to the arrangements", "Funding", "Priorities for next year"} {
		if !strings.Contains(msg, `"`+s+`"`) {
			t.Errorf("the refusal does not name %q:\n%s", s, msg)
		}
	}
	if left, _ := os.ReadDir(out); len(left) > 0 {
		t.Errorf("a refused final build wrote %d file(s)", len(left))
	}

	meresides := "../../data/invented-meresides-2025.toml"
	draftOut, finalOut := t.TempDir(), t.TempDir()
	drafts, err := Build([]string{meresides}, Options{Out: draftOut}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	finals, err := BuildFinal([]string{meresides}, Options{Out: finalOut, Compare: "../../data/invented-meresides-2025.toml"}, WriteOptions{})
	if err != nil {
		t.Fatalf("the invented example does not build with --final: %v", err)
	}
	var docs []string
	for _, f := range finals {
		if !strings.HasSuffix(f, ".docx") {
			continue
		}
		docs = append(docs, f)
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if c, _ := docxzip.Part(b, commentsPart); c != nil {
			t.Errorf("%s: a final build has comments", f)
		}
		main, _ := docxzip.Part(b, "word/document.xml")
		if strings.Contains(string(main), "w:comment") {
			t.Errorf("%s: a final build keeps comment anchors", f)
		}
	}
	for _, r := range fingerprint.Verify(docs) {
		if !r.OK() {
			t.Errorf("%s: not OK: %+v", r.Path, r)
		}
	}
	claimed := func(paths []string, name string) string {
		for _, p := range paths {
			if strings.HasPrefix(filepath.Base(p), name) && !strings.Contains(p, "-changes") {
				b, _ := os.ReadFile(p)
				fp, _ := fingerprint.Claimed(b)
				return fp
			}
		}
		return ""
	}
	if d, f := claimed(drafts, "annual-report"), claimed(finals, "annual-report"); d == "" || d != f {
		t.Errorf("the final report's fingerprint %q is not the draft's %q", f, d)
	}
}

// TestDraftReportInLibreOffice: LibreOffice converts the draft report,
// comments and all, to PDF; its pages go to test-artifacts/report as
// PNG for a person to look at.
func TestDraftReportInLibreOffice(t *testing.T) {
	soffice := readertest.Require(t, "soffice")
	pdftoppm := readertest.Require(t, "pdftoppm")
	out := t.TempDir()
	written, err := Build([]string{"testdata/minimal.toml"}, Options{Out: out, Only: []string{YearlyReport}}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	report := written[0]
	pdfDir := t.TempDir()
	profile := "file://" + filepath.Join(t.TempDir(), "profile")
	cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", pdfDir, report)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	pdf := filepath.Join(pdfDir, strings.TrimSuffix(filepath.Base(report), ".docx")+".pdf")
	if st, err := os.Stat(pdf); err != nil || st.Size() == 0 {
		t.Fatalf("LibreOffice wrote no PDF of the draft report: %v", err)
	}
	dir := os.Getenv("MOU_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "test-artifacts")
	}
	dir = filepath.Join(dir, "report")
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(pdftoppm, "-r", "60", "-png", pdf, filepath.Join(dir, "draft-report")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, b)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "draft-report*.png"))
	if len(pages) < 3 {
		t.Errorf("%d page images", len(pages))
	}
	t.Logf("page images in %s", dir)
}
