package documents

import (
	"archive/zip"
	"bytes"
	"html"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"mou/assemble/a11y"
	"mou/assemble/chart"
	"mou/assemble/format"
	"mou/assemble/internal/readertest"
	"mou/assemble/partnership"
)

// picture finds an inline picture's alternative text and relationship.
var picture = regexp.MustCompile(`<wp:docPr [^>]*descr="([^"]+)"/>.*?r:embed="([^"]+)"`)

// unzipped reads every part of a package.
func unzipped(t *testing.T, docx []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts
}

// TestReportCharts: the invented Meresides report holds two pictures, the
// budget agreed against spent by partner and the training's attendance,
// each with alternative text naming every partner or course and its
// figures; each PNG decodes, its bars as high as the figures say; the same
// data draws the same bytes; the accessibility check finds nothing.
func TestReportCharts(t *testing.T) {
	p := loadFor(t, "../../data/invented-meresides-2025.toml")
	if p == nil || p.Year == nil || p.Year.Spending == nil || len(p.Year.Training) == 0 {
		t.Fatal("the invented Meresides example has no spending or training in [year]")
	}
	docx, _, err := Render(p, YearlyReport, "")
	if err != nil {
		t.Fatal(err)
	}
	parts := unzipped(t, docx)
	doc := string(parts["word/document.xml"])
	if strings.Contains(doc, "[chart: ") {
		t.Error("a chart marker is left in the report")
	}
	pics := picture.FindAllStringSubmatch(doc, -1)
	if len(pics) != 2 {
		t.Fatalf("%d pictures with alternative text, want 2", len(pics))
	}
	if n := strings.Count(doc, "<w:drawing>"); n != 2 {
		t.Errorf("%d pictures, want 2", n)
	}
	rels := string(parts["word/_rels/document.xml.rels"])
	alt, media := map[string]string{}, map[string]string{}
	for _, pic := range pics {
		kind := "training"
		if strings.HasPrefix(pic[1], "Bar chart of the budget") {
			kind = "spending"
		}
		alt[kind] = html.UnescapeString(pic[1])
		target := regexp.MustCompile(`Id="` + pic[2] + `"[^>]*Target="([^"]*)"`).FindStringSubmatch(rels)
		if target == nil {
			t.Fatalf("the picture's relationship %s is not in the relationships", pic[2])
		}
		media[kind] = "word/" + target[1]
	}
	spendAlt, trainAlt := alt["spending"], alt["training"]
	v := NewView(p, YearlyReport)
	var spend, train [][]float64
	for _, r := range v.Year.Spending.Rows {
		for _, want := range []string{r.Name, r.Agreed.String(), r.Spent.String()} {
			if !strings.Contains(spendAlt, want) {
				t.Errorf("the spending chart's alternative text does not say %q: %s", want, spendAlt)
			}
		}
		spend = append(spend, []float64{float64(r.Agreed.Pence()), float64(r.Spent.Pence())})
	}
	for _, c := range v.Year.Training.Courses {
		for _, want := range []string{c.Course, format.Number(int64(c.Attended))} {
			if !strings.Contains(trainAlt, want) {
				t.Errorf("the training chart's alternative text does not say %q: %s", want, trainAlt)
			}
		}
		train = append(train, []float64{float64(c.Attended)})
	}
	if !strings.Contains(string(parts["[Content_Types].xml"]), `Extension="png"`) {
		t.Error("no png content type")
	}
	for kind, values := range map[string][][]float64{"training": train, "spending": spend} {
		name := media[kind]
		b, ok := parts[name]
		if !ok {
			t.Fatalf("no %s", name)
		}
		if want, _ := chart.PNG(values); !bytes.Equal(b, want) {
			t.Errorf("%s is not the chart of the table's figures", name)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		top := 0.0
		for _, g := range values {
			for _, x := range g {
				top = max(top, x)
			}
		}
		for gi, g := range chart.Bars(values) {
			for si, r := range g {
				x, n := (r.Min.X+r.Max.X)/2, 0
				c := chart.Colours[si]
				for y := 0; y < img.Bounds().Dy(); y++ {
					cr, cg, cb, _ := img.At(x, y).RGBA()
					if cr>>8 == uint32(c.R) && cg>>8 == uint32(c.G) && cb>>8 == uint32(c.B) {
						n++
					}
				}
				want := values[gi][si] / top * float64(chart.Baseline-chart.Top)
				if d := float64(n) - want; d > 1 || d < -1 {
					t.Errorf("%s, bar %d.%d: %d pixels high, want %.1f", name, gi, si, n, want)
				}
			}
		}
	}
	again, _, err := Render(p, YearlyReport, "")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, docx) {
		t.Error("the same data drew a different chart")
	}
	findings, err := a11y.Check("report", docx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("accessibility: %s", f)
	}
}

// TestReportChartsInPDF: LibreOffice opens the report and its PDF holds
// the two pictures (pdfimages lists them).
func TestReportChartsInPDF(t *testing.T) {
	pdfimages := readertest.Require(t, "pdfimages")
	p := loadFor(t, "../../data/invented-meresides-2025.toml")
	docx, _, err := Render(p, YearlyReport, "")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(path, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := readertest.Convert(t, []string{path}, "pdf", "pdf", dir)[0]
	out, err := exec.Command(pdfimages, "-list", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var images []string
	for _, l := range lines[min(2, len(lines)):] { // a heading and a rule
		if f := strings.Fields(l); len(f) > 2 && f[2] == "image" {
			images = append(images, l)
		}
	}
	if len(images) != 2 {
		t.Errorf("the PDF holds %d images, want 2:\n%s", len(images), out)
	}
	for _, l := range images {
		if f := strings.Fields(l); f[3] != "1200" || f[4] != "600" {
			t.Errorf("an image is not a chart's size: %s", l)
		}
	}
}

// TestReportWithoutFiguresHasNoChart: no spending and no training, no
// picture, no marker and no media part; nor in a partnership with no year.
func TestReportWithoutFiguresHasNoChart(t *testing.T) {
	p := loadFor(t, "../../data/invented-meresides-2025.toml")
	p.Year.Spending, p.Year.Training = nil, nil
	for name, p := range map[string]*partnership.Partnership{"Meresides without spending or training": p, "Herefordshire 2019": loadFor(t, "../../data/herefordshire-2019.toml")} {
		docx, _, err := Render(p, YearlyReport, "")
		if err != nil {
			t.Fatal(err)
		}
		parts := unzipped(t, docx)
		doc := string(parts["word/document.xml"])
		if strings.Contains(doc, "<w:drawing>") || strings.Contains(doc, "[chart: ") || strings.Contains(doc, "The chart below") {
			t.Errorf("%s: the report has a chart or its marker", name)
		}
		for part := range parts {
			if strings.HasPrefix(part, "word/media/") {
				t.Errorf("%s: the report has %s", name, part)
			}
		}
	}
}
