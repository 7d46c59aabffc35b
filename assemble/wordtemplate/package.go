package wordtemplate

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
	"github.com/nguyenthenguyen/docx"
)

// Limits that keep a hostile or broken template from exhausting the
// machine. Only the parts mou renders or repairs are inflated (every other
// entry is copied compressed), and their inflated size is counted while
// inflating, never taken from the archive's headers. With these figures one
// template costs at most about 460 MB while it is parsed and rendered: the
// file (32 MiB), its inflated parts (32 MiB, kept as strings), the parsed
// tree of at most maxElements elements (about 200 bytes each, 200 MB), and
// one rendering of it (the output text, its repair tree and the compressed
// copy, under 200 MB without loops) — well under 1 GB for the process.
// `go run ./bench/worstcase` measures it: about 520 MB at peak, about
// 590 MB with GOGC=200 as mou runs.
const (
	maxFileBytes = 32 << 20 // the .docx file itself
	maxEntries   = 5000     // Word documents have tens of entries; large ones a few hundred
	maxPartBytes = 16 << 20 // one inflated part (a 1,000-page report is about 10 MiB)
	maxAllBytes  = 32 << 20 // all inflated parts of one template together
	maxElements  = 1000000  // XML elements in one template's parsed parts
)

// Relationship types, by their last path segment (the transitional and the
// strict namespaces differ only before it).
const (
	relMain     = "officeDocument"
	relCore     = "core-properties"
	relApp      = "extended-properties"
	relCustProp = "custom-properties"
	relNumbers  = "numbering"
	relHeader   = "header"
	relFooter   = "footer"
	relFootnote = "footnotes"
	relEndnote  = "endnotes"
	relComments = "comments"
	relCustom   = "customXml"
)

// docxPackage is a template's .docx package, read once. The archive is kept
// as it came; only the parts mou renders (the main document, its headers,
// footers, footnotes and endnotes, document properties holding tags) and
// repairs (numbering) are inflated. Writing a document copies every other
// entry as its compressed bytes and deflates only what changed.
type docxPackage struct {
	name     string
	files    []*zip.File       // archive order
	raw      [][]byte          // each file's compressed bytes, slices of the template
	main     string            // the main document part, e.g. word/document.xml
	mainXML  string            // its text
	rendered []string          // other parts to render, sorted
	props    []string          // document property and custom XML parts, in package order
	unread   []string          // parts mou does not fill that hold "{{", for warnings
	numbers  string            // the numbering part, "" when none
	parts    map[string]string // inflated parts by entry name
	inflated int64             // bytes inflated so far, for maxAllBytes
}

// ReadFile reads a template file as ParseFile does, for callers that parse
// it later: a path that is not a regular file (a device, a pipe, a folder)
// is refused before anything is read, and so is a file past the size limit.
// A missing file's error matches fs.ErrNotExist.
func ReadFile(path string) ([]byte, error) { return readFile(path) }

// readFile reads a template file, refusing before reading anything that is
// not a regular file (a device, a pipe, a directory) or is larger than a
// template plausibly is.
func readFile(p string) ([]byte, error) {
	// Stat before opening: opening a named pipe would block.
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("is not a regular file (%s): give the path of a .docx file", fileKind(st.Mode()))
	}
	if st.Size() > maxFileBytes {
		return nil, fmt.Errorf("is %d MiB, more than the %d MiB a template may be", st.Size()>>20, maxFileBytes>>20)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %w", err)
	}
	defer f.Close()
	// Checked again on the open file: the path may have changed in between.
	if st, err = f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, fmt.Errorf("cannot be read as a regular file: give the path of a .docx file")
	}
	// The size can change while reading: read one byte past the limit.
	b, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %w", err)
	}
	if len(b) > maxFileBytes {
		return nil, fmt.Errorf("grew past the %d MiB a template may be while it was read", maxFileBytes>>20)
	}
	return b, nil
}

// fileKind names what a non-regular file is, for messages.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
}

