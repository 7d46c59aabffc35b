// Package names turns text from the data (an area, a signatory's name) into
// file and folder names that work on every file system mou runs on: ASCII
// letters, digits and hyphens only, never empty, never too long, never a
// name Windows reserves. Text in other scripts is transliterated where a
// table exists; what is left falls back to a stable hash, so the same
// input always gives the same name.
package names

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxPart is the longest name Slug returns, in bytes: well inside every
// file system's 255, leaving room for a prefix, a year and an extension.
const MaxPart = 60

// MaxName is the longest file or folder name Check accepts, in bytes.
const MaxName = 200

// MaxPath is the longest relative path Check accepts, in bytes, so that
// the staging folder and a deep output folder still fit in 4096 (Linux)
// and Windows's long paths.
const MaxPath = 1000

// Slug makes s a lower-case ASCII name of letters, digits and single
// hyphens, at most MaxPart bytes, cut at a hyphen where possible. It
// transliterates accented Latin, Greek, Cyrillic and Arabic letters; it
// returns "" when nothing of s can be spelt in ASCII.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	put := func(t string) {
		for _, r := range t {
			switch {
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				b.WriteRune(r)
				dash = false
			case r >= 'A' && r <= 'Z':
				b.WriteRune(unicode.ToLower(r))
				dash = false
			default:
				if !dash && b.Len() > 0 {
					b.WriteByte('-')
					dash = true
				}
			}
		}
	}
	// Decomposing splits "é" into "e" and a combining accent, which is
	// dropped: every accented Latin letter becomes its base letter.
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r < utf8.RuneSelf {
			put(string(r))
			continue
		}
		if t, ok := translit[unicode.ToLower(r)]; ok {
			put(t)
			continue
		}
		put("-")
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > MaxPart {
		out = out[:MaxPart]
		if i := strings.LastIndexByte(out, '-'); i > MaxPart/2 {
			out = out[:i]
		}
		out = strings.Trim(out, "-")
	}
	return out
}

// Hash is a short stable name for text that cannot be spelt in ASCII.
func Hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

// Folder names a partnership's output folder: its area transliterated,
// else its short name, else "partnership-" and a hash of the area.
func Folder(area, short string) string {
	if s := Slug(area); s != "" && !reserved(s) {
		return s
	}
	if s := Slug(short); s != "" && !reserved(s) {
		return s
	}
	return "partnership-" + Hash(area+"\x00"+short)
}

// Part is Slug with a fallback: a hash of s, so two different names in
// other scripts still give two different file names.
func Part(s string) string {
	if out := Slug(s); out != "" && !reserved(out) {
		return out
	}
	return Hash(s)
}

// Check reports why rel (a path relative to the output folder) cannot be
// written on every system, or nil.
func Check(rel string) error {
	if len(rel) > MaxPath {
		return fmt.Errorf("the path %s… is %d bytes long, over the limit of %d", rel[:60], len(rel), MaxPath)
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		switch {
		case part == "" || part == "." || part == "..":
			return fmt.Errorf("the path %s has an empty or relative part", rel)
		case len(part) > MaxName:
			return fmt.Errorf("the name %s… is %d bytes long, over the limit of %d", part[:60], len(part), MaxName)
		case strings.ContainsAny(part, `<>:"\|?*`) || strings.IndexFunc(part, unicode.IsControl) >= 0:
			return fmt.Errorf("the name %q holds a character Windows does not allow in file names", part)
		case strings.HasSuffix(part, ".") || strings.HasSuffix(part, " "):
			return fmt.Errorf("the name %q ends with a dot or a space, which Windows drops", part)
		case reserved(strings.SplitN(part, ".", 2)[0]):
			return fmt.Errorf("the name %q is reserved on Windows", part)
		}
	}
	return nil
}

// reserved reports a device name Windows reserves in every folder.
func reserved(s string) bool {
	switch strings.ToUpper(s) {
	case "CON", "PRN", "AUX", "NUL",
		"COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		return true
	}
	return false
}
