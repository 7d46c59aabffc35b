package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// AxeTags are the rule sets run: WCAG 2.0, 2.1 and 2.2 at levels A and AA,
// what the Public Sector Bodies Accessibility Regulations ask; the same as
// the HTML edition's check (assemble/htmledition/axe_test.go).
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeScript is where `npm ci --prefix assemble/htmledition/testdata/axe`
// installs axe-core, from the repository's top; one lock file for both
// checks.
var axeScript = filepath.Join("assemble", "htmledition", "testdata", "axe", "node_modules", "axe-core", "axe.min.js")

// Violation is one axe-core rule the page breaks, with the elements that
// break it.
type Violation struct {
	ID     string `json:"id"`     // the rule, e.g. "image-alt"
	Impact string `json:"impact"` // "minor", "moderate", "serious" or "critical"
	Help   string `json:"help"`   // what the rule asks, in a sentence
	Nodes  []Node `json:"nodes"`
}

// Node is one element that breaks a rule.
type Node struct {
	Target  []string `json:"target"`         // CSS selectors that find the element
	HTML    string   `json:"html"`           // the element's opening markup
	Summary string   `json:"failureSummary"` // what to fix
}

// String is the violation as a test prints it: the rule, its impact and
// each element with what to fix.
func (v Violation) String() string {
	var s strings.Builder
	fmt.Fprintf(&s, "%s (%s, %s)", v.Help, v.ID, v.Impact)
	for _, n := range v.Nodes {
		fmt.Fprintf(&s, "\n    at %s %s: %s", strings.Join(n.Target, " "), n.HTML, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return s.String()
}

// runAxe runs axe-core on the whole page and keeps what a test reports.
const runAxe = `axe.run(document, {runOnly: {type: "tag", values: TAGS}, resultTypes: ["violations"]}).then(function (r) {
  return r.violations.map(function (v) {
    return {id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.map(function (n) {
      return {target: n.target.map(String), html: n.html, failureSummary: n.failureSummary || ""};
    })};
  });
})`

// Axe opens url (or, when url is "", stays on the current page), injects
// axe-core into the page and returns the WCAG 2.2 A and AA violations it
// finds; none is a pass. Without axe-core installed the test skips, or
// fails under CI=true.
func (b *Browser) Axe(t testing.TB, url string) []Violation {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(b.root, axeScript))
	if err != nil {
		missing(t, "axe-core is not installed (npm ci --prefix assemble/htmledition/testdata/axe)")
	}
	if url != "" {
		if err := b.Do(chromedp.Navigate(url)); err != nil {
			t.Fatalf("axe-core: cannot open %s: %v", url, err)
		}
	}
	// Evaluated by the DevTools protocol, not by a <script> in the page, so
	// the page's own Content-Security-Policy is left as it is.
	if err := b.Do(chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
		t.Fatalf("axe-core would not load into the page: %v", err)
	}
	tags, _ := json.Marshal(AxeTags)
	vs, err := Run(b, chromedp.Evaluate[[]Violation](strings.Replace(runAxe, "TAGS", string(tags), 1), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe-core failed on the page: %v", err)
	}
	return vs
}
