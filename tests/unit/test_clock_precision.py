"""A clock offset is shown and plotted only as precisely as its source tells it: LongPort's HTTP
Date has whole seconds, so ±0.5 s is in step and no drift is claimed inside it."""

from __future__ import annotations

from datetime import timedelta

from gui.brokers import longport
from gui.core.clock import RESOLUTION_KEY, as_precise_as
from gui.core.events import BrokerEvent, EventKind, local_now
from gui.core.health import HealthTracker
from gui.core.session import Session


def date_header_event(offset_s: float) -> BrokerEvent:
    received = local_now()
    return BrokerEvent(
        "longport", EventKind.SERVER_TIME, text="Date header (±0.5 s)", time=received,
        server_time=received + timedelta(seconds=offset_s), latency_ms=40.0,
        raw={"offset_seconds": offset_s, RESOLUTION_KEY: 1.0},
    )  # fmt: skip


def test_inside_the_precision_there_is_no_offset_and_beyond_it_whole_seconds() -> None:
    assert [as_precise_as(s, 1.0) for s in (0.4, -0.49, 0.6, 2.6, -3.4)] == [0, 0, 1, 3, -3]
    assert as_precise_as(0.123, 0.0) == 0.123  # a millisecond source stays as it is


def test_longports_samples_are_whole_seconds_and_the_session_knows_the_precision() -> None:
    session = Session(longport.SPEC)
    health = HealthTracker(session)
    for offset in (0.12, -0.31, 0.44):  # jitter of the round trip, inside the Date's precision
        health.on_events([date_header_event(offset)])
    assert {sample.offset_ms for sample in health.samples} == {0.0}  # no drift is plotted
    health.on_events([date_header_event(2.7)])
    assert health.samples[-1].offset_ms == 3000.0
    session._note(date_header_event(0.3))
    assert session.info.clock_resolution == 1.0
