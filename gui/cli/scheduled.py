"""`watch --account NAME --schedule`: the account's scheduled logins, headless (as the window
runs them while it is open): wait for each time, log in with the remembered passwords, stay;
every outcome is a line (and a row of the session log), a failure is never retried before the
next time."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable

from gui.cli.output import CheckOutcome, Printer
from gui.core.errors import BrokerFailure
from gui.core.schedule import Outcome, Schedule, ScheduleEvent, Scheduler
from gui.core.session import SessionState
from gui.core.session_controller import LoginRequest, SessionController


async def run_schedule(
    control: SessionController,
    request: LoginRequest,
    schedule: Schedule,
    printer: Printer,
    duration: float,
    reconnect: bool,
    show: Callable[[], None],
    health_every: float,
) -> CheckOutcome:
    """Run the schedule for `duration` seconds (a health line every `health_every` while
    logged in); the outcome counts what happened."""
    session = control.session
    failures: list[BrokerFailure] = []

    async def login(_due: object) -> str:
        if session.state is SessionState.LOGGED_IN:
            return "skipped: already logged in"
        try:  # the lockout guard holds it back like any login (never --allow-lockout-risk)
            await control.login(request, reconnect=reconnect)
        except BrokerFailure as failure:
            failures.append(failure)
            return f"{failure.title}: {failure.reason}"
        return ""

    def report(event: ScheduleEvent) -> None:
        printer.record(event.to_json(), f"schedule {event.outcome.value}: {event.text}")
        if event.outcome is not Outcome.NEXT:  # a row of the session log too
            session.note(event.text, event.level)

    scheduler = Scheduler(schedule, control.spec.venues, login, report)
    task = asyncio.ensure_future(scheduler.run())
    try:
        end = time.monotonic() + duration
        while (left := end - time.monotonic()) > 0 and not task.done():
            await asyncio.sleep(min(health_every, left))
            if session.state.live:
                show()
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    if session.state is SessionState.LOGGED_IN:
        await session.logout()
    counts = {outcome: 0 for outcome in Outcome}
    for event in scheduler.events:
        counts[event.outcome] += 1
    reason = (
        f"scheduled logins: {counts[Outcome.DONE]} done, {counts[Outcome.FAILED]} failed, "
        f"{counts[Outcome.MISSED]} missed, {counts[Outcome.SKIPPED]} skipped"
    )
    if failures:
        return CheckOutcome(False, failures[-1].exit_code, reason)
    return CheckOutcome(True, 0, reason)
