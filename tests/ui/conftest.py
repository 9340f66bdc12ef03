"""qasync on pytest-qt's QApplication (docs/ARCHITECTURE.md, qasync in tests): qtbot.waitUntil
drives coroutines."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from gui.brokers import default_registry
from gui.core.profiles import ProfileStore
from gui.ui.i18n import Language
from gui.ui.main_window import MainWindow


@pytest.fixture(scope="session")
def qt_loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """One qasync loop for the whole run: it cannot be replaced on a running QApplication."""
    event_loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)  # registered per UI test only, see `loop`
    yield event_loop
    event_loop.stop()
    event_loop.close()


@pytest.fixture
def loop(qt_loop: asyncio.AbstractEventLoop) -> Iterator[asyncio.AbstractEventLoop]:
    """The qasync loop, registered as running for this test only, so headless tests that call
    asyncio.run() in the same process still can."""
    asyncio.events._set_running_loop(qt_loop)
    asyncio.set_event_loop(qt_loop)
    yield qt_loop
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


def make_window(config_dir: Path, language: Language | None = None) -> MainWindow:
    settings = QSettings(str(config_dir / "window.ini"), QSettings.Format.IniFormat)
    return MainWindow(default_registry(), ProfileStore(config_dir), settings, language=language)


def close_window(qtbot, win: MainWindow) -> None:
    """Log every session out first, then close: pytest-qt's own widget closing would run
    before fixture teardown and leave the window's logout task behind."""
    for tab in win.broker_tabs.values():
        if tab.session.state.live:
            task = asyncio.ensure_future(tab.session.shutdown())
            qtbot.waitUntil(task.done, timeout=15_000)
    win.close()
    win.deleteLater()
    qtbot.wait(10)


@pytest.fixture
def window(qtbot, loop, config_dir: Path) -> Iterator[MainWindow]:
    win = make_window(config_dir)
    win.show()
    yield win
    close_window(qtbot, win)
