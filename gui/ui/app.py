"""Starting the GUI: QApplication, the qasync loop, an explicit executor, the window."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TextIO

from PySide6.QtWidgets import QApplication

from gui import APP_NAME, APP_TITLE, STARTED, __version__
from gui.brokers import default_registry
from gui.core.profiles import CONFIG_DIR_ENV, ProfileStore
from gui.ui.main_window import MainWindow
from gui.ui.resources import app_icon, install_translator
from gui.ui.self_test import run_self_test

LANGUAGE_ENV = "BROKER_CONSOLE_LANG"


def make_executor() -> ThreadPoolExecutor:
    """Blocking vendor calls run here, never on qasync's QThreadExecutor (qasync issue #154)."""
    return ThreadPoolExecutor(max_workers=8, thread_name_prefix="broker-sdk")


def report_stream() -> TextIO:
    """stdout; a windowed Windows build has none, so the report goes to a file in TEMP."""
    if sys.stdout is not None:
        return sys.stdout
    path = Path(tempfile.gettempdir()) / f"{APP_NAME}-self-test.txt"
    return path.open("w", encoding="utf-8")


def run_gui(self_test: str | None = None) -> int:
    """Open the console; with `self_test` ("full" or "startup") run the self-test and exit."""
    if self_test:
        # Offscreen, and a throw-away config dir: the trader's saved values stay untouched.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        scratch = tempfile.TemporaryDirectory(prefix="broker-console-self-test-")
        os.environ[CONFIG_DIR_ENV] = scratch.name
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    install_translator(app, os.environ.get(LANGUAGE_ENV))
    executor = make_executor()
    window = MainWindow(default_registry(), executor, ProfileStore())
    window.show()
    app.processEvents()
    shown = time.perf_counter()
    report = report_stream() if self_test else None
    if report is not None:  # the first line marks the shown window (the benchmark times it)
        report.write(f"Broker Login Console self-test ({self_test})\n")
        report.flush()
    # The event loop is wired after the window shows: importing qasync costs ~100 ms.
    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    window.closed.connect(closed.set)

    async def main() -> int:
        code = 0
        if self_test and report is not None:
            code = await run_self_test(window, STARTED, shown, self_test, report)
            window.close()
        await closed.wait()
        return code

    try:
        with loop:
            return loop.run_until_complete(main())
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
