package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"mou/assemble/documents"
	"mou/assemble/partnership"
)

// The scripts ask mou itself for candidates (urfave/cli's
// --generate-bash-completion), so they never go out of date.
const bashCompletion = `# mou bash completion: source this file, or save it in /etc/bash_completion.d/mou
_mou_complete() {
  local cur words prefix=""
  cur="${COMP_WORDS[COMP_CWORD]}"
  if [[ "$cur" == -* ]]; then
    # "--" would end the flags, so ask with a single dash for every flag.
    [[ "$cur" == "--" ]] && cur="-"
    words=$("${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:$COMP_CWORD-1}" "$cur" --generate-bash-completion 2>/dev/null)
    cur="${COMP_WORDS[COMP_CWORD]}"
  else
    words=$("${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:$COMP_CWORD-1}" --generate-bash-completion 2>/dev/null)
    # A list of values (--only mou,report): complete the part after the last comma.
    if [[ "$cur" == *,* && -n "$words" ]]; then
      prefix="${cur%,*},"
      cur="${cur##*,}"
    fi
  fi
  COMPREPLY=($(compgen -P "$prefix" -W "$words" -- "$cur"))
  # Files, unless the word is the value of a flag mou gave values for.
  if [[ ${#COMPREPLY[@]} -eq 0 ]] && [[ -z "$words" || "${COMP_WORDS[COMP_CWORD-1]}" != -* ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _mou_complete mou
`

const zshCompletion = `#compdef mou
# mou zsh completion: save as _mou in a folder on $fpath
_mou() {
  local -a opts
  opts=("${(@f)$(${words[1]} ${words[@]:1:$CURRENT-2} --generate-bash-completion 2>/dev/null)}")
  if [[ ${#opts[@]} -gt 0 && -n "${opts[1]}" ]]; then
    _describe 'values' opts
  else
    _files
  fi
}
compdef _mou mou
`

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script (bash or zsh)",
		ArgsUsage: "bash|zsh",
		Description: "bash: mou completion bash > /etc/bash_completion.d/mou\n" +
			"zsh:  mou completion zsh > \"${fpath[1]}/_mou\"",
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "bash":
				fmt.Fprint(c.App.Writer, bashCompletion)
			case "zsh":
				fmt.Fprint(c.App.Writer, zshCompletion)
			default:
				return usagef("completion needs a shell: bash or zsh")
			}
			return nil
		},
	}
}

// flagValues are the values of the flags that take one of a few, which
// completion offers instead of file names.
func flagValues() map[string][]string {
	var editions []string
	for year := range partnership.Editions {
		editions = append(editions, strconv.Itoa(year))
	}
	sort.Strings(editions)
	return map[string][]string{
		"edition": editions,
		"format":  {"text", "json"},
		"only":    documents.Kinds,
	}
}

// completeFlagValue answers the shell's request for candidates when the
// word being completed is a flag's value (`mou check --edition <TAB>`):
// the flag's values when it has a few, nothing (so the shell offers files)
// when it takes a path. urfave/cli would read the request as the flag's
// value, or offer the command's flags. ok is false for any other request,
// which urfave/cli answers.
func completeFlagValue(app *cli.App, args []string, w io.Writer) bool {
	n := len(args)
	if n < 3 || args[n-1] != "--generate-bash-completion" {
		return false
	}
	prev := args[n-2]
	if !strings.HasPrefix(prev, "-") || strings.Contains(prev, "=") {
		return false
	}
	cmd := commandOf(app.Commands, args[1:n-2])
	if cmd == nil {
		return false
	}
	name := strings.TrimLeft(prev, "-")
	for _, f := range cmd.Flags {
		if _, isBool := f.(*cli.BoolFlag); isBool {
			continue
		}
		for _, fn := range f.Names() {
			if fn == name {
				for _, v := range flagValues()[name] {
					fmt.Fprintln(w, v)
				}
				return true
			}
		}
	}
	return false
}

// commandOf finds the (sub)command args name, reading command names from
// the start and skipping the rest.
func commandOf(cmds []*cli.Command, args []string) *cli.Command {
	var found *cli.Command
	for _, a := range args {
		var next *cli.Command
		for _, c := range cmds {
			if c.HasName(a) {
				next = c
			}
		}
		if next == nil {
			break
		}
		found, cmds = next, next.Subcommands
	}
	return found
}
