//go:build !windows

package staging

// osHint: the Unix errors are all named in Hint.
func osHint(error) string { return "" }
