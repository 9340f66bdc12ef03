"""The event log widget: a filtered view with its toolbar (filters, search, pause, export)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.events import KIND_LABELS, EventKind, Level
from gui.core.export import write_csv, write_jsonl
from gui.ui.event_log import EventFilterProxy, EventLogModel

LEVEL_CHOICES = (
    (Level.INFO, "All levels"),
    (Level.WARNING, "Warnings and errors"),
    (Level.ERROR, "Errors only"),
)


class EventLogView(QWidget):
    """One view of the shared model; `broker=None` shows every broker."""

    notice = Signal(str)

    def __init__(
        self, model: EventLogModel, broker: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.broker = broker
        self.proxy = EventFilterProxy(broker, self)
        self.proxy.setSourceModel(model)

        self.kind_button = QToolButton(self)
        self.kind_button.setText(self.tr("Events"))
        self.kind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        kind_menu = QMenu(self.kind_button)
        self.kind_actions: dict[EventKind, QAction] = {}
        for kind, label in KIND_LABELS.items():
            action = kind_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._kinds_changed)
            self.kind_actions[kind] = action
        self.kind_button.setMenu(kind_menu)

        self.level_combo = QComboBox(self)
        for level, label in LEVEL_CHOICES:
            self.level_combo.addItem(self.tr(label), level.value)
        self.level_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_min_level(Level(self.level_combo.currentData()))
        )

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search status or detail"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)

        self.pause_button = QToolButton(self)
        self.pause_button.setText(self.tr("Pause scroll"))
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip(self.tr("Keep the view still while events arrive"))

        clear_button = QToolButton(self)
        clear_button.setText(self.tr("Clear"))
        clear_button.clicked.connect(lambda: self.model.clear(self.broker))

        export_button = QToolButton(self)
        export_button.setText(self.tr("Export"))
        export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(export_button)
        export_menu.addAction(self.tr("Visible rows as CSV…"), lambda: self._export("csv"))
        export_menu.addAction(self.tr("Visible rows as JSON Lines…"), lambda: self._export("jsonl"))
        export_button.setMenu(export_menu)

        self.dropped_label = QLabel(self)
        self.dropped_label.setStyleSheet("color: #b26a00;")
        self.dropped_label.hide()
        model.dropped_changed.connect(self._dropped_changed)

        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind_button, self.level_combo):
            toolbar.addWidget(widget)
        toolbar.addWidget(self.search, 1)
        for widget in (self.dropped_label, self.pause_button, clear_button, export_button):
            toolbar.addWidget(widget)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(20)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((96, 70, 90, 150, 360, 60)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        if broker is not None:
            self.table.hideColumn(1)
        model.flushed.connect(self._follow)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(toolbar)
        layout.addWidget(self.table)

    def _kinds_changed(self) -> None:
        self.proxy.set_kinds(k for k, action in self.kind_actions.items() if action.isChecked())

    def _follow(self, added: int) -> None:
        if added and not self.pause_button.isChecked():
            self.table.scrollToBottom()

    def _dropped_changed(self, dropped: int) -> None:
        self.dropped_label.setVisible(dropped > 0)
        self.dropped_label.setText(self.tr("%n older event(s) dropped", "", dropped))

    def export_to(self, path: Path, fmt: str) -> int:
        """Write the rows this view shows (its filters applied); returns the row count."""
        self.model.flush()
        events = self.proxy.visible_events()
        return write_csv(path, events) if fmt == "csv" else write_jsonl(path, events)

    def _export(self, fmt: str) -> None:
        name = f"{self.broker or 'all-brokers'}-events.{fmt}"
        pattern = self.tr("CSV (*.csv)") if fmt == "csv" else self.tr("JSON Lines (*.jsonl)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export events"), name, pattern)
        if not path:
            return
        try:
            rows = self.export_to(Path(path), fmt)
        except OSError as exc:
            message = self.tr("Could not write {0}: {1}").format(path, exc)
            QMessageBox.warning(self, self.tr("Export failed"), message)
            return
        self.notice.emit(self.tr("Exported %n event(s) to {0}", "", rows).format(path))
