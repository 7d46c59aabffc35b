// Package form presents a partnership's data file as web forms for `mou
// serve`, in which a business manager edits the file without a text editor.
//
// The forms are generated, never written by hand: Pages walks the Go types
// of assemble/partnership by reflection, reading the same struct tags as the
// JSON Schema (`toml` names the key, `validate` holds the rules, `doc` the
// help), and fills each field from the decoded TOML tree. A field added to
// the model therefore appears in the forms with no new code.
//
//	TOML text ─ BurntSushi/toml ─▶ map[string]any ─ Pages ─▶ []Page ─▶ html/template
//	what the user typed ─ Convert ─▶ the value to write at Field.Path (or a plain-words error)
//
// Every Field carries the TOML path of its value in the style of
// assemble/tomlindex (`partners[1].lead.name`), so the server can find the
// line to change and write the converted value there.
package form

import (
	"reflect"
	"strings"

	"mou/assemble/tomlindex"
)

// Kind is how a value is entered.
type Kind string

// The kinds of field.
const (
	KindText     Kind = "text"     // one line of text
	KindLongText Kind = "longtext" // prose: a sentence or paragraphs
	KindDate     Kind = "date"     // 2026-03-31, or "2026-03" / "2026" when Partial
	KindMoney    Kind = "money"    // pounds: 145000 or 1260.50
	KindInteger  Kind = "integer"  // a whole number
	KindNumber   Kind = "number"   // any number
	KindBoolean  Kind = "boolean"  // a tick box
	KindChoice   Kind = "choice"   // one of Choices
	KindLines    Kind = "lines"    // a list of text, one entry per line
	KindGroup    Kind = "group"    // a sub-table: its Fields
	KindList     Kind = "list"     // an array of tables: its Items
	KindMap      Kind = "map"      // a table keyed by name (section ids): its Fields
)

// Choice is one allowed value of a choice field.
type Choice struct {
	Value string // as written in the file: "local-authority"
	Label string // as shown: "Local authority"
}

// Field is one value of the data file as a form shows it.
type Field struct {
	Path      string   // TOML path of the value, tomlindex style: "partners[1].lead.name"
	Key       string   // the TOML key
	Label     string   // a plain label made from the key: "Short name"
	Help      string   // the model's description of the value (its doc tag)
	Kind      Kind     // how the value is entered
	Required  bool     // the model requires it (inside a group: when the group is given)
	Partial   bool     // date: a month ("2026-03") or a year ("2026") alone is accepted
	Choices   []Choice // choice: the allowed values
	Value     string   // the value as the input shows it; "" when not written
	Present   bool     // the value is written in the file
	Fields    []Field  // group and map: their fields
	Items     []Item   // list: one per element, in file order
	ItemLabel string   // list: what one element is called ("Partner"), for "Add partner"
	Unknown   bool     // written in the file but not part of the model (a misspelt key, say)

	elem     reflect.Type // list: the element type, for Blank
	validate string       // the validate tag, consulted by Convert
	numeric  bool         // choice: the values are whole numbers, written without quotes
}

// Item is one element of a list.
type Item struct {
	Path   string  // "partners[1]"
	Title  string  // the element's name, organisation, title, version or year, else "Partner 2"
	Fields []Field // the element's fields
}

// Page is one form: a section of the data file.
type Page struct {
	ID     string // stable, for URLs: "partners"
	Title  string // "Partners and delegates"
	Intro  string // a sentence on what the page holds
	Fields []Field
}

// Pages returns the forms for a data file's decoded tree (the TOML text
// decoded with github.com/BurntSushi/toml into map[string]any). A nil tree
// gives empty forms, for a new file.
func Pages(tree map[string]any) []Page {
	return pagesFor(modelType, tree)
}

// Lookup finds the field at path in pages, for the server's check of a
// submitted value. A path inside a list element that is not yet written
// (one past the last, after "Add partner") is found in the list's Blank
// element.
func Lookup(pages []Page, path string) (Field, bool) {
	for _, p := range pages {
		if f, ok := lookupIn(p.Fields, path); ok {
			return f, true
		}
	}
	return Field{}, false
}

func lookupIn(fields []Field, path string) (Field, bool) {
	for _, f := range fields {
		if f.Path == path {
			return f, true
		}
		// Only descend where the path can be: below this field.
		if !strings.HasPrefix(path, f.Path) {
			continue
		}
		rest := path[len(f.Path):]
		if !strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, "[") {
			continue
		}
		if g, ok := lookupIn(f.Fields, path); ok {
			return g, true
		}
		for _, it := range f.Items {
			if g, ok := lookupIn(it.Fields, path); ok {
				return g, true
			}
		}
		if f.Kind == KindList {
			if g, ok := lookupIn(f.Blank().Fields, path); ok {
				return g, true
			}
		}
	}
	return Field{}, false
}

// Blank returns the element a list shows after "Add …": its fields empty,
// its path one past the list's last element. For a field that is not a list
// it returns an empty Item.
func (f Field) Blank() Item {
	if f.Kind != KindList || f.elem == nil {
		return Item{}
	}
	i := len(f.Items)
	return item(f.elem, tomlindex.Elem(f.Path, i), i, f.ItemLabel, nil)
}
