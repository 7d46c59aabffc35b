// Package pdfsign adds signature fields to a PDF that LibreOffice wrote, as
// an incremental update: the PDF's own bytes stay as they are, and the new
// and changed objects follow them with a cross-reference section of their
// own, as a PDF reader appends a signature. Each field is an empty
// signature field (a widget on its page) that a signatory signs in Adobe
// Reader or another PDF reader without printing the page.
//
// It reads the classic cross-reference tables LibreOffice writes; a PDF
// with cross-reference streams or object streams is refused with a
// message, so a build never writes a PDF it may have spoiled.
package pdfsign

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Field is one signature field: on page Page (from 0), inside Rect
// (llx, lly, urx, ury in PDF points, from the bottom left), named Name,
// with Tip as the reader's tooltip.
type Field struct {
	Page      int
	Rect      [4]float64
	Name, Tip string
}

// doc is what an update needs of a PDF.
type doc struct {
	data    []byte
	offsets map[int]int // object number → byte offset, from the newest table on
	size    int         // the trailer's /Size
	root    int
	trailer string // the newest trailer's dictionary, without << >>
	start   int    // the newest cross-reference section's offset
}

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	refRe       = regexp.MustCompile(`(\d+)\s+0\s+R`)
)

func read(data []byte) (*doc, error) {
	d := &doc{data: data, offsets: map[int]int{}}
	m := startxrefRe.FindSubmatch(bytes.TrimRight(data, "\r\n\x00 "))
	if m == nil {
		return nil, fmt.Errorf("no startxref at the end of the PDF")
	}
	d.start, _ = strconv.Atoi(string(m[1]))
	for off, first := d.start, true; off >= 0; first = false {
		next, trailer, err := d.section(off)
		if err != nil {
			return nil, err
		}
		if first {
			d.trailer = trailer
			d.size = intKey(trailer, "Size")
			d.root = refKey(trailer, "Root")
		}
		off = next
	}
	if d.root == 0 || d.size == 0 {
		return nil, fmt.Errorf("the PDF's trailer names no /Root or /Size")
	}
	return d, nil
}

// section reads one cross-reference table and its trailer, keeping the
// offsets not already known from a newer one; next is /Prev, or -1.
func (d *doc) section(off int) (next int, trailer string, err error) {
	if off >= len(d.data) || !bytes.HasPrefix(d.data[off:], []byte("xref")) {
		return 0, "", fmt.Errorf("the PDF has no cross-reference table at byte %d (a cross-reference stream?): signature fields are not added to it", off)
	}
	lines := strings.Split(string(d.data[off:]), "\n")
	i := 1
	for i < len(lines) {
		head := strings.Fields(lines[i])
		if len(head) == 1 && strings.HasPrefix(head[0], "trailer") {
			break
		}
		if len(head) != 2 {
			return 0, "", fmt.Errorf("cannot read the cross-reference table at byte %d", off)
		}
		first, _ := strconv.Atoi(head[0])
		n, _ := strconv.Atoi(head[1])
		for k := 0; k < n; k++ {
			f := strings.Fields(lines[i+1+k])
			if len(f) == 3 && f[2] == "n" {
				if _, known := d.offsets[first+k]; !known {
					o, _ := strconv.Atoi(f[0])
					d.offsets[first+k] = o
				}
			}
		}
		i += 1 + n
	}
	t := bytes.Index(d.data[off:], []byte("trailer"))
	if t < 0 {
		return 0, "", fmt.Errorf("no trailer after the cross-reference table at byte %d", off)
	}
	dict, err := dictAt(d.data, off+t+len("trailer"))
	if err != nil {
		return 0, "", err
	}
	next = -1
	if p := intKey(dict, "Prev"); p > 0 {
		next = p
	}
	return next, dict, nil
}

// object returns object n's dictionary, without << >>.
func (d *doc) object(n int) (string, error) {
	off, ok := d.offsets[n]
	if !ok {
		return "", fmt.Errorf("object %d is not in the cross-reference table", n)
	}
	i := bytes.Index(d.data[off:], []byte("obj"))
	if i < 0 {
		return "", fmt.Errorf("object %d has no obj keyword", n)
	}
	return dictAt(d.data, off+i+3)
}

// dictAt reads the dictionary starting at the first << after i.
func dictAt(b []byte, i int) (string, error) {
	j := bytes.Index(b[i:], []byte("<<"))
	if j < 0 {
		return "", fmt.Errorf("no dictionary at byte %d", i)
	}
	start := i + j
	depth := 0
	for k := start; k+1 < len(b); k++ {
		switch {
		case b[k] == '(':
			// Skip a string, with its escapes and nested brackets.
			level := 0
			for ; k < len(b); k++ {
				if b[k] == '\\' {
					k++
					continue
				}
				if b[k] == '(' {
					level++
				} else if b[k] == ')' {
					level--
					if level == 0 {
						break
					}
				}
			}
		case b[k] == '<' && b[k+1] == '<':
			depth++
			k++
		case b[k] == '>' && b[k+1] == '>':
			depth--
			k++
			if depth == 0 {
				return string(b[start+2 : k-1]), nil
			}
		}
	}
	return "", fmt.Errorf("an unterminated dictionary at byte %d", start)
}

