"""`broker-console diagnose`: where the connection to a broker breaks, phase by phase; the
verdict names the first failing class. Also every broker at once, for `bundle --diagnose`."""

from __future__ import annotations

import argparse
import asyncio
import os
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from gui.cli.inputs import (
    BROKER_IDS,
    add_login_arguments,
    collect_values,
    positive_seconds,
    require_secrets,
    resolve_target,
)
from gui.cli.output import CheckOutcome, Printer, finish, invalid
from gui.cli.running import LOG_CLOSE_SECONDS, run_bounded, warn_of_log
from gui.cli.signals import EXIT_HELP, until_stopped
from gui.core import diagnosis as verdict
from gui.core.diagnosis import Step, first_failure
from gui.core.errors import BrokerFailure, InvalidSettings, SdkUnavailable
from gui.core.login import LoginController, layered_values
from gui.core.profiles import ProfileStore
from gui.core.registry import Environment
from gui.core.session import DIAGNOSIS_STATUS, Session
from gui.core.session_controller import SessionController
from gui.core.session_log import SessionLog, save_diagnosis

DIAGNOSE_TIMEOUT = 30.0  # as gui.core.login.DIAGNOSIS_BOUND_SECONDS


def add_command(commands: Any) -> None:
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


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Every step of a diagnosis as it comes, then the verdict; within --timeout."""
    printer = Printer(out, args.json)
    printer.classified = True
    try:
        timeout = positive_seconds(args.timeout)
    except InvalidSettings as failure:
        return finish(printer, invalid(failure))
    return run_bounded(printer, timeout, args, lambda masked: _run(args, printer, timeout, masked))


def _run(
    args: argparse.Namespace, printer: Printer, timeout: float, masked: list[str]
) -> tuple[CheckOutcome, Session]:
    spec, environment, saved, remembered = resolve_target(args, masked, secrets=args.login)
    diagnosis = _diagnose(spec, environment, args, saved, remembered, printer, timeout)
    return asyncio.run(until_stopped(diagnosis))


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

    control = SessionController(spec)
    session = control.session
    session_log = SessionLog()
    session_log.attach(session)
    session.step_listeners.append(printer.step)
    not_kept = ""
    try:
        schema, values = collect_values(
            spec, environment, args.sets, args.secrets, os.environ, saved, remembered
        )
        if args.login:
            require_secrets(schema, values, spec.id, args.account)
    except SdkUnavailable as failure:  # vnpy: the gateway's module is not installed
        steps = LoginController(spec).sdk_step(session, failure)
        not_kept = save_diagnosis(spec.id, environment.value, steps)
    else:
        if args.login:  # the login's events; the steps print as steps
            session.event_listeners.append(
                lambda event: None if event.status == DIAGNOSIS_STATUS else printer.event(event)
            )
        try:
            diagnosed = await control.diagnose(
                environment, args.scenario, values, login=args.login, timeout=timeout
            )
            not_kept = diagnosed.not_kept
        finally:
            await control.shutdown()
    session_log.close(LOG_CLOSE_SECONDS)
    steps = session.diagnosis
    first = verdict.first_failure(steps)
    if first is None:
        reason = f"all {len(steps)} steps passed"
        outcome = CheckOutcome(True, 0, reason, warnings=_warnings(steps))
    else:
        reason = f"{first.step} {first.target}: {first.detail} — {first.fix}"
        outcome = CheckOutcome(False, verdict.exit_code(steps), reason, cls=first.cls)
    return warn_of_log(outcome, session_log, session, not_kept), session


def _warnings(steps: Sequence[Step]) -> list[str]:
    return [f"{step.step} {step.target}: {step.detail}" for step in steps if step.level == "warn"]


async def diagnose_all(registry: Any) -> dict[str, str]:
    """Every broker diagnosed side by side with its saved settings (its last environment), no
    login; each one's latest diagnosis is kept for the bundle. Returns a verdict per broker."""

    store = ProfileStore()

    async def one(spec: Any) -> str:
        environment = Environment(store.broker(spec.id).get("environment") or "live")
        scenario = str(store.broker(spec.id).get("scenario") or "normal")
        control = SessionController(spec)
        try:
            _schema, values = layered_values(
                spec, environment, store.raw(spec.id, environment.value), {}
            )
            diagnosed = await control.diagnose(environment, scenario, values)
        except BrokerFailure as failure:
            return f"not diagnosed ({environment.value}): {failure.reason}"
        finally:
            await control.shutdown()
        steps, not_kept = diagnosed.steps, diagnosed.not_kept
        first = first_failure(steps)
        verdict = "all steps passed" if first is None else f"{first.cls} at {first.step}"
        return f"{verdict} ({environment.value})" + (f"; {not_kept}" if not_kept else "")

    specs = [spec for spec in registry if spec.available]
    verdicts = await asyncio.gather(*(one(spec) for spec in specs))
    return {spec.id: verdict for spec, verdict in zip(specs, verdicts, strict=True)}
