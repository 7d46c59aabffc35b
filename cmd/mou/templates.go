package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"mou/assemble"
	"mou/assemble/wordtemplate"
)

func renderCommand() *cli.Command {
	return &cli.Command{
		Name:      "render",
		Usage:     "fill one Word template with any TOML data",
		ArgsUsage: "TEMPLATE.docx DATA.toml",
		Description: "Renders a template with the data as written in the TOML file, without the partnership\n" +
			"rules, so a template author can try a template alone. Nothing is written when the\n" +
			"template or the data has a problem.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "the document to write (default: out/TEMPLATE)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return usagef("render needs a template and a data file, e.g. `mou render letter.docx data.toml -o letter-out.docx`")
			}
			tmpl, dataPath := c.Args().Get(0), c.Args().Get(1)
			out := c.String("output")
			if out == "" {
				out = filepath.Join("out", filepath.Base(tmpl))
			}
			data, err := assemble.ReadData(dataPath)
			if err != nil {
				return cli.Exit(err.Error(), exitInvalid)
			}
			warnings, err := assemble.RenderTemplate(tmpl, data, out)
			for _, w := range warnings {
				fmt.Fprintln(c.App.ErrWriter, "warning: "+w)
			}
			if err != nil {
				return reportTemplateError(c, err)
			}
			fmt.Fprintf(c.App.Writer, "wrote %s\n", out)
			return nil
		},
	}
}

// reportTemplateError prints every template problem, one per line.
func reportTemplateError(c *cli.Context, err error) error {
	var es wordtemplate.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			fmt.Fprintln(c.App.ErrWriter, e.Error())
		}
		fmt.Fprintf(c.App.ErrWriter, "%d problem(s); nothing was written\n", len(es))
		return errInvalid
	}
	return cli.Exit(err.Error(), exitInvalid)
}

func templatesCommand() *cli.Command {
	return &cli.Command{
		Name:  "templates",
		Usage: "work with Word templates",
		Subcommands: []*cli.Command{{
			Name:      "lint",
			Usage:     "list each template's tags and every problem, writing nothing",
			ArgsUsage: "DIR|FILE…",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "data", Usage: "also render with this data in memory and report the fields it lacks (a partnership file gives what mou build gives)"},
				&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
				&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "problems only, not the list of tags"},
			},
			Action: func(c *cli.Context) error {
				if c.NArg() == 0 {
					return usagef("templates lint needs a template or a folder of templates")
				}
				format := c.String("format")
				if format != "text" && format != "json" {
					return usagef("--format must be text or json, not %q", format)
				}
				var data func(string) any
				if p := c.String("data"); p != "" {
					d, isPartnership, err := assemble.LintData(p)
					if err != nil {
						return cli.Exit(err.Error(), exitInvalid)
					}
					if isPartnership && format == "text" {
						fmt.Fprintf(c.App.Writer, "%s is a valid partnership: each template gets what `mou build` gives it\n", p)
					}
					data = d
				}
				reports, err := assemble.Lint(c.Args().Slice(), data)
				if err != nil {
					return cli.Exit(err.Error(), exitInvalid)
				}
				problems := 0
				for _, r := range reports {
					problems += len(r.Problems)
				}
				if format == "json" {
					enc := json.NewEncoder(c.App.Writer)
					enc.SetIndent("", "  ")
					enc.Encode(reports)
				} else {
					for _, r := range reports {
						fmt.Fprintf(c.App.Writer, "%s: %d tags, %d problems\n", r.Template, len(r.Tags), len(r.Problems))
						if !c.Bool("quiet") {
							for _, tg := range r.Tags {
								where := tg.Part
								if tg.Paragraph > 0 {
									where += fmt.Sprintf(", paragraph %d", tg.Paragraph)
								}
								fmt.Fprintf(c.App.Writer, "    %-28s %s\n", where, tg.Tag)
							}
						}
						for _, e := range r.Problems {
							fmt.Fprintf(c.App.Writer, "  problem: %s\n", e.Error())
						}
						for _, w := range r.Warnings {
							fmt.Fprintf(c.App.Writer, "  warning: %s\n", w)
						}
					}
				}
				if problems > 0 {
					return errInvalid
				}
				return nil
			},
		}},
	}
}
