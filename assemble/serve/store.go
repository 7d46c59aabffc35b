package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"mou/assemble/form"
	"mou/assemble/internal/atomicfile"
	"mou/assemble/partnership"
	"mou/assemble/tomledit"
)

// dataFile is one partnership's data file. Its mutex orders saves, so two
// tabs saving at once are applied one after the other, each to the file
// as the other left it.
type dataFile struct {
	path string
	id   string

	mu       sync.Mutex
	versions map[string]string // text by hash, of the versions pages were shown from
	order    []string          // hashes, oldest first, to bound versions
	// kept are the versions this session replaced, oldest first, each
	// copied into keptDir: what "compare with the saved version" offers
	// before the team has kept any copy of its own.
	kept    []keptVersion
	keptDir string
}

// keptVersion is the file as it was before one of the session's saves.
type keptVersion struct {
	Hash string
	At   time.Time
	Path string
}

// keepLocked copies text, the file as it is before a save, among the
// versions the session can compare against.
func (f *dataFile) keepLocked(text string) {
	h := hashOf(text)
	for _, k := range f.kept {
		if k.Hash == h {
			return
		}
	}
	if f.keptDir == "" {
		return
	}
	if err := os.MkdirAll(f.keptDir, 0o700); err != nil {
		return
	}
	p := filepath.Join(f.keptDir, h+".toml")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		return
	}
	f.kept = append(f.kept, keptVersion{Hash: h, At: time.Now(), Path: p})
	if len(f.kept) > keepVersions {
		// The oldest but one goes: the first is the file as the app opened it.
		os.Remove(f.kept[1].Path)
		f.kept = append(f.kept[:1], f.kept[2:]...)
	}
}

// keptVersions lists the session's earlier versions, newest first.
func (f *dataFile) keptVersions() []keptVersion {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]keptVersion, len(f.kept))
	for i, k := range f.kept {
		out[len(f.kept)-1-i] = k
	}
	return out
}

// keepVersions bounds the versions kept for merging: a page older than
// that many saves is merged against the file as it is now.
const keepVersions = 64

func newDataFile(path, id string) *dataFile {
	return &dataFile{path: path, id: id, versions: map[string]string{}}
}

func hashOf(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:12])
}

// read returns the file's text and its hash, and remembers the text so a
// page shown from it can be merged later.
func (f *dataFile) read() (string, string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.readLocked()
}

func (f *dataFile) readLocked() (string, string, error) {
	fh, err := os.Open(f.path)
	if err != nil {
		return "", "", fmt.Errorf("cannot read %s: %v", f.path, err)
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, partnership.MaxFileBytes+1))
	if err != nil {
		return "", "", fmt.Errorf("cannot read %s: %v", f.path, err)
	}
	if len(b) > partnership.MaxFileBytes {
		return "", "", fmt.Errorf("%s is larger than %d MB, the most a data file may hold", f.path, partnership.MaxFileBytes>>20)
	}
	text := string(b)
	h := hashOf(text)
	f.remember(h, text)
	return text, h, nil
}

func (f *dataFile) remember(h, text string) {
	if _, ok := f.versions[h]; ok {
		return
	}
	f.versions[h] = text
	f.order = append(f.order, h)
	if len(f.order) > keepVersions {
		delete(f.versions, f.order[0])
		f.order = f.order[1:]
	}
}

// problem is a value that could not be written as typed.
type problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// conflict is a value changed both on the page and in the file since the
// page was shown: neither is lost, the user chooses.
type conflict struct {
	Path  string `json:"path"`
	Label string `json:"label"`
	Yours string `json:"yours"`
	Now   string `json:"now"`
}

// outcome is what applying a page's edits to a text did.
type outcome struct {
	Text      string
	Applied   []string // paths written
	Problems  []problem
	Conflicts []conflict
	// External is set when the file had changed since the page was shown
	// (another tab or another program): the edits were merged into it.
	External bool
	// Pages are the forms of the text the edits were applied to: their
	// pages and paths are the edited text's too.
	Pages []form.Page
}

// pagesOf returns the forms of a text; a text that is not TOML gives none.
func pagesOf(text string) ([]form.Page, error) {
	tree := map[string]any{}
	if _, err := toml.Decode(text, &tree); err != nil {
		return nil, err
	}
	return form.Pages(tree), nil
}

func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimSpace(s)
}

