package documents

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// ConvertPDF writes a PDF beside each .docx, in one LibreOffice run per
// folder (LibreOffice starts slowly). Each PDF is converted into a
// temporary folder first and renamed into place, so a failed conversion
// leaves any earlier PDF untouched.
func ConvertPDF(docs []string) ([]string, error) {
	soffice, err := Soffice()
	if err != nil {
		return nil, err
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
		args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(profile),
			"--headless", "--convert-to", "pdf", "--outdir", tmp}, byDir[dir]...)
		msg, err := exec.Command(soffice, args...).CombinedOutput()
		os.RemoveAll(profile)
		if err != nil {
			os.RemoveAll(tmp)
			return out, fmt.Errorf("LibreOffice could not convert the documents in %s: %v\n%s", dir, err, msg)
		}
		for _, d := range byDir[dir] {
			name := strings.TrimSuffix(filepath.Base(d), filepath.Ext(d)) + ".pdf"
			final := filepath.Join(dir, name)
			if err := os.Rename(filepath.Join(tmp, name), final); err != nil {
				os.RemoveAll(tmp)
				return out, fmt.Errorf("LibreOffice did not convert %s: %v\n%s", d, err, msg)
			}
			out = append(out, final)
		}
		os.RemoveAll(tmp)
	}
	return out, nil
}
