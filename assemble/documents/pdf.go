package documents

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"mou/assemble/fingerprint"
	"mou/assemble/internal/atomicfile"
	"mou/assemble/internal/pdfsign"
)

// ErrNoLibreOffice says how to get the converter --pdf needs.
var ErrNoLibreOffice = errors.New("--pdf converts through LibreOffice, which is not installed: " +
	"on Debian or Ubuntu run `sudo apt-get install libreoffice-writer-nogui`, " +
	"elsewhere install LibreOffice from https://www.libreoffice.org and make sure `soffice` is on the PATH")

// Soffice finds LibreOffice's command.
func Soffice() (string, error) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoLibreOffice
}

// DefaultPDFTimeout is how long LibreOffice may take for a whole build's
// documents before it is stopped (--pdf-timeout changes it).
const DefaultPDFTimeout = 5 * time.Minute

// contentsRounds bounds the conversions that settle the contents list's
// page numbers: the first PDF shows where each heading falls, the second
// is printed with the numbers and confirms them; a third is needed only if
// writing the numbers moved a heading.
const contentsRounds = 3

// ConvertPDF writes a PDF beside each .docx with LibreOffice, whose
// contents list gives each heading's page: the documents are converted,
// each heading's page is read from the PDF's outline (LibreOffice exports
// the headings as bookmarks), the numbers are written into the contents
// field of the .docx — so LibreOffice users see them too — and the
// documents with a contents list are converted again, until the numbers
// and the pages agree. All documents go through one LibreOffice run per
// round (it starts slowly), all rounds within timeout (none when zero). The
// PDFs are made in a temporary folder and written into place only when all
// are made, so a failed conversion leaves any earlier PDF as it was; a
// failure names the documents that were not converted.
func ConvertPDF(docs []string, timeout time.Duration) ([]string, error) {
	return convertPDF(docs, timeout, nil)
}

