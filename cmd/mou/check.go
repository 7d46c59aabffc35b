package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"mou/assemble/check"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check, item by item, that the documents meet the statutory guidance",
		ArgsUsage: "FILE|FOLDER…",
		Description: "For each partnership, lists every item Working Together asks of the published\n" +
			"arrangements and the yearly report, and of the partners: met (with the data field and the\n" +
			"section of the document that carry it), missing (with what to add, and where) or not\n" +
			"applicable (with why). Only the partnership's data meets an item — structured, or a\n" +
			"section's own [text] or [points] — never a template's general wording, a prompt or a\n" +
			"placeholder name such as \"TBC\". The documents are rendered in memory with the templates build\n" +
			"would use, so a section deleted from a template is found. Invalid data is not checked:\n" +
			"its errors are listed, as by validate. Exit status 1 when a must item is missing (or a\n" +
			"should item, with --strict) or the data is invalid.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
			&cli.IntFlag{Name: "edition", Usage: "check against this edition of Working Together (2018 or 2023)", DefaultText: "the data's"},
			&cli.StringFlag{Name: "templates", Usage: "a folder whose .docx files replace the default templates, as for build"},
			&cli.BoolFlag{Name: "strict", Usage: "a missing should item fails too"},
			&cli.BoolFlag{Name: "accessibility", Usage: "also check the built documents' accessibility (WCAG 2.2 AA): headings, tables, pictures, title, language, contrast, links"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("check needs a data file or folder, e.g. `mou check data/herefordshire-2019.toml`")
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usagef("--format must be text or json, not %q", format)
			}
			ed := c.Int("edition")
			if ed != 0 && ed != 2018 && ed != 2023 {
				return usagef("--edition must be 2018 or 2023, not %d", ed)
			}
			opts := check.Options{Edition: ed, Templates: c.String("templates")}
			var results []*check.Result
			failed := false
			for _, path := range c.Args().Slice() {
				rs, err := check.RunAll(path, opts)
				if err != nil {
					return cli.Exit(err.Error(), exitInvalid)
				}
				for _, r := range rs {
					failed = failed || r.Failed(c.Bool("strict"))
					if format == "text" {
						if len(results) > 0 {
							fmt.Fprintln(c.App.Writer)
						}
						r.WriteText(c.App.Writer)
					}
					results = append(results, r)
				}
			}
			if format == "json" {
				check.WriteJSON(c.App.Writer, results)
			}
			if c.Bool("accessibility") && format == "text" {
				for _, path := range c.Args().Slice() {
					found, err := check.Accessibility(path, c.String("templates"))
					if err != nil {
						return cli.Exit(err.Error(), exitInvalid)
					}
					fmt.Fprintf(c.App.Writer, "\n%s: accessibility of the documents (WCAG 2.2 AA): %d finding(s)\n", path, len(found))
					for _, f := range found {
						fmt.Fprintln(c.App.Writer, "  "+f.String())
					}
					failed = failed || len(found) > 0
				}
			}
			if failed {
				return errInvalid
			}
			return nil
		},
	}
}
