"""The lockout guard in the window: after three rejected logins in a row the fourth click
sends nothing, says why beside Connect and asks; "Try anyway" logs in, and that resets the
count."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.core.session import SessionState
from gui.ui.main_window import MainWindow

WAIT_MS = 15_000


def rejected(config_dir: Path) -> int:
    """Rejected logins in a row of the only account counted."""
    path = config_dir / "lockouts.json"
    counts = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return sum(entry["rejected"] for entry in counts.values())


def test_the_fourth_click_asks_and_try_anyway_logs_in(
    qtbot, window: MainWindow, config_dir: Path
) -> None:
    window.tabs.setCurrentIndex(list(window.broker_tabs).index("rootnet"))
    tab = window.broker_tabs["rootnet"]
    qtbot.waitUntil(tab.isVisible, timeout=3000)
    password = tab.form.editors["operator_password"].input
    for attempt in range(1, 4):
        password.clear()
        qtbot.keyClicks(password, f"hunter2x{attempt}")
        qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda a=attempt: rejected(config_dir) == a, timeout=WAIT_MS)
        qtbot.waitUntil(tab.connect_button.isEnabled, timeout=WAIT_MS)
    password.clear()
    qtbot.keyClicks(password, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.lockout_question is not None, timeout=WAIT_MS)
    assert tab.reason.text().startswith("Not sent: the last 3 login")  # no language loaded: (s)
    assert tab.badge.state is SessionState.FAILED  # nothing moved: no login was tried
    box = tab.lockout_question
    assert box.isVisible() and box.defaultButton() is not None
    anyway = box.findChild(type(tab.connect_button), "lockout_try_anyway")
    qtbot.mouseClick(anyway, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: rejected(config_dir) == 0, timeout=WAIT_MS)  # the count restarts
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=3000)
