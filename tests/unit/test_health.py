"""Session health without a broker: a fake clock drives stale, lost and reconnecting; the
backoff grows with jitter and a cap; a rejected login stops reconnecting; attempts run out."""

from __future__ import annotations

import asyncio
import random
from datetime import datetime, timedelta

from gui.brokers import kgi
from gui.core.errors import ConnectFailed, LoginRejected
from gui.core.events import BrokerEvent, EventKind
from gui.core.health import BackoffPolicy, Health, HealthTracker, Reconnector
from gui.core.session import Session, SessionState


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def tracker() -> tuple[HealthTracker, Clock]:
    clock = Clock()
    return HealthTracker(Session(kgi.SPEC), clock=clock, wall=clock), clock


def server_time(offset_s: float = 0.0, latency: float = 20.0) -> BrokerEvent:
    now = datetime.now()
    return BrokerEvent(
        "kgi",
        EventKind.SERVER_TIME,
        server_time=now + timedelta(seconds=offset_s),
        latency_ms=latency,
        time=now,
    )


def test_a_silent_session_turns_stale_after_three_usual_intervals_and_back() -> None:
    health, clock = tracker()
    health.on_state(SessionState.LOGGED_IN, "")
    for _ in range(5):  # ServerTime every second
        clock.now += 1.0
        health.on_events([server_time(0.25, 30)])
    snapshot = health.snapshot()
    assert snapshot.state is Health.OK and snapshot.cadence_s == 1.0
    assert round(snapshot.clock_offset_ms) == 250 and snapshot.latency_ms == 30
    assert snapshot.uptime_s == 5.0
    clock.now += 2.9
    assert health.snapshot().state is Health.OK
    clock.now += 0.2  # 3.1 s of silence, against a 1 s cadence
    stale = health.snapshot()
    assert stale.state is Health.STALE and "no event for 3 s" in stale.reason
    health.on_events([server_time()])
    assert health.snapshot().state is Health.OK
    assert [state for _, state in health.timeline][-3:] == [Health.OK, Health.STALE, Health.OK]


def test_a_flood_of_server_times_keeps_the_hours_of_history() -> None:
    """The chart's samples are one of each sort a second: 20,000 server times in two seconds
    add two clock samples, the latest of each second, and the hour before stays."""
    health, clock = tracker()
    health.on_state(SessionState.LOGGED_IN, "")
    for _ in range(3600):  # an hour at one a second
        clock.now += 1.0
        health.on_events([server_time(0.1, 20)])
    hour_ago = health.samples[0].at
    for second in range(2):
        clock.now = float(int(clock.now) + 1)
        for _batch in range(100):
            clock.now += 0.001
            events = [server_time(0.1, 20) for _ in range(99)] + [server_time(0.5, 40 + second)]
            health.on_events(events)
    assert len(health.samples) == 3602 and health.samples[0].at == hour_ago
    assert [round(s.offset_ms) for s in list(health.samples)[-2:]] == [500, 500]
    snapshot = health.snapshot()
    assert round(snapshot.clock_offset_ms) == 500 and snapshot.latency_ms == 41


def test_a_drop_after_login_is_lost_and_a_failed_first_login_is_not() -> None:
    health, _clock = tracker()
    health.on_state(SessionState.CONNECTING, "")
    health.on_state(SessionState.FAILED, "Login rejected")
    assert health.state is Health.FAILED and not health.drops
    health.on_state(SessionState.LOGGED_IN, "")
    health.on_state(SessionState.FAILED, "Connection lost: 連線中斷")
    assert health.state is Health.LOST and len(health.drops) == 1
    assert health.snapshot().to_json()["reason"] == "Connection lost: 連線中斷"


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    policy = BackoffPolicy()
    rng = random.Random(7)
    delays = [policy.delay(attempt, rng) for attempt in range(1, 10)]
    for attempt, delay in enumerate(delays, start=1):
        base = min(60.0, 2.0 ** (attempt - 1))
        assert max(1.0, base * 0.8) <= delay <= base * 1.2
    assert delays[-1] <= 72.0 and min(delays) >= 1.0  # never a tight loop


def run_reconnect(outcomes: list[BaseException | None], policy: BackoffPolicy):
    """Lose a session, let the reconnector try with these outcomes, return what it did."""
    health, _clock = tracker()
    attempts: list[int] = []

    async def login(attempt: int) -> None:
        attempts.append(attempt)
        outcome = outcomes[attempt - 1]
        if outcome is not None:
            health.on_state(SessionState.FAILED, str(outcome))
            raise outcome
        health.session.state = SessionState.LOGGED_IN
        health.on_state(SessionState.LOGGED_IN, "")

    async def scenario() -> Reconnector:
        reconnector = Reconnector(health, login, policy, rng=random.Random(1))
        health.on_state(SessionState.LOGGED_IN, "")
        health.on_state(SessionState.FAILED, "Connection lost")
        await asyncio.sleep(0)  # the reconnect task starts
        assert health.state is Health.RECONNECTING and health.attempt == 1
        await asyncio.wait_for(reconnector._task, 5)
        return reconnector

    reconnector = asyncio.run(scenario())
    return health, attempts, reconnector


FAST = BackoffPolicy(first=0.01, cap=0.02, max_attempts=3)


def test_reconnect_retries_a_failed_attempt_then_recovers() -> None:
    health, attempts, _ = run_reconnect([ConnectFailed("refused"), None], FAST)
    assert attempts == [1, 2]
    assert health.state is Health.OK and health.reconnects == 1


def test_a_rejected_login_stops_reconnecting_and_says_why() -> None:
    health, attempts, reconnector = run_reconnect([LoginRejected("密碼錯誤"), None], FAST)
    assert attempts == [1]
    assert health.state is Health.GAVE_UP and "rejected: 密碼錯誤" in health.reason
    assert isinstance(reconnector.rejected, LoginRejected)


def test_reconnecting_gives_up_after_its_attempts() -> None:
    refused = [ConnectFailed("refused")] * 3
    health, attempts, _ = run_reconnect(refused, FAST)
    assert attempts == [1, 2, 3]
    assert health.state is Health.GAVE_UP and "after 3 attempts" in health.reason


def test_a_health_line_before_any_event_says_so_instead_of_a_dash() -> None:
    health, _clock = tracker()
    text = health.snapshot().text()
    assert "no event yet" in text and "- ago" not in text
