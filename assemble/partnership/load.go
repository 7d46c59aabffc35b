package partnership

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"mou/assemble/tomlindex"
)

// sources remembers, for every key path of the merged data, which file and
// line it came from, and the text of each file for excerpts.
type sources struct {
	files []string
	text  map[string][]string // file → lines
	at    map[string]location // key path → where it is defined
	index map[string]*tomlindex.Index
	// alias, for a local partnership made from its executive's data, turns
	// a path of the local partnership into the path written in the file.
	alias func(string) string
	// broken is set when the text itself had errors (see Load).
	broken bool
}

type location struct {
	file string
	pos  tomlindex.Pos
}

func newSources() *sources {
	return &sources{text: map[string][]string{}, at: map[string]location{}, index: map[string]*tomlindex.Index{}}
}

// locate returns where path (or its nearest written ancestor) is defined.
func (s *sources) locate(path string) (location, bool) {
	if s == nil {
		return location{}, false
	}
	if s.alias != nil {
		path = s.alias(path)
	}
	for p := path; p != ""; p = tomlindex.Parent(p) {
		if l, ok := s.at[p]; ok {
			return l, true
		}
	}
	return location{}, false
}

// writtenAsHeading reports whether the table at path is written as a
// [heading] or [[heading]], rather than inline.
func (s *sources) writtenAsHeading(path string) bool {
	l, ok := s.at[path]
	if !ok {
		l, ok = s.at[tomlindex.Elem(path, 0)]
	}
	return ok && strings.HasPrefix(strings.TrimSpace(s.line(l.file, l.pos.Line)), "[")
}

// locateAs makes every path under from, as written, also locate the same
// path under to: a misspelt table decoded under its right name keeps its
// lines.
func (s *sources) locateAs(from, to string) {
	moved := map[string]location{}
	for p, l := range s.at {
		if p == from || strings.HasPrefix(p, from+".") || strings.HasPrefix(p, from+"[") {
			moved[to+strings.TrimPrefix(p, from)] = l
		}
	}
	for q, l := range moved {
		if _, ok := s.at[q]; !ok {
			s.at[q] = l
		}
	}
}

// defined reports whether path itself is written in the data.
func (s *sources) defined(path string) bool {
	if s == nil {
		return false
	}
	if s.alias != nil {
		path = s.alias(path)
	}
	_, ok := s.at[path]
	return ok
}

// finding builds a located finding.
func (s *sources) finding(sev Severity, rule, path, msg, hint string) Finding {
	f := Finding{Severity: sev, Rule: rule, Path: path, Message: msg, Hint: hint}
	if l, ok := s.locate(path); ok {
		f.File, f.Line, f.Col = l.file, l.pos.Line, l.pos.Col
		f.source = s.line(l.file, l.pos.Line)
	} else if s != nil && len(s.files) == 1 {
		f.File = s.files[0]
	}
	return f
}

