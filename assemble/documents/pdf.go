package documents

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ErrNoLibreOffice says how to get the converter --pdf needs.
var ErrNoLibreOffice = errors.New("--pdf converts through LibreOffice, which is not installed: " +
	"on Debian or Ubuntu run `sudo apt-get install libreoffice-writer-nogui`, " +
	"elsewhere install LibreOffice from https://www.libreoffice.org and make sure `soffice` is on the PATH")

// Soffice finds LibreOffice's command.
func Soffice() (string, error) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoLibreOffice
}

// DefaultPDFTimeout is how long LibreOffice may take for a whole build's
// documents before it is stopped (--pdf-timeout changes it).
const DefaultPDFTimeout = 5 * time.Minute

// ConvertPDF writes a PDF beside each .docx, in one LibreOffice run per
// folder (LibreOffice starts slowly), all within timeout (none when zero).
// Each PDF is converted into a temporary folder first and renamed into
// place, so a failed conversion leaves any earlier PDF untouched. A failure
// names the documents that were not converted.
func ConvertPDF(docs []string, timeout time.Duration) ([]string, error) {
	soffice, err := Soffice()
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	byDir := map[string][]string{}
	var dirs []string
	for _, d := range docs {
		dir := filepath.Dir(d)
		if byDir[dir] == nil {
			dirs = append(dirs, dir)
		}
		byDir[dir] = append(byDir[dir], d)
	}
	var out []string
	for _, dir := range dirs {
		tmp, err := os.MkdirTemp(dir, ".pdf-")
		if err != nil {
			return out, err
		}
		profile, err := os.MkdirTemp("", "mou-soffice-")
		if err != nil {
			os.RemoveAll(tmp)
			return out, err
		}
		args := append([]string{"-env:UserInstallation=" + fileURL(profile),
			"--headless", "--convert-to", "pdf", "--outdir", tmp}, byDir[dir]...)
		cmd := exec.CommandContext(ctx, soffice, args...)
		stopGroup(cmd) // LibreOffice runs as a wrapper and a child: stop both
		msg, err := cmd.CombinedOutput()
		os.RemoveAll(profile)
		if ctx.Err() != nil {
			os.RemoveAll(tmp)
			return out, fmt.Errorf("LibreOffice did not finish converting %s within %s and was stopped: "+
				"allow it longer with --pdf-timeout (e.g. --pdf-timeout 15m), or check that no LibreOffice window is waiting for an answer",
				strings.Join(byDir[dir], ", "), timeout)
		}
		if err != nil {
			os.RemoveAll(tmp)
			return out, fmt.Errorf("LibreOffice could not convert %s: %v\n%s", strings.Join(byDir[dir], ", "), err, excerptOutput(msg))
		}
		for _, d := range byDir[dir] {
			name := strings.TrimSuffix(filepath.Base(d), filepath.Ext(d)) + ".pdf"
			final := filepath.Join(dir, name)
			if err := os.Rename(filepath.Join(tmp, name), final); err != nil {
				os.RemoveAll(tmp)
				return out, fmt.Errorf("LibreOffice did not convert %s (open it in Word or LibreOffice to see why): %v\n%s", d, err, excerptOutput(msg))
			}
			out = append(out, final)
		}
		os.RemoveAll(tmp)
	}
	return out, nil
}
