package documents

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"mou/assemble/internal/staging"
)

// TestHTMLEditions: --html writes <name>.html beside the MOU, the
// arrangements and the yearly report, never beside the endorsement pages,
// and only for the documents asked for.
func TestHTMLEditions(t *testing.T) {
	out := t.TempDir()
	written, err := Build(examples[:1], Options{Out: out, HTML: true}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, w := range written {
		if strings.HasSuffix(w, ".html") {
			rel, _ := filepath.Rel(out, w)
			pages = append(pages, filepath.ToSlash(rel))
			if _, err := os.Stat(strings.TrimSuffix(w, ".html") + ".docx"); err != nil && filepath.Base(w) != "accessibility-statement.html" {
				t.Errorf("%s has no .docx beside it", rel)
			}
		}
	}
	want := []string{"herefordshire/accessibility-statement.html", "herefordshire/annual-report-2019-20.html", "herefordshire/arrangements.html", "herefordshire/mou.html"}
	if !slices.Equal(pages, want) {
		t.Errorf("pages %q, want %q", pages, want)
	}

	files, err := Plan(examples[:1], Options{Out: t.TempDir(), HTML: true, Only: []string{Endorsements, MOU}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f.Path))
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"accessibility-statement.html", "endorsements.docx", "mou.docx", "mou.html"}) {
		t.Errorf("--only endorsements,mou --html planned %q", names)
	}
}

// TestHTMLBuildFailsAsAWhole: the pages are staged with the documents, so a
// disk that fills at any write of an HTML build leaves the earlier build
// exactly as it was.
func TestHTMLBuildFailsAsAWhole(t *testing.T) {
	out := t.TempDir()
	if _, err := Build(examples, Options{Out: out}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	for at := 1; ; at++ {
		var n atomic.Int64
		fsys := staging.OS()
		write := fsys.WriteFile
		fsys.WriteFile = func(p string, b []byte, m fs.FileMode) error {
			if n.Add(1) == int64(at) {
				return &fs.PathError{Op: "write", Path: p, Err: syscall.ENOSPC}
			}
			return write(p, b, m)
		}
		_, err := Build(examples, Options{Out: out, HTML: true}, WriteOptions{FS: &fsys})
		if err == nil {
			if at <= 14 { // 8 documents and 6 pages
				t.Fatalf("step %d: no error", at)
			}
			break
		}
		if !strings.Contains(err.Error(), "disk is full") {
			t.Errorf("step %d: %v", at, err)
		}
		unchanged(t, fmt.Sprintf("full disk at step %d", at), tree(t, out), before)
	}
}
