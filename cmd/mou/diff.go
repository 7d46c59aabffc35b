package main

import (
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"mou/assemble/diff"
	"mou/assemble/partnership"
)

func diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "list what changed between two versions of a partnership's data",
		ArgsUsage: "OLD NEW",
		Description: "Compares two versions of a partnership (each a TOML file or a folder of TOML files) and\n" +
			"lists every change in plain English, grouped by section in the documents' order: partners\n" +
			"added, removed, renamed or succeeded, representatives, funding with the difference in\n" +
			"pounds, the edition of Working Together, and every other field.\n\n" +
			"Each version is checked as `mou validate` checks it. Its errors are printed first, on the\n" +
			"standard error, and the comparison still runs on the data as written (with --strict, a\n" +
			"version with errors or warnings stops it). --history prints a [[history]] entry for NEW.\n\n" +
			"Exit status, as for diff(1): 0 when nothing changed, 1 when something did, 2 when the\n" +
			"command line is wrong or a version cannot be read.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
			&cli.BoolFlag{Name: "history", Usage: "print a ready [[history]] entry recording the changes, to paste into NEW"},
			&cli.BoolFlag{Name: "strict", Usage: "refuse to compare a version with errors or warnings"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return usagef("diff needs two versions, e.g. `mou diff data/herefordshire-2019.toml data/herefordshire-2024.toml`; got %d arguments", c.NArg())
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usagef("--format must be text or json, not %q", format)
			}
			if format == "json" && c.Bool("history") {
				return usagef("--history prints TOML: leave out --format json")
			}
			var versions [2]*partnership.Partnership
			for i, path := range c.Args().Slice() {
				p, findings, err := partnership.Check(partnership.Options{}, path)
				if err != nil {
					return cli.Exit(err.Error(), exitUsage)
				}
				strict := c.Bool("strict")
				if p == nil || findings.Failed(strict) {
					shown := findings
					if !strict {
						shown = errorsOnly(findings)
					}
					fmt.Fprintf(c.App.ErrWriter, "%s, as `mou validate` reports it:\n", path)
					shown.WriteText(c.App.ErrWriter)
					if p == nil || strict {
						return cli.Exit(fmt.Sprintf("cannot compare %s: correct it first", path), exitUsage)
					}
					fmt.Fprintf(c.App.ErrWriter, "(the comparison uses %s as written)\n\n", path)
				}
				versions[i] = p
			}
			rep := diff.Partnerships(versions[0], versions[1])
			w := c.App.Writer
			switch {
			case c.Bool("history") && rep.Empty():
				fmt.Fprintln(c.App.ErrWriter, "no changes: there is nothing for a [[history]] entry to record")
			case c.Bool("history"):
				fmt.Fprint(w, rep.HistoryText(time.Now()))
			case format == "json":
				if err := rep.WriteJSON(w); err != nil {
					return err
				}
			default:
				if !rep.Empty() {
					fmt.Fprintf(w, "Changes from %s to %s\n\n", c.Args().Get(0), c.Args().Get(1))
				}
				if err := rep.WriteText(w); err != nil {
					return err
				}
			}
			if !rep.Empty() {
				return cli.Exit("", 1) // as diff(1): the versions differ
			}
			return nil
		},
	}
}

func errorsOnly(fs partnership.Findings) partnership.Findings {
	var out partnership.Findings
	for _, f := range fs {
		if f.Severity == partnership.Error {
			out = append(out, f)
		}
	}
	return out
}
