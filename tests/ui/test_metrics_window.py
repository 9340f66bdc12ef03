"""Settings → Expose metrics in the window, chosen as a person does (Alt+T, a click, an address
typed, Enter); the endpoint follows the tab's session, warns off loopback, and 100 scrapers for
10 s during a flood of events leave the window answering and get every answer."""

from __future__ import annotations

import threading
import time
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QMessageBox

from gui.brokers import kgi
from gui.core.login import LoginController
from gui.core.profiles import ProfileStore
from gui.core.session import SessionState
from gui.ui.main_window import MainWindow
from gui.ui.metrics_export import METRICS_OPTION

pytestmark = pytest.mark.ui
WAIT_MS = 30_000
FLOOD_EVENTS = 600_000
SCRAPERS = 100
SCRAPE_SECONDS = 10.0


def choose_address(qtbot, window: MainWindow, address: str) -> None:
    """Alt+T, a click on Expose metrics…, the address typed over the suggestion, Enter."""
    previous = window.metrics_export.question
    window.activateWindow()  # back from a dialog, as the window manager does
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.isVisible())
    action = next(a for a in menu.actions() if a.objectName() == "expose_metrics")
    qtbot.mouseClick(
        menu, Qt.MouseButton.LeftButton, pos=QPoint(menu.actionGeometry(action).center())
    )
    qtbot.waitUntil(lambda: window.metrics_export.question not in (None, previous))
    dialog = window.metrics_export.question
    assert dialog is not None and dialog.objectName() == "metrics_dialog"
    qtbot.waitUntil(dialog.isVisible)
    line = dialog.findChild(QLineEdit)
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, address)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def scrape(url: str) -> str:
    with urllib.request.urlopen(url, timeout=15) as answer:
        assert answer.status == 200
        return answer.read().decode()


def test_metrics_are_exposed_remembered_and_follow_the_session(
    qtbot, window: MainWindow, config_dir: Path
) -> None:
    choose_address(qtbot, window, "127.0.0.1:0")
    qtbot.waitUntil(lambda: window.metrics_export.server is not None, timeout=5000)
    url = window.metrics_export.server.url
    assert window.statusBar().currentMessage() == f"Metrics at {url}"
    assert window.metrics_export.action.isChecked()
    assert ProfileStore(config_dir).option(METRICS_OPTION) == "127.0.0.1:0"
    tab = window.broker_tabs["kgi"]
    qtbot.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    body = scrape(url)
    assert (
        'broker_console_session_state{account="Default",broker="kgi",environment="simulator",'
        'state="logged_in"} 1.0'
    ) in body
    qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
    assert 'state="disconnected"} 1.0' in scrape(url)

    choose_address(qtbot, window, "0.0.0.0:0")  # every interface: reachable from the network
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "metrics_warning") is not None)
    warning = window.findChild(QMessageBox, "metrics_warning")
    assert "can be read by anyone who reaches this computer" in warning.text()
    qtbot.mouseClick(warning.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    choose_address(qtbot, window, "")  # empty: off, and forgotten
    qtbot.waitUntil(lambda: window.metrics_export.server is None, timeout=5000)
    assert not window.metrics_export.action.isChecked()
    assert ProfileStore(config_dir).option(METRICS_OPTION) == ""


def test_a_hundred_scrapers_during_a_flood_leave_the_window_answering(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLOOD_EVENTS", str(FLOOD_EVENTS))
    monkeypatch.setenv("FLOOD_THREADS", "4")
    monkeypatch.setenv("FLOOD_DELAY_S", "0.5")
    window.metrics_export.expose("127.0.0.1:0")
    url = window.metrics_export.server.url
    tab = window.broker_tabs["kgi"]
    tab.controller = LoginController(
        kgi.SPEC, driver_factory="tests.benchmarks.flood:kgi_flood_driver"
    )
    gaps: list[float] = []
    last = [time.monotonic()]

    def tick() -> None:  # how late the GUI thread answers, all along
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer(window)
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    ticker.start()
    answers = [0] * SCRAPERS
    errors: list[str] = []
    stop = threading.Event()

    def scraper(n: int) -> None:
        while not stop.is_set():
            try:
                body = scrape(url)
            except Exception as exc:  # every failure is counted and shown
                errors.append(f"{type(exc).__name__}: {exc}")
                continue
            if "broker_console_build_info" in body:
                answers[n] += 1
            else:
                errors.append(f"an answer without the series: {body[:200]!r}")

    qtbot.keyClicks(tab.form.editors["password"].input, "demo")
    qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.session.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
    threads = [threading.Thread(target=scraper, args=(n,), daemon=True) for n in range(SCRAPERS)]
    for thread in threads:
        thread.start()
    qtbot.wait(int(SCRAPE_SECONDS * 1000))
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    ticker.stop()
    assert errors == []
    assert all(answers), "every scraper got answers"

    def counted() -> float:
        body = scrape(url)
        lines = [line for line in body.splitlines() if line.startswith("broker_console_events_")]
        return sum(float(line.rsplit(" ", 1)[1]) for line in lines)

    # the flood went through the session (a flood past the worker's queue: counted dropped)
    qtbot.waitUntil(lambda: counted() + tab.session.info.dropped >= FLOOD_EVENTS, timeout=WAIT_MS)
    assert max(gaps) < 1.0, f"the window stopped answering for {max(gaps):.2f} s"
    assert not any(thread.is_alive() for thread in threads)
