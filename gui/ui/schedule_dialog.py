"""Accounts → Schedule…: when the window logs this account in by itself."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from gui.core.schedule import Schedule
from gui.ui.i18n import Translatable


class ScheduleDialog(Translatable, QDialog):
    """A time on the venue's trading days and, where the venue has one, the end of its daily
    maintenance window; the passwords are the remembered ones, never typed here."""

    def __init__(
        self, account: str, schedule: Schedule, maintenance: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("schedule_dialog")
        self.setWindowTitle(self.tr("Scheduled login: {0}").format(account))
        self.at_box = QCheckBox(self.tr("Log in at"), self)
        self.at_box.setObjectName("schedule_at_on")
        self.at_time = QTimeEdit(self)
        self.at_time.setObjectName("schedule_at")
        self.at_time.setDisplayFormat("HH:mm")
        start = schedule.at
        self.at_time.setTime(QTime(start.hour, start.minute) if start else QTime(8, 30))
        self.at_box.setChecked(start is not None)
        self.at_time.setEnabled(start is not None)
        self.at_box.toggled.connect(self.at_time.setEnabled)
        days = QLabel(self.tr("on the venue's trading days (this computer's time)"), self)
        row = QHBoxLayout()
        row.addWidget(self.at_box)
        row.addWidget(self.at_time)
        row.addWidget(days, 1)
        self.after_box = QCheckBox(
            self.tr("Log in again when the daily maintenance window ends"), self
        )
        self.after_box.setObjectName("schedule_after_maintenance")
        self.after_box.setChecked(schedule.after_maintenance and maintenance)
        self.after_box.setEnabled(maintenance)
        if not maintenance:
            self.after_box.setToolTip(self.tr("This broker's venues have no maintenance window."))
        note = QLabel(
            self.tr(
                "Scheduled logins use the passwords this account remembers (turn on Remember "
                "passwords first) and run while the console is open. A missed or failed login "
                "is notified and not retried before the next time."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.after_box)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def schedule(self) -> Schedule:
        at = self.at_time.time().toPython() if self.at_box.isChecked() else None
        return Schedule(at, self.after_box.isChecked() and self.after_box.isEnabled())
