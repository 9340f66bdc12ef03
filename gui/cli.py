"""`broker-console`: the GUI, and headless commands for desk support scripts and tests.

Secrets are never taken from argv (other users can read the process list): `--secret KEY=ENV`
names an environment variable that holds the value.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TextIO

from gui import __version__
from gui.brokers import default_registry
from gui.core.errors import BrokerFailure, InvalidSettings, SdkUnavailable
from gui.core.events import BrokerEvent, EventKind, format_clock
from gui.core.profiles import ProfileStore
from gui.core.registry import BrokerSpec, Environment
from gui.core.schema import Schema, merge
from gui.core.session import Session

DEFAULT_TIMEOUT = 60.0  # as the GUI's bound (gui.ui.broker_tab.LOGIN_BOUND_SECONDS)
SERVER_TIME_WAIT = 3.0  # after login, how long `check` waits to show the clock offset


def build_parser() -> argparse.ArgumentParser:
    registry = default_registry()
    parser = argparse.ArgumentParser(
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", help="open the console window (the default)")

    check = commands.add_parser(
        "check",
        help="log in, print every event, log out; the exit code tells the outcome",
        description="Exit codes: 0 logged in and out cleanly, 2 invalid input, 3 could not "
        "connect (network, TLS, SDK), 4 login rejected, 5 timed out, 1 anything else.",
    )
    check.add_argument("broker", choices=registry.ids)
    check.add_argument(
        "--simulator", action="store_true", help="use the broker's built-in simulator"
    )
    check.add_argument("--scenario", default="normal", help="simulator scenario (default normal)")
    check.add_argument(
        "--set",
        dest="sets",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="fill a form field by its key",
    )
    check.add_argument(
        "--secret",
        dest="secrets",
        action="append",
        default=[],
        metavar="KEY=ENVVAR",
        help="fill a secret field from an environment variable",
    )
    check.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"upper bound for the login (default {DEFAULT_TIMEOUT:g})",
    )
    check.add_argument("--json", action="store_true", help="one JSON object per line")

    simulate = commands.add_parser("simulate", help="run a broker's simulator as a server")
    simulate.add_argument("broker", choices=registry.ids)
    simulate.add_argument("--host", default="127.0.0.1")
    simulate.add_argument("--port", type=int, default=0)
    simulate.add_argument("--tls-cert")
    simulate.add_argument("--tls-key")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test and args.command not in (None, "gui"):
        build_parser().error("--self-test goes with the GUI, not with a command")
    if args.command in (None, "gui"):
        from gui.ui.app import run_gui

        return run_gui(args.self_test)
    if args.command == "check":
        return run_check(args, sys.stdout)
    return run_simulate(args)


# -- check ---------------------------------------------------------------------------------


@dataclass
class CheckOutcome:
    ok: bool
    exit: int
    reason: str
    fields: dict[str, str] = field(default_factory=dict)


class Printer:
    """Writes events and the result as aligned text or JSON Lines."""

    def __init__(self, out: TextIO, as_json: bool) -> None:
        self.out = out
        self.as_json = as_json

    def event(self, event: BrokerEvent) -> None:
        if self.as_json:
            self._json(event.to_json_dict())
            return
        count = "" if event.count is None else str(event.count)
        line = (
            f"{format_clock(event.time)}  {event.broker:<8} {event.kind_label:<10} "
            f"{event.status:<16} {event.detail}"
        )
        if count:
            line += f"  [{count}]"
        if event.level.rank:
            line += f"  ({event.level.value})"
        self._line(line.rstrip())

    def result(self, outcome: CheckOutcome, session: Session | None) -> None:
        if self.as_json:
            payload: dict[str, Any] = {
                "kind": "result",
                "ok": outcome.ok,
                "exit": outcome.exit,
                "reason": outcome.reason,
            }
            if outcome.fields:
                payload["fields"] = outcome.fields
            if session is not None:
                payload["context"] = session.context.to_json()
            self._json(payload)
            return
        verdict = "OK" if outcome.ok else "FAILED"
        self._line(f"{verdict} (exit {outcome.exit}): {outcome.reason}")
        for key, message in outcome.fields.items():
            self._line(f"  {key}: {message}")

    def _json(self, payload: Mapping[str, Any]) -> None:
        self._line(json.dumps(payload, ensure_ascii=False))

    def _line(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()


def _assignments(items: Sequence[str], option: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise InvalidSettings({option: f"'{item}' is not KEY=VALUE"})
        out[key.strip()] = value
    return out


def collect_values(
    spec: BrokerSpec,
    environment: Environment,
    sets: Sequence[str],
    secrets: Sequence[str],
    environ: Mapping[str, str],
    store: ProfileStore,
) -> tuple[Schema, dict[str, Any]]:
    """Defaults, then saved non-secret values, then --set, then --secret (from the environment),
    and the form they resolve to."""
    given = _assignments(sets, "--set")
    named = _assignments(secrets, "--secret")
    problems: dict[str, str] = {}
    from_env: dict[str, str] = {}
    for key, variable in named.items():
        if variable not in environ:
            problems[key] = f"environment variable {variable} (for {key}) is not set"
        else:
            from_env[key] = environ[variable]
    defaults = spec.defaults(environment)
    saved = store.raw(spec.id, environment.value)
    schema = spec.schema_for(environment, merge(defaults, saved, given))
    for key in [*given, *named]:
        if key not in schema:
            problems[key] = f"unknown field for {spec.id}; fields: {', '.join(schema.keys)}"
    for key in given:
        if key in schema.secret_keys:
            problems[key] = (
                f"{key} is a secret: pass it with --secret {key}=ENVVAR, never on the command line"
            )
    if problems:
        raise InvalidSettings(problems)
    known = {key: value for key, value in defaults.items() if key in schema}
    return schema, merge(known, schema.public(saved), given, from_env)


async def check_login(
    spec: BrokerSpec,
    environment: Environment,
    scenario: str,
    values: Mapping[str, Any],
    timeout: float,
    on_event: Callable[[BrokerEvent], None],
    schema: Schema | None = None,
) -> tuple[CheckOutcome, Session]:
    session = Session(spec)
    server_time = asyncio.Event()

    def listen(event: BrokerEvent) -> None:
        on_event(event)
        if event.kind is EventKind.SERVER_TIME:
            server_time.set()

    session.event_listeners.append(listen)
    executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix=f"{spec.id}-sdk")
    try:
        driver = spec.create_driver(environment, scenario, executor)
        await session.connect(driver, values, timeout=timeout, schema=schema)
        if spec.reports_server_time:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(server_time.wait(), SERVER_TIME_WAIT)
        await session.logout()
        return CheckOutcome(True, 0, "logged in and logged out"), session
    except InvalidSettings as failure:
        fields = {key: str(problem) for key, problem in failure.field_errors.items()}
        return CheckOutcome(False, failure.exit_code, failure.title, fields), session
    except BrokerFailure as failure:
        return CheckOutcome(False, failure.exit_code, f"{failure.title}: {failure.reason}"), session
    finally:
        await session.shutdown()
        executor.shutdown(wait=False, cancel_futures=True)


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    if args.json and hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    printer = Printer(out, args.json)
    spec = default_registry().get(args.broker)
    environment = Environment.SIMULATOR if args.simulator else Environment.LIVE
    session: Session | None = None
    try:
        if not spec.available:
            raise SdkUnavailable(f"{spec.title}: not available yet. {spec.unavailable_note}")
        schema, values = collect_values(
            spec, environment, args.sets, args.secrets, os.environ, ProfileStore()
        )
        schema.validate(values)
        outcome, session = asyncio.run(
            check_login(
                spec, environment, args.scenario, values, args.timeout, printer.event, schema
            )
        )
    except InvalidSettings as failure:
        fields = {key: str(problem) for key, problem in failure.field_errors.items()}
        outcome = CheckOutcome(False, failure.exit_code, failure.title, fields)
    except BrokerFailure as failure:
        outcome = CheckOutcome(False, failure.exit_code, f"{failure.title}: {failure.reason}")
    except KeyboardInterrupt:
        outcome = CheckOutcome(False, 1, "Interrupted")
    printer.result(outcome, session)
    return outcome.exit


# -- simulate ------------------------------------------------------------------------------


def run_simulate(args: argparse.Namespace) -> int:
    """Run a broker's simulator as a network server until Ctrl-C."""
    if args.broker != "longport":
        sys.stderr.write(
            f"{args.broker}: its built-in simulator runs in-process only: use the tab's "
            f"'Built-in simulator' environment or `broker-console check {args.broker} "
            "--simulator`.\n"
        )
        return 3
    from gui.brokers.longport.simulator import (
        DEMO_APP_KEY,
        DEMO_APP_SECRET,
        DEMO_TOKEN,
        LongPortSimulator,
    )

    if bool(args.tls_cert) != bool(args.tls_key):
        sys.stderr.write("--tls-cert and --tls-key go together\n")
        return 2
    try:
        simulator = LongPortSimulator(
            args.host, args.port, tls_cert=args.tls_cert, tls_key=args.tls_key
        ).start()
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"cannot start the LongPort simulator: {exc}\n")
        return 3
    print(f"LongPort simulator listening on {simulator.url}", flush=True)
    print(f"  app key      {DEMO_APP_KEY}")
    print(f"  app secret   {DEMO_APP_SECRET}")
    print(f"  access token {DEMO_TOKEN}")
    print("It verifies every signature; Ctrl-C stops it.", flush=True)
    try:
        simulator.stopping.wait()
    except KeyboardInterrupt:
        pass
    finally:
        simulator.stop()
    return 0
