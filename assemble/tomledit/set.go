package tomledit

import (
	"fmt"
	"strings"

	"mou/assemble/tomlindex"
)

// Set writes v at path: over the value's bytes when the key is written,
// else as a new key in the right table (see the package doc for where).
// v is a string, bool, int, int64, float64, Money, Date, Month or
// []string.
func (d *Doc) Set(path string, v any) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	p := pathOf(segs)
	if old, ok := get(d.tree, segs); ok {
		if _, isTable := old.(map[string]any); isTable {
			return fmt.Errorf("%s is a group of values, not one value: set one of its keys instead, for example %s.name", p, p)
		}
		if l := list(old); len(l) > 0 {
			if _, ok := l[0].(map[string]any); ok {
				return fmt.Errorf("%s is a list of entries, not one value: set a key of one entry instead, for example %s.name", p, tomlindex.Elem(p, 0))
			}
		}
	}
	if sp, ok := d.valueSpan(p); ok {
		text, err := render(v, d.styleAt(sp))
		if err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
		return d.setText(p, segs, v, text, []splice{{sp, text}})
	}
	if _, ok := get(d.tree, segs); ok {
		return fmt.Errorf("%s is in the data file but mou could not find where it is written, so it was not changed; this is a fault in mou: please report it with the data file", p)
	}
	return d.insert(p, segs, v)
}

// styleAt describes how the value at sp is written.
func (d *Doc) styleAt(sp span) style {
	st := style{raw: d.src[sp.start:sp.end], nl: d.nl, base: indentAt(d.src, sp.start), col: sp.start - lineStart(d.src, sp.start)}
	st.indent = d.arrayIndent(st.raw, st.base)
	return st
}

// arrayIndent returns one level of indentation inside arrays: as in raw
// when it is a multi-line array, else as in the file's first one.
func (d *Doc) arrayIndent(raw, base string) string {
	if in := firstIndent(raw); strings.HasPrefix(in, base) && len(in) > len(base) {
		return in[len(base):]
	}
	for _, c := range d.l.conts {
		if c.table {
			continue
		}
		raw := d.src[c.open:c.close]
		if in := firstIndent(raw); in != "" {
			if b := indentAt(d.src, c.open); strings.HasPrefix(in, b) && len(in) > len(b) {
				return in[len(b):]
			}
		}
	}
	return "  "
}

// firstIndent returns the indentation of raw's second line, "" when raw is
// one line.
func firstIndent(raw string) string {
	i := strings.IndexByte(raw, '\n')
	if i < 0 {
		return ""
	}
	rest := raw[i+1:]
	j := 0
	for j < len(rest) && (rest[j] == ' ' || rest[j] == '\t') {
		j++
	}
	return rest[:j]
}

// setText checks what was written decodes to v, then commits the splices.
func (d *Doc) setText(p string, segs []seg, v any, text string, ss []splice) error {
	dv, err := decode("v = " + text)
	if err != nil || !intended(v, dv["v"]) {
		return fmt.Errorf("%s: mou could not write this value so that it reads back the same, so nothing was changed; try plainer text, or report it", p)
	}
	val := dv["v"]
	return d.commit("setting "+p, apply(d.src, ss), func(old map[string]any) (any, error) {
		t, _, err := update(old, true, segs, func(any, bool) (any, bool, error) { return val, true, nil })
		return t, err
	})
}