// openPackage reads the archive's directory, checks every entry name, finds
// the main part through the package relationships and inflates the parts
// mou works on, within the limits. Any problem is an *Error naming the entry.
func openPackage(name string, data []byte) (*docxPackage, error) {
	bad := func(msg string) error { return &Error{ID: ErrPackage, Template: name, Message: msg} }
	if len(data) > maxFileBytes {
		return nil, bad(fmt.Sprintf("is %d MiB, more than the %d MiB a template may be", len(data)>>20, maxFileBytes>>20))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, bad("is not a Word .docx file (it is not a zip archive): save it from Word or LibreOffice as \"Word Document (.docx)\"")
	}
	if len(zr.File) > maxEntries {
		return nil, bad(fmt.Sprintf("holds %d entries, more than the %d a Word document plausibly has", len(zr.File), maxEntries))
	}
	p := &docxPackage{name: name, files: zr.File, parts: map[string]string{}}
	byName := map[string]*zip.File{}
	folded := map[string]string{}
	for _, f := range zr.File {
		if msg := checkEntryName(f.Name); msg != "" {
			return nil, bad(fmt.Sprintf("entry %q %s; a Word document never holds one, so this file is refused", f.Name, msg))
		}
		// Part names are compared without regard to case (ECMA-376 part 2, 9.1.1.1).
		key := strings.ToLower(f.Name)
		if first, ok := folded[key]; ok {
			return nil, bad(fmt.Sprintf("holds entry %q twice (as %q and %q): readers disagree about which one counts, so this file is refused", f.Name, first, f.Name))
		}
		folded[key] = f.Name
		if f.Flags&0x1 != 0 {
			return nil, bad(fmt.Sprintf("entry %q is encrypted: save the document without a password", f.Name))
		}
		byName[f.Name] = f
		// The compressed bytes are copied into every output as they are:
		// found once here, as slices of the template, not read per document.
		off, err := f.DataOffset()
		if err != nil || off < 0 || f.CompressedSize64 > uint64(len(data)) || off > int64(len(data))-int64(f.CompressedSize64) {
			return nil, bad(fmt.Sprintf("entry %q is damaged (its data lies outside the file): save the document again from Word or LibreOffice", f.Name))
		}
		p.raw = append(p.raw, data[off:off+int64(f.CompressedSize64):off+int64(f.CompressedSize64)])
	}
	inflate := func(entry string) (string, error) {
		f := byName[entry]
		if f == nil {
			return "", nil
		}
		s, err := p.inflate(f)
		if err != nil {
			return "", bad(err.Error())
		}
		return s, nil
	}
	// The package relationships name the main part and the document
	// properties; a package without them is read the way Word's own
	// layout has it.
	p.main = "word/document.xml"
	rels, err := inflate("_rels/.rels")
	if err != nil {
		return nil, err
	}
	pkgRels, err := parseRels(rels, "")
	if err != nil {
		return nil, bad("its package relationships (_rels/.rels) cannot be read: " + err.Error())
	}
	for _, r := range pkgRels {
		switch r.kind {
		case relMain:
			p.main = r.target
		case relCore, relApp, relCustProp:
			if byName[r.target] != nil {
				p.props = append(p.props, r.target)
			}
		}
	}
	if byName[p.main] == nil {
		if len(pkgRels) == 0 {
			return nil, bad("has no word/document.xml, so it is not a Word document (an .odt or .xlsx renamed to .docx?)")
		}
		return nil, bad(fmt.Sprintf("names %s as its main document, but has no such entry: save it again from Word or LibreOffice", p.main))
	}
	if p.mainXML, err = p.readMain(name, data, byName); err != nil {
		return nil, err
	}
	if !isWordBody(p.mainXML) {
		return nil, bad(fmt.Sprintf("is not a Word document: its main part %s is not a Word document body (an .xlsx or .pptx renamed to .docx?)", p.main))
	}
	// The main part's relationships name its headers, footers, notes and numbering.
	dir, base := path.Split(p.main)
	mainRels, err := inflate(dir + "_rels/" + base + ".rels")
	if err != nil {
		return nil, err
	}
	docRels, err := parseRels(mainRels, dir)
	if err != nil {
		return nil, bad(fmt.Sprintf("the relationships of %s cannot be read: %v", p.main, err))
	}
	seen := map[string]bool{}
	for _, r := range docRels {
		if byName[r.target] == nil || seen[r.target] {
			continue
		}
		seen[r.target] = true
		switch r.kind {
		case relHeader, relFooter, relFootnote, relEndnote, relComments:
			p.rendered = append(p.rendered, r.target)
		case relNumbers:
			p.numbers = r.target
		case relCustom:
			// Cover page properties and other data a content control shows:
			// Word refills the control from here when it opens the file.
			p.props = append(p.props, r.target)
		}
	}
	sort.Strings(p.rendered)
	// Any other XML part holding a tag is one mou does not fill (SmartArt
	// data, a chart, building blocks): found, counted against the limits
	// without being kept, and reported.
	filled := map[string]bool{p.main: true, p.numbers: true}
	for _, e := range append(append([]string(nil), p.rendered...), p.props...) {
		filled[e] = true
	}
	for _, f := range p.files {
		if filled[f.Name] || !strings.HasSuffix(f.Name, ".xml") || f.Name == "[Content_Types].xml" || formatting(f.Name) {
			continue
		}
		has, err := holdsTag(f)
		if err != nil {
			return nil, bad(err.Error())
		}
		if has {
			p.unread = append(p.unread, f.Name)
		}
	}
	for _, entry := range append(append([]string(nil), p.rendered...), p.props...) {
		if _, err := inflate(entry); err != nil {
			return nil, err
		}
	}
	// The numbering part is read when a rendering first restarts a list
	// (see Template.numbering), not for every template.
	return p, nil
}

