"""The Kingdom tab: test the KCBP leg alone, then log in, on the built-in simulator."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.core.events import EventKind
from gui.core.session import SessionState
from gui.ui.main_window import MainWindow

WAIT_MS = 15_000


def test_probe_then_login(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kingdom"]
    assert tab.probe_button is not None and tab.probe_button.isEnabled()
    qtbot.mouseClick(tab.probe_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "accepted user KCXP00" in tab.reason.text(), timeout=WAIT_MS)
    assert tab.session.state is SessionState.DISCONNECTED
    qtbot.waitUntil(tab.connect_button.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    assert not tab.probe_button.isEnabled()
    assert "SSE" in tab.panel.exchanges.text()
    window.feed.flush()
    statuses = [e.status for e in tab.log_view.model.visible_events() if e.kind is EventKind.STATUS]
    assert statuses == ["CONNECT_READY", "CONNECT_READY", "LOGIN_READY"]


def test_wrong_queue_names_fail_the_probe_with_the_servers_text(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kingdom"]
    tab.scenario.setCurrentIndex(tab.scenario.findData("wrong_queues"))
    qtbot.mouseClick(tab.probe_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "队列不存在" in tab.reason.text(), timeout=WAIT_MS)
    qtbot.waitUntil(tab.connect_button.isEnabled, timeout=WAIT_MS)


def test_over_long_kcbp_server_is_refused_inline(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kingdom"]
    tab.form.editors["kcbp_server"].set_value("金证" * 5)  # 20 GBK bytes: no room for the NUL
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    assert "at most 19" in tab.form.editors["kcbp_server"].error.text()
    assert tab.session.state is SessionState.DISCONNECTED
