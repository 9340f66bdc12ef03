"""The console in 繁體中文 and 简体中文: every message of the code is in both Linguist sources
and translated (pyside6-lupdate runs here, on the code as it is now), the placeholders survive
translation, and the window switches language at run time from View → Language."""

from __future__ import annotations

import contextlib
import importlib.util
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError as QtBotTimeout

from gui.ui.i18n import Language, translate
from gui.ui.main_window import MainWindow
from tests.ui.conftest import close_window, make_window

pytestmark = pytest.mark.ui
ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDERS = re.compile(r"\{[^}]*\}|%n")


def load_script():
    spec = importlib.util.spec_from_file_location(
        "translations_script", ROOT / "scripts" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    module = load_script()
    module.compile_all()  # the .qm files are build output: made from the sources now
    return module


@pytest.mark.parametrize("language", ["zh_TW", "zh_CN"])
def test_every_message_of_the_code_is_translated(script, tmp_path: Path, language: str) -> None:
    committed = script.ts_path(language)
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    script.extract([fresh])  # lupdate on today's code: new messages come in unfinished
    messages = script.messages(fresh)
    missing = [f"{m['context']}: {m['source']!r}" for m in messages if not m["finished"]]
    assert not missing, f"untranslated in {committed.name} (run scripts/translations.py extract "
    f"and translate them): {missing[:20]}"
    empty = [m["source"] for m in messages if not all(m["translations"])]
    assert not empty, empty
    committed_keys = {(m["context"], m["source"]) for m in script.messages(committed)}
    fresh_keys = {(m["context"], m["source"]) for m in messages}
    assert committed_keys == fresh_keys, "the .ts is not up to date with the code: run extract"
    for message in messages:
        wanted = sorted(PLACEHOLDERS.findall(str(message["source"])))
        for text in message["translations"]:  # type: ignore[union-attr]
            assert sorted(PLACEHOLDERS.findall(text)) == wanted, (message["source"], text)


def test_english_says_one_file_and_two_files(script, tmp_path: Path, qapp) -> None:
    """English is the source; its .ts holds the plural forms of every message with %n."""
    committed = script.ts_path("en")
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    script.extract([fresh], plural_only=True)
    messages = script.messages(fresh)
    assert messages and all(m["numerus"] for m in messages)
    unfinished = [m["source"] for m in messages if not m["finished"]]
    assert not unfinished, unfinished
    assert all(len(m["translations"]) == 2 and all(m["translations"]) for m in messages)
    english = Language(qapp)
    try:
        assert english.use("en") == "en"
        source = "Support bundle saved: {0} (%n file(s))"
        assert translate("MainWindow", source, None, 1).format("b.zip") == (
            "Support bundle saved: b.zip (1 file)"
        )
        assert translate("MainWindow", source, None, 7).endswith("(7 files)")
    finally:
        english.use("en")


@pytest.fixture
def language(qapp: QApplication, script) -> Iterator[Language]:
    language = Language(qapp)
    yield language
    language.use("en")


def pick_language(qtbot, window: MainWindow, code: str) -> None:
    """View → Language → the language, clicked through the menus like a person."""
    bar = window.menuBar()
    view_title = window.view_menu.menuAction()
    # Right after a language change the bar may take the first click as closing the menu it
    # just retitled (as a person sees, and clicks again): at most three clicks.
    for _ in range(3):
        qtbot.mouseClick(
            bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(view_title).center()
        )
        with contextlib.suppress(QtBotTimeout):
            qtbot.waitUntil(window.view_menu.isVisible, timeout=1000)
            break
    assert window.view_menu.isVisible()
    view = window.view_menu
    qtbot.mouseClick(
        view,
        Qt.MouseButton.LeftButton,
        pos=view.actionGeometry(window.language_menu.menuAction()).center(),
    )
    qtbot.waitUntil(window.language_menu.isVisible)
    menu = window.language_menu
    action = window.language_actions[code]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_the_window_switches_language_at_run_time(
    qtbot, loop, config_dir: Path, language: Language
) -> None:
    language.use("en")
    window = make_window(config_dir, language)
    window.show()
    tab = window.broker_tabs["kgi"]
    assert tab.connect_button.text() == "&Connect"  # Alt+C
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)  # no password typed
    error = tab.form.editors["password"].error
    assert error.text() == "Password is required."

    pick_language(qtbot, window, "zh_TW")
    qtbot.waitUntil(lambda: tab.connect_button.text() == "登入(&C)")
    assert language.code == "zh_TW"
    assert tab.badge.text() == "未連線"
    assert tab.account_bar.remember.text() == "記住密碼"
    assert tab.log_view.scope.itemText(1) == "所有券商"
    assert window.tabs.tabText(1) == "LongPort 長橋"
    assert tab.environment.currentText() == "內建模擬器"
    normal = tab.scenario.findData("normal")
    assert tab.scenario.itemData(normal, Qt.ItemDataRole.ToolTipRole).startswith("依範例登入")
    assert tab.form.labels["password"].text() == "密碼 *"
    assert error.text() == "必須填寫密碼。"  # the message and the label inside it
    header = tab.log_view.table.model().headerData(0, Qt.Orientation.Horizontal)
    assert header == "時間"
    assert window.settings.value("language") == "zh_TW"
    assert language.counts() == (language.counts()[0], 0)

    pick_language(qtbot, window, "zh_CN")
    qtbot.waitUntil(lambda: tab.connect_button.text() == "登录(&C)")
    assert (
        tab.account_bar.remember.text() == "记住密码"
        and tab.log_view.scope.itemText(1) == "所有券商"
    )

    pick_language(qtbot, window, "en")
    qtbot.waitUntil(lambda: tab.connect_button.text() == "&Connect")
    assert tab.badge.text() == "Disconnected" and window.tabs.tabText(1) == "LongPort"
    close_window(qtbot, window)


def test_the_sessions_overview_follows_a_language_change(
    qtbot, loop, config_dir: Path, language: Language
) -> None:
    language.use("en")
    window = make_window(config_dir, language)
    window.show()
    try:
        window.show_sessions()
        qtbot.waitUntil(lambda: window.sessions_view is not None)
        view = window.sessions_view
        qtbot.waitUntil(lambda: view.charts is not None and view.charts.isVisible())
        qtbot.waitUntil(lambda: "Health over" in view.charts.timeline_view.chart().title())
        pick_language(qtbot, window, "zh_TW")
        qtbot.waitUntil(lambda: "Health over" not in view.charts.timeline_view.chart().title())
        for chart in (view.charts.timeline_view, view.charts.offset_view):
            assert re.search("[\u4e00-\u9fff]", chart.chart().title()), chart.chart().title()
        names = [view.table.item(row, 0).text() for row in range(view.table.rowCount())]
        assert names == [translate("brokers", title) for _id, title in view._brokers]
        assert "Hundsun 恒生 UFX" not in names  # its zh_TW name is not its English one
    finally:
        close_window(qtbot, window)
