package wordtemplate

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"mou/assemble/internal/suggest"
	"mou/assemble/internal/xmlchar"
)

// scope is one level of name lookup: the root data, or a loop's current item.
type scope struct {
	data   any
	loop   bool
	index  int
	count  int
	parent *scope
	remap  map[string]string // list numbering replaced in this copy
}

func (s *scope) root() *scope {
	for s.parent != nil {
		s = s.parent
	}
	return s
}

// state is one rendering.
type state struct {
	t      *Template
	errs   Errors
	seen   map[string]bool // one message per tag and problem, however often it repeats
	nums   *numbering
	copies map[*block]int
}

// Render fills the template with data and returns the .docx bytes. Every
// problem (unknown fields, missing values, values a document cannot hold)
// is collected; the error, when not nil, is Errors and no document is made.
func (t *Template) Render(data any) ([]byte, error) {
	return t.RenderWith(data, RenderOptions{})
}

// RenderOptions adjust one rendering.
type RenderOptions struct {
	// Main, when not nil, is given the rendered main document part and
	// returns it as it goes into the package: a caller's last change (a
	// contents list filled) without reading the package back. The text is
	// the rendering's own buffer, not a copy, reused once the package is
	// written: Main must not keep it past its return unless it copies it.
	Main func(xml string) []byte

	// Finish, when not nil, is given every entry the package will hold
	// changed, by name (the rendered parts, the main part after Main), just
	// before the package is written: it may change them, set any other
	// entry (Template.Entry reads one as the template holds it) or add new
	// ones, which are written after the template's entries in name order.
	// An error stops the rendering. So a caller's last change to the whole
	// package costs no second pass over it. The rendered parts are the
	// rendering's own buffers, reused once the package is written: Finish
	// must not keep them.
	Finish func(parts map[string][]byte) error

	// Trace, when not nil, is told where each paragraph (w:p) of the main
	// document part came from, in the order they stand in the rendered
	// part, table cells and text boxes included: once the part is rendered
	// and before Main is called, so Main can rely on it. Without it,
	// rendering records nothing.
	Trace func(Para)
}

// RenderWith is Render with options.
func (t *Template) RenderWith(data any, opts RenderOptions) ([]byte, error) {
	st := &state{t: t, seen: map[string]bool{}, nums: t.numbering(), copies: map[*block]int{}}
	root := &scope{data: data}
	var tr *tracer
	if opts.Trace != nil {
		tr = newTracer()
	}
	rep := newRepairer()
	changed := make(map[string][]byte, len(t.parts)+1)
	// Each part's output buffer goes back to the part once the package is
	// written (or the rendering fails): a national build renders each
	// template hundreds of times.
	bufs := make([][]byte, len(t.parts))
	defer func() {
		for i, p := range t.parts {
			if bufs[i] != nil {
				p.release(bufs[i])
			}
		}
	}()
	for i, p := range t.parts {
		// One repairer for every part: ids must be unique across them.
		var r *repairer
		if !p.plain {
			r = rep
		}
		// The last rendering's size is the best guess for this one's.
		w := newWriter(p.buffer(max(int(p.lastSize.Load()), p.size+p.size/4)), r)
		if tr != nil && p.entry == t.pkg.main {
			w.tr = tr
		}
		for _, c := range p.root.children {
			st.walk(w, c, root, p.plain)
		}
		p.lastSize.Store(int64(len(w.buf)))
		changed[p.entry] = w.buf
		bufs[i] = w.buf
	}
	if len(st.errs) > 0 {
		st.errs.sort()
		return nil, st.errs
	}
	if tr != nil {
		for _, r := range tr.recs {
			opts.Trace(r.Para)
		}
	}
	if opts.Main != nil {
		// The main part is the largest thing a rendering makes, and its
		// buffer is not written again: it is lent to Main as a string
		// rather than copied into one.
		doc := changed[t.pkg.main]
		changed[t.pkg.main] = opts.Main(unsafe.String(unsafe.SliceData(doc), len(doc)))
	}
	if n := st.nums; n != nil && len(n.added) > 0 {
		changed[t.pkg.numbers] = []byte(n.xml())
	}
	if opts.Finish != nil {
		if err := opts.Finish(changed); err != nil {
			return nil, err
		}
	}
	return t.pkg.write(changed)
}

func (st *state) fail(tg *tag, id, msg, hint string) {
	key := tg.raw + "\x00" + fmt.Sprint(tg.loc.para) + tg.loc.part + msg
	if st.seen[key] {
		return
	}
	st.seen[key] = true
	st.errs = append(st.errs, &Error{ID: id, Template: st.t.name, Part: tg.loc.part, Paragraph: tg.loc.para, Text: tg.loc.text, Tag: tg.raw, Message: msg, Hint: hint})
}