// apply writes edits (typed values by path) into text. base is the text
// the page was shown from: a value the user did not change is left as the
// file has it, and a value changed in both since is a conflict rather
// than an overwrite.
func apply(text, base string, edits map[string]string) (outcome, error) {
	out := outcome{Text: text, External: base != text}
	cur, err := pagesOf(text)
	if err != nil {
		return out, fmt.Errorf("the file is not valid TOML any more (was it edited elsewhere?): %v", err)
	}
	out.Pages = cur
	was := cur
	if out.External {
		if was, err = pagesOf(base); err != nil {
			was = cur
		}
	}
	doc, err := tomledit.Parse(text)
	if err != nil {
		return out, err
	}
	paths := make([]string, 0, len(edits))
	for p := range edits {
		paths = append(paths, p)
	}
	// In the form's order, which is the model's: keys a save adds to a
	// new entry then follow one another as the starter file has them.
	order := map[string]int{}
	for _, p := range cur {
		fieldOrder(p.Fields, order)
	}
	sort.Slice(paths, func(i, j int) bool {
		oi, iok := order[paths[i]]
		oj, jok := order[paths[j]]
		if iok != jok {
			return iok
		}
		if oi != oj {
			return oi < oj
		}
		return paths[i] < paths[j]
	})
	for _, path := range paths {
		in := normalize(edits[path])
		bf, inBase := form.Lookup(was, path)
		cf, inCur := form.Lookup(cur, path)
		switch {
		case !inCur && !inBase:
			out.Problems = append(out.Problems, problem{path, "this field is not part of the data file: reload the page"})
			continue
		case inBase && in == normalize(bf.Value):
			continue // not changed on the page
		case !inCur:
			out.Conflicts = append(out.Conflicts, conflict{Path: path, Label: bf.Label, Yours: in, Now: "(removed from the file since the page was opened)"})
			continue
		case inBase && normalize(cf.Value) != normalize(bf.Value):
			if normalize(cf.Value) != in {
				out.Conflicts = append(out.Conflicts, conflict{Path: path, Label: cf.Label, Yours: in, Now: cf.Value})
			}
			continue
		}
		if in == "" && cf.Present && (cf.Kind == form.KindText || cf.Kind == form.KindLongText) {
			// An emptied text keeps its line, and the comment on it;
			// validate then says whether the field may be empty.
			if err := doc.Set(path, ""); err != nil {
				out.Problems = append(out.Problems, problem{path, err.Error()})
				continue
			}
			out.Applied = append(out.Applied, path)
			continue
		}
		if in == "" {
			if cf.Present {
				if err := doc.Delete(path); err != nil {
					out.Problems = append(out.Problems, problem{path, err.Error()})
					continue
				}
				out.Applied = append(out.Applied, path)
			}
			continue
		}
		v, err := form.Convert(cf, in)
		if err != nil {
			out.Problems = append(out.Problems, problem{path, err.Error()})
			continue
		}
		if v == nil {
			if cf.Present {
				if err := doc.Delete(path); err != nil {
					out.Problems = append(out.Problems, problem{path, err.Error()})
					continue
				}
				out.Applied = append(out.Applied, path)
			}
			continue
		}
		if err := doc.Set(path, toWrite(v)); err != nil {
			out.Problems = append(out.Problems, problem{path, err.Error()})
			continue
		}
		out.Applied = append(out.Applied, path)
	}
	out.Text = doc.String()
	return out, nil
}

// listOp adds, removes or moves an element of a list of tables.
type listOp struct {
	Kind string // "add", "remove", "up", "down"
	Path string // the list for add, the element otherwise
}

// parseOp reads a form button's value: "add:partners", "remove:partners[2]".
func parseOp(v string) (listOp, bool) {
	kind, path, ok := strings.Cut(v, ":")
	if !ok || path == "" {
		return listOp{}, false
	}
	switch kind {
	case "add", "remove", "up", "down":
		return listOp{kind, path}, true
	}
	return listOp{}, false
}

// errListChanged refuses a list operation on a list changed since the page
// was shown: its indices may name another element now.
var errListChanged = errors.New("this list was changed since the page was opened (in another tab or program): the page now shows it as it is; try again")

