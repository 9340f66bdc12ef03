"""`broker-console watch`: log in, stay, print every event and a health line every few
seconds (and at each change of health), reconnect with --reconnect, log out at the end.

Exit codes: 0 logged in at the end, 2 invalid input, 3 the session was lost and not recovered
(or could not connect), 4 the login (or a reconnect's) was rejected, 5 the bound was reached.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable
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
    counted,
    failed,
    finish,
    invalid,
    with_session_warnings,
)
from gui.cli.running import AFTER_LOGIN_GRACE, LOG_CLOSE_SECONDS, run_bounded, warn_of_log
from gui.cli.scheduled import run_schedule
from gui.cli.signals import EXIT_HELP, until_stopped
from gui.core.errors import BrokerFailure, InvalidSettings
from gui.core.health import Health, HealthTracker
from gui.core.metrics import ConsoleMetrics, SessionSeries
from gui.core.metrics_server import MetricsServer, parse_address
from gui.core.profiles import ProfileStore
from gui.core.registry import BrokerSpec, Environment
from gui.core.schedule import Schedule
from gui.core.schema import Schema, is_loopback
from gui.core.session import SessionState
from gui.core.session_controller import LoginRequest, SessionController
from gui.core.session_log import SessionLog
from gui.core.trading_hours import market_status

HEALTH_EVERY_SECONDS = 2.0
LOGIN_TIMEOUT = 60.0  # each login's bound (the first and every reconnect)
DEFAULT_DURATION = 60.0


def add_command(commands: Any) -> None:
    watch = commands.add_parser(
        "watch",
        help="log in and stay: events, a health line every few seconds, reconnect on a drop",
        description="Exit codes: 0 logged in at the end, 2 invalid input, 3 the session was "
        "lost and not recovered (or could not connect), 4 the login was rejected, 5 timed out, "
        f"{EXIT_HELP}.",
    )
    watch.add_argument("broker", choices=BROKER_IDS)
    add_login_arguments(watch, LOGIN_TIMEOUT)
    add_lockout_argument(watch)
    watch.add_argument(
        "--duration",
        default=str(DEFAULT_DURATION),
        metavar="SECONDS",
        help=f"how long to stay logged in (default {DEFAULT_DURATION:g})",
    )
    watch.add_argument(
        "--reconnect",
        action="store_true",
        help="log in again after a drop (backoff 1, 2, 4 … 60 s; never after a rejection)",
    )
    watch.add_argument(
        "--schedule",
        action="store_true",
        help="with --account: log in at the account's scheduled times (account save "
        "--login-at / --after-maintenance) during --duration, with its remembered passwords only",
    )
    watch.add_argument(
        "--metrics",
        metavar="HOST:PORT",
        help="serve the session's metrics for Prometheus at http://HOST:PORT/metrics (GET "
        "only); 127.0.0.1 keeps them on this machine",
    )
    watch.add_argument("--json", action="store_true", help="one JSON object per line")


def run(args: argparse.Namespace, out: TextIO) -> int:

    printer = Printer(out, args.json)
    try:
        duration = positive_seconds(args.duration, "--duration")
        login_bound = positive_seconds(args.timeout)
        if args.metrics is not None:
            parse_address(args.metrics)
    except InvalidSettings as failure:
        return finish(printer, invalid(failure), None)
    bound = duration + login_bound + AFTER_LOGIN_GRACE + 10.0  # logout and last lines
    return run_bounded(
        printer,
        bound,
        args,
        lambda masked: (_watch(args, printer, duration, login_bound, masked), None),
    )


def _watch(
    args: argparse.Namespace,
    printer: Printer,
    duration: float,
    login_bound: float,
    masked: list[str],
) -> CheckOutcome:

    if args.schedule:
        scheduled_account(args)  # invalid input before anything is read or started
    spec, environment, saved, remembered = resolve_target(args, masked, secrets=True)
    schema, values = login_values(args, spec, environment, saved, remembered)

    return asyncio.run(
        until_stopped(
            _stay(spec, environment, args, values, schema, printer, duration, login_bound)
        )
    )


async def _stay(
    spec: BrokerSpec,
    environment: Environment,
    args: argparse.Namespace,
    values: dict[str, Any],
    schema: Schema,
    printer: Printer,
    duration: float,
    login_bound: float,
) -> CheckOutcome:
    """Stay logged in through the session controller (as the window does: the same health and
    reconnect), printing events and health lines."""
    control = SessionController(spec)
    session = control.session
    session_log = SessionLog()
    session_log.attach(session)
    session.event_listeners.append(printer.event)
    tracker = control.health
    changed = asyncio.Event()

    def show(_tracker: HealthTracker | None = None) -> None:
        snapshot = tracker.snapshot()
        payload, text = snapshot.to_json(), snapshot.text()
        market = market_status(spec.venues)
        if market is not None:  # "open / closes in … / opens at …" with each health line
            payload["market"] = market.describe()
            payload["market_open"] = market.open
            text += f"  market: {market.describe()}"
        printer.record(payload, text)
        changed.set()

    tracker.listeners.append(show)
    request = LoginRequest(environment, args.scenario, values, schema, login_bound, args.account)
    exporter = None
    if args.metrics is not None:
        exporter = _serve_metrics(args.metrics, control, args.account or "", environment, printer)
    try:
        if args.schedule:
            schedule = scheduled_account(args)
            outcome = await run_schedule(
                control,
                request,
                schedule,
                printer,
                duration,
                args.reconnect,
                show,
                HEALTH_EVERY_SECONDS,
            )
        else:
            outcome = await _logged_in_until_the_end(
                control, request, args.reconnect, changed, show, duration, args.allow_lockout_risk
            )
    finally:
        await control.shutdown()
        session_log.close(LOG_CLOSE_SECONDS)
        if exporter is not None:
            exporter.stop()
    return warn_of_log(outcome, session_log, session)


def _serve_metrics(
    address: str,
    control: SessionController,
    account: str,
    environment: Environment,
    printer: Printer,
) -> MetricsServer:
    """The session's metrics on HOST:PORT for the whole watch (gui/core/metrics.py)."""
    metrics = ConsoleMetrics()
    metrics.add(SessionSeries(control.session, control.health, account, environment.value))
    host, port = parse_address(address)
    try:
        server = MetricsServer(metrics, host, port).start()
    except OSError as exc:
        raise InvalidSettings({"--metrics": f"cannot listen on {address}: {exc}"}) from None
    where = "this machine only" if is_loopback(host) else "reachable from the network"
    printer.record(
        {"kind": "metrics", "url": server.url, "loopback": is_loopback(host)},
        f"metrics at {server.url} ({where})",
    )
    return server


