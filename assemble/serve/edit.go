package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"mou/assemble/form"
	"mou/assemble/partnership"
)

// editPage is the content of a form page.
type editPage struct {
	Page      form.Page
	Fields    []fieldView
	Base      string // the hash of the text shown
	Elsewhere []navItem
	Unplaced  []finding // findings of this page no field holds
	Problems  []problem
	Conflicts []conflict
	Focus     string
	Errors    int
	Warnings  int
	Saved     bool // just saved: the page offers the changes since
}

func (s *Server) file(w http.ResponseWriter, r *http.Request) *dataFile {
	f := s.byID[r.PathValue("id")]
	if f == nil {
		s.fail(w, http.StatusNotFound, nil, "There is no such data file here. Go back to the start page and pick one.")
	}
	return f
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		s.fail(w, http.StatusNotFound, nil, "There is no such page.")
		return
	}
	if len(s.files) == 1 {
		http.Redirect(w, r, "/p/"+s.files[0].id+"/", http.StatusSeeOther)
		return
	}
	type entry struct{ ID, Base, Name string }
	var list []entry
	for _, f := range s.files {
		e := entry{ID: f.id, Base: f.Base()}
		if text, _, err := f.read(); err == nil {
			if p, _ := partnership.Parse(f.path, text); p != nil {
				e.Name = p.Partnership.Name
			}
		}
		list = append(list, e)
	}
	s.render(w, http.StatusOK, "home.html", layout{Title: "Data files", Content: list})
}

func (s *Server) start(w http.ResponseWriter, r *http.Request) {
	f := s.file(w, r)
	if f == nil {
		return
	}
	http.Redirect(w, r, "/p/"+f.id+"/edit/"+firstPage, http.StatusSeeOther)
}

// firstPage is the page a partnership opens on.
const firstPage = "partnership"

// pageState is what the file says now, read for a page.
type pageState struct {
	text, hash string
	pages      []form.Page
	name       string
	findings   []finding
}

func (s *Server) state(f *dataFile) (*pageState, error) {
	text, hash, err := f.read()
	if err != nil {
		return nil, err
	}
	pages, err := pagesOf(text)
	if err != nil {
		return nil, fmt.Errorf("%s is not valid TOML, so it cannot be shown as forms: %v. Correct it in a text editor (mou validate %s says where), then reload", f.path, err, f.path)
	}
	findings, p := s.validated(f, text)
	st := &pageState{text: text, hash: hash, pages: pages, findings: findings}
	if p != nil {
		st.name = p.Partnership.Name
	}
	return st, nil
}

// nav lists the form pages with their problem counts, then the app's
// other parts.
func (s *Server) nav(f *dataFile, pages []form.Page, findings []finding, current string) []navItem {
	counts := countByPage(pages, findings)
	var out []navItem
	for _, p := range pages {
		out = append(out, navItem{Href: "/p/" + f.id + "/edit/" + p.ID, Title: p.Title, Problems: counts[p.ID], Current: p.ID == current})
	}
	return out
}

// pageOfKey maps each top-level key to the page that edits it.
func pageOfKey(pages []form.Page) map[string]string {
	m := map[string]string{}
	for _, p := range pages {
		for _, fl := range p.Fields {
			m[topKey(fl.Path)] = p.ID
		}
	}
	return m
}

func countByPage(pages []form.Page, findings []finding) map[string]int {
	of := pageOfKey(pages)
	counts := map[string]int{}
	for _, x := range findings {
		if id, ok := of[topKey(x.Path)]; ok {
			counts[id]++
		} else if len(pages) > 0 {
			counts[pages[0].ID]++
		}
	}
	return counts
}

// fieldHref is the address of the field at path, for links from the check
// list and the findings of other pages.
func fieldHref(f *dataFile, pages []form.Page, path string) string {
	id, ok := pageOfKey(pages)[topKey(path)]
	if !ok {
		id = firstPage
	}
	return "/p/" + f.id + "/edit/" + id + "#" + url.PathEscape("f-"+path)
}

func (s *Server) edit(w http.ResponseWriter, r *http.Request) {
	f, st, ok := s.opened(w, r)
	if !ok {
		return
	}
	var flash []string
	switch r.URL.Query().Get("saved") {
	case "1":
		flash = append(flash, "Saved.")
	case "added":
		flash = append(flash, "Added and saved: fill in the new entry below (the fields marked required first).")
	case "merged":
		flash = append(flash, "Saved. The file had been changed elsewhere since this page was opened (another tab or program); your changes were added to that version and nothing of it was lost.")
	}
	if len(flash) > 0 {
		if n := countErrors(st.findings); n > 0 {
			flash = append(flash, "The data now has "+plural(n, "error", "errors")+", marked beside the fields: the documents cannot be built until they are corrected.")
		}
	}
	s.showEdit(w, r, f, st, r.PathValue("page"), editPage{Focus: r.URL.Query().Get("focus"), Saved: len(flash) > 0}, nil, flash)
}

