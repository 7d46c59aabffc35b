// Command gen writes the default templates into templates/:
//
//	go run ./templates/gen
//
// A test in package templates fails when the committed files differ from
// what this writes, so run it after changing templates/internal/build.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"mou/templates/internal/build"
)

func main() {
	dir := "templates"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	files, err := build.Files()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), files[n], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println("wrote", filepath.Join(dir, n))
	}
}
