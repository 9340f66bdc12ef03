"""Starting the GUI: QApplication, the qasync loop, an explicit executor, the window."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor

import qasync
from PySide6.QtWidgets import QApplication

from gui import APP_NAME, APP_TITLE, __version__
from gui.brokers import default_registry
from gui.core.profiles import ProfileStore
from gui.ui.main_window import MainWindow
from gui.ui.resources import app_icon, install_translator

LANGUAGE_ENV = "BROKER_CONSOLE_LANG"


def make_executor() -> ThreadPoolExecutor:
    """Blocking vendor calls run here, never on qasync's QThreadExecutor (qasync issue #154)."""
    return ThreadPoolExecutor(max_workers=8, thread_name_prefix="broker-sdk")


def run_gui() -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    install_translator(app, os.environ.get(LANGUAGE_ENV))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    executor = make_executor()
    window = MainWindow(default_registry(), executor, ProfileStore())
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    window.show()
    try:
        with loop:
            loop.run_until_complete(closed.wait())
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
    return 0
