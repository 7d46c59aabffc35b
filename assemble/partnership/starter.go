package partnership

import (
	_ "embed"

	"mou/assemble/internal/atomicfile"
)

//go:embed starter.toml
var starter []byte

// Starter returns the commented starter data file: every section, a comment
// on every field, valid as written.
func Starter() []byte { return append([]byte(nil), starter...) }

// WriteStarter writes the starter file to path; it refuses to overwrite an
// existing file.
func WriteStarter(path string) error { return atomicfile.Create(path, starter, 0o644) }