// readMain returns the main part's text. nguyenthenguyen/docx reads it when
// it can (the part is word/document.xml and the package has the relations
// it expects); it inflates, without limits, the main part, its relationships
// and every entry named like a header or footer, so each of those is first
// inflated here, counting, and only a package within the limits reaches it.
// Otherwise the part is read here.
func (p *docxPackage) readMain(name string, data []byte, byName map[string]*zip.File) (string, error) {
	bad := func(msg string) error { return &Error{ID: ErrPackage, Template: name, Message: msg} }
	if p.main == "word/document.xml" && byName["word/_rels/document.xml.rels"] != nil {
		for _, f := range p.files {
			if f.Name == p.main || f.Name == "word/_rels/document.xml.rels" || strings.Contains(f.Name, "header") || strings.Contains(f.Name, "footer") {
				if err := countInflated(f); err != nil {
					return "", bad(err.Error())
				}
			}
		}
		lib, err := docx.ReadDocxFromMemory(bytes.NewReader(data), int64(len(data)))
		if err == nil {
			s := lib.Editable().GetContent()
			if err := p.charge(p.main, int64(len(s))); err != nil {
				return "", bad(err.Error())
			}
			p.parts[p.main] = s
			return s, nil
		}
	}
	s, err := p.inflate(byName[p.main])
	if err != nil {
		return "", bad(err.Error())
	}
	return s, nil
}

// isWordBody reports whether a main part is a WordprocessingML document:
// its first element is w:document (whatever the prefix).
func isWordBody(s string) bool {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return false
		}
		i += j
		if strings.HasPrefix(s[i:], "<?") || strings.HasPrefix(s[i:], "<!") {
			i++
			continue
		}
		name := tagName(s[i:])
		return name == "document" || strings.HasSuffix(name, ":document")
	}
	return false
}

