package main

import (
	"github.com/urfave/cli/v2"

	"mou/assemble/fingerprint"
)

func verifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Usage:     "check that built documents are as built, and that endorsement pages match their document",
		ArgsUsage: "FILE…",
		Description: "Recomputes the fingerprint of each built document (.docx, or a PDF made from one) from its\n" +
			"content and says whether it is as built or was changed afterwards. For endorsement pages it\n" +
			"also says whether each page's version, date and fingerprint match the endorsed document:\n" +
			"one of the files given, else mou.docx or arrangements.docx (or .pdf) beside them. A\n" +
			"tracked-changes document (build --compare) is named as the changes between two fingerprints,\n" +
			"and checked: accepting every change must give the new one, rejecting every change the old.\n" +
			"PDFs are read with pdftotext (poppler-utils). Exit status 1 on any mismatch (and, with\n" +
			"--strict, for a tracked-changes document: it is not a built document), 3 when an endorsed\n" +
			"document could not be found to check against and nothing else is wrong.",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "strict", Usage: "exit 1 for a tracked-changes document too"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("verify needs a built document, e.g. `mou verify out/herefordshire/mou.docx out/herefordshire/endorsements.pdf`")
			}
			results := fingerprint.Verify(c.Args().Slice())
			fingerprint.WriteText(c.App.Writer, results)
			unchecked := false
			for _, r := range results {
				switch {
				case r.Unchecked():
					unchecked = true
				case !r.OK(), r.Redline != nil && c.Bool("strict"):
					return errInvalid
				}
			}
			if unchecked {
				return errUnchecked
			}
			return nil
		},
	}
}