// convertPDF is ConvertPDF saying, before each LibreOffice run, which
// round it is and how many documents it converts (nil for nothing).
func convertPDF(docs []string, timeout time.Duration, progress io.Writer) ([]string, error) {
	soffice, err := Soffice()
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	if len(docs) == 0 {
		return nil, nil
	}
	// Beside the documents, so a build's work (LibreOffice's profile too)
	// stays inside its staging folder and goes with it, even when killed.
	work, err := os.MkdirTemp(filepath.Dir(docs[0]), ".mou-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	// LibreOffice names each PDF after its input: copies named by position
	// and name keep two partnerships' mou.docx apart in one run.
	in, out := filepath.Join(work, "in"), filepath.Join(work, "out")
	for _, dir := range []string{in, out} {
		if err := os.Mkdir(dir, 0o700); err != nil {
			return nil, err
		}
	}
	base := func(i int) string {
		return fmt.Sprintf("%03d-%s", i, strings.TrimSuffix(filepath.Base(docs[i]), filepath.Ext(docs[i])))
	}
	staged := func(i int) string { return filepath.Join(in, base(i)+".docx") }
	pdfOf := func(i int) string { return filepath.Join(out, base(i)+".pdf") }
	all := make([]int, len(docs))
	for i, d := range docs {
		all[i] = i
		b, err := os.ReadFile(d)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(staged(i), b, 0o600); err != nil {
			return nil, err
		}
	}
	written := make([][]int, len(docs))  // the pages last written into each contents list
	rewritten := make([]bool, len(docs)) // documents changed since they were staged
	pending := all
	for round := 0; len(pending) > 0; round++ {
		if progress != nil {
			fmt.Fprintf(progress, "LibreOffice: converting %d document(s) to PDF (round %d of at most %d)…\n", len(pending), round+1, contentsRounds)
		}
		if err := convert(ctx, timeout, soffice, work, out, pending, staged, docs); err != nil {
			return nil, err
		}
		if round == contentsRounds-1 {
			break
		}
		var numbered []int
		for _, i := range pending {
			changed, err := numberContents(staged(i), pdfOf(i), &written[i])
			if err != nil {
				return nil, fmt.Errorf("%s: cannot number the contents list: %w", docs[i], err)
			}
			if changed {
				numbered = append(numbered, i)
			}
		}
		stagedAll := make([]string, len(docs))
		for i := range docs {
			stagedAll[i] = staged(i)
		}
		if pending, err = restamp(stagedAll, numbered); err != nil {
			return nil, err
		}
		for _, i := range pending {
			rewritten[i] = true
		}
	}
	var pdfs []string
	for i, d := range docs {
		if rewritten[i] {
			b, err := os.ReadFile(staged(i))
			if err == nil {
				err = atomicfile.Write(d, b, 0o644)
			}
			if err != nil {
				return pdfs, err
			}
		}
		final := strings.TrimSuffix(d, filepath.Ext(d)) + ".pdf"
		b, err := os.ReadFile(pdfOf(i))
		if err == nil && strings.HasPrefix(filepath.Base(d), "endorsement") {
			b, err = withSignatureFields(pdfOf(i), b)
			if err != nil {
				err = fmt.Errorf("%s: cannot add its signature fields: %w", final, err)
			}
		}
		if err == nil {
			err = atomicfile.Write(final, b, 0o644)
		}
		if err != nil {
			return pdfs, fmt.Errorf("cannot write %s: %w", final, err)
		}
		pdfs = append(pdfs, final)
	}
	return pdfs, nil
}

// withSignatureFields gives an endorsement PDF one empty signature field
// per signature line ("Signed ……"), over the line, so each signatory can
// sign in a PDF reader without printing the page. The lines are found
// with pdftotext; without it the PDF is left as LibreOffice wrote it.
func withSignatureFields(path string, pdf []byte) ([]byte, error) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return pdf, nil
	}
	doc, err := fingerprint.ReadPDF(path)
	if err != nil {
		return nil, err
	}
	var fields []pdfsign.Field
	for pi, p := range doc.Pages {
		for _, w := range p.Words {
			if !strings.HasPrefix(w.Text, "Signed") {
				continue
			}
			// From the start of the dotted line to its end, and up to
			// two lines' height above it, in PDF points from the bottom.
			bottom := p.Height - w.YMax - 2
			n := len(fields) + 1
			fields = append(fields, pdfsign.Field{
				Page: pi, Rect: [4]float64{w.X + 45, bottom, max(w.XMax, w.X+245), bottom + 36},
				Name: fmt.Sprintf("Signature %d", n),
				Tip:  fmt.Sprintf("Signature %d: sign here for the endorsement on page %d", n, pi+1),
			})
		}
	}
	return pdfsign.AddSignatureFields(pdf, fields)
}

// pdfExport are LibreOffice's PDF export options: a tagged PDF (headings,
// lists and tables in its structure tree, for screen readers) that claims
// PDF/UA-1 and PDF/A-2b, with bookmarks for the headings and the contents
// list's entries as links to them.
const pdfExport = `{"UseTaggedPDF":{"type":"boolean","value":"true"},` +
	`"PDFUACompliance":{"type":"boolean","value":"true"},` +
	`"SelectPdfVersion":{"type":"long","value":"2"},` +
	`"ExportBookmarks":{"type":"boolean","value":"true"},` +
	`"ExportLinksRelativeFsys":{"type":"boolean","value":"false"}}`

// convert runs LibreOffice once over the staged copies of the documents
// numbered in which.
func convert(ctx context.Context, timeout time.Duration, soffice, work, outDir string, which []int, staged func(int) string, docs []string) error {
	profile, err := os.MkdirTemp(work, "profile-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	args := []string{"-env:UserInstallation=" + fileURL(profile), "--headless", "--norestore", "--convert-to", "pdf:writer_pdf_Export:" + pdfExport, "--outdir", outDir}
	for _, i := range which {
		args = append(args, staged(i))
	}
	cmd := exec.CommandContext(ctx, soffice, args...)
	stopGroup(cmd) // LibreOffice runs as a wrapper and a child: stop both
	msg, err := cmd.CombinedOutput()
	var names []string
	for _, i := range which {
		names = append(names, docs[i])
	}
	if ctx.Err() != nil {
		return fmt.Errorf("LibreOffice did not finish converting %s within %s and was stopped: "+
			"allow it longer with --pdf-timeout (e.g. --pdf-timeout 15m), or check that no LibreOffice window is waiting for an answer",
			strings.Join(names, ", "), timeout)
	}
	if err != nil {
		return fmt.Errorf("LibreOffice could not convert %s: %v\n%s", strings.Join(names, ", "), err, excerptOutput(msg))
	}
	for _, i := range which {
		pdf := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(staged(i)), ".docx")+".pdf")
		if _, err := os.Stat(pdf); err != nil {
			return fmt.Errorf("LibreOffice did not convert %s (open it in Word or LibreOffice to see why):\n%s", docs[i], excerptOutput(msg))
		}
	}
	return nil
}

