"""The results of "Log in to all": its own window, built only when the command runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.ui.i18n import Translatable


class LoginAllSummary(Translatable, QDialog):
    """The results of "Log in to all", one row per account as each login ends."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("login_all_summary")
        self.setWindowTitle(self.tr("Log in to all"))
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Broker"), self.tr("Account"), self.tr("Result")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel(self.tr("Logging in…"), self)
        self.status.setObjectName("login_all_status")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.results: dict[tuple[str, str], tuple[bool | None, str]] = {}
        self.resize(620, 300)

    def add(self, broker: str, account: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((broker, account, self.tr("logging in…"))):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.results[(broker, account)] = (None, "")
        return row

    def finish(self, row: int, ok: bool, text: str) -> None:
        item = self.table.item(row, 2)
        item.setText(("✔ " if ok else "✘ ") + text)
        item.setForeground(Qt.GlobalColor.darkGreen if ok else Qt.GlobalColor.red)
        key = (self.table.item(row, 0).text(), self.table.item(row, 1).text())
        self.results[key] = (ok, text)

    def done_count(self) -> tuple[int, int]:
        ok = sum(1 for result, _ in self.results.values() if result)
        return ok, len(self.results)

    def all_done(self) -> None:
        ok, total = self.done_count()
        self.status.setText(self.tr("{0} of {1} logged in").format(ok, total))
