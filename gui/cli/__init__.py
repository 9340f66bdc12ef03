"""`broker-console`: the GUI, and headless commands for desk support scripts and tests.

One module per command (`check`, `diagnose`, `watch`, `bundle`, `account`, `simulate`,
`explain`, `terminal-info`), each with `add_command(commands)` and `run(args, out) -> exit
code`; `output` prints, `inputs` resolves what a login is given, `running` bounds it,
`signals` ends it on Ctrl-C and SIGTERM.
Secrets are never taken from argv (other users can read the process list): `--secret
KEY=ENVVAR` names an environment variable that holds the value. Whatever happens, a command
ends with one result line (JSON with `--json`; `explain`'s is the explanation) and a
documented exit code, within its bound; never a traceback. The contract is in docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from gui.cli.inputs import BROKER_IDS, broker_help
from gui.cli.output import CheckOutcome, Printer
from gui.cli.parser import COMMANDS, UsageError, build_parser
from gui.cli.signals import Stopped, stop_on_signals
from gui.core import wall_clock

HELP_WITH_FIELDS = ("check", "diagnose", "watch")  # `COMMAND BROKER --help` lists its fields


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in arguments
    try:
        args = build_parser().parse_args(arguments)
    except UsageError as exc:
        Printer(sys.stdout, as_json).result(CheckOutcome(False, 2, f"Invalid command: {exc}"))
        return 2
    except SystemExit as done:  # --help, --version
        helped = arguments[:1] and arguments[0] in HELP_WITH_FIELDS
        if helped and {"-h", "--help"} & set(arguments) and len(arguments) > 1:
            broker = next((a for a in arguments[1:] if a in BROKER_IDS), None)
            if broker:
                sys.stdout.write(broker_help(broker))
        return int(done.code or 0)
    if args.self_test and args.command not in (None, "gui"):
        Printer(sys.stdout, as_json).result(
            CheckOutcome(False, 2, "--self-test goes with the GUI, not with a command")
        )
        return 2
    if clock_problem := wall_clock.problem():  # a schedule must not run on a misread clock
        Printer(sys.stdout, as_json).result(CheckOutcome(False, 2, clock_problem))
        return 2
    if args.command in (None, "gui"):
        from gui.ui.app import run_gui  # Qt only for the window

        return run_gui(args.self_test)
    if args.command == "simulate":
        return COMMANDS["simulate"].run(args, sys.stdout)  # until Ctrl-C, which ends it: exit 0
    stop_on_signals()
    try:
        return COMMANDS[args.command].run(args, sys.stdout)
    except Stopped as stopped:  # outside a login (reading the keyring, writing a bundle)
        outcome = CheckOutcome(False, stopped.exit_code, f"Stopped by {stopped.name}")
        Printer(sys.stdout, as_json).result(outcome)
        return stopped.exit_code