// insert writes a key that is not in the file yet.
func (d *Doc) insert(p string, segs []seg, v any) error {
	// Find the nearest ancestor that is written in the file.
	k := len(segs) - 1
	for ; k > 0; k-- {
		if _, ok := get(d.tree, segs[:k]); ok {
			break
		}
	}
	host := pathOf(segs[:k])
	rest := segs[k:]
	for _, s := range rest {
		if s.isIdx {
			arr := pathOf(segs[:len(segs)-len(rest)])
			for i := range rest {
				if rest[i].isIdx {
					arr = pathOf(segs[:len(segs)-len(rest)+i])
					break
				}
			}
			return fmt.Errorf("%s is not in the data file: %s has %d entries, numbered from 0; add an entry first", p, arr, d.Len(arr))
		}
	}
	if k > 0 {
		if hv, _ := get(d.tree, segs[:k]); hv != nil {
			if _, ok := hv.(map[string]any); !ok {
				return fmt.Errorf("%s cannot be written: %s is a single value, not a group of values", p, host)
			}
		}
	}
	write := func(col int, base string) (string, error) {
		text, err := render(v, style{nl: d.nl, base: base, col: col, indent: d.arrayIndent("", base)})
		if err != nil {
			return "", fmt.Errorf("%s: %v", p, err)
		}
		return text, nil
	}

	// Inline table: lead = { title = "x" } → { title = "x", name = "X" }.
	if c, ok := d.l.conOf[host]; ok && d.l.conts[c].table {
		con := d.l.conts[c]
		key := dottedKey(rest)
		text, err := write(0, "")
		if err != nil {
			return err
		}
		var sp splice
		if n := len(con.items); n > 0 {
			end := d.l.entries[con.items[n-1]].val.end
			sp = splice{span{end, end}, ", " + key + " = " + text}
		} else {
			sp = splice{span{con.open, con.close}, "{ " + key + " = " + text + " }"}
		}
		return d.setText(p, segs, v, text, []splice{sp})
	}

	// A table written as a header, or the top level.
	if h, ok := d.l.tables[host]; ok || k == 0 {
		if k == 0 && len(rest) > 1 {
			return d.newTable(p, segs, rest, v, write)
		}
		return d.insertLine(p, segs, v, h, ok, dottedKey(rest), write)
	}

	// A table written as dotted keys (lead.name = "x"): after its last line.
	last := -1
	for i, e := range d.l.entries {
		if strings.HasPrefix(e.path, host+".") && e.parts > 1 {
			last = i
		}
	}
	if last >= 0 {
		e := d.l.entries[last]
		base := ""
		if e.in >= 0 {
			base = d.l.conts[e.in].path
		} else if e.header >= 0 {
			base = d.l.headers[e.header].path
		}
		bsegs, _ := parsePath(base)
		key := dottedKey(segs[len(bsegs):])
		if base == "" {
			key = dottedKey(segs)
		}
		text, err := write(0, "")
		if err != nil {
			return err
		}
		if e.in >= 0 {
			return d.setText(p, segs, v, text, []splice{{span{e.val.end, e.val.end}, ", " + key + " = " + text}})
		}
		ind := indentAt(d.src, e.key.start)
		text, err = write(len(ind)+len(key)+3, ind)
		if err != nil {
			return err
		}
		at := e.line.end
		pre := ""
		if at > 0 && d.src[at-1] != '\n' {
			pre = d.nl
		}
		return d.setText(p, segs, v, text, []splice{{span{at, at}, pre + ind + key + " = " + text + d.nl}})
	}

	// A table that exists only because of sub-tables ([a.b] but no [a]):
	// give it a header at the end of the block of its nearest header.
	return d.newTable(p, segs, rest, v, write)
}

// insertLine writes `key = value` after the last key/value line of the
// table of header h (the top level when !isHeader).
func (d *Doc) insertLine(p string, segs []seg, v any, h int, isHeader bool, key string, write func(int, string) (string, error)) error {
	var at int
	ind := ""
	blankAfter := false
	lastEntry := -1
	for i := range d.l.entries {
		e := d.l.entries[i]
		if e.in < 0 && (isHeader && e.header == h || !isHeader && e.header < 0) {
			lastEntry = i
		}
	}
	switch {
	case lastEntry >= 0:
		e := d.l.entries[lastEntry]
		at = e.line.end
		ind = indentAt(d.src, e.key.start)
	case isHeader:
		at = d.l.headers[h].bodyStart
	case len(d.l.headers) > 0:
		// No top-level keys: before the first header and its comments,
		// with a blank line between.
		at = d.l.headers[0].lead
		blankAfter = true
	default:
		at = len(d.src)
	}
	text, err := write(len(ind)+len(key)+3, ind)
	if err != nil {
		return err
	}
	pre := ""
	if at > d.l.bom && d.src[at-1] != '\n' {
		pre = d.nl
	}
	line := pre + ind + key + " = " + text + d.nl
	if blankAfter {
		line += d.nl
	}
	return d.setText(p, segs, v, text, []splice{{span{at, at}, line}})
}

// newTable writes a [table] header holding the key: at the end of the
// file for a top-level table, else at the end of its nearest header's
// block.
func (d *Doc) newTable(p string, segs, rest []seg, v any, write func(int, string) (string, error)) error {
	tsegs := segs[:len(segs)-1]
	key := tomlKey(segs[len(segs)-1].key)
	text, err := write(len(key)+3, "")
	if err != nil {
		return err
	}
	at := len(d.src)
	for k := len(tsegs) - 1; k > 0; k-- {
		if h, ok := d.l.tables[pathOf(tsegs[:k])]; ok {
			at = d.blockBody(h)
			break
		}
	}
	pre := ""
	if at > d.l.bom && d.src[at-1] != '\n' {
		pre = d.nl
	}
	if at > d.l.bom {
		pre += d.nl
	}
	block := pre + "[" + headerKey(tsegs) + "]" + d.nl + key + " = " + text + d.nl
	return d.setText(p, segs, v, text, []splice{{span{at, at}, block}})
}
