//go:build !unix

// Package namedpipe makes named pipes for tests that check mou refuses to read
// them, on the systems that have them.
package namedpipe

import "errors"

// Make reports that this system has no named pipes in its file system.
func Make(path string) error { return errors.ErrUnsupported }
