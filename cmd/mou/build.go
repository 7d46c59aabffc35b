package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"mou/assemble/documents"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "build a partnership's Word documents",
		ArgsUsage: "FILE|FOLDER…",
		Description: "Checks each partnership's data (a TOML file, or a folder of TOML files merged) and builds\n" +
			"its Memorandum of Understanding, arrangements, yearly report skeleton and endorsement\n" +
			"pages into OUT/<area>/. Several partnerships build at once. Any problem in any data file\n" +
			"or template stops the build before a single file is written; a build that fails while\n" +
			"writing (a full disk, LibreOffice failing) leaves OUT exactly as it was.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Value: "out", Usage: "the folder to write into"},
			&cli.StringFlag{Name: "only", Usage: "build only these documents: a comma-separated list of mou, arrangements, report, endorsements"},
			&cli.BoolFlag{Name: "split-endorsements", Usage: "also write one endorsement file per signatory"},
			&cli.StringFlag{Name: "templates", Usage: "a folder of templates replacing the defaults of the same file name"},
			&cli.BoolFlag{Name: "pdf", Usage: "also convert each document to PDF with LibreOffice"},
			&cli.DurationFlag{Name: "pdf-timeout", Value: documents.DefaultPDFTimeout, Usage: "stop LibreOffice if converting the whole build takes longer, e.g. 15m"},
			&cli.BoolFlag{Name: "strict", Usage: "treat data warnings as errors"},
			&cli.StringFlag{Name: "register", Usage: "a register of reorganisations to add to mou's own, in its format (by default reorganisations.toml beside the data, when there is one)", TakesFile: true},
			&cli.StringFlag{Name: "compare", Usage: "an earlier version's data file or folder: also write each document's tracked changes against it, as <name>-changes.docx"},
			&cli.BoolFlag{Name: "review", Usage: "also write each document's review copy, <name>-review.docx: a Word comment on every paragraph saying which data (file and line) or which law it comes from"},
			&cli.BoolFlag{Name: "html", Usage: "also write the HTML edition of the MOU, the arrangements and the yearly report, <name>.html: one accessible web page each, with the same words and fingerprint, to upload as it is"},
			&cli.BoolFlag{Name: "final", Usage: "refuse to write while a section of the yearly report has no data (a placeholder remains), naming each"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only problems"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("build needs a data file or folder, e.g. `mou build data/herefordshire-2019.toml`")
			}
			if c.String("compare") != "" && c.NArg() != 1 {
				return usagef("--compare compares one partnership with its earlier version: give one data file or folder, e.g. `mou build data/herefordshire-2024.toml --compare data/herefordshire-2019.toml`")
			}
			only, err := documents.ParseKinds(c.String("only"))
			if err != nil {
				return usagef("--only: %v", err)
			}
			if c.Bool("pdf") {
				// Say so before anything is built, not after the .docx files.
				if _, err := documents.Soffice(); err != nil {
					return cli.Exit(err.Error(), exitInvalid)
				}
			}
			opts := documents.Options{
				Out: c.String("out"), Only: only, SplitEndorsements: c.Bool("split-endorsements"),
				Templates: c.String("templates"), Strict: c.Bool("strict"), Register: c.String("register"), Compare: c.String("compare"), Warnings: c.App.ErrWriter,
				Review: c.Bool("review"), HTML: c.Bool("html"),
			}
			if !c.Bool("quiet") {
				opts.Progress = c.App.Writer
			}
			build := documents.Build
			if c.Bool("final") {
				build = documents.BuildFinal
			}
			wopts := documents.WriteOptions{PDF: c.Bool("pdf"), PDFTimeout: c.Duration("pdf-timeout")}
			if c.Bool("pdf") && !c.Bool("quiet") && stderrIsTerminal() {
				// LibreOffice takes a while: say what it is doing, on a
				// terminal only, so piped output stays as it was.
				wopts.PDFProgress = c.App.ErrWriter
			}
			written, err := build(c.Args().Slice(), opts, wopts)
			var fail *documents.Failure
			if errors.As(err, &fail) {
				fail.WriteText(c.App.ErrWriter)
				return errInvalid
			}
			if err != nil {
				return cli.Exit(err.Error(), exitInvalid)
			}
			if !c.Bool("quiet") {
				for _, p := range written {
					fmt.Fprintf(c.App.Writer, "wrote %s\n", p)
				}
			}
			return nil
		},
	}
}

// stderrIsTerminal reports whether the standard error is a terminal (a
// character device) rather than a pipe or a file.
func stderrIsTerminal() bool {
	st, err := os.Stderr.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