def scheduled_account(args: argparse.Namespace) -> Schedule:
    """The schedule of the --account that --schedule runs; invalid input when it cannot run:
    no account, a password given (scheduled logins use remembered ones only), no schedule."""
    if not args.account:
        raise InvalidSettings({"--schedule": "needs --account NAME: schedules belong to accounts"})
    if args.secrets:
        raise InvalidSettings(
            {"--secret": "a scheduled login uses the account's remembered passwords only"}
        )
    store = ProfileStore()
    if not store.has_account(args.broker, args.account):
        return Schedule()  # resolve_target says the account does not exist
    schedule = store.account(args.broker, args.account).schedule
    if not schedule.active:
        raise InvalidSettings(
            {
                "--schedule": f"account {args.account!r} has no schedule: set one with `account "
                f"save {args.broker} {args.account} --login-at HH:MM`"
            }
        )
    return schedule


async def _logged_in_until_the_end(
    control: SessionController,
    request: LoginRequest,
    reconnect: bool,
    changed: asyncio.Event,
    show: Callable[[], None],
    duration: float,
    allow_lockout_risk: bool,
) -> CheckOutcome:
    """Log in, stay for `duration` (a health line every few seconds), log out; the outcome."""

    session, tracker = control.session, control.health
    reconnector = control.reconnector if reconnect else None
    try:
        await control.login(request, reconnect=reconnect, allow_lockout_risk=allow_lockout_risk)
    except BrokerFailure as failure:
        return failed(failure, control.spec.id)
    end = time.monotonic() + duration
    while (left := end - time.monotonic()) > 0:
        changed.clear()
        try:  # asyncio.timeout: a stop (Ctrl-C) arriving with a change is never swallowed
            async with asyncio.timeout(min(HEALTH_EVERY_SECONDS, left)):
                await changed.wait()
        except TimeoutError:
            show()
        if tracker.state is Health.GAVE_UP or (
            tracker.state is Health.LOST and reconnector is None
        ):
            break
    if reconnector is not None:
        reconnector.stop()
    if session.state is SessionState.LOGGED_IN:
        outcome = CheckOutcome(
            True,
            0,
            f"logged in at the end; {counted(tracker.reconnects, 'reconnect')} after "
            f"{counted(len(tracker.drops), 'drop')}",
        )
        with_session_warnings(outcome, session)  # before the logout resets the details
        await session.logout()
        tracker.stopped()
        return outcome
    if reconnector is not None and reconnector.rejected is not None:
        rejected = reconnector.rejected
        return CheckOutcome(False, rejected.exit_code, f"{rejected.title}: {rejected.reason}")
    how = "" if reconnector is not None else " (without --reconnect)"
    return CheckOutcome(False, 3, f"the session was lost and not recovered{how}: {tracker.reason}")