func intKey(dict, key string) int {
	m := regexp.MustCompile(`/` + key + `\s+(\d+)`).FindStringSubmatch(dict)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func refKey(dict, key string) int {
	m := regexp.MustCompile(`/` + key + `\s+(\d+)\s+0\s+R`).FindStringSubmatch(dict)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pages lists the page objects in order, walking the page tree.
func (d *doc) pages() ([]int, error) {
	cat, err := d.object(d.root)
	if err != nil {
		return nil, err
	}
	var out []int
	var walk func(n, depth int) error
	walk = func(n, depth int) error {
		if depth > 32 {
			return fmt.Errorf("the page tree is too deep")
		}
		o, err := d.object(n)
		if err != nil {
			return err
		}
		if strings.Contains(o, "/Type/Pages") || strings.Contains(o, "/Type /Pages") {
			k := strings.Index(o, "/Kids")
			if k < 0 {
				return fmt.Errorf("page tree node %d has no /Kids", n)
			}
			end := strings.IndexByte(o[k:], ']')
			for _, m := range refRe.FindAllStringSubmatch(o[k:k+end], -1) {
				c, _ := strconv.Atoi(m[1])
				if err := walk(c, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		out = append(out, n)
		return nil
	}
	if err := walk(refKey(cat, "Pages"), 0); err != nil {
		return nil, err
	}
	return out, nil
}

// AddSignatureFields appends an incremental update to pdf holding one empty
// signature field per entry of fields, listed in the document's form
// (/AcroForm) and shown on its page.
func AddSignatureFields(pdf []byte, fields []Field) ([]byte, error) {
	if len(fields) == 0 {
		return pdf, nil
	}
	d, err := read(pdf)
	if err != nil {
		return nil, err
	}
	if strings.Contains(d.trailer, "/Encrypt") {
		return nil, fmt.Errorf("the PDF is encrypted: signature fields are not added to it")
	}
	pages, err := d.pages()
	if err != nil {
		return nil, err
	}
	cat, err := d.object(d.root)
	if err != nil {
		return nil, err
	}
	if strings.Contains(cat, "/AcroForm") {
		return nil, fmt.Errorf("the PDF already has a form: signature fields are not added to it")
	}
	next := d.size
	objects := map[int]string{} // new and changed objects, by number
	annots := map[int][]int{}   // page object → its new widgets
	var refs []string
	for _, f := range fields {
		if f.Page < 0 || f.Page >= len(pages) {
			return nil, fmt.Errorf("signature field %q is on page %d of a %d-page PDF", f.Name, f.Page+1, len(pages))
		}
		n, ap := next, next+1
		next += 2
		objects[n] = fmt.Sprintf("<</Type/Annot/Subtype/Widget/FT/Sig/T%s/TU%s/F 4/Rect[%.2f %.2f %.2f %.2f]/P %d 0 R/MK<<>>/AP<</N %d 0 R>>>>",
			pdfString(f.Name), pdfString(f.Tip), f.Rect[0], f.Rect[1], f.Rect[2], f.Rect[3], pages[f.Page], ap)
		// An empty appearance: PDF/A wants every widget to have one; the
		// page's own dotted line shows where to sign.
		objects[ap] = fmt.Sprintf("<</Type/XObject/Subtype/Form/BBox[0 0 %.2f %.2f]/Resources<<>>/Length 0>>\nstream\n\nendstream",
			f.Rect[2]-f.Rect[0], f.Rect[3]-f.Rect[1])
		annots[pages[f.Page]] = append(annots[pages[f.Page]], n)
		refs = append(refs, fmt.Sprintf("%d 0 R", n))
	}
	for page, ws := range annots {
		o, err := d.object(page)
		if err != nil {
			return nil, err
		}
		if strings.Contains(o, "/Annots") {
			return nil, fmt.Errorf("page object %d already has annotations: signature fields are not added to it", page)
		}
		var list []string
		for _, w := range ws {
			list = append(list, fmt.Sprintf("%d 0 R", w))
		}
		objects[page] = "<<" + o + "/Annots[" + strings.Join(list, " ") + "]>>"
	}
	objects[d.root] = "<<" + cat + "/AcroForm<</Fields[" + strings.Join(refs, " ") + "]>>>>"

	var b bytes.Buffer
	b.Write(pdf)
	if !bytes.HasSuffix(pdf, []byte("\n")) {
		b.WriteByte('\n')
	}
	nums := make([]int, 0, len(objects))
	for n := range objects {
		nums = append(nums, n)
	}
	sortInts(nums)
	at := map[int]int{}
	for _, n := range nums {
		at[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, objects[n])
	}
	xref := b.Len()
	b.WriteString("xref\n")
	// One subsection per run of consecutive numbers.
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d %d\n", nums[i], j-i+1)
		for k := i; k <= j; k++ {
			fmt.Fprintf(&b, "%010d 00000 n \n", at[nums[k]])
		}
		i = j + 1
	}
	trailer := fmt.Sprintf("/Size %d/Root %d 0 R/Prev %d", next, d.root, d.start)
	if info := refKey(d.trailer, "Info"); info != 0 {
		trailer += fmt.Sprintf("/Info %d 0 R", info)
	}
	if i := strings.Index(d.trailer, "/ID"); i >= 0 {
		if end := strings.IndexByte(d.trailer[i:], ']'); end >= 0 {
			trailer += d.trailer[i : i+end+1]
		}
	}
	fmt.Fprintf(&b, "trailer\n<<%s>>\nstartxref\n%d\n%%%%EOF\n", trailer, xref)
	return b.Bytes(), nil
}

// pdfString writes s as a PDF text string: UTF-16BE with its byte order
// mark when it is not plain ASCII.
func pdfString(s string) string {
	ascii := true
	for _, r := range s {
		if r > 126 || r < 32 {
			ascii = false
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var hex strings.Builder
	hex.WriteString("<FEFF")
	for _, r := range s {
		if r > 0xFFFF {
			r1, r2 := 0xD800+((r-0x10000)>>10), 0xDC00+((r-0x10000)&0x3FF)
			fmt.Fprintf(&hex, "%04X%04X", r1, r2)
			continue
		}
		fmt.Fprintf(&hex, "%04X", r)
	}
	hex.WriteString(">")
	return hex.String()
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
