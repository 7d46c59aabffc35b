package serve

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// app starts a server on a copy of a data file and returns a client that
// has opened the printed address (so it holds the session cookie).
type app struct {
	t      *testing.T
	s      *Server
	base   string // http://127.0.0.1:port
	client *http.Client
	path   string
}

func start(t *testing.T, example string) *app {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "data", example))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, example)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Data: path, Today: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)})
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
	jar, _ := cookiejar.New(nil)
	a := &app{t: t, s: s, client: &http.Client{Jar: jar}, path: path}
	u, _ := url.Parse(addr)
	a.base = u.Scheme + "://" + u.Host
	resp, err := a.client.Get(addr)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("opening the printed address: %s", resp.Status)
	}
	return a
}

func (a *app) do(req *http.Request) (*http.Response, string) {
	a.t.Helper()
	resp, err := a.client.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (a *app) get(path string) (*http.Response, string) {
	req, _ := http.NewRequest("GET", a.base+path, nil)
	return a.do(req)
}

// post sends a form as the app's own page does.
func (a *app) post(path string, form url.Values) (*http.Response, string) {
	form.Set(tokenField, a.s.token)
	req, _ := http.NewRequest("POST", a.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", a.base)
	return a.do(req)
}

func (a *app) hash() string {
	_, h, err := a.s.files[0].read()
	if err != nil {
		a.t.Fatal(err)
	}
	return h
}

func TestForeignHostOrOriginRefused(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	// DNS rebinding: the right address under another name.
	req, _ := http.NewRequest("GET", a.base+"/p/herefordshire-2019/edit/partners", nil)
	req.Host = "evil.example:" + strings.Split(a.base, ":")[2]
	if resp, _ := a.do(req); resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Host: %s, want 403", resp.Status)
	}
	// A cross-site form post, even with the cookie and the token.
	form := url.Values{tokenField: {a.s.token}, "base": {a.hash()}, "partners[0].delegate.name": {"Mallory"}}
	req, _ = http.NewRequest("POST", a.base+"/p/herefordshire-2019/edit/partners", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://evil.example")
	if resp, _ := a.do(req); resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Origin: %s, want 403", resp.Status)
	}
	// The app's own origin but no token: a forged form from a page that
	// cannot read it.
	form.Del(tokenField)
	req, _ = http.NewRequest("POST", a.base+"/p/herefordshire-2019/edit/partners", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", a.base)
	if resp, _ := a.do(req); resp.StatusCode != http.StatusForbidden {
		t.Errorf("no token: %s, want 403", resp.Status)
	}
	// A browser that never opened the printed address.
	resp, err := http.Get(a.base + "/p/herefordshire-2019/edit/partners")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("no session cookie: %s, want 403", resp.Status)
	}
	b, _ := os.ReadFile(a.path)
	if strings.Contains(string(b), "Mallory") {
		t.Fatal("a refused request changed the file")
	}
}

// TestSaveChangesOnlyThatValue is the promise that matters most: saving a
// form rewrites one value's bytes and nothing else, comments included.
func TestSaveChangesOnlyThatValue(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	before, _ := os.ReadFile(a.path)
	resp, page := a.get("/p/herefordshire-2019/edit/partners")
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, `name="partners[0].delegate.name"`) {
		t.Fatalf("partners page: %s\n%.500s", resp.Status, page)
	}
	resp, body := a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {a.hash()}, "partners[0].delegate.name": {"Chris Bairdsley"}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Saved.") {
		t.Fatalf("save: %s\n%.2000s", resp.Status, body)
	}
	after, _ := os.ReadFile(a.path)
	want := strings.Replace(string(before), `"Chris Baird"`, `"Chris Bairdsley"`, 1)
	if string(after) != want {
		t.Fatalf("the file changed beyond the one value:\n%s", lineDiff(want, string(after)))
	}
}

func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var sb strings.Builder
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			sb.WriteString("line " + itoa(i+1) + ":\n- " + x + "\n+ " + y + "\n")
		}
	}
	return sb.String()
}

func itoa(n int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + json.Number(jsonInt(n)).String())
}

