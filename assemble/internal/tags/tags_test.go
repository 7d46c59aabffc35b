package tags

import (
	"reflect"
	"testing"
)

func TestKeyHasParam(t *testing.T) {
	type m struct {
		Name    string `toml:"name,omitempty" validate:"required,oneof=a b"`
		Derived string `toml:"-"`
		Bare    string
		hidden  string `toml:"hidden"`
	}
	rt := reflect.TypeOf(m{})
	want := []struct {
		key string
		ok  bool
	}{{"name", true}, {"", false}, {"", false}, {"", false}}
	for i, w := range want {
		if k, ok := Key(rt.Field(i)); k != w.key || ok != w.ok {
			t.Errorf("field %d: Key = %q, %v; want %q, %v", i, k, ok, w.key, w.ok)
		}
	}
	v := rt.Field(0).Tag.Get("validate")
	if !Has(v, "required") || Has(v, "require") || Has(v, "oneof") {
		t.Errorf("Has on %q", v)
	}
	if Param(v, "oneof") != "a b" || Param(v, "min") != "" {
		t.Errorf("Param on %q", v)
	}
}
