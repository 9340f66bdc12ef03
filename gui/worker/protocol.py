"""The framed pipe between the console and a worker: versioned and length-prefixed.

A frame is a 5-byte header (protocol version, payload length) and a list whose first item names
it, pickled; the reading side refuses every global, so only plain data (str, int, float, bool,
None, list, tuple, dict, bytes) can cross and nothing in a frame can run code. (JSON cost
four times more per event at the tens of thousands a second a flood brings.)

Console → worker: hello, login, cancel, logout, request, shutdown. Worker → console:
records (a batch, in order), bye. A frame of another version, too long, truncated, or of an
unknown name is a ProtocolError: the reader stops and says so; nothing crashes.

Secrets travel only here (the login frame), never in argv or the environment.
"""

from __future__ import annotations

import io
import pickle
import struct
from datetime import datetime
from types import MappingProxyType
from typing import IO, Any, cast

from gui.core.diagnosis import Step
from gui.core.errors import BrokerFailure, failure_from_wire, failure_to_wire
from gui.core.events import EMPTY_RAW, BrokerEvent, EventKind, Level
from gui.core.records import (
    ActionResult,
    Cancelled,
    Connected,
    Detail,
    Dropped,
    Failed,
    Listed,
    LoggedIn,
    LoggedOut,
    Lost,
    RawEvent,
    Record,
    Result,
    StepDone,
    local_time,
    local_zone,
)
from gui.core.redaction import Redactor

VERSION = 1
HEADER = struct.Struct(">BI")
MAX_FRAME_BYTES = 64 << 20

CONSOLE_FRAMES = frozenset({"hello", "login", "cancel", "logout", "request", "shutdown"})
WORKER_FRAMES = frozenset({"records", "bye"})

# Each record on the wire is a list whose first item tags its type (numbers of version 1).
EVENT = 1
DETAIL = 2
LISTED = 3
CONNECTED = 4
LOGGED_IN = 5
FAILED = 6
CANCELLED = 7
LOST = 8
LOGGED_OUT = 9
RESULT = 10
DROPPED = 11
STEP = 15
_KINDS = {kind.value: kind for kind in EventKind}
_LEVELS = {level.value: level for level in Level}
_KIND_VALUES = {kind: kind.value for kind in EventKind}
_LEVEL_VALUES = {level: level.value for level in Level}


class ProtocolError(Exception):
    """The other side sent something this side cannot read."""


class _PlainData(pickle.Unpickler):
    """Unpickles plain data only: a frame that names any class or function is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise ProtocolError(f"a frame naming {module}.{name}: only plain data crosses the pipe")


def write_frame(stream: IO[bytes], frame: list[Any]) -> None:
    """One frame, flushed; `frame` holds plain data only (see records_to_wire)."""
    data = pickle.dumps(frame, protocol=5)
    stream.write(HEADER.pack(VERSION, len(data)) + data)
    stream.flush()


def read_frame(stream: IO[bytes], names: frozenset[str]) -> list[Any] | None:
    """The next frame, or None at a clean end of the stream (between frames)."""
    header = _read_exact(stream, HEADER.size, allow_eof=True)
    if header is None:
        return None
    version, length = HEADER.unpack(header)
    if version != VERSION:
        raise ProtocolError(f"protocol version {version}, this side speaks {VERSION}")
    if length > MAX_FRAME_BYTES:
        raise ProtocolError(f"a frame of {length} bytes (at most {MAX_FRAME_BYTES})")
    payload = _read_exact(stream, length, allow_eof=False)
    assert payload is not None
    try:
        frame = _PlainData(io.BytesIO(payload)).load()
    except ProtocolError:
        raise
    except Exception as exc:  # any malformed pickle: EOFError, UnpicklingError, ValueError …
        raise ProtocolError(f"an unreadable frame ({type(exc).__name__}: {exc})") from None
    if not isinstance(frame, list) or not frame or frame[0] not in names:
        raise ProtocolError(f"an unknown frame {str(frame)[:80]!r}")
    return frame


def _read_exact(stream: IO[bytes], size: int, *, allow_eof: bool) -> bytes | None:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            if allow_eof and remaining == size:
                return None
            raise ProtocolError(
                f"the stream ended inside a frame ({size - remaining}/{size} bytes)"
            )
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


_PLAIN = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """A value as plain data: subclasses (enums, .NET strings) become their base type,
    containers are copied, anything else becomes its text."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict:  # a raw dict: the usual container, before the subclass checks
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict | MappingProxyType):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value]
    return str(value)


# -- records across the pipe ---------------------------------------------------------------


def records_to_wire(records: list[Record], redactor: Redactor) -> list[list[Any]]:
    """Records as JSON-able lists, masked; raw events (nearly all of them) on a fast path."""
    mask = redactor.text if redactor else None
    kind_values, level_values = _KIND_VALUES, _LEVEL_VALUES  # `.value` is a property call
    out: list[list[Any]] = []
    append = out.append
    for record in records:
        if type(record) is not tuple:
            append(record_to_wire(record, redactor))
            continue
        raw_event = cast("RawEvent", record)  # a worker's tuples are raw events only
        (epoch, kind, status, text, topic, count, server_time, latency, level, raw) = raw_event
        if type(status) is not str or type(text) is not str or type(topic) not in _TOPIC:
            status, text, topic = plain(status), plain(text), plain(topic)
        if type(count) not in _COUNT or type(latency) not in _NUMBER:
            count, latency = plain(count), plain(latency)
        if mask is not None:
            if status:
                status = mask(status)
            if text:
                text = mask(text)
            if topic:
                topic = mask(topic)
        if raw:
            raw = redactor.value(plain(raw))  # as text first: bytes or an object may quote one
        stamp = server_time.isoformat() if server_time is not None else None
        append(
            [EVENT, epoch, kind_values[kind], status, text, topic, count, stamp, latency,
             level_values[level], raw]
        )  # fmt: skip
    return out


