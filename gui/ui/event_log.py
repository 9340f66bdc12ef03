"""The log's Qt models: one feed that takes every session's events, and a model per view.

Sessions append on the GUI thread; nothing is done per event there but a list append. A timer
flushes the batch into the store (per-broker rings) and into each view's model, which filters
in the model (no Python call per row from Qt), inserts once per batch, and collapses repeated
heartbeats (ServerTime every second, HEART_BEAT) into one updating row with a count.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from gui.core.event_log import EventStore, LogRow, RowFilter
from gui.core.events import BrokerEvent, Level

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Time", "Broker", "Event", "Status", "Detail", "Count")
DETAIL_COLUMN = 4
EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
FLUSH_MS = 50
COLLAPSE_LOOKBACK = 8  # heartbeat rows of other brokers a repeat may look past
_BRUSHES = {Level.WARNING: QBrush(QColor("#b26a00")), Level.ERROR: QBrush(QColor("#c62828"))}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ViewRow:
    """A row of one view: a log row, or a run of heartbeats shown as one (the latest)."""

    __slots__ = ("first", "latest", "repeats")

    def __init__(self, row: LogRow) -> None:
        self.first = row
        self.latest = row
        self.repeats = 1

    @property
    def key(self) -> tuple[str, str, str]:
        event = self.latest.event
        return event.broker, event.kind.value, event.status


class LogViewModel(QAbstractTableModel):
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
        broker, accepts = self.broker, self.filter.accepts
        fresh = [r for r in rows if (broker is None or r.event.broker == broker) and accepts(r)]
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

    def _repeat_target(
        self, row: LogRow, added: list[ViewRow]
    ) -> tuple[ViewRow, int | None] | None:
        """The heartbeat row this one repeats: same broker, kind and status, with at most a few
        other brokers' heartbeats after it (so each broker's story stays in order)."""
        event = row.event
        key = (event.broker, event.kind.value, event.status)
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view_row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = view_row.latest.cells[column]
            if column == 2 and view_row.repeats > 1:
                return f"{text} ×{view_row.repeats}"
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            return _BRUSHES.get(view_row.latest.event.level)
        if role == Qt.ItemDataRole.ToolTipRole and column == DETAIL_COLUMN:
            return view_row.latest.cells[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 5:
            return _RIGHT
        if role == EVENT_ROLE:
            return view_row.latest.event
        return None


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

    flushed = Signal(int)  # rows stored by the flush

    def __init__(self, store: EventStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store or EventStore()
        self.models: list[LogViewModel] = []
        self._pending: list[BrokerEvent] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.flush)

    def append(self, event: BrokerEvent) -> None:
        """GUI thread (sessions deliver on the loop, which is the GUI thread)."""
        self._pending.append(event)
        if not self._timer.isActive():
            self._timer.start()

    def model(self, broker: str | None) -> LogViewModel:
        model = LogViewModel(self.store, broker, self)
        self.models.append(model)
        model.reload()
        return model

    def flush(self) -> None:
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        rows, evicted = self.store.extend(batch)
        for model in self.models:
            model.ingest(rows, evicted)
        self.flushed.emit(len(rows))

    def clear(self, broker: str | None = None) -> None:
        self.flush()
        self.store.clear(broker)
        for model in self.models:
            model.reload()
