"""Desk support in the window: Diagnose on a tab, the session log on disk, and File → Save
support bundle…, each driven by clicks and keys on the real widgets."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from PySide6.QtCore import QPoint, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QMenu

from gui.core.session import SessionState
from gui.ui.main_window import MainWindow

WAIT_MS = 20_000


def choose(combo, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_diagnose_shows_coloured_steps_the_verdict_and_copies_them(
    qtbot, window: MainWindow, config_dir: Path
) -> None:
    tab = window.broker_tabs["kgi"]
    choose(tab.environment, "simulator")
    choose(tab.scenario, "unreachable")
    qtbot.mouseClick(tab.diagnose_button, Qt.MouseButton.LeftButton)
    assert tab.side.currentWidget() is tab.diagnosis_panel
    assert not tab.connect_button.isEnabled()  # nothing else starts meanwhile
    qtbot.waitUntil(lambda: not tab.busy, timeout=WAIT_MS)
    panel = tab.diagnosis_panel
    assert [step.step for step in panel.steps] == ["dns", "tcp", "sdk"]
    failed_row = panel.table.item(1, 1)
    assert "[tcp_refused]" in failed_row.text()
    assert failed_row.background().color().name() == "#fdecea"  # red for the failing step
    assert panel.table.item(0, 1).background().color().name() == "#e8f5e9"
    assert panel.verdict.text().startswith("tcp_refused at tcp")
    assert tab.session.state is SessionState.DISCONNECTED  # a diagnosis does not log in
    assert tab.connect_button.isEnabled()

    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "FAIL tcp" in copied and "fix:" in copied and copied.endswith("(exit 3)")

    saved = config_dir / "logs" / "diagnosis-kgi.json"
    qtbot.waitUntil(saved.exists, timeout=WAIT_MS)
    steps = json.loads(saved.read_text(encoding="utf-8"))["steps"]
    assert steps[1]["class"] == "tcp_refused"


def test_diagnose_and_log_in_ends_with_the_login_step(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    choose(tab.environment, "simulator")
    choose(tab.scenario, "normal")
    qtbot.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.diagnose_login, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.diagnose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.busy and not tab.session.state.live, timeout=WAIT_MS)
    steps = tab.diagnosis_panel.steps
    assert [step.step for step in steps][-2:] == ["login", "clock"]
    assert all(step.ok for step in steps), [step.text() for step in steps]
    assert tab.diagnosis_panel.verdict.text().startswith("Every step passed")


def open_file_menu_item(qtbot, window: MainWindow, name: str) -> None:
    """Alt+F, then a click on the item, as a person does."""
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.isVisible())
    action = next(a for a in menu.actions() if a.objectName() == name)
    centre = menu.actionGeometry(action).center()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=QPoint(centre))


def test_the_session_log_and_the_support_bundle_from_the_file_menu(
    qtbot, window: MainWindow, config_dir: Path, request
) -> None:
    QStandardPaths.setTestModeEnabled(True)  # "Documents" in a test folder, not the real one
    request.addfinalizer(lambda: QStandardPaths.setTestModeEnabled(False))
    tab = window.broker_tabs["kgi"]
    choose(tab.environment, "simulator")
    choose(tab.scenario, "normal")
    qtbot.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.DISCONNECTED, timeout=WAIT_MS)

    open_file_menu_item(qtbot, window, "save_bundle")
    qtbot.waitUntil(lambda: window.findChild(QFileDialog, "bundle_dialog") is not None)
    dialog = window.findChild(QFileDialog, "bundle_dialog")
    qtbot.waitUntil(dialog.isVisible)
    name_box = dialog.findChild(QLineEdit, "fileNameEdit")  # "File name:", in Documents
    name_box.clear()
    qtbot.keyClicks(name_box, "ticket-4711.zip")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    target = Path(dialog.directory().path()) / "ticket-4711.zip"
    request.addfinalizer(lambda: target.unlink(missing_ok=True))
    qtbot.waitUntil(lambda: window.last_bundle is not None, timeout=60_000)

    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        logs = [n for n in names if n.startswith("sessions/")]
        assert logs and "manifest.json" in names and "runtime.txt" in names
        day = archive.read(logs[0]).decode("utf-8")
        runtime = archive.read("runtime.txt").decode("utf-8")
    events = [json.loads(line) for line in day.splitlines()]
    assert any(e["broker"] == "kgi" and e["status"] == "LOGIN_READY" for e in events)
    assert "result        PASS" in runtime and "qt " in runtime
    assert "Support bundle saved" in window.statusBar().currentMessage()


def test_a_session_log_that_cannot_be_written_is_said_once_and_the_login_goes_on(
    qtbot, loop, config_dir: Path
) -> None:
    from PySide6.QtTest import QTest

    from tests.ui.conftest import close_window, make_window

    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "logs").write_text("a file where the log folder should be")
    win = make_window(config_dir)
    win.show()
    try:
        tab = win.broker_tabs["kgi"]
        QTest.keyClicks(tab.form.editors["password"].input, "demo")
        qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=20_000)
        qtbot.waitUntil(win.banner.isVisible, timeout=20_000)
        text = win.banner_text.text()
        assert "session log cannot be written" in text and str(config_dir / "logs") in text
        assert "Logins go on" in text
        qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.session.state is SessionState.DISCONNECTED, timeout=20_000)
        qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)  # a second login
        qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=20_000)
        assert win.banner_text.text() == text  # said once, not once per login
    finally:
        close_window(qtbot, win)


def test_a_live_session_is_diagnosed_beside_it_and_stays_logged_in(
    qtbot, window: MainWindow
) -> None:
    from PySide6.QtTest import QTest

    tab = window.broker_tabs["kgi"]
    QTest.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    assert tab.diagnose_button.isEnabled()  # a live session that seems stale: diagnose it
    assert not tab.diagnose_login.isEnabled()  # never a second login beside the live one
    qtbot.mouseClick(tab.diagnose_button, Qt.MouseButton.LeftButton)
    # Which endpoint is checked, and why not the form's port 8000: the simulator's own front.
    assert "own front" in tab.diagnosis_panel.verdict.text()
    qtbot.waitUntil(
        lambda: tab.diagnosis_panel.verdict.property("level") != "busy", timeout=WAIT_MS
    )
    assert "own front" in tab.diagnosis_panel.verdict.text()  # still said with the verdict
    steps = [tab.diagnosis_panel.table.item(r, 0).text()
             for r in range(tab.diagnosis_panel.table.rowCount())]  # fmt: skip
    assert "sdk" in " ".join(steps).lower() and "login" not in " ".join(steps).lower()
    assert tab.session.state is SessionState.LOGGED_IN  # untouched
    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
