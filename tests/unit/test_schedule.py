"""The schedule's times: trading days only, the end of CTP's maintenance window, a time the
machine slept through reported missed and not tried, a failure not retried."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from gui.core.schedule import Outcome, Schedule, Scheduler, next_run


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone()


def test_a_daily_time_skips_the_weekend() -> None:
    schedule = Schedule(time(8, 40))
    assert next_run(schedule, ("TAIFEX",), local("2026-12-04T09:00")) == local("2026-12-07T08:40")
    assert next_run(schedule, ("TAIFEX",), local("2026-12-08T08:00")) == local("2026-12-08T08:40")


def test_after_maintenance_is_the_end_of_ctp_settlement_in_shanghai() -> None:
    shanghai = ZoneInfo("Asia/Shanghai")
    after = datetime(2026, 12, 8, 16, 0, tzinfo=shanghai)
    due = next_run(Schedule(after_maintenance=True), ("CN_FUTURES",), after)
    assert due == datetime(2026, 12, 8, 20, 30, tzinfo=shanghai)
    assert next_run(Schedule(), ("CN_FUTURES",), after) is None


def test_the_saved_form_reads_back_and_nonsense_is_no_schedule() -> None:
    schedule = Schedule(time(8, 40), True)
    assert Schedule.from_json(schedule.to_json()) == schedule
    assert not Schedule.from_json({"at": "25:99"}).active
    assert not Schedule.from_json("08:40").active


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at


def run_at_0840(answer: str, then: Callable[[datetime], datetime]) -> tuple[Scheduler, list]:
    """A scheduler for 08:40 on a fake clock: once it says when, the clock moves to
    `then(due)`; it runs until it said three things (and a little longer: no retry comes)."""
    clock = FakeClock(local("2026-12-08T08:39:00"))
    calls: list[datetime] = []

    async def login(due: datetime) -> str:
        calls.append(due)
        return answer

    scheduler = Scheduler(Schedule(time(8, 40)), ("TAIFEX",), login, lambda e: None, now=clock,
                          step=0.01)  # fmt: skip

    async def go() -> None:
        task = asyncio.ensure_future(scheduler.run())
        async with asyncio.timeout(5):
            while not scheduler.events:
                await asyncio.sleep(0.005)
            clock.at = then(scheduler.events[0].due)
            while len(scheduler.events) < 3:
                await asyncio.sleep(0.005)
            await asyncio.sleep(0.05)
        task.cancel()

    asyncio.run(go())
    return scheduler, calls


def test_a_time_slept_through_is_missed_and_not_tried() -> None:
    scheduler, calls = run_at_0840("", lambda due: due + timedelta(hours=2))  # the machine slept
    assert [e.outcome for e in scheduler.events] == [Outcome.NEXT, Outcome.MISSED, Outcome.NEXT]
    assert calls == []
    assert scheduler.events[2].due == local("2026-12-09T08:40")


def test_a_failure_waits_for_the_next_time() -> None:
    scheduler, calls = run_at_0840(
        "Login rejected: wrong password", lambda due: due + timedelta(seconds=1)
    )  # the time comes
    assert [e.outcome for e in scheduler.events] == [Outcome.NEXT, Outcome.FAILED, Outcome.NEXT]
    assert len(calls) == 1
    assert scheduler.events[2].due == local("2026-12-09T08:40")
