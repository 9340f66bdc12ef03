"""The window as a whole: tabs, the all-brokers dock, closing, remembering, exporting."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from PySide6.QtCore import Qt

from gui.core.events import BrokerEvent, EventKind, Level
from gui.core.session import SessionState
from gui.ui.event_log import EventLogModel
from gui.ui.main_window import MainWindow
from tests.ui.conftest import close_window, make_window

WAIT_MS = 15_000
SECRET = "Tr@der-S3cret-771"


def test_six_tabs_all_with_a_driver(window: MainWindow) -> None:
    assert window.tabs.count() == 6
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


def test_closing_while_logged_in_logs_out_first(qtbot, window: MainWindow) -> None:
    tab = window.broker_tabs["kgi"]
    tab.form.editors["password"].input.setText("demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    with qtbot.waitSignal(window.closed, timeout=WAIT_MS):
        window.close()
    assert tab.session.state is SessionState.DISCONNECTED
    window.model.flush()
    last = [e for e in window.model.events() if e.kind is EventKind.STATUS][-1]
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
    shown = view.proxy.rowCount()
    assert csv_rows == jsonl_rows == shown >= 1
    lines = (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["status"] for r in records] == [e.status for e in view.proxy.visible_events()]
    assert all(r["level"] == "error" for r in records)
    assert "LOGIN_FAIL" in (tmp_path / "errors.csv").read_text(encoding="utf-8-sig")
    view.level_combo.setCurrentIndex(0)
    view.export_to(tmp_path / "all.jsonl", "jsonl")
    view.export_to(tmp_path / "all.csv", "csv")
    for name in ("errors.csv", "errors.jsonl", "all.csv", "all.jsonl"):
        assert SECRET not in (tmp_path / name).read_text(encoding="utf-8-sig")


def _event(i: int, level: Level = Level.INFO, broker: str = "kgi") -> BrokerEvent:
    return BrokerEvent(broker, EventKind.LOG, text=f"event {i}", level=level)


def test_model_caps_rows_and_counts_dropped(qtbot, window: MainWindow) -> None:
    model = EventLogModel(cap=10)
    inserts: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: inserts.append(last - first + 1))
    for i in range(25):
        model.append(_event(i))
    qtbot.waitUntil(lambda: model.rowCount() == 10, timeout=2_000)
    assert model.dropped == 15
    assert [e.text for e in model.events()] == [f"event {i}" for i in range(15, 25)]
    assert len(inserts) == 1  # one batch, not one insert per event


def test_dock_label_shows_dropped_count(qtbot, window: MainWindow) -> None:
    window.model.cap = 5
    for i in range(8):
        window.model.append(_event(i))
    window.model.flush()
    assert window.all_view.dropped_label.isVisibleTo(window)
    assert "3" in window.all_view.dropped_label.text()


def test_filters_by_level_kind_search_and_broker(window: MainWindow) -> None:
    model = window.model
    model.append(_event(1, Level.INFO))
    model.append(_event(2, Level.WARNING))
    model.append(_event(3, Level.ERROR, broker="longport"))
    model.append(BrokerEvent("kgi", EventKind.STATUS, "CONNECT_READY", "連線成功"))
    model.flush()
    kgi_view = window.broker_tabs["kgi"].log_view
    all_view = window.all_view
    assert all_view.proxy.rowCount() == 4
    assert kgi_view.proxy.rowCount() == 3
    all_view.level_combo.setCurrentIndex(all_view.level_combo.findData(Level.WARNING.value))
    assert [e.text for e in all_view.proxy.visible_events()] == ["event 2", "event 3"]
    all_view.level_combo.setCurrentIndex(0)
    all_view.kind_actions[EventKind.LOG].setChecked(False)
    assert [e.status for e in all_view.proxy.visible_events()] == ["CONNECT_READY"]
    all_view.kind_actions[EventKind.LOG].setChecked(True)
    all_view.search.setText("連線")
    assert all_view.proxy.rowCount() == 1
    all_view.search.clear()
    kgi_view.pause_button.setChecked(True)
    kgi_view.model.clear("kgi")
    assert kgi_view.proxy.rowCount() == 0
    assert all_view.proxy.rowCount() == 1  # longport's row stays


def test_thousands_of_foreign_thread_events_arrive_in_order(qtbot, window: MainWindow) -> None:
    """Events emitted from vendor threads reach the log in order, in batches."""
    import threading

    from gui.core.driver import DriverLink
    from gui.core.pump import RecordPump
    from gui.core.records import EVENT
    from gui.core.redaction import Redactor

    def deliver(records: list) -> None:
        for record in records:
            if record[0] == EVENT:
                window.model.append(record[1])

    pump = RecordPump(asyncio.get_event_loop(), "kgi", deliver, Redactor())
    link = DriverLink("kgi", pump, Redactor())
    total = 5_000

    def produce() -> None:
        for i in range(total):
            link.log(f"event {i}")

    thread = threading.Thread(target=produce)
    thread.start()
    qtbot.waitUntil(lambda: window.model.rowCount() == total, timeout=WAIT_MS)
    thread.join()
    assert [e.text for e in window.model.events()] == [f"event {i}" for i in range(total)]


def test_only_the_shown_tab_is_built_at_start_up(qtbot, loop, config_dir) -> None:
    win = make_window(config_dir)
    assert [tab.spec.id for tab in win.broker_tabs.built()] == ["kgi"]
    win.tabs.setCurrentIndex(3)
    assert [tab.spec.id for tab in win.broker_tabs.built()] == ["kgi", "kingdom"]
    assert win.tabs.currentWidget().layout().itemAt(0).widget() is win.broker_tabs["kingdom"]
    close_window(qtbot, win)
