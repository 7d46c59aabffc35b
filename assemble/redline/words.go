package redline

import (
	"encoding/xml"
	"unicode"
	"unicode/utf8"
)

// A token is one word, space or punctuation mark of a run, or one other
// piece of a run (a tab, a break, a field character), or one element of a
// paragraph that is not a run (a simple field, a bookmark).
type token struct {
	rPr  *node  // the run's properties; nil for none or for non-run elements
	text string // for words
	elem *node  // for anything else
	key  string // what makes two tokens the same: properties and content
}

// tokens splits a paragraph's content into tokens.
func tokens(p *node) []token {
	var out []token
	for _, k := range p.kids {
		switch k.name {
		case "", "w:pPr":
			continue
		case "w:r":
			rPr := k.child("w:rPr")
			props := ""
			if rPr != nil {
				props = rPr.xml()
			}
			for _, c := range k.kids {
				switch c.name {
				case "", "w:rPr":
				case "w:t":
					for _, w := range splitWords(text(c)) {
						out = append(out, token{rPr: rPr, text: w, key: props + "\x00t" + w})
					}
				default:
					out = append(out, token{rPr: rPr, elem: c, key: props + "\x00e" + c.xml()})
				}
			}
		default:
			out = append(out, token{elem: k, key: "\x01" + k.xml()})
		}
	}
	return out
}