// checkEntryName returns why an entry name is unsafe, or "".
func checkEntryName(n string) string {
	switch {
	case n == "":
		return "has an empty name"
	case strings.ContainsRune(n, '\\'):
		return "has a backslash in its name"
	case strings.HasPrefix(n, "/"):
		return "has an absolute path"
	case len(n) >= 2 && n[1] == ':' && (n[0]|0x20) >= 'a' && (n[0]|0x20) <= 'z':
		return "has a drive-letter path"
	case strings.ContainsRune(n, 0):
		return "has a NUL character in its name"
	}
	for _, seg := range strings.Split(strings.TrimSuffix(n, "/"), "/") {
		if seg == ".." || seg == "." || seg == "" {
			return "has a path that steps outside the package (" + seg + ")"
		}
	}
	return ""
}

// inflate reads one entry, counting what actually inflates against the
// per-part and the total limit.
func (p *docxPackage) inflate(f *zip.File) (string, error) {
	if s, ok := p.parts[f.Name]; ok {
		return s, nil
	}
	rc, err := f.Open()
	if err != nil {
		return "", fmt.Errorf("entry %s cannot be read: %v", f.Name, err)
	}
	defer rc.Close()
	hint := min(f.UncompressedSize64, maxPartBytes) + 512
	buf := bytes.NewBuffer(make([]byte, 0, hint))
	n, err := io.Copy(buf, io.LimitReader(rc, maxPartBytes+1))
	if err != nil {
		return "", fmt.Errorf("entry %s cannot be read: %v", f.Name, err)
	}
	if n > maxPartBytes {
		return "", fmt.Errorf("entry %s inflates past the %d MiB limit per part", f.Name, maxPartBytes>>20)
	}
	if err := p.charge(f.Name, n); err != nil {
		return "", err
	}
	s := buf.String()
	p.parts[f.Name] = s
	return s, nil
}

func (p *docxPackage) charge(entry string, n int64) error {
	p.inflated += n
	if p.inflated > maxAllBytes {
		return fmt.Errorf("entry %s takes the parts mou reads past %d MiB in all", entry, maxAllBytes>>20)
	}
	return nil
}

// formatting reports whether an entry holds formatting only (styles,
// theme, fonts, settings): its text is never shown, so it is not searched
// for tags. These are the package's largest parts.
func formatting(entry string) bool {
	base := path.Base(entry)
	switch base {
	case "styles.xml", "stylesWithEffects.xml", "fontTable.xml", "settings.xml", "webSettings.xml":
		return true
	}
	return strings.Contains(entry, "/theme/")
}

// holdsTag reports whether an entry's text holds "{{", inflating it in
// pieces without keeping it, within the per-part limit.
func holdsTag(f *zip.File) (bool, error) {
	rc, err := f.Open()
	if err != nil {
		return false, fmt.Errorf("entry %s cannot be read: %v", f.Name, err)
	}
	defer rc.Close()
	buf := make([]byte, 32<<10)
	var last byte
	var n int64
	for {
		k, err := rc.Read(buf)
		n += int64(k)
		if n > maxPartBytes {
			return false, fmt.Errorf("entry %s inflates past the %d MiB limit per part", f.Name, maxPartBytes>>20)
		}
		if k > 0 && (last == '{' && buf[0] == '{' || bytes.Contains(buf[:k], []byte("{{"))) {
			return true, nil
		}
		if k > 0 {
			last = buf[k-1]
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("entry %s cannot be read: %v", f.Name, err)
		}
	}
}

// countInflated inflates an entry into nothing, failing past the per-part limit.
func countInflated(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("entry %s cannot be read: %v", f.Name, err)
	}
	defer rc.Close()
	n, err := io.Copy(io.Discard, io.LimitReader(rc, maxPartBytes+1))
	if err != nil {
		return fmt.Errorf("entry %s cannot be read: %v", f.Name, err)
	}
	if n > maxPartBytes {
		return fmt.Errorf("entry %s inflates past the %d MiB limit per part", f.Name, maxPartBytes>>20)
	}
	return nil
}

// rel is one relationship: its type's last segment and its target entry.
type rel struct{ kind, target string }

