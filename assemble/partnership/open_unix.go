//go:build unix

package partnership

import (
	"os"
	"syscall"
)

// openNoBlock opens a file for reading without waiting: should a named
// pipe take the place of a checked file, opening it does not block for a
// writer (and regular then refuses it).
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
