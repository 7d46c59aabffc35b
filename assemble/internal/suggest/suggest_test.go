package suggest

import "testing"

func TestNearest(t *testing.T) {
	known := []string{"delegate", "lead", "organisation", "kind", "id"}
	for _, tt := range []struct{ in, want string }{
		{"delegat", "delegate"}, {"delgeate", "delegate"}, {"organization", "organisation"},
		{"Kind", "kind"}, {"completely-different", ""}, {"leed", "lead"},
	} {
		if got := Nearest(tt.in, known); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
