package htmledition

import (
	"embed"
	"html/template"
)

// The page is written with the standard library's html/template, not a
// library of its own: it escapes every text and attribute by where it
// stands (a heading's text, an id, the website's href, which it refuses
// unless http or https), and the page needs nothing more.
//
//go:embed page/page.html.tmpl page/statement.html.tmpl page/style.css
var pageFiles embed.FS

var pageTemplate = template.Must(template.New("page.html.tmpl").Funcs(template.FuncMap{
	// inline reports whether a table cell is one plain paragraph, written
	// straight into the cell rather than as a <p> in it.
	"inline": func(bs []block) bool { return len(bs) == 1 && bs[0].Kind == kindPara },
}).ParseFS(pageFiles, "page/page.html.tmpl", "page/style.css"))
