"""The default layout on a laptop screen: every form whole, one log, room for the plots, every
control reachable by keyboard, badges readable."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from gui.core.session import SessionState
from gui.ui.main_window import MainWindow
from gui.ui.session_panel import BADGE_STYLE

WAIT_MS = 15_000
LAPTOP_SCREENS = [(1280, 800), (1366, 768)]


def show_broker(qtbot, window: MainWindow, broker: str):  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(list(window.broker_tabs).index(broker))
    tab = window.broker_tabs[broker]
    qtbot.waitUntil(tab.isVisible, timeout=3000)
    return tab


def outside_view(tab) -> list[str]:  # type: ignore[no-untyped-def]
    """The fields of the form not wholly in view (none scrolls: the form fits)."""
    viewport = tab.scroll.viewport()
    outside = []
    for key, editor in tab.form.editors.items():
        if editor.field.advanced:
            continue
        top_left = editor.mapTo(viewport, editor.rect().topLeft())
        bottom = top_left.y() + editor.height()
        if not editor.isVisible() or top_left.y() < 0 or bottom > viewport.height():
            outside.append(key)
    if tab.scroll.verticalScrollBar().maximum():
        outside.append("(scrolls)")
    return outside


@pytest.mark.parametrize(("width", "height"), LAPTOP_SCREENS)
def test_every_brokers_whole_form_shows_without_scrolling(
    qtbot, window: MainWindow, width: int, height: int
) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().width() == width, timeout=3000)
    for broker in window.broker_tabs:
        tab = show_broker(qtbot, window, broker)
        qtbot.waitUntil(lambda t=tab: not outside_view(t), timeout=3000)
        assert tab.scroll.verticalScrollBar().maximum() == 0, broker
        for editor in tab.form.editors.values():  # folded until asked for
            assert editor.isVisible() is not editor.field.advanced, (broker, editor.field.key)
        assert tab.log_view.table.height() >= 150, broker  # the log keeps room for rows


def test_the_form_takes_two_columns_when_there_is_room_and_one_when_narrow(
    qtbot, window: MainWindow
) -> None:
    tab = show_broker(qtbot, window, "kingdom")
    window.resize(1366, 768)
    user, ip = tab.form.editors["operator_user"], tab.form.editors["kcbp_ip"]
    qtbot.waitUntil(lambda: tab.form.width() > 700, timeout=3000)
    assert tab.form.editors["sdk_path"].y() == user.y()  # side by side: one row, two fields
    window.resize(780, 560)  # the smallest window: one column, and the form scrolls
    qtbot.waitUntil(lambda: tab.form.editors["sdk_path"].y() < user.y(), timeout=3000)
    assert user.x() == ip.x()
    assert tab.connect_button.isVisible()


def test_a_problem_in_a_folded_field_unfolds_it(qtbot, window: MainWindow) -> None:
    tab = show_broker(qtbot, window, "hundsun")
    heartbeat = tab.form.editors["heartbeat_seconds"]
    assert not heartbeat.isVisible()
    qtbot.mouseClick(tab.form.advanced_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(heartbeat.isVisible, timeout=3000)
    assert isinstance(heartbeat.input, QLineEdit)
    heartbeat.input.selectAll()
    qtbot.keyClicks(heartbeat.input, "1")  # below the 5 s the broker allows
    qtbot.mouseClick(tab.form.advanced_button, Qt.MouseButton.LeftButton)  # folded again
    qtbot.waitUntil(lambda: not heartbeat.isVisible(), timeout=3000)
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(heartbeat.error.isVisible, timeout=3000)  # shown, not hidden in the fold
    assert tab.form.advanced_button.isChecked()
    assert tab.badge.state is SessionState.DISCONNECTED  # nothing was sent


def test_tab_goes_through_the_form_in_reading_order_then_to_connect(
    qtbot, window: MainWindow
) -> None:
    tab = show_broker(qtbot, window, "hundsun")
    window.resize(1366, 768)
    window.activateWindow()
    basic = [e for e in tab.form.editors.values() if not e.field.advanced]
    expected = [widget for editor in basic for widget in editor.focus_chain()]
    expected += [tab.form.advanced_button, tab.connect_button]
    expected = [widget for widget in expected if widget.isEnabled()]
    first = expected[0]
    first.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(first.hasFocus, timeout=3000)
    visited = [first]
    while len(visited) < len(expected):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert [w.objectName() for w in visited] == [w.objectName() for w in expected]


def test_keyboard_alone_logs_in_alt_c_and_enter(qtbot, window: MainWindow) -> None:
    tab = show_broker(qtbot, window, "rootnet")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # &Connect
    password = tab.form.editors["operator_password"]
    qtbot.waitUntil(password.error.isVisible, timeout=3000)  # clicked: it asks for the password
    assert password.input.hasFocus()  # and puts the cursor there
    qtbot.keyClicks(password.input, "demo")
    qtbot.keyClick(password.input, Qt.Key.Key_Return)  # Enter connects
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # Log&out
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.DISCONNECTED, timeout=WAIT_MS)


def test_the_sessions_overview_gives_the_plots_room(qtbot, window: MainWindow) -> None:
    window.resize(1280, 800)
    button = next(
        b for b in window.menuBar().cornerWidget().children() if b.objectName() == "sessions_button"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sessions_view is not None, timeout=3000)
    view = window.sessions_view
    qtbot.waitUntil(lambda: view.charts is not None and view.charts.isVisible(), timeout=3000)
    assert view.table.verticalScrollBar().maximum() == 0  # every session in view
    assert view.charts.timeline_view.height() >= 200
    assert view.charts.offset_view.height() >= 150 and view.charts.latency_view.height() >= 150
    assert view.charts.offset_view.width() >= 400
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # and back to the broker shown before
    qtbot.waitUntil(lambda: window.broker_tabs["kgi"].isVisible(), timeout=3000)


def _luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of #rrggbb."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_state_badge_is_readable_white_on_its_colour() -> None:
    """WCAG AA for normal text (4.5:1): the badge's bold text is small."""
    backgrounds = re.findall(r"background: (#[0-9a-f]{6})", BADGE_STYLE)
    assert len(backgrounds) == 5
    white = _luminance("#ffffff")
    for background in backgrounds:
        ratio = (white + 0.05) / (_luminance(background) + 0.05)
        assert ratio >= 4.5, (background, round(ratio, 2))


def _mnemonics(window: MainWindow) -> list[str]:
    """The Alt letters of what is on screen: menus, buttons, labels that name a field."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QAbstractButton):
        if widget.isVisible():
            texts.append(widget.text())
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            texts.append(label.text())
    letters = []
    for text in texts:
        found = re.search(r"&([^&])", text.replace("&&", ""))
        if found:
            letters.append(found.group(1).casefold())
    return letters


@pytest.mark.parametrize("code", ["en", "zh_TW", "zh_CN"])
def test_no_two_controls_share_an_alt_letter(qtbot, loop, config_dir, code: str) -> None:
    """Two controls with one letter make Alt+letter do neither (Qt calls it ambiguous)."""
    from gui.ui.i18n import Language
    from tests.ui.conftest import close_window, make_window

    language = Language(QApplication.instance())
    language.use(code)
    window = make_window(config_dir, language)
    window.show()
    try:
        for broker in window.broker_tabs:
            show_broker(qtbot, window, broker)
            letters = _mnemonics(window)
            assert len(letters) >= 10, (broker, letters)
            assert len(letters) == len(set(letters)), (broker, sorted(letters))
    finally:
        language.use("en")
        close_window(qtbot, window)
