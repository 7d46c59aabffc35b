package partnership

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"mou/assemble/format"
	"mou/assemble/internal/tags"
)

// A message about one field names it in words a business manager reads
// without knowing the file's keys ("the chair of the sub-group “Neglect”"),
// beside the path every finding carries for those who do.

// tableWords names the top-level tables and lists: a table by its words, a
// list by the words for one of its entries.
var tableWords = map[string]string{
	"partnership": "the partnership's details", "geography": "the area's description", "partners": "partner",
	"relevant_agencies": "relevant agency", "boards": "linked board", "meetings": "meeting", "subgroups": "sub-group",
	"task_groups": "task and finish group", "funding": "funding year", "milestones": "milestone", "endorsements": "endorsement",
	"scrutiny": "independent scrutiny", "review": "the review of the arrangements", "report": "the yearly report",
	"year": "the yearly report's year", "members": "member", "disputes": "how disagreements are resolved",
	"youth_custody": "youth custody", "child_death": "the child death review", "education": "how education takes part",
	"audits": "audit programme", "voice": "voice forum", "data_sharing": "data sharing agreement",
	"procedures": "the procedures", "structure": "the structure appendix", "delivery_bodies": "delivery body",
	"funding_terms": "the funding terms", "decisions": "decision", "inspections": "inspection",
	"local_partnerships": "local partnership", "priorities": "priority", "rows": "row", "recipients": "recipient of the report",
	"training": "course", "attendance": "attendance row", "homes": "children's homes", "alliances": "alliance",
	"delegates": "further delegate", "figures": "figure", "actions": "action", "next_priorities": "next year's priority",
}

// keyWords names a key inside its table; a key not listed is named by its
// own words ("decision_body" as "the decision body").
var keyWords = map[string]string{
	"name": "the name", "organisation": "the organisation", "chaired_by": "the chair", "members": "the members",
	"hosted_by": "who runs them", "administered_by": "who administers it", "panel": "the panel", "footprint": "the footprint",
	"led_by": "who leads it", "by": "who", "sits": "where they sit", "reports_to": "what it reports to",
	"shared_with": "who shares it", "local_authorities": "the local authorities", "establishments": "the establishments",
	"bodies": "the bodies", "arbitration": "the arbitration body", "regulators": "the regulators", "lead": "the lead",
	"delegate": "the delegate", "title": "the title", "agency": "the contributor", "label": "the label",
	"from": "who was heard", "runs": "what it runs", "group": "the group", "predecessor": "what the arrangements replaced",
	"scrutineer": "the scrutineer", "chair": "the chair",
}

// fieldWords names the field at path of p in words: "the chair of the
// sub-group “Neglect”", "who administers it, in the child death review".
func fieldWords(p *Partnership, path string) string {
	segs := splitPath(path)
	if len(segs) == 0 {
		return "the data"
	}
	// Local wording and points are keyed by section: the section names them.
	if (segs[0].key == "text" || segs[0].key == "points") && len(segs) >= 2 {
		switch {
		case segs[0].key == "text":
			return fmt.Sprintf("the local wording of the section %q", segs[1].key)
		case segs[1].index >= 0:
			return fmt.Sprintf("point %d of the section %q", segs[1].index+1, segs[1].key)
		}
		return fmt.Sprintf("the local points of the section %q", segs[1].key)
	}
	rv := reflect.ValueOf(p).Elem()
	owner := "" // the words for what the next key belongs to
	for i, s := range segs {
		rv = fieldByKey(rv, s.key)
		if s.index < 0 {
			if i == len(segs)-1 {
				return joinOwner(keyPhrase(s.key), owner)
			}
			words, ok := tableWords[s.key]
			if !ok || i > 0 {
				words = keyPhrase(s.key)
			}
			owner = joinOwner(words, owner)
			continue
		}
		elem := indexValue(rv, s.index)
		if elem.Kind() == reflect.String {
			// An entry of a list of words: "entry 2 of the members of …".
			return fmt.Sprintf("entry %d of %s", s.index+1, joinOwner(keyPhrase(s.key), owner))
		}
		one, ok := tableWords[s.key]
		if !ok {
			one = strings.ReplaceAll(s.key, "_", " ")
		}
		leaf := ""
		if i+1 < len(segs) {
			leaf = segs[i+1].key
		}
		if label := entryLabel(elem, leaf); label != "" {
			one = fmt.Sprintf("the %s “%s”", one, label)
		} else {
			n := s.index + 1
			one = fmt.Sprintf("the %d%s %s", n, format.OrdinalSuffix(n), one)
		}
		owner = joinOwner(one, owner)
		rv = elem
	}
	return owner // a whole entry
}

// joinOwner puts words before the owner they belong to: "the chair of the
// sub-group “Neglect”"; a table's words stand alone at the top.
func joinOwner(words, owner string) string {
	if owner == "" {
		return words
	}
	if strings.HasPrefix(words, "who ") || strings.HasPrefix(words, "what ") || strings.HasPrefix(words, "where ") {
		return words + ", in " + owner
	}
	return words + " of " + owner
}

// keyPhrase is keyWords' phrase for key, or its own words.
func keyPhrase(key string) string {
	if w, ok := keyWords[key]; ok {
		return w
	}
	return "the " + strings.ReplaceAll(key, "_", " ")
}

// entryLabel is how an entry of a list is known: its id, name, organisation
// title or id, whichever it has first, unless that is the very field being
// named (a partner's organisation is not named by itself).
func entryLabel(elem reflect.Value, leaf string) string {
	for elem.Kind() == reflect.Pointer {
		if elem.IsNil() {
			return ""
		}
		elem = elem.Elem()
	}
	if elem.Kind() != reflect.Struct {
		return ""
	}
	for _, key := range []string{"name", "organisation", "title", "course", "label", "term", "decision", "id", "kind", "partner"} {
		if key == leaf {
			continue
		}
		if f := fieldByKey(elem, key); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
			return f.String()
		}
	}
	return ""
}

// pathSeg is one step of a path: a key, or an index into the list before it.
type pathSeg struct {
	key   string
	index int // -1 for a key
}

// splitPath splits "subgroups[1].members[0]" into subgroups[1] and
// members[0], each index carried by the key it indexes.
func splitPath(path string) []pathSeg {
	var out []pathSeg
	for _, part := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		out = append(out, pathSeg{key: key, index: -1})
		for rest != "" {
			n, tail, _ := strings.Cut(rest, "]")
			i, err := strconv.Atoi(n)
			if err != nil {
				break
			}
			out[len(out)-1].index = i
			rest = strings.TrimPrefix(tail, "[")
		}
	}
	return out
}

// fieldByKey returns the field of struct rv whose toml name is key (through
// pointers); the zero Value when there is none.
func fieldByKey(rv reflect.Value, key string) reflect.Value {
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return reflect.Value{}
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	t := rv.Type()
	for i := 0; i < t.NumField(); i++ {
		if name, ok := tags.Key(t.Field(i)); ok && name == key {
			return rv.Field(i)
		}
	}
	return reflect.Value{}
}

func isList(rv reflect.Value) bool { return rv.IsValid() && rv.Kind() == reflect.Slice }

// indexValue is rv[i], or the zero Value.
func indexValue(rv reflect.Value, i int) reflect.Value {
	if !isList(rv) || i < 0 || i >= rv.Len() {
		return reflect.Value{}
	}
	return rv.Index(i)
}
