"""The one event type every driver emits, and how an event is written out."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple


class EventKind(StrEnum):
    STATUS = "status"
    RECOVER = "recover"
    SERVER_TIME = "server_time"
    MESSAGE = "message"
    LOG = "log"
    CONTEXT = "context"


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.INFO: 0, Level.WARNING: 1, Level.ERROR: 2}

# The names desk support knows from the vendors' own consoles (seed 000 prints 'GetStatus' etc.).
KIND_LABELS: Mapping[EventKind, str] = MappingProxyType(
    {
        EventKind.STATUS: "GetStatus",
        EventKind.RECOVER: "RECOVER",
        EventKind.SERVER_TIME: "ServerTime",
        EventKind.MESSAGE: "Message",
        EventKind.LOG: "Log",
        EventKind.CONTEXT: "Context",
    }
)


def local_now() -> datetime:
    """The local wall-clock time, timezone-aware, so exports carry the offset."""
    return datetime.now().astimezone()


EMPTY_RAW: Mapping[str, Any] = MappingProxyType({})


class _EventFields(NamedTuple):
    broker: str
    kind: EventKind
    status: str
    text: str
    topic: str | None
    count: int | None  # type: ignore[assignment]  # the vendor's word; shadows tuple.count
    server_time: datetime | None
    latency_ms: float | None
    level: Level
    raw: Mapping[str, Any]
    time: datetime


class BrokerEvent(_EventFields):
    """Something a broker or its driver reported, stamped with the local receive time.

    Immutable (a tuple): cheap to build, which matters when a vendor floods thousands a second.
    """

    __slots__ = ()

    def __new__(
        cls,
        broker: str,
        kind: EventKind,
        status: str = "",
        text: str = "",
        topic: str | None = None,
        count: int | None = None,
        server_time: datetime | None = None,
        latency_ms: float | None = None,
        level: Level = Level.INFO,
        raw: Mapping[str, Any] | None = None,
        time: datetime | None = None,
    ) -> BrokerEvent:
        frozen = MappingProxyType(dict(raw)) if raw else EMPTY_RAW
        return _EventFields.__new__(
            cls,
            broker,
            kind,
            status,
            text,
            topic,
            count,
            server_time,
            latency_ms,
            level,
            frozen,
            time or local_now(),
        )

    @classmethod
    def trusted(cls, *fields: Any) -> BrokerEvent:
        """All eleven fields, already normalised (raw a read-only mapping, time set)."""
        return tuple.__new__(cls, fields)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def detail(self) -> str:
        """One line for the Detail column: the text, plus the fields the kind carries."""
        parts: list[str] = []
        if self.topic:
            parts.append(self.topic)
        if self.text:
            parts.append(self.text)
        if self.server_time is not None:
            offset = round((self.server_time - self.time).total_seconds(), 3) + 0.0  # no "-0.000"
            stamp = self.server_time.isoformat(sep=" ", timespec="milliseconds")
            parts.append(f"{stamp} (offset {offset:+.3f} s)")
        return "  ".join(parts)

    def to_json_dict(self) -> dict[str, Any]:
        """The CLI's and the JSON Lines export's shape (docs/ARCHITECTURE.md, The CLI
        contract). Plain values only: every session log line is made here, so lookups replace
        enum properties."""
        kind_value, kind_label = _KIND_JSON[self.kind]
        server_time = self.server_time
        out: dict[str, Any] = {
            "time": self.time.isoformat(timespec="milliseconds"),
            "broker": self.broker,
            "kind": kind_value,
            "event": kind_label,
            "status": self.status,
            "text": self.text,
            "topic": self.topic,
            "count": self.count,
            "server_time": (
                server_time.isoformat(timespec="milliseconds") if server_time else None
            ),
            "latency_ms": self.latency_ms,
            "level": _LEVEL_VALUES[self.level],
        }
        raw = self.raw
        if raw:
            out["raw"] = {
                key: value if type(value) in _PLAIN else _jsonable(value)
                for key, value in raw.items()
            }
        return out


_KIND_JSON = {kind: (kind.value, KIND_LABELS[kind]) for kind in EventKind}
_LEVEL_VALUES = {level: level.value for level in Level}
_PLAIN = frozenset({str, int, float, bool, type(None)})


def format_clock(moment: datetime) -> str:
    """`HH:MM:SS.mmm`, zero-padded, in local time."""
    return moment.astimezone().strftime("%H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, datetime):
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return str(value)
