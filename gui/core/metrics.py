"""The sessions' figures for Prometheus (docs/ARCHITECTURE.md, Metrics), off by default.

Each session has a `SessionSeries`, kept up to date on the session's own thread from the same
records the session panel follows (a few assignments per batch of events, under a lock held for
microseconds). A scrape never touches a session or a widget: the exporter's threads copy the
series under their locks and render them with the maintained `prometheus_client`. Labels are the
broker, the account name and the environment: never a secret, never a user id.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from gui import __version__
from gui.core.diagnosis import CLOCK_FAIL_SECONDS
from gui.core.trading_hours import market_status

if TYPE_CHECKING:
    from prometheus_client.core import Metric

    from gui.core.events import BrokerEvent, EventKind
    from gui.core.health import HealthTracker
    from gui.core.session import Session, SessionState

PREFIX = "broker_console"
_KIND = itemgetter(1)  # BrokerEvent is a tuple: its kind, without the property's call
STATES = ("disconnected", "connecting", "connected", "logged_in", "logging_out", "failed")
# Every series name the exporter can emit (the dashboard and the alert rules use only these).
SERIES = (
    "session_state",
    "last_event_age_seconds",
    "clock_offset_seconds",
    "clock_offset_precision_seconds",
    "clock_tolerance_seconds",
    "latency_seconds",
    "reconnects_total",
    "drops_total",
    "login_failures_total",
    "events_total",
    "market_open",
    "build_info",
)


class SessionSeries:
    """One session's figures, as Prometheus reads them."""

    def __init__(
        self, session: Session, tracker: HealthTracker, account: str, environment: str
    ) -> None:
        self.session = session
        self.tracker = tracker
        self.lock = threading.Lock()
        self.labels = {"broker": session.spec.id, "account": account, "environment": environment}
        self.venues = session.spec.venues
        self.state = session.state.value
        self.last_event_at: float | None = None  # wall clock
        self.offset: float | None = None
        self.precision = 0.0
        self.latency: float | None = None
        self.failures: Counter[str] = Counter()
        self.events: Counter[EventKind] = Counter()
        session.event_batch_listeners.append(self._on_events)
        session.state_listeners.append(self._on_state)

    def relabel(self, account: str, environment: str) -> None:
        """The tab's account or environment changed (before its next login)."""
        with self.lock:
            self.labels = {**self.labels, "account": account, "environment": environment}

    def _on_events(self, events: list[BrokerEvent]) -> None:
        kinds = Counter(map(_KIND, events))  # in C: ~50 ns an event (a flood: 100,000 a second)
        info = self.session.info
        with self.lock:
            self.events.update(kinds)
            self.last_event_at = time.time()
            if info.clock_offset is not None:
                self.offset = info.clock_offset.total_seconds()
                self.precision = info.clock_resolution
            if info.latency_ms is not None:
                self.latency = info.latency_ms / 1000

    def _on_state(self, state: SessionState, _reason: str) -> None:
        failure = self.session.failure if state.value == "failed" else None
        with self.lock:
            self.state = state.value
            if failure is not None:
                self.failures[failure.failure_class.value] += 1

    def copy(self) -> dict[str, Any]:
        with self.lock:
            return {
                "labels": dict(self.labels),
                "venues": self.venues,
                "state": self.state,
                "age": None if self.last_event_at is None else time.time() - self.last_event_at,
                "offset": self.offset,
                "precision": self.precision,
                "latency": self.latency,
                # The tracker's counts: ints, read whole from any thread.
                "reconnects": self.tracker.reconnects,
                "drops": self.tracker.drop_count,
                "failures": dict(self.failures),
                "events": {kind.value: count for kind, count in self.events.items()},
            }


class ConsoleMetrics:
    """Every session's series, and the collector `prometheus_client` renders from them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.series: list[SessionSeries] = []

    def add(self, series: SessionSeries) -> None:
        with self.lock:
            self.series.append(series)

    def collect(self) -> Iterator[Metric]:
        """prometheus_client's Collector protocol: called on the exporter's threads."""
        from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

        with self.lock:
            rows = [series.copy() for series in self.series]
        names = ["broker", "account", "environment"]

        def gauge(name: str, text: str, extra: tuple[str, ...] = ()) -> GaugeMetricFamily:
            return GaugeMetricFamily(f"{PREFIX}_{name}", text, labels=[*names, *extra])

        def counter(name: str, text: str, extra: tuple[str, ...] = ()) -> CounterMetricFamily:
            return CounterMetricFamily(f"{PREFIX}_{name}", text, labels=[*names, *extra])

        state = gauge("session_state", "1 for the session's state, 0 for the others", ("state",))
        age = gauge("last_event_age_seconds", "Seconds since the session's last event")
        offset = gauge("clock_offset_seconds", "The broker's clock minus this machine's")
        precision = gauge(
            "clock_offset_precision_seconds", "How precise the broker's clock reading is"
        )
        tolerance = gauge(
            "clock_tolerance_seconds", "The offset beyond which the console flags the clock"
        )
        latency = gauge("latency_seconds", "The broker's latest latency or connection quality")
        reconnects = counter("reconnects", "Reconnects that logged in again")
        drops = counter("drops", "Logged-in connections that dropped")
        failures = counter("login_failures", "Failed logins by failure class", ("class",))
        events = counter("events", "Events from the broker by kind", ("kind",))
        market = GaugeMetricFamily(
            f"{PREFIX}_market_open",
            "1 while a venue is in session",
            labels=["broker"],
        )
        markets: dict[str, float] = {}
        for row in rows:
            values = [row["labels"][name] for name in names]
            for name in STATES:
                state.add_metric([*values, name], 1.0 if row["state"] == name else 0.0)
            if row["age"] is not None:
                age.add_metric(values, row["age"])
            if row["offset"] is not None:
                offset.add_metric(values, row["offset"])
                precision.add_metric(values, row["precision"])
            tolerance.add_metric(values, CLOCK_FAIL_SECONDS)
            if row["latency"] is not None:
                latency.add_metric(values, row["latency"])
            reconnects.add_metric(values, row["reconnects"])
            drops.add_metric(values, row["drops"])
            for cls, count in sorted(row["failures"].items()):
                failures.add_metric([*values, cls], count)
            for kind, count in sorted(row["events"].items()):
                events.add_metric([*values, kind], count)
            status = market_status(row["venues"])
            if status is not None:
                markets[values[0]] = 1.0 if status.open else 0.0
        for broker, is_open in sorted(markets.items()):
            market.add_metric([broker], is_open)
        build = GaugeMetricFamily(
            f"{PREFIX}_build_info", "The console's version", labels=["version"]
        )
        build.add_metric([__version__], 1.0)
        yield from (state, age, offset, precision, tolerance, latency, reconnects, drops)
        yield from (failures, events, market, build)