// numberContents reads where each contents entry's heading fell in the PDF
// and, when that differs from the numbers last written, writes the new
// numbers into the document; it reports whether it did.
func numberContents(docx, pdf string, last *[]int) (bool, error) {
	b, err := os.ReadFile(docx)
	if err != nil {
		return false, err
	}
	entries, err := contentsEntries(b)
	if err != nil || len(entries) == 0 {
		return false, err
	}
	outline, err := readOutline(pdf)
	if err != nil {
		// A PDF whose bookmarks cannot be read is still the document:
		// its contents list keeps its headings without numbers, as Word
		// fills them in on opening.
		return false, nil
	}
	pages := pagesOf(entries, outline)
	if slices.Equal(pages, *last) {
		return false, nil
	}
	if b, err = setContentsPages(b, pages); err != nil {
		return false, err
	}
	*last = pages
	return true, os.WriteFile(docx, b, 0o600)
}

// pagesOf matches each contents entry with the next bookmark of the same
// title, in order (so two headings with one title each get their own), and
// gives its page; 0 when no bookmark matches.
func pagesOf(entries []entry, outline []bookmark) []int {
	pages := make([]int, len(entries))
	j := 0
	for i, e := range entries {
		want := normalSpace(unescapeXML(e.text))
		for k := j; k < len(outline); k++ {
			if normalSpace(outline[k].title) == want {
				pages[i], j = outline[k].page, k+1
				break
			}
		}
	}
	return pages
}

func normalSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// restamp gives each numbered document the fingerprint of its content with
// the page numbers (the fingerprint covers the contents list), and every
// other document printing its old fingerprint — the endorsement pages —
// the new one, and so, in turn, a new fingerprint of its own. It returns
// every document it changed, to be converted again.
func restamp(staged []string, numbered []int) ([]int, error) {
	changed := map[int]bool{}
	queue := slices.Clone(numbered)
	for _, i := range numbered {
		changed[i] = true
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		b, err := os.ReadFile(staged[i])
		if err != nil {
			return nil, err
		}
		old, err := fingerprint.Claimed(b)
		if err != nil || old == "" {
			continue // not stamped: nothing prints it
		}
		// Worked out as at build time: with the placeholder where the
		// document prints its own fingerprint.
		withPlaceholder, err := replaceInParts(b, old, fingerprint.Placeholder)
		if err != nil {
			return nil, err
		}
		main, err := docxPart(withPlaceholder, "word/document.xml")
		if err != nil {
			return nil, err
		}
		fp, err := fingerprint.OfMain(string(main))
		if err != nil || fp == old {
			continue
		}
		if b, err = fingerprint.Stamp(withPlaceholder, fp); err != nil {
			return nil, err
		}
		if err := os.WriteFile(staged[i], b, 0o600); err != nil {
			return nil, err
		}
		for j := range staged {
			if j == i {
				continue
			}
			other, err := os.ReadFile(staged[j])
			if err != nil {
				return nil, err
			}
			main, err := docxPart(other, "word/document.xml")
			if err != nil || !bytes.Contains(main, []byte(old)) {
				continue
			}
			if other, err = replaceInParts(other, old, fp); err != nil {
				return nil, err
			}
			if err := os.WriteFile(staged[j], other, 0o600); err != nil {
				return nil, err
			}
			changed[j] = true
			queue = append(queue, j)
		}
	}
	out := make([]int, 0, len(changed))
	for i := range changed {
		out = append(out, i)
	}
	slices.Sort(out)
	return out, nil
}

// replaceInParts replaces old with new in every XML part of a package.
func replaceInParts(docx []byte, old, new string) ([]byte, error) {
	return rewriteParts(docx, func(_ string, b []byte) []byte {
		return bytes.ReplaceAll(b, []byte(old), []byte(new))
	})
}
