"""A vendor's number in words where the trader looks: beside Connect, in the session panel and
in the log row that carried it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.core.session import SessionState
from gui.ui.event_log import DETAIL_COLUMN
from gui.ui.main_window import MainWindow

WAIT_MS = 20_000


def test_a_ctp_disconnect_reason_is_explained_beside_connect_in_the_panel_and_the_log(
    qtbot, window: MainWindow
) -> None:
    window.tabs.setCurrentIndex(list(window.broker_tabs).index("vnpy"))
    tab = window.broker_tabs["vnpy"]
    qtbot.waitUntil(tab.isVisible, timeout=3000)
    tab.scenario.setCurrentIndex(tab.scenario.findData("disconnect_4097"))
    assert not tab.panel.native_code.isVisibleTo(tab)  # no code, no row
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.FAILED, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Code 4097" in tab.reason.text(), timeout=WAIT_MS)
    assert "reading from the front failed" in tab.reason.text()
    assert tab.panel.native_code.isVisibleTo(tab)
    assert tab.panel.native_code.text().startswith("4097: CTP disconnect reason 0x1001")
    assert "Likely cause" in tab.panel.native_code.toolTip()

    model = tab.log_view.model

    def explained_rows() -> list[str]:
        cells = (model.index(row, DETAIL_COLUMN) for row in range(model.rowCount()))
        return [str(model.data(cell)) for cell in cells if "0x1001" in str(model.data(cell))]

    qtbot.waitUntil(lambda: bool(explained_rows()), timeout=WAIT_MS)
    assert "原因：4097  — CTP disconnect reason 0x1001" in explained_rows()[0]

    tab.scenario.setCurrentIndex(tab.scenario.findData("normal"))
    qtbot.keyClicks(tab.form.editors["密码"].input, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    assert not tab.panel.native_code.isVisibleTo(tab)  # the next login has no code to explain
    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
