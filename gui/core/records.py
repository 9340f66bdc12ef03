"""What flows from a driver to its session, in order: events and typed outcomes.

One small frozen type per kind of record; `Session` dispatches on the type. The same records
travel in-process (a driver on the console's loop, for unit tests) and through the worker pipe
(gui/worker/protocol.py turns them into tagged plain data and back), so the session has one
way of being told anything.

A raw event is the one exception: a plain tuple (`RawEvent`), because it is built on vendor
threads tens of thousands of times a second, where every microsecond is taken from the GIL the
GUI needs (a tuple display costs a third of a dataclass's construction). It is masked and made
a `BrokerEvent` off that thread; `type(record) is tuple` tells it apart.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from types import MappingProxyType
from typing import Any, TypeAlias

from gui.core.diagnosis import Step
from gui.core.errors import BrokerFailure
from gui.core.events import EMPTY_RAW, BrokerEvent, EventKind, Level
from gui.core.redaction import Redactor

# (epoch, kind, status, text, topic, count, server_time, latency_ms, level, raw), as the
# vendor's thread saw it: not masked yet.
RawEvent: TypeAlias = tuple[
    float,
    EventKind,
    str,
    str,
    str | None,
    int | None,
    datetime | None,
    float | None,
    Level,
    Mapping[str, Any] | None,
]


@dataclass(frozen=True)
class ActionResult:
    """What a driver action reports. `offer` holds form values the user may adopt (e.g. a
    refreshed token); it goes to the form only, never to an event."""

    message: str
    offer: Mapping[str, Any] = field(default_factory=dict)
    offer_prompt: str = ""


@dataclass(frozen=True, slots=True)
class Detail:
    """A fact for the session panel, e.g. the SDK's version."""

    name: str
    value: str


@dataclass(frozen=True, slots=True)
class Listed:
    """An exchange (and its boards) the broker registered, at `epoch`."""

    code: str
    name: str
    boards: tuple[str, ...]
    epoch: float


@dataclass(frozen=True, slots=True)
class Connected:
    """The broker answered; the login goes on."""

    text: str


@dataclass(frozen=True, slots=True)
class LoggedIn:
    """The login succeeded."""


@dataclass(frozen=True, slots=True)
class Failed:
    """The login ended without success."""

    failure: BrokerFailure


@dataclass(frozen=True, slots=True)
class Cancelled:
    """The login stopped because the console asked."""


@dataclass(frozen=True, slots=True)
class Lost:
    """A logged-in connection dropped."""

    reason: str


@dataclass(frozen=True, slots=True)
class LoggedOut:
    """Logout finished and the driver released everything."""


@dataclass(frozen=True, slots=True)
class Result:
    """What the driver action `request_id` ended with."""

    request_id: int
    outcome: ActionResult | BrokerFailure


@dataclass(frozen=True, slots=True)
class Dropped:
    """Events a full queue had to drop (counted, in order)."""

    count: int


@dataclass(frozen=True, slots=True)
class Ended:
    """The driver (or its process) is gone; `requested`: the console asked it to go."""

    description: str
    requested: bool


@dataclass(frozen=True, slots=True)
class StepDone:
    """One phase of a diagnosis."""

    step: Step


LoginOutcome: TypeAlias = LoggedIn | Failed | Cancelled
Record: TypeAlias = (
    RawEvent
    | BrokerEvent
    | Detail
    | Listed
    | Connected
    | LoggedIn
    | Failed
    | Cancelled
    | Lost
    | LoggedOut
    | Result
    | Dropped
    | Ended
    | StepDone
)


def is_event(record: Record) -> bool:
    """An event, raw or made (what a full queue may drop); every other record is kept."""
    kind = type(record)
    return kind is tuple or kind is BrokerEvent


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


def event_from_raw(broker: str, record: RawEvent, redactor: Redactor) -> BrokerEvent:
    """A raw event as a BrokerEvent, its strings masked (off the vendor's thread)."""
    (epoch, kind, status, text, topic, count, server_time, latency, level, raw) = record
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
