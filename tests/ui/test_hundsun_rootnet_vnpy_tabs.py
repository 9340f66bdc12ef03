"""The Hundsun, Rootnet and vnpy tabs on their built-in simulators."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from gui.core.session import SessionState
from gui.ui.main_window import MainWindow

WAIT_MS = 15_000


def login(qtbot, tab, password_key: str, password: str = "demo") -> None:
    tab.form.editors[password_key].set_value(password)
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)


def test_hundsun_auto_fill_then_login(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["hundsun"]
    mac = tab.form.editors["mac_address"]
    mac.set_value("")
    tab.form.editors["op_station"].set_value("typed by hand")
    autofill = tab.findChild(type(tab.connect_button), "autofill")
    qtbot.mouseClick(autofill, Qt.MouseButton.LeftButton)
    assert len(mac.value()) == 12
    assert tab.form.editors["op_station"].value().endswith("|" + mac.value())
    login(qtbot, tab, "password")
    assert "SSE" in tab.panel.exchanges.text()
    token = tab.panel.findChild(type(tab.reason), "detail_user_token")
    assert token is not None and token.text().startswith("••••")
    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.DISCONNECTED, timeout=WAIT_MS)


def test_hundsun_rejection_shows_code_and_text(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["hundsun"]
    tab.form.editors["password"].set_value("wrong")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.FAILED, timeout=WAIT_MS)
    assert "[1017] 操作员密码错误" in tab.reason.text()


def test_rootnet_login_shows_connect_info(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["rootnet"]
    login(qtbot, tab, "operator_password")
    version = tab.panel.findChild(type(tab.reason), "detail_cts_version")
    assert version is not None and "CTS" in version.text()


def test_vnpy_simulator_form_is_the_gateways_with_cjk_keys(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["vnpy"]
    assert list(tab.form.editors)[:2] == ["用户名", "密码"]
    secret = tab.form.editors["密码"].input
    assert isinstance(secret, QLineEdit) and secret.echoMode() is QLineEdit.EchoMode.Password
    login(qtbot, tab, "密码")  # LOGIN_READY comes with the log line; the contracts follow
    recover = tab.session.info.recover
    qtbot.waitUntil(lambda: "contracts" in recover, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.session.info.recover["contracts"].count == 120, timeout=WAIT_MS)


GATEWAY_FORM = ["gateway", "username", "password", "server", "timeout", "ratio", "verbose"]


@pytest.fixture
def live_vnpy(qtbot, window: MainWindow, monkeypatch):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from gui.brokers import vnpy

    monkeypatch.syspath_prepend(str(Path(__file__).parents[1] / "integration" / "standins"))
    monkeypatch.setattr(vnpy.surface, "discover", lambda: ("vnpy_testgw:TestGateway",))
    vnpy.surface.static_default_setting.cache_clear()
    tab = window.broker_tabs["vnpy"]
    window.tabs.setCurrentIndex(list(window.broker_tabs).index("vnpy"))
    tab.environment.setCurrentIndex(tab.environment.findData("live"))
    assert list(tab.form.editors) == ["gateway"]
    yield tab
    vnpy.surface.static_default_setting.cache_clear()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Tab])
def test_typing_a_gateway_then_return_or_tab_rebuilds_the_form(qtbot, live_vnpy, key) -> None:
    tab = live_vnpy
    combo = tab.form.editors["gateway"].input
    qtbot.mouseClick(combo.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(combo.lineEdit(), "vnpy_testgw:TestGateway")
    qtbot.keyClick(combo.lineEdit(), key)
    qtbot.waitUntil(lambda: list(tab.form.editors) == GATEWAY_FORM, timeout=5000)
    assert tab.form.editors["gateway"].value() == "vnpy_testgw:TestGateway"
    qtbot.wait(50)  # the console is still alive and responsive after the rebuild
    assert tab.isVisible()


def test_picking_a_gateway_from_the_list_rebuilds_the_form(qtbot, live_vnpy) -> None:
    tab = live_vnpy
    combo = tab.form.editors["gateway"].input
    arrow = QPoint(combo.width() - 6, combo.height() // 2)
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton, pos=arrow)  # opens the list
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=3000)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: list(tab.form.editors) == GATEWAY_FORM, timeout=5000)
    assert tab.form.editors["gateway"].value() == "vnpy_testgw:TestGateway"