func (s *Server) showEdit(w http.ResponseWriter, r *http.Request, f *dataFile, st *pageState, pageID string, ep editPage, typed map[string]string, flash []string) {
	var page *form.Page
	for i := range st.pages {
		if st.pages[i].ID == pageID {
			page = &st.pages[i]
		}
	}
	if page == nil {
		s.fail(w, http.StatusNotFound, f, "There is no such page of the data.")
		return
	}
	shown := map[string]bool{}
	shownPaths(page.Fields, shown)
	placed := map[string][]finding{}
	of := pageOfKey(st.pages)
	elsewhere := map[string]int{}
	for _, x := range st.findings {
		if x.Severity == "error" {
			ep.Errors++
		} else {
			ep.Warnings++
		}
		if of[topKey(x.Path)] != page.ID && !(of[topKey(x.Path)] == "" && page.ID == st.pages[0].ID) {
			elsewhere[of[topKey(x.Path)]]++
			continue
		}
		if at := nearest(x.Path, shown); at != "" {
			placed[at] = append(placed[at], x)
		} else {
			ep.Unplaced = append(ep.Unplaced, x)
		}
	}
	for _, p := range ep.Problems {
		if at := nearest(p.Path, shown); at != "" {
			placed[at] = append(placed[at], finding{Path: p.Path, Severity: "error", Message: p.Message})
		}
	}
	for _, p := range st.pages {
		if n := elsewhere[p.ID]; n > 0 {
			ep.Elsewhere = append(ep.Elsewhere, navItem{Href: "/p/" + f.id + "/edit/" + p.ID, Title: p.Title, Problems: n})
		}
	}
	ep.Page = *page
	ep.Fields = views(page.Fields, placed, typed, partnerChoices(st.pages), 0)
	ep.Base = st.hash
	status := http.StatusOK
	if len(ep.Problems) > 0 || len(ep.Conflicts) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, status, "edit.html", layout{Title: page.Title, Name: st.name, File: f.path, ID: f.id,
		Nav: s.nav(f, st.pages, st.findings, page.ID), Section: "edit", Flash: flash, Content: ep})
}

// postedValues reads the page's controls: every form value except the
// app's own fields, by path.
func postedValues(form url.Values) map[string]string {
	out := map[string]string{}
	for k, v := range form {
		switch k {
		case tokenField, "base", "op":
			continue
		}
		if len(v) > 0 {
			out[k] = v[len(v)-1]
		}
	}
	return out
}

func (s *Server) saveEdit(w http.ResponseWriter, r *http.Request) {
	f := s.file(w, r)
	if f == nil {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.fail(w, http.StatusBadRequest, f, "The form could not be read: "+err.Error())
		return
	}
	pageID := r.PathValue("page")
	var op *listOp
	if v := r.PostForm.Get("op"); v != "" {
		o, ok := parseOp(v)
		if !ok {
			s.fail(w, http.StatusBadRequest, f, "That button is not one this page has: reload the page.")
			return
		}
		op = &o
	}
	typed := postedValues(r.PostForm)
	out, focus, err := f.save(r.PostForm.Get("base"), typed, op)
	if err != nil {
		s.fail(w, http.StatusInternalServerError, f, "Nothing was saved: "+err.Error())
		return
	}
	if len(out.Problems) > 0 || len(out.Conflicts) > 0 {
		// Nothing is lost: the page comes back with what was typed.
		st, err := s.state(f)
		if err != nil {
			s.fail(w, http.StatusConflict, f, err.Error())
			return
		}
		flash := []string{}
		if len(out.Problems) > 0 {
			flash = append(flash, "Nothing was saved: "+plural(len(out.Problems), "value needs", "values need")+" correcting first (marked below).")
		} else {
			flash = append(flash, "Saved, except where the file was changed elsewhere meanwhile (listed below): choose which value to keep.")
		}
		s.showEdit(w, r, f, st, pageID, editPage{Problems: out.Problems, Conflicts: out.Conflicts}, typed, flash)
		return
	}
	q := url.Values{"saved": {"1"}}
	switch {
	case out.External:
		q.Set("saved", "merged")
	case op != nil && op.Kind == "add":
		q.Set("saved", "added")
	}
	if focus != "" {
		q.Set("focus", focus)
	}
	target := "/p/" + f.id + "/edit/" + pageID + "?" + q.Encode()
	if focus != "" {
		target += "#" + url.PathEscape("f-"+focus)
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// validateRequest is what the page sends as the user types.
type validateRequest struct {
	Base   string            `json:"base"`
	Values map[string]string `json:"values"`
}

type validateResponse struct {
	Problems []problem         `json:"problems"`
	Findings []finding         `json:"findings"`
	Pages    map[string]int    `json:"pages"`
	Errors   int               `json:"errors"`
	Warnings int               `json:"warnings"`
	Millis   float64           `json:"ms"`
	Links    map[string]string `json:"links"`
}

// validateLive applies the page's unsaved values to the file's text in
// memory and validates the result: the findings the file would have if
// saved now.
func (s *Server) validateLive(w http.ResponseWriter, r *http.Request) {
	f := s.file(w, r)
	if f == nil {
		return
	}
	began := time.Now()
	var req validateRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "the request is not JSON: reload the page", http.StatusBadRequest)
		return
	}
	resp, err := s.liveCheck(f, req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusConflict)
		return
	}
	resp.Millis = float64(time.Since(began).Microseconds()) / 1000
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp)
}

