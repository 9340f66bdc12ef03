"""The window as a whole: tabs, the log and its scope, closing, remembering, exporting."""

from __future__ import annotations

import asyncio
import gc
import json
import weakref
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolButton

from gui.core.event_log import EventStore
from gui.core.events import BrokerEvent, EventKind, Level
from gui.core.session import SessionState
from gui.ui import event_log
from gui.ui.event_log import FLUSH_CHUNK, LogFeed
from gui.ui.main_window import MainWindow
from tests.ui.conftest import close_window, make_window

WAIT_MS = 15_000
SECRET = "Tr@der-S3cret-771"


def test_six_broker_tabs_all_with_a_driver_then_the_overview(window: MainWindow) -> None:
    assert window.tabs.count() == 7
    assert window.tabs.widget(6) is window.sessions_page
    assert list(window.broker_tabs) == ["kgi", "longport", "hundsun", "kingdom", "rootnet", "vnpy"]
    for tab in window.broker_tabs.values():
        assert not tab.unavailable.isVisibleTo(tab)
        assert tab.connect_button.isEnabled()


def test_a_broker_without_a_driver_shows_its_form_and_says_so(qtbot, loop, config_dir):
    from PySide6.QtCore import QSettings

    from gui.core.profiles import ProfileStore
    from gui.core.registry import BrokerSpec, Registry
    from gui.core.schema import Field, Schema

    spec = BrokerSpec(
        "future",
        "Future broker",
        Schema((Field("user", "User"),)),
        unavailable_note="Its driver ships later.",
    )
    settings = QSettings(str(config_dir / "w.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Registry([spec]), ProfileStore(config_dir), settings)
    tab = win.broker_tabs["future"]
    assert tab.unavailable.isVisibleTo(tab)
    assert "Not available yet" in tab.unavailable.text() and "ships later" in tab.unavailable.text()
    assert not tab.connect_button.isEnabled()
    assert list(tab.form.editors) == ["user"]
    close_window(qtbot, win)


def test_secret_fields_are_masked_from_the_schema(window: MainWindow) -> None:
    from PySide6.QtWidgets import QLineEdit

    for tab in window.broker_tabs.values():
        for key, editor in tab.form.editors.items():
            if isinstance(editor.input, QLineEdit):
                masked = editor.input.echoMode() is QLineEdit.EchoMode.Password
                assert masked == (key in tab.schema.secret_keys), (tab.spec.id, key)


def quit_answer(qtbot, window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    """A button of the question the window asks before quitting with live sessions."""
    from PySide6.QtWidgets import QAbstractButton

    qtbot.waitUntil(lambda: window.quit_question is not None and window.quit_question.isVisible())
    return window.quit_question.findChild(QAbstractButton, name)


def test_quitting_with_a_live_session_asks_and_remembers_dont_ask_again(
    qtbot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QMessageBox

    tab = window.broker_tabs["kgi"]
    QTest.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    window.close()
    assert "KGI" in window.quit_question.text()
    cancel = window.quit_question.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # stay
    qtbot.waitUntil(lambda: window.quit_question is None)
    assert window.isVisible() and tab.session.state is SessionState.LOGGED_IN
    window.close()
    qtbot.mouseClick(quit_answer(qtbot, window, "quit_dont_ask"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.closed, timeout=WAIT_MS):
        qtbot.mouseClick(quit_answer(qtbot, window, "quit_confirm"), Qt.MouseButton.LeftButton)
    assert tab.session.state is SessionState.DISCONNECTED
    assert window.settings.value("confirm_quit") == "false"  # the next quit does not ask


def test_closing_while_logged_in_logs_out_first(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    tab.form.editors["password"].input.setText("demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    window.close()  # asks first: live sessions
    with qtbot.waitSignal(window.closed, timeout=WAIT_MS):
        qtbot.mouseClick(quit_answer(qtbot, window, "quit_confirm"), Qt.MouseButton.LeftButton)
    assert tab.session.state is SessionState.DISCONNECTED
    window.feed.flush()
    last = [
        e for e in (row.event for row in window.feed.store.rows()) if e.kind is EventKind.STATUS
    ][-1]
    assert last.status == "DISCONNECTED"
    assert not window.isVisible()


def test_geometry_and_values_are_remembered(qtbot, loop, config_dir: Path) -> None:
    first = make_window(config_dir)
    first.show()
    first.resize(780, 560)  # inside the offscreen platform's 800x600 screen
    first.tabs.setCurrentIndex(2)
    first.broker_tabs["kgi"].form.editors["person_id"].input.setText("B987654321")
    first.broker_tabs["kgi"].form.editors["password"].input.setText(SECRET)
    close_window(qtbot, first)
    second = make_window(config_dir)
    assert (second.width(), second.height()) == (780, 560)
    assert second.tabs.currentIndex() == 2
    assert second.broker_tabs["kgi"].form.editors["person_id"].value() == "B987654321"
    assert second.broker_tabs["kgi"].form.editors["password"].value() == ""
    for path in config_dir.rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path
    close_window(qtbot, second)


def test_environment_switch_keeps_each_environments_values(window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    host = tab.form.editors["host"]
    assert host.value() == "127.0.0.1"
    tab.environment.setCurrentIndex(tab.environment.findData("live"))
    assert host.value() == ""
    assert not tab.scenario.isVisibleTo(window)
    host.set_value("trade.example.com")
    tab.environment.setCurrentIndex(tab.environment.findData("simulator"))
    assert host.value() == "127.0.0.1"
    tab.environment.setCurrentIndex(tab.environment.findData("live"))
    assert host.value() == "trade.example.com"


def test_live_kgi_without_an_sdk_folder_says_what_to_set(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    tab.environment.setCurrentIndex(tab.environment.findData("live"))
    for key, value in {"host": "trade.example.com", "port": "8000", "person_id": "A1"}.items():
        tab.form.editors[key].set_value(value)
    tab.form.editors["password"].set_value(SECRET)
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.FAILED, timeout=WAIT_MS)
    assert "Set the SDK folder" in tab.reason.text()
    assert tab.connect_button.isEnabled()


def test_export_writes_visible_rows_and_no_secret(qtbot, window: MainWindow, tmp_path) -> None:
    tab = window.broker_tabs["kgi"]
    tab.form.editors["password"].input.setText(SECRET)
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.FAILED, timeout=WAIT_MS)
    view = tab.log_view
    view.level_combo.setCurrentIndex(view.level_combo.findData(Level.ERROR.value))
    csv_rows = view.export_to(tmp_path / "errors.csv", "csv")
    jsonl_rows = view.export_to(tmp_path / "errors.jsonl", "jsonl")
    shown = view.model.rowCount()
    assert csv_rows == jsonl_rows == shown >= 1
    lines = (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["status"] for r in records] == [e.status for e in view.model.visible_events()]
    assert all(r["level"] == "error" for r in records)
    assert "LOGIN_FAIL" in (tmp_path / "errors.csv").read_text(encoding="utf-8-sig")
    view.level_combo.setCurrentIndex(0)
    view.export_to(tmp_path / "all.jsonl", "jsonl")
    view.export_to(tmp_path / "all.csv", "csv")
    for name in ("errors.csv", "errors.jsonl", "all.csv", "all.jsonl"):
        assert SECRET not in (tmp_path / name).read_text(encoding="utf-8-sig")


def _event(i: int, level: Level = Level.INFO, broker: str = "kgi") -> BrokerEvent:
    return BrokerEvent(broker, EventKind.LOG, text=f"event {i}", level=level)


def _tick(broker: str = "kgi") -> BrokerEvent:
    now = datetime.now().astimezone()
    return BrokerEvent(broker, EventKind.SERVER_TIME, text="quality 12 ms", server_time=now)


def test_each_broker_keeps_its_own_last_rows(qtbot, loop) -> None:
    feed = LogFeed(EventStore(rows_per_broker=10))
    everyone = feed.model(None)
    inserts: list[int] = []
    everyone.rowsInserted.connect(lambda _p, first, last: inserts.append(last - first + 1))
    feed.append(_event(0, broker="longport"))
    for i in range(25):
        feed.append(_event(i))  # kgi floods
    feed.flush()
    assert feed.store.evicted("kgi") == 15 and feed.store.evicted("longport") == 0
    texts = [(e.broker, e.text) for e in everyone.visible_events()]
    assert texts == [("longport", "event 0")] + [("kgi", f"event {i}") for i in range(15, 25)]
    assert everyone.rowCount() == 11
    assert inserts == [11]  # one insert for the batch, without the rows it evicted itself


def test_the_log_shows_rows_while_a_flood_keeps_arriving(qtbot, loop) -> None:
    """A flush run takes in what arrives meanwhile, yet ends (and the views repaint) even
    when the flood never pauses; nothing waits a whole flush interval behind a backlog."""
    feed = LogFeed(EventStore(rows_per_broker=5_000))
    feed.model(None)
    runs: list[int] = []
    feed.flushed.connect(runs.append)
    sent = [0]
    burst = [_event(i) for i in range(500)]  # made once: the flood comes faster than a flush

    def more() -> None:
        feed.extend(burst)
        sent[0] += len(burst)

    flood = QTimer()
    flood.timeout.connect(more)
    flood.start(1)
    try:
        qtbot.waitUntil(lambda: len(runs) >= 3, timeout=10_000)  # runs end, the flood goes on
        assert max(runs) > len(burst)  # a run took in what arrived while it ran
    finally:
        flood.stop()
    qtbot.waitUntil(lambda: feed.backlog == 0 and sum(runs) == sent[0], timeout=10_000)


class _Cycle:
    """Garbage only the cyclic collector can free (it refers to itself)."""

    def __init__(self) -> None:
        self.me = self


def test_a_flood_keeps_the_collector_off_its_rows_until_it_is_over(qtbot, loop, monkeypatch):
    """Young collections walked the rows a flood kept for 20-40 ms at a stretch: a flood's
    objects are frozen out of the collector's way, and what became garbage meanwhile is
    collected once no flood came for a while; a heartbeat is no flood."""
    monkeypatch.setattr(event_log, "GC_QUIET_SECONDS", 0.2)
    monkeypatch.setattr(event_log, "GC_CHECK_MS", 50)
    feed = LogFeed(EventStore(rows_per_broker=5_000))
    feed.model(None)
    try:
        during_flood = _Cycle()
        freed_during_flood = weakref.ref(during_flood)
        feed.extend([_event(i) for i in range(FLUSH_CHUNK)])
        feed.flush()
        del during_flood
        gc.collect()
        assert freed_during_flood() is not None  # frozen: no collection walks it
        qtbot.waitUntil(lambda: freed_during_flood() is None, timeout=5_000)

        during_heartbeat = _Cycle()
        freed_during_heartbeat = weakref.ref(during_heartbeat)
        feed.append(_tick())
        feed.flush()
        del during_heartbeat
        gc.collect()
        assert freed_during_heartbeat() is None
    finally:
        gc.unfreeze()  # the rest of the test run collects as before


def all_brokers_view(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    """The KGI tab's log, switched to every broker's events as a person does it."""
    view = window.broker_tabs["kgi"].log_view
    pick(qtbot, view.scope, "")
    assert view.model.broker is None and not view.table.isColumnHidden(1)  # a Broker column
    return view


def test_one_log_is_in_view_and_it_shows_every_broker_when_asked(qtbot, window) -> None:
    from gui.ui.event_view import EventLogView

    window.feed.append(_event(1))
    window.feed.append(_event(2, broker="longport"))
    window.feed.flush()
    shown = [view for view in window.findChildren(EventLogView) if view.isVisible()]
    assert shown == [window.broker_tabs["kgi"].log_view]
    assert [e.text for e in shown[0].model.visible_events()] == ["event 1"]
    view = all_brokers_view(qtbot, window)
    assert [e.text for e in view.model.visible_events()] == ["event 1", "event 2"]
    pick(qtbot, view.scope, "kgi")
    assert [e.text for e in view.model.visible_events()] == ["event 1"]
    assert view.table.isColumnHidden(1)


def test_log_label_tells_trimmed_rows_from_dropped_events(qtbot, window: MainWindow) -> None:
    view = all_brokers_view(qtbot, window)
    window.feed.store.rows_per_broker = 5
    for i in range(8):
        window.feed.append(_event(i))
    window.feed.flush()
    assert view.dropped_label.isVisibleTo(window)
    assert "3" in view.dropped_label.text()
    # Trimmed from the view is not lost (the session log keeps them): not called "dropped".
    assert "trimmed" in view.dropped_label.text()
    assert "session log" in view.dropped_label.toolTip()  # nothing was lost
    assert "dropped" not in view.dropped_label.text()
    view.set_queue_drops(4)  # events a full queue really lost
    assert "4 event" in view.dropped_label.text().split(";")[-1]  # really lost
    assert "dropped" in view.dropped_label.text().split(";")[-1]


class LayoutRequests(QObject):
    """Counts the layout requests any widget gets (each relays out a window's widgets)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_a_growing_dropped_count_never_lays_out_the_window_again(qtbot, window) -> None:
    """Under a flood the count changes with every flush; relaying out the window for it
    measured every label's text again, about 10 ms of the GUI thread each time."""
    view = window.broker_tabs["kgi"].log_view
    requests = LayoutRequests()
    QApplication.instance().installEventFilter(requests)
    try:
        window.feed.store.rows_per_broker = 5
        for i in range(8):
            window.feed.append(_event(i))
        window.feed.flush()
        for _ in range(100):  # the window's first layout, the label's first showing: settled
            requests.count = 0
            QApplication.processEvents()
            if not requests.count:
                break
        assert view.dropped_label.isVisible() and not requests.count
        for n in range(5):
            for i in range(3):
                window.feed.append(_event(100 + 3 * n + i))
            window.feed.flush()
            QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(requests)
    assert "18" in view.dropped_label.text()
    assert requests.count == 0


def pick(qtbot, combo, data: str) -> None:  # type: ignore[no-untyped-def]
    """Choose an entry the way a person does: open the list, arrow keys, Enter."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=3000)
    steps = combo.findData(data) - combo.currentIndex()
    key = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up
    for _ in range(abs(steps)):
        qtbot.keyClick(combo.view(), key)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)


def toggle_kind(qtbot, view, kind: EventKind) -> None:  # type: ignore[no-untyped-def]
    """Open the Events menu and click the kind (the menu runs its own loop until clicked)."""
    menu = view.kind_button.menu()

    def choose() -> None:
        centre = menu.actionGeometry(view.kind_actions[kind]).center()
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=centre)

    QTimer.singleShot(300, choose)
    qtbot.mouseClick(view.kind_button, Qt.MouseButton.LeftButton)


def test_filters_by_level_kind_search_and_broker(qtbot, window: MainWindow) -> None:
    feed = window.feed
    feed.append(_event(1, Level.INFO))
    feed.append(_event(2, Level.WARNING))
    feed.append(_event(3, Level.ERROR, broker="longport"))
    feed.append(BrokerEvent("kgi", EventKind.STATUS, "CONNECT_READY", "連線成功"))
    feed.flush()
    kgi_view = window.broker_tabs["kgi"].log_view
    assert kgi_view.model.rowCount() == 3
    all_view = all_brokers_view(qtbot, window)
    assert all_view.model.rowCount() == 4
    pick(qtbot, all_view.level_combo, Level.WARNING.value)
    assert [e.text for e in all_view.model.visible_events()] == ["event 2", "event 3"]
    pick(qtbot, all_view.level_combo, Level.INFO.value)
    toggle_kind(qtbot, all_view, EventKind.LOG)
    assert [e.status for e in all_view.model.visible_events()] == ["CONNECT_READY"]
    toggle_kind(qtbot, all_view, EventKind.LOG)
    qtbot.keyClicks(all_view.search, "connect_r")  # QTest types Latin-1 only
    qtbot.waitUntil(lambda: all_view.model.rowCount() == 1, timeout=3000)
    all_view.search.clear()
    pick(qtbot, kgi_view.scope, "kgi")
    qtbot.mouseClick(kgi_view.pause_button, Qt.MouseButton.LeftButton)
    assert kgi_view.pause_button.isChecked()
    clear = next(b for b in kgi_view.findChildren(QToolButton) if b.text() == "Clear")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kgi_view.model.rowCount() == 0, timeout=3000)
    pick(qtbot, kgi_view.scope, "")
    qtbot.waitUntil(  # longport's stays
        lambda: [e.broker for e in kgi_view.model.visible_events()] == ["longport"], timeout=3000
    )


def test_warnings_and_errors_are_painted_in_their_colours(qtbot, window: MainWindow) -> None:
    feed = window.feed
    for number, level in enumerate((Level.INFO, Level.WARNING, Level.ERROR)):
        feed.append(_event(number, level))
    feed.flush()
    view = window.broker_tabs["kgi"].log_view
    table = view.table
    normal = table.palette().color(QPalette.ColorRole.Text).name()
    shown = []
    for row in range(3):
        option = QStyleOptionViewItem()
        table.itemDelegate().initStyleOption(option, view.model.index(row, 2))
        shown.append(option.palette.color(QPalette.ColorRole.Text).name())
    assert shown == [normal, "#b26a00", "#c62828"]


def test_heartbeats_collapse_into_one_row_and_exports_keep_every_one(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    feed, view = window.feed, all_brokers_view(qtbot, window)
    feed.append(_event(0))
    for _ in range(5):
        feed.append(_tick("kgi"))
        feed.append(_tick("longport"))  # another broker's clock in between
    feed.flush()
    for _ in range(5):
        feed.append(_tick("kgi"))
    feed.flush()
    shown = [view.model.data(view.model.index(r, 2)) for r in range(view.model.rowCount())]
    assert shown == ["Log", "ServerTime ×10", "ServerTime ×5"]
    assert view.export_to(tmp_path / "all.jsonl", "jsonl") == 16
    feed.append(_event(1))  # the story moves on: the next tick starts a new row
    feed.append(_tick("kgi"))
    feed.flush()
    assert view.model.rowCount() == 5
    qtbot.mouseClick(view.heartbeats, Qt.MouseButton.LeftButton)  # "Show every heartbeat"
    assert view.model.rowCount() == 18


def test_thousands_of_foreign_thread_events_arrive_in_order(qtbot, window: MainWindow) -> None:
    """Events emitted from vendor threads reach the log in order, in batches."""
    import threading

    from gui.core.driver import DriverLink
    from gui.core.pump import RecordPump
    from gui.core.redaction import Redactor

    def deliver(records: list) -> None:
        for record in records:
            if isinstance(record, BrokerEvent):
                window.feed.append(record)

    pump = RecordPump(asyncio.get_event_loop(), "kgi", deliver, Redactor())
    link = DriverLink("kgi", pump, Redactor())
    total = 5_000

    def produce() -> None:
        for i in range(total):
            link.log(f"event {i}")

    thread = threading.Thread(target=produce)
    thread.start()
    view = window.broker_tabs["kgi"].log_view
    qtbot.waitUntil(lambda: view.model.rowCount() == total, timeout=WAIT_MS)
    thread.join()
    assert [e.text for e in view.model.visible_events()] == [f"event {i}" for i in range(total)]


def test_only_the_shown_tab_is_built_at_start_up(qtbot, loop, config_dir) -> None:
    win = make_window(config_dir)
    assert [tab.spec.id for tab in win.broker_tabs.built()] == ["kgi"]
    win.tabs.setCurrentIndex(3)
    assert [tab.spec.id for tab in win.broker_tabs.built()] == ["kgi", "kingdom"]
    assert win.tabs.currentWidget().layout().itemAt(0).widget() is win.broker_tabs["kingdom"]
    close_window(qtbot, win)
