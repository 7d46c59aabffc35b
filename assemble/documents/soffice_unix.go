//go:build unix

package documents

import (
	"os/exec"
	"syscall"
	"time"
)

// stopGroup makes a cancelled command stop with its children: soffice is
// a script that starts soffice.bin, and killing the script alone would
// leave the converter running and holding the output pipe open.
func stopGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
}
