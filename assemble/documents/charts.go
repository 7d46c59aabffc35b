package documents

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"mou/assemble/chart"
	"mou/assemble/format"
	"mou/assemble/wordtemplate"
)

// The yearly report's charts: where the template holds a chart's marker
// paragraph (chart.SpendingMarker, chart.TrainingMarker), the marker's run
// becomes an inline PNG picture of the same figures as the table before
// it, its alternative text naming each bar and its figure. The pictures
// are word/media/chartN.png, with their relationships and the png content
// type added as the package is written.

// chartPic is one picture to add to the package.
type chartPic struct {
	part, rel string
	png       []byte
}

// charts holds the pictures of one rendering.
type charts struct {
	pics []chartPic
	err  error
}

// The picture's size in the document: 6 by 3 inches, in EMUs.
const (
	chartCX = 6 * 914400
	chartCY = 3 * 914400
)

// insert replaces each marker run of doc with its chart; a marker whose
// figures the view lacks is removed.
func (c *charts) insert(doc string, view *View) string {
	if !strings.Contains(doc, "[chart: ") {
		return doc
	}
	for _, m := range []struct {
		marker string
		values func() ([][]float64, string, bool)
	}{
		{chart.SpendingMarker, func() ([][]float64, string, bool) { return spendingChart(view) }},
		{chart.TrainingMarker, func() ([][]float64, string, bool) { return trainingChart(view) }},
	} {
		for {
			t := strings.Index(doc, ">"+m.marker+"</w:t>")
			if t < 0 {
				break
			}
			start := strings.LastIndex(doc[:t], "<w:r>")
			if s2 := strings.LastIndex(doc[:t], "<w:r "); s2 > start {
				start = s2
			}
			end := strings.Index(doc[t:], "</w:r>")
			if start < 0 || end < 0 {
				c.err = fmt.Errorf("the chart marker %q is not in a run of its own", m.marker)
				return doc
			}
			end += t + len("</w:r>")
			run := ""
			if values, alt, ok := m.values(); ok {
				run = c.picture(values, alt)
			}
			doc = doc[:start] + run + doc[end:]
		}
	}
	return doc
}

// picture draws a chart and returns the run that shows it.
func (c *charts) picture(values [][]float64, alt string) string {
	b, err := chart.PNG(values)
	if err != nil {
		c.err = err
		return ""
	}
	n := len(c.pics) + 1
	pic := chartPic{part: fmt.Sprintf("word/media/chart%d.png", n), rel: fmt.Sprintf("rIdMouChart%d", n), png: b}
	c.pics = append(c.pics, pic)
	var esc bytes.Buffer
	xml.EscapeText(&esc, []byte(alt))
	descr := esc.String()
	name := fmt.Sprintf("Chart %d", n)
	ext := fmt.Sprintf(`cx="%d" cy="%d"`, chartCX, chartCY)
	return `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0">` +
		`<wp:extent ` + ext + `/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
		fmt.Sprintf(`<wp:docPr id="%d" name="%s" descr="%s"/>`, 9000+n, name, descr) +
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
		`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
		fmt.Sprintf(`<pic:nvPicPr><pic:cNvPr id="%d" name="chart%d.png" descr="%s"/><pic:cNvPicPr/></pic:nvPicPr>`, 9000+n, n, descr) +
		`<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="` + pic.rel + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ` + ext + `/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}

// add writes the pictures, their relationships and the png content type.
func (c *charts) add(t *wordtemplate.Template, parts map[string][]byte) error {
	if c.err != nil {
		return c.err
	}
	if len(c.pics) == 0 {
		return nil
	}
	rels, err := packageEntry(t, parts, "word/_rels/document.xml.rels")
	if err != nil {
		return err
	}
	types, err := packageEntry(t, parts, "[Content_Types].xml")
	if err != nil {
		return err
	}
	var add strings.Builder
	for _, p := range c.pics {
		if _, ok, _ := t.Entry(p.part); ok {
			return fmt.Errorf("%s has a %s of its own: rename it so the yearly report's chart can be added", t.Name(), p.part)
		}
		add.WriteString(`<Relationship Id="` + p.rel + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="` + strings.TrimPrefix(p.part, "word/") + `"/>`)
		parts[p.part] = p.png
	}
	i := strings.LastIndex(rels, "</Relationships>")
	if i < 0 {
		return fmt.Errorf("%s: word/_rels/document.xml.rels has no </Relationships>", t.Name())
	}
	parts["word/_rels/document.xml.rels"] = []byte(rels[:i] + add.String() + rels[i:])
	if !strings.Contains(strings.ToLower(types), `extension="png"`) {
		j := strings.LastIndex(types, "</Types>")
		if j < 0 {
			return fmt.Errorf("%s: [Content_Types].xml has no </Types>", t.Name())
		}
		parts["[Content_Types].xml"] = []byte(types[:j] + `<Default Extension="png" ContentType="image/png"/>` + types[j:])
	}
	return nil
}

// spendingChart is the budget agreed against spent, a pair of bars per
// partner, with its alternative text.
func spendingChart(v *View) ([][]float64, string, bool) {
	if v.Year == nil || v.Year.Spending == nil || len(v.Year.Spending.Rows) == 0 {
		return nil, "", false
	}
	var values [][]float64
	var says []string
	for _, r := range v.Year.Spending.Rows {
		values = append(values, []float64{float64(r.Agreed.Pence()), float64(r.Spent.Pence())})
		says = append(says, fmt.Sprintf("%s agreed %s and spent %s", r.Name, r.Agreed, r.Spent))
	}
	return values, "Bar chart of the budget agreed (dark blue) against spent (orange), by partner, as in the table: " + strings.Join(says, "; ") + ".", true
}

// trainingChart is how many attended each course, a bar per course.
func trainingChart(v *View) ([][]float64, string, bool) {
	if v.Year == nil || v.Year.Training == nil || len(v.Year.Training.Courses) == 0 {
		return nil, "", false
	}
	var values [][]float64
	var says []string
	for _, c := range v.Year.Training.Courses {
		values = append(values, []float64{float64(c.Attended)})
		says = append(says, fmt.Sprintf("%s, %s attended", c.Course, format.Number(int64(c.Attended))))
	}
	return values, "Bar chart of how many attended each multi-agency training course, as in the table: " + strings.Join(says, "; ") + ".", true
}
