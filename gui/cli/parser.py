"""The command line, built from the commands' modules: each adds its own parser."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn, Protocol, TextIO

from gui import __version__
from gui.cli import account, bundle, check, diagnose, explain, simulate, terminal_info, watch


class Command(Protocol):
    """What a command's module offers (each module satisfies it)."""

    def add_command(self, commands: Any) -> None: ...

    def run(self, args: argparse.Namespace, out: TextIO) -> int: ...


COMMANDS: dict[str, Command] = {
    "check": check,
    "diagnose": diagnose,
    "watch": watch,
    "bundle": bundle,
    "account": account,
    "simulate": simulate,
    "explain": explain,
    "terminal-info": terminal_info,
}


class UsageError(Exception):
    """A command line that cannot be understood (exit 2, with a result line)."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="broker-console", description="Broker Login Console: log in, watch, diagnose."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        nargs="?",
        const="full",
        choices=("full", "startup"),
        help="open the window offscreen, log in to the KGI simulator and out, print a report",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.add_parser("gui", help="open the console window (the default)")
    for command in COMMANDS.values():
        command.add_command(commands)
    return parser
