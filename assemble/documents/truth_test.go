package documents

import (
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The documents read as a person writes: no sentence twice in one
// document, no "Label: value." paragraph, no article doubled, and every
// invented example of another shape builds under --strict.

var (
	tableXML = regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`)
	paraXML  = regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>`)
	textXML  = regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`)
	styleXML = regexp.MustCompile(`<w:pStyle w:val="([^"]+)"`)
	// labelDump is a paragraph (not a list item) that is only "Label: value."
	labelDump = regexp.MustCompile(`^[A-Z][A-Za-z' ]{2,40}: [^.:;]{1,80}\.?$`)
	doubled   = regexp.MustCompile(`(?i)\b(the|a|an) (the|a|an)\b`)
)

// bodyParagraphs are the paragraphs of a document outside its tables, as
// (style, text) pairs.
func bodyParagraphs(t *testing.T, docx []byte) [][2]string {
	t.Helper()
	main := partText(t, docx, "word/document.xml")
	var out [][2]string
	for _, p := range paraXML.FindAllString(tableXML.ReplaceAllString(main, ""), -1) {
		var b strings.Builder
		for _, m := range textXML.FindAllStringSubmatch(p, -1) {
			b.WriteString(html.UnescapeString(m[1]))
		}
		style := ""
		if m := styleXML.FindStringSubmatch(p); m != nil {
			style = m[1]
		}
		if s := strings.TrimSpace(b.String()); s != "" {
			out = append(out, [2]string{style, s})
		}
	}
	return out
}

func TestNoSentenceTwiceNorDataDump(t *testing.T) {
	for name, p := range originPartnerships(t) {
		for _, kind := range Kinds {
			docx, _, err := Render(p, kind, "")
			if err != nil {
				t.Fatalf("%s %s: %v", name, kind, err)
			}
			seen := map[string]bool{}
			for _, ps := range bodyParagraphs(t, docx) {
				style, text := ps[0], ps[1]
				if doubled.MatchString(text) {
					t.Errorf("%s %s: an article doubled: %q", name, kind, text)
				}
				if strings.HasPrefix(style, "Heading") || strings.HasPrefix(style, "TOC") || strings.HasPrefix(style, "Title") ||
					strings.HasPrefix(style, "Subtitle") || strings.HasPrefix(style, "Signat") || style == "Prompt" || kind == Endorsements {
					continue
				}
				label, _, _ := strings.Cut(text, ":")
				if style == "" && labelDump.MatchString(text) && !strings.Contains(label, " is ") && !strings.Contains(label, " are ") {
					t.Errorf("%s %s: a paragraph reads as a label and a value: %q", name, kind, text)
				}
				// Sentences, not paragraphs: one sentence repeated inside
				// two paragraphs is as bad as a paragraph repeated.
				for _, s := range strings.SplitAfter(text, ". ") {
					s = strings.TrimSpace(s)
					// "It meets monthly." under each group's heading is
					// about a different group each time.
					if len(s) < 40 || strings.HasPrefix(s, "It ") || strings.HasPrefix(s, "Its ") {
						continue
					}
					if seen[s] {
						t.Errorf("%s %s: a sentence is printed twice: %q", name, kind, s)
					}
					seen[s] = true
				}
			}
		}
	}
}

// TestInventedExamplesAreStrict: the invented examples, each of a shape
// the seeds lack, validate without a warning and build.
func TestInventedExamplesAreStrict(t *testing.T) {
	files, _ := filepath.Glob("../../data/invented-*.toml")
	if len(files) < 4 {
		t.Fatalf("want at least four invented examples, found %d", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			build(t, []string{f}, Options{Out: t.TempDir(), Strict: true})
		})
	}
}

// TestPanAreaBuild: a pan-area executive builds its own documents and each
// local partnership's, each in its own folder; a local partnership's
// documents say whose they are, name its partners only, and mark the
// executive's groups as shared.
func TestPanAreaBuild(t *testing.T) {
	out := t.TempDir()
	written := build(t, []string{"../partnership/testdata/pan-area.toml"}, Options{Out: out})
	folders := map[string]int{}
	for _, w := range written {
		rel, _ := filepath.Rel(out, w)
		folders[filepath.Dir(rel)]++
	}
	if len(folders) != 3 || folders["three-vales"] != 4 || folders["north-vale"] != 4 || folders["south-vale"] != 4 {
		t.Fatalf("folders %v", folders)
	}
	p := loadFor(t, "../partnership/testdata/pan-area.toml")
	docx, _, err := Render(p.Local(0), Arrangements, "")
	if err != nil {
		t.Fatal(err)
	}
	text := paragraphText(t, docx)
	for _, want := range []string{
		"The North Vale Safeguarding Children Partnership is one of two local partnerships under the Three Vales Safeguarding Children Executive",
		"It is shared with the South Vale Safeguarding Children Partnership.",
		"North Vale Learning Group",
		"Independent scrutiny of the arrangements is provided by Nora Scrutton, Independent Scrutineer.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the north's arrangements do not say %q", want)
		}
	}
	for _, not := range []string{"South Vale Council", "South Vale Learning Group"} {
		if strings.Contains(text, not) {
			t.Errorf("the north's arrangements name the south's %q", not)
		}
	}
	docx, _, err = Render(p, Arrangements, "")
	if err != nil {
		t.Fatal(err)
	}
	if text := paragraphText(t, docx); !strings.Contains(text, "The executive leads these local partnerships") {
		t.Error("the executive's arrangements do not list its local partnerships")
	}
}

// paragraphText is a document's paragraphs outside tables, one a line.
func paragraphText(t *testing.T, docx []byte) string {
	var b strings.Builder
	for _, p := range bodyParagraphs(t, docx) {
		b.WriteString(p[1] + "\n")
	}
	return b.String()
}

// TestHeadingsDoNotSkipALevel: a screen reader's outline, and the
// contents list, need headings that go down one level at a time.
func TestHeadingsDoNotSkipALevel(t *testing.T) {
	for name, p := range originPartnerships(t) {
		for _, kind := range Kinds {
			docx, _, err := Render(p, kind, "")
			if err != nil {
				t.Fatalf("%s %s: %v", name, kind, err)
			}
			last := 0
			for _, ps := range bodyParagraphs(t, docx) {
				style := ps[0]
				if !strings.HasPrefix(style, "Heading") {
					continue
				}
				level := int(style[len("Heading")] - '0')
				if level > last+1 {
					t.Errorf("%s %s: %q is a level %d heading after a level %d", name, kind, ps[1], level, last)
				}
				last = level
			}
		}
	}
}
