"""`broker-console`: the GUI, and headless commands for desk support scripts and tests.

Secrets are never taken from argv (other users can read the process list): `--secret KEY=ENV`
names an environment variable that holds the value. Whatever happens, a command ends with one
result line (JSON with `--json`) and a documented exit code, within its bound; never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from gui import __version__
from gui.cli_signals import EXIT_HELP

if TYPE_CHECKING:
    from gui.core.diagnosis import Step
    from gui.core.events import BrokerEvent
    from gui.core.session import Session
    from gui.core.session_log import SessionLog

DEFAULT_TIMEOUT = 60.0  # as the GUI's bound (gui.core.login.LOGIN_BOUND_SECONDS)
DIAGNOSE_TIMEOUT = 30.0  # as gui.core.login.DIAGNOSIS_BOUND_SECONDS
SERVER_TIME_WAIT = 3.0  # after login, how long `check` waits to show the clock offset
EXIT_GRACE = 1.8  # past the bound, the process ends even if a cleanup hangs
AFTER_LOGIN_GRACE = 0.8  # the clock check and logout may use this much past the bound
LOG_CLOSE_SECONDS = 0.5  # writing the session log's last lines
BROKER_IDS = ("kgi", "longport", "hundsun", "kingdom", "rootnet", "vnpy")

# Control characters would forge lines or drive the terminal (ESC, BEL) in text output.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


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

    check = commands.add_parser(
        "check",
        help="log in, print every event, log out; the exit code tells the outcome",
        description="Exit codes: 0 logged in and out cleanly, 2 invalid input, 3 could not "
        "connect (network, TLS, SDK, driver crash, driver process could not start), 4 login "
        "rejected, 5 timed out, 6 the broker answered with an error (rate limit, server "
        f"error), 1 anything else, {EXIT_HELP}.",
        epilog="Fields (--set KEY=VALUE; secrets only with --secret KEY=ENVVAR): run "
        "`broker-console check BROKER --help`.",
    )
    check.add_argument("broker", choices=BROKER_IDS)
    add_login_arguments(check)
    check.add_argument("--json", action="store_true", help="one JSON object per line")

    diagnose = commands.add_parser(
        "diagnose",
        help="find where the connection to a broker breaks, phase by phase",
        description="For every endpoint in the broker's settings: dns, tcp, tls, proxy, http, "
        "clock; then the vendor SDK; with --login a real login and logout. Exit codes: 0 every "
        "step passed, 2 invalid input, 3 a network, TLS, clock or SDK step failed, 4 the broker "
        f"refused the login, {EXIT_HELP}.",
    )
    diagnose.add_argument("broker", choices=BROKER_IDS)
    add_login_arguments(diagnose, DIAGNOSE_TIMEOUT)
    diagnose.add_argument("--login", action="store_true", help="also log in and out for real")
    diagnose.add_argument("--json", action="store_true", help="one JSON object per line")

    bundle = commands.add_parser(
        "bundle",
        help="write a support bundle: runtime report, session logs, diagnoses, settings",
        description="A zip for a support ticket: a manifest, the runtime report, the last days' "
        "session logs, the latest diagnosis of each broker, the non-secret settings and the "
        "console's error log. No secret is in it. Exit codes: 0 written, 2 invalid input (--out "
        f"is a folder, a device, a FIFO or a link), 1 it could not be written, {EXIT_HELP}.",
    )
    bundle.add_argument("--out", required=True, metavar="FILE.zip")
    bundle.add_argument("--days", default="3", help="days of session logs (default 3)")
    bundle.add_argument(
        "--diagnose",
        action="store_true",
        help="diagnose every broker now (its saved settings, without logging in) first",
    )
    bundle.add_argument("--json", action="store_true", help="the result as JSON")

    from gui.cli_accounts import add_account_commands
    from gui.cli_watch import add_watch_command

    add_watch_command(commands, BROKER_IDS)
    add_account_commands(commands)

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
    return parser


def add_login_arguments(command: argparse.ArgumentParser, timeout: float = DEFAULT_TIMEOUT) -> None:
    command.add_argument(
        "--simulator", action="store_true", help="use the broker's built-in simulator"
    )
    command.add_argument(
        "--scenario", help="simulator scenario (default: the account's, else normal)"
    )
    command.add_argument(
        "--account",
        metavar="NAME",
        help="use a saved account: its environment (unless --simulator), values and remembered "
        "passwords; --set and --secret still override",
    )
    command.add_argument(
        "--set",
        dest="sets",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="fill a form field by its key",
    )
    command.add_argument(
        "--secret",
        dest="secrets",
        action="append",
        default=[],
        metavar="KEY=ENVVAR",
        help="fill a secret field from an environment variable",
    )
    command.add_argument(
        "--timeout",
        default=str(timeout),
        metavar="SECONDS",
        help=f"upper bound for the whole command, in seconds (default {timeout:g})",
    )


def broker_help(broker: str) -> str:
    """The fields `--set` fills, from the broker's schema (what `check BROKER --help` adds)."""
    from gui.brokers import default_registry
    from gui.core.registry import Environment

    spec = default_registry().get(broker)
    lines = [f"\nFields of {broker} (--set KEY=VALUE; secret ones only with --secret KEY=ENVVAR):"]
    for fld in spec.schema_for(Environment.LIVE, {}):
        marks = [fld.kind.value, *(["required"] if fld.required else [])]
        if fld.default is not None:
            marks.append(f"default {fld.default!r}")
        lines.append(f"  {fld.key:<28} {fld.label} ({', '.join(marks)})")
        if fld.help:
            lines.append(f"  {'':<28} {fld.help}")
    if spec.scenarios:
        lines.append("\nSimulator scenarios (--simulator --scenario ID):")
        lines.extend(f"  {s.id:<28} {s.help}" for s in spec.scenarios)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in arguments
    try:
        args = build_parser().parse_args(arguments)
    except UsageError as exc:
        Printer(sys.stdout, as_json).result(CheckOutcome(False, 2, f"Invalid command: {exc}"))
        return 2
    except SystemExit as done:  # --help, --version
        helped = arguments[:1] in (["check"], ["diagnose"], ["watch"])
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
    if args.command in (None, "gui"):
        from gui.launch import quiet_stdout_end
        from gui.ui.app import run_gui

        return quiet_stdout_end(run_gui(args.self_test))
    if args.command == "simulate":
        return run_simulate(args)  # runs until Ctrl-C, which ends it normally (exit 0)
    from gui.cli_signals import Stopped, stop_on_signals

    stop_on_signals()
    try:
        return run_command(args)
    except Stopped as stopped:  # outside a login (reading the keyring, writing a bundle)
        outcome = CheckOutcome(False, stopped.exit_code, f"Stopped by {stopped.name}")
        Printer(sys.stdout, as_json).result(outcome)
        return stopped.exit_code


