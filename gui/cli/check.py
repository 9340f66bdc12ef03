"""`broker-console check`: log in, print every event, log out; the exit code tells the outcome."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import time
from typing import Any, TextIO

from gui.cli.inputs import (
    BROKER_IDS,
    add_lockout_argument,
    add_login_arguments,
    login_values,
    positive_seconds,
    resolve_target,
)
from gui.cli.output import (
    CheckOutcome,
    Printer,
    failed,
    finish,
    invalid,
    with_session_warnings,
)
from gui.cli.running import AFTER_LOGIN_GRACE, LOG_CLOSE_SECONDS, run_bounded, warn_of_log
from gui.cli.signals import EXIT_HELP, until_stopped
from gui.core.errors import BrokerFailure, InvalidSettings
from gui.core.events import BrokerEvent, EventKind, Level
from gui.core.registry import BrokerSpec
from gui.core.session import Session
from gui.core.session_controller import LoginRequest, SessionController
from gui.core.session_log import SessionLog

SERVER_TIME_WAIT = 3.0  # after login, how long `check` waits to show the clock offset


def add_command(commands: Any) -> None:
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
    add_lockout_argument(check)
    check.add_argument("--json", action="store_true", help="one JSON object per line")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Log in, print every event, log out; the whole command within --timeout (+ a grace)."""
    printer = Printer(out, args.json)
    started = time.monotonic()
    try:
        timeout = positive_seconds(args.timeout)
    except InvalidSettings as failure:
        return finish(printer, invalid(failure))
    deadline = started + timeout + AFTER_LOGIN_GRACE
    return run_bounded(
        printer, timeout, args, lambda masked: _check(args, printer, timeout, deadline, masked)
    )


def _check(
    args: argparse.Namespace, printer: Printer, timeout: float, deadline: float, masked: list[str]
) -> tuple[CheckOutcome, Session]:
    spec, environment, saved, remembered = resolve_target(args, masked, secrets=True)
    schema, values = login_values(args, spec, environment, saved, remembered)
    request = LoginRequest(environment, args.scenario, values, schema, timeout, args.account)
    login = _login_and_out(spec, request, printer, deadline, args.allow_lockout_risk)
    return asyncio.run(until_stopped(login))


async def _login_and_out(
    spec: BrokerSpec,
    request: LoginRequest,
    printer: Printer,
    deadline: float,
    allow_lockout_risk: bool,
) -> tuple[CheckOutcome, Session]:
    """Log in through the session controller (as the window does), wait for the broker's
    clock where it tells it, log out."""
    control = SessionController(spec)
    session = control.session
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
    try:
        await control.login(request, reconnect=False, allow_lockout_risk=allow_lockout_risk)
        if spec.reports_server_time:
            wait = min(SERVER_TIME_WAIT, deadline - time.monotonic() - 0.5)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(max(wait, 0.05)):  # never swallows Ctrl-C's cancel
                    await server_time.wait()
        outcome = CheckOutcome(
            True, 0, "logged in and logged out", warnings=list(warnings.values())
        )
        with_session_warnings(outcome, session)  # before the logout resets the details
        await control.logout()
    except BrokerFailure as failure:
        outcome = failed(failure, spec.id)
    finally:
        await control.shutdown()
        session_log.close(LOG_CLOSE_SECONDS)
    return warn_of_log(outcome, session_log, session), session
