"""`broker-console explain`: what a vendor's own code means, why it happens, what to do."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from gui.brokers import default_registry
from gui.cli.inputs import BROKER_IDS
from gui.cli.output import CheckOutcome, Printer, escape_controls, finish
from gui.core.native_codes import NativeCode, canonical


def add_command(commands: Any) -> None:
    explain = commands.add_parser(
        "explain",
        help="explain a broker's native code (an error number, a disconnect reason, a status)",
        description="Exit codes: 0 the code is known (its meaning, likely cause and fix are "
        "printed), 2 it is not known to the console. Without CODE: every code the console "
        "knows for the broker.",
    )
    explain.add_argument("broker", choices=BROKER_IDS)
    explain.add_argument(
        "code", nargs="?", help="as the vendor gives it: 4097, 0x1001, 401003, LOGIN_FAIL"
    )
    explain.add_argument("--json", action="store_true", help="one JSON object per line")


def run(args: argparse.Namespace, out: TextIO) -> int:
    printer = Printer(out, args.json)
    spec = default_registry().get(args.broker)
    if args.code is None:
        for entry in spec.native_codes:
            _print(printer, args.broker, entry)
        count = len(spec.native_codes)
        return finish(printer, CheckOutcome(True, 0, f"{count} codes known for {args.broker}"))
    known = spec.native_code(args.code)
    if known is None:
        reason = (
            f"{escape_controls(args.code)} is not a code the console knows for {spec.title} "
            f"(as {canonical(args.code)}). Search the vendor's documentation, or run "
            f"`broker-console explain {args.broker}` to list the known ones."
        )
        return finish(printer, CheckOutcome(False, 2, reason))
    _print(printer, args.broker, known)
    return 0


def _print(printer: Printer, broker: str, entry: NativeCode) -> None:
    confirmed = "" if entry.confirmed else "  (not confirmed by a vendor document)"
    text = "\n".join(
        (
            f"{broker} {entry.code} ({entry.vendor_text}){confirmed}",
            f"  meaning: {entry.meaning}",
            f"  likely cause: {entry.cause}",
            f"  what to do: {entry.fix}",
        )
    )
    if printer.as_json:
        printer.record(entry.to_json(broker), text)
    else:
        for line in text.splitlines():
            printer.record({}, line)
