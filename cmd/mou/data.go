package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"mou/assemble/partnership"
)

func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a commented starter data file",
		ArgsUsage: "[FILE]",
		Description: "Writes a starter TOML file with every section and a comment on every field.\n" +
			"It validates as written. The file must not exist yet (default: partnership.toml).",
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("init takes one file name, got %d", c.NArg())
			}
			path := "partnership.toml"
			if c.NArg() == 1 {
				path = c.Args().First()
			}
			if err := partnership.WriteStarter(path); err != nil {
				return cli.Exit(err.Error(), exitInvalid)
			}
			fmt.Fprintf(c.App.Writer, "wrote %s: edit it, then run `mou validate %s`\n", path, path)
			return nil
		},
	}
}

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check a partnership's data and report every problem",
		ArgsUsage: "FILE|FOLDER…",
		Description: "Reads one TOML file, or a folder of TOML files merged, and reports every problem at once,\n" +
			"each with file:line, the field path and what to do. Exit status 1 when there are errors\n" +
			"(or warnings, with --strict).",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
			&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("validate needs a data file or folder, e.g. `mou validate data/herefordshire-2019.toml`")
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usagef("--format must be text or json, not %q", format)
			}
			_, findings, err := partnership.Check(partnership.Options{}, c.Args().Slice()...)
			if err != nil {
				return cli.Exit(err.Error(), exitInvalid)
			}
			if format == "json" {
				findings.WriteJSON(c.App.Writer)
			} else {
				findings.WriteText(c.App.Writer)
			}
			if findings.Failed(c.Bool("strict")) {
				return errInvalid
			}
			return nil
		},
	}
}

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "print the JSON Schema of the data file, for editors",
		Description: "Prints a JSON Schema generated from mou's data model. Save it as mou.schema.json and add\n" +
			"`#:schema ./mou.schema.json` as the first line of a data file: editors using Taplo\n" +
			"(Even Better TOML in VS Code) then complete keys and flag mistakes as you type.",
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("schema takes no arguments")
			}
			b, err := partnership.Schema()
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(c.App.Writer, string(b))
			return err
		},
	}
}
