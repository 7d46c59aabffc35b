package partnership

import (
	"encoding/json"
	"reflect"
	"strings"

	"mou/assemble/internal/tags"
)

// SchemaID is the $id of the JSON Schema.
const SchemaID = "https://mou.invalid/schema/partnership.json"

// Schema returns a JSON Schema (draft 2020-12) of the data file, generated
// from the Go types and their tags, for editors that check TOML as the user
// types (Taplo / Even Better TOML).
func Schema() ([]byte, error) {
	root := schemaOf(reflect.TypeOf(Partnership{}), "")
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = SchemaID
	root["title"] = "mou partnership data"
	root["description"] = "The facts about one Safeguarding Children Partnership, from which mou builds its documents."
	if props, ok := root["properties"].(map[string]any); ok {
		if text, ok := props["text"].(map[string]any); ok {
			text["propertyNames"] = map[string]any{"enum": SectionIDs()}
		}
	}
	return json.MarshalIndent(root, "", "  ")
}

func schemaOf(t reflect.Type, validate string) map[string]any {
	switch t {
	case dateType:
		return map[string]any{
			"description": "A date: 2019-09-10 (a TOML date, no quotes), or \"2019-09\" for a month, or \"2019\" for a year.",
			"anyOf": []any{
				map[string]any{"type": "string", "format": "date"},
				map[string]any{"type": "string", "pattern": `^[0-9]{4}(-[0-9]{2})?$`},
			},
		}
	case moneyType:
		return map[string]any{"type": "number", "minimum": 0, "description": "Pounds, e.g. 133600 or 1260.50."}
	}
	s := map[string]any{}
	switch t.Kind() {
	case reflect.Pointer:
		return schemaOf(t.Elem(), validate)
	case reflect.Struct:
		props := map[string]any{}
		var required []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, ok := tags.Key(f)
			if !ok {
				continue
			}
			v := f.Tag.Get("validate")
			ps := schemaOf(f.Type, v)
			if doc := f.Tag.Get("doc"); doc != "" {
				ps["description"] = doc
			}
			props[name] = ps
			if tags.Has(v, "required") {
				required = append(required, name)
			}
		}
		s["type"] = "object"
		s["properties"] = props
		s["additionalProperties"] = false
		if len(required) > 0 {
			s["required"] = required
		}
	case reflect.Slice:
		s["type"] = "array"
		s["items"] = schemaOf(t.Elem(), "")
		if tags.Has(validate, "min=1") {
			s["minItems"] = 1
		}
	case reflect.Map:
		s["type"] = "object"
		s["additionalProperties"] = schemaOf(t.Elem(), "")
	case reflect.String:
		s["type"] = "string"
		if enum := tags.Param(validate, "oneof"); enum != "" {
			s["enum"] = strings.Fields(enum)
		}
		switch {
		case tags.Has(validate, "slug"):
			s["pattern"] = slugRE.String()
		case tags.Has(validate, "finyear"):
			s["pattern"] = finYearRE.String()
		case tags.Has(validate, "url"):
			s["format"] = "uri"
		}
	case reflect.Int:
		s["type"] = "integer"
		if enum := tags.Param(validate, "oneof"); enum != "" {
			var vals []any
			for _, f := range strings.Fields(enum) {
				var n int
				json.Unmarshal([]byte(f), &n)
				vals = append(vals, n)
			}
			s["enum"] = vals
		}
		if tags.Has(validate, "gte=0") {
			s["minimum"] = 0
		}
	case reflect.Float64:
		s["type"] = "number"
		if tags.Has(validate, "gte=0") {
			s["minimum"] = 0
		}
	case reflect.Bool:
		s["type"] = "boolean"
	}
	return s
}
