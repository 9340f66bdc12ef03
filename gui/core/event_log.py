"""The console's event log, Qt-free: every broker keeps its own last N events (so one broker's
flood never evicts another's), in one global order that views merge across brokers.

The session is the only writer; views read. Rows carry what a view needs to filter without a
call per row (a bit mask of kind and level) and their display text, made once, when first
shown."""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from gui.core.events import KIND_LABELS, BrokerEvent, EventKind, Level, format_clock

DEFAULT_ROWS_PER_BROKER = 20_000
HEARTBEAT_STATUSES = frozenset({"HEART_BEAT"})

KIND_BITS = {kind: 1 << index for index, kind in enumerate(EventKind)}
ALL_KINDS = sum(KIND_BITS.values())


# Per-event checks compare with these rather than `EventKind.X`: in Python 3.11 reading an
# Enum class's member costs ~0.2 us, and a flood asks tens of thousands of times a second.
_SERVER_TIME, _STATUS = EventKind.SERVER_TIME, EventKind.STATUS


def is_heartbeat(event: BrokerEvent) -> bool:
    """Rows that repeat while nothing happens: the broker's clock, its keep-alives."""
    kind = event.kind
    return kind is _SERVER_TIME or (kind is _STATUS and event.status in HEARTBEAT_STATUSES)


_LEVEL_RANKS = {level: level.rank for level in Level}


class LogRow:
    """One event in the log, in the global order `seq`."""

    __slots__ = ("_cells", "_haystack", "event", "heartbeat", "kind_bit", "rank", "seq")

    def __init__(self, seq: int, event: BrokerEvent) -> None:
        self.seq = seq
        self.event = event
        self.kind_bit = KIND_BITS[event.kind]
        self.rank = _LEVEL_RANKS[event.level]
        self.heartbeat = is_heartbeat(event)
        self._cells: tuple[str, ...] | None = None
        self._haystack: str | None = None

    @property
    def cells(self) -> tuple[str, ...]:
        """Time, broker, event, status, detail, count: formatted once."""
        if self._cells is None:
            event = self.event
            count = "" if event.count is None else str(event.count)
            self._cells = (
                format_clock(event.time),
                event.broker,
                KIND_LABELS[event.kind],
                event.status,
                event.detail,
                count,
            )
        return self._cells

    @property
    def haystack(self) -> str:
        """What the text search looks in (case-folded)."""
        if self._haystack is None:
            cells = self.cells
            self._haystack = f"{cells[2]} {cells[3]} {cells[4]}".casefold()
        return self._haystack


@dataclass
class RowFilter:
    """What a view shows: event kinds (a bit mask), the lowest level, a text search."""

    kinds: int = ALL_KINDS
    min_rank: int = 0
    search: str = ""  # case-folded

    def accepts(self, row: LogRow) -> bool:
        if not row.kind_bit & self.kinds or row.rank < self.min_rank:
            return False
        return not self.search or self.search in row.haystack

    @staticmethod
    def kinds_of(kinds: Iterable[EventKind]) -> int:
        return sum(KIND_BITS[kind] for kind in set(kinds))

    @staticmethod
    def rank_of(level: Level) -> int:
        return level.rank


@dataclass
class _Ring:
    rows: deque[LogRow] = field(default_factory=deque)
    evicted: int = 0  # rows this broker's ring dropped, oldest first


class EventStore:
    def __init__(self, rows_per_broker: int = DEFAULT_ROWS_PER_BROKER) -> None:
        self.rows_per_broker = rows_per_broker
        self._rings: dict[str, _Ring] = {}
        self._seq = itertools.count()

    def extend(self, events: Iterable[BrokerEvent]) -> tuple[list[LogRow], set[str]]:
        """Store events in arrival order; returns the new rows and the brokers whose oldest
        rows were evicted to make room."""
        seq = self._seq
        added = [LogRow(next(seq), event) for event in events]
        touched: set[str] = set()
        rings = self._rings
        ring: _Ring | None = None
        broker = None
        for row in added:
            if row.event.broker != broker:  # floods come from one broker: look up once
                broker = row.event.broker
                ring = rings.get(broker)
                if ring is None:
                    ring = rings[broker] = _Ring()
                touched.add(broker)
            assert ring is not None
            ring.rows.append(row)
        evicted: set[str] = set()
        for broker in touched:
            ring = self._rings[broker]
            excess = len(ring.rows) - self.rows_per_broker
            if excess > 0:
                for _ in range(excess):
                    ring.rows.popleft()
                ring.evicted += excess
                evicted.add(broker)
        return added, evicted

    def oldest_seq(self, broker: str) -> int:
        """Rows of `broker` before this sequence number are gone."""
        ring = self._rings.get(broker)
        if ring is None or not ring.rows:
            return 1 << 62
        return ring.rows[0].seq

    def evicted(self, broker: str | None = None) -> int:
        if broker is not None:
            ring = self._rings.get(broker)
            return ring.evicted if ring else 0
        return sum(ring.evicted for ring in self._rings.values())

    def rows(self, broker: str | None = None) -> Iterator[LogRow]:
        """One broker's rows, or every broker's merged, in order."""
        if broker is not None:
            ring = self._rings.get(broker)
            return iter(ring.rows) if ring else iter(())
        return heapq.merge(*(ring.rows for ring in self._rings.values()), key=lambda r: r.seq)

    def clear(self, broker: str | None = None) -> None:
        for name in [broker] if broker is not None else list(self._rings):
            self._rings.pop(name, None)
