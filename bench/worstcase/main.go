// Command worstcase measures the memory one template at the package
// layer's limits takes: a template file of nearly 32 MiB (incompressible
// media copied into every document), a main part of nearly 16 MiB holding
// almost a million elements, a header of nearly 16 MiB of text, parsed once
// and rendered twice. It prints the process's peak resident memory.
//
//	go run ./bench/worstcase
package main

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"strings"

	"mou/assemble/wordtemplate"
)

const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func main() {
	// 999,000 elements: 333,000 paragraphs of a run and its text.
	var body strings.Builder
	body.WriteString(`<?xml version="1.0"?><w:document ` + ns + `><w:body><w:p><w:r><w:t>{{name}}</w:t></w:r></w:p>`)
	for i := 0; body.Len() < 15<<20 && i < 332990; i++ {
		body.WriteString(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`)
	}
	body.WriteString(`<w:sectPr/></w:body></w:document>`)
	header := `<w:hdr ` + ns + `><w:p><w:r><w:t>{{name}} ` + strings.Repeat("header text ", (15<<20)/12) + `</w:t></w:r></w:p></w:hdr>`
	media := make([]byte, 31<<20)
	rand.Read(media)
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`},
		{"word/document.xml", body.String()},
		{"word/header1.xml", header},
		{"word/media/noise.bin", string(media)},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, _ := zw.Create(p[0])
		io.WriteString(w, p[1])
	}
	zw.Close()
	data := buf.Bytes()
	parts, body, header, media = nil, strings.Builder{}, "", nil
	fmt.Printf("template: %.1f MiB file\n", float64(len(data))/(1<<20))
	t, err := wordtemplate.Parse("worst.docx", data)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := 0; i < 2; i++ {
		out, err := t.Render(map[string]any{"name": "A partnership"})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("document: %.1f MiB\n", float64(len(out))/(1<<20))
	}
	status, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(line, "VmHWM") {
			fmt.Println("peak resident memory:", strings.Join(strings.Fields(line)[1:], " "))
		}
	}
}
