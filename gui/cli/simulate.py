"""`broker-console simulate`: a broker's simulator as a network server, until Ctrl-C."""

from __future__ import annotations

import argparse
import re
import signal
import sys
from typing import Any, TextIO

from gui.brokers.longport import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_TOKEN
from gui.brokers.longport.simulator import LongPortSimulator
from gui.cli.inputs import BROKER_IDS
from gui.cli.output import escape_controls


def add_command(commands: Any) -> None:
    simulate = commands.add_parser(
        "simulate",
        help="run a broker's simulator as a server",
        description="Runs until Ctrl-C or SIGTERM, which stop it (exit 0). Exit codes: 2 "
        "invalid input, 3 it cannot listen there.",
    )
    simulate.add_argument("broker", choices=BROKER_IDS)
    simulate.add_argument("--host", default="127.0.0.1")
    simulate.add_argument("--port", default="0", help="0 picks a free port")
    simulate.add_argument("--tls-cert")
    simulate.add_argument("--tls-key")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run a broker's simulator as a network server until Ctrl-C."""
    if args.broker != "longport":
        sys.stderr.write(
            f"{args.broker}: its built-in simulator runs in-process only: use the tab's "
            f"'Built-in simulator' environment or `broker-console check {args.broker} "
            "--simulator`.\n"
        )
        return 2
    if not re.fullmatch(r"[0-9]{1,5}", args.port) or int(args.port) > 65535:
        sys.stderr.write(
            f"--port must be a number from 0 to 65535 (got {escape_controls(args.port)})\n"
        )
        return 2
    if bool(args.tls_cert) != bool(args.tls_key):
        sys.stderr.write("--tls-cert and --tls-key go together\n")
        return 2

    try:
        simulator = LongPortSimulator(
            args.host, int(args.port), tls_cert=args.tls_cert, tls_key=args.tls_key
        ).start()
    except (OSError, ValueError, OverflowError) as exc:
        sys.stderr.write(f"cannot start the LongPort simulator: {exc}\n")
        return 3
    print(f"LongPort simulator listening on {simulator.url}", file=out, flush=True)
    print(f"  app key      {DEMO_APP_KEY}", file=out)
    print(f"  app secret   {DEMO_APP_SECRET}", file=out)
    print(f"  access token {DEMO_TOKEN}", file=out)
    print("It verifies every signature; Ctrl-C stops it.", file=out, flush=True)
    signal.signal(signal.SIGTERM, lambda _signum, _frame: simulator.stopping.set())
    try:
        simulator.stopping.wait()
    except KeyboardInterrupt:
        pass
    finally:
        simulator.stop()
    return 0
