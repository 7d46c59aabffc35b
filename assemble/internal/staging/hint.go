package staging

import (
	"errors"
	"io/fs"
	"syscall"
)

// Hint says what to do about a failed file system step, or "" when there
// is nothing specific to say.
func Hint(err error) string {
	if h := osHint(err); h != "" {
		return h
	}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "the disk is full: free some space, or build into a folder on another disk with --out, then build again"
	case errors.Is(err, syscall.EDQUOT):
		return "your disk quota is used up: free some space, or build elsewhere with --out, then build again"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "a file or folder name is too long for this file system: build into a folder with a shorter path with --out"
	case errors.Is(err, syscall.EROFS):
		return "the folder is on a read-only disk: build elsewhere with --out"
	case errors.Is(err, fs.ErrPermission):
		return "you may not write there: check the folder's permissions, close any document open in Word, or build elsewhere with --out"
	case errors.Is(err, syscall.EFBIG):
		return "a file is larger than this file system or your account allows: build elsewhere with --out"
	}
	return ""
}
