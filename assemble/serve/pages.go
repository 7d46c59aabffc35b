package serve

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"mou/assemble/form"
)

//go:embed assets
var assets embed.FS

var pageTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"fid":   func(path string) string { return "f-" + path },
	"eid":   func(path string) string { return "e-" + path },
	"hid":   func(path string) string { return "h-" + path },
	"lower": strings.ToLower,
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	},
	"add":      func(a, b int) int { return a + b },
	"contains": strings.Contains,
}).ParseFS(assets, "assets/*.html"))

// layout is what every page shows around its content.
type layout struct {
	Title   string // the page's own title
	Name    string // the partnership's name
	File    string // the data file's name
	ID      string // the data file's id in addresses; "" on the app's own pages
	Token   string
	Nav     []navItem
	Section string // the active part: "edit", "check", "preview", "compare", "build", "verify"
	Flash   []string
	Files   []fileLink // every data file, when there are several
	Content any
}

type navItem struct {
	Href, Title string
	Problems    int
	Current     bool
}

type fileLink struct{ Href, Name string }

func (s *Server) render(w http.ResponseWriter, status int, name string, l layout) {
	l.Token = s.token
	if len(s.files) > 1 {
		for _, f := range s.files {
			l.Files = append(l.Files, fileLink{"/p/" + f.id + "/", f.id})
		}
	}
	var buf bytes.Buffer
	if err := pageTemplates.ExecuteTemplate(&buf, name, l); err != nil {
		http.Error(w, "the page could not be drawn: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail shows a problem as a page of the app, with the way on.
func (s *Server) fail(w http.ResponseWriter, status int, f *dataFile, msg string) {
	l := layout{Title: "Something went wrong", Content: msg}
	if f != nil {
		l.ID, l.File = f.id, f.path
	}
	s.render(w, status, "problem.html", l)
}

func (s *Server) static() http.Handler {
	sub, _ := fs.Sub(assets, "assets")
	return http.StripPrefix("/assets/", http.FileServer(http.FS(sub)))
}

// fieldView is a form field with what the page adds: the value as typed
// (after a refused save), and the findings placed on it.
type fieldView struct {
	form.Field
	Typed    string
	Findings []finding
	Children []fieldView
	Items    []itemView
	Depth    int
}

type itemView struct {
	Path, Title string
	Index, Last int
	Findings    []finding
	Fields      []fieldView
}

// Input is the value the control shows.
func (v fieldView) Input() string {
	if v.Typed != "" {
		return v.Typed
	}
	return v.Value
}

// Invalid reports whether an error is placed on the field.
func (v fieldView) Invalid() bool {
	for _, f := range v.Findings {
		if f.Severity == "error" {
			return true
		}
	}
	return false
}

// Described lists the ids that describe the control.
func (v fieldView) Described() string {
	ids := []string{"e-" + v.Path}
	if v.Help != "" {
		ids = append([]string{"h-" + v.Path}, ids...)
	}
	return strings.Join(ids, " ")
}

// Rows is a text area's height.
func (v fieldView) Rows() int {
	n := strings.Count(v.Input(), "\n") + 2
	if n < 3 {
		n = 3
	}
	if n > 20 {
		n = 20
	}
	return n
}

// Selected reports whether a choice is the field's value.
func (v fieldView) Selected(value string) bool { return v.Input() == value }

// shownPaths collects every path a page places findings on.
func shownPaths(fields []form.Field, into map[string]bool) {
	for _, f := range fields {
		into[f.Path] = true
		shownPaths(f.Fields, into)
		for _, it := range f.Items {
			into[it.Path] = true
			shownPaths(it.Fields, into)
		}
	}
}

// views wraps fields, placing each finding on its nearest field and the
// typed values back into their controls.
func views(fields []form.Field, placed map[string][]finding, typed map[string]string, partners []form.Choice, depth int) []fieldView {
	out := make([]fieldView, 0, len(fields))
	for _, f := range fields {
		if isPartnerRef(f) && len(partners) > 0 {
			f = asPartnerChoice(f, partners, typed[f.Path])
		}
		v := fieldView{Field: f, Typed: typed[f.Path], Findings: placed[f.Path], Depth: depth}
		v.Children = views(f.Fields, placed, typed, partners, depth+1)
		for i, it := range f.Items {
			v.Items = append(v.Items, itemView{Path: it.Path, Title: it.Title, Index: i, Last: len(f.Items) - 1,
				Findings: placed[it.Path], Fields: views(it.Fields, placed, typed, partners, depth+1)})
		}
		out = append(out, v)
	}
	return out
}

// isPartnerRef reports whether a field holds one partner's id (a funding
// row's, a signatory's): the model describes each as "Id of the … partner".
func isPartnerRef(f form.Field) bool {
	return f.Kind == form.KindText && strings.HasPrefix(f.Help, "Id of the") && strings.Contains(f.Help, "partner")
}

// asPartnerChoice offers the partners by name where the file holds an id;
// a value that names no partner stays offered, so nothing is lost.
func asPartnerChoice(f form.Field, partners []form.Choice, typed string) form.Field {
	f.Kind = form.KindChoice
	f.Choices = partners
	cur := f.Value
	if typed != "" {
		cur = typed
	}
	known := cur == ""
	for _, c := range partners {
		known = known || c.Value == cur
	}
	if !known {
		f.Choices = append([]form.Choice{{Value: cur, Label: cur + " (names no partner)"}}, partners...)
	}
	f.Help = "The partner it belongs to."
	return f
}

// partnerChoices are the partners of the data, by organisation, for the
// fields that name one.
func partnerChoices(pages []form.Page) []form.Choice {
	var out []form.Choice
	for _, p := range pages {
		for _, f := range p.Fields {
			if f.Path != "partners" {
				continue
			}
			for _, it := range f.Items {
				var id, org string
				for _, x := range it.Fields {
					switch x.Key {
					case "id":
						id = x.Value
					case "organisation":
						org = x.Value
					}
				}
				if id == "" {
					continue
				}
				label := org
				if label == "" {
					label = id
				}
				out = append(out, form.Choice{Value: id, Label: label})
			}
		}
	}
	return out
}