func (st *state) walk(b *writer, n *node, sc *scope, plain bool) {
	switch n.kind {
	case rawNode:
		b.raw(n.raw)
	case elemNode:
		start := n.start
		if n.name == "w:numId" && sc.remap != nil {
			if id, ok := n.attr("w:val"); ok {
				if nid, ok := sc.remap[id]; ok {
					start = setAttr(start, "w:val", nid)
				}
			}
		}
		traced := b.tr != nil && n.name == "w:p"
		if traced {
			b.tr.begin(len(b.buf), n.para)
		}
		switch {
		case n.selfClose:
			b.empty(n.name, start)
		case len(n.children) == 0 && b.skipAnchor(n.name, start):
			// written <x></x> rather than <x/>: the same anchor
		default:
			b.open(n.name, start)
			for _, c := range n.children {
				st.walk(b, c, sc, plain)
			}
			b.close(n.name)
		}
		if traced {
			b.tr.end()
		}
	case tagNode:
		st.value(b, n.tag, sc, plain)
	case blockNode:
		st.block(b, n, sc, plain)
	}
}

// value writes a value tag: a run of its own with the tag's formatting.
func (st *state) value(b *writer, tg *tag, sc *scope, plain bool) {
	v, ok := st.resolve(tg, sc)
	if !ok {
		return
	}
	text := printable(v)
	if pos, c, bad := xmlchar.Find(text); bad {
		st.fail(tg, ErrBadValue, fmt.Sprintf("the value of %s contains %s at character %d, which a Word document cannot store", strings.Join(tg.path, "."), xmlchar.Name(c), pos), "remove it from the data")
		return
	}
	if b.tr != nil {
		b.tr.value(sc, tg.path)
	}
	if text == "" {
		return
	}
	if plain {
		b.raw(escapeText(text))
		return
	}
	b.raw("<w:r>")
	b.raw(tg.rPr)
	if !strings.ContainsAny(text, "\r\n\t") {
		b.raw(`<w:t xml:space="preserve">`)
		b.raw(escapeText(text))
		b.raw("</w:t></w:r>")
		b.ran()
		return
	}
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if i > 0 {
			b.raw("<w:br/>")
		}
		for j, cell := range strings.Split(line, "\t") {
			if j > 0 {
				b.raw("<w:tab/>")
			}
			if cell != "" {
				b.raw(`<w:t xml:space="preserve">`)
				b.raw(escapeText(cell))
				b.raw("</w:t>")
			}
		}
	}
	b.raw("</w:r>")
	b.ran()
}

// resolve looks a value tag's field up and applies its filters.
func (st *state) resolve(tg *tag, sc *scope) (any, bool) {
	hasDefault := false
	for _, f := range tg.filters {
		if f.name == "default" {
			hasDefault = true
		}
	}
	v, res := lookup(sc, tg.path)
	switch res.status {
	case unknown:
		if !(hasDefault && !res.typo) {
			st.fail(tg, ErrUnknownField, res.message(tg.path), "check the spelling against the data, or add default, e.g. "+suggestDefault(tg))
			return nil, false
		}
		v = nil
	case missing:
		if !hasDefault {
			st.fail(tg, ErrMissingValue, fmt.Sprintf("%s has no value in the data", strings.Join(tg.path, ".")), "give it a value in the data, or add a default, e.g. "+suggestDefault(tg))
			return nil, false
		}
		v = nil
	}
	for _, f := range tg.filters {
		if f.name == "default" {
			if isEmpty(v) {
				v = f.args[0]
			}
			continue
		}
		if v == nil {
			continue
		}
		out, err := filters[f.name].fn(v, f.args)
		if err != nil {
			st.fail(tg, ErrFilterType, fmt.Sprintf("%s: %v", tg.raw, err), "")
			return nil, false
		}
		v = out
	}
	return v, true
}

func suggestDefault(tg *tag) string {
	return fmt.Sprintf(`{{%s | default "…"}}`, strings.Join(tg.path, "."))
}

