"""The window outlives hostile vendor code: a segfault, a crash from the gateway's own thread,
a gateway holding the GIL, one that never returns. The tab shows what happened, and the next
login works."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from gui.core.session import SessionState
from gui.ui.main_window import MainWindow
from tests.integration.test_vnpy import require_vnpy

STANDINS = Path(__file__).parents[1] / "integration" / "standins"
WAIT_MS = 20_000


@pytest.fixture
def vnpy_tab(qtbot, window: MainWindow, monkeypatch):  # type: ignore[no-untyped-def]
    require_vnpy()
    from gui.brokers import vnpy

    monkeypatch.syspath_prepend(str(STANDINS))  # the form is read here
    path = os.pathsep.join(filter(None, [str(STANDINS), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("PYTHONPATH", path)  # the gateway is imported in the worker
    vnpy.surface.static_default_setting.cache_clear()
    window.tabs.setCurrentIndex(list(window.broker_tabs).index("vnpy"))
    tab = window.broker_tabs["vnpy"]
    qtbot.mouseClick(tab.environment, Qt.MouseButton.LeftButton)
    qtbot.keyClick(tab.environment.view(), Qt.Key.Key_Down)
    qtbot.keyClick(tab.environment.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.environment.currentData() == "live", timeout=3000)
    window.activateWindow()  # the list popup took the focus; typing goes to the window again
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    yield tab
    vnpy.surface.static_default_setting.cache_clear()


def choose_gateway(qtbot, tab, gateway: str) -> None:  # type: ignore[no-untyped-def]
    field = tab.form.editors["gateway"].input
    line = field.lineEdit() if isinstance(field, QComboBox) else field  # with or without a list
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    line.selectAll()
    qtbot.keyClicks(line, gateway)
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "password" in tab.form.editors, timeout=5000)
    for key, value in (("username" if "username" in tab.form.editors else "user", "u1"),):
        field = tab.form.editors[key].input
        field.clear()
        qtbot.keyClicks(field, value)
    password = tab.form.editors["password"].input
    password.clear()
    qtbot.keyClicks(password, "demo")


def log_in_again(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    choose_gateway(qtbot, tab, "vnpy_testgw:TestGateway")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.DISCONNECTED, timeout=WAIT_MS)


def rows(tab) -> list[str]:  # type: ignore[no-untyped-def]
    tab.feed.flush()
    return [event.text for event in tab.log_view.model.visible_events()]


@pytest.mark.parametrize("gateway", ["SegfaultOnConnect", "LogsThenSegfaults"])
def test_a_segfaulting_gateway_fails_the_tab_not_the_window(qtbot, vnpy_tab, gateway) -> None:
    tab = vnpy_tab
    choose_gateway(qtbot, tab, f"vnpy_hostile:{gateway}")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.FAILED, timeout=WAIT_MS)
    assert "crashed (SIGSEGV)" in tab.reason.text()
    assert tab.isVisible() and tab.connect_button.isEnabled()
    if gateway == "LogsThenSegfaults":
        assert {"front 1 of 3 connecting", "front 3 of 3 connecting"} <= set(rows(tab))
    log_in_again(qtbot, tab)


@pytest.mark.parametrize("gateway", ["HoldsTheGil", "NeverReturns"])
def test_a_stuck_gateway_is_cancelled_and_its_worker_ended(qtbot, vnpy_tab, gateway) -> None:
    tab = vnpy_tab
    choose_gateway(qtbot, tab, f"vnpy_hostile:{gateway}")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("HOSTILE.connect()" in text for text in rows(tab)), timeout=WAIT_MS)
    handle = tab.session._handle
    qtbot.wait(300)  # the gateway is inside connect() now; the window still answers
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: handle.process.poll() is not None, timeout=5000)
    log_in_again(qtbot, tab)
