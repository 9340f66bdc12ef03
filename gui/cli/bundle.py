"""`broker-console bundle`: the support bundle, after diagnosing every broker with --diagnose."""

from __future__ import annotations

import argparse
import asyncio
import re
from pathlib import Path
from typing import Any, TextIO

from gui.brokers import default_registry
from gui.cli.diagnose import diagnose_all
from gui.cli.output import CheckOutcome, Printer, finish
from gui.cli.signals import EXIT_HELP
from gui.core import bundle
from gui.core.session_log import why
from gui.core.shared_files import OutputRefused, check_output


def add_command(commands: Any) -> None:
    parser = commands.add_parser(
        "bundle",
        help="write a support bundle: runtime report, session logs, diagnoses, settings",
        description="A zip for a support ticket: a manifest, the runtime report, the last days' "
        "session logs, the latest diagnosis of each broker, the non-secret settings and the "
        "console's error log. No secret is in it. Exit codes: 0 written, 2 invalid input (--out "
        f"is a folder, a device, a FIFO or a link), 1 it could not be written, {EXIT_HELP}.",
    )
    parser.add_argument("--out", required=True, metavar="FILE.zip")
    parser.add_argument("--days", default="3", help="days of session logs (default 3)")
    parser.add_argument(
        "--diagnose",
        action="store_true",
        help="diagnose every broker now (its saved settings, without logging in) first",
    )
    parser.add_argument("--json", action="store_true", help="the result as JSON")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Write the support bundle (after diagnosing every broker, with --diagnose)."""

    printer = Printer(out, args.json)
    if not re.fullmatch(r"[0-9]{1,3}", args.days) or not 1 <= int(args.days) <= 365:
        return finish(
            printer, CheckOutcome(False, 2, f"--days must be 1 to 365 (got {args.days!r})"), None
        )
    target = Path(args.out).expanduser()
    try:
        check_output(target)
    except OutputRefused as refused:
        return finish(printer, CheckOutcome(False, 2, f"--out: {refused}"), None)
    registry = default_registry()
    notes: dict[str, str] = {}
    if args.diagnose:
        notes = asyncio.run(diagnose_all(registry))
    try:
        made = bundle.build(target, registry, days=int(args.days))
    except OutputRefused as refused:
        return finish(printer, CheckOutcome(False, 2, f"--out: {refused}"), None)
    except OSError as exc:
        reason = f"The bundle could not be written ({why(exc)}); nothing was left at {target}"
        return finish(printer, CheckOutcome(False, 1, reason), None)
    notes.update({f"problem {i + 1}": text for i, text in enumerate(made.problems)})
    reason = f"support bundle {made.path} ({len(made.files)} files)"
    return finish(printer, CheckOutcome(True, 0, reason, fields=notes), None)
