"""The action bar of a broker tab: Connect, Cancel, Logout, the broker's own actions and its
probe. It enables what the session's state allows and says what was clicked; the tab acts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from gui.core.registry import BrokerSpec
from gui.core.session import SessionState
from gui.ui.i18n import Translatable, translate


class ActionBar(Translatable, QWidget):
    """`action(id)` and `probe` ask for the broker's own; Connect, Cancel and Logout are
    wired by the tab to its buttons' clicks. Enter in the form connects (Connect is the
    default button)."""

    action = Signal(str)

    def __init__(self, spec: BrokerSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.connect_button = QPushButton(self.tr("&Connect"), self)
        self.connect_button.setObjectName("connect")
        self.connect_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cance&l"), self)
        self.cancel_button.setObjectName("cancel")
        self.logout_button = QPushButton(self.tr("Log&out"), self)
        self.logout_button.setObjectName("logout")
        self.buttons: list[QPushButton] = [
            self.connect_button,
            self.cancel_button,
            self.logout_button,
        ]
        self.action_buttons: dict[str, QPushButton] = {}
        for action in spec.actions:
            button = QPushButton(translate("brokers", action.label), self)
            button.setObjectName(f"action_{action.id}")
            button.setToolTip(translate("brokers", action.help))
            button.clicked.connect(lambda _=False, a=action.id: self.action.emit(a))
            self.buttons.append(button)
            self.action_buttons[action.id] = button
        self.probe_button: QPushButton | None = None
        if spec.probe is not None:
            self.probe_button = QPushButton(translate("brokers", spec.probe.label), self)
            self.probe_button.setObjectName("probe")
            self.probe_button.setToolTip(translate("brokers", spec.probe.help))
            self.buttons.append(self.probe_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons:
            layout.addWidget(button)
        layout.addStretch(1)

    def show_state(self, state: SessionState, *, free: bool, busy: bool) -> None:
        """`free`: a login may start (nothing live or running, the broker available)."""
        self.connect_button.setEnabled(free)
        if self.probe_button is not None:
            self.probe_button.setEnabled(free)
        self.cancel_button.setEnabled(state in (SessionState.CONNECTING, SessionState.CONNECTED))
        logged_in = state is SessionState.LOGGED_IN
        self.logout_button.setEnabled(logged_in)
        for button in self.action_buttons.values():
            button.setEnabled(logged_in and not busy)