// parseRels reads a relationships part; targets are resolved against dir
// (the source part's folder) into entry names. External targets are left out.
func parseRels(s, dir string) ([]rel, error) {
	if s == "" {
		return nil, nil
	}
	var doc struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal([]byte(s), &doc); err != nil {
		return nil, err
	}
	var out []rel
	for _, r := range doc.Rels {
		if r.Mode == "External" || r.Target == "" {
			continue
		}
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = path.Clean(t)[1:]
		} else {
			t = path.Clean(dir + t)
		}
		if strings.HasPrefix(t, "../") || t == ".." {
			continue // outside the package: not a part
		}
		out = append(out, rel{kind: r.Type[strings.LastIndexByte(r.Type, '/')+1:], target: t})
	}
	return out, nil
}

// partLabel names a part for messages: word/header1.xml → header1. The
// main part is called "document" whatever its entry's name.
func partLabel(entry string) string {
	base := entry[strings.LastIndexByte(entry, '/')+1:]
	return strings.TrimSuffix(base, ".xml")
}

// deflaters are reused across documents: a flate writer allocates about a
// megabyte, more than a small document's whole rendering. They are
// klauspost/compress's: at its fastest level it deflates a rendered
// document's parts in half the time the standard library's BestSpeed takes,
// into slightly fewer bytes, and deflating was the largest single cost of a
// national build.
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

type pooledDeflater struct{ w *flate.Writer }

func (d *pooledDeflater) Write(b []byte) (int, error) { return d.w.Write(b) }
func (d *pooledDeflater) Close() error {
	err := d.w.Close()
	deflaters.Put(d.w)
	d.w = nil
	return err
}

func newDeflater(w io.Writer) (io.WriteCloser, error) {
	fw := deflaters.Get().(*flate.Writer)
	fw.Reset(w)
	return &pooledDeflater{fw}, nil
}

// write assembles one output package: changed parts deflated once, every
// other entry copied as its compressed bytes. Entries keep the template's
// order and carry no timestamps, so equal inputs give equal bytes.
func (p *docxPackage) write(changed map[string][]byte) ([]byte, error) {
	size := 1024
	for _, f := range p.files {
		if s, ok := changed[f.Name]; ok {
			size += len(s)/4 + 128
		} else {
			size += int(f.CompressedSize64) + 128
		}
	}
	out := bytes.NewBuffer(make([]byte, 0, size))
	zw := zip.NewWriter(out)
	zw.RegisterCompressor(zip.Deflate, newDeflater)
	fail := func(err error) ([]byte, error) { return nil, fmt.Errorf("writing %s: %w", p.name, err) }
	for i, f := range p.files {
		if s, ok := changed[f.Name]; ok {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
			if err != nil {
				return fail(err)
			}
			if _, err := w.Write(s); err != nil {
				return fail(err)
			}
			continue
		}
		fh := f.FileHeader
		fh.Modified, fh.ModifiedTime, fh.ModifiedDate = time.Time{}, 0, 0
		fh.Extra, fh.Comment = nil, ""
		fh.Flags &^= 0x8 // sizes and checksum are known: no data descriptor
		w, err := zw.CreateRaw(&fh)
		if err != nil {
			return fail(err)
		}
		if _, err := w.Write(p.raw[i]); err != nil {
			return fail(err)
		}
	}
	// Entries RenderOptions.Finish added, in name order.
	var added []string
	for name := range changed {
		if !slices.ContainsFunc(p.files, func(f *zip.File) bool { return f.Name == name }) {
			added = append(added, name)
		}
	}
	slices.Sort(added)
	for _, name := range added {
		if msg := checkEntryName(name); msg != "" {
			return fail(fmt.Errorf("entry %s: %s", name, msg))
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return fail(err)
		}
		if _, err := w.Write(changed[name]); err != nil {
			return fail(err)
		}
	}
	if err := zw.Close(); err != nil {
		return fail(err)
	}
	return out.Bytes(), nil
}
