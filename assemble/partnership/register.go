package partnership

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"mou/assemble/format"
	"mou/assemble/internal/tags"
	"mou/assemble/tomlindex"
)

// The register of reorganisations is data, not code, so that adding a
// council merger or split is one edit with its source (reorganisations.toml).
//
//go:embed reorganisations.toml
var registerTOML string

// Reorganisation is one entry of the register: on Vesting, the Ceased bodies
// stopped existing (or were renamed) and the Successors took over.
type Reorganisation struct {
	Name       string    `toml:"name"`
	Vesting    time.Time `toml:"vesting"`
	Status     string    `toml:"status"` // "in force" or "decided"
	Source     string    `toml:"source"`
	Ceased     []string  `toml:"ceased"`
	Successors []string  `toml:"successors"`
	// A class of bodies (every Clinical Commissioning Group) is a pattern,
	// with the plural that names it in messages.
	CeasedClass      string `toml:"ceased_class"`
	CeasedPattern    string `toml:"ceased_pattern"`
	SuccessorClass   string `toml:"successor_class"`
	SuccessorPattern string `toml:"successor_pattern"`

	ceasedRE, successorRE *regexp.Regexp
	// The words every match of a pattern ends with: text without them is
	// skipped before the regular expression runs (validation reads every
	// string of the data against every entry).
	ceasedTail, successorTail string
}

var (
	registerOnce sync.Once
	register     []Reorganisation
)

// Register returns the register of reorganisations, in the order of the data
// file. It panics if the embedded file is malformed: a test reads it.
func Register() []Reorganisation {
	registerOnce.Do(func() {
		rs, err := parseRegister(registerTOML)
		if err != nil {
			panic("assemble/partnership/reorganisations.toml: " + err.Error())
		}
		register = rs
	})
	return register
}

func parseRegister(text string) ([]Reorganisation, error) {
	rs, problems, err := decodeRegister(text)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, errors.New(problems[0].msg)
	}
	return rs, nil
}

// registerProblem is one reason a register's entry is refused, and the key
// it is about (reorganisation[2].status; the entry's table when no key is).
type registerProblem struct{ path, msg string }

// decodeRegister reads a register in the format of reorganisations.toml:
// the entries, and every problem in them. The error is a file that is not
// TOML or holds a value of the wrong type.
func decodeRegister(text string) ([]Reorganisation, []registerProblem, error) {
	var file struct {
		Reorganisation []Reorganisation `toml:"reorganisation"`
	}
	md, err := toml.Decode(text, &file)
	if err != nil {
		return nil, nil, err
	}
	var problems []registerProblem
	for _, k := range md.Undecoded() {
		problems = append(problems, registerProblem{k.String(), fmt.Sprintf("unknown key %s: the keys are name, vesting, status, source, ceased, successors, ceased_pattern, ceased_class, successor_pattern and successor_class", k)})
	}
	for i := range file.Reorganisation {
		r := &file.Reorganisation[i]
		at := func(key string) string { return tomlindex.Join(tomlindex.Elem("reorganisation", i), key) }
		r.Vesting = time.Date(r.Vesting.Year(), r.Vesting.Month(), r.Vesting.Day(), 0, 0, 0, 0, time.UTC)
		switch {
		case r.Name == "" || r.Source == "" || r.Vesting.IsZero():
			problems = append(problems, registerProblem{tomlindex.Elem("reorganisation", i), fmt.Sprintf("entry %d needs a name, a vesting date and a source", i+1)})
			continue
		case len(r.Ceased) == 0 && r.CeasedPattern == "", len(r.Successors) == 0 && r.SuccessorPattern == "" && r.SuccessorClass == "":
			// Successors decided but not yet named in law may be described
			// in words (successor_class) alone.
			problems = append(problems, registerProblem{tomlindex.Elem("reorganisation", i), fmt.Sprintf("%s: name the bodies that ceased (ceased) and their successors (successors, or successor_class while they have no names in law)", r.Name)})
			continue
		case r.Status != "in force" && r.Status != "decided":
			problems = append(problems, registerProblem{at("status"), fmt.Sprintf("%s: status must be \"in force\" or \"decided\", not %q", r.Name, r.Status)})
			continue
		}
		for _, p := range []struct {
			key  string
			src  string
			re   **regexp.Regexp
			tail *string
		}{{"ceased_pattern", r.CeasedPattern, &r.ceasedRE, &r.ceasedTail}, {"successor_pattern", r.SuccessorPattern, &r.successorRE, &r.successorTail}} {
			if p.src == "" {
				continue
			}
			re, err := regexp.Compile(`\b` + p.src + `\b`)
			if err != nil {
				problems = append(problems, registerProblem{at(p.key), fmt.Sprintf("%s: %v", r.Name, err)})
				continue
			}
			*p.re = re
			*p.tail = literalTail(p.src)
		}
	}
	return file.Reorganisation, problems, nil
}

