//go:build !unix

package documents

import (
	"os/exec"
	"time"
)

// stopGroup: on Windows soffice.exe is the converter itself, which the
// default cancellation kills; WaitDelay stops waiting for its output.
func stopGroup(cmd *exec.Cmd) {
	cmd.WaitDelay = 5 * time.Second
}
