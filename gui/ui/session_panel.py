"""The state badge and the session panel: what a trader checks at a glance."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.context import Context
from gui.core.session import SessionInfo, SessionState

CLOCK_WARNING_SECONDS = 5.0

_BADGE: dict[SessionState, tuple[str, str]] = {
    SessionState.DISCONNECTED: ("Disconnected", "#757575"),
    SessionState.CONNECTING: ("Connecting…", "#ef6c00"),
    SessionState.CONNECTED: ("Connected, logging in…", "#ef6c00"),
    SessionState.LOGGED_IN: ("Logged in", "#2e7d32"),
    SessionState.LOGGING_OUT: ("Logging out…", "#ef6c00"),
    SessionState.FAILED: ("Failed", "#c62828"),
}


def state_label(state: SessionState) -> str:
    return QCoreApplication.translate("state", _BADGE[state][0])


class StateBadge(QLabel):
    """A coloured pill showing the session state; it renders, never infers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("state_badge")
        self.state = SessionState.DISCONNECTED
        self.show_state(SessionState.DISCONNECTED)

    def show_state(self, state: SessionState) -> None:
        self.state = state
        colour = _BADGE[state][1]
        self.setText(state_label(state))
        self.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; border-radius: 10px;"
            " padding: 3px 12px; font-weight: bold; }"
        )


def describe_offset(offset: timedelta) -> str:
    seconds = offset.total_seconds()
    if abs(seconds) < 0.05:
        return QCoreApplication.translate("panel", "in step with this machine")
    if seconds > 0:
        text = QCoreApplication.translate("panel", "server {0:.1f} s ahead of this machine")
    else:
        text = QCoreApplication.translate("panel", "server {0:.1f} s behind this machine")
    return text.format(abs(seconds))


class SessionPanel(QGroupBox):
    """Server time and its offset, latency, SDK facts, recover progress, exchanges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Session"), parent)
        self.server_time = QLabel("—")
        self.offset = QLabel("—")
        self.offset.setObjectName("clock_offset")
        self.latency = QLabel("—")
        self.exchanges = QLabel("—")
        self.exchanges.setObjectName("exchanges")
        self.exchanges.setWordWrap(True)
        self.facts = QFormLayout()
        self.facts.addRow(self.tr("Server time"), self.server_time)
        self.facts.addRow(self.tr("Clock offset"), self.offset)
        self.facts.addRow(self.tr("Connection quality"), self.latency)
        self.facts.addRow(self.tr("Exchanges"), self.exchanges)
        self._detail_labels: dict[str, QLabel] = {}
        self.recover = QTableWidget(0, 3, self)
        self.recover.setObjectName("recover_table")
        self.recover.setHorizontalHeaderLabels(
            [self.tr("Topic"), self.tr("Status"), self.tr("Count")]
        )
        self.recover.verticalHeader().hide()
        self.recover.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.recover.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.recover_title = QLabel(self.tr("Recovery progress"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.facts)
        layout.addWidget(self.recover_title)
        layout.addWidget(self.recover, 1)
        layout.addStretch(0)

    def show_info(self, info: SessionInfo, context: Context) -> None:
        if info.server_time is not None:
            self.server_time.setText(info.server_time.isoformat(sep=" ", timespec="milliseconds"))
        else:
            self.server_time.setText("—")
        if info.clock_offset is not None:
            self.offset.setText(describe_offset(info.clock_offset))
            off = abs(info.clock_offset.total_seconds()) > CLOCK_WARNING_SECONDS
            self.offset.setStyleSheet("color: #c62828; font-weight: bold;" if off else "")
        else:
            self.offset.setText("—")
            self.offset.setStyleSheet("")
        self.latency.setText("—" if info.latency_ms is None else f"{info.latency_ms:g} ms")
        self.exchanges.setText(
            ", ".join(e.describe() for e in context.exchanges) if context.exchanges else "—"
        )
        for name, value in info.details.items():
            label = self._detail_labels.get(name)
            if label is None:
                label = QLabel()
                label.setObjectName(f"detail_{name.replace(' ', '_').lower()}")
                self.facts.addRow(QCoreApplication.translate("panel", name), label)
                self._detail_labels[name] = label
            label.setText(value)
        for name, label in self._detail_labels.items():
            if name not in info.details:
                label.setText("—")
        self.recover_title.setVisible(bool(info.recover))
        self.recover.setVisible(bool(info.recover))
        self.recover.setRowCount(len(info.recover))
        for row, progress in enumerate(info.recover.values()):
            count = "" if progress.count is None else str(progress.count)
            for column, text in enumerate((progress.topic, progress.status, count)):
                item = self.recover.item(row, column)
                if item is None:
                    self.recover.setItem(row, column, QTableWidgetItem(text))
                elif item.text() != text:
                    item.setText(text)
