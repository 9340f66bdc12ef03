"""The LongPort tab on its built-in simulator: login, token refresh offered to the form."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from gui.core.session import SessionState
from gui.ui.main_window import MainWindow

WAIT_MS = 15_000


def test_login_refresh_and_adopt_the_new_token(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["longport"]
    window.tabs.setCurrentWidget(tab)
    refresh = tab.action_buttons["refresh_token"]
    assert not refresh.isEnabled()
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    assert "HK" in tab.panel.exchanges.text() and "SG" in tab.panel.exchanges.text()
    assert tab.session.info.clock_offset is not None
    qtbot.waitUntil(refresh.isEnabled, timeout=WAIT_MS)

    qtbot.mouseClick(refresh, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.offer.isVisibleTo(tab), timeout=WAIT_MS)
    assert "expires" in tab.reason.text()
    token_field = tab.form.editors["access_token"]
    assert token_field.value() == "demo-token"
    qtbot.mouseClick(tab.offer_accept, Qt.MouseButton.LeftButton)
    new_token = token_field.value()
    assert new_token.startswith("demo-token-")
    assert not tab.offer.isVisibleTo(tab)
    window.feed.flush()
    logged = json.dumps(
        [e.to_json_dict() for e in (row.event for row in window.feed.store.rows())],
        ensure_ascii=False,
    )
    assert new_token not in logged

    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
    assert not refresh.isEnabled()


def test_wrong_secret_shows_the_code_and_advice(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["longport"]
    tab.form.editors["app_secret"].set_value("not-the-secret")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.FAILED, timeout=WAIT_MS)
    assert "403201" in tab.reason.text()
    assert "App secret" in tab.reason.text()
    assert tab.connect_button.isEnabled()


def test_custom_region_needs_a_url_inline(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["longport"]
    region = tab.form.editors["region"].input
    region.setCurrentIndex(region.findData("custom"))
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    error = tab.form.editors["http_url"].error
    assert error.isVisibleTo(tab)
    assert "Custom region" in error.text()
    assert tab.session.state is SessionState.DISCONNECTED