func jsonInt(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestTwoTabsKeepEachOthersEdits: two pages opened on the same version
// each save a different value; both are kept. The same value changed in
// both is a conflict, not an overwrite.
func TestTwoTabsKeepEachOthersEdits(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	base := a.hash()
	a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {base}, "partners[0].delegate.name": {"Tab One"}})
	resp, body := a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {base}, "partners[1].delegate.name": {"Tab Two"}, "partners[0].delegate.name": {"Chris Baird"}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "changed elsewhere") {
		t.Fatalf("second tab's save: %s, want a note that the file had changed\n%.1500s", resp.Status, body)
	}
	after, _ := os.ReadFile(a.path)
	for _, want := range []string{`"Tab One"`, `"Tab Two"`} {
		if !strings.Contains(string(after), want) {
			t.Errorf("after both tabs saved, %s is missing", want)
		}
	}
	resp, body = a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {base}, "partners[0].delegate.name": {"Tab Three"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Tab One") {
		t.Fatalf("a value changed in both: %s, want the conflict shown with the file's value\n%.1500s", resp.Status, body)
	}
	after2, _ := os.ReadFile(a.path)
	if !bytes.Equal(after, after2) {
		t.Fatal("a conflicting save changed the file")
	}
}

// TestAnotherProgramsEditIsKept: the file edited by a text editor while
// the page is open keeps that edit when the page saves.
func TestAnotherProgramsEditIsKept(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	base := a.hash()
	b, _ := os.ReadFile(a.path)
	edited := strings.Replace(string(b), "Joint Case Review subgroup", "Joint Case Review Group", 1)
	os.WriteFile(a.path, []byte(edited), 0o644)
	a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {base}, "partners[0].delegate.name": {"New Name"}})
	after, _ := os.ReadFile(a.path)
	if !strings.Contains(string(after), "Joint Case Review Group") || !strings.Contains(string(after), `"New Name"`) {
		t.Fatal("the other program's edit or the page's was lost")
	}
}

