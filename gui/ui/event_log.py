"""The log's Qt models: one feed that takes every session's events, and a model per view.

Sessions append on the GUI thread; nothing is done per event there but a list append. A timer
flushes the batch into the store (per-broker rings) and into each view's model, which filters
in the model (no Python call per row from Qt), inserts once per batch, and collapses repeated
heartbeats (ServerTime every second, HEART_BEAT) into one updating row with a count.
"""

from __future__ import annotations

import gc
import time
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from gui.brokers import default_registry
from gui.core.collector import collect_for_floods, collect_frozen, freeze_survivors
from gui.core.event_log import EventStore, LogRow, RowFilter
from gui.core.events import BrokerEvent, Level
from gui.core.native_codes import NativeCode, code_of, explain
from gui.core.registry import Registry
from gui.ui.i18n import Translatable, explained, explained_fully

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("LogViewModel", "Time"),
    QT_TRANSLATE_NOOP("LogViewModel", "Broker"),
    QT_TRANSLATE_NOOP("LogViewModel", "Event"),
    QT_TRANSLATE_NOOP("LogViewModel", "Status"),
    QT_TRANSLATE_NOOP("LogViewModel", "Detail"),
    QT_TRANSLATE_NOOP("LogViewModel", "Count"),
)
DETAIL_COLUMN = 4
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ANSWERED = frozenset((_DISPLAY, _FOREGROUND, _TOOLTIP, _ALIGNMENT))
FLUSH_MS = 100  # the log shows new events ten times a second at most: one repaint each
FLUSH_CHUNK = 500  # events per step of a flush
FLUSH_SLICE_SECONDS = 0.006  # a flush yields to the GUI after this long
SLICE_GAP_MS = 4
# A full garbage collection walks every object the log holds (a 100,000-event log: 30-80 ms,
# every few hundred milliseconds under a flood). Automatic full passes are put off; they run
# when the log has been quiet for a while (the younger generations as gui.core.collector sets).
# A run that stores a chunk or more is a flood: what it stored is frozen out of the collector's
# way (gui.core.collector.freeze_survivors) and collected once the floods are over.
FULL_COLLECTION_PUT_OFF = 1_000_000
GC_QUIET_SECONDS = 5.0
GC_CHECK_MS = 15_000
COLLAPSE_LOOKBACK = 8  # heartbeat rows of other brokers a repeat may look past
# Text colours: a QColor is what the item delegate needs (a QBrush would build QGradient's
# 169 presets into Python at start-up).
_COLOURS = {Level.WARNING: QColor("#b26a00"), Level.ERROR: QColor("#c62828")}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ViewRow:
    """A row of one view: a log row, or a run of heartbeats shown as one (the latest)."""

    __slots__ = ("first", "key", "latest", "repeats")

    def __init__(self, row: LogRow) -> None:
        self.first = row
        self.latest = row
        self.repeats = 1
        event = row.event
        self.key = (event.broker, event.kind, event.status)


