//go:build unix

// Package namedpipe makes named pipes for tests that check mou refuses to read
// them, on the systems that have them.
package namedpipe

import "syscall"

// Make creates a named pipe at path.
func Make(path string) error { return syscall.Mkfifo(path, 0o644) }
