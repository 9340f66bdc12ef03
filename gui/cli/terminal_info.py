"""`broker-console terminal-info`: what a login would send about this machine, before it does.

Reads this machine and the account's saved values only: nothing is sent anywhere."""

from __future__ import annotations

import argparse
import os
from typing import Any, TextIO

from gui.brokers import default_registry
from gui.cli.inputs import BROKER_IDS, collect_values, resolve_target
from gui.cli.output import CheckOutcome, Printer, escape_controls, finish, invalid
from gui.core.errors import BrokerFailure, InvalidSettings
from gui.core.terminal_info import TerminalField, problems
from gui.core.text_width import pad


def add_command(commands: Any) -> None:
    command = commands.add_parser(
        "terminal-info",
        help="show the terminal information (穿透式 / station fields) a login would send",
        description="Each field as the login would send it, where it comes from, whether the "
        "broker needs it, and what looks wrong (empty, a placeholder, a virtual machine's). "
        "Without BROKER: every broker that sends terminal information. Nothing is sent. Exit "
        "codes: 0 nothing looks wrong, 1 a field the broker needs looks wrong, 2 invalid input.",
    )
    command.add_argument("broker", nargs="?", choices=BROKER_IDS)
    command.add_argument(
        "--simulator", action="store_true", help="the values of the simulator environment"
    )
    command.add_argument("--account", metavar="NAME", help="the values of a saved account")
    command.add_argument(
        "--set", dest="sets", action="append", default=[], metavar="KEY=VALUE",
        help="a form field's value, as with check",
    )  # fmt: skip
    command.add_argument("--json", action="store_true", help="one JSON object per line")


def run(args: argparse.Namespace, out: TextIO) -> int:
    printer = Printer(out, args.json)
    registry = default_registry()
    brokers = [args.broker] if args.broker else [s.id for s in registry if s.terminal_info]
    shown: list[TerminalField] = []
    try:
        for broker in brokers:
            shown += _preview(printer, args, broker)
    except InvalidSettings as failure:
        return finish(printer, invalid(failure))
    except BrokerFailure as failure:
        return finish(printer, CheckOutcome(False, failure.exit_code, failure.reason))
    if not shown:
        title = registry.get(brokers[0]).title if brokers else "No broker"
        return finish(printer, CheckOutcome(True, 0, f"{title} sends no terminal information"))
    needed = [f for f in problems(shown) if f.required]
    warnings = [f"{f.name}: {f.problem}" for f in problems(shown)]
    reason = (
        f"{len(shown)} fields; {len(needed)} the broker needs look wrong"
        if needed
        else f"{len(shown)} fields; nothing the broker needs looks wrong"
    )
    return finish(printer, CheckOutcome(not needed, 1 if needed else 0, reason, warnings=warnings))


def _preview(printer: Printer, args: argparse.Namespace, broker: str) -> list[TerminalField]:
    """One broker's fields, printed; values as the account (or the last used form) holds
    them, with its remembered secrets (shown masked) when an account is named."""
    scoped = argparse.Namespace(**{**vars(args), "broker": broker, "scenario": None, "secrets": []})
    masked: list[str] = []
    spec, environment, saved, remembered = resolve_target(scoped, masked, secrets=True)
    if spec.terminal_info is None:
        return []
    schema, values = collect_values(spec, environment, args.sets, [], os.environ, saved, remembered)
    fields: list[TerminalField] = spec.terminal_info(
        {**schema.defaults(), **values}
    )  # a default goes out as well
    for field in fields:
        needed = "needed" if field.required else "optional"
        flag = f"  <- {field.problem}" if field.problem else ""
        value = escape_controls(field.value) or "(empty)"
        text = (
            f"{broker:<8} {pad(field.name, 34)} {pad(value, 40)} [{needed}; {field.source}]{flag}"
        )
        printer.record(field.to_json(broker), text)
    return fields