func (s *Server) liveCheck(f *dataFile, req validateRequest) (validateResponse, error) {
	text, _, err := f.read()
	if err != nil {
		return validateResponse{}, err
	}
	f.mu.Lock()
	base, ok := f.versions[req.Base]
	f.mu.Unlock()
	if !ok {
		base = text
	}
	out, err := apply(text, base, req.Values)
	if err != nil {
		return validateResponse{}, err
	}
	findings, _ := s.validated(f, out.Text)
	resp := validateResponse{Problems: out.Problems, Findings: findings, Links: map[string]string{}}
	if resp.Problems == nil {
		resp.Problems = []problem{}
	}
	resp.Pages = countByPage(out.Pages, resp.Findings)
	for _, x := range resp.Findings {
		resp.Links[x.Path] = fieldHref(f, out.Pages, x.Path)
	}
	for _, x := range resp.Findings {
		if x.Severity == "error" {
			resp.Errors++
		} else {
			resp.Warnings++
		}
	}
	sort.SliceStable(resp.Findings, func(i, j int) bool { return resp.Findings[i].Line < resp.Findings[j].Line })
	return resp, nil
}

// conflictsText is a conflict in a sentence.
func (c conflict) String() string {
	return fmt.Sprintf("%s: you typed %q, the file now has %q", c.Label, c.Yours, strings.TrimSpace(c.Now))
}

func countErrors(fs []finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == "error" {
			n++
		}
	}
	return n
}

// fieldName is a field's place in words, for links: "Herefordshire
// Council: Kind", "Wording: Reviews".
func fieldName(pages []form.Page, path string) string {
	for _, p := range pages {
		if name, ok := nameIn(p.Fields, path, ""); ok {
			return name
		}
	}
	return path
}

func nameIn(fields []form.Field, path, within string) (string, bool) {
	join := func(a, b string) string {
		if a == "" {
			return b
		}
		return a + ": " + b
	}
	for _, f := range fields {
		if f.Path == path {
			return join(within, f.Label), true
		}
		if !strings.HasPrefix(path, f.Path) {
			continue
		}
		if name, ok := nameIn(f.Fields, path, join(within, f.Label)); ok {
			return name, true
		}
		for _, it := range f.Items {
			if it.Path == path {
				return join(within, it.Title), true
			}
			if strings.HasPrefix(path, it.Path) {
				if name, ok := nameIn(it.Fields, path, it.Title); ok {
					return name, true
				}
			}
		}
	}
	return "", false
}

// opened is the data file a request names and what it says now; false
// when the page for a problem has been written instead.
func (s *Server) opened(w http.ResponseWriter, r *http.Request) (*dataFile, *pageState, bool) {
	f := s.file(w, r)
	if f == nil {
		return nil, nil, false
	}
	st, err := s.state(f)
	if err != nil {
		s.fail(w, http.StatusConflict, f, err.Error())
		return nil, nil, false
	}
	return f, st, true
}

// show draws one of the documents' pages (not a form page) of a data file.
func (s *Server) show(w http.ResponseWriter, status int, f *dataFile, st *pageState, tmpl, title, section string, content any) {
	s.render(w, status, tmpl, layout{Title: title, Name: st.name, File: f.path, ID: f.id,
		Nav: s.nav(f, st.pages, st.findings, ""), Section: section, Content: content})
}
