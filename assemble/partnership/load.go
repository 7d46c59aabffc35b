package partnership

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
func Load(paths ...string) (*Partnership, Findings, error) {
	files, err := expand(paths)
	if err != nil {
		return nil, nil, err
	}
	src := newSources()
	var findings Findings
	merged := map[string]any{}
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
			findings = append(findings, src.merge(merged, tree, "", f)...)
		}
	}
	if findings.Errors() > 0 {
		return nil, tidy(findings), nil
	}
	p := &Partnership{src: src}
	d := &decoder{src: src}
	d.decode(p, merged)
	// Sizes are checked before any rule runs, so no rule (and no document)
	// ever sees a 10 MB name or 100,000 partners.
	if over := src.fieldLimits(p); len(over) > 0 {
		return nil, tidy(append(findings, over...)), nil
	}
	p.undecoded = d.failed
	findings = append(findings, d.findings...)
	p.derive()
	return p, tidy(findings), nil
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

// Parse reads a partnership from TOML text; name is used in messages.
func Parse(name, text string) (*Partnership, Findings) {
	src := newSources()
	if len(text) > MaxFileBytes {
		src.files = append(src.files, name)
		return nil, Findings{tooLarge(name, text[:MaxFileBytes+1])}
	}
	tree, findings := src.parse(name, text)
	if tree == nil {
		return nil, tidy(findings)
	}
	p := &Partnership{src: src}
	d := &decoder{src: src}
	d.decode(p, tree)
	if over := src.fieldLimits(p); len(over) > 0 {
		return nil, tidy(over)
	}
	p.undecoded = d.failed
	findings = append(findings, d.findings...)
	p.derive()
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

// parse parses one file into a generic tree and indexes its keys.
func (s *sources) parse(file, text string) (map[string]any, Findings) {
	s.files = append(s.files, file)
	s.text[file] = strings.Split(text, "\n")
	if fs := s.scanLimits(file, text); len(fs) > 0 {
		return nil, fs
	}
	var tree map[string]any
	if _, err := toml.Decode(text, &tree); err != nil {
		return nil, Findings{s.syntaxFinding(file, err)}
	}
	ix := tomlindex.Build(text)
	s.index[file] = ix
	ix.Each(func(p string, pos tomlindex.Pos) {
		if _, dup := s.at[p]; !dup {
			s.at[p] = location{file: file, pos: pos}
		}
	})
	return tree, nil
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
