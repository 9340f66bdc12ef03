"""What flows from a driver to its session, in order: events and typed outcomes.

A record is a tuple whose first item is its tag. The same records travel in-process (a driver
on the console's loop, for unit tests) and through the worker pipe, so the session has one
way of being told anything. Tags are plain ints: records are built on vendor threads, where
every microsecond is taken from the GIL the GUI needs.
"""

from __future__ import annotations

import math
import time
from datetime import datetime, timedelta, timezone
from types import MappingProxyType
from typing import Any

from gui.core.events import EMPTY_RAW, BrokerEvent
from gui.core.redaction import Redactor

Record = tuple[Any, ...]

# Built by the link on the vendor's thread: (RAW_EVENT, epoch, kind, status, text, topic, count,
# server_time, latency_ms, level, raw). Masked and turned into a BrokerEvent off that thread.
RAW_EVENT = 0
EVENT = 1  # (EVENT, BrokerEvent), ready for the session
DETAIL = 2  # (DETAIL, name, value): a fact for the session panel
EXCHANGE = 3  # (EXCHANGE, code, name, boards, epoch)
CONNECTED = 4  # (CONNECTED, text): the broker answered; the login goes on
LOGGED_IN = 5  # (LOGGED_IN,)
FAILED = 6  # (FAILED, BrokerFailure): the login ended without success
CANCELLED = 7  # (CANCELLED,): the login stopped because the console asked
LOST = 8  # (LOST, reason): a logged-in connection dropped
LOGGED_OUT = 9  # (LOGGED_OUT,): logout finished and the driver released everything
RESULT = 10  # (RESULT, request_id, ActionResult | BrokerFailure)
DROPPED = 11  # (DROPPED, count): events a full queue had to drop
CRASHED = 12  # (CRASHED, description): the driver's process died without being asked
ENDED = 13  # (ENDED, description, requested): the driver (or its process) is gone
WIRE = 14  # (WIRE, items, start): a frame's records still in wire form, decoded when drained
STEP = 15  # (STEP, Step): one phase of a diagnosis

LOGIN_OUTCOMES = frozenset({LOGGED_IN, FAILED, CANCELLED})


_ZONES: dict[int, timezone] = {}  # UTC offset in seconds -> its timezone
_minute_zone: list[Any] = [None, None]  # (the minute since the epoch, its local zone)
# (a second since the epoch, its local ISO text before and after the fraction)
_second_text: list[Any] = [None, "", ""]


def local_zone(epoch: float) -> timezone:
    """The local zone at that instant (its offset, DST included), looked up once a minute."""
    minute = int(epoch // 60)
    cached_minute, cached_zone = _minute_zone
    zone: timezone | None = cached_zone
    if minute != cached_minute or zone is None:
        offset = time.localtime(epoch).tm_gmtoff
        zone = _ZONES.get(offset)
        if zone is None:
            zone = _ZONES[offset] = timezone(timedelta(seconds=offset))
        _minute_zone[:] = [minute, zone]
    return zone


def local_time(epoch: float) -> datetime:
    """An epoch as local, timezone-aware time (the offset right for that instant, DST too).

    The zone is looked up once a minute (offsets change on the minute at the earliest): five
    times cheaper than `datetime.fromtimestamp(t).astimezone()`, which matters at tens of
    thousands of events a second."""
    return datetime.fromtimestamp(epoch, local_zone(epoch))


def local_iso_millis(epoch: float) -> str:
    """`local_time(epoch).isoformat(timespec="milliseconds")`, its text kept for the second: a
    worker's session log stamps tens of thousands of lines a second, and making a datetime and
    its text for each costs more than the rest of the line."""
    second = math.floor(epoch)
    micro = round((epoch - second) * 1e6)  # as datetime.fromtimestamp rounds: half to even
    if micro >= 1_000_000:
        second, micro = second + 1, micro - 1_000_000
    cached_second, before, after = _second_text
    if second != cached_second:
        whole = datetime.fromtimestamp(second, local_zone(second)).isoformat()
        before, after = whole[:19], whole[19:]
        _second_text[:] = [second, before, after]
    return f"{before}.{micro // 1000:03d}{after}"


def event_from_raw(broker: str, record: Record, redactor: Redactor) -> BrokerEvent:
    """A RAW_EVENT record as a BrokerEvent, its strings masked (off the vendor's thread)."""
    (_, epoch, kind, status, text, topic, count, server_time, latency, level, raw) = record
    if redactor:
        text = redactor.text(text)
        status = redactor.text(status)
        topic = redactor.text(topic) if topic else topic
        raw = redactor.value(raw) if raw else raw
    return BrokerEvent.trusted(
        broker,
        kind,
        status,
        text,
        topic,
        count,
        server_time,
        latency,
        level,
        MappingProxyType(dict(raw)) if raw else EMPTY_RAW,
        local_time(epoch),
    )
