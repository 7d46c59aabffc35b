package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

// The scripts ask mou itself for candidates (urfave/cli's
// --generate-bash-completion), so they never go out of date.
const bashCompletion = `# mou bash completion: source this file, or save it in /etc/bash_completion.d/mou
_mou_complete() {
  local cur words
  cur="${COMP_WORDS[COMP_CWORD]}"
  if [[ "$cur" == -* ]]; then
    # "--" would end the flags, so ask with a single dash for every flag.
    [[ "$cur" == "--" ]] && cur="-"
    words=$("${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:$COMP_CWORD-1}" "$cur" --generate-bash-completion 2>/dev/null)
    cur="${COMP_WORDS[COMP_CWORD]}"
  else
    words=$("${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:$COMP_CWORD-1}" --generate-bash-completion 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  if [[ ${#COMPREPLY[@]} -eq 0 ]]; then
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
