"""Accounts in the window, clicked and typed like a person: the selector (new, duplicate,
rename, delete), remember and forget against a real Secret Service, the refusal without one,
and Log in to all with its summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QToolButton,
)

from gui.core.accounts import Accounts
from gui.core.profiles import ProfileStore
from gui.core.session import SessionState
from gui.core.vault import SERVICE, secure_backend
from gui.ui.broker_tab import BrokerTab
from gui.ui.main_window import MainWindow
from tests.secret_service import SecretService
from tests.ui.conftest import close_window, make_window

pytestmark = pytest.mark.ui
WAIT_MS = 20_000


def choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def pick_from_account_menu(qtbot, tab: BrokerTab, key: str) -> None:
    """Open the Accounts menu with a click and click the entry (the menu runs its own loop)."""
    action = tab.account_bar.account_actions[key]

    def click_entry() -> None:
        menu = tab.account_bar.account_menu_button.menu()
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(100, click_entry)
    qtbot.mouseClick(tab.account_bar.account_menu_button, Qt.MouseButton.LeftButton)


def answer_name(qtbot, tab: BrokerTab, name: str, *, paste: bool = False) -> None:
    """Type the name (or paste it: QTest types ASCII only, and pasting is how a zero-width or
    right-to-left character gets into a name)."""
    qtbot.waitUntil(lambda: tab.findChild(QInputDialog, "account_name_dialog") is not None)
    dialog = tab.findChild(QInputDialog, "account_name_dialog")
    qtbot.waitUntil(dialog.isVisible)
    line = dialog.findChild(QLineEdit)
    line.selectAll()
    QTest.keyClick(line, Qt.Key.Key_Delete)
    if paste:
        QApplication.clipboard().setText(name)
        QTest.keyClick(line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert line.text() == name
    else:
        QTest.keyClicks(line, name)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def names(tab: BrokerTab) -> list[str]:
    return [tab.account_bar.account.itemText(i) for i in range(tab.account_bar.account.count())]


def test_the_selector_adds_duplicates_renames_and_deletes(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    assert names(tab) == ["Default"]
    QTest.keyClicks(tab.form.editors["person_id"].input, "M1")
    pick_from_account_menu(qtbot, tab, "new")
    answer_name(qtbot, tab, "Hedge")
    qtbot.waitUntil(lambda: names(tab) == ["Default", "Hedge"])
    assert tab.account_bar.account.currentText() == "Hedge" and tab.account_name == "Hedge"
    assert tab.form.editors["person_id"].value() != "A123456789M1"  # a new account is empty

    choose(tab.account_bar.account, "Default")  # the first account kept what was typed
    assert tab.form.editors["person_id"].value() == "A123456789M1"
    pick_from_account_menu(qtbot, tab, "duplicate")
    answer_name(qtbot, tab, "Test env")
    qtbot.waitUntil(lambda: "Test env" in names(tab))
    assert tab.form.editors["person_id"].value() == "A123456789M1"

    pick_from_account_menu(qtbot, tab, "rename")
    answer_name(qtbot, tab, "UAT")
    qtbot.waitUntil(lambda: names(tab) == ["Default", "Hedge", "UAT"])
    assert tab.account_name == "UAT"

    pick_from_account_menu(qtbot, tab, "delete")
    qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "delete_account_dialog") is not None)
    box = tab.findChild(QMessageBox, "delete_account_dialog")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: names(tab) == ["Default", "Hedge"], timeout=WAIT_MS)
    store = ProfileStore()
    assert [a.name for a in store.accounts("kgi")] == ["Default", "Hedge"]

    pick_from_account_menu(qtbot, tab, "new")
    answer_name(qtbot, tab, "bad:name")
    qtbot.waitUntil(tab.reason.isVisible)
    assert "':'" in tab.reason.text() and names(tab) == ["Default", "Hedge"]


def test_a_password_is_remembered_after_a_login_filled_masked_and_forgotten(
    qtbot, loop, secret_service: SecretService, config_dir: Path
) -> None:
    window = make_window(config_dir)
    window.show()
    tab = window.broker_tabs["kgi"]
    choose(tab.environment, "simulator")
    QTest.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.account_bar.remember, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "after the next login" in tab.reason.text(), timeout=WAIT_MS)
    assert ProfileStore().account("kgi").remember
    qtbot.waitUntil(tab.connect_button.isEnabled)
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: ProfileStore().account("kgi").remembered == {"simulator": ("password",)},
        timeout=WAIT_MS,
    )
    user = "kgi:simulator:Default:password"
    assert secure_backend().get_password(SERVICE, user) == "demo"
    close_window(qtbot, window)

    window = make_window(config_dir)  # the next start: the password is there, never shown
    window.show()
    tab = window.broker_tabs["kgi"]
    editor = tab.form.editors["password"]
    qtbot.waitUntil(lambda: editor.value() == "demo", timeout=WAIT_MS)
    assert editor.input.echoMode() is QLineEdit.EchoMode.Password
    assert not editor.reveal.isEnabled()
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.session.state.live, timeout=WAIT_MS)

    pick_from_account_menu(qtbot, tab, "forget")
    qtbot.waitUntil(lambda: editor.value() == "", timeout=WAIT_MS)
    assert secure_backend().get_password(SERVICE, user) is None
    assert not tab.account_bar.remember.isChecked() and editor.reveal.isEnabled()
    close_window(qtbot, window)


def test_without_a_secret_service_remember_is_refused(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    qtbot.mouseClick(tab.account_bar.remember, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.account_bar.remember.isChecked() and tab.reason.isVisible())
    assert "cannot be remembered" in tab.reason.text()
    assert not ProfileStore().account("kgi").remember


def test_log_in_to_all_logs_in_the_marked_accounts_and_sums_up(
    qtbot, loop, secret_service: SecretService, config_dir: Path
) -> None:
    store = ProfileStore(config_dir)
    accounts = Accounts(store)
    store.add_account("kgi", "Main")
    store.save("kgi", "simulator", _schema("kgi"), {}, account="Main")
    accounts.remember("kgi", "Main", "simulator", {"password": "demo"})
    store.add_account("kgi", "Other")  # the last used one; Log in to all switches to Main
    for broker, name in (("kgi", "Main"), ("longport", "Hedge"), ("hundsun", "Desk")):
        if broker != "kgi":
            store.add_account(broker, name)
            store.save(broker, "simulator", _schema(broker), {}, account=name)
        store.update_account(broker, name, login_all=True)

    window = make_window(config_dir)
    window.show()
    login_all = (
        window.menuBar()
        .cornerWidget(Qt.Corner.TopRightCorner)
        .findChild(QToolButton, "login_all_button")
    )
    qtbot.mouseClick(login_all, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.login_all_summary is not None)
    summary = window.login_all_summary
    qtbot.waitUntil(lambda: window._logging_in_all.done(), timeout=WAIT_MS * 2)
    results = summary.results
    assert results[("KGI 凱基", "Main")][0] is True, results
    assert results[("LongPort", "Hedge")][0] is True, results
    ok, text = results[(window.broker_tabs["hundsun"].spec.title, "Desk")]
    assert ok is False and "Password" in text  # no password given nor remembered
    assert "2 of 3 logged in" in summary.status.text()
    kgi_tab = window.broker_tabs["kgi"]
    assert kgi_tab.account_name == "Main"
    assert kgi_tab.session.state is SessionState.LOGGED_IN
    assert (
        kgi_tab.account_bar.reconnect.isChecked()
    )  # a "Log in with all" account reconnects by default
    assert kgi_tab.reconnector.armed
    close_window(qtbot, window)


def _schema(broker: str):
    from gui.brokers import default_registry
    from gui.core.registry import Environment

    return default_registry().get(broker).schema_for(Environment.SIMULATOR, {})


def test_an_account_saved_by_a_command_while_the_window_adds_one_is_kept_by_both(
    qtbot, window: MainWindow, config_dir: Path
) -> None:
    import json
    import subprocess
    import sys

    tab = window.broker_tabs["kgi"]
    pick_from_account_menu(qtbot, tab, "new")
    command = subprocess.Popen(
        [sys.executable, "-m", "gui", "account", "save", "kgi", "From CLI", "--simulator",
         "--set", "person_id=B223456789", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    answer_name(qtbot, tab, "From window")
    out, err = command.communicate(timeout=60)
    assert command.returncode == 0, out + err
    # The window shows what the command saved without being told (it watches the file).
    qtbot.waitUntil(lambda: {"From CLI", "From window"} <= set(names(tab)), timeout=WAIT_MS)
    assert tab.account_name == "From window"
    listed = subprocess.run(
        [sys.executable, "-m", "gui", "account", "list", "kgi", "--json"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {"From CLI", "From window"} <= {row.get("name") for row in rows}


def test_the_form_follows_a_saved_change_until_the_user_types(
    qtbot, window: MainWindow, config_dir: Path
) -> None:
    from gui.core.registry import Environment

    tab = window.broker_tabs["kgi"]
    editor = tab.form.editors["person_id"]
    other = ProfileStore(config_dir)  # another process's view of the same file
    values = {**tab.form.values(), "person_id": "C323456789"}
    other.save("kgi", Environment.SIMULATOR.value, tab.schema, values, account="Default")
    qtbot.waitUntil(lambda: editor.value() == "C323456789", timeout=WAIT_MS)

    QTest.keyClicks(editor.input, "9")  # typed: what the user typed stays
    values["person_id"] = "D423456789"
    other.save("kgi", Environment.SIMULATOR.value, tab.schema, values, account="Default")
    other.add_account("kgi", "Marker")  # seen by the window once it has read the change
    other.select_account("kgi", "Default")
    qtbot.waitUntil(lambda: "Marker" in names(tab), timeout=WAIT_MS)
    assert editor.value() == "C3234567899"
    assert tab.account_name == "Default"


@pytest.mark.parametrize(
    ("action", "typed", "said"),
    [
        ("new", "evil\u202egnp.exe", "U+202E"),
        ("new", "Base\u200b", "U+200B"),
        ("new", "a\u2028b", "U+2028"),
        ("new", "Ｂａｓｅ", "named 'Base'"),
        ("duplicate", "Base\u2060", "U+2060"),
        ("rename", "Ｂａｓｅ", "named 'Base'"),
    ],
)
def test_a_typed_name_meets_the_same_rules_as_an_imported_one(
    qtbot, loop, config_dir: Path, action: str, typed: str, said: str
) -> None:
    from gui.brokers import kgi

    store = ProfileStore(config_dir)
    store.save("kgi", "simulator", kgi.SCHEMA, {"person_id": "B1"}, account="Other")
    store.save("kgi", "simulator", kgi.SCHEMA, {"person_id": "A1"}, account="Base")
    store.select_account("kgi", "Other")
    before = store.path.read_bytes()
    win = make_window(config_dir)
    win.show()
    try:
        tab = win.broker_tabs["kgi"]
        pick_from_account_menu(qtbot, tab, action)
        answer_name(qtbot, tab, typed, paste=True)
        qtbot.waitUntil(tab.reason.isVisible, timeout=WAIT_MS)
        assert said in tab.reason.text()
        assert sorted(names(tab)) == ["Base", "Other"]
        assert store.path.read_bytes() == before
    finally:
        close_window(qtbot, win)