func (s *sources) line(file string, n int) string {
	lines := s.text[file]
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

// Load reads a partnership from TOML files and folders of TOML files (merged;
// a key defined in two files is an error naming both). It returns the model
// with its derived values and every problem found while reading it; it does
// not apply the validation rules (see Check). The error is for files that
// cannot be read at all.
//
// A file whose text is broken — a syntax error, a file not saved as UTF-8,
// a key in two files — gives no model, but the rest of it is still read
// (each refused line repaired or read as blank, see recovery) and decoded,
// so one run lists every problem in how the file is written rather than
// the first. The rules wait for a file that reads: a partnership read with
// lines missing would get messages about what is missing only because a
// line was refused.
func Load(paths ...string) (*Partnership, Findings, error) {
	files, err := expand(paths)
	if err != nil {
		return nil, nil, err
	}
	src := newSources()
	var findings Findings
	var trees []fileTree
	for _, f := range files {
		b, finding, err := readData(f)
		if err != nil {
			return nil, nil, err
		}
		if finding != nil {
			src.files = append(src.files, f)
			findings = append(findings, *finding)
			continue
		}
		tree, fs := src.parse(f, string(b))
		findings = append(findings, fs...)
		if tree != nil {
			trees = append(trees, fileTree{f, tree})
		}
	}
	merged := map[string]any{}
	findings = append(findings, src.mergeAll(merged, trees)...)
	p, findings := src.read(merged, len(trees) > 0, findings)
	if src.broken {
		p = nil
	}
	return p, tidy(findings), nil
}

// read decodes the merged tree into the model. When the text was broken
// (findings holds errors from reading it) the model is still decoded, for
// its own findings, when any tree was read; Load and Parse do not hand it
// on.
func (s *sources) read(merged map[string]any, any bool, findings Findings) (*Partnership, Findings) {
	s.broken = findings.Errors() > 0
	if s.broken && !any {
		return nil, findings
	}
	p := &Partnership{src: s}
	d := &decoder{src: s}
	d.decode(p, merged)
	// Sizes are checked before any rule runs, so no rule (and no document)
	// ever sees a 10 MB name or 100,000 partners.
	if over := s.fieldLimits(p); len(over) > 0 {
		return nil, append(findings, over...)
	}
	p.undecoded = d.failed
	findings = append(findings, d.findings...)
	p.derive()
	return p, findings
}

// fileTree is one file's decoded text.
type fileTree struct {
	file string
	tree map[string]any
}

// tidy sorts findings, cuts any message that quotes a long text and keeps
// the first MaxFindings: a generated file can hold 100,000 mistakes, and a
// report of them all would run to megabytes.
func tidy(fs Findings) Findings {
	for i := range fs {
		fs[i].Message = clip(fs[i].Message)
		fs[i].Hint = clip(fs[i].Hint)
	}
	fs.Sort()
	if len(fs) > MaxFindings {
		rest := fs[MaxFindings:]
		more := Finding{Severity: Warning, Rule: "data.more", File: rest[0].File,
			Message: fmt.Sprintf("%d more problems (%d errors) are not listed", len(rest), rest.Errors()),
			Hint:    "fix the ones above and validate again"}
		if rest.Errors() > 0 {
			more.Severity = Error
		}
		fs = append(fs[:MaxFindings:MaxFindings], more)
	}
	return fs
}

// Parse reads a partnership from TOML text; name is used in messages. As
// with Load, broken text gives no model, and the findings of the rest of
// it (without the rules, which the caller applies to a model).
func Parse(name, text string) (*Partnership, Findings) {
	src := newSources()
	if len(text) > MaxFileBytes {
		src.files = append(src.files, name)
		return nil, Findings{tooLarge(name, text[:MaxFileBytes+1])}
	}
	tree, findings := src.parse(name, text)
	read := tree != nil
	if !read {
		tree = map[string]any{}
	}
	p, findings := src.read(tree, read, findings)
	if src.broken {
		p = nil
	}
	return p, tidy(findings)
}

// expand turns the arguments into a sorted list of .toml files.
func expand(paths []string) ([]string, error) {
	if len(paths) == 0 {
		return nil, errors.New("no data file given: name a .toml file or a folder of .toml files")
	}
	var files []string
	for _, p := range paths {
		st, err := statOnce(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			if err := regular(p, st); err != nil {
				return nil, err
			}
			files = append(files, p)
			continue
		}
		found, _ := filepath.Glob(filepath.Join(p, "*.toml"))
		// The team's register of reorganisations is not data.
		found = slices.DeleteFunc(found, func(f string) bool { return filepath.Base(f) == RegisterFile })
		if len(found) == 0 {
			return nil, fmt.Errorf("the folder %s holds no .toml files", p)
		}
		sort.Strings(found)
		for _, f := range found {
			st, err := statOnce(f)
			if err != nil {
				return nil, err
			}
			if err := regular(f, st); err != nil {
				return nil, err
			}
		}
		files = append(files, found...)
	}
	return files, nil
}

// statOnce describes path, following a symbolic link once: a link to a
// link is refused, so a loop of links cannot hold mou up.
func statOnce(p string) (os.FileInfo, error) {
	st, err := os.Lstat(p)
	if err == nil && st.Mode()&os.ModeSymlink != 0 {
		target, rerr := os.Readlink(p)
		if rerr != nil {
			return nil, fmt.Errorf("cannot read the link %s: %w", p, rerr)
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		st, err = os.Lstat(target)
		if err == nil && st.Mode()&os.ModeSymlink != 0 {
			return nil, fmt.Errorf("%s is a link to another link (%s): point it at the data file itself", p, target)
		}
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s does not exist: check the path, or create a starter file with `mou init %s`", p, p)
		}
		return nil, fmt.Errorf("cannot read %s: %w", p, err)
	}
	return st, nil
}

// regular refuses, by name and before opening it, anything but a regular
// file: reading a device never ends and opening a named pipe waits for a
// writer.
func regular(p string, st os.FileInfo) error {
	m := st.Mode()
	var what string
	switch {
	case m.IsRegular():
		return nil
	case m&os.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&os.ModeDevice != 0 || m&os.ModeCharDevice != 0:
		what = "a device"
	case m&os.ModeSocket != 0:
		what = "a socket"
	default:
		what = "not a regular file"
	}
	return fmt.Errorf("%s is %s, not a data file: give the path of a .toml file", p, what)
}

// ReadTOML reads any TOML file within the limits data files have: a
// regular file (a link followed once), at most MaxFileBytes, nesting and
// key sizes checked, so the text is safe to give the TOML decoder. The
// error names the file, and the line when a limit is passed.
func ReadTOML(path string) (string, error) {
	st, err := statOnce(path)
	if err != nil {
		return "", err
	}
	if err := regular(path, st); err != nil {
		return "", err
	}
	b, over, err := readData(path)
	if err != nil {
		return "", err
	}
	if over == nil {
		src := newSources()
		src.text[path] = strings.Split(string(b), "\n")
		if fs := src.scanLimits(path, string(b)); len(fs) > 0 {
			over = &fs[0]
		}
	}
	if over != nil {
		return "", fmt.Errorf("%s:%d:%d: %s: %s", path, over.Line, over.Col, over.Message, over.Hint)
	}
	return string(b), nil
}

// readData reads one data file of at most MaxFileBytes. A file over the
// limit gives a finding located at the line where the limit falls; a file
// that cannot be read at all gives an error.
func readData(path string) ([]byte, *Finding, error) {
	f, err := openNoBlock(path)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	// Checked again on the open file: it may have been swapped since.
	st, err := f.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	if err := regular(path, st); err != nil {
		return nil, nil, err
	}
	// Read in one go into a buffer of the file's size (and room to see
	// the end), not one grown as it fills.
	buf := bytes.NewBuffer(make([]byte, 0, min(st.Size(), MaxFileBytes)+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileBytes+1)); err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	b := buf.Bytes()
	if len(b) > MaxFileBytes {
		fd := tooLarge(path, string(b))
		return nil, &fd, nil
	}
	return b, nil, nil
}

// tooLarge is the finding for a file over MaxFileBytes; head is its first
// MaxFileBytes+1 bytes.
func tooLarge(path, head string) Finding {
	line := strings.Count(head[:MaxFileBytes], "\n") + 1
	return Finding{Severity: Error, Rule: "data.limit", File: path, Line: line,
		Message: fmt.Sprintf("the file is larger than %d KB, the most mou reads: it passes the limit on line %d", MaxFileBytes/1024, line),
		Hint:    "a partnership's data is a few KB: check this is the right file, or split the partnership's text into a folder of files"}
}

// parse parses one file into a generic tree and indexes its keys. Text not
// saved as UTF-8 is converted, and said so; syntax errors are read past (see
// recovery), each one a finding.
func (s *sources) parse(file, text string) (map[string]any, Findings) {
	s.files = append(s.files, file)
	var findings Findings
	if enc, ok := detectEncoding([]byte(text)); ok {
		b, err := enc.toUTF8([]byte(text))
		if err != nil {
			s.text[file] = strings.Split(text, "\n")
			f := encodingFinding(file, enc)
			f.Message += " (" + err.Error() + ")"
			return nil, Findings{f}
		}
		findings = append(findings, encodingFinding(file, enc))
		text = string(b)
	}
	s.text[file] = strings.Split(text, "\n")
	for i := range findings {
		findings[i].source = s.line(file, findings[i].Line)
	}
	if fs := s.scanLimits(file, text); len(fs) > 0 {
		return nil, append(findings, fs...)
	}
	tree, rec := decodeRecovering(text)
	ix := tomlindex.Build(rec.text)
	findings = append(findings, s.syntaxFindings(file, rec, ix)...)
	if tree == nil {
		return nil, findings
	}
	s.index[file] = ix
	ix.Each(func(p string, pos tomlindex.Pos) {
		if _, dup := s.at[p]; !dup {
			s.at[p] = location{file: file, pos: pos}
		}
	})
	return tree, findings
}

// syntaxFindings turns what recovery found into findings, each on its line
// with the path of the key it is about when there is one.
func (s *sources) syntaxFindings(file string, rec recovery, ix *tomlindex.Index) Findings {
	var out Findings
	original := s.text[file]
	pathAt := func(line int) string {
		if line < 1 || line > len(original) {
			return ""
		}
		if key := keyOf(original[line-1]); key != "" {
			return tomlindex.Join(ix.TableAt(line), key)
		}
		return ""
	}
	for _, fx := range rec.fixes {
		for _, m := range fx.mistakes {
			f := Finding{Severity: Error, Rule: m.rule, File: file, Line: fx.line, Col: m.col, Path: pathAt(fx.line), Message: m.msg,
				source: s.line(file, fx.line)}
			if fx.repaired {
				f.Hint = "the line should read: " + strings.TrimSpace(fx.fixed)
			}
			out = append(out, f)
		}
	}
	for _, e := range rec.errs {
		if e.msg != "" {
			out = append(out, Finding{Severity: Error, Rule: e.rule, File: file, Line: e.line, Col: e.col, Path: pathAt(e.line),
				Message: e.msg, Hint: e.hint, source: s.line(file, e.line)})
			continue
		}
		f := s.syntaxFinding(file, e.err)
		if e.line > 0 {
			// The error of a line parsed alone counts lines from it.
			f.Line, f.Col, f.Path, f.source = e.line, e.col, pathAt(e.line), s.line(file, e.line)
		}
		out = append(out, f)
	}
	return out
}

// syntaxFinding turns a TOML parse error into a finding in plain English.
func (s *sources) syntaxFinding(file string, err error) Finding {
	f := Finding{Severity: Error, Rule: "toml.syntax", File: file, Message: err.Error()}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		f.Line, f.Col = pe.Position.Line, pe.Position.Col
		f.Message = plainSyntax(pe.Message)
		if pe.Usage != "" {
			f.Hint = strings.Join(strings.Fields(firstParagraph(pe.Usage)), " ")
		}
		f.source = s.line(file, f.Line)
	}
	return f
}

