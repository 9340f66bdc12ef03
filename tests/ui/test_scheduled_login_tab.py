"""A scheduled login set in the window like a person would (Accounts → Schedule…, a time typed,
OK), then run by the window at that time with the remembered password; the outcome is a row of
the tab's log and a line in the status bar."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateTimeEdit, QDialogButtonBox

from gui.core.profiles import ProfileStore
from gui.core.session import SessionState
from gui.core.wall_clock import NOW_ENV
from gui.ui.schedule_dialog import ScheduleDialog
from tests.secret_service import SecretService
from tests.ui.conftest import close_window, make_window
from tests.ui.test_accounts_tab import choose, pick_from_account_menu

pytestmark = pytest.mark.ui
WAIT_MS = 20_000


def test_schedule_set_in_the_dialog_logs_in_at_its_time(
    qtbot, loop, secret_service: SecretService, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(config_dir)  # with the private Secret Service
    window.show()
    tab = window.broker_tabs["kgi"]
    choose(tab.environment, "simulator")
    QTest.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.account_bar.remember, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "after the next login" in tab.reason.text(), timeout=WAIT_MS)
    qtbot.waitUntil(tab.connect_button.isEnabled)
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)  # remembered once it works
    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: ProfileStore().account("kgi").has_remembered, timeout=WAIT_MS)
    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
    tab.form.editors["password"].input.clear()  # the schedule must use the remembered one

    clock = datetime.fromisoformat("2026-12-08T08:39:57").astimezone()  # Tuesday, 3 s before
    monkeypatch.setenv(NOW_ENV, clock.isoformat())
    pick_from_account_menu(qtbot, tab, "schedule")
    qtbot.waitUntil(lambda: tab.findChild(ScheduleDialog) is not None, timeout=3000)
    dialog = tab.findChild(ScheduleDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.at_box, Qt.MouseButton.LeftButton)
    assert dialog.at_time.time().toString("HH:mm") == "08:30"  # the dialog's suggestion
    dialog.at_time.setFocus()
    dialog.at_time.setCurrentSection(QDateTimeEdit.Section.MinuteSection)  # as a click there
    for _ in range(10):
        QTest.keyClick(dialog.at_time, Qt.Key.Key_Up)
    assert not dialog.after_box.isEnabled()  # TAIFEX has no maintenance window
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ProfileStore().account("kgi").schedule.active, timeout=3000)
    assert ProfileStore().account("kgi").schedule.to_json()["at"] == "08:40"

    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "scheduled login done" in window.statusBar().currentMessage())
    due = window.scheduled_logins.next_at[("kgi", tab.account_name)]
    assert due == datetime.fromisoformat("2026-12-09T08:40").astimezone()  # tomorrow's, next
    close_window(qtbot, window)
