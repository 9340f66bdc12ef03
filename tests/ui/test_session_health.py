"""Session health in the window, driven like a person: a KGI simulator session that drops
after its login is reconnected; the Sessions overview, its timeline and plots, the window
title and the tray notification all follow the same core health model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton

from gui.core.health import Health
from gui.core.session import SessionState
from gui.ui.main_window import MainWindow

pytestmark = pytest.mark.ui
WAIT_MS = 20_000


def choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def corner_button(window: MainWindow, name: str) -> QToolButton:
    corner = window.menuBar().cornerWidget(Qt.Corner.TopRightCorner)
    return corner.findChild(QToolButton, name)


def tick_reconnect(qtbot, tab) -> None:
    """Accounts ▾ → Reconnect after a drop, clicked in the menu."""

    def click_entry() -> None:
        menu = tab.account_bar.account_menu_button.menu()
        QTest.mouseClick(
            menu,
            Qt.MouseButton.LeftButton,
            pos=menu.actionGeometry(tab.account_bar.reconnect).center(),
        )

    QTimer.singleShot(100, click_entry)
    qtbot.mouseClick(tab.account_bar.account_menu_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.account_bar.reconnect.isChecked)


def sessions_row(window: MainWindow, broker: str) -> list[str]:
    view = window.sessions_view
    row = [b for b, _t in view._brokers].index(broker)
    return [view.table.item(row, column).text() for column in range(1, 8)]


def test_a_drop_is_noticed_reconnected_and_shown_at_a_glance(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(corner_button(window, "sessions_button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sessions_view is not None and window.sessions_view.isVisible())
    tab = window.broker_tabs["kgi"]
    choose(tab.environment, "simulator")
    choose(tab.scenario, "drop_after_login")
    tick_reconnect(qtbot, tab)
    QTest.keyClicks(tab.form.editors["password"].input, "demo")
    losses: list[tuple[str, str]] = []
    window.notified.connect(lambda title, text: losses.append((title, text)))

    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.health.state is Health.OK, timeout=WAIT_MS)
    # Ends with the app's display name, so Qt appends nothing (X11 and Windows alike).
    assert window.windowTitle() == "1 live — Broker Login Console"
    assert sessions_row(window, "kgi")[:2] == ["Default", "Logged in"]

    qtbot.waitUntil(lambda: any("session lost" in title for title, _ in losses), timeout=WAIT_MS)
    assert "連線中斷" in losses[0][1]  # the broker's own words say why
    qtbot.waitUntil(lambda: tab.health.state is Health.RECONNECTING, timeout=WAIT_MS)
    assert sessions_row(window, "kgi")[1].startswith("Reconnecting (attempt 1")
    assert "live" not in window.windowTitle()
    qtbot.waitUntil(lambda: tab.health.reconnects == 1, timeout=WAIT_MS)
    assert tab.session.state is SessionState.LOGGED_IN
    assert any("reconnected" in title for title, _ in losses)
    qtbot.waitUntil(lambda: sessions_row(window, "kgi")[6] == "1", timeout=WAIT_MS)
    assert window.health_summary() is Health.OK

    charts = window.sessions_view.charts
    assert charts is not None
    qtbot.waitUntil(lambda: charts.drop_marks == 1, timeout=WAIT_MS)
    assert charts.lanes == ["kgi"] and charts.segments >= 4  # ok, lost, reconnecting, ok
    qtbot.waitUntil(lambda: charts.points["latency"] > 0, timeout=WAIT_MS)

    session_button = window.sessions_view.buttons["kgi"]
    assert session_button.text() == "Log out"
    qtbot.mouseClick(session_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.health.state is Health.OFFLINE)
    assert window.windowTitle() == "Broker Login Console"
    assert not tab.reconnector.running


def test_without_reconnect_a_drop_stays_lost_and_notifications_can_be_off(
    qtbot, window: MainWindow
) -> None:
    window.notify_action.setChecked(False)  # View → Notify when a session drops, off
    notified: list[str] = []
    window.notified.connect(lambda title, _text: notified.append(title))
    tab = window.broker_tabs["kgi"]
    choose(tab.environment, "simulator")
    choose(tab.scenario, "drop_after_login")
    assert not tab.account_bar.reconnect.isChecked()
    QTest.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.health.state is Health.LOST, timeout=WAIT_MS)
    qtbot.wait(1500)  # longer than the first backoff: nothing reconnects
    assert tab.health.state is Health.LOST and tab.health.reconnects == 0
    assert window.health_summary() is Health.LOST
    assert notified == []


def test_closing_while_a_reconnect_waits_ends_at_once_and_nothing_logs_in(
    qtbot, loop, config_dir
) -> None:
    from tests.ui.conftest import make_window

    window = make_window(config_dir)
    window.show()
    tab = window.broker_tabs["kgi"]
    choose(tab.environment, "simulator")
    choose(tab.scenario, "drop_after_login")
    tick_reconnect(qtbot, tab)
    QTest.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.health.state is Health.RECONNECTING, timeout=WAIT_MS)
    with qtbot.waitSignal(window.closed, timeout=3000):
        window.close()
    qtbot.waitUntil(lambda: not tab.reconnector.running, timeout=1000)  # cancelled, not waiting
    qtbot.wait(1500)  # past the first backoff: no attempt was made after the close
    assert tab.session.state is SessionState.FAILED and tab.health.reconnects == 0
    window.deleteLater()


def test_the_overview_moves_with_the_clock_after_a_logout_and_says_when_it_has_no_data(
    qtbot, window: MainWindow
) -> None:
    qtbot.mouseClick(corner_button(window, "sessions_button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sessions_view is not None and window.sessions_view.isVisible())
    view = window.sessions_view
    qtbot.waitUntil(lambda: view.charts is not None and view.charts.isVisible())
    qtbot.waitUntil(lambda: "no data yet" in view.charts.timeline_view.chart().title())
    assert "no data yet" in view.charts.offset_view.chart().title()

    tab = window.broker_tabs["kgi"]
    choose(tab.environment, "simulator")
    QTest.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.health.state is Health.OFFLINE, timeout=WAIT_MS)
    age = sessions_row(window, "kgi")[3]  # seconds since the last event
    # Nothing is logged in, and the age on screen still moves (it froze before).
    qtbot.waitUntil(lambda: sessions_row(window, "kgi")[3] != age, timeout=5_000)