// plainSyntax rewrites the parser's terse messages into sentences.
func plainSyntax(msg string) string {
	replacements := []struct{ from, to string }{
		{"expected a top-level item to end with a newline, comment, or EOF, but got", "unexpected text after a value: put each key on its own line; found"},
		{"bare keys cannot contain", "a key without quotes cannot contain"},
		{"Key '", "the key '"},
		{"has already been defined", "is defined twice"},
		{"expected value but found", "a value is missing after '=': found"},
		{"unexpected EOF", "the file ends in the middle of a value: a quote or bracket is not closed"},
	}
	for _, r := range replacements {
		msg = strings.ReplaceAll(msg, r.from, r.to)
	}
	return "the file is not valid TOML: " + msg
}

func firstParagraph(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// mergeAll merges each file's tree into dst in turn. A folder holding two
// files that share many keys is a copy of the data left beside it
// ("partnership - Copy.toml"): that is one finding naming both files, not
// one per key.
func (s *sources) mergeAll(dst map[string]any, trees []fileTree) Findings {
	var out Findings
	for _, t := range trees {
		dups := s.merge(dst, t.tree, "", t.file)
		byFirst := map[string]Findings{}
		var order []string
		for _, f := range dups {
			first := s.at[f.Path].file
			if _, seen := byFirst[first]; !seen {
				order = append(order, first)
			}
			byFirst[first] = append(byFirst[first], f)
		}
		for _, first := range order {
			fs := byFirst[first]
			if len(fs) < copyKeys {
				out = append(out, fs...)
				continue
			}
			out = append(out, copyFinding(first, t.file, fs))
		}
	}
	return out
}

// copyKeys is how many keys two files must both define to be read as one
// a copy of the other rather than two parts that overlap by mistake.
const copyKeys = 3

// copyFinding is the message for two files that describe the same
// partnership; dups are the second file's keys the first defines too.
func copyFinding(first, second string, dups Findings) Finding {
	copyOf, kept := second, first
	if looksLikeCopy(first) && !looksLikeCopy(second) {
		copyOf, kept = first, second
	}
	f := dups[0]
	if copyOf == first {
		f.File, f.Line, f.Col, f.source = first, 0, 0, ""
	}
	f.Rule, f.Path = "data.copy", ""
	f.Message = fmt.Sprintf("two files describe the same partnership: %s and %s (%d keys are in both): remove the copy, %s",
		kept, copyOf, len(dups), copyOf)
	f.Hint = "a folder is one partnership, its files merged, so each key belongs in one file; move an old version out of the folder to keep it"
	return f
}

// looksLikeCopy reports whether a file's name is one Windows, macOS or an
// editor gives a copy.
func looksLikeCopy(path string) bool {
	name := strings.ToLower(filepath.Base(path))
	for _, mark := range []string{"copy", "(1)", "(2)", "backup", "old", "~", ".bak", "kopie"} {
		if strings.Contains(name, mark) {
			return true
		}
	}
	return false
}

// merge copies tree into dst; a key present in both is an error naming both
// places. Tables merge key by key; anything else (values, lists, lists of
// tables) must come from one file only.
func (s *sources) merge(dst, tree map[string]any, prefix, file string) Findings {
	var out Findings
	keys := make([]string, 0, len(tree))
	for k := range tree {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := tree[k]
		path := tomlindex.Join(prefix, k)
		old, exists := dst[k]
		if !exists {
			dst[k] = v
			continue
		}
		oldT, ok1 := old.(map[string]any)
		newT, ok2 := v.(map[string]any)
		if ok1 && ok2 {
			out = append(out, s.merge(oldT, newT, path, file)...)
			continue
		}
		first, _ := s.at[path]
		here := location{file: file}
		here.pos, _ = s.index[file].Lookup(path)
		f := Finding{Severity: Error, Rule: "data.duplicate-key", Path: path, File: file, Line: here.pos.Line, Col: here.pos.Col,
			Message: fmt.Sprintf("%s is defined in two files: %s:%d and %s:%d", path, first.file, first.pos.Line, file, here.pos.Line),
			Hint:    "keep it in one file and delete the other",
			source:  s.line(file, here.pos.Line)}
		out = append(out, f)
	}
	return out
}