// block renders {{#each}}, {{#if}} and {{#unless}}.
func (st *state) block(b *writer, n *node, sc *scope, plain bool) {
	blk := n.block
	tg := blk.open
	v, res := lookup(sc, tg.path)
	mayBeMissing := len(tg.filters) > 0 // only default is allowed on a block
	switch {
	case res.status == unknown && res.typo:
		st.fail(tg, ErrUnknownField, res.message(tg.path), "check the spelling against the data")
		return
	case res.status == unknown && res.nearest != "" && !mayBeMissing:
		// A name the data lacks but nearly has is a misspelling more often
		// than an optional field; default says which.
		st.fail(tg, ErrUnknownField, res.message(tg.path), fmt.Sprintf(`check the spelling against the data, or, if it may be missing, write {{#%s %s | default ""}}`, tg.block, strings.Join(tg.path, ".")))
		return
	}
	if mayBeMissing && res.status != found {
		v = tg.filters[0].args[0]
	}
	// Tracing, the block's path: its field's, or an {{#each}}'s list's.
	var traced string
	if b.tr != nil {
		traced, _ = b.tr.pathOf(sc, tg.path)
	}
	body := func(s *scope, path string) {
		c := st.copyScope(blk, s)
		pushed := -1
		if b.tr != nil {
			if c != s {
				b.tr.paths[c] = b.tr.paths[s]
			}
			if path != "" && blk.scope != "inline" {
				pushed = len(b.tr.blocks)
				b.tr.blocks = append(b.tr.blocks, path)
				if tg.block == "unless" {
					b.tr.elses = append(b.tr.elses, path)
				}
			} else if path != "" {
				b.tr.inline(path)
			}
		}
		for _, ch := range n.children {
			st.walk(b, ch, c, plain)
		}
		if pushed >= 0 {
			b.tr.blocks = b.tr.blocks[:pushed]
			if tg.block == "unless" {
				b.tr.elses = b.tr.elses[:len(b.tr.elses)-1]
			}
		}
	}
	otherwise := func() {
		pushed := -1
		if b.tr != nil && traced != "" && blk.scope != "inline" {
			pushed = len(b.tr.elses)
			b.tr.elses = append(b.tr.elses, traced)
		}
		for _, c := range blk.elseNodes {
			st.walk(b, c, sc, plain)
		}
		if pushed >= 0 {
			b.tr.elses = b.tr.elses[:pushed]
		}
		if b.tr != nil && blk.keepSect != "" {
			b.tr.begin(len(b.buf), 0)
			b.raw(blk.keepSect)
			b.tr.end()
			return
		}
		b.raw(blk.keepSect)
	}
	switch tg.block {
	case "if", "unless":
		if truthy(v) == (tg.block == "if") {
			body(sc, traced)
		} else {
			otherwise()
		}
	case "each":
		items, ok := listOf(v)
		if !ok {
			st.fail(tg, ErrNotList, fmt.Sprintf("%s needs a list, but %s is %s", tg.raw, strings.Join(tg.path, "."), kindOf(v)), "use {{#if …}} for a single value")
			return
		}
		if len(items) == 0 {
			otherwise()
			return
		}
		for i, it := range items {
			s := &scope{data: it, loop: true, index: i, count: len(items), parent: sc, remap: sc.remap}
			path := ""
			if b.tr != nil && traced != "" {
				path = itemPath(traced, i)
				b.tr.paths[s] = path
			}
			body(s, path)
		}
	}
}

// copyScope gives each copy of a block that holds whole numbered lists its
// own numbering, so every copy's list starts again at 1.
func (st *state) copyScope(blk *block, s *scope) *scope {
	if len(blk.restart) == 0 || st.nums == nil {
		return s
	}
	k := st.copies[blk]
	st.copies[blk] = k + 1
	if k == 0 {
		return s
	}
	remap := map[string]string{}
	for id, nid := range s.remap {
		remap[id] = nid
	}
	for _, id := range blk.restart {
		if nid := st.nums.restart(id); nid != "" {
			remap[id] = nid
		}
	}
	c := *s
	c.remap = remap
	return &c
}

// lookupStatus says how a name was found.
type lookupStatus int

const (
	found lookupStatus = iota
	missing
	unknown
)

type lookupResult struct {
	status  lookupStatus
	typo    bool   // a struct has no such field: certainly a mistake
	at      string // the name that failed
	within  string // the path before it
	nearest string
}

func (r lookupResult) message(path []string) string {
	msg := fmt.Sprintf("unknown field %q", r.at)
	if r.within != "" {
		msg += " in " + r.within
	}
	if r.nearest != "" {
		msg += fmt.Sprintf(": did you mean %q?", r.nearest)
	}
	return msg
}

