package wordtemplate

import (
	"fmt"
	"strings"
	"unicode"

	"mou/assemble/internal/suggest"
)

// tagKind says what a tag does.
type tagKind int

const (
	tagValue tagKind = iota // {{path | filter …}}
	tagOpen                 // {{#each path}}, {{#if path}}, {{#unless path}}
	tagElse                 // {{else}}
	tagClose                // {{/each}}, {{/if}}, {{/unless}}
)

// tag is one parsed template tag and where it stands.
type tag struct {
	kind    tagKind
	raw     string // as written, braces included
	block   string // each, if, unless (open and close tags)
	path    []string
	filters []filterCall
	rPr     string // the run properties of the run where the tag starts
	loc     location
}

// filterCall is one "| name arg…" of a value tag.
type filterCall struct {
	name string
	args []string
}

// location is where a tag stands: for messages.
type location struct {
	part string
	para int
	text string
}

// quoteNormaliser turns the quotes Word's autocorrect types into straight ones.
var quoteNormaliser = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u2018", "'", "\u2019", "'", "\u00a0", " ")

// parseTag reads the inside of {{…}}.
func parseTag(inner string) (*tag, *Error) {
	raw := "{{" + inner + "}}"
	s := strings.TrimSpace(quoteNormaliser.Replace(inner))
	bad := func(msg, hint string) *Error {
		return &Error{ID: ErrBadTag, Tag: raw, Message: msg, Hint: hint}
	}
	if s == "" {
		return nil, bad("the tag "+raw+" is empty", "write a field name between the braces, e.g. {{partnership.name}}")
	}
	switch {
	case s == "else":
		return &tag{kind: tagElse, raw: raw}, nil
	case strings.HasPrefix(s, "#"):
		fields := strings.Fields(s[1:])
		if len(fields) == 0 {
			return nil, bad("the tag "+raw+" names no block", "write {{#each list}}, {{#if field}} or {{#unless field}}")
		}
		kw := fields[0]
		if kw != "each" && kw != "if" && kw != "unless" {
			msg := fmt.Sprintf("unknown block %q in %s", kw, raw)
			if near := suggest.Nearest(kw, []string{"each", "if", "unless"}); near != "" {
				msg += fmt.Sprintf(": did you mean #%s?", near)
			}
			return nil, bad(msg, "blocks are #each, #if and #unless")
		}
		// A block may say its field may be missing: {{#if x | default ""}}.
		rest, filter, hasFilter := strings.Cut(strings.TrimSpace(strings.TrimSpace(s[1:])[len(kw):]), "|")
		var filters []filterCall
		if hasFilter {
			toks, terr := tokenize(strings.TrimSpace(filter))
			if terr != "" || len(toks) != 2 || toks[0] != "default" || len(toks[1]) < 2 || (toks[1][0] != '"' && toks[1][0] != '\'') {
				return nil, bad(fmt.Sprintf("a block takes one filter, default with a quoted value, in %s", raw), fmt.Sprintf(`e.g. {{#%s field | default ""}}`, kw))
			}
			filters = append(filters, filterCall{name: "default", args: []string{toks[1][1 : len(toks[1])-1]}})
		}
		if fs := strings.Fields(rest); len(fs) != 1 {
			return nil, bad(fmt.Sprintf("%s needs exactly one field name after #%s", raw, kw), fmt.Sprintf("e.g. {{#%s partners}}", kw))
		}
		path, err := parsePath(strings.TrimSpace(rest))
		if err != "" {
			return nil, bad(err+" in "+raw, "")
		}
		return &tag{kind: tagOpen, raw: raw, block: kw, path: path, filters: filters}, nil
	case strings.HasPrefix(s, "/"):
		kw := strings.TrimSpace(s[1:])
		if kw != "each" && kw != "if" && kw != "unless" {
			return nil, bad(fmt.Sprintf("unknown block end %s", raw), "write {{/each}}, {{/if}} or {{/unless}}")
		}
		return &tag{kind: tagClose, raw: raw, block: kw}, nil
	}
	toks, err := tokenize(s)
	if err != "" {
		return nil, bad(err+" in "+raw, "")
	}
	t := &tag{kind: tagValue, raw: raw}
	// path ( | name args… )*
	if len(toks) == 0 || toks[0] == "|" {
		return nil, bad(raw+" has a filter but no field name", "e.g. {{amount | money}}")
	}
	path, perr := parsePath(toks[0])
	if perr != "" {
		return nil, bad(perr+" in "+raw, "")
	}
	t.path = path
	i := 1
	if i < len(toks) && toks[i] != "|" {
		return nil, bad(fmt.Sprintf("unexpected %q after the field name in %s", toks[i], raw), "separate filters with |, e.g. {{amount | money}}")
	}
	for i < len(toks) {
		i++ // skip |
		if i >= len(toks) || toks[i] == "|" {
			return nil, bad(raw+" has a | with no filter after it", "")
		}
		fc := filterCall{name: toks[i]}
		i++
		for i < len(toks) && toks[i] != "|" {
			a := toks[i]
			if len(a) < 2 || (a[0] != '"' && a[0] != '\'') {
				return nil, &Error{ID: ErrBadFilterArg, Tag: raw,
					Message: fmt.Sprintf("the argument %s of filter %q must be in quotes", a, fc.name),
					Hint:    fmt.Sprintf(`e.g. {{%s | %s "%s"}}`, toks[0], fc.name, a)}
			}
			fc.args = append(fc.args, a[1:len(a)-1])
			i++
		}
		if e := checkFilter(fc, raw); e != nil {
			return nil, e
		}
		t.filters = append(t.filters, fc)
	}
	return t, nil
}

// tokenize splits a value tag into words, quoted strings and |.
func tokenize(s string) ([]string, string) {
	var toks []string
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '|':
			toks = append(toks, "|")
			i++
		case c == '"' || c == '\'':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return nil, "a quote is not closed"
			}
			toks = append(toks, s[i:i+j+2])
			i += j + 2
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '|' && s[j] != '"' && s[j] != '\'' {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	return toks, ""
}

// parsePath checks a dotted field name such as partners.0.name or @index.
func parsePath(s string) ([]string, string) {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		if p == "" {
			return nil, fmt.Sprintf("the field name %q has an empty part", s)
		}
		for j, r := range p {
			ok := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || (r == '@' && j == 0 && i == 0)
			if !ok {
				return nil, fmt.Sprintf("the field name %q contains %q", s, r)
			}
		}
	}
	return parts, ""
}
