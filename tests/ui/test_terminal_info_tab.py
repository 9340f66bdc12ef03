"""The Terminal info tab beside the session panel: opened with a click, it lists what the login
would send; a VM's MAC typed in the form shows red after Refresh, and nothing is sent."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.core.session import SessionState
from gui.ui.main_window import MainWindow


def test_the_panel_shows_the_fields_and_flags_a_vm_mac(qtbot, window: MainWindow) -> None:
    window.tabs.setCurrentIndex(list(window.broker_tabs).index("hundsun"))
    tab = window.broker_tabs["hundsun"]
    qtbot.waitUntil(tab.isVisible, timeout=3000)
    assert tab.terminal_panel is not None
    assert window.broker_tabs["kgi"].terminal_panel is None  # KGI sends none
    bar = tab.side.tabBar()
    index = tab.side.indexOf(tab.terminal_panel)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    panel = tab.terminal_panel
    qtbot.waitUntil(lambda: panel.table.rowCount() > 16, timeout=5000)
    assert panel.table.item(0, 0).text() == "mac_address"

    mac = tab.form.editors["mac_address"].input
    mac.clear()
    qtbot.keyClicks(mac, "000C29AABBCC")
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.item(0, 1).text() == "000C29AABBCC", timeout=5000)
    assert panel.table.item(0, 0).background().color().name() == "#fdecea"
    assert "VMware" in panel.table.item(0, 1).toolTip()
    assert "VMware" in panel.summary.text() and "Nothing was sent" in panel.summary.text()
    assert tab.session.state is SessionState.DISCONNECTED
