"""``filelint completion bash|zsh|fish``: a shell completion script, built from the argument parser.

Commands, their options and the values of choice options (and ``--format``) come from the parser
itself, so a new option completes without editing this module. Install, e.g.:
``filelint completion bash > ~/.local/share/bash-completion/completions/filelint``.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any

SHELLS = ("bash", "zsh", "fish")


@dataclass(frozen=True)
class Option:
    flags: tuple[str, ...]
    help: str
    values: tuple[str, ...]  # the choices, if any
    takes_value: bool
    is_path: bool


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("completion", help="print a shell completion script (bash, zsh or fish)")
    p.add_argument("shell", choices=SHELLS)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from filelint.cli.app import build_parser

    commands = _commands(build_parser())
    script = {"bash": _bash, "zsh": _zsh, "fish": _fish}[args.shell](commands)
    print(script, end="")
    return 0


def _commands(parser: argparse.ArgumentParser) -> dict[str, tuple[str, list[Option]]]:
    """Command name -> (help, options), from the parser's sub-command action."""
    from filelint.output import formatters

    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help or "" for choice in sub._choices_actions}
    out: dict[str, tuple[str, list[Option]]] = {}
    for name, command in sub.choices.items():
        options = []
        for action in command._actions:
            if not action.option_strings or isinstance(action, argparse._HelpAction):
                continue
            values = tuple(action.choices or ())
            if action.dest == "output_format" and name == "check":  # validated later, not by argparse
                values = tuple(sorted(formatters()))
            options.append(
                Option(
                    tuple(action.option_strings),
                    _plain(action.help or ""),
                    tuple(str(v) for v in values),
                    action.nargs != 0,
                    action.type is not None and getattr(action.type, "__name__", "") == "Path",
                )
            )
        out[name] = (_plain(helps.get(name, "")), options)
    return out


def _plain(text: str) -> str:
    """Help text safe inside every shell's quotes and zsh's ``[...]``."""
    return "".join(c for c in text if c not in "'\"[]:`$\\")


def _bash(commands: dict[str, tuple[str, list[Option]]]) -> str:
    cases = []
    for name, (_, options) in commands.items():
        values = [
            f'            {flag}) COMPREPLY=($(compgen -W "{" ".join(o.values)}" -- "$cur")); return ;;'
            for o in options
            if o.values
            for flag in o.flags
        ]
        prev = ['            case "$prev" in', *values, "            esac"] if values else []
        flags = " ".join(f for o in options for f in o.flags)
        cases += [f"        {name})", *prev, f'            opts="{flags}" ;;']
    return "\n".join(
        [
            "# bash completion for filelint (filelint completion bash)",
            "_filelint() {",
            '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" opts=""',
            '    if [ "$COMP_CWORD" -eq 1 ]; then',
            f'        COMPREPLY=($(compgen -W "{" ".join(commands)} --help --version" -- "$cur")); return',
            "    fi",
            '    case "${COMP_WORDS[1]}" in',
            *cases,
            "    esac",
            '    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur"));',
            '    else COMPREPLY=($(compgen -f -- "$cur")); fi',
            "}",
            "complete -o filenames -o bashdefault -F _filelint filelint",
            "",
        ]
    )


def _zsh(commands: dict[str, tuple[str, list[Option]]]) -> str:
    described = " ".join(f"'{name}:{text}'" for name, (text, _) in commands.items())
    cases = []
    for name, (_, options) in commands.items():
        specs = " ".join(_zsh_spec(flag, o) for o in options for flag in o.flags)
        cases.append(f"    {name}) _arguments {specs} '*:path:_files' ;;")
    return "\n".join(
        [
            "#compdef filelint",
            "# zsh completion for filelint (filelint completion zsh)",
            "_filelint() {",
            f"  local -a commands; commands=({described})",
            "  if (( CURRENT == 2 )); then _describe command commands; _files; return; fi",
            "  shift words; (( CURRENT-- ))",
            "  case $words[1] in",
            *cases,
            "  esac",
            "}",
            'if [ "$funcstack[1]" = "_filelint" ]; then _filelint "$@"; else compdef _filelint filelint; fi',
            "",
        ]
    )


def _zsh_spec(flag: str, option: Option) -> str:
    if not option.takes_value:
        return f"'{flag}[{option.help}]'"
    action = f"({' '.join(option.values)})" if option.values else ("_files" if option.is_path else " ")
    return f"'{flag}[{option.help}]:value:{action}'"


def _fish(commands: dict[str, tuple[str, list[Option]]]) -> str:
    lines = ["# fish completion for filelint (filelint completion fish)", "complete -c filelint -f"]
    lines += [
        f"complete -c filelint -n __fish_use_subcommand -a {name} -d '{text}'" for name, (text, _) in commands.items()
    ]
    for name, (_, options) in commands.items():
        for o in options:
            parts = [f"complete -c filelint -n '__fish_seen_subcommand_from {name}'"]
            parts += [f"-l {f[2:]}" if f.startswith("--") else f"-s {f[1:]}" for f in o.flags]
            if o.takes_value:
                parts.append("-r" + (" -F" if o.is_path else ""))
            if o.values:
                parts.append(f"-a '{' '.join(o.values)}'")
            parts.append(f"-d '{o.help}'")
            lines.append(" ".join(parts))
        lines.append(f"complete -c filelint -n '__fish_seen_subcommand_from {name}' -F")
    return "\n".join(lines) + "\n"