func applyOp(text string, op listOp) (string, string, error) {
	doc, err := tomledit.Parse(text)
	if err != nil {
		return text, "", err
	}
	list := op.Path
	if op.Kind != "add" {
		list = listOf(op.Path)
	}
	var focus string
	switch op.Kind {
	case "add":
		focus, err = doc.Append(list)
	case "remove":
		err = doc.Remove(op.Path)
		focus = list
	case "up", "down":
		i := indexOf(op.Path)
		to := i - 1
		if op.Kind == "down" {
			to = i + 1
		}
		if to < 0 || to >= doc.Len(list) {
			return text, op.Path, nil
		}
		err = doc.Move(op.Path, to)
		focus = fmt.Sprintf("%s[%d]", list, to)
	}
	if err != nil {
		return text, "", err
	}
	return doc.String(), focus, nil
}

// listUnchanged reports whether the list op works on reads the same in
// the version the page was shown from and in the file now: only then do
// the page's indices name the same elements.
func listUnchanged(base, now string, op listOp) bool {
	if base == now {
		return true
	}
	list := op.Path
	if op.Kind != "add" {
		list = listOf(op.Path)
	}
	a, err1 := tomledit.Parse(base)
	b, err2 := tomledit.Parse(now)
	return err1 == nil && err2 == nil && sameList(a, b, list)
}

// sameList reports whether a list reads the same in two versions.
func sameList(a, b *tomledit.Doc, list string) bool {
	if a.Len(list) != b.Len(list) {
		return false
	}
	for i := 0; i < a.Len(list); i++ {
		ra, _ := a.Raw(fmt.Sprintf("%s[%d]", list, i))
		rb, _ := b.Raw(fmt.Sprintf("%s[%d]", list, i))
		if ra != rb {
			return false
		}
	}
	return true
}

func listOf(elem string) string {
	if i := strings.LastIndexByte(elem, '['); i > 0 && strings.HasSuffix(elem, "]") {
		return elem[:i]
	}
	return elem
}

func indexOf(elem string) int {
	i := strings.LastIndexByte(elem, '[')
	n := 0
	if i < 0 {
		return -1
	}
	if _, err := fmt.Sscanf(elem[i:], "[%d]", &n); err != nil {
		return -1
	}
	return n
}

// save merges the page's edits (and a list operation) into the file as it
// is now and writes it atomically; nothing is written when a typed value
// cannot be written.
func (f *dataFile) save(base string, edits map[string]string, op *listOp) (outcome, string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	text, _, err := f.readLocked()
	if err != nil {
		return outcome{}, "", err
	}
	baseText, ok := f.versions[base]
	if !ok {
		baseText = text
	}
	out, err := apply(text, baseText, edits)
	if err != nil {
		return out, "", err
	}
	if len(out.Problems) > 0 {
		return out, "", nil
	}
	var focus string
	if op != nil {
		if !listUnchanged(baseText, text, *op) {
			out.Problems = append(out.Problems, problem{op.Path, errListChanged.Error()})
			return out, "", nil
		}
		next, fp, err := applyOp(out.Text, *op)
		if err != nil {
			out.Problems = append(out.Problems, problem{op.Path, err.Error()})
			return out, "", nil
		}
		out.Text, focus = next, fp
	}
	if out.Text != text {
		perm := os.FileMode(0o644)
		if st, err := os.Stat(f.path); err == nil {
			perm = st.Mode().Perm()
		}
		f.keepLocked(text)
		if err := atomicfile.Write(f.path, []byte(out.Text), perm); err != nil {
			return out, "", err
		}
		f.remember(hashOf(out.Text), out.Text)
	}
	return out, focus, nil
}

// ID is the file's name in addresses.
func (f *dataFile) ID() string { return f.id }

// Base is the file's name.
func (f *dataFile) Base() string { return filepath.Base(f.path) }

// toWrite hands a converted value to the editor in its own types: the
// form package's dates and amounts are the editor's to write.
func toWrite(v any) any {
	switch x := v.(type) {
	case form.Date:
		switch {
		case x.Month == 0:
			return fmt.Sprint(x.Year)
		case x.Day == 0:
			return tomledit.Month{Year: x.Year, Month: int(x.Month)}
		}
		return tomledit.Date{Year: x.Year, Month: int(x.Month), Day: x.Day}
	case form.Money:
		return tomledit.Money(x.Pence)
	}
	return v
}

// fieldOrder numbers every field's path in the order the form shows it.
func fieldOrder(fields []form.Field, into map[string]int) {
	for _, f := range fields {
		into[f.Path] = len(into)
		fieldOrder(f.Fields, into)
		for _, it := range f.Items {
			fieldOrder(it.Fields, into)
		}
	}
}
