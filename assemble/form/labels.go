package form

import (
	"reflect"
	"strings"
	"unicode"
)

// Labels are made from keys, never written per field, so a new field gets
// one: the key's words, the first capitalised ("short_name" → "Short
// name"), with known abbreviations in capitals.

// abbreviations are words a key spells in lower case that a reader knows in
// capitals.
var abbreviations = map[string]string{
	"icb": "ICB", "ccg": "CCG", "lscb": "LSCB", "url": "URL", "id": "ID", "ids": "IDs",
	"mou": "MOU", "cdop": "CDOP", "jtai": "JTAI",
}

// label turns a key into a label: "short_name" → "Short name",
// "local-authority" → "Local authority", "icb" → "ICB".
func label(key string) string {
	words := strings.FieldsFunc(key, func(r rune) bool { return r == '_' || r == '-' || r == ' ' })
	if len(words) == 0 {
		return key
	}
	for i, w := range words {
		if a, ok := abbreviations[strings.ToLower(w)]; ok {
			words[i] = a
			continue
		}
		if i == 0 {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			words[i] = string(r)
		}
	}
	s := strings.Join(words, " ")
	// "non executive" reads as the word it is.
	return strings.Replace(strings.Replace(s, "Non ", "Non-", 1), " non ", " non-", 1)
}

// choices returns the Choices of a oneof rule ("local-authority icb").
func choices(enum string) []Choice {
	vals := strings.Fields(enum)
	out := make([]Choice, len(vals))
	for i, v := range vals {
		out[i] = Choice{Value: v, Label: label(v)}
	}
	return out
}

// itemLabel names one element of a list: the key made singular when it is
// a plural ("relevant_agencies" → "Relevant agency"), else the element
// type's name in words ("glossary" of Term → "Term"), else "Entry".
func itemLabel(key string, elem reflect.Type) string {
	if s, ok := singular(key); ok {
		return label(s)
	}
	if elem != nil && elem.Name() != "" {
		return label(camelWords(elem.Name()))
	}
	return "Entry"
}

// singular makes an English plural key singular; false when the key is not
// a plural.
func singular(key string) (string, bool) {
	switch {
	case strings.HasSuffix(key, "ies"):
		return strings.TrimSuffix(key, "ies") + "y", true
	case strings.HasSuffix(key, "ss"), !strings.HasSuffix(key, "s"):
		return key, false
	}
	return strings.TrimSuffix(key, "s"), true
}

// camelWords splits a Go type name into lower-case words joined by
// underscores: "FundingYear" → "funding_year".
func camelWords(name string) string {
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// longTextKeys are the keys of prose: a sentence or more, shown in a text
// area. The rule is the key, not the doc, so it is predictable: a new prose
// field with another key is a one-word addition here, and until then it
// still works as a one-line text field.
var longTextKeys = map[string]bool{
	"summary": true, "description": true, "statement": true, "response": true,
	"vision": true, "purpose": true, "rationale": true, "note": true, "why": true,
	"changed": true, "heard": true, "result": true, "scope": true, "reason": true,
	"role": true, "basis": true, "shortfall": true, "policy_note": true,
	"single_point": true, "runs": true, "decision_body": true, "footprint": true,
}

// partialAllowed reports whether a date may be a month or a year alone. The
// model's Date accepts them everywhere; only the bounds of a period ("First
// day …", "Last day …") must be days, for a period has to start and end on
// one.
func partialAllowed(doc string) bool {
	d := strings.ToLower(doc)
	return !strings.HasPrefix(d, "first day") && !strings.HasPrefix(d, "last day")
}
