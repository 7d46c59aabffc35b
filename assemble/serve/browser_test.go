package serve_test

// The app in a real browser (issue 20, items 7 and 8): headless Chromium,
// driven as a business manager would, on a copy of a commented data file.
// Screenshots of every page land in test-artifacts/serve/ for a person to
// look at; -docs-screenshot refreshes docs/serve.png, the README's picture.

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mou/assemble/internal/browsertest"
	"mou/assemble/internal/readertest"
	"mou/assemble/serve"
)

var docsScreenshot = flag.Bool("docs-screenshot", false, "write the partners page's screenshot to docs/serve.png (the README's picture)")

// example is the data file the tests edit: three partners, each with a
// delegate, and comments a save must keep.
const example = "herefordshire-2019.toml"

// The edit the tests make: the council's delegate changes.
const (
	oldName = "Chris Baird"
	newName = "Priya Okonkwo-Hale"
)

// earlier is the copy of the data file kept as the signed version, one
// folder down, where the compare page offers it.
const earlier = "versions/2019-signed.toml"

// browserApp is the app on a copy of the example, opened in a browser.
type browserApp struct {
	b    *browsertest.Browser
	path string // the data file the server edits
	orig []byte // the file as it was copied
	base string // http://127.0.0.1:port
	id   string // the data file's id in addresses
}

