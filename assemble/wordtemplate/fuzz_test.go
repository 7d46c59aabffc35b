package wordtemplate

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzTemplate parses and renders any bytes as a .docx, and any text as a
// paragraph of a .docx: nothing may panic or hang, and a document that
// renders must be well-formed XML in every part mou wrote.
//
//	go test ./assemble/wordtemplate -run XXX -fuzz FuzzTemplate -fuzztime 10m
func FuzzTemplate(f *testing.F) {
	for _, name := range []string{"libreoffice.docx", "python-docx.docx"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "")
	}
	f.Add(mouLike(), "")
	f.Add(compareShape(), "")
	for _, text := range []string{
		"{{partnership.name}}", "{{#each partners}}{{organisation}}{{/each}}", "{{#if x}}a{{else}}b{{/if}}",
		"{{amount | money}}", "{{#each partners}}", "{{/each}}", "}}{{", "{{ {{", "{{review | date \"2 January 2006\"}}",
		"{{#unless none}}x{{/unless}}", "{{@root.partnership.name}}", "{{#if a}}x{{else}}{{#if b}}y{{else}}z{{/if}}{{/if}}", "{{#if a}}\n{{else}}\n{{#each partners}}\n{{organisation}}\n{{/each}}\n{{/if}}", "{{#each partners}}{{#each partners}}{{@index}}{{/each}}{{/each}}",
	} {
		f.Add([]byte(nil), text)
	}
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		if text != "" {
			// The text as the paragraphs of a document, split at newlines,
			// each line's characters spread over runs as Word splits them.
			var body strings.Builder
			for _, line := range strings.Split(text, "\n") {
				var runs []string
				for len(line) > 0 {
					n := min(len(line), 3)
					runs = append(runs, line[:n])
					line = line[n:]
				}
				body.WriteString(para(runs...))
			}
			data = mkdocx(body.String(), nil)
		}
		tmpl, err := Parse("fuzz.docx", data)
		if err != nil {
			if _, ok := err.(Errors); !ok {
				t.Fatalf("error is %T, not Errors: %v", err, err)
			}
			return
		}
		tmpl.Tags()
		out, err := tmpl.Render(fixtureData)
		if err != nil {
			return
		}
		zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
		if err != nil {
			t.Fatalf("output is not a zip: %v", err)
		}
		for _, p := range tmpl.parts {
			for _, f := range zr.File {
				if f.Name != p.entry {
					continue
				}
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(rc)
				rc.Close()
				if _, err := parseXML(string(b)); err != nil {
					t.Fatalf("%s is not well-formed after rendering: %v", f.Name, err)
				}
			}
		}
	})
}
