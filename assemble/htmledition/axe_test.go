package htmledition_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"mou/assemble/internal/readertest"
)

// axeTags are the rule sets run: WCAG 2.0, 2.1 and 2.2 at levels A and AA,
// what the Public Sector Bodies Accessibility Regulations ask.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeFolder is where `npm ci` installs axe-core (package.json and
// package-lock.json beside it; .ci/run installs it).
const axeFolder = "testdata/axe"

// axeResult is what the page's script writes back into the page.
type axeResult struct {
	Version    string `json:"version"`
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target  []string `json:"target"`
			Summary string   `json:"failureSummary"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes     []string `json:"passes"`
	Incomplete []string `json:"incomplete"`
	Error      string   `json:"error"`
}

// runAxe is the script appended to a copy of each page: it runs axe-core
// on the page as Chromium laid it out, then writes the results into the
// page, where --dump-dom prints them. The page itself has no script: this
// is the tester's, not the page's.
const runAxe = `
<script>
(function () {
  function report(r) {
    var pre = document.createElement("pre");
    pre.id = "axe-results";
    pre.textContent = JSON.stringify(r);
    document.body.appendChild(pre);
  }
  axe.run(document, {runOnly: {type: "tag", values: TAGS}, resultTypes: ["violations"]}).then(function (r) {
    report({
      version: axe.version,
      violations: r.violations.map(function (v) {
        return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) {
          return {target: n.target.map(String), failureSummary: n.failureSummary};
        })};
      }),
      passes: r.passes.map(function (p) { return p.id; }),
      incomplete: r.incomplete.map(function (p) { return p.id; })
    });
  }, function (e) { report({error: String(e)}); });
})();
</script>
`

// TestAxe checks every example's HTML edition with axe-core in headless
// Chromium, a real browser engine laying out the page with its styles:
// the WCAG 2.2 A and AA rules, and not one violation. The figures for each
// page land in test-artifacts/html/axe.txt.
func TestAxe(t *testing.T) {
	chromium := readertest.Require(t, "chromium")
	axe, err := os.ReadFile(filepath.Join(axeFolder, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core is not installed, and CI must check the HTML editions with it (.ci/run installs it: npm ci --prefix assemble/htmledition/%s): %v", axeFolder, err)
		}
		t.Skipf("axe-core is not installed (npm ci --prefix assemble/htmledition/%s): skipping the check in a browser", axeFolder)
	}
	// A "</script" inside axe's own strings would end the element early;
	// "<\/script" is the same string to JavaScript.
	script := "<script>\n" + strings.ReplaceAll(string(axe), "</script", `<\/script`) + "\n</script>\n" +
		strings.Replace(runAxe, "TAGS", `["`+strings.Join(axeTags, `","`)+`"]`, 1)

	es := append(append([]edition(nil), examples(t)...), statements...)
	dir := t.TempDir()
	results := make([]axeResult, len(es))
	errs := make([]error, len(es))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 { // two cores: two browsers at once
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = checkPage(chromium, dir, i, es[i].html, script)
			}
		}()
	}
	for i := range es {
		next <- i
	}
	close(next)
	wg.Wait()

	var summary strings.Builder
	fmt.Fprintf(&summary, "axe-core %s in %s, rules tagged %s\n\n", results[0].Version, chromiumVersion(chromium), strings.Join(axeTags, ", "))
	for i, e := range es {
		if errs[i] != nil {
			t.Errorf("%s: %v", e.name, errs[i])
			continue
		}
		r := results[i]
		fmt.Fprintf(&summary, "%-55s %d violations, %d rules passed, %d to review by hand %v\n", e.name, len(r.Violations), len(r.Passes), len(r.Incomplete), r.Incomplete)
		for _, v := range r.Violations {
			for _, n := range v.Nodes {
				t.Errorf("%s: %s (%s, %s) at %s: %s", e.name, v.Help, v.ID, v.Impact, strings.Join(n.Target, " "), n.Summary)
			}
		}
	}
	t.Log("\n" + summary.String())
	if art := artefacts(t); art != "" {
		os.WriteFile(filepath.Join(art, "axe.txt"), []byte(summary.String()), 0o644)
	}
}

var axeResultsRe = regexp.MustCompile(`(?s)<pre id="axe-results">(.*?)</pre>`)

// checkPage writes a copy of a page with axe and its runner appended, has
// Chromium load it and print the page after its scripts ran, and reads the
// results back.
func checkPage(chromium, dir string, i int, page []byte, script string) (axeResult, error) {
	var r axeResult
	s := string(page)
	end := strings.LastIndex(s, "</body>")
	if end < 0 {
		return r, fmt.Errorf("the page has no </body>")
	}
	path := filepath.Join(dir, fmt.Sprintf("page-%02d.html", i))
	if err := os.WriteFile(path, []byte(s[:end]+script+s[end:]), 0o644); err != nil {
		return r, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, fmt.Sprintf("profile-%02d", i)),
		// Virtual time runs the page's timers at once: axe's work is done
		// before the page is printed.
		"--virtual-time-budget=60000", "--window-size=1000,1400",
		"--dump-dom", "file://"+filepath.ToSlash(path))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return r, fmt.Errorf("chromium failed: %v\n%s", err, lastLines(stderr.String(), 10))
	}
	m := axeResultsRe.FindSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("axe wrote no results into the page:\n%s", lastLines(stderr.String(), 10))
	}
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &r); err != nil {
		return r, fmt.Errorf("axe's results do not read: %v", err)
	}
	if r.Error != "" {
		return r, fmt.Errorf("axe failed: %s", r.Error)
	}
	return r, nil
}

func chromiumVersion(chromium string) string {
	out, err := exec.Command(chromium, "--version").Output()
	if err != nil {
		return "Chromium"
	}
	return strings.TrimSpace(string(out))
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// artefacts is test-artifacts/html/ at the top of the repository, for a
// person to look at; "" when it cannot be made.
func artefacts(t *testing.T) string {
	dir := filepath.Join("..", "..", "test-artifacts", "html")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Logf("no test-artifacts folder: %v", err)
		return ""
	}
	return dir
}