// splitWords cuts text into words (letters, digits and the marks within a
// word such as apostrophes), runs of spaces, and single other characters.
func splitWords(s string) []string {
	var out []string
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		end := size
		switch {
		case wordRune(r):
			for end < len(s) {
				r2, n := utf8.DecodeRuneInString(s[end:])
				if wordRune(r2) || innerMark(r2) && followsWord(s[end+n:]) {
					end += n
					continue
				}
				break
			}
		case unicode.IsSpace(r):
			for end < len(s) {
				r2, n := utf8.DecodeRuneInString(s[end:])
				if !unicode.IsSpace(r2) {
					break
				}
				end += n
			}
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// innerMark is a mark that may sit inside a word.
func innerMark(r rune) bool { return r == '\'' || r == '’' || r == '.' || r == ',' || r == '-' }

// followsWord reports whether a word continues after an inner mark, as in
// "don't", "1,260.50" or "St.Helens".
func followsWord(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return rest != "" && wordRune(r)
}

// op is one step of an edit script over tokens.
type op struct {
	kind byte // '=', '-', '+'
	tok  token
}

// editScript is the shortest edit script from a to b (by their longest
// common subsequence), with deletions before insertions at each change;
// a lone space or punctuation mark between two changes becomes part of
// the change, so "Director of Public Health" → "Head of Nursing and
// Quality" does not read as a patchwork.
func editScript(a, b []token) []op {
	ka := make([]string, len(a))
	kb := make([]string, len(b))
	for i, t := range a {
		ka[i] = t.key
	}
	for j, t := range b {
		kb[j] = t.key
	}
	var ops []op
	i, j := 0, 0
	for _, m := range append(lcs(intern(ka, kb)), [2]int{len(a), len(b)}) {
		for ; i < m[0]; i++ {
			ops = append(ops, op{'-', a[i]})
		}
		for ; j < m[1]; j++ {
			ops = append(ops, op{'+', b[j]})
		}
		if m[0] < len(a) {
			ops = append(ops, op{'=', b[m[1]]})
		}
		i, j = m[0]+1, m[1]+1
	}
	return tidy(ops)
}

// tidy folds a short equal stretch that lies between two changes (a space,
// a comma) into them.
func tidy(ops []op) []op {
	for {
		changed := false
		for s := 0; s < len(ops); {
			if ops[s].kind != '=' {
				s++
				continue
			}
			e := s
			for e < len(ops) && ops[e].kind == '=' {
				e++
			}
			if s > 0 && e < len(ops) && e-s <= 2 && trivial(ops[s:e]) {
				var dels, inss []op
				for _, o := range ops[s:e] {
					dels = append(dels, op{'-', o.tok})
					inss = append(inss, op{'+', o.tok})
				}
				// Before: … changes, equal, changes …; regroup the changes
				// around it as deletions then insertions.
				ps := s
				for ps > 0 && ops[ps-1].kind != '=' {
					ps--
				}
				pe := e
				for pe < len(ops) && ops[pe].kind != '=' {
					pe++
				}
				var d, n []op
				for _, o := range ops[ps:s] {
					if o.kind == '-' {
						d = append(d, o)
					} else {
						n = append(n, o)
					}
				}
				d = append(d, dels...)
				n = append(n, inss...)
				for _, o := range ops[e:pe] {
					if o.kind == '-' {
						d = append(d, o)
					} else {
						n = append(n, o)
					}
				}
				merged := append(append(append([]op{}, ops[:ps]...), d...), n...)
				ops = append(merged, ops[pe:]...)
				changed = true
				break
			}
			s = e
		}
		if !changed {
			return ops
		}
	}
}

// trivial reports whether equal tokens carry no word: spaces and
// punctuation only.
func trivial(ops []op) bool {
	for _, o := range ops {
		if o.tok.elem != nil {
			return false
		}
		for _, r := range o.tok.text {
			if wordRune(r) {
				return false
			}
		}
	}
	return true
}

// paragraph compares two versions of a paragraph with the same properties
// word by word: equal words stay plain runs, the rest are deleted and
// inserted runs.
func (r *reviser) paragraph(o, n *node) *node {
	script := editScript(tokens(o), tokens(n))
	r.sum.Paragraphs++
	var kids []*node
	if pPr := n.child("w:pPr"); pPr != nil {
		kids = append(kids, pPr)
	}
	for s := 0; s < len(script); {
		e := s + 1
		for e < len(script) && script[e].kind == script[s].kind {
			e++
		}
		kids = append(kids, r.stretch(script[s].kind, script[s:e])...)
		s = e
	}
	n.kids = kids
	return n
}

// stretch writes tokens of one kind of edit as runs: consecutive tokens of
// the same run properties share a run, and changed runs are wrapped in one
// w:ins or w:del.
func (r *reviser) stretch(kind byte, ops []op) []*node {
	var runs []*node
	var cur *node
	var curProps *node
	flush := func() { cur = nil }
	for _, o := range ops {
		t := o.tok
		if t.elem != nil && t.rPr == nil && !isRunChild(t) {
			// An element of the paragraph itself.
			flush()
			switch kind {
			case '=':
				runs = append(runs, t.elem)
			case '+':
				runs = append(runs, r.markContent(t.elem, "w:ins")...)
			case '-':
				runs = append(runs, r.markContent(t.elem.clone(), "w:del")...)
			}
			continue
		}
		if cur == nil || curProps != t.rPr && (curProps == nil || t.rPr == nil || curProps.xml() != t.rPr.xml()) {
			cur = el("w:r", nil)
			if t.rPr != nil {
				cur.kids = append(cur.kids, t.rPr.clone())
			}
			curProps = t.rPr
			runs = append(runs, cur)
		}
		if t.elem != nil {
			c := t.elem.clone()
			if kind == '-' && c.name == "w:instrText" {
				c.name = "w:delInstrText"
			}
			cur.kids = append(cur.kids, c)
			continue
		}
		name := "w:t"
		if kind == '-' {
			name = "w:delText"
		}
		last := cur.kids
		if len(last) > 0 && last[len(last)-1].name == name {
			last[len(last)-1].kids[0].text += t.text
			continue
		}
		cur.kids = append(cur.kids, el(name, []xml.Attr{{Name: xml.Name{Space: "xml", Local: "space"}, Value: "preserve"}}, &node{text: t.text}))
	}
	if kind == '=' {
		return runs
	}
	var out []*node
	var wrap *node
	for _, k := range runs {
		if k.name != "w:r" {
			out = append(out, k)
			wrap = nil
			continue
		}
		if wrap == nil {
			wrap = r.mark(map[byte]string{'+': "w:ins", '-': "w:del"}[kind])
			out = append(out, wrap)
		}
		wrap.kids = append(wrap.kids, k)
	}
	return out
}

// isRunChild tells a token from inside a run without properties (a tab)
// from an element of the paragraph itself.
func isRunChild(t token) bool { return t.key != "" && t.key[0] == '\x00' }