// RegisterFile is the name of a team's own register of reorganisations,
// read from beside the data (or named by --register): entries in the format
// of the built-in register, added to it.
const RegisterFile = "reorganisations.toml"

// userRegister finds the team's register for the data at paths: the file
// named, else reorganisations.toml in the data's folder (the folder given,
// or the first data file's); "" when there is none.
func userRegister(named string, paths []string) string {
	if named != "" || len(paths) == 0 {
		return named
	}
	dir := paths[0]
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	f := filepath.Join(dir, RegisterFile)
	if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() {
		return f
	}
	return ""
}

// LoadRegister reads a team's register of reorganisations: its entries, and
// its problems as findings located at their line (an entry with a problem
// is left out). The error is a file that cannot be read.
func LoadRegister(path string) ([]Reorganisation, Findings, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read the register of reorganisations %s: %w", path, err)
	}
	text := string(b)
	lines := strings.Split(text, "\n")
	finding := func(line, col int, msg string) Finding {
		f := Finding{Severity: Error, Rule: "register.file", File: path, Line: line, Col: col, Message: msg,
			Hint: "write each entry as those of the built-in register (mou's reorganisations.toml), with its source"}
		if line >= 1 && line <= len(lines) {
			f.source = strings.TrimRight(lines[line-1], "\r")
		}
		return f
	}
	rs, problems, err := decodeRegister(text)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, Findings{finding(pe.Position.Line, pe.Position.Col, "the register is not valid TOML: "+pe.Message)}, nil
		}
		return nil, Findings{finding(0, 0, "the register cannot be read: "+strings.TrimPrefix(err.Error(), "toml: "))}, nil
	}
	ix := tomlindex.Build(text)
	var fs Findings
	bad := map[int]bool{}
	for _, p := range problems {
		pos, ok := ix.Lookup(p.path)
		if !ok {
			pos = firstUnindexed(ix, p.path)
		}
		fs = append(fs, finding(pos.Line, pos.Col, p.msg))
		var i int
		if _, err := fmt.Sscanf(p.path, "reorganisation[%d]", &i); err == nil {
			bad[i] = true
		}
	}
	var good []Reorganisation
	for i, r := range rs {
		// An entry mou has since added to its own register is read once.
		builtIn := slices.ContainsFunc(Register(), func(b Reorganisation) bool { return b.Name == r.Name && b.Vesting.Equal(r.Vesting) })
		if !bad[i] && !builtIn {
			good = append(good, r)
		}
	}
	return good, fs, nil
}

// firstUnindexed is where the first key matching path, read without array
// indexes (as toml names an unknown key), is defined.
func firstUnindexed(ix *tomlindex.Index, path string) tomlindex.Pos {
	strip := regexp.MustCompile(`\[\d+\]`)
	var best tomlindex.Pos
	ix.Each(func(p string, pos tomlindex.Pos) {
		if strip.ReplaceAllString(p, "") == path && (best.Line == 0 || pos.Line < best.Line) {
			best = pos
		}
	})
	return best
}

// Date returns the vesting day in the documents' style, "1 April 2023".
func (r Reorganisation) Date() string { return format.Date(r.Vesting, format.LongDate) }

// CeasedNames names the bodies that ceased, for a sentence.
func (r Reorganisation) CeasedNames() string {
	if r.CeasedClass != "" {
		return r.CeasedClass
	}
	return format.And(r.Ceased)
}