class LogViewModel(Translatable, QAbstractTableModel):
    """One view of the store: one broker's rows or all of them, filtered, heartbeats collapsed."""

    def __init__(self, store: EventStore, broker: str | None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.broker = broker
        self.filter = RowFilter()
        self.collapse = True
        self._rows: list[ViewRow] = []

    # -- feeding (the feed calls these) ------------------------------------------------------

    def ingest(self, rows: list[LogRow], evicted: set[str]) -> int:
        """New rows from the store, after dropping what its rings evicted; returns rows added."""
        fresh = self._accepted(rows)
        if evicted:
            self._drop_evicted(evicted)
            oldest = {name: self.store.oldest_seq(name) for name in evicted}
            fresh = [r for r in fresh if r.seq >= oldest.get(r.event.broker, -1)]
        if not fresh:
            return 0
        added: list[ViewRow] = []
        changed: set[int] = set()
        for row in fresh:
            if self.collapse and row.heartbeat:
                target = self._repeat_target(row, added)
                if target is not None:
                    view_row, position = target
                    view_row.latest = row
                    view_row.repeats += 1
                    if position is not None:
                        changed.add(position)
                    continue
            added.append(ViewRow(row))
        for position in changed:
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()
        return len(added)

    def _accepted(self, rows: list[LogRow]) -> list[LogRow]:
        """The rows this view shows, filtered in one pass (no call per row)."""
        broker = self.broker
        kinds, min_rank, search = self.filter.kinds, self.filter.min_rank, self.filter.search
        if broker is not None:
            rows = [r for r in rows if r.event.broker == broker]
        if search:
            return [
                r
                for r in rows
                if r.kind_bit & kinds and r.rank >= min_rank and search in r.haystack
            ]
        return [r for r in rows if r.kind_bit & kinds and r.rank >= min_rank]

    def _repeat_target(
        self, row: LogRow, added: list[ViewRow]
    ) -> tuple[ViewRow, int | None] | None:
        """The heartbeat row this one repeats: same broker, kind and status, with at most a few
        other brokers' heartbeats after it (so each broker's story stays in order)."""
        event = row.event
        key = (event.broker, event.kind, event.status)
        newest = added[-1] if added else (self._rows[-1] if self._rows else None)
        if newest is None or not newest.latest.heartbeat:
            return None  # the common case: something else came last
        if newest.key == key:
            return newest, None if added else len(self._rows) - 1
        for looked, (view_row, position) in enumerate(self._newest_first(added)):
            if view_row.key == key:
                return view_row, position
            latest = view_row.latest
            if looked >= COLLAPSE_LOOKBACK or not latest.heartbeat:
                return None
            if latest.event.broker == event.broker:
                return None  # this broker said something else since
        return None

    def _newest_first(self, added: list[ViewRow]) -> Iterator[tuple[ViewRow, int | None]]:
        """This batch's new rows (not shown yet), then the shown ones, newest first."""
        for view_row in reversed(added):
            yield view_row, None
        for position in range(len(self._rows) - 1, -1, -1):
            yield self._rows[position], position

    def _drop_evicted(self, brokers: set[str]) -> None:
        """Remove rows the store no longer holds (the oldest of those brokers), in runs."""
        oldest = {broker: self.store.oldest_seq(broker) for broker in brokers}
        limit = max(oldest.values())
        rows = self._rows
        if self.broker is not None:  # one broker: what it evicted is a prefix of the view
            if self.broker not in oldest:
                return
            cut = bisect_left(rows, oldest[self.broker], key=lambda r: r.latest.seq)
            if cut:
                self.beginRemoveRows(QModelIndex(), 0, cut - 1)
                del rows[:cut]
                self.endRemoveRows()
            return
        end = bisect_left(rows, limit, key=lambda r: r.first.seq)
        gone = [
            i
            for i in range(end)
            if rows[i].latest.event.broker in oldest
            and rows[i].latest.seq < oldest[rows[i].latest.event.broker]
        ]
        for start, stop in reversed(list(_runs(gone))):
            self.beginRemoveRows(QModelIndex(), start, stop - 1)
            del rows[start:stop]
            self.endRemoveRows()

    def reload(self) -> None:
        """Rebuild from the store (the filter changed, or rows were cleared)."""
        self.beginResetModel()
        self._rows = []
        self.endResetModel()
        rows = list(self.store.rows(self.broker))
        if rows:
            self.ingest(rows, set())

    # -- reading -----------------------------------------------------------------------------

    def event_at(self, row: int) -> BrokerEvent:
        return self._rows[row].latest.event

    def visible_events(self) -> Iterator[BrokerEvent]:
        """Every event the filter shows, each heartbeat included (exports carry them all)."""
        accepts = self.filter.accepts
        return (row.event for row in self.store.rows(self.broker) if accepts(row))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Qt asks for about eight roles per visible cell per repaint: roles are compared as
        # ints (an enum comparison costs ten times more) and unknown roles leave at once.
        if role not in _ANSWERED:
            return None
        view_row = self._rows[index.row()]
        if role == _DISPLAY:
            column = index.column()
            text = view_row.latest.cells[column]
            if column == 2 and view_row.repeats > 1:
                return f"{text} ×{view_row.repeats}"
            if column == DETAIL_COLUMN and view_row.latest.event.raw:
                known = _native_code(view_row.latest.event)
                return text if known is None else f"{text}  — {explained(known)}"
            return text
        if role == _FOREGROUND:
            return _COLOURS.get(view_row.latest.event.level)
        if role == _TOOLTIP:
            column = index.column()
            if column != DETAIL_COLUMN:
                return None
            text = view_row.latest.cells[column]
            known = _native_code(view_row.latest.event) if view_row.latest.event.raw else None
            if known is None:
                return text
            return self.tr("{0}\n\nCode {1} ({2}):\n{3}").format(
                text, known.code, known.vendor_text, explained_fully(known)
            )
        return _RIGHT if index.column() == 5 else None  # _ALIGNMENT


@cache
def _registry() -> Registry:
    return default_registry()


def _native_code(event: BrokerEvent) -> NativeCode | None:
    """The explanation of the vendor code an event carries (gui/core/native_codes.py)."""
    code = code_of(event.raw)
    return None if code is None else explain(_registry(), event.broker, code)


def _runs(indices: list[int]) -> Iterator[tuple[int, int]]:
    """Sorted indices as [start, stop) runs."""
    start = previous = None
    for i in indices:
        if start is None:
            start = previous = i
        elif i == previous + 1:
            previous = i
        else:
            yield start, previous + 1
            start = previous = i
    if start is not None:
        yield start, previous + 1


class LogFeed(QObject):
    """The one way events reach the log: sessions append, a timer flushes in batches."""

    # A flush longer than one slice yields to the GUI between slices: views hold their repaint
    # from `held` until `flushed` (rows stored by the flush), so nobody sees a half batch.
    held = Signal()
    flushed = Signal(int)

    def __init__(self, store: EventStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store or EventStore()
        self.models: list[LogViewModel] = []
        self._pending: list[BrokerEvent] = []
        self._run_left = 0  # events the flush under way still has to store
        self._run_rows = 0
        self._run_started = 0.0
        self._held = False  # views hold their repaint (a flush spans several slices)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self._flush_slice)
        # The next slice of a flush under way: a real 1 ms timer. A zero-delay single shot is a
        # posted event, and Qt runs events posted while it sends posted events in the same
        # pass: a long flush would run to its end in one go and freeze the window.
        self._next_slice = QTimer(self)
        self._next_slice.setSingleShot(True)
        self._next_slice.setInterval(SLICE_GAP_MS)
        self._next_slice.timeout.connect(self._flush_slice)
        self._last_flush = 0.0
        # When a flood last froze what it stored out of the collector's way (None: not since
        # the last collection of frozen objects).
        self._flood_frozen_at: float | None = None
        self._collector = QTimer(self)
        self._collector.setInterval(GC_CHECK_MS)
        self._collector.timeout.connect(self._collect_when_quiet)
        self._collector.start()
        collect_for_floods(full_after=FULL_COLLECTION_PUT_OFF)

    def append(self, event: BrokerEvent) -> None:
        """GUI thread (sessions deliver on the loop, which is the GUI thread)."""
        self.extend([event])

    def extend(self, events: list[BrokerEvent]) -> None:
        self._pending.extend(events)
        if not self._timer.isActive():
            self._timer.start()

    def model(self, broker: str | None) -> LogViewModel:
        model = LogViewModel(self.store, broker, self)
        self.models.append(model)
        model.reload()
        return model

    @property
    def backlog(self) -> int:
        """Events arrived but not stored yet."""
        return len(self._pending)

    def flush(self, budget: float | None = None) -> None:
        """Store what has arrived and show it. With a time `budget` (the timer's flushes) it
        yields when the budget is spent and goes on in the next turn of the event loop; views
        repaint once, when the run is over. A run takes in what arrives meanwhile for up to
        FLUSH_MS, then ends (so views repaint ten times a second under a flood); a backlog
        left then starts the next run at the next slice, not a whole FLUSH_MS later."""
        if not self._run_left:
            if not self._pending:
                return
            self._run_left, self._run_rows = len(self._pending), 0
            self._run_started = time.perf_counter()
        deadline = None if budget is None else time.perf_counter() + budget
        while self._run_left:
            size = min(FLUSH_CHUNK, self._run_left)
            batch = self._pending[:size]
            del self._pending[:size]
            self._run_left -= size
            rows, evicted = self.store.extend(batch)
            for model in self.models:
                model.ingest(rows, evicted)
            self._run_rows += len(rows)
            if (
                not self._run_left
                and self._pending
                and budget is not None
                and time.perf_counter() - self._run_started < FLUSH_MS / 1000
            ):
                self._run_left = len(self._pending)  # a flood: the run takes in what came since
            if deadline is not None and time.perf_counter() >= deadline and self._run_left:
                if not self._held:
                    self._held = True
                    self.held.emit()
                self._freeze_if_flood()
                self._next_slice.start()
                return
        self._freeze_if_flood()
        self._last_flush = time.monotonic()
        self._held = False
        self.flushed.emit(self._run_rows)
        if budget is None and self._pending:
            self.flush()  # an unbudgeted flush (export, clear) takes everything
        elif self._pending:
            self._next_slice.start()  # a backlog: the next run goes on at once

    def _flush_slice(self) -> None:
        self.flush(FLUSH_SLICE_SECONDS)

    def _freeze_if_flood(self) -> None:
        if self._run_rows >= FLUSH_CHUNK:
            freeze_survivors()
            self._flood_frozen_at = time.monotonic()

    def _collect_when_quiet(self) -> None:
        """The full collection floods put off: once no flood came for a while (heartbeats may
        go on), or once nothing at all arrives."""
        now = time.monotonic()
        frozen_at = self._flood_frozen_at
        if frozen_at is not None and now - frozen_at >= GC_QUIET_SECONDS:
            self._flood_frozen_at = None
            collect_frozen()
        elif now - self._last_flush >= GC_QUIET_SECONDS and gc.get_count()[2]:
            gc.collect()

    def clear(self, broker: str | None = None) -> None:
        self.flush()
        self.store.clear(broker)
        for model in self.models:
            model.reload()
