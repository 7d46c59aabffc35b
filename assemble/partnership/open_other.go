//go:build !unix

package partnership

import "os"

// openNoBlock opens a file for reading (Windows has no named pipes in the
// file system to block on).
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
