package wordtemplate

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// Tags in comments, text boxes and cover page properties are filled; tags
// in parts mou does not fill (SmartArt data) are reported by name.
func TestEveryPartWithTagsFilledOrReported(t *testing.T) {
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData" Target="diagrams/data1.xml"/></Relationships>`
	textBox := `<w:p><w:r><w:drawing><wp:anchor><wp:docPr id="1" name="Box"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>` +
		para("Boxed: {{partnership.area}}") + `</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>`
	extra := map[string]string{
		"word/_rels/document.xml.rels": rels,
		"word/comments.xml":            `<w:comments ` + wNS + `><w:comment w:id="0" w:author="Reviewer">` + para("Check {{partnership.name}}") + `</w:comment></w:comments>`,
		"customXml/item1.xml":          `<CoverPageProperties xmlns="http://schemas.microsoft.com/office/2006/coverPageProps"><Abstract>About {{partnership.name}}</Abstract></CoverPageProperties>`,
		"word/diagrams/data1.xml":      `<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt><dgm:t><a:p><a:r><a:t>{{partnership.name}}</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>`,
	}
	tmpl, err := Parse("parts.docx", mkdocx(para("Body")+textBox, extra))
	if err != nil {
		t.Fatal(err)
	}
	out, err := tmpl.Render(fixtureData)
	if err != nil {
		t.Fatal(err)
	}
	for entry, want := range map[string]string{
		"word/document.xml":   "Boxed: </w:t></w:r><w:r><w:t xml:space=\"preserve\">Herefordshire",
		"word/comments.xml":   "Herefordshire Partnership",
		"customXml/item1.xml": "<Abstract>About Herefordshire Partnership</Abstract>",
	} {
		if got := partXML(t, out, entry); !strings.Contains(got, want) || strings.Contains(got, "{{") {
			t.Errorf("%s not filled:\n%s", entry, got)
		}
	}
	if got := partXML(t, out, "word/diagrams/data1.xml"); !strings.Contains(got, "{{partnership.name}}") {
		t.Errorf("the SmartArt data changed:\n%s", got)
	}
	want := []string{"parts.docx: data1 (SmartArt word/diagrams/data1.xml) holds {{…}}, which mou does not fill there; type the text outside it, or leave the tag out"}
	if got := tmpl.Warnings(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A misspelt name in {{#if}} over map data is reported with a suggestion;
// a name with no near match is an optional field left out; default says a
// near name may be missing too.
func TestIfMisspeltOverMapData(t *testing.T) {
	data := map[string]any{"partnership": map[string]any{"name": "P", "area": "A"}}
	_, err := renderDocx(para("{{#if partnership.nmae}}")+para("x")+para("{{/if}}"), nil, data)
	if err == nil || !strings.Contains(err.Error(), `unknown field "nmae" in partnership: did you mean "name"?`) || !strings.Contains(err.Error(), `{{#if partnership.nmae | default ""}}`) {
		t.Errorf("misspelt: %v", err)
	}
	for body, want := range map[string]string{
		para("{{#if partnership.predecessor}}") + para("x") + para("{{/if}}") + para("end"):                    "end",
		para("{{#if partnership.nmae | default \"\"}}") + para("x") + para("{{/if}}") + para("end"):            "end",
		para("{{#unless partnership.nmae | default \"yes\"}}") + para("x") + para("{{/unless}}") + para("end"): "end",
		para("{{#if partnership.name | default \"\"}}") + para("x") + para("{{/if}}"):                          "x",
	} {
		if got := visibleText(t, render(t, body, data)); got != want {
			t.Errorf("%s: got %q, want %q", body, got, want)
		}
	}
	if _, err := Parse("x.docx", mkdocx(para("{{#if a | money}}")+para("{{/if}}"), nil)); err == nil || !strings.Contains(err.Error(), "a block takes one filter, default with a quoted value") {
		t.Errorf("filter on a block: %v", err)
	}
}

// One parsed template renders from many goroutines at once (the build
// renders partnerships concurrently): the numbering part, read on first
// use, and every output are the same as a lone rendering's.
func TestConcurrentRendering(t *testing.T) {
	numbering := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	body := para("{{#each partners}}") + para("{{organisation}}") + listPara("1", "first {{id}}") + listPara("1", "second") + para("{{/each}}")
	tmpl, err := Parse("many.docx", mkdocx(body, map[string]string{"word/numbering.xml": numbering}))
	if err != nil {
		t.Fatal(err)
	}
	outs := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], _ = tmpl.Render(fixtureData)
		}()
	}
	wg.Wait()
	for i, o := range outs {
		if !bytes.Equal(o, outs[0]) || len(o) == 0 {
			t.Fatalf("rendering %d differs", i)
		}
	}
	if num := partXML(t, outs[0], "word/numbering.xml"); strings.Count(num, "<w:startOverride") != 18 {
		t.Errorf("lists not restarted in the copies:\n%s", num)
	}
}