def run_command(args: argparse.Namespace) -> int:
    """One headless command (not the GUI, not simulate); its exit code."""
    if args.command == "check":
        return run_check(args, sys.stdout)
    if args.command == "diagnose":
        return run_check(args, sys.stdout, diagnosis=True)
    if args.command == "bundle":
        return run_bundle(args, sys.stdout)
    if args.command == "watch":
        from gui.cli_watch import run_watch

        return run_watch(args, sys.stdout)
    if args.command == "account":
        from gui.cli_accounts import run_account

        return run_account(args, sys.stdout)
    raise AssertionError(f"not a command: {args.command}")


# -- output --------------------------------------------------------------------------------


@dataclass
class CheckOutcome:
    ok: bool
    exit: int
    reason: str
    fields: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    cls: str | None = None  # a diagnosis' first failing class


def escape_controls(text: str) -> str:
    """Line breaks, ESC, BEL and the like as visible escapes: one event, one line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def safe_json(payload: Mapping[str, Any]) -> str:
    """JSON that always encodes: lone surrogates (invalid UTF-8 in a value) become escapes."""
    text = json.dumps(payload, ensure_ascii=False, default=str)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class Printer:
    """Writes events and the one result line, as aligned text or JSON Lines; thread-safe (the
    bound's watchdog may write the result while the command is still printing)."""

    def __init__(self, out: TextIO, as_json: bool) -> None:
        self.out = out
        self.as_json = as_json
        self.lock = threading.Lock()
        self.done = False
        self.classified = False  # a diagnosis: the result line names the first failing class
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8", errors="backslashreplace")

    def event(self, event: BrokerEvent) -> None:
        from gui.core.events import format_clock

        if self.as_json:
            self._line(safe_json(event.to_json_dict()))
            return
        count = "" if event.count is None else str(event.count)
        line = (
            f"{format_clock(event.time)}  {event.broker:<8} {event.kind_label:<10} "
            f"{escape_controls(event.status):<16} {escape_controls(event.detail)}"
        )
        if count:
            line += f"  [{count}]"
        if event.level.rank:
            line += f"  ({event.level.value})"
        self._line(line.rstrip())

    def record(self, payload: Mapping[str, Any], text: str) -> None:
        """One line of a listing: the payload as JSON, or the text (controls escaped)."""
        self._line(safe_json(payload) if self.as_json else escape_controls(text))

    def step(self, step: Step) -> None:
        if self.as_json:
            self._line(safe_json(step.to_json()))
        else:
            for line in step.text().splitlines():
                self._line(escape_controls(line))

    def result(self, outcome: CheckOutcome, session: Session | None = None) -> bool:
        """The last line; False when one was already written."""
        with self.lock:
            if self.done:
                return False
            self.done = True
        if self.as_json:
            payload: dict[str, Any] = {
                "kind": "result",
                "ok": outcome.ok,
                "exit": outcome.exit,
                "reason": outcome.reason,
            }
            if self.classified:
                payload["class"] = outcome.cls
            if outcome.fields:
                payload["fields"] = outcome.fields
            if outcome.warnings:
                payload["warnings"] = outcome.warnings
            if session is not None and not self.classified:
                payload["context"] = session.context.to_json()
            self._line(safe_json(payload), final=True)
            return True
        verdict = "OK" if outcome.ok else "FAILED"
        named = f"{outcome.cls}: " if outcome.cls else ""
        lines = [f"{verdict} (exit {outcome.exit}): {named}{escape_controls(outcome.reason)}"]
        lines += [f"  warning: {escape_controls(text)}" for text in outcome.warnings]
        lines += [f"  {key}: {escape_controls(msg)}" for key, msg in outcome.fields.items()]
        for line in lines:
            self._line(line, final=True)
        return True

    def _line(self, text: str, *, final: bool = False) -> None:
        with self.lock:
            if self.done and not final:
                return
            try:
                self.out.write(text + "\n")
                self.out.flush()
            except (BrokenPipeError, ValueError):  # the reader went away (| head)
                pass


# -- check ---------------------------------------------------------------------------------


def positive_seconds(text: str, option: str = "--timeout") -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0 or seconds > 86_400:
        from gui.core.errors import InvalidSettings

        raise InvalidSettings({option: f"'{text}' is not a number of seconds above 0"})
    return seconds


def assignments(items: Sequence[str], option: str) -> dict[str, str]:
    from gui.core.errors import InvalidSettings

    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InvalidSettings({option: f"'{escape_controls(item)}' is not KEY=VALUE"})
        out[key.strip()] = value
    return out


def collect_values(
    spec: Any,
    environment: Any,
    sets: Sequence[str],
    secrets: Sequence[str],
    environ: Mapping[str, str],
    saved: Mapping[str, Any],
    remembered: Mapping[str, str] | None = None,
) -> tuple[Any, dict[str, Any]]:
    """Defaults, then saved non-secret values, then --set, then remembered secrets, then
    --secret (from the environment), and the form they resolve to."""
    from gui.core.errors import InvalidSettings
    from gui.core.login import layered_values

    given = assignments(sets, "--set")
    named = assignments(secrets, "--secret")
    problems: dict[str, str] = {}
    from_env: dict[str, str] = {}
    for key, variable in named.items():
        if variable not in environ:
            problems[key] = f"environment variable {variable} (for {key}) is not set"
        else:
            from_env[key] = environ[variable]
    schema, values = layered_values(
        spec, environment, saved, {**given, **(remembered or {}), **from_env}
    )
    for key in given:
        if key in schema.secret_keys:
            problems[key] = (
                f"{key} is a secret: pass it with --secret {key}=ENVVAR, never on the command line"
            )
    for key in [*given, *named]:
        if key not in schema:
            problems[key] = f"unknown field for {spec.id}; the fields are: {', '.join(schema.keys)}"
    if problems:  # every problem at once: the known fields' values are checked too
        known = {key: value for key, value in values.items() if key in schema}
        for key, problem in schema.problems(known).items():
            problems.setdefault(key, str(problem))
        raise InvalidSettings(problems)
    return schema, values


def require_secrets(
    schema: Any, values: Mapping[str, Any], broker: str, account: str | None
) -> None:
    """A required secret neither given nor remembered: say how to give it (exit 2)."""
    from gui.core.errors import InvalidSettings

    missing = {
        fld.key: f"{fld.key} is needed: give it with --secret {fld.key}=ENVVAR"
        + (
            f", or remember it with `broker-console account save {broker} {account} "
            f"--secret {fld.key}=ENVVAR --remember`"
            if account
            else ""
        )
        for fld in schema
        if fld.secret and fld.required and not values.get(fld.key)
    }
    if missing:
        raise InvalidSettings(missing)


def run_check(args: argparse.Namespace, out: TextIO, *, diagnosis: bool = False) -> int:
    """Log in, print every event, log out (or, for `diagnose`, every step of a diagnosis); the
    whole command within --timeout (+ a grace)."""
    started = time.monotonic()
    printer = Printer(out, args.json)
    printer.classified = diagnosis
    from gui.core.errors import InvalidSettings

    try:
        timeout = positive_seconds(args.timeout)
    except InvalidSettings as failure:
        return _finish(printer, _invalid(failure), None)
    deadline = started + timeout + AFTER_LOGIN_GRACE
    return run_bounded(
        printer,
        timeout,
        args,
        lambda masked: _check(args, printer, timeout, deadline, diagnosis, masked),
    )


def run_bounded(
    printer: Printer,
    bound: float,
    args: argparse.Namespace,
    command: Callable[[list[str]], tuple[CheckOutcome, Session | None]],
) -> int:
    """Run a login command within `bound` (+ a grace, then the process ends) and turn every
    way it can end into the one result line; `command` gets the secrets to mask in it, and
    adds those it learns (remembered ones)."""
    from gui.cli_signals import Stopped
    from gui.core.errors import BrokerFailure, InvalidSettings

    secrets_env = [var for _, _, var in (s.partition("=") for s in args.secrets) if var]
    masked = [os.environ[var] for var in secrets_env if os.environ.get(var)]
    watchdog = threading.Timer(bound + EXIT_GRACE, _bound_reached, (printer, bound))
    watchdog.daemon = True
    watchdog.start()
    session: Session | None = None
    try:
        outcome, session = command(masked)
    except InvalidSettings as failure:
        outcome = _invalid(failure)
    except BrokerFailure as failure:
        outcome = CheckOutcome(False, failure.exit_code, f"{failure.title}: {failure.reason}")
    except Stopped as stopped:  # the login (if any) was logged out first
        outcome = CheckOutcome(False, stopped.exit_code, f"Stopped by {stopped.name}")
    except Exception as exc:  # never a traceback: the result says what happened, masked
        from gui.core.redaction import Redactor

        text = Redactor(masked).text(f"{type(exc).__name__}: {exc}")
        outcome = CheckOutcome(False, 1, f"Unexpected error: {text}")
    watchdog.cancel()
    return _finish(printer, outcome, session)


def _invalid(failure: Any) -> CheckOutcome:
    fields = {key: str(problem) for key, problem in failure.field_errors.items()}
    return CheckOutcome(False, failure.exit_code, failure.title, fields)


def _finish(printer: Printer, outcome: CheckOutcome, session: Session | None) -> int:
    printer.result(outcome, session)
    return outcome.exit


def _bound_reached(printer: Printer, timeout: float) -> None:
    """The whole command took longer than its bound: say so and end the process now (a vendor
    call may hold a thread forever)."""
    printer.result(
        CheckOutcome(False, 5, f"Timed out: the command did not end within {timeout:g} s")
    )
    sys.stderr.flush()
    os._exit(5)


def _check(
    args: argparse.Namespace,
    printer: Printer,
    timeout: float,
    deadline: float,
    diagnosis: bool,
    masked: list[str],
) -> tuple[CheckOutcome, Session]:
    import asyncio

    spec, environment, saved, remembered = resolve_target(
        args, masked, secrets=not diagnosis or args.login
    )
    from gui.cli_signals import until_stopped

    if diagnosis:
        return asyncio.run(
            until_stopped(_diagnose(spec, environment, args, saved, remembered, printer, timeout))
        )
    schema, values = login_values(args, spec, environment, saved, remembered)
    return asyncio.run(
        until_stopped(
            _login_and_out(
                spec, environment, args.scenario, values, schema, printer, timeout, deadline
            )
        )
    )


def resolve_target(
    args: argparse.Namespace, masked: list[str], *, secrets: bool
) -> tuple[Any, Any, dict[str, Any], dict[str, str]]:
    """The broker, its environment (args.scenario is resolved too), the saved values of the
    account (or the last used one) and, when `secrets` are needed, the account's remembered
    passwords (added to `masked`); invalid input raises before anything starts."""
    from gui.brokers import default_registry
    from gui.core.profiles import ProfileStore

    spec = default_registry().get(args.broker)
    store = ProfileStore()
    environment, args.scenario = account_environment(store, spec.id, args)
    saved = store.raw(spec.id, environment.value, args.account)
    if store.problem:
        sys.stderr.write(store.problem + "\n")
    if not spec.available:
        from gui.core.errors import SdkUnavailable

        raise SdkUnavailable(f"{spec.title}: not available yet. {spec.unavailable_note}")
    spec.check_scenario(environment, args.scenario)
    remembered: dict[str, str] = {}
    if args.account and secrets:
        from gui.core.accounts import Accounts

        given = assignments(args.secrets, "--secret")
        remembered = Accounts(store).remembered_secrets(
            spec.id, args.account, environment.value, skip=given
        )
        masked.extend(value for value in remembered.values() if value)
    return spec, environment, saved, remembered


def login_values(
    args: argparse.Namespace,
    spec: Any,
    environment: Any,
    saved: Mapping[str, Any],
    remembered: Mapping[str, str],
) -> tuple[Any, dict[str, Any]]:
    """The validated form for a login: every needed secret given or remembered."""
    schema, values = collect_values(
        spec, environment, args.sets, args.secrets, os.environ, saved, remembered
    )
    require_secrets(schema, values, spec.id, args.account)
    schema.validate(values)
    return schema, values


def account_environment(store: Any, broker: str, args: argparse.Namespace) -> tuple[Any, str]:
    """The environment and scenario: --simulator and --scenario, else the account's (live and
    normal without one). An --account that does not exist is invalid input."""
    from gui.core.errors import InvalidSettings
    from gui.core.registry import Environment

    saved_env, saved_scenario = "", ""
    if args.account:
        if not store.has_account(broker, args.account):
            names = ", ".join(a.name for a in store.accounts(broker)) or "none yet"
            raise InvalidSettings(
                {"--account": f"{broker} has no account {args.account!r} (its accounts: {names})"}
            )
        account = store.account(broker, args.account)
        saved_env, saved_scenario = account.environment, account.scenario
    if args.simulator:
        environment = Environment.SIMULATOR
    else:
        environment = Environment(saved_env or Environment.LIVE.value)
    return environment, args.scenario or saved_scenario or "normal"


async def _login_and_out(
    spec: Any,
    environment: Any,
    scenario: str,
    values: Mapping[str, Any],
    schema: Any,
    printer: Printer,
    timeout: float,
    deadline: float,
) -> tuple[CheckOutcome, Session]:
    import asyncio
    import contextlib

    from gui.core.errors import BrokerFailure
    from gui.core.events import EventKind, Level
    from gui.core.login import LoginController
    from gui.core.session import Session
    from gui.core.session_log import SessionLog

    session = Session(spec)
    session_log = SessionLog()
    session_log.attach(session)
    server_time = asyncio.Event()
    warnings: dict[str, str] = {}

    def listen(event: BrokerEvent) -> None:
        printer.event(event)
        if event.kind is EventKind.SERVER_TIME:
            server_time.set()
            if event.level is Level.WARNING:
                warnings["clock"] = event.text
            else:
                warnings.pop("clock", None)

    session.event_listeners.append(listen)
    controller = LoginController(spec)
    try:
        await controller.login(
            session, environment, scenario, values, schema=schema, timeout=timeout
        )
        if spec.reports_server_time:
            wait = min(SERVER_TIME_WAIT, deadline - time.monotonic() - 0.5)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(max(wait, 0.05)):  # never swallows Ctrl-C's cancel
                    await server_time.wait()
        await session.logout()
        outcome = CheckOutcome(
            True, 0, "logged in and logged out", warnings=list(warnings.values())
        )
    except BrokerFailure as failure:
        outcome = CheckOutcome(False, failure.exit_code, f"{failure.title}: {failure.reason}")
    finally:
        await session.shutdown()
        session_log.close(LOG_CLOSE_SECONDS)
    return warn_of_log(outcome, session_log, session), session


async def _diagnose(
    spec: Any,
    environment: Any,
    args: argparse.Namespace,
    saved: Mapping[str, Any],
    remembered: Mapping[str, str],
    printer: Printer,
    timeout: float,
) -> tuple[CheckOutcome, Session]:
    """Every step as it comes, then the verdict naming the first failing class; the latest
    diagnosis is kept in the log folder for a support bundle."""
    from gui.core import diagnosis as verdict
    from gui.core.errors import SdkUnavailable
    from gui.core.login import LoginController
    from gui.core.session import DIAGNOSIS_STATUS, Session
    from gui.core.session_log import SessionLog, save_diagnosis

    session = Session(spec)
    session_log = SessionLog()
    session_log.attach(session)
    session.step_listeners.append(printer.step)
    try:
        schema, values = collect_values(
            spec, environment, args.sets, args.secrets, os.environ, saved, remembered
        )
        if args.login:
            require_secrets(schema, values, spec.id, args.account)
    except SdkUnavailable as failure:  # vnpy: the gateway's module is not installed
        LoginController(spec).sdk_step(session, failure)
    else:
        if args.login:  # the login's events; the steps print as steps
            session.event_listeners.append(
                lambda event: None if event.status == DIAGNOSIS_STATUS else printer.event(event)
            )
        try:
            await LoginController(spec).diagnose(
                session, environment, args.scenario, values, login=args.login, timeout=timeout
            )
        finally:
            await session.shutdown()
    session_log.close(LOG_CLOSE_SECONDS)
    steps = session.diagnosis
    not_kept = save_diagnosis(spec.id, environment.value, steps)
    first = verdict.first_failure(steps)
    if first is None:
        reason = f"all {len(steps)} steps passed"
        outcome = CheckOutcome(True, 0, reason, warnings=_warnings(steps))
    else:
        reason = f"{first.step} {first.target}: {first.detail} — {first.fix}"
        outcome = CheckOutcome(False, verdict.exit_code(steps), reason, cls=first.cls)
    return warn_of_log(outcome, session_log, session, not_kept), session


def warn_of_log(
    outcome: CheckOutcome, session_log: SessionLog, session: Session, *more: str
) -> CheckOutcome:
    """A session log (the console's or its worker's) or a diagnosis that could not be written
    is said on stderr and in the result's warnings, once; the command's outcome stands."""
    from gui.core.session_log import LOG_PROBLEM_DETAIL

    worker_said = session.info.details.get(LOG_PROBLEM_DETAIL, "")
    for text in dict.fromkeys((session_log.problem, worker_said, *more)):
        if text and text not in outcome.warnings:
            outcome.warnings.append(text)
            sys.stderr.write(f"warning: {text}\n")
    return outcome


def _warnings(steps: Sequence[Step]) -> list[str]:
    return [f"{step.step} {step.target}: {step.detail}" for step in steps if step.level == "warn"]


# -- bundle --------------------------------------------------------------------------------


def run_bundle(args: argparse.Namespace, out: TextIO) -> int:
    """Write the support bundle (after diagnosing every broker, with --diagnose)."""
    from pathlib import Path

    from gui.brokers import default_registry
    from gui.core import bundle
    from gui.core.session_log import why
    from gui.core.shared_files import OutputRefused, check_output

    printer = Printer(out, args.json)
    if not re.fullmatch(r"[0-9]{1,3}", args.days) or not 1 <= int(args.days) <= 365:
        return _finish(
            printer, CheckOutcome(False, 2, f"--days must be 1 to 365 (got {args.days!r})"), None
        )
    target = Path(args.out).expanduser()
    try:
        check_output(target)
    except OutputRefused as refused:
        return _finish(printer, CheckOutcome(False, 2, f"--out: {refused}"), None)
    registry = default_registry()
    notes: dict[str, str] = {}
    if args.diagnose:
        import asyncio

        notes = asyncio.run(diagnose_all(registry))
    try:
        made = bundle.build(target, registry, days=int(args.days))
    except OutputRefused as refused:
        return _finish(printer, CheckOutcome(False, 2, f"--out: {refused}"), None)
    except OSError as exc:
        reason = f"The bundle could not be written ({why(exc)}); nothing was left at {target}"
        return _finish(printer, CheckOutcome(False, 1, reason), None)
    notes.update({f"problem {i + 1}": text for i, text in enumerate(made.problems)})
    reason = f"support bundle {made.path} ({len(made.files)} files)"
    return _finish(printer, CheckOutcome(True, 0, reason, fields=notes), None)


async def diagnose_all(registry: Any) -> dict[str, str]:
    """Every broker diagnosed side by side with its saved settings (its last environment), no
    login; each one's latest diagnosis is kept for the bundle. Returns a verdict per broker."""
    import asyncio

    from gui.core.diagnosis import first_failure
    from gui.core.errors import BrokerFailure
    from gui.core.login import LoginController, layered_values
    from gui.core.profiles import ProfileStore
    from gui.core.registry import Environment
    from gui.core.session import Session
    from gui.core.session_log import save_diagnosis

    store = ProfileStore()

    async def one(spec: Any) -> str:
        environment = Environment(store.broker(spec.id).get("environment") or "live")
        scenario = str(store.broker(spec.id).get("scenario") or "normal")
        session = Session(spec)
        try:
            _schema, values = layered_values(
                spec, environment, store.raw(spec.id, environment.value), {}
            )
            steps = await LoginController(spec).diagnose(session, environment, scenario, values)
        except BrokerFailure as failure:
            return f"not diagnosed ({environment.value}): {failure.reason}"
        finally:
            await session.shutdown()
        not_kept = save_diagnosis(spec.id, environment.value, steps)
        first = first_failure(steps)
        verdict = "all steps passed" if first is None else f"{first.cls} at {first.step}"
        return f"{verdict} ({environment.value})" + (f"; {not_kept}" if not_kept else "")

    specs = [spec for spec in registry if spec.available]
    verdicts = await asyncio.gather(*(one(spec) for spec in specs))
    return {spec.id: verdict for spec, verdict in zip(specs, verdicts, strict=True)}


# -- simulate ------------------------------------------------------------------------------


def run_simulate(args: argparse.Namespace) -> int:
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
    from gui.brokers.longport import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_TOKEN
    from gui.brokers.longport.simulator import LongPortSimulator

    try:
        simulator = LongPortSimulator(
            args.host, int(args.port), tls_cert=args.tls_cert, tls_key=args.tls_key
        ).start()
    except (OSError, ValueError, OverflowError) as exc:
        sys.stderr.write(f"cannot start the LongPort simulator: {exc}\n")
        return 3
    print(f"LongPort simulator listening on {simulator.url}", flush=True)
    print(f"  app key      {DEMO_APP_KEY}")
    print(f"  app secret   {DEMO_APP_SECRET}")
    print(f"  access token {DEMO_TOKEN}")
    print("It verifies every signature; Ctrl-C stops it.", flush=True)
    signal.signal(signal.SIGTERM, lambda _signum, _frame: simulator.stopping.set())
    try:
        simulator.stopping.wait()
    except KeyboardInterrupt:
        pass
    finally:
        simulator.stop()
    return 0
