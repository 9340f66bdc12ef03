"""Starting the GUI: QApplication, the qasync loop, the window; and ending it, bounded.

Only what the first window needs is imported before it shows: asyncio, qasync and the
self-test load after (start-up is measured by packaging/benchmark.py).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import TextIO

# Qt-free modules first: once PySide6 is loaded, its import hook reads the source of every module
# an import statement names (looking for `from __feature__ import`). What only these modules
# import (standard library and core modules the Qt layer never names) is then never read.
from gui import APP_NAME, APP_TITLE, STARTED, __version__
from gui.brokers import default_registry
from gui.core.profiles import CONFIG_DIR_ENV, ProfileStore
from gui.core.session_log import install_error_log
from gui.display import NO_DISPLAY_EXIT, display_problem

# isort: split
from PySide6.QtWidgets import QApplication

from gui.ui.i18n import LANGUAGE_ENV, Language
from gui.ui.main_window import LOGIN_ALL_AT_STARTUP, MainWindow, window_settings
from gui.ui.resources import app_icon

EXIT_SECONDS = 3.0  # after the window is gone, the process is gone within this


def end_process_soon(code: int) -> None:
    """Closing the window always ends the program: whatever might still hold it (a thread in a
    vendor call, a worker that will not die) does not keep the process alive past the bound."""
    timer = threading.Timer(EXIT_SECONDS, os._exit, (code,))
    timer.daemon = True
    timer.start()


def report_stream() -> TextIO:
    """stdout; a windowed Windows build has none, so the report goes to a file in TEMP."""
    if sys.stdout is not None:
        return sys.stdout
    import tempfile

    path = Path(tempfile.gettempdir()) / f"{APP_NAME}-self-test.txt"
    return path.open("w", encoding="utf-8")


def run_gui(self_test: str | None = None) -> int:
    """Open the console; with `self_test` ("full" or "startup") run the self-test and exit."""
    if self_test:
        # Offscreen, and a throw-away config dir: the trader's saved values stay untouched.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import tempfile

        scratch = tempfile.TemporaryDirectory(prefix="broker-console-self-test-")
        os.environ[CONFIG_DIR_ENV] = scratch.name
    problem = display_problem()
    if problem:  # Qt would abort the process with advice about libraries
        sys.stderr.write(problem + "\n")
        return NO_DISPLAY_EXIT
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        quiet_offscreen_platform()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    settings = window_settings()
    language = Language(app)
    language.use(os.environ.get(LANGUAGE_ENV) or str(settings.value("language", "") or ""))
    profiles = ProfileStore()
    if profiles.check():
        sys.stderr.write(profiles.problem + "\n")  # the window shows it too
    window = MainWindow(default_registry(), profiles, settings, language=language)
    window.show()
    app.processEvents()
    shown = time.perf_counter()
    report = report_stream() if self_test else None
    if report is not None:  # the first line marks the shown window (the benchmark times it)
        report.write(f"Broker Login Console self-test ({self_test})\n")
        report.flush()
    # The event loop is wired after the window shows: importing asyncio and qasync costs
    # ~100 ms.
    import asyncio

    import qasync

    install_error_log()

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    # gui.launch starts the window with the collector off. Once: start-up's garbage goes, and
    # what it made to last as long as the app is frozen (no collection walks it again).
    gc.collect()
    gc.freeze()
    gc.enable()
    closed = asyncio.Event()
    window.closed.connect(closed.set)

    async def main() -> int:
        code = 0
        if self_test and report is not None:
            from gui.ui.self_test import run_self_test

            code = await run_self_test(window, STARTED, shown, self_test, report)
            window.close()
        elif profiles.option(LOGIN_ALL_AT_STARTUP) is True:
            window.log_in_to_all()
        await closed.wait()
        return code

    with loop:
        code = loop.run_until_complete(main())
    end_process_soon(code)
    return quiet_stdout_end(code)


def quiet_offscreen_platform() -> None:
    """The offscreen platform (the self-test, CI) says for every window that it has no window
    manager ("This plugin does not support propagateSizeHints()"): not a fault, and noise in a
    report desk support reads. Every other message of Qt's passes to stderr as before."""
    from PySide6.QtCore import QtMsgType, qFormatLogMessage, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if not message.startswith("This plugin does not support"):
            sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")

    qInstallMessageHandler(handler)


def quiet_stdout_end(code: int) -> int:
    """A reader that went away (`--self-test | head -1`) must not turn the exit into 120."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return code