func openApp(t *testing.T) *browserApp {
	t.Helper()
	orig, err := os.ReadFile(filepath.Join(browsertest.RepoRoot(t), "data", example))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, example)
	for _, f := range []string{p, filepath.Join(dir, filepath.FromSlash(earlier))} {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, orig, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := serve.New(serve.Config{Data: p, Today: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ln, addr, _, err := s.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ln)
	t.Cleanup(func() { ln.Close() })

	b := browsertest.Start(t)
	// The printed address sets the session cookie and goes on to the
	// partnership's first page.
	if err := b.Do(chromedp.Navigate(addr), chromedp.WaitReady(chromedp.ID("edit"))); err != nil {
		t.Fatalf("opening the printed address %s: %v", addr, err)
	}
	u, _ := url.Parse(addr)
	return &browserApp{b: b, path: p, orig: orig, base: u.Scheme + "://" + u.Host, id: strings.TrimSuffix(example, ".toml")}
}

// at is the address of one of the partnership's pages: "edit/partners".
func (a *browserApp) at(page string) string { return a.base + "/p/" + a.id + "/" + page }

// field selects a form control by its TOML path.
func field(p string) chromedp.CSS { return chromedp.CSS(fmt.Sprintf(`[name=%q]`, p)) }

// retype replaces what a control holds by keys, as a person does: select
// it all, delete, type. The page's script sees each key. (chromedp.Clear
// sets the value attribute, which neither empties a control already typed
// in nor leaves its default value alone.)
func retype(p, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Focus(field(p)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).select()`, fmt.Sprintf(`[name=%q]`, p))),
		chromedp.KeyEvent(kb.Backspace),
		chromedp.KeyEvent(text),
	)
}

// do runs steps, and on failure says what the test was doing and where
// the browser is.
func (a *browserApp) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := a.b.Do(steps...); err != nil {
		where, _ := browsertest.Run(a.b, chromedp.Evaluate[string](`location.href + "\n" + (document.querySelector("main") || document.body).innerText.slice(0, 600)`))
		t.Fatalf("%s: %v\nthe browser is at %s", what, err, where)
	}
}

// waitFor waits up to d for a JavaScript condition to hold in the page.
func (a *browserApp) waitFor(t *testing.T, what, cond string, d time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(a.b.Context(), d+5*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(d))); err != nil {
		t.Fatalf("waited %s for %s: %v", d, what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, a *browserApp, expr string) T {
	t.Helper()
	v, err := browsertest.Run(a.b, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("in the page, %s: %v", expr, err)
	}
	return v
}

// message is the script that reads a control's validation state: whether
// it is marked invalid, and the text of the elements that describe it.
const message = `(function () {
  var el = document.querySelector(%q);
  var ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  return {invalid: el.getAttribute("aria-invalid") === "true", describedBy: ids,
    text: ids.map(function (id) { var d = document.getElementById(id); return d ? d.textContent.trim() : ""; }).join(" | ")};
})()`

type validity struct {
	Invalid     bool     `json:"invalid"`
	DescribedBy []string `json:"describedBy"`
	Text        string   `json:"text"`
}

func (a *browserApp) validity(t *testing.T, p string) validity {
	t.Helper()
	return eval[validity](t, a, fmt.Sprintf(message, fmt.Sprintf(`[name=%q]`, p)))
}

// TestBrowserEditSaveBuild is the walk through the app: see a bad
// date refused beside its field as it is typed, change a delegate's name
// and save, find the file changed in that value's bytes only with its
// comments intact, see the change on the compare page, build, download
// the zip and find the new name in the Memorandum of Understanding.
func TestBrowserEditSaveBuild(t *testing.T) {
	began := time.Now()
	a := openApp(t)
	b := a.b

	// A bad date: the message appears beside the field as it is typed,
	// tied to it for a screen reader, and goes when it is corrected.
	const date = "partnership.date"
	if err := b.Do(retype(date, "2019-13-45")); err != nil {
		t.Fatal(err)
	}
	a.waitFor(t, "the bad date to be marked invalid", fmt.Sprintf(`document.querySelector('[name=%q]').getAttribute("aria-invalid") === "true"`, date), 5*time.Second)
	v := a.validity(t, date)
	if !contains(v.DescribedBy, "e-"+date) {
		t.Errorf("the date's aria-describedby is %v: it does not name its messages, e-%s", v.DescribedBy, date)
	}
	msg := eval[string](t, a, fmt.Sprintf(`document.getElementById(%q).textContent.trim()`, "e-"+date))
	if msg == "" || !strings.Contains(v.Text, msg) {
		t.Errorf("no message beside the bad date (the messages hold %q; the control is described by %q)", msg, v.Text)
	}
	t.Logf("the bad date's message: %s", msg)
	b.Screenshot(t, "partnership-bad-date")
	if err := b.Do(retype(date, "2019-09-10")); err != nil {
		t.Fatal(err)
	}
	a.waitFor(t, "the corrected date to be accepted", fmt.Sprintf(`!document.querySelector('[name=%q]').hasAttribute("aria-invalid")`, date), 5*time.Second)
	if left := eval[string](t, a, fmt.Sprintf(`document.getElementById(%q).textContent.trim()`, "e-"+date)); left == msg {
		t.Errorf("the bad date's message stays after the date is corrected: %s", left)
	}

	// The delegate's new name, saved from the partners page.
	const delegate = "partners[0].delegate.name"
	if err := b.Do(
		chromedp.Click(chromedp.CSS(`nav.side a[href$="/edit/partners"]`)),
		chromedp.WaitReady(field(delegate)),
	); err != nil {
		t.Fatal(err)
	}
	if got, err := browsertest.Run(b, chromedp.Value(field(delegate))); err != nil || got != oldName {
		t.Fatalf("the partners page shows the council's delegate as %q (%v), want %q", got, err, oldName)
	}
	if err := b.Do(retype(delegate, newName)); err != nil {
		t.Fatal(err)
	}
	a.do(t, "saving the partners page", chromedp.Click(chromedp.ID("save")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	flash, _ := browsertest.Run(b, chromedp.Text(chromedp.CSS(".flash")))
	if !strings.HasPrefix(flash, "Saved.") {
		t.Errorf("after saving the page says %q, want it to start %q", flash, "Saved.")
	}
	got, err := os.ReadFile(a.path)
	if err != nil {
		t.Fatal(err)
	}
	want := bytes.Replace(a.orig, []byte(`name = "`+oldName+`"`), []byte(`name = "`+newName+`"`), 1)
	if !bytes.Equal(got, want) {
		t.Errorf("the save changed more than the delegate's name:\n%s", lineDiff(string(want), string(got)))
	}
	if n, m := bytes.Count(got, []byte("#")), bytes.Count(a.orig, []byte("#")); n != m {
		t.Errorf("the saved file has %d comment marks, the original %d", n, m)
	}

	// The compare page says the change in words.
	a.do(t, "comparing with "+earlier,
		chromedp.Navigate(a.at("compare")),
		chromedp.SetValue(chromedp.ID("old"), "file:"+earlier),
		chromedp.Click(chromedp.ID("compare")),
		chromedp.WaitVisible(chromedp.ID("changes")),
	)
	changes := eval[string](t, a, `Array.from(document.querySelectorAll("ul.changes li")).map(function (li) { return li.textContent.trim(); }).join("\n")`)
	if !strings.Contains(changes, newName) || !strings.Contains(changes, oldName) {
		t.Errorf("the compare page does not say the delegate changed from %s to %s; it lists:\n%s", oldName, newName, changes)
	}
	t.Logf("the compare page lists:\n%s", changes)
	b.Screenshot(t, "compare-changes")

	// Build, follow the job, download the zip.
	a.do(t, "starting the build", chromedp.Navigate(a.at("build")), chromedp.Click(chromedp.ID("build")), chromedp.WaitReady(chromedp.ID("job")))
	a.waitFor(t, "the build to finish", `document.getElementById("job").getAttribute("data-state") !== "running"`, 45*time.Second)
	if st := eval[string](t, a, `document.getElementById("job").getAttribute("data-state")`); st != "done" {
		t.Fatalf("the build %s: %s", st, eval[string](t, a, `document.getElementById("job").innerText`))
	}
	b.Screenshot(t, "build-done")
	zipPath := b.Download(t, 20*time.Second, chromedp.Click(chromedp.ID("download")))
	mou := mouFromZip(t, zipPath)
	text := readertest.PythonDocx(t, []string{mou})[0]
	if !strings.Contains(text, newName) {
		t.Errorf("python-docx does not find %q in the downloaded MOU", newName)
	}
	t.Logf("the walk through the app took %s", time.Since(began).Round(time.Millisecond))
}

// mouFromZip writes the zip's Memorandum of Understanding (…/mou.docx) to
// a file for python-docx.
func mouFromZip(t *testing.T, zipPath string) string {
	t.Helper()
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatalf("the download is not a zip: %v", err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if path.Base(f.Name) != "mou.docx" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "mou.docx")
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return out
	}
	t.Fatalf("the zip holds no mou.docx: %v", names)
	return ""
}

// TestBrowserKeyboard tabs through the partners page as a keyboard user:
// the focus visits every control in the page's order, each with a name a
// screen reader can say, starting with the link that skips to the content.
func TestBrowserKeyboard(t *testing.T) {
	a := openApp(t)
	if err := a.b.Do(chromedp.Navigate(a.at("edit/partners")), chromedp.WaitReady(chromedp.ID("edit"))); err != nil {
		t.Fatal(err)
	}
	// The controls a Tab should reach, in the document's order.
	want := eval[[]string](t, a, `Array.from(document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")).filter(function (e) {
  return !e.disabled && e.type !== "hidden" && e.tabIndex >= 0 && e.getClientRects().length > 0;
}).map(function (e) { return e.tagName.toLowerCase() + "#" + e.id + "|" + (e.getAttribute("name") || ""); })`)
	order := a.b.TabOrder(t, len(want)+5)
	if len(order) == 0 {
		t.Fatal("Tab moves the focus nowhere on the partners page")
	}
	if first := order[0]; first.Tag != "a" || !strings.Contains(strings.ToLower(first.Label), "skip") {
		t.Errorf("the first Tab lands on %s, want the link that skips to the content", first)
	}
	var got []string
	for _, f := range order {
		got = append(got, f.Tag+"#"+f.ID+"|"+f.Name)
		if strings.TrimSpace(f.Label) == "" {
			t.Errorf("the focus lands on %s, which has no name a screen reader can say", f)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Tab visits the controls out of the page's order:\n%s", lineDiff(strings.Join(want, "\n"), strings.Join(got, "\n")))
	}
	for _, f := range order {
		if f.Name == "partners[0].delegate.name" {
			if f.Label != "Name" && !strings.Contains(f.Label, "Name") {
				t.Errorf("the delegate's name is announced as %q", f.Label)
			}
		}
	}
	t.Logf("%d stops on the partners page", len(order))
}

// TestBrowserPages opens every page of the app, checks each with axe-core
// (WCAG 2.2 A and AA: no violation) and keeps a screenshot of each in
// test-artifacts/serve/.
func TestBrowserPages(t *testing.T) {
	began := time.Now()
	a := openApp(t)
	edits := eval[[]string](t, a, `Array.from(document.querySelectorAll('nav.side a[href*="/edit/"]')).map(function (a) { return a.getAttribute("href"); })`)
	if len(edits) < 5 {
		t.Fatalf("the side navigation lists %d form pages: %v", len(edits), edits)
	}
	type pg struct{ name, url string }
	var pages []pg
	for _, h := range edits {
		pages = append(pages, pg{"edit-" + path.Base(h), a.base + h})
	}
	pages = append(pages,
		pg{"check", a.at("check")},
		pg{"preview", a.at("preview")},
		pg{"sources", a.at("sources")},
		pg{"compare", a.at("compare")},
		pg{"build", a.at("build")},
		pg{"verify", a.base + "/verify"},
	)
	for _, p := range pages {
		pageBegan := time.Now()
		for _, v := range a.b.Axe(t, p.url) {
			t.Errorf("%s (%s): %s", p.name, p.url, v)
		}
		axeTook := time.Since(pageBegan)
		a.b.Screenshot(t, p.name)
		if p.name == "edit-partners" && *docsScreenshot {
			shot := a.b.ScreenshotWindow(t, "partners-window")
			data, err := os.ReadFile(shot)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) > 300<<10 {
				t.Errorf("the README's screenshot is %d KB: keep it under 300 KB", len(data)>>10)
			}
			if err := os.WriteFile(filepath.Join(browsertest.RepoRoot(t), "docs", "serve.png"), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%s: axe-core %s, all %s", p.name, axeTook.Round(time.Millisecond), time.Since(pageBegan).Round(time.Millisecond))
	}
	// The states a page reaches after a click: a refused save, a
	// comparison's result, a finished build.
	a.do(t, "opening the partnership page", chromedp.Navigate(a.at("edit/partnership")), chromedp.WaitReady(chromedp.ID("edit")))
	a.do(t, "typing a bad date", retype("partnership.date", "2019-13-45"))
	a.do(t, "saving a bad date", chromedp.Click(chromedp.ID("save")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	checkHere(t, a, "edit-partnership-refused")
	a.do(t, "comparing with "+earlier, chromedp.Navigate(a.at("compare")), chromedp.SetValue(chromedp.ID("old"), "file:"+earlier),
		chromedp.Click(chromedp.ID("compare")), chromedp.WaitVisible(chromedp.ID("changes")))
	checkHere(t, a, "compare-result")
	a.do(t, "starting the build", chromedp.Navigate(a.at("build")), chromedp.Click(chromedp.ID("build")), chromedp.WaitReady(chromedp.ID("job")))
	a.waitFor(t, "the build to finish", `document.getElementById("job").getAttribute("data-state") !== "running"`, 45*time.Second)
	checkHere(t, a, "build-result")
	t.Logf("%d pages and 3 states checked in %s", len(pages), time.Since(began).Round(time.Millisecond))
}

// checkHere checks the page as it stands with axe-core and keeps its
// screenshot.
func checkHere(t *testing.T, a *browserApp, name string) {
	t.Helper()
	for _, v := range a.b.Axe(t, "") {
		t.Errorf("%s: %s", name, v)
	}
	a.b.Screenshot(t, name)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var lineSplit = regexp.MustCompile(`\r?\n`)

// lineDiff lists the lines of got that differ from want, by line number.
func lineDiff(want, got string) string {
	w, g := lineSplit.Split(want, -1), lineSplit.Split(got, -1)
	var s strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&s, "line %d:\n  want %q\n  got  %q\n", i+1, wl, gl)
		}
	}
	return s.String()
}
