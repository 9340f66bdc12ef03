"""One event model for every broker, and the proxy that filters it per view."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from gui.core.events import BrokerEvent, EventKind, Level, format_clock

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Time", "Broker", "Event", "Status", "Detail", "Count")
EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_COLOURS = {Level.WARNING: QColor("#b26a00"), Level.ERROR: QColor("#c62828")}
DEFAULT_CAP = 20_000
FLUSH_MS = 50


class EventLogModel(QAbstractTableModel):
    """Bounded table of events. Appends are buffered and flushed in batches on a GUI timer,
    so a burst of vendor callbacks costs one insert per batch, never one reset per event."""

    dropped_changed = Signal(int)
    flushed = Signal(int)

    def __init__(self, cap: int = DEFAULT_CAP, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cap = cap
        self._rows: deque[BrokerEvent] = deque()
        self._pending: list[BrokerEvent] = []
        self.dropped = 0
        self._timer = QTimer(self)
        self._timer.setInterval(FLUSH_MS)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    # -- feeding -----------------------------------------------------------------------------

    def append(self, event: BrokerEvent) -> None:
        """GUI thread only (sessions deliver on the loop thread, which is the GUI thread)."""
        self._pending.append(event)
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        overflow = len(self._rows) + len(batch) - self.cap
        if overflow > 0:
            from_rows = min(overflow, len(self._rows))
            if from_rows:
                self.beginRemoveRows(QModelIndex(), 0, from_rows - 1)
                for _ in range(from_rows):
                    self._rows.popleft()
                self.endRemoveRows()
            batch = batch[overflow - from_rows :]
            self.dropped += overflow
            self.dropped_changed.emit(self.dropped)
        if batch:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
            self._rows.extend(batch)
            self.endInsertRows()
        self.flushed.emit(len(batch))

    def clear(self, broker: str | None = None) -> None:
        """Remove every row, or only one broker's."""
        self.flush()
        self.beginResetModel()
        if broker is None:
            self._rows.clear()
            self.dropped = 0
        else:
            self._rows = deque(e for e in self._rows if e.broker != broker)
        self.endResetModel()
        self.dropped_changed.emit(self.dropped)

    def event_at(self, row: int) -> BrokerEvent:
        return self._rows[row]

    def events(self) -> Iterable[BrokerEvent]:
        return iter(self._rows)

    # -- Qt model ----------------------------------------------------------------------------

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
        if not index.isValid():
            return None
        event = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(event, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = LEVEL_COLOURS.get(event.level)
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return event.detail
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == EVENT_ROLE:
            return event
        return None


def _cell(event: BrokerEvent, column: int) -> str:
    if column == 0:
        return format_clock(event.time)
    if column == 1:
        return event.broker
    if column == 2:
        return event.kind_label
    if column == 3:
        return event.status
    if column == 4:
        return event.detail
    return "" if event.count is None else str(event.count)


class EventFilterProxy(QSortFilterProxyModel):
    """Filters by broker, event kind, minimum level and a case-insensitive text search."""

    def __init__(self, broker: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.broker = broker
        self.kinds: set[EventKind] = set(EventKind)
        self.min_level = Level.INFO
        self.search = ""

    def set_kinds(self, kinds: Iterable[EventKind]) -> None:
        self._refilter(lambda: setattr(self, "kinds", set(kinds)))

    def set_min_level(self, level: Level) -> None:
        self._refilter(lambda: setattr(self, "min_level", level))

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "search", text.strip().casefold()))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Qt 6.10's begin/endFilterChange where present; invalidateRowsFilter before (6.8 is
        what the full vnpy extra installs)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, EventLogModel)
        event = model.event_at(source_row)
        if self.broker is not None and event.broker != self.broker:
            return False
        if event.kind not in self.kinds or event.level.rank < self.min_level.rank:
            return False
        if self.search:
            haystack = f"{event.kind_label} {event.status} {event.detail}".casefold()
            return self.search in haystack
        return True

    def visible_events(self) -> list[BrokerEvent]:
        return [self.data(self.index(row, 0), EVENT_ROLE) for row in range(self.rowCount())]
