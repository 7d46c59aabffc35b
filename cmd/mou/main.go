// Command mou builds a Safeguarding Children Partnership's Word documents
// from one validated TOML data file. This file only wires flags to the
// library in mou/assemble; the work happens there.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1 // the data or a template is invalid
	exitUsage   = 2 // the command line is wrong
	// exitUnchecked is mou verify's when something could not be checked
	// (an endorsed document neither given nor found) and nothing checked
	// is wrong.
	exitUnchecked = 3
)

// usageError marks a mistake on the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// invalid marks a run that found invalid input (already reported).
var errInvalid = errors.New("invalid input")

// errUnchecked marks a verify run that could not check everything.
var errUnchecked = errors.New("could not check")

func main() {
	// A build allocates far more than it keeps (each document's text goes
	// through several passes and into its package), so the collector runs
	// at twice the usual heap growth unless GOGC says otherwise: a tenth
	// less processor time for a national build, whose peak stays near
	// 80 MB, and a template at the package limits under 600 MB
	// (bench/national.sh, go run ./bench/worstcase).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	if completeFlagValue(app, args, stdout) {
		return exitOK
	}
	args, err := flagsFirst(app, args)
	if err == nil {
		err = app.Run(args)
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errInvalid):
		return exitInvalid
	case errors.Is(err, errUnchecked):
		return exitUnchecked
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

// flagsFirst lets flags follow the arguments (`mou render t.docx d.toml -o
// out.docx`): urfave/cli stops reading flags at the first argument, so the
// command's flags, with their values, are moved in front of its arguments.
// A flag that needs a value but ends the line, or is followed by another
// flag, is a usage error naming it (rather than taking the next argument,
// or none, and failing with a message about something else).
func flagsFirst(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	cmds := app.Commands
	i := 1
	var cmd *cli.Command
	for i < len(args) {
		var next *cli.Command
		for _, c := range cmds {
			if c.HasName(args[i]) {
				next = c
			}
		}
		if next == nil {
			break
		}
		cmd, cmds, i = next, next.Subcommands, i+1
	}
	if cmd == nil {
		return args, nil
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, rest []string
	for j := i; j < len(args); j++ {
		a := args[j]
		if a == "--" {
			rest = append(rest, args[j:]...)
			break
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 && a != "--generate-bash-completion" {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if takesValue[name] && !strings.Contains(name, "=") {
				if j+1 >= len(args) || isFlag(args[j+1], takesValue) {
					return nil, usagef("%s needs a value, e.g. `%s %s`: see `mou %s --help`", a, a, example(cmd, name), cmd.Name)
				}
				flags = append(flags, args[j+1])
				j++
			}
			continue
		}
		rest = append(rest, a)
	}
	out := append([]string(nil), args[:i]...)
	out = append(out, flags...)
	return append(out, rest...), nil
}

// isFlag reports whether a is one of the command's flags (with or without
// a value attached), so `--out --pdf` is read as --out missing its value.
func isFlag(a string, known map[string]bool) bool {
	if !strings.HasPrefix(a, "-") || a == "-" {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	_, ok := known[name]
	return ok || name == "help" || name == "h"
}

// example is a value to show in a missing-value message: the flag's
// default when it has one.
func example(cmd *cli.Command, name string) string {
	if vs := flagValues()[name]; len(vs) > 0 {
		return strings.Join(vs, "` or `"+"--"+name+" ")
	}
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			if d, ok := f.(cli.DocGenerationFlag); ok && d.GetValue() != "" {
				return d.GetValue()
			}
		}
	}
	return strings.ToUpper(name)
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
			fixEncodingCommand(),
			checkCommand(),
			buildCommand(),
			verifyCommand(),
			diffCommand(),
			schemaCommand(),
			renderCommand(),
			templatesCommand(),
			serveCommand(),
			completionCommand(),
		},
	}
	var setUsage func(cs []*cli.Command)
	setUsage = func(cs []*cli.Command) {
		for _, c := range cs {
			c.OnUsageError = app.OnUsageError
			setUsage(c.Subcommands)
		}
	}
	setUsage(app.Commands)
	return app
}
