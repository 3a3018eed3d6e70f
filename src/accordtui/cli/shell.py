"""Shell completions, drawn from the command line's grammar.

bash and zsh scripts come from shtab, which reads the argparse tree; fish, which
shtab does not write, gets a short script of `complete` lines made here from the
same tree. (The man page is drawn from the tree too, by argparse-manpage, at
development time: `tests/test_cli_grammar.py` keeps `man/accordtui.1` current.)
"""

from __future__ import annotations

import argparse
import shlex

from accordtui import __version__
from accordtui.cli.grammar import build
from accordtui.cli.options import COMMANDS

SHELLS = ("bash", "zsh", "fish")


def completion_script(shell: str) -> str:
    """A script that, sourced in `shell`, completes accordtui's commands and options."""
    parser = build()
    if shell == "fish":
        return _fish(parser)
    import shtab

    return shtab.complete(parser, shell) + "\n"


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    # argparse keeps its tree in private attributes; shtab and argparse-manpage read them too.
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _fish_options(parser: argparse.ArgumentParser, condition: str) -> list[str]:
    lines = []
    for action in parser._actions:
        if not action.option_strings or action.help == argparse.SUPPRESS:
            continue
        words = [f"complete -c accordtui -n {shlex.quote(condition)}"]
        for option in action.option_strings:
            flag = "-l" if option.startswith("--") else "-s"
            words.append(f"{flag} {option.lstrip('-')}")
        if action.choices:
            words.append(f"-x -a {shlex.quote(' '.join(map(str, action.choices)))}")
        elif action.nargs != 0:
            words.append("-r")
        if action.help:
            words.append(f"-d {shlex.quote(_help_text(action))}")
        lines.append(" ".join(words))
    return lines


def _help_text(action: argparse.Action) -> str:
    """An option's help as `--help` prints it, `%(default)s` filled in."""
    return (action.help or "") % {**vars(action), "prog": "accordtui"}


def _fish(parser: argparse.ArgumentParser) -> str:
    lines = [f"# fish completion for accordtui {__version__}", "complete -c accordtui -f"]
    top = "__fish_use_subcommand"
    for name, (summary, _) in COMMANDS.items():
        lines.append(f"complete -c accordtui -n {top} -a {name} -d {shlex.quote(summary)}")
    lines.append(f"complete -c accordtui -n {top} -F")  # the default command's file
    lines += _fish_options(parser, top)
    for name, sub in _subparsers(parser).items():
        condition = f"__fish_seen_subcommand_from {name}"
        lines += _fish_options(sub, condition)
        for action in sub._actions:
            if action.option_strings:
                continue
            if action.choices:
                choices = " ".join(map(str, action.choices))
                lines.append(
                    f"complete -c accordtui -n {shlex.quote(condition)} -a {shlex.quote(choices)}"
                )
            elif action.dest in ("path", "paths"):
                lines.append(f"complete -c accordtui -n {shlex.quote(condition)} -F")
    return "\n".join(lines) + "\n"
