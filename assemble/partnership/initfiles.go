package partnership

import (
	"os"
	"path/filepath"

	"mou/assemble/internal/atomicfile"
)

// SchemaFile is the schema the starter file names on its first line
// (`#:schema ./mou.schema.json`), for editors that complete keys and flag
// mistakes as one types.
const SchemaFile = "mou.schema.json"

// WriteSchemaBeside writes the data file's JSON Schema as SchemaFile in the
// folder of the data file at path, so the starter's first line points at a
// file that exists. An existing schema is kept, never overwritten: it may
// be one a team keeps for its own copy of mou. It returns the schema's path
// and whether it was written.
func WriteSchemaBeside(path string) (string, bool, error) {
	schemaPath := filepath.Join(filepath.Dir(path), SchemaFile)
	if _, err := os.Lstat(schemaPath); err == nil {
		return schemaPath, false, nil
	}
	b, err := Schema()
	if err != nil {
		return schemaPath, false, err
	}
	if err := atomicfile.Create(schemaPath, append(b, '\n'), 0o644); err != nil {
		return schemaPath, false, err
	}
	return schemaPath, true, nil
}