// SuccessorNames names the successors, for a sentence.
func (r Reorganisation) SuccessorNames() string {
	if r.SuccessorClass != "" {
		return r.SuccessorClass
	}
	return format.And(r.Successors)
}

// NamesCeased returns the ceased body that text names, if any.
func (r Reorganisation) NamesCeased(text string) (string, bool) {
	return mentions(text, r.Ceased, r.ceasedRE, r.ceasedTail)
}

// NamesSuccessor returns the successor that text names, if any.
func (r Reorganisation) NamesSuccessor(text string) (string, bool) {
	return mentions(text, r.Successors, r.successorRE, r.successorTail)
}

// Succession returns the register entry in which the body named before
// ceased, and whether after is one of its successors.
func Succession(before, after string) (r Reorganisation, isSuccessor, found bool) {
	for _, r := range Register() {
		if _, ok := r.NamesCeased(before); ok {
			_, succ := r.NamesSuccessor(after)
			return r, succ, true
		}
	}
	return Reorganisation{}, false, false
}

// mentions finds the first of names, or a match of re, in text. A name counts
// only as a whole name: "Somerset Council" is not named by "North Somerset
// Council", whose capitalised first word makes it another body.
func mentions(text string, names []string, re *regexp.Regexp, tail string) (string, bool) {
	for _, n := range names {
		for from := 0; ; {
			i := strings.Index(text[from:], n)
			if i < 0 {
				break
			}
			i += from
			if wholeName(text, i, i+len(n)) {
				return n, true
			}
			from = i + 1
		}
	}
	if re != nil && strings.Contains(text, tail) {
		if loc := re.FindStringIndex(text); loc != nil {
			return text[loc[0]:loc[1]], true
		}
	}
	return "", false
}

// literalTail returns the plain words a pattern ends with ("Clinical
// Commissioning Group"); "" when it ends in regular-expression syntax.
func literalTail(pattern string) string {
	i := strings.LastIndexFunc(pattern, func(r rune) bool { return !unicode.IsLetter(r) && r != ' ' })
	return strings.TrimSpace(pattern[i+1:])
}

// wholeName reports whether text[i:j] stands alone: no letter or digit
// touches it, and the word before it is not a capitalised part of a longer name.
func wholeName(text string, i, j int) bool {
	if j < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	if r != ' ' {
		return true
	}
	before := text[:i-1]
	k := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	word := before[k+1:]
	if word == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(word)
	return !unicode.IsUpper(first)
}

// registerSkip reports whether path is a part of the data that speaks of
// the past, where a body that has since ceased is named rightly: the
// document history (the executive's or a local partnership's), what the
// arrangements replaced, and the glossary.
func registerSkip(path string) bool {
	switch path {
	case "history", "partnership.predecessor", "glossary":
		return true
	}
	return strings.HasPrefix(path, "local_partnerships[") && strings.HasSuffix(path, "].history")
}

// reorganisations checks every body the data names, in any field, against
// the register and the documents' date.
func (r *rules) reorganisations() {
	d := r.p.Partnership.Date
	if d.IsZero() {
		return
	}
	reg, anchors := Register(), registerAnchors()
	if len(r.opts.Reorganisations) > 0 {
		reg = slices.Concat(reg, r.opts.Reorganisations)
		anchors = anchorsOf(reg)
	}
	// A local partnership's own fields are read by its own run (locals),
	// which names it in each message; read here only when that run is not
	// made.
	skipLocals := r.localsChecked
	eachString(reflect.ValueOf(r.p).Elem(), "", func(path string) bool {
		return registerSkip(path) || skipLocals && path == "local_partnerships"
	}, func(path, text string) {
		if anchors != nil && !slices.ContainsFunc(anchors, func(a string) bool { return strings.Contains(text, a) }) {
			return // names no body of the register: most strings
		}
		for _, reorg := range reg {
			if name, ok := reorg.NamesCeased(text); ok && !d.first().Before(reorg.Vesting) && !r.kindAlreadySays(path, reorg) {
				field := fieldWords(r.p, path)
				r.add(Warning, "register.ceased", path,
					fmt.Sprintf("%s ceased on %s, before the documents' date (%s), but %s still names it: %s took over (%s)", name, reorg.Date(), d, field, reorg.SuccessorNames(), reorg.Source),
					fmt.Sprintf("in %s, write %s instead, or correct partnership.date if the documents are older", field, successorAdvice(reorg)))
			}
			if name, ok := reorg.NamesSuccessor(text); ok && d.last().Before(reorg.Vesting) && !r.kindAlreadySays(path, reorg) {
				field := fieldWords(r.p, path)
				r.add(Error, "register.not-yet", path,
					fmt.Sprintf("%s only exists from %s, but %s names it and the documents are dated %s: before then the body was %s (%s)", name, reorg.Date(), field, d, reorg.CeasedNames(), reorg.Source),
					fmt.Sprintf("in %s, name the body that existed at the documents' date, or correct partnership.date", field))
			}
		}
	})
}

