// Package browsertest drives a real browser, Debian's headless Chromium, from
// a Go test through chromedp: mou serve's pages are checked the way a person
// meets them, with their styles laid out, their scripts run, the keyboard and
// the mouse, and axe-core's accessibility rules.
//
// A test calls Start for a browser of its own, runs chromedp actions with Do
// (or chromedp.Run on Context for an action that returns a value), and asks
// for Axe, Screenshot, TabOrder or Download. The browser closes when the test
// ends. A test skips when no browser is installed, except under CI=true,
// where it fails (.ci/run installs chromium and axe-core).
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// Viewport is the size of the browser's window: a laptop's screen, and the
// width of the README's screenshot.
const Viewport = "1280x900"

const (
	viewportWidth  = 1280
	viewportHeight = 900
)

// stepTimeout bounds one call of Do: a missing element fails the test with
// the step that waited, not the whole test binary at its own timeout.
const stepTimeout = 20 * time.Second

// candidates are the names a Chromium goes by, Debian's first.
var candidates = []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"}

// Browser is one headless Chromium with one tab, for one test.
type Browser struct {
	ctx  context.Context
	root string
}

// Find returns the path of an installed Chromium, or "" when there is none.
func Find() string {
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	return ""
}

// Start starts a headless Chromium for the test and closes it when the test
// ends. With no browser installed it skips the test, or fails it under
// CI=true.
func Start(t testing.TB) *Browser {
	t.Helper()
	path := Find()
	if path == "" {
		missing(t, "Chromium is not installed (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.DisableGPU,
		chromedp.WindowSize(viewportWidth, viewportHeight),
		// A profile of the test's own: tests may run browsers side by side.
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-component-update", true),
	)
	if os.Geteuid() == 0 {
		// Chromium refuses to start its sandbox as root, as CI runs.
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	// The first action starts the browser and ties it to ctx, so it runs
	// with no timeout of its own; a start that hangs still ends.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			t.Fatalf("Chromium (%s) did not start: %v", path, err)
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("Chromium (%s) did not start within a minute", path)
	}
	return &Browser{ctx: ctx, root: RepoRoot(t)}
}

// missing skips the test, or fails it under CI, where every tool must be
// there.
func missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s, and CI must run the browser tests (.ci/run installs what they need)", what)
	}
	t.Skipf("%s: skipping the test in a real browser", what)
}

// Context is the browser tab's chromedp context, for chromedp.Run with an
// action that returns a value. It has no timeout: wrap it for one.
func (b *Browser) Context() context.Context { return b.ctx }

// Do runs the steps in the tab in order and stops at the first error. Each
// call has 20 seconds, so a step waiting for an element that never comes
// returns an error.
func (b *Browser) Do(steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	return chromedp.Do(ctx, steps...)
}

// Run runs one action in the browser's tab, with Do's time limit, and
// returns its value.
func Run[T any](b *Browser, action chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	return chromedp.Run(ctx, action)
}

// RepoRoot is the folder of mou's go.mod, found by walking up from the
// test's working folder (its package's folder).
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("cannot tell the test's working folder: %v", err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			t.Fatalf("no go.mod in %s or any folder above it: run the test inside the mou repository", dir)
		}
	}
}

// Artifacts is test-artifacts/serve/ at the top of the repository, made if
// needed: files a person looks at after a run (the folder is not committed).
func (b *Browser) Artifacts(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(b.root, "test-artifacts", "serve")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("cannot make the folder for the test's screenshots: %v", err)
	}
	return dir
}

// Screenshot saves the whole current page, beyond the window's height, as
// test-artifacts/serve/<name>.png and returns the file's path.
func (b *Browser) Screenshot(t testing.TB, name string) string {
	t.Helper()
	png, err := Run(b, chromedp.FullScreenshot(100)) // 100 is PNG
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(b.Artifacts(t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	return path
}

// ScreenshotWindow saves what the window shows (1280 by 900 pixels, from
// the top of the page) as test-artifacts/serve/<name>.png and returns the
// file's path: a picture for a README, smaller than the whole page.
func (b *Browser) ScreenshotWindow(t testing.TB, name string) string {
	t.Helper()
	png, err := Run(b, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(b.Artifacts(t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	return path
}

// Download runs trigger (a click on a download link or button) and waits up
// to timeout for the file the browser downloads; it returns the file's path
// in a temporary folder of the test.
func (b *Browser) Download(t testing.TB, timeout time.Duration, trigger chromedp.Action[chromedp.Void]) string {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:      browser.SetDownloadBehaviorBehaviorAllow,
		DownloadPath:  dir,
		EventsEnabled: new(true),
	}); err != nil {
		t.Fatalf("cannot let the browser download into %s: %v", dir, err)
	}
	// Subscribed before the click, so the download's events are not missed.
	begins := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	if err := chromedp.Do(ctx, trigger); err != nil {
		t.Fatalf("the click that downloads: %v", err)
	}
	var name, guid string
	for ev, err := range begins {
		if err != nil {
			t.Fatalf("no download began within %s: %v", timeout, err)
		}
		name, guid = ev.SuggestedFilename, ev.GUID
		break
	}
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("the download of %s did not finish within %s: %v", name, timeout, err)
		}
		if ev.GUID != guid {
			continue
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			if ev.FilePath != "" {
				return ev.FilePath
			}
			return filepath.Join(dir, name)
		case browser.DownloadProgressStateCanceled:
			t.Fatalf("the browser cancelled the download of %s", name)
		}
	}
	t.Fatalf("the download of %s did not finish", name)
	return ""
}
