package browsertest

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Focus is the element the keyboard's focus is on, as a screen reader
// would announce it.
type Focus struct {
	Tag   string // "input", "button", "a"…
	ID    string // its id, "" when it has none
	Name  string // its name attribute (a form field's TOML path)
	Label string // its accessible name, "" when it has none

	again bool // the focus came back to the first element of a TabOrder
}

// String names the element for a test's message.
func (f Focus) String() string {
	s := f.Tag
	if f.ID != "" {
		s += "#" + f.ID
	}
	if f.Name != "" {
		s += fmt.Sprintf("[name=%q]", f.Name)
	}
	return fmt.Sprintf("%s %q", s, f.Label)
}

// focused describes document.activeElement, null on the page's body. The
// label is worked out as a screen reader does for form controls, links and
// buttons, most specific first: aria-labelledby, aria-label, the <label>s
// of the control, then the element's own text (links and buttons) or title.
const focused = `(function () {
  var e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  function text(n) { return (n && (n.innerText || n.textContent) || "").replace(/\s+/g, " ").trim(); }
  var label = "";
  var by = e.getAttribute("aria-labelledby");
  if (by) label = by.split(/\s+/).map(function (id) { return text(document.getElementById(id)); }).join(" ").trim();
  if (!label) label = (e.getAttribute("aria-label") || "").trim();
  if (!label && e.labels && e.labels.length) label = Array.prototype.map.call(e.labels, text).join(" ").trim();
  if (!label && /^(A|BUTTON|SUMMARY)$/.test(e.tagName)) label = text(e);
  if (!label && e.tagName === "INPUT" && /^(submit|button|reset)$/.test(e.type)) label = e.value;
  if (!label) label = (e.getAttribute("title") || "").trim();
  // The first element of a TabOrder is remembered in the page: two
  // elements alike in tag, id, name and label are still told apart.
  var again = window.__browsertestFirst === e;
  if (!window.__browsertestFirst) window.__browsertestFirst = e;
  return {tag: e.tagName.toLowerCase(), id: e.id || "", name: e.getAttribute("name") || "", label: label, again: again};
})()`

// Focused is the element that has the keyboard's focus; ok is false when
// the focus is on the page itself.
func (b *Browser) Focused(t testing.TB) (f Focus, ok bool) {
	t.Helper()
	p, err := Run(b, chromedp.Evaluate[*focus](focused))
	if err != nil {
		t.Fatalf("cannot tell which element has the focus: %v", err)
	}
	if p == nil {
		return Focus{}, false
	}
	return Focus{Tag: p.Tag, ID: p.ID, Name: p.Name, Label: p.Label, again: p.Again}, true
}

// focus is Focus as the page's script returns it.
type focus struct {
	Tag   string `json:"tag"`
	ID    string `json:"id"`
	Name  string `json:"name"`
	Label string `json:"label"`
	Again bool   `json:"again"`
}

// TabOrder presses Tab up to max times from where the focus is, as a
// keyboard user does, and returns each element the focus lands on, in
// order. It stops when the focus leaves the page's elements (the browser's
// own controls are next) or comes back to the first element.
func (b *Browser) TabOrder(t testing.TB, max int) []Focus {
	t.Helper()
	if err := b.Do(chromedp.Evaluate[chromedp.Void](`delete window.__browsertestFirst`)); err != nil {
		t.Fatalf("cannot start counting the Tab presses: %v", err)
	}
	var order []Focus
	for range max {
		if err := b.Do(chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatalf("cannot press Tab: %v", err)
		}
		f, ok := b.Focused(t)
		if !ok || f.again {
			break
		}
		order = append(order, f)
	}
	return order
}
