"""The KGI tab on the built-in simulator, driven as a trader would."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from gui.core.events import EventKind
from gui.core.session import SessionState
from gui.ui.main_window import MainWindow

WAIT_MS = 15_000


def statuses(window: MainWindow, broker: str) -> list[str]:
    view = window.broker_tabs[broker].log_view
    window.feed.flush()
    return [e.status for e in view.model.visible_events() if e.kind is EventKind.STATUS]


def test_connect_logs_in_then_logout_disconnects(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    tab.form.editors["password"].input.setText("demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "LOGIN_READY" in statuses(window, "kgi"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    assert tab.badge.text() == "Logged in"
    assert not tab.connect_button.isEnabled()
    assert tab.logout_button.isEnabled()
    assert "TAIFEX" in tab.panel.exchanges.text()
    assert statuses(window, "kgi")[0] == "CONNECT_READY"

    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
    assert statuses(window, "kgi")[-1] == "DISCONNECTED"
    assert tab.connect_button.isEnabled()
    assert not tab.logout_button.isEnabled()


def test_wrong_password_shows_failure_and_reenables_connect(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    tab.form.editors["password"].input.setText("not-the-password")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.FAILED, timeout=WAIT_MS)
    assert "LOGIN_FAIL" in statuses(window, "kgi")
    assert tab.reason.isVisible()
    assert "登入失敗" in tab.reason.text()
    assert tab.connect_button.isEnabled()
    assert not tab.logout_button.isEnabled()


def test_invalid_field_shows_inline_error_and_sends_nothing(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    tab.form.editors["password"].input.setText("demo")
    tab.form.editors["port"].input.setText("70000")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    error = tab.form.editors["port"].error
    assert error.isVisible()
    assert "65535" in error.text()
    assert tab.session.state is SessionState.DISCONNECTED
    window.feed.flush()
    assert tab.log_view.model.rowCount() == 0
    # Editing the field clears its message.
    qtbot.keyClicks(tab.form.editors["port"].input, "1")
    assert not error.isVisible()


def test_enter_in_the_form_connects(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    field = tab.form.editors["password"].input
    field.setText("demo")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)


def test_cancel_during_slow_recovery_returns_to_disconnected(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    tab.scenario.setCurrentIndex(tab.scenario.findData("slow_recovery"))
    tab.form.editors["password"].input.setText("demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.CONNECTED, timeout=WAIT_MS)
    assert tab.cancel_button.isEnabled()
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
    assert tab.connect_button.isEnabled()
    assert "LOGIN_READY" not in statuses(window, "kgi")


def test_session_panel_shows_server_time_offset_and_recovery(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    tab.scenario.setCurrentIndex(tab.scenario.findData("clock_skew"))
    tab.form.editors["password"].input.setText("demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ahead" in tab.panel.offset.text(), timeout=WAIT_MS)
    assert tab.panel.offset.property("warning") == "true"  # a 90 s skew is flagged red
    # ... and the badge says so too (amber, the broker's advice as its tooltip), not green.
    assert tab.badge.property("tone") == "warn" and "clock" in tab.badge.text()
    assert "KGI's clock offset +90" in tab.badge.toolTip()
    assert "ahead of this machine's" in tab.badge.toolTip()  # the direction, no blame
    table = tab.panel.recover
    rows = range(table.rowCount())
    topics = {table.item(row, 0).text(): table.item(row, 2).text() for row in rows}
    assert topics["ProList.xml"] == "275"
    assert topics["ProductBaseSv1801.xml"] == "367"
    version = tab.panel.findChild(type(tab.panel.offset), "detail_sdk_version")
    assert version is not None and version.text() == "2022050517"


def test_every_login_is_bounded_even_when_the_driver_waits_longer(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    from gui.ui import broker_tab

    monkeypatch.setattr(broker_tab, "LOGIN_BOUND_SECONDS", 0.5)
    tab = window.broker_tabs["kgi"]
    tab.scenario.setCurrentIndex(tab.scenario.findData("silent"))
    tab.form.editors["password"].set_value("demo")
    tab.form.editors["login_timeout"].set_value("600")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.FAILED, timeout=WAIT_MS)
    assert "No login within 0.5 s" in tab.reason.text()
    qtbot.waitUntil(tab.connect_button.isEnabled, timeout=WAIT_MS)


class PaintCounter(QObject):
    """Counts paint events per widget."""

    def __init__(self) -> None:
        super().__init__()
        self.paints: Counter[QObject] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints[watched] += 1
        return False


def test_a_clock_tick_repaints_the_changed_values_only(qtbot, window: MainWindow) -> None:
    """Logged in and idle, each ServerTime repaints the values that changed; nothing behind
    them (the panel, the tab, the tabs) is painted again."""
    window.show()
    tab = window.broker_tabs["kgi"]
    tab.form.editors["password"].input.setText("demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.panel.server_time.text() != "—", timeout=WAIT_MS)
    qtbot.wait(300)  # the login's own repaints are over
    counter = PaintCounter()
    QApplication.instance().installEventFilter(counter)
    try:
        shown = tab.panel.server_time.text()
        qtbot.waitUntil(lambda: tab.panel.server_time.text() != shown, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: counter.paints[tab.panel.server_time] >= 3, timeout=WAIT_MS)
    finally:
        QApplication.instance().removeEventFilter(counter)
    # (The window itself may repaint its status bar, whose message times out meanwhile.)
    assert counter.paints[tab.panel] == counter.paints[tab] == counter.paints[window.tabs] == 0


def test_after_logout_the_last_clock_figures_stay_marked_old(qtbot, window: MainWindow) -> None:
    from PySide6.QtTest import QTest

    tab = window.broker_tabs["kgi"]
    QTest.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.panel.server_time.text() != "—", timeout=WAIT_MS)
    assert tab.panel.server_time.property("stale") == "false"
    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.panel.server_time.property("stale") == "true", timeout=WAIT_MS)
    assert "Before the logout" in tab.panel.server_time.toolTip()
    assert tab.panel.offset.property("stale") == "true" and tab.panel.offset.toolTip()
