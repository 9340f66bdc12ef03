"""`--self-test`: the first thing support runs on a trader's machine.

Starts the real window, logs in to the KGI built-in simulator through the real session and UI,
logs out, and prints versions and timings. Exit 0 means this installation works.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TextIO

import PySide6
from PySide6.QtCore import qVersion

from gui.core.registry import Environment
from gui.core.runtime_info import report
from gui.core.session import SessionState
from gui.ui.main_window import MainWindow

LOGIN_BOUND_SECONDS = 30.0
LOGOUT_BOUND_SECONDS = 15.0
SHOWN_MARKER = "shown window"
DEMO_PASSWORD = "demo"  # the built-in simulator's documented demo password, not a credential


class SelfTestFailed(Exception):
    pass


async def _until(predicate: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.perf_counter() + seconds
    while not predicate():
        if time.perf_counter() > deadline:
            raise SelfTestFailed(f"{what} did not happen within {seconds:g} s")
        await asyncio.sleep(0.02)


async def run_self_test(
    window: MainWindow, started: float, shown: float, mode: str, out: TextIO
) -> int:
    """Returns the exit code; `started`/`shown` are perf_counter stamps. The caller printed the
    report's first line the moment the window was shown (the benchmark times that line)."""

    def line(name: str, value: str) -> None:
        try:
            out.write(f"  {name:<14}{value}\n")
            out.flush()
        except (BrokenPipeError, ValueError):  # the reader went away (| head): the test goes on
            pass

    line("start-up", f"{(shown - started) * 1000:.0f} ms to a {SHOWN_MARKER}")
    for name, value in report().items():
        line(name, value)
    line(
        "qt", f"{qVersion()} (PySide6 {PySide6.__version__}, {window.screen().name() or 'screen'})"
    )
    language = window.language
    if language is None or language.code == "en":
        line("language", "en (the source texts)")
    else:
        done, left = language.counts()
        line("language", f"{language.code} ({done} translated, {left} untranslated)")
    if mode == "startup":
        line("result", "PASS")
        return 0
    tab = window.broker_tabs["kgi"]
    try:
        tab.environment.setCurrentIndex(tab.environment.findData(Environment.SIMULATOR.value))
        tab.scenario.setCurrentIndex(tab.scenario.findData("normal"))
        tab.form.editors["password"].set_value(DEMO_PASSWORD)
        begin = time.perf_counter()
        tab.connect_clicked()
        await _until(
            lambda: (
                tab.session.state is SessionState.LOGGED_IN
                or (not tab.busy and not tab.session.state.live)
            ),
            LOGIN_BOUND_SECONDS,
            "LOGIN_READY from the KGI simulator",
        )
        if tab.session.state is not SessionState.LOGGED_IN:
            raise SelfTestFailed(f"login failed: {tab.session.reason or tab.reason.text()}")
        logged_in = time.perf_counter()
        line("login", f"{(logged_in - begin) * 1000:.0f} ms to LOGIN_READY (KGI simulator)")
        window.show_sessions()  # the overview's charts load Qt Charts: shipped, and working
        await _until(
            lambda: window.sessions_view is not None and window.sessions_view.charts is not None,
            5.0,
            "the Sessions overview with its charts",
        )
        line("sessions", f"overview shown; {tab.health.snapshot().state.value} (Qt Charts)")
        logout = time.perf_counter()
        tab.logout_clicked()
        await _until(
            lambda: tab.session.state is SessionState.DISCONNECTED,
            LOGOUT_BOUND_SECONDS,
            "DISCONNECTED after Logout",
        )
        line("logout", f"{(time.perf_counter() - logout) * 1000:.0f} ms to DISCONNECTED")
    except SelfTestFailed as exc:
        line("result", f"FAIL: {exc}")
        return 1
    line("result", "PASS")
    return 0
