"""Ctrl-C and SIGTERM in headless commands: a command that logged in logs out, every command
prints its result line, and the process exits with the signal's documented code (130 for
Ctrl-C, 143 for SIGTERM: 128 + the signal's number, as shells report them). Never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Coroutine
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")

STOPPING_SIGNALS = (signal.SIGINT, signal.SIGTERM)
EXIT_HELP = (
    "130 stopped by Ctrl-C (SIGINT), 143 stopped by SIGTERM (a login is logged out first, and "
    "the result line is printed)"
)


class Stopped(Exception):
    """The user or the system asked the command to stop (SIGINT, SIGTERM)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def _raise_stopped(signum: int, _frame: FrameType | None) -> None:
    raise Stopped(signum)


def stop_on_signals() -> None:
    """Outside an event loop, SIGINT and SIGTERM raise Stopped where the command is (the main
    thread): its `finally` blocks run and `main` prints the result line."""
    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may set handlers (a command run by a test's thread)
    for signum in STOPPING_SIGNALS:
        signal.signal(signum, _raise_stopped)


async def until_stopped(command: Coroutine[Any, Any, T]) -> T:
    """Run a command's coroutine; a signal cancels it (its clean-up logs out, bounded as every
    logout is) and then raises Stopped. A second signal during the clean-up is ignored."""
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(command)
    received: list[int] = []

    def stop(signum: int) -> None:
        if not received:
            received.append(signum)
            task.cancel()

    # Windows (NotImplementedError) and threads other than the main one (ValueError,
    # RuntimeError): the handlers of stop_on_signals raise Stopped instead.
    with contextlib.suppress(NotImplementedError, ValueError, RuntimeError):
        for signum in STOPPING_SIGNALS:
            loop.add_signal_handler(signum, stop, signum)
    try:
        return await task
    except asyncio.CancelledError:
        if received:
            raise Stopped(received[0]) from None
        raise
    finally:
        with contextlib.suppress(NotImplementedError, ValueError, RuntimeError):
            for signum in STOPPING_SIGNALS:
                loop.remove_signal_handler(signum)  # restores the defaults: put ours back
        stop_on_signals()
