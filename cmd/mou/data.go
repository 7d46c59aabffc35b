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
			"It validates as written. The file must not exist yet (default: partnership.toml).\n" +
			"Beside it, mou.schema.json, the schema its first line names for editors (kept if one is there).",
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
			fmt.Fprintf(c.App.Writer, "wrote %s: edit it, then run `mou validate %s` and `mou build %s`\n", path, path, path)
			schema, wrote, err := partnership.WriteSchemaBeside(path)
			switch {
			case err != nil:
				return cli.Exit(fmt.Sprintf("%s, but not %s: %v; `mou schema > %s` writes it", path, schema, err, schema), exitInvalid)
			case wrote:
				fmt.Fprintf(c.App.Writer, "wrote %s, the schema the starter's first line names: editors with Taplo (Even Better TOML) complete keys and flag mistakes from it\n", schema)
			default:
				fmt.Fprintf(c.App.Writer, "kept the existing %s; `mou schema` prints this mou's schema if it is older\n", schema)
			}
			return nil
		},
	}
}

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check a partnership's data and report every problem",
		ArgsUsage: "FILE|FOLDER…",
		Description: "Checks each partnership — one TOML file, or a folder of TOML files merged — and reports\n" +
			"every problem at once, each with file:line, the field path and what to do. Exit status 1\n" +
			"when any partnership has errors (or warnings, with --strict).",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
			&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors"},
			&cli.StringFlag{Name: "register", Usage: "a register of reorganisations to add to mou's own, in its format (by default reorganisations.toml beside the data, when there is one)", TakesFile: true},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("validate needs a data file or folder, e.g. `mou validate data/herefordshire-2019.toml`")
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usagef("--format must be text or json, not %q", format)
			}
			// Each argument is one partnership, as for build; a partnership
			// kept in several files is a folder.
			var all partnership.Findings
			failed := false
			for i, path := range c.Args().Slice() {
				_, findings, err := partnership.Check(partnership.Options{Register: c.String("register")}, path)
				if err != nil {
					return cli.Exit(err.Error(), exitInvalid)
				}
				all = append(all, findings...)
				failed = failed || findings.Failed(c.Bool("strict"))
				if format == "text" {
					if c.NArg() > 1 {
						if i > 0 {
							fmt.Fprintln(c.App.Writer)
						}
						fmt.Fprintf(c.App.Writer, "== %s\n", path)
					}
					findings.WriteText(c.App.Writer)
				}
			}
			if format == "json" {
				if all == nil {
					all = partnership.Findings{}
				}
				all.WriteJSON(c.App.Writer)
			}
			if failed {
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

func fixEncodingCommand() *cli.Command {
	return &cli.Command{
		Name:      "fix-encoding",
		Usage:     "convert a data file saved as UTF-16 or Windows-1252 to UTF-8",
		ArgsUsage: "FILE…",
		Description: "Converts each file in place to UTF-8, the encoding mou reads, after copying the original\n" +
			"to FILE.bak (never over an existing one), and says what it did. A file already in UTF-8\n" +
			"is left alone.",
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("fix-encoding needs a data file, e.g. `mou fix-encoding partnership.toml`")
			}
			failed := false
			for _, path := range c.Args().Slice() {
				said, err := partnership.FixEncoding(path)
				if err != nil {
					fmt.Fprintln(c.App.ErrWriter, "mou: "+err.Error())
					failed = true
					continue
				}
				fmt.Fprintln(c.App.Writer, said)
			}
			if failed {
				return errInvalid
			}
			return nil
		},
	}
}
