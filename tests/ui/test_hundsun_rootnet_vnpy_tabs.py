"""The Hundsun, Rootnet and vnpy tabs on their built-in simulators."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
    login(qtbot, tab, "密码")
    assert tab.session.info.recover["contracts"].count == 120


def test_vnpy_live_form_follows_the_chosen_gateway(qtbot, window: MainWindow, monkeypatch) -> None:
    from pathlib import Path

    from gui.brokers.vnpy.gateways import static_default_setting

    monkeypatch.syspath_prepend(str(Path(__file__).parents[1] / "integration" / "standins"))
    static_default_setting.cache_clear()
    tab = window.broker_tabs["vnpy"]
    tab.environment.setCurrentIndex(tab.environment.findData("live"))
    assert list(tab.form.editors) == ["gateway"]
    gateway = tab.form.editors["gateway"]
    gateway.set_value("vnpy_testgw:TestGateway")
    gateway.committed.emit()
    assert list(tab.form.editors) == [
        "gateway",
        "username",
        "password",
        "server",
        "timeout",
        "ratio",
        "verbose",
    ]
    assert tab.form.editors["gateway"].value() == "vnpy_testgw:TestGateway"
    static_default_setting.cache_clear()
