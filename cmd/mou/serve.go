package main

import (
	"fmt"
	"os"
	"os/signal"

	"github.com/urfave/cli/v2"

	"mou/assemble/serve"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "edit, check, preview, compare, build and verify in a web browser on this computer",
		ArgsUsage: "FILE|FOLDER",
		Description: "Starts a local web app on the data file (or each data file of the folder) and prints the\n" +
			"address to open. Its forms edit the file in place, changing only the values you edit and\n" +
			"keeping your comments and layout; every problem `mou validate` finds shows beside its\n" +
			"field as you type. It also shows what the guidance asks (`mou check`), previews the\n" +
			"documents, compares with an earlier version (`mou diff`, tracked changes), builds them as\n" +
			"a zip and checks signed documents (`mou verify`). Nothing is fetched from the internet.\n\n" +
			"It listens on this computer only (127.0.0.1) unless --addr says otherwise. The address it\n" +
			"prints carries a token: only a browser that opened it can use the app. Stop it with Ctrl+C.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "host:port to listen on; port 0 picks a free one"},
			&cli.StringFlag{Name: "templates", Usage: "a folder of your own templates, as for build"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("serve needs one data file or folder, e.g. `mou serve data/herefordshire-2019.toml`; got %d arguments", c.NArg())
			}
			s, err := serve.New(serve.Config{Data: c.Args().First(), Templates: c.String("templates"), Log: c.App.ErrWriter})
			if err != nil {
				return cli.Exit("mou: "+err.Error(), exitUsage)
			}
			defer s.Close()
			ln, url, warn, err := s.Listen(c.String("addr"))
			if err != nil {
				return cli.Exit("mou: "+err.Error(), exitUsage)
			}
			if warn != "" {
				fmt.Fprintf(c.App.ErrWriter, "warning: %s\n", warn)
			}
			fmt.Fprintf(c.App.Writer, "Open this address in your browser:\n\n  %s\n\nPress Ctrl+C to stop.\n", url)
			stop := make(chan os.Signal, 1)
			signal.Notify(stop, os.Interrupt)
			go func() { <-stop; ln.Close() }()
			return s.Serve(ln)
		},
	}
}
