"""Trading hours in the window: the session panel says whether the market is open, and a
connection refused while it is closed says so beside Connect instead of blaming the network."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.core.session import SessionState
from gui.core.wall_clock import NOW_ENV
from gui.ui.main_window import MainWindow

WAIT_MS = 20_000


def test_a_refused_login_on_a_sunday_names_the_next_opening(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NOW_ENV, "2026-12-06T10:00:00+08:00")  # a Sunday in Taipei
    tab = window.broker_tabs["kgi"]
    qtbot.waitUntil(tab.isVisible, timeout=3000)
    tab.scenario.setCurrentIndex(tab.scenario.findData("after_hours"))
    qtbot.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.FAILED, timeout=WAIT_MS)
    assert tab.session.failure is not None
    assert tab.session.failure.failure_class == "outside_hours"
    assert "Taiwan Futures Exchange is scheduled closed; it opens at Mon 2026-12-07" in (
        tab.reason.text()
    )
    assert tab.panel.market.text().startswith("Closed; opens at Mon 2026-12-07")

    monkeypatch.setenv(NOW_ENV, "2026-12-08T10:00:30+08:00")  # Tuesday, the day session
    tab.scenario.setCurrentIndex(tab.scenario.findData("normal"))
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    assert tab.panel.market.text() == "Open (TAIFEX), closes in 3 h 44 min"
    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
