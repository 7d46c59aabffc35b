package partnership

import (
	"os"
	"strings"
	"testing"
)

// TestLocalPartnerships: each local partnership of a pan-area executive is
// a partnership of its own — its name and area, its partners only, the
// executive's groups shared with the others, its own groups and scrutiny —
// and every path of it finds the line it was written on.
func TestLocalPartnerships(t *testing.T) {
	p, fs, err := Check(Options{Today: today}, "testdata/pan-area.toml")
	if err != nil || p == nil || fs.Errors() > 0 {
		t.Fatalf("%v\n%s", err, render(fs))
	}
	if len(p.Locals) != 2 {
		t.Fatalf("%d local partnerships", len(p.Locals))
	}
	north := p.Local(0)
	if north.Partnership.Name != "North Vale Safeguarding Children Partnership" || north.Partnership.Area != "North Vale" || north.Executive() != p {
		t.Errorf("profile %+v", north.Partnership)
	}
	var ids []string
	for _, pt := range north.Partners {
		ids = append(ids, pt.ID)
	}
	if strings.Join(ids, ",") != "north,icb,police" {
		t.Errorf("partners %v", ids)
	}
	if len(north.Subgroups) != 2 || north.Subgroups[0].SharedWith[0] != "the South Vale Safeguarding Children Partnership" || len(north.Subgroups[1].SharedWith) != 0 {
		t.Errorf("sub-groups %+v", north.Subgroups)
	}
	if north.Scrutiny == nil || north.Scrutiny.Scrutineer.Name != "Nora Scrutton" || p.Local(1).Scrutiny != nil {
		t.Errorf("scrutiny: the north's own, the south none")
	}
	// Lines: its own sub-group, its partner, its name, the shared meeting.
	for path, want := range map[string]int{
		"subgroups[1].name":   lineOf(t, "North Vale Learning Group"),
		"partners[0].lead":    lineOf(t, `lead = { name = "Ann North"`),
		"partners[1]":         lineOf(t, `id = "icb"`) - 1,
		"partnership.name":    lineOf(t, `name = "North Vale Safeguarding Children Partnership"`),
		"scrutiny.scrutineer": lineOf(t, "Nora Scrutton"),
		"meetings[0].purpose": lineOf(t, "Leads the arrangements across"),
		"partnership.edition": lineOf(t, "edition = 2023"),
	} {
		if f := north.FindingAt(Warning, "x", path, "m", ""); f.Line != want {
			t.Errorf("%s is at line %d, want %d", path, f.Line, want)
		}
	}
}

func lineOf(t *testing.T, s string) int {
	t.Helper()
	text := string(mustRead(t, "testdata/pan-area.toml"))
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q is not in the file", s)
	}
	return strings.Count(text[:i], "\n") + 1
}

// TestLocalPartnershipRules: a local partnership names partners the
// executive has, one of them a council, and an id and area of its own.
func TestLocalPartnershipRules(t *testing.T) {
	src := string(mustRead(t, "testdata/pan-area.toml"))
	for _, tt := range []struct{ old, new, rule string }{
		{`partners = ["south", "icb", "police"]`, `partners = ["sough", "icb", "police"]`, "ref.partner"},
		{`partners = ["south", "icb", "police"]`, `partners = ["icb", "police"]`, "local.no-council"},
		{`id = "south"
name = "South Vale Safeguarding`, `id = "north"
name = "South Vale Safeguarding`, "local.duplicate"},
		{`area = "South Vale"`, `area = "North Vale"`, "local.duplicate"},
	} {
		if !strings.Contains(src, tt.old) {
			t.Fatalf("no %q", tt.old)
		}
		fs := check("pan.toml", strings.Replace(src, tt.old, tt.new, 1))
		found := false
		for _, f := range fs {
			found = found || f.Rule == tt.rule && strings.HasPrefix(f.Path, "local_partnerships[1]")
		}
		if !found {
			t.Errorf("%s → %s: no %s finding:\n%s", tt.old, tt.new, tt.rule, render(fs))
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
