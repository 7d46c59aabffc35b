package serve

import (
	"net/http"
	"strings"

	"mou/assemble/check"
)

// checkView is the statutory checklist with links to the fields to fill.
type checkView struct {
	Result  *check.Result
	Groups  []checkGroup
	Met     int
	Missing int
	Invalid []linked
}

type checkGroup struct {
	Title string
	Items []checkItem
}

type checkItem struct {
	check.Outcome
	Adds  []linked
	Where []linked
}

// linked is a place in the data with the address of its field.
type linked struct {
	Path, Href, Text, Hint string
	Line                   int
}

func (s *Server) checkPage(w http.ResponseWriter, r *http.Request) {
	f, st, ok := s.opened(w, r)
	if !ok {
		return
	}
	res, err := check.Run(f.path, check.Options{Today: s.cfg.Today, Templates: s.cfg.Templates})
	if err != nil {
		s.fail(w, http.StatusInternalServerError, f, "The check could not run: "+err.Error())
		return
	}
	v := checkView{Result: res}
	for _, x := range res.Invalid {
		v.Invalid = append(v.Invalid, linked{Path: x.Path, Href: fieldHref(f, st.pages, x.Path), Text: x.Message, Hint: plainHint(x.Hint), Line: x.Line})
	}
	index := map[string]int{}
	for _, o := range res.Items {
		it := checkItem{Outcome: o}
		for _, a := range o.Add {
			it.Adds = append(it.Adds, linked{Path: a.Path, Href: fieldHref(f, st.pages, a.Path), Text: a.Message, Hint: plainHint(a.Hint)})
		}
		for _, d := range o.Data {
			it.Where = append(it.Where, linked{Path: d.Path, Href: fieldHref(f, st.pages, d.Path), Line: d.Line, Text: fieldName(st.pages, d.Path)})
		}
		switch o.Status {
		case check.Met:
			v.Met++
		case check.Missing:
			v.Missing++
		}
		i, ok := index[o.Group]
		if !ok {
			i = len(v.Groups)
			index[o.Group] = i
			v.Groups = append(v.Groups, checkGroup{Title: groupTitle(o.Group)})
		}
		v.Groups[i].Items = append(v.Groups[i].Items, it)
	}
	s.show(w, http.StatusOK, f, st, "check.html", "What the guidance asks", "check", v)
}

// groupTitle is a check group's id as a heading: "partners" → "Partners".
func groupTitle(id string) string {
	t := strings.ReplaceAll(id, "-", " ")
	if t == "" {
		return "Other"
	}
	return strings.ToUpper(t[:1]) + t[1:]
}
