"""The Terminal info panel: what the login will send about this machine (穿透式 / station
fields), field by field, with where each comes from and what looks wrong, before it is sent."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.terminal_info import TerminalField, problems
from gui.ui.diagnosis_panel import ROW_COLOURS
from gui.ui.i18n import Translatable, translate

COLUMNS = (
    QT_TRANSLATE_NOOP("TerminalInfoPanel", "Field"),
    QT_TRANSLATE_NOOP("TerminalInfoPanel", "Value sent"),
    QT_TRANSLATE_NOOP("TerminalInfoPanel", "From"),
    QT_TRANSLATE_NOOP("TerminalInfoPanel", "Needed"),
)


class TerminalInfoPanel(Translatable, QWidget):
    """The tab fills it (`show_fields`) when it is shown and on Refresh; it reads nothing."""

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: list[TerminalField] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("terminal_fields")
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self.tr("What the login sends about this machine."), self)
        self.summary.setObjectName("terminal_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("terminal_refresh")
        self.refresh_button.setToolTip(self.tr("Read the form and this machine again"))
        self.refresh_button.clicked.connect(self.refresh_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def show_fields(self, fields: list[TerminalField]) -> None:
        self.fields = fields
        self.table.setRowCount(len(fields))
        for row, field in enumerate(fields):
            texts = (
                field.name,
                field.value or self.tr("(empty)"),
                translate("terminal", field.source),
                self.tr("needed") if field.required else self.tr("optional"),
            )
            problem = translate("terminal", field.problem) if field.problem else ""
            level = "fail" if problem and field.required else "warn" if problem else ""
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{text}\n\n{problem}" if problem else text)
                if level:
                    item.setBackground(QColor(ROW_COLOURS[level]))
                self.table.setItem(row, column, item)
        flagged = problems(fields)
        needed = [f for f in flagged if f.required]
        if not flagged:
            text = self.tr("%n field(s); nothing looks wrong. Nothing was sent.", "", len(fields))
        else:
            first = flagged[0]
            text = self.tr(
                "%n field(s) look wrong ({0} the broker needs): {1}: {2}. Nothing was sent.",
                "",
                len(flagged),
            ).format(len(needed), first.name, translate("terminal", first.problem))
        self.summary.setText(text)
