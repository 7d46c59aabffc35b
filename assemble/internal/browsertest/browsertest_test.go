package browsertest_test

import (
	"bytes"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mou/assemble/internal/browsertest"
)

// page is a small, accessible page around body.
func page(title, body string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>` + title +
		`</title></head><body><main><h1>` + title + `</h1>` + body + `</main></body></html>`
}

// site serves the pages the self-test drives: a form whose button writes
// back what was typed, a page with a picture that has no alternative text,
// a clean page and a download.
func site(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/form", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(page("Form", `
<label for="name">Delegate's name</label> <input id="name" name="partners[0].lead.name">
<button id="go" type="button">Show</button>
<p id="out"></p>
<a href="/clean" download="copy.txt" id="get">Download a copy</a>
<script>
document.getElementById("go").addEventListener("click", function () {
  document.getElementById("out").textContent = "Hello " + document.getElementById("name").value;
});
</script>`)))
	})
	mux.HandleFunc("/bad", func(w http.ResponseWriter, r *http.Request) {
		// A one-pixel PNG with no alt: axe's image-alt rule.
		w.Write([]byte(page("Bad", `<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==">`)))
	})
	mux.HandleFunc("/clean", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(page("Clean", `<p>Nothing to fix here.</p>`)))
	})
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

func TestBrowser(t *testing.T) {
	start := time.Now()
	b := browsertest.Start(t)
	t.Logf("Chromium started in %s", time.Since(start).Round(time.Millisecond))
	ts := site(t)

	if err := b.Do(
		chromedp.Navigate(ts.URL+"/form"),
		chromedp.SendKeys(chromedp.CSS(`input[name="partners[0].lead.name"]`), "Ada Lovelace"),
		chromedp.Click(chromedp.ID("go")),
	); err != nil {
		t.Fatal(err)
	}
	out, err := browsertest.Run(b, chromedp.Text(chromedp.ID("out")))
	if err != nil {
		t.Fatal(err)
	}
	if out != "Hello Ada Lovelace" {
		t.Errorf("the page wrote back %q, want %q", out, "Hello Ada Lovelace")
	}

	t.Run("keyboard", func(t *testing.T) {
		if err := b.Do(chromedp.Navigate(ts.URL + "/form")); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range b.TabOrder(t, 10) {
			got = append(got, f.String())
		}
		want := []string{
			`input#name[name="partners[0].lead.name"] "Delegate's name"`,
			`button#go "Show"`,
			`a#get "Download a copy"`,
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("Tab visits\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})

	t.Run("axe", func(t *testing.T) {
		vs := b.Axe(t, ts.URL+"/bad")
		if len(vs) != 1 || vs[0].ID != "image-alt" || len(vs[0].Nodes) != 1 || vs[0].Nodes[0].Target[0] != "img" {
			t.Errorf("axe-core found %v on a page with one picture without alternative text, want image-alt at img", vs)
		}
		for _, v := range b.Axe(t, ts.URL+"/clean") {
			t.Errorf("clean page: %s", v)
		}
		// The form page, as it stands after typing: the current page.
		if err := b.Do(chromedp.Navigate(ts.URL+"/form"), chromedp.SendKeys(chromedp.ID("name"), "x")); err != nil {
			t.Fatal(err)
		}
		for _, v := range b.Axe(t, "") {
			t.Errorf("form page: %s", v)
		}
	})

	t.Run("screenshot", func(t *testing.T) {
		if err := b.Do(chromedp.Navigate(ts.URL + "/form")); err != nil {
			t.Fatal(err)
		}
		path := b.Screenshot(t, "browsertest-selftest")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("the screenshot is not a PNG: %v", err)
		}
		if w := img.Bounds().Dx(); w != 1280 {
			t.Errorf("the screenshot is %d pixels wide, want the window's 1280", w)
		}
		os.Remove(path) // a self-test's picture is nobody's to look at
	})

	t.Run("download", func(t *testing.T) {
		if err := b.Do(chromedp.Navigate(ts.URL + "/form")); err != nil {
			t.Fatal(err)
		}
		path := b.Download(t, 20*time.Second, chromedp.Click(chromedp.ID("get")))
		if filepath.Base(path) != "copy.txt" {
			t.Errorf("downloaded as %s, want copy.txt", path)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "Nothing to fix here.") {
			t.Errorf("the download holds %q", data)
		}
	})
	t.Logf("the whole test took %s", time.Since(start).Round(time.Millisecond))
}