// orList joins names as a choice: "A or B", "A, B or C".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// successorAdvice says what to write instead of a ceased body: its one
// successor, one of its few, or the kind of body that took over.
func successorAdvice(r Reorganisation) string {
	switch {
	case len(r.Successors) == 1:
		return r.Successors[0]
	case len(r.Successors) > 1 && r.SuccessorClass == "":
		return "the one that now covers the area (" + orList(r.Successors) + ")"
	case r.SuccessorClass != "":
		return "the one of the " + strings.TrimPrefix(r.SuccessorClass, "the ") + " that now covers the area"
	}
	return "the body that took over"
}

// registerAnchors are words without which a text names no body of the
// register: the last word of every name, and the literal tail of every
// pattern; nil when a pattern has no literal tail, so any text may match.
// Validation reads every string of the data against every entry, and most
// strings hold none of them.
var registerAnchors = sync.OnceValue(func() []string { return anchorsOf(Register()) })

// anchorsOf is registerAnchors for any register.
func anchorsOf(reg []Reorganisation) []string {
	var out []string
	add := func(w string) {
		if w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	for _, r := range reg {
		for _, n := range slices.Concat(r.Ceased, r.Successors) {
			fields := strings.Fields(n)
			if len(fields) == 0 {
				continue
			}
			add(fields[len(fields)-1])
		}
		if r.ceasedRE != nil && r.ceasedTail == "" || r.successorRE != nil && r.successorTail == "" {
			return nil
		}
		add(r.ceasedTail)
		add(r.successorTail)
	}
	return out
}

// kindAlreadySays reports whether the partner kind rule already reports this
// partner's organisation (a CCG after 1 July 2022, an ICB before it), so the
// register does not say it twice.
func (r *rules) kindAlreadySays(path string, reorg Reorganisation) bool {
	var i int
	if _, err := fmt.Sscanf(path, "partners[%d].organisation", &i); err != nil || i < 0 || i >= len(r.p.Partners) {
		return false
	}
	k := r.p.Partners[i].Kind
	return (k == KindCCG || k == KindICB) && reorg.Vesting.Equal(ICBDay)
}

// eachString calls fn with every string in the data and its path, except
// under the paths skip refuses.
func eachString(rv reflect.Value, path string, skip func(path string) bool, fn func(path, text string)) {
	if path != "" && skip(path) {
		return
	}
	switch rv.Kind() {
	case reflect.Pointer:
		if !rv.IsNil() {
			eachString(rv.Elem(), path, skip, fn)
		}
	case reflect.Struct:
		t := rv.Type()
		for i := 0; i < t.NumField(); i++ {
			if name, ok := tags.Key(t.Field(i)); ok {
				eachString(rv.Field(i), tomlindex.Join(path, name), skip, fn)
			}
		}
	case reflect.Slice:
		for i := 0; i < rv.Len(); i++ {
			eachString(rv.Index(i), tomlindex.Elem(path, i), skip, fn)
		}
	case reflect.Map:
		keys := rv.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			eachString(rv.MapIndex(k), tomlindex.Join(path, fmt.Sprint(k)), skip, fn)
		}
	case reflect.String:
		fn(path, rv.String())
	}
}
