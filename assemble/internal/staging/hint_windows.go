package staging

import (
	"errors"
	"syscall"
)

// Windows errors with no Unix twin.
const (
	errorSharingViolation syscall.Errno = 32  // another program has the file open
	errorLockViolation    syscall.Errno = 33  // part of the file is locked
	errorDiskFull         syscall.Errno = 112 // ERROR_DISK_FULL
	errorHandleDiskFull   syscall.Errno = 39  // ERROR_HANDLE_DISK_FULL
)

// osHint names Windows's own reasons for a failed step.
func osHint(err error) string {
	switch {
	case errors.Is(err, errorSharingViolation), errors.Is(err, errorLockViolation):
		return "another program (Word, a preview pane) has the file open: close it, then build again"
	case errors.Is(err, errorDiskFull), errors.Is(err, errorHandleDiskFull):
		return "the disk is full: free some space, or build into a folder on another disk with --out, then build again"
	}
	return ""
}