func TestBadValueSavesNothingAndSaysWhy(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	before, _ := os.ReadFile(a.path)
	resp, body := a.post("/p/herefordshire-2019/edit/partnership", url.Values{"base": {a.hash()}, "partnership.date": {"31/02/2026"}, "partnership.short_name": {"HSCP2"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="e-partnership.date"`) {
		t.Fatalf("bad date: %s\n%.1500s", resp.Status, body)
	}
	if !strings.Contains(body, `value="31/02/2026"`) || !strings.Contains(body, `value="HSCP2"`) {
		t.Error("the page did not come back with what was typed")
	}
	after, _ := os.ReadFile(a.path)
	if !bytes.Equal(before, after) {
		t.Fatal("a refused save changed the file")
	}
}

func (a *app) validate(values map[string]string) validateResponse {
	a.t.Helper()
	body, _ := json.Marshal(validateRequest{Base: a.hash(), Values: values})
	req, _ := http.NewRequest("POST", a.base+"/p/herefordshire-2019/validate", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(tokenHead, a.s.token)
	req.Header.Set("Origin", a.base)
	resp, text := a.do(req)
	if resp.StatusCode != http.StatusOK {
		a.t.Fatalf("validate: %s %s", resp.Status, text)
	}
	var v validateResponse
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		a.t.Fatal(err)
	}
	return v
}

func TestLiveValidation(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	v := a.validate(map[string]string{"partnership.date": "2019-13-45"})
	if len(v.Problems) != 1 || v.Problems[0].Path != "partnership.date" {
		t.Fatalf("a date that is no date: problems %+v", v.Problems)
	}
	// A value that converts but breaks a rule: validate's own finding,
	// on the field.
	v = a.validate(map[string]string{"partners[0].organisation": ""})
	found := false
	for _, f := range v.Findings {
		if strings.HasPrefix(f.Path, "partners[0]") && f.Severity == "error" {
			found = true
		}
	}
	if !found {
		t.Fatalf("an emptied required field gave no error on it: %+v", v.Findings)
	}
	before, _ := os.ReadFile(a.path)
	if after, _ := os.ReadFile(a.path); !bytes.Equal(before, after) {
		t.Fatal("validating changed the file")
	}
}

func TestPagesDrawForEveryExample(t *testing.T) {
	for _, ex := range []string{"herefordshire-2019.toml", "westmorland-and-furness-2025.toml", "invented-kestermoor-2025.toml"} {
		a := start(t, ex)
		id := strings.TrimSuffix(ex, ".toml")
		for _, p := range []string{"partnership", "partners", "funding", "meetings", "scrutiny", "endorsements", "report", "history", "wording", "local"} {
			resp, body := a.get("/p/" + id + "/edit/" + p)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s page %s: %s\n%.800s", ex, p, resp.Status, body)
			}
		}
		for _, p := range []string{"check", "compare", "build"} {
			if resp, body := a.get("/p/" + id + "/" + p); resp.StatusCode != http.StatusOK {
				t.Errorf("%s %s: %s\n%.800s", ex, p, resp.Status, body)
			}
		}
	}
}

func TestAddRemoveMove(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	count := func() int {
		b, _ := os.ReadFile(a.path)
		return strings.Count(string(b), "[[partners]]")
	}
	n := count()
	a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {a.hash()}, "op": {"add:partners"}})
	if count() != n+1 {
		t.Fatalf("add: %d partners, want %d", count(), n+1)
	}
	a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {a.hash()}, "op": {"remove:partners[" + itoa(n) + "]"}})
	if count() != n {
		t.Fatalf("remove: %d partners, want %d", count(), n)
	}
	a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {a.hash()}, "op": {"down:partners[0]"}})
	b, _ := os.ReadFile(a.path)
	if i, j := strings.Index(string(b), "Chris Baird"), strings.Index(string(b), "Susan Thomas"); i < j {
		t.Fatal("move down left the first partner first")
	}
}

func TestCompareNeverReadsOutsideTheFolder(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	for _, key := range []string{"file:../../etc/passwd", "file:/etc/passwd", "upload:../../x", "upload:0123"} {
		resp, body := a.post("/p/herefordshire-2019/compare", url.Values{"old": {key}})
		if resp.StatusCode != http.StatusUnprocessableEntity || strings.Contains(body, "root:") {
			t.Errorf("old=%s: %s", key, resp.Status)
		}
	}
}

func TestCompareAndBuild(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	old := filepath.Join(filepath.Dir(a.path), "versions", "1.0.toml")
	os.MkdirAll(filepath.Dir(old), 0o755)
	b, _ := os.ReadFile(a.path)
	os.WriteFile(old, b, 0o644)
	a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {a.hash()}, "partners[0].delegate.name": {"Pat Newman"}})
	resp, body := a.post("/p/herefordshire-2019/compare", url.Values{"old": {"file:versions/1.0.toml"}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Pat Newman") {
		t.Fatalf("compare: %s\n%.2000s", resp.Status, body)
	}
	resp, _ = a.post("/p/herefordshire-2019/build", url.Values{})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("build: %s", resp.Status)
	}
	job := resp.Request.URL.Query().Get("job")
	var v jobView
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		_, text := a.get("/jobs/" + job)
		json.Unmarshal([]byte(text), &v)
		if v.State != "running" {
			break
		}
	}
	if v.State != "done" {
		t.Fatalf("build job: %+v", v)
	}
	resp, z := a.get(v.Href)
	zr, err := zip.NewReader(strings.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatalf("download: %s: %v", resp.Status, err)
	}
	names := map[string]bool{}
	for _, f := range zr.File {
		names[filepath.Base(f.Name)] = true
	}
	for _, want := range []string{"mou.docx", "arrangements.docx", "endorsements.docx", "mou.html"} {
		if !names[want] {
			t.Errorf("the zip has no %s: %v", want, names)
		}
	}
}

// TestCompareWithTheSavedVersion is the newcomer's path: change a
// delegate, then see the change against the file as the app opened it,
// with no copy kept by hand.
func TestCompareWithTheSavedVersion(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	_, body := a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {a.hash()}, "partners[0].delegate.name": {"Pat Newman"}})
	if !strings.Contains(body, `id="see-changes"`) {
		t.Fatal("after a save the page does not offer the changes")
	}
	_, page := a.get("/p/herefordshire-2019/compare")
	keys := regexp.MustCompile(`value="(kept:[0-9a-f]+)"`).FindStringSubmatch(page)
	if keys == nil {
		t.Fatalf("the compare page offers no earlier version of this session:\n%.2000s", page)
	}
	resp, body := a.post("/p/herefordshire-2019/compare", url.Values{"old": {keys[1]}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Chris Baird") || !strings.Contains(body, "Pat Newman") {
		t.Fatalf("compare with the version the app opened: %s\n%.3000s", resp.Status, body)
	}
	resp, z := a.post("/p/herefordshire-2019/compare/changes", url.Values{"old": {keys[1]}})
	zr, err := zip.NewReader(strings.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatalf("tracked changes download: %s: %v\n%.1000s", resp.Status, err, z)
	}
	found := false
	for _, f := range zr.File {
		found = found || strings.HasSuffix(f.Name, "mou-changes.docx")
	}
	if !found {
		t.Fatal("the download has no mou-changes.docx")
	}
}

// TestEveryKindSaves writes a value of each kind through the form and
// reads it back as validate does.
func TestEveryKindSaves(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	edits := url.Values{"base": {a.hash()},
		"partnership.date":                 {"11/09/2019"},
		"partnership.edition":              {"2018"},
		"partnership.values":               {"Child first\r\nListen\r\n"},
		"partnership.secure_establishment": {"true"},
		"partnership.date_style":           {"plain"},
		"funding[0].rows[0].amount":        {"£150,000"},
	}
	resp, body := a.post("/p/herefordshire-2019/edit/partnership", edits)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("save: %s\n%.3000s", resp.Status, body)
	}
	b, _ := os.ReadFile(a.path)
	for _, want := range []string{"date = 2019-09-11", `date_style = "plain"`, "secure_establishment = true", "amount = 150000", `"Child first"`, `"Listen"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the file has no %s", want)
		}
	}
	// The new amount no longer adds up to the declared total: validate's
	// own rule says so, and nothing else is wrong.
	v := a.validate(nil)
	total := false
	for _, f := range v.Findings {
		switch {
		case f.Path == "funding[0].declared_total":
			total = true
		case f.Severity == "error":
			t.Errorf("after saving, validate finds: %s: %s", f.Path, f.Message)
		}
	}
	if !total {
		t.Error("the funding rows no longer add up, and no finding says so")
	}
}

// TestFolderListsEachPartnership: a folder is one partnership per data
// file, the team's register beside them is not one, and an address can
// name only those.
func TestFolderListsEachPartnership(t *testing.T) {
	dir := t.TempDir()
	for _, ex := range []string{"herefordshire-2019.toml", "westmorland-and-furness-2025.toml"} {
		b, _ := os.ReadFile(filepath.Join("..", "..", "data", ex))
		os.WriteFile(filepath.Join(dir, ex), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "reorganisations.toml"), []byte(""), 0o644)
	s, err := New(Config{Data: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if len(s.files) != 2 {
		t.Fatalf("%d partnerships, want 2", len(s.files))
	}
	ln, addr, _, err := s.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go s.Serve(ln)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(addr)
	if err != nil {
		t.Fatal(err)
	}
	home, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{"Safeguarding Children and Young People in Herefordshire", "Westmorland and Furness"} {
		if !strings.Contains(string(home), want) {
			t.Errorf("the start page does not name %q", want)
		}
	}
	u, _ := url.Parse(addr)
	for _, bad := range []string{"/p/reorganisations/edit/partnership", "/p/..%2f..%2fetc/edit/partnership", "/p/herefordshire-2019/preview/file/0-..%2f..%2fmou.docx"} {
		resp, err := c.Get(u.Scheme + "://" + u.Host + bad)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %s, want 404", bad, resp.Status)
		}
	}
}

// TestSourcesLinkToFields: the paragraphs' origins, read from the review
// copy, link each data path to its field.
func TestSourcesLinkToFields(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	resp, body := a.get("/p/herefordshire-2019/sources")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("sources: %s\n%.1000s", resp.Status, body)
	}
	for _, want := range []string{`href="/p/herefordshire-2019/edit/partners#f-partners%5B0%5D`, "General wording", `href="/p/herefordshire-2019/edit/wording#f-text.introduction"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the sources page has no %s", want)
		}
	}
}

// TestEmptiedFieldKeepsItsComment: emptying a text keeps its line and the
// comment on it; validate then says the field is required.
func TestEmptiedFieldKeepsItsComment(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	b, _ := os.ReadFile(a.path)
	commented := strings.Replace(string(b), `area = "Herefordshire"`, `area = "Herefordshire"  # the council's area`, 1)
	os.WriteFile(a.path, []byte(commented), 0o644)
	_, body := a.post("/p/herefordshire-2019/edit/partnership", url.Values{"base": {a.hash()}, "partnership.area": {""}})
	after, _ := os.ReadFile(a.path)
	if !strings.Contains(string(after), `area = ""  # the council's area`) {
		t.Fatalf("emptying area lost its line or comment:\n%s", lineDiff(commented, string(after)))
	}
	if !strings.Contains(body, "The data now has") {
		t.Error("after a save that made an error, the page says only that it saved")
	}
}

// TestNewPartnerReadsInOrder: a partner added and filled in is written
// with its keys in the model's order, the funding row's partner offered by
// name.
func TestNewPartnerReadsInOrder(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {a.hash()}, "op": {"add:partners"}})
	_, page := a.get("/p/herefordshire-2019/edit/partners")
	if !strings.Contains(page, `name="partners[3].id"`) {
		t.Fatal("the new partner's fields are not on the page")
	}
	a.post("/p/herefordshire-2019/edit/partners", url.Values{"base": {a.hash()},
		"partners[3].delegate.name": {"Sam Newby"}, "partners[3].organisation": {"Hereford College"}, "partners[3].id": {"college"}, "partners[3].kind": {"local-authority"}})
	b, _ := os.ReadFile(a.path)
	text := string(b)
	i, j, k := strings.Index(text, `id = "college"`), strings.Index(text, `organisation = "Hereford College"`), strings.Index(text, `"Sam Newby"`)
	if i < 0 || j < 0 || k < 0 || !(i < j && j < k) {
		t.Fatalf("the new partner's keys are not in the model's order:\n%s", text[strings.LastIndex(text, "[[partners]]"):])
	}
	_, funding := a.get("/p/herefordshire-2019/edit/funding")
	if !strings.Contains(funding, `<option value="college">Hereford College</option>`) {
		t.Error("a funding row's partner is not offered by name")
	}
}

// TestCompareWithAHistoryCopy: a [[history]] entry's copy of the data is
// offered by its version.
func TestCompareWithAHistoryCopy(t *testing.T) {
	a := start(t, "herefordshire-2019.toml")
	b, _ := os.ReadFile(a.path)
	dir := filepath.Dir(a.path)
	os.MkdirAll(filepath.Join(dir, "kept"), 0o755)
	os.WriteFile(filepath.Join(dir, "kept", "signed.toml"), b, 0o644)
	text := strings.Replace(string(b), "[[history]]\n", "[[history]]\ndata = \"kept/signed.toml\"\n", 1)
	if text == string(b) {
		t.Fatal("the example has no [[history]] entry")
	}
	os.WriteFile(a.path, []byte(text), 0o644)
	_, page := a.get("/p/herefordshire-2019/compare")
	if !strings.Contains(page, `value="history:0"`) || !strings.Contains(page, "as kept in kept/signed.toml") {
		t.Fatalf("the history entry's copy is not offered:\n%.3000s", page)
	}
	resp, body := a.post("/p/herefordshire-2019/compare", url.Values{"old": {"history:0"}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("compare with the history copy: %s\n%.2000s", resp.Status, body)
	}
}
