"""Trading hours: each broker's venues as data, the verdict `outside_hours` when a connection
fails while they are closed, and the clock set through BROKER_CONSOLE_NOW."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gui.core.trading_hours import status
from gui.core.wall_clock import NOW_ENV, now
from tests.console_cli import run_console
from tests.unit.test_cli import lines

ROOT = Path(__file__).resolve().parents[2]
SUNDAY = "2026-12-06T10:00:00+08:00"
TUESDAY_10_SHANGHAI = "2026-12-08T10:00:00+08:00"


def at(text: str, zone: str = "Asia/Shanghai") -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone))


@pytest.mark.parametrize(
    ("venues", "when", "zone", "is_open"),
    [
        (["CN_FUTURES"], "2026-12-08T10:00", "Asia/Shanghai", True),
        (["CN_FUTURES"], "2026-12-08T12:00", "Asia/Shanghai", False),  # lunch
        (["CN_FUTURES"], "2026-12-08T02:00", "Asia/Shanghai", True),  # Monday's night session
        (["CN_FUTURES"], "2026-12-08T03:00", "Asia/Shanghai", False),
        (["CN_FUTURES"], "2026-12-05T01:00", "Asia/Shanghai", True),  # Friday night, Saturday
        (["CN_FUTURES"], "2026-12-06T10:00", "Asia/Shanghai", False),  # Sunday
        (["TAIFEX"], "2026-12-08T08:44", "Asia/Taipei", False),
        (["TAIFEX"], "2026-12-08T08:45", "Asia/Taipei", True),
        (["TAIFEX"], "2026-12-09T04:59", "Asia/Taipei", True),  # after-hours session
        (["TAIFEX"], "2026-12-08T14:30", "Asia/Taipei", False),
        (["CN_EQUITY"], "2026-12-08T09:20", "Asia/Shanghai", True),  # call auction
        (["CN_EQUITY"], "2026-12-08T12:00", "Asia/Shanghai", False),
        (["HKEX", "US"], "2026-12-08T12:30", "Asia/Hong_Kong", False),  # both closed
        (["HKEX", "US"], "2026-12-08T22:00", "Asia/Hong_Kong", True),  # New York 09:00
        (["US"], "2026-07-07T19:59", "America/New_York", True),  # summer time, same wall clock
        (["US"], "2026-07-07T20:00", "America/New_York", False),
    ],
)
def test_the_venues_sessions_in_their_own_time_zones(
    venues: list[str], when: str, zone: str, is_open: bool
) -> None:
    assert status(venues, at(when, zone)).open is is_open


def test_a_closed_venue_says_when_it_opens_and_an_open_one_when_it_closes() -> None:
    sunday = status(["CN_FUTURES"], at("2026-12-06T10:00"))
    assert sunday.opens_at == at("2026-12-07T09:00")
    assert "opens at Mon 2026-12-07" in sunday.describe()
    tuesday = status(["CN_FUTURES"], at("2026-12-08T10:00"))
    assert tuesday.closes_at == at("2026-12-08T11:30")
    assert tuesday.describe() == "open (CN_FUTURES), closes in 1 h 30 min"
    settling = status(["CN_FUTURES"], at("2026-12-08T16:00"))
    assert not settling.open and settling.in_maintenance
    assert "maintenance window" in settling.closed_text()


def test_the_clock_is_set_in_one_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NOW_ENV, SUNDAY)
    first = now()
    assert abs((first - datetime.fromisoformat(SUNDAY)).total_seconds()) < 1
    assert now() >= first  # the set clock runs on from there
    monkeypatch.delenv(NOW_ENV)
    assert abs((now() - datetime.now().astimezone()).total_seconds()) < 5
    reads = re.compile(r"environ\b[^\n]*(NOW_ENV|BROKER_CONSOLE_NOW)")
    readers = [
        path.relative_to(ROOT)
        for path in (ROOT / "gui").rglob("*.py")
        if reads.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == [Path("gui/core/wall_clock.py")]


def run(command: str, *args: str, clock: str) -> tuple[int, list[dict], str]:
    proc = run_console(command, *args, "--json", env={NOW_ENV: clock, "PW": "demo"})
    return proc.returncode, lines(proc.stdout), proc.stdout + proc.stderr


def test_a_failure_on_a_sunday_is_outside_hours_with_the_next_opening() -> None:
    code, records, out = run(
        "check", "vnpy", "--simulator", "--scenario", "after_hours", clock=SUNDAY
    )
    assert code == 3, out
    result = records[-1]
    assert result["class"] == "outside_hours"
    assert "China futures (CTP) is scheduled closed; it opens at Mon 2026-12-07" in result["reason"]


def test_the_same_failure_on_a_tuesday_morning_is_the_network() -> None:
    code, records, out = run(
        "check", "vnpy", "--simulator", "--scenario", "after_hours", clock=TUESDAY_10_SHANGHAI
    )
    assert code == 3, out
    assert records[-1]["class"] != "outside_hours"
    assert "scheduled closed" not in records[-1]["reason"]


def test_a_diagnosis_on_a_sunday_ends_with_the_hours_step_as_its_verdict() -> None:
    code, records, out = run(
        "diagnose", "kgi", "--simulator", "--scenario", "after_hours", clock=SUNDAY
    )
    assert code == 3, out
    steps = [r for r in records if r.get("kind") == "diagnostic"]
    assert steps[-1]["step"] == "hours" and steps[-1]["class"] == "outside_hours"
    assert any(s["class"] == "tcp_refused" for s in steps)  # the network step still shows
    assert records[-1]["class"] == "outside_hours"


def test_a_login_that_works_while_closed_is_a_warning() -> None:
    code, records, out = run(
        "check", "longport", "--simulator", "--scenario", "after_hours", clock=SUNDAY
    )
    assert code == 0, out
    assert any("Hong Kong Exchanges is scheduled closed" in w for w in records[-1]["warnings"])
    code, records, out = run("check", "longport", "--simulator", clock=TUESDAY_10_SHANGHAI)
    assert code == 0 and "warnings" not in records[-1], out


def test_watch_says_whether_the_market_is_open_with_each_health_line() -> None:
    code, records, out = run(
        "watch", "kgi", "--simulator", "--secret", "password=PW", "--duration", "2",
        clock="2026-12-08T10:00:30+08:00",
    )  # fmt: skip
    assert code == 0, out
    health = [r for r in records if r.get("kind") == "health"]
    assert health and health[0]["market"] == "open (TAIFEX), closes in 3 h 44 min"
    assert health[0]["market_open"] is True


def test_a_clock_that_is_not_a_time_is_refused_before_anything_runs() -> None:
    code, records, _out = run("check", "kgi", "--simulator", clock="next tuesday")
    assert code == 2
    assert "BROKER_CONSOLE_NOW='next tuesday' is not an ISO-8601 time" in records[-1]["reason"]
