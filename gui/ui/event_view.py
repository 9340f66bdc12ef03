"""The event log widget: one view of the log with its toolbar (filters, search, heartbeats,
pause, clear, export)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.event_log import RowFilter
from gui.core.events import KIND_LABELS, EventKind, Level
from gui.ui.event_log import LogFeed
from gui.ui.i18n import Translatable

LEVEL_CHOICES = (
    (Level.INFO, QT_TRANSLATE_NOOP("EventLogView", "All levels")),
    (Level.WARNING, QT_TRANSLATE_NOOP("EventLogView", "Warnings and errors")),
    (Level.ERROR, QT_TRANSLATE_NOOP("EventLogView", "Errors only")),
)
COLUMN_WIDTHS = (96, 70, 110, 150, 360, 60)
SEARCH_DELAY_MS = 250  # filter after typing pauses, not on every key over 100,000 rows


class EventLogView(Translatable, QWidget):
    """One view of the log; `broker=None` shows every broker. A broker's view can show every
    broker's events too (its scope choice), so one log on screen is enough."""

    notice = Signal(str)

    def __init__(self, feed: LogFeed, broker: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.feed = feed
        self.model = feed.model(broker)
        self.queue_drops = 0  # events a full queue dropped before the log (the sessions say)

        self.scope: QComboBox | None = None
        if broker is not None:
            self.scope = QComboBox(self)
            self.scope.setObjectName("log_scope")
            self.scope.addItem(self.tr("This broker"), broker)
            self.scope.addItem(self.tr("All brokers"), "")
            self.scope.setToolTip(self.tr("Show this broker's events or every broker's"))
            self.scope.currentIndexChanged.connect(self._scope_changed)

        self.kind_button = QToolButton(self)
        self.kind_button.setText(self.tr("Events"))
        self.kind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        kind_menu = QMenu(self.kind_button)
        self.kind_actions: dict[EventKind, QAction] = {}
        for kind, label in KIND_LABELS.items():
            action = kind_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._filter_changed)
            self.kind_actions[kind] = action
        self.kind_button.setMenu(kind_menu)

        self.level_combo = QComboBox(self)
        for level, label in LEVEL_CHOICES:
            self.level_combo.addItem(self.tr(label), level.value)
        self.level_combo.currentIndexChanged.connect(self._filter_changed)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search status or detail"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._filter_changed)
        self.search.textChanged.connect(self._search_timer.start)

        self.heartbeats = QCheckBox(self.tr("Show every heartbeat"), self)
        self.heartbeats.setToolTip(
            self.tr("Off: repeated ServerTime and HEART_BEAT rows are one row with a count")
        )
        self.heartbeats.toggled.connect(self._filter_changed)

        self.pause_button = QToolButton(self)
        self.pause_button.setText(self.tr("Pause scroll"))
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip(self.tr("Keep the view still while events arrive"))

        clear_button = QToolButton(self)
        clear_button.setText(self.tr("Clear"))
        clear_button.clicked.connect(lambda: self.feed.clear(self.model.broker))

        export_button = QToolButton(self)
        export_button.setText(self.tr("Export"))
        export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(export_button)
        export_menu.addAction(self.tr("Visible rows as CSV…"), lambda: self._export("csv"))
        export_menu.addAction(self.tr("Visible rows as JSON Lines…"), lambda: self._export("jsonl"))
        export_button.setMenu(export_menu)

        self.dropped_label = QLabel(self)
        self.dropped_label.setObjectName("dropped")
        self.dropped_label.setStyleSheet("color: #b26a00;")
        # A count that changes with every flush under a flood: a fixed size (width and height),
        # so a new text never invalidates the layouts up to the window (that relaid out every
        # label of the window, measuring their texts, ten times a second).
        self.dropped_label.setFixedSize(
            self.dropped_label.fontMetrics().horizontalAdvance("9,999,999 older events dropped"),
            self.dropped_label.sizeHint().height(),
        )
        self.dropped_label.setToolTip(
            self.tr(
                "Older rows leave this view to keep it fast; every event stays in the session "
                "log (View → Open log folder). Events counted as dropped were lost: the queue "
                "to the window was full."
            )
        )
        self.dropped_label.hide()

        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        if self.scope is not None:
            toolbar.addWidget(self.scope)
        for widget in (self.kind_button, self.level_combo):
            toolbar.addWidget(widget)
        toolbar.addWidget(self.search, 1)
        for widget in (
            self.heartbeats,
            self.dropped_label,
            self.pause_button,
            clear_button,
            export_button,
        ):
            toolbar.addWidget(widget)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        vertical.setDefaultSectionSize(20)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        if broker is not None:
            self.table.hideColumn(1)
        self._rows_added = False
        self.model.rowsInserted.connect(self._note_rows)
        feed.held.connect(lambda: self.table.setUpdatesEnabled(False))
        feed.flushed.connect(self._flush_done)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(toolbar)
        layout.addWidget(self.table)

    # -- filters -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """A new UI language: the model's headers are asked again."""
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )

    def _filter_changed(self) -> None:
        kinds = [kind for kind, action in self.kind_actions.items() if action.isChecked()]
        self.model.filter = RowFilter(
            kinds=RowFilter.kinds_of(kinds),
            min_rank=Level(self.level_combo.currentData()).rank,
            search=self.search.text().strip().casefold(),
        )
        self.model.collapse = not self.heartbeats.isChecked()
        self.model.reload()

    def _scope_changed(self) -> None:
        assert self.scope is not None  # only a broker's view has a scope to choose
        self.model.broker = self.scope.currentData() or None
        self.table.setColumnHidden(1, self.model.broker is not None)
        self.model.reload()
        self._update_dropped()

    def _note_rows(self) -> None:
        self._rows_added = True

    def _flush_done(self) -> None:
        """One repaint per flush: follow the newest row (unless paused), then paint."""
        if self._rows_added and not self.pause_button.isChecked():
            self.table.scrollToBottom()
        self._rows_added = False
        if not self.table.updatesEnabled():  # enabling repaints the whole table: only if held
            self.table.setUpdatesEnabled(True)
        self._update_dropped()

    def set_queue_drops(self, dropped: int) -> None:
        if dropped != self.queue_drops:
            self.queue_drops = dropped
            self._update_dropped()

    def _update_dropped(self) -> None:
        """Rows trimmed from the view are not lost (the session log keeps every event); events
        a full queue dropped are. The label tells them apart."""
        trimmed = self.feed.store.evicted(self.model.broker)
        parts = []
        if trimmed:
            parts.append(self.tr("%n row(s) trimmed", "", trimmed))
        if self.queue_drops:
            parts.append(self.tr("%n event(s) dropped", "", self.queue_drops))
        self.dropped_label.setVisible(bool(parts))
        if parts:
            self.dropped_label.setText("; ".join(parts))

    # -- export ------------------------------------------------------------------------------

    def export_to(self, path: Path, fmt: str) -> int:
        """Write every event the view's filters show (heartbeats uncollapsed); the row count."""
        from gui.core.export import write_csv, write_jsonl  # with the first export, not at start

        self.feed.flush()
        events = self.model.visible_events()
        return write_csv(path, events) if fmt == "csv" else write_jsonl(path, events)

    def _export(self, fmt: str) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        name = f"{self.model.broker or 'all-brokers'}-events.{fmt}"
        pattern = self.tr("CSV (*.csv)") if fmt == "csv" else self.tr("JSON Lines (*.jsonl)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export events"), name, pattern)
        if not path:
            return
        try:
            rows = self.export_to(Path(path), fmt)
        except (OSError, ValueError) as exc:  # ValueError: the target is a device, a folder…
            message = self.tr("Could not write {0}: {1}").format(path, exc)
            QMessageBox.warning(self, self.tr("Export failed"), message)
            return
        self.notice.emit(self.tr("Exported %n event(s) to {0}", "", rows).format(path))