_TOPIC = (str, type(None))
_COUNT = (int, type(None))
_NUMBER = (int, float, type(None))


def record_to_wire(record: Record, redactor: Redactor) -> list[Any]:
    """A worker-side record other than a raw event (`records_to_wire` takes those) as plain
    data, every string masked (the worker knows the secrets; nothing unmasked leaves it)."""
    mask = redactor.text
    match record:
        case Failed(failure):
            return [FAILED, failure_to_wire(failure.mask(mask))]
        case Result(request_id, BrokerFailure() as failure):
            return [RESULT, request_id, {"failure": failure_to_wire(failure.mask(mask))}]
        case Result(request_id, ActionResult() as done):
            return [
                RESULT,
                request_id,
                {
                    "message": mask(done.message),
                    "offer": plain(dict(done.offer)),  # for the form only: a new token, say
                    "offer_prompt": done.offer_prompt,
                },
            ]
        case Detail(name, value):
            return [DETAIL, plain(name), mask(str(value))]
        case StepDone(step):
            return [STEP, plain(redactor.value(step.to_json()))]
        case Connected(text):
            return [CONNECTED, mask(str(text))]
        case Lost(reason):
            return [LOST, mask(str(reason))]
        case Listed(code, name, boards, epoch):
            return [LISTED, plain(code), plain(name), plain(boards), epoch]
        case LoggedIn():
            return [LOGGED_IN]
        case Cancelled():
            return [CANCELLED]
        case LoggedOut():
            return [LOGGED_OUT]
        case Dropped(count):
            return [DROPPED, count]
    raise ProtocolError(f"no wire form for {type(record).__name__}")


def records_from_wire(broker: str, items: list[Any]) -> list[Record]:
    """A frame's records; events take the fast path (tens of thousands a second cross here)."""
    new, event_type, kinds, levels = tuple.__new__, BrokerEvent, _KINDS, _LEVELS
    stamp_of, read_only, empty = datetime.fromisoformat, MappingProxyType, EMPTY_RAW
    from_epoch = datetime.fromtimestamp
    out: list[Record] = []
    append = out.append
    zone = local_zone(items[0][1]) if items and items[0][0] == EVENT else None
    zone_until = (int(items[0][1] // 60) + 1) * 60 if zone is not None else 0.0
    try:
        for item in items:
            if item[0] != EVENT:
                append(record_from_wire(broker, item))
                continue
            (_, epoch, kind, status, text, topic, count, stamp, latency, level, raw) = item
            if zone is None or epoch >= zone_until or epoch < zone_until - 60:
                zone = local_zone(epoch)  # a new minute: the offset may have changed (DST)
                zone_until = (int(epoch // 60) + 1) * 60
            fields = (
                broker,
                kinds[kind],
                status,
                text,
                topic,
                count,
                stamp_of(stamp) if stamp else None,
                latency,
                levels[level],
                read_only(raw) if raw else empty,
                from_epoch(epoch, zone),
            )
            append(new(event_type, fields))
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise ProtocolError(f"an unreadable record ({exc})") from None
    return out


def record_from_wire(broker: str, item: list[Any]) -> Record:
    """A console-side record from the worker's data; anything malformed raises ProtocolError."""
    try:
        tag = item[0]
        if tag == EVENT:
            (_, epoch, kind, status, text, topic, count, stamp, latency, level, raw) = item
            return BrokerEvent.trusted(
                broker,
                _KINDS[kind],
                str(status),
                str(text),
                topic,
                count,
                datetime.fromisoformat(stamp) if stamp else None,
                latency,
                _LEVELS[level],
                MappingProxyType(raw) if raw else EMPTY_RAW,
                local_time(float(epoch)),
            )
        if tag == FAILED:
            return Failed(failure_from_wire(item[1]))
        if tag == RESULT:
            data = item[2]
            if "failure" in data:
                return Result(int(item[1]), failure_from_wire(data["failure"]))
            outcome = ActionResult(
                str(data["message"]), dict(data.get("offer") or {}), str(data["offer_prompt"])
            )
            return Result(int(item[1]), outcome)
        if tag == LISTED:
            return Listed(str(item[1]), str(item[2]), tuple(map(str, item[3])), float(item[4]))
        if tag == STEP:
            return StepDone(Step.from_json(item[1]))
        if tag == DETAIL:
            return Detail(str(item[1]), str(item[2]))
        if tag == CONNECTED:
            return Connected(str(item[1]))
        if tag == LOST:
            return Lost(str(item[1]))
        if tag == DROPPED:
            return Dropped(int(item[1]))
        if tag == LOGGED_IN:
            return LoggedIn()
        if tag == CANCELLED:
            return Cancelled()
        if tag == LOGGED_OUT:
            return LoggedOut()
        raise ProtocolError(f"an unknown record {str(item)[:80]!r}")
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        raise ProtocolError(f"an unreadable record {str(item)[:80]!r} ({exc})") from None
