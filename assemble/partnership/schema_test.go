package partnership

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"mou/assemble/internal/golden"
	"mou/assemble/tomlindex"
)

// TestSchemaCommitted keeps data/mou.schema.json in step with the Go types.
func TestSchemaCommitted(t *testing.T) {
	b, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "../../data/mou.schema.json", string(b)+"\n")
}

// TestStarter: the starter validates as written and shows every field.
func TestStarter(t *testing.T) {
	p, fs := Parse("starter.toml", string(starter))
	if p == nil {
		t.Fatalf("starter does not parse:\n%s", render(fs))
	}
	fs = append(fs, p.Validate(Options{Today: today})...)
	if len(fs) != 0 {
		t.Fatalf("starter has findings:\n%s", render(fs))
	}
	ix := tomlindex.Build(string(starter))
	var missing []string
	for _, path := range schemaPaths() {
		if strings.HasPrefix(path, "text.") || strings.HasPrefix(path, "local_partnerships") {
			continue // shown commented out: [text]'s keys are section ids; local partnerships are for an executive only
		}
		if _, ok := ix.Lookup(path); !ok {
			missing = append(missing, path)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("the starter file does not show these fields: %v", missing)
	}
}

// schemaPaths lists every key path of the schema, arrays as [0].
func schemaPaths() []string {
	b, _ := Schema()
	var root map[string]any
	json.Unmarshal(b, &root)
	var out []string
	var walk func(s map[string]any, prefix string)
	walk = func(s map[string]any, prefix string) {
		if items, ok := s["items"].(map[string]any); ok {
			walk(items, tomlindex.Elem(prefix, 0))
			return
		}
		props, _ := s["properties"].(map[string]any)
		for k, v := range props {
			p := tomlindex.Join(prefix, k)
			out = append(out, p)
			walk(v.(map[string]any), p)
		}
	}
	walk(root, "")
	return out
}

func TestSchemaDescribesEveryField(t *testing.T) {
	b, _ := Schema()
	var root map[string]any
	json.Unmarshal(b, &root)
	var bare []string
	var walk func(s map[string]any, prefix string)
	walk = func(s map[string]any, prefix string) {
		if items, ok := s["items"].(map[string]any); ok {
			walk(items, prefix+"[]")
		}
		props, _ := s["properties"].(map[string]any)
		for k, v := range props {
			vm := v.(map[string]any)
			if vm["description"] == nil {
				bare = append(bare, prefix+"."+k)
			}
			walk(vm, prefix+"."+k)
		}
	}
	walk(root, "")
	if len(bare) > 0 {
		t.Errorf("fields without a doc tag: %v", bare)
	}
	if _, err := os.Stat("../../data/mou.schema.json"); err != nil {
		t.Error(err)
	}
}
