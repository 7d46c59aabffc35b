// Package dirhash records a folder's whole contents, so tests can show a
// failed build left the output folder byte for byte as it was.
package dirhash

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Tree maps every file under dir (slash-separated, relative) to a hash of
// its contents, and every folder (with a trailing slash) to "folder".
func Tree(dir string) (map[string]string, error) {
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			out[rel+"/"] = "folder"
			return nil
		}
		b, err := os.ReadFile(p)
		out[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		return err
	})
	return out, err
}

// Diff lists what differs between two trees: changed, missing and new
// entries, sorted; none when they are the same.
func Diff(got, want map[string]string) []string {
	var out []string
	for k, v := range want {
		if g, ok := got[k]; !ok {
			out = append(out, k+" went missing")
		} else if g != v {
			out = append(out, k+" changed")
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			out = append(out, k+" appeared")
		}
	}
	sort.Strings(out)
	return out
}
