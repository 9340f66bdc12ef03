"""Session health after the login, and reconnecting when a session is lost.

`HealthTracker` follows one Session (its events and states) and answers, at any moment: how
old the last event is, the heartbeat cadence it learned from this broker, clock offset and
latency over time, uptime, reconnects, and the health state: ok, stale (silent for three
cadences), lost, reconnecting (attempt k, next in N s) or gave up. It keeps a timeline of
states for the overview. It costs nothing between events: ages are computed when asked.

`Reconnector` logs a lost session in again with exponential backoff and jitter (1, 2, 4 … 60 s,
capped attempts, the count reset after five healthy minutes), never after a rejected login
and never faster than its first delay; each attempt is a fresh login (a fresh worker).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from gui.core.clock import as_precise_as, resolution_of
from gui.core.errors import BrokerFailure, LoginRejected
from gui.core.event_log import is_heartbeat
from gui.core.events import BrokerEvent, EventKind

if TYPE_CHECKING:
    import asyncio
    import random

    from gui.core.session import Session, SessionState

STALE_CADENCES = 3  # silent for this many usual intervals: stale
MIN_STALE_SECONDS = 3.0
SAMPLES = 4000  # clock offset and latency points kept per session (an hour at one a second)
TIMELINE = 2000  # state changes kept per session


class Health(StrEnum):
    OFFLINE = "offline"  # not logged in, nothing wrong
    CONNECTING = "connecting"
    OK = "ok"
    STALE = "stale"
    LOST = "lost"
    RECONNECTING = "reconnecting"
    GAVE_UP = "gave_up"  # lost, and reconnecting stopped (rejected, or out of attempts)
    FAILED = "failed"  # the login itself failed

    @property
    def alive(self) -> bool:
        return self in (Health.OK, Health.STALE)


_SERVER_TIME = EventKind.SERVER_TIME  # per event: an Enum member read costs ~0.2 us in 3.11


@dataclass(frozen=True, slots=True)
class Sample:
    at: float  # wall clock (time.time())
    offset_ms: float | None
    latency_ms: float | None


@dataclass(frozen=True, slots=True)
class HealthSnapshot:
    broker: str
    state: Health
    reason: str
    last_event_age_s: float | None
    clock_offset_ms: float | None
    latency_ms: float | None
    uptime_s: float | None
    reconnects: int
    cadence_s: float | None
    attempt: int = 0
    next_in_s: float | None = None

    def to_json(self) -> dict[str, Any]:
        def rounded(value: float | None, digits: int = 1) -> float | None:
            return None if value is None else round(value, digits)

        out: dict[str, Any] = {
            "kind": "health",
            "broker": self.broker,
            "state": self.state.value,
            "last_event_age_s": rounded(self.last_event_age_s),
            "clock_offset_ms": rounded(self.clock_offset_ms),
            "latency_ms": rounded(self.latency_ms),
            "uptime_s": rounded(self.uptime_s),
            "reconnects": self.reconnects,
        }
        if self.state is Health.RECONNECTING:
            out["attempt"] = self.attempt
            out["next_in_s"] = rounded(self.next_in_s)
        if self.reason:
            out["reason"] = self.reason
        return out

    def text(self) -> str:
        def show(value: float | None, unit: str) -> str:
            return "-" if value is None else f"{round(value):d} {unit}"

        age = self.last_event_age_s
        parts = [
            f"health {self.state.value}",
            "no event yet" if age is None else f"last event {round(age):d} s ago",
            f"offset {show(self.clock_offset_ms, 'ms')}",
            f"latency {show(self.latency_ms, 'ms')}",
            f"up {show(self.uptime_s, 's')}",
            f"reconnects {self.reconnects}",
        ]
        if self.state is Health.RECONNECTING:
            parts.append(f"attempt {self.attempt}, next in {show(self.next_in_s, 's')}")
        if self.reason:
            parts.append(self.reason)
        return "  ".join(parts)


@dataclass(slots=True)
class _Cadence:
    """The usual interval between heartbeats, learned as they come (an exponential mean)."""

    last: float | None = None
    mean: float | None = None

    def beat(self, now: float) -> None:
        if self.last is not None:
            interval = now - self.last
            self.mean = interval if self.mean is None else 0.8 * self.mean + 0.2 * interval
        self.last = now


@dataclass
class HealthTracker:
    """Health of one session; listeners hear state changes (not every event)."""

    session: Session
    clock: Callable[[], float] = time.monotonic
    wall: Callable[[], float] = time.time
    stale_after: float | None = None  # a broker-specific bound instead of the learned one
    state: Health = Health.OFFLINE
    reason: str = ""
    reconnects: int = 0
    drop_count: int = 0  # every drop (`drops` keeps the latest times only)
    attempt: int = 0
    next_attempt_at: float | None = None
    samples: deque[Sample] = field(default_factory=lambda: deque(maxlen=SAMPLES))
    timeline: deque[tuple[float, Health]] = field(default_factory=lambda: deque(maxlen=TIMELINE))
    drops: deque[float] = field(default_factory=lambda: deque(maxlen=TIMELINE))
    listeners: list[Callable[[HealthTracker], None]] = field(default_factory=list)
    _last_event_at: float | None = None
    _up_since: float | None = None
    _cadence: _Cadence = field(default_factory=_Cadence)

    def __post_init__(self) -> None:
        self.session.event_batch_listeners.append(self.on_events)
        self.session.state_listeners.append(self.on_state)
        self.timeline.append((self.wall(), self.state))

    @property
    def broker(self) -> str:
        return self.session.spec.id

    # -- from the session --------------------------------------------------------------------

    def on_events(self, events: list[BrokerEvent]) -> None:
        """A batch of events, all arrived now: one heartbeat for the cadence (a batch's events
        came together, at no interval) and its latest clock and latency samples."""
        now = self.clock()
        self._last_event_at = now
        beat = False
        clock_event = latency_event = None
        for event in events:
            beat = beat or is_heartbeat(event)
            if event.kind is _SERVER_TIME and event.server_time is not None:
                clock_event = event
            elif event.latency_ms is not None:
                latency_event = event
        if beat:
            self._cadence.beat(now)
        if clock_event is not None:
            assert clock_event.server_time is not None
            offset = (
                as_precise_as(
                    (clock_event.server_time - clock_event.time).total_seconds(),
                    resolution_of(clock_event.raw),
                )
                * 1000
            )
            self._keep(Sample(self.wall(), offset, clock_event.latency_ms))
        if latency_event is not None:
            self._keep(Sample(self.wall(), None, latency_event.latency_ms))
        if self.state is Health.STALE:
            self._set(Health.OK)

    def _keep(self, sample: Sample) -> None:
        """At most one sample of each sort (clock, latency alone) a second, the latest: a flood
        of server times leaves the hours of history the chart shows."""
        samples, second = self.samples, int(sample.at)
        for index in (-1, -2):  # a second's samples are the last ones
            if len(samples) < -index or int(samples[index].at) != second:
                break
            if (samples[index].offset_ms is None) == (sample.offset_ms is None):
                samples[index] = sample
                return
        samples.append(sample)

    def on_state(self, state: SessionState, reason: str) -> None:
        from gui.core.session import SessionState

        if state is SessionState.LOGGED_IN:
            self._up_since = self.clock()
            self._last_event_at = self._up_since
            self._cadence = _Cadence()  # a new connection: learn its cadence anew
            self._set(Health.OK)
        elif state in (SessionState.CONNECTING, SessionState.CONNECTED):
            if self.state is not Health.RECONNECTING:
                self._set(Health.CONNECTING)
        elif state is SessionState.FAILED:
            self._up_since = None
            if self.state in (Health.OK, Health.STALE):  # it was logged in: lost
                self.drops.append(self.wall())
                self.drop_count += 1
                self._set(Health.LOST, reason)
            elif self.state is not Health.RECONNECTING:
                self._set(Health.FAILED, reason)
        elif state is SessionState.DISCONNECTED:
            self._up_since = None
            if self.state not in (Health.RECONNECTING, Health.GAVE_UP, Health.LOST):
                self._set(Health.OFFLINE, reason)

    # -- from the reconnector ----------------------------------------------------------------

    def reconnecting(self, attempt: int, delay: float) -> None:
        self.attempt = attempt
        self.next_attempt_at = self.clock() + delay
        self._set(Health.RECONNECTING, self.reason, always=True)  # still why it reconnects

    def recovered(self) -> None:
        self.reconnects += 1
        self.attempt = 0
        self.next_attempt_at = None

    def gave_up(self, reason: str) -> None:
        self.next_attempt_at = None
        self._set(Health.GAVE_UP, reason)

    def stopped(self) -> None:
        """The user logged out or closed: nothing is wrong any more."""
        self.next_attempt_at = None
        self.attempt = 0
        self._set(Health.OFFLINE)

    # -- reading -----------------------------------------------------------------------------

    def stale_bound(self) -> float | None:
        if self.stale_after is not None:
            return self.stale_after
        cadence = self._cadence.mean
        return None if cadence is None else max(STALE_CADENCES * cadence, MIN_STALE_SECONDS)

    def snapshot(self) -> HealthSnapshot:
        """The health now; a session silent past its bound turns stale here."""
        now = self.clock()
        age = None if self._last_event_at is None else now - self._last_event_at
        bound = self.stale_bound()
        if self.state is Health.OK and age is not None and bound is not None and age > bound:
            self._set(Health.STALE, f"no event for {age:.0f} s (usually every {bound / 3:.1f} s)")
        last = next((s for s in reversed(self.samples) if s.offset_ms is not None), None)
        latency = next((s for s in reversed(self.samples) if s.latency_ms is not None), None)
        return HealthSnapshot(
            broker=self.broker,
            state=self.state,
            reason=self.reason,
            last_event_age_s=age,
            clock_offset_ms=last.offset_ms if last else None,
            latency_ms=latency.latency_ms if latency else None,
            uptime_s=None if self._up_since is None else now - self._up_since,
            reconnects=self.reconnects,
            cadence_s=self._cadence.mean,
            attempt=self.attempt,
            next_in_s=(
                None if self.next_attempt_at is None else max(self.next_attempt_at - now, 0.0)
            ),
        )

    def _set(self, state: Health, reason: str = "", *, always: bool = False) -> None:
        if state is self.state and reason == self.reason and not always:
            return
        self.state, self.reason = state, reason
        self.timeline.append((self.wall(), state))
        for listener in list(self.listeners):
            listener(self)


@dataclass(frozen=True)
class BackoffPolicy:
    first: float = 1.0
    factor: float = 2.0
    cap: float = 60.0
    max_attempts: int = 10
    jitter: float = 0.2  # ± this share of the delay, so many consoles do not retry in step
    healthy_reset: float = 300.0  # logged in this long: the next drop starts from attempt 1

    def delay(self, attempt: int, rng: random.Random) -> float:
        base = min(self.cap, self.first * self.factor ** (attempt - 1))
        return max(self.first, base * rng.uniform(1 - self.jitter, 1 + self.jitter))


class Reconnector:
    """Logs a lost session in again; `login(attempt)` must log in with a fresh driver."""

    def __init__(
        self,
        tracker: HealthTracker,
        login: Callable[[int], Awaitable[Any]],
        policy: BackoffPolicy | None = None,
        *,
        rng: random.Random | None = None,
    ) -> None:
        self.tracker = tracker
        self.login = login
        self.policy = policy or BackoffPolicy()
        if rng is None:
            import random  # not on the window's way up

            rng = random.Random()
        self.rng = rng
        self.rejected: BrokerFailure | None = None
        self._task: asyncio.Task[None] | None = None
        self._attempts = 0
        self._healthy_since: float | None = None
        self._stopped = False
        tracker.listeners.append(self._health_changed)

    @property
    def armed(self) -> bool:
        """A drop now would be reconnected."""
        return not self._stopped

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def stop(self) -> None:
        """The user logged out, or the window closes: no more attempts."""
        self._stopped = True
        if self._task is not None:
            self._task.cancel()

    def arm(self) -> None:
        """Reconnect after the next drop (a login the user started)."""
        self._stopped = False
        self.rejected = None

    def _health_changed(self, tracker: HealthTracker) -> None:
        import asyncio

        if tracker.state is Health.OK:
            self._healthy_since = tracker.clock()
        elif tracker.state is Health.LOST and not self._stopped and not self.running:
            healthy = self._healthy_since
            if healthy is not None and tracker.clock() - healthy >= self.policy.healthy_reset:
                self._attempts = 0
            self._task = asyncio.ensure_future(self._reconnect())

    async def _reconnect(self) -> None:
        import asyncio

        from gui.core.session import SessionState

        while not self._stopped:
            self._attempts += 1
            if self._attempts > self.policy.max_attempts:
                self.tracker.gave_up(
                    f"gave up after {self.policy.max_attempts} attempts: {self.tracker.reason}"
                )
                return
            delay = self.policy.delay(self._attempts, self.rng)
            self.tracker.reconnecting(self._attempts, delay)
            await asyncio.sleep(delay)
            try:
                await self.login(self._attempts)
            except LoginRejected as failure:  # a password or token that stopped working
                self.rejected = failure
                self.tracker.gave_up(f"the login was rejected: {failure.reason}")
                return
            except BrokerFailure as failure:
                self.tracker.reason = failure.reason
                continue
            if self.tracker.session.state is SessionState.LOGGED_IN:
                self.tracker.recovered()
                return
