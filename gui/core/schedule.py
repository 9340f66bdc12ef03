"""Scheduled logins (IBC's daily login, without a password in any file): per account, "log in
at HH:MM on the venue's trading days" and "log in again when the daily maintenance window
ends", with the account's remembered passwords from the OS credential store.

A scheduler waits in short steps on the console's clock (gui/core/wall_clock.py), so a clock
set by BROKER_CONSOLE_NOW, a machine that slept or a clock that jumped are all seen within a
step. A time that passed more than `MISSED_AFTER` ago (the machine slept through it) is
reported missed and skipped; a failed login is reported and not tried again before the next
time: never a retry storm, and the lockout guard still holds every attempt back.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from gui.core import wall_clock
from gui.core.events import Level
from gui.core.trading_hours import SEARCH_DAYS, VENUES

MISSED_AFTER = timedelta(minutes=5)
STEP_SECONDS = 1.0  # how often a waiting scheduler looks at the clock


@dataclass(frozen=True, slots=True)
class Schedule:
    at: time | None = None  # log in at this local time on the venues' trading days
    after_maintenance: bool = False  # and again when a venue's maintenance window ends

    @property
    def active(self) -> bool:
        return self.at is not None or self.after_maintenance

    def to_json(self) -> dict[str, Any]:
        at = None if self.at is None else self.at.strftime("%H:%M")
        return {"at": at, "after_maintenance": self.after_maintenance}

    @classmethod
    def from_json(cls, data: object) -> Schedule:
        """A saved schedule; anything unreadable is no schedule (never a crash)."""
        if not isinstance(data, dict):
            return cls()
        try:
            at = parse_time(data["at"]) if data.get("at") else None
        except ValueError:
            at = None
        return cls(at, data.get("after_maintenance") is True)

    def describe(self) -> str:
        parts = []
        if self.at is not None:
            parts.append(f"at {self.at.strftime('%H:%M')} on trading days")
        if self.after_maintenance:
            parts.append("again after the maintenance window")
        return "log in " + " and ".join(parts) if parts else "no schedule"


def parse_time(text: object) -> time:
    """'HH:MM' (24 h) or a ValueError that says so."""
    value = str(text).strip()
    try:
        parsed = datetime.strptime(value, "%H:%M")
    except ValueError:
        raise ValueError(f"{value!r} is not a time of day as HH:MM (24 h), e.g. 08:40") from None
    return parsed.time()


def trades_on(venue_ids: Sequence[str], when: datetime) -> bool:
    """A session of one of the venues starts on `when`'s date in the venue's zone."""
    for venue in (VENUES[v] for v in venue_ids):
        day = when.astimezone(ZoneInfo(venue.zone)).weekday()
        if any(day in window.days for window in venue.windows):
            return True
    return False


def has_maintenance(venue_ids: Sequence[str]) -> bool:
    return any(VENUES[v].maintenance is not None for v in venue_ids)


def next_run(schedule: Schedule, venue_ids: Sequence[str], after: datetime) -> datetime | None:
    """The first scheduled login strictly after `after`; None without a schedule."""
    found: list[datetime] = []
    local = after.astimezone()
    for offset in range(SEARCH_DAYS):
        day = local.date() + timedelta(days=offset)
        if schedule.at is not None:
            when = datetime.combine(day, schedule.at).astimezone()  # the user's local time
            if when > after and trades_on(venue_ids, when):
                found.append(when)
        if schedule.after_maintenance:
            for venue in (VENUES[v] for v in venue_ids):
                if venue.maintenance is None:
                    continue
                zone = ZoneInfo(venue.zone)
                venue_day = after.astimezone(zone).date() + timedelta(days=offset)
                _, end = venue.maintenance.span(venue_day, zone)
                if end > after and trades_on(venue_ids, end):
                    found.append(end)
    return min(found) if found else None


class Outcome(StrEnum):
    NEXT = "next"  # the next scheduled time
    DONE = "done"  # logged in
    FAILED = "failed"
    MISSED = "missed"  # the time passed while nothing ran (sleep, a clock jump)
    SKIPPED = "skipped"  # already logged in, or the console was busy


@dataclass(frozen=True, slots=True)
class ScheduleEvent:
    outcome: Outcome
    due: datetime
    text: str

    @property
    def level(self) -> Level:
        """How a log row or a notice shows it: a login that did not happen is worth a look."""
        if self.outcome is Outcome.FAILED:
            return Level.ERROR
        if self.outcome in (Outcome.MISSED, Outcome.SKIPPED):
            return Level.WARNING
        return Level.INFO

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "schedule",
            "outcome": self.outcome.value,
            "due": self.due.isoformat(timespec="seconds"),
            "text": self.text,
        }


# The login a scheduler runs: returns '' when it logged in (or was skipped with a reason
# starting "skipped: "), else why it failed.
ScheduledLoginCall = Callable[[datetime], Awaitable[str]]


class Scheduler:
    """Runs one account's schedule until cancelled: waits for each time and logs in once."""

    def __init__(
        self,
        schedule: Schedule,
        venue_ids: Sequence[str],
        login: ScheduledLoginCall,
        report: Callable[[ScheduleEvent], None],
        *,
        now: Callable[[], datetime] = wall_clock.now,
        step: float = STEP_SECONDS,
    ) -> None:
        self.schedule = schedule
        self.venue_ids = tuple(venue_ids)
        self.login = login
        self.report = report
        self.now = now
        self.step = step
        self.events: list[ScheduleEvent] = []

    def _say(self, outcome: Outcome, due: datetime, text: str) -> None:
        event = ScheduleEvent(outcome, due, text)
        self.events.append(event)
        self.report(event)

    async def run(self) -> None:
        import asyncio  # with a first schedule: profiles (which read schedules) load at start-up

        last = self.now()
        while True:
            due = next_run(self.schedule, self.venue_ids, last)
            if due is None:
                return
            self._say(Outcome.NEXT, due, f"next scheduled login at {due.isoformat(sep=' ')}")
            while (now := self.now()) < due:
                await asyncio.sleep(min(self.step, max((due - now).total_seconds(), 0.01)))
            last = due
            late = now - due
            if late > MISSED_AFTER:
                minutes = int(late.total_seconds() // 60)
                self._say(
                    Outcome.MISSED,
                    due,
                    f"the scheduled login at {due.isoformat(sep=' ')} was missed ({minutes} min "
                    "late: the machine slept or the clock jumped); not tried now",
                )
                continue
            problem = await self.login(due)
            if not problem:
                self._say(Outcome.DONE, due, "scheduled login done")
            elif problem.startswith("skipped: "):
                self._say(Outcome.SKIPPED, due, problem.removeprefix("skipped: "))
            else:
                self._say(Outcome.FAILED, due, f"scheduled login failed: {problem}")
