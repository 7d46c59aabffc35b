package names

import (
	"strings"
	"testing"
)

func TestFolder(t *testing.T) {
	for _, tt := range []struct{ area, short, want string }{
		{"Herefordshire", "", "herefordshire"},
		{"Westmorland and Furness", "", "westmorland-and-furness"},
		{"Brighton & Hove", "", "brighton-hove"},
		{"Ynys Môn", "", "ynys-mon"},
		{"Rhondda Cynon Taf / Rhondda Cynon Taff", "", "rhondda-cynon-taf-rhondda-cynon-taff"},
		{"Straße", "", "strasse"},
		{"Москва", "", "moskva"},
		{"Αθήνα", "", "athina"},
		{"برمنغهام", "", "brmnghham"},
		{"東京", "TKY", "tky"},
		{"東京", "", "partnership-" + Hash("東京\x00")},
		{"CON", "", "partnership-" + Hash("CON\x00")},
		{"   ", "", "partnership-" + Hash("   \x00")},
	} {
		if got := Folder(tt.area, tt.short); got != tt.want {
			t.Errorf("Folder(%q, %q) = %q, want %q", tt.area, tt.short, got, tt.want)
		}
	}
}

func TestSlugIsShortAndSafe(t *testing.T) {
	long := strings.Repeat("Very Long Area Name ", 5000)
	s := Slug(long)
	if len(s) > MaxPart || s == "" || strings.HasSuffix(s, "-") || Check(s) != nil {
		t.Errorf("Slug of a long name: %q", s)
	}
	if Slug(long) != s {
		t.Error("not stable")
	}
	if Part("東京") == Part("大阪") || Part("東京") == "" {
		t.Error("two names in another script gave the same file name")
	}
}

func TestCheck(t *testing.T) {
	for rel, bad := range map[string]bool{
		"herefordshire/mou.docx":                 false,
		"a/" + strings.Repeat("x", 201) + ".pdf": true,
		"a/con.docx":                             true,
		"a/b?.docx":                              true,
		"a/b.":                                   true,
		"../x.docx":                              true,
		strings.Repeat("abcdefghi/", 101):        true,
	} {
		if err := Check(rel); (err != nil) != bad {
			t.Errorf("Check(%.40q) = %v", rel, err)
		}
	}
}
