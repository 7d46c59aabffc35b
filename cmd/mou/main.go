// Command mou builds a Safeguarding Children Partnership's Word documents
// from one validated TOML data file. This file only wires flags to the
// library in mou/assemble; the work happens there.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1 // the data or a template is invalid
	exitUsage   = 2 // the command line is wrong
)

// usageError marks a mistake on the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// invalid marks a run that found invalid input (already reported).
var errInvalid = errors.New("invalid input")

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	err := app.Run(args)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errInvalid):
		return exitInvalid
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "mou: %s\nRun `mou help` for usage.\n", ue.msg)
		return exitUsage
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(stderr, "mou: "+msg)
		}
		return ec.ExitCode()
	}
	fmt.Fprintln(stderr, "mou: "+err.Error())
	return exitInvalid
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:                 "mou",
		Usage:                "build a safeguarding children partnership's Word documents from one data file",
		Version:              version,
		Writer:               stdout,
		ErrWriter:            stderr,
		EnableBashCompletion: true,
		HideHelpCommand:      false,
		ExitErrHandler:       func(*cli.Context, error) {}, // main chooses the exit code
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{err.Error()}
		},
		CommandNotFound: func(c *cli.Context, name string) {
			fmt.Fprintf(stderr, "mou: no command %q. Run `mou help` for the list.\n", name)
			os.Exit(exitUsage)
		},
		Commands: []*cli.Command{
			initCommand(),
			validateCommand(),
			schemaCommand(),
			completionCommand(),
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = app.OnUsageError
	}
	return app
}