// lookup finds a path: the first name on the current item, then each
// enclosing item, then the root; the rest of the path from there.
func lookup(sc *scope, path []string) (any, lookupResult) {
	first := path[0]
	var v any
	rest := path[1:]
	switch first {
	case "this":
		v = sc.data
	case "@root":
		v = sc.root().data
	case "@index", "@number", "@first", "@last":
		l := sc
		for l != nil && !l.loop {
			l = l.parent
		}
		if l == nil {
			return nil, lookupResult{status: unknown, typo: true, at: first, nearest: "", within: ""}
		}
		switch first {
		case "@index":
			v = l.index
		case "@number":
			v = l.index + 1
		case "@first":
			v = l.index == 0
		case "@last":
			v = l.index == l.count-1
		}
	default:
		var typo bool
		hit := false
		for s := sc; s != nil; s = s.parent {
			if !s.loop && s.parent != nil {
				continue
			}
			fv, ok, known := field(s.data, first)
			if ok {
				v, hit = fv, true
				break
			}
			if known {
				typo = true
			}
		}
		if !hit {
			// The names for "did you mean" only now: listing them for every
			// scope a name is not in cost a fifth of rendering.
			var names []string
			for s := sc; s != nil; s = s.parent {
				if !s.loop && s.parent != nil {
					continue
				}
				names = append(names, fieldNames(s.data)...)
			}
			return nil, lookupResult{status: unknown, typo: typo, at: first, nearest: suggest.Nearest(first, names)}
		}
	}
	for i, name := range rest {
		if isNil(v) {
			return nil, lookupResult{status: missing}
		}
		fv, ok, isStruct := field(v, name)
		if !ok {
			return nil, lookupResult{status: unknown, typo: isStruct, at: name, within: strings.Join(path[:i+1], "."), nearest: suggest.Nearest(name, fieldNames(v))}
		}
		v = fv
	}
	if isNil(v) {
		return nil, lookupResult{status: missing}
	}
	return v, lookupResult{status: found}
}

func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice:
		return rv.IsNil() && rv.Kind() != reflect.Slice
	}
	return false
}

// field returns v's member called name. ok says whether it was found;
// isStruct whether v is a struct (whose fields are fixed, so a miss is a typo).
func field(v any, name string) (out any, ok bool, isStruct bool) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return nil, false, false
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return nil, false, false
		}
		mv := rv.MapIndex(reflect.ValueOf(name).Convert(rv.Type().Key()))
		if !mv.IsValid() {
			return nil, false, false
		}
		return mv.Interface(), true, false
	case reflect.Struct:
		idx, found := structFields(rv.Type())[name]
		if !found {
			return nil, false, true
		}
		return rv.FieldByIndex(idx).Interface(), true, true
	case reflect.Slice, reflect.Array:
		var i int
		if _, err := fmt.Sscanf(name, "%d", &i); err == nil && i >= 0 && i < rv.Len() && fmt.Sprint(i) == name {
			return rv.Index(i).Interface(), true, false
		}
	}
	return nil, false, false
}

// fieldNames lists the names v offers, for "did you mean".
func fieldNames(v any) []string {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	var out []string
	switch rv.Kind() {
	case reflect.Map:
		for _, k := range rv.MapKeys() {
			if k.Kind() == reflect.String {
				out = append(out, k.String())
			}
		}
	case reflect.Struct:
		for n := range structFields(rv.Type()) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

var structCache sync.Map

// structFields maps the names a template may use for a struct's fields: the
// toml or json tag name, and the Go name.
func structFields(t reflect.Type) map[string][]int {
	if m, ok := structCache.Load(t); ok {
		return m.(map[string][]int)
	}
	m := map[string][]int{}
	// Fields of an embedded struct are promoted, as in Go and encoding/json;
	// the outer struct's own names win.
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("toml") == "" && f.Tag.Get("json") == "" {
			for name, idx := range structFields(f.Type) {
				m[name] = append([]int{i}, idx...)
			}
		}
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Anonymous && f.Type.Kind() == reflect.Struct {
			continue
		}
		m[f.Name] = f.Index
		for _, key := range []string{"toml", "json"} {
			name, _, _ := strings.Cut(f.Tag.Get(key), ",")
			if name != "" && name != "-" {
				m[name] = f.Index
			}
		}
	}
	structCache.Store(t, m)
	return m
}

// listOf returns the items of a list; nothing (missing) is an empty list.
func listOf(v any) ([]any, bool) {
	if isNil(v) {
		return nil, true
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, false
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out, true
}

type zeroer interface{ IsZero() bool }

// truthy: nothing, false, "", 0, an empty list and a zero date are false.
func truthy(v any) bool {
	if isNil(v) {
		return false
	}
	if z, ok := v.(zeroer); ok {
		return !z.IsZero()
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Bool:
		return rv.Bool()
	case reflect.String, reflect.Slice, reflect.Array, reflect.Map:
		return rv.Len() > 0
	case reflect.Pointer:
		return !rv.IsNil()
	}
	if f, ok := number(v); ok {
		return f != 0
	}
	return true
}

func isEmpty(v any) bool {
	if isNil(v) {
		return true
	}
	if s, ok := v.(string); ok {
		return s == ""
	}
	if z, ok := v.(zeroer); ok {
		return z.IsZero()
	}
	return false
}
