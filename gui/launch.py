"""The front door of `broker-console`, `python -m gui` and the packaged executable.

It sends each start where it belongs without loading what that start does not need: a worker
process goes to its loop, the window to Qt (no argument parser, no CLI), and every other
command line to `gui.cli`. Start-up is measured by packaging/benchmark.py.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from gui import WORKER_FLAG


def window_only(arguments: Sequence[str]) -> str | None:
    """'' for the plain window, the self-test's mode for `--self-test [MODE]`, else None (a
    command line the parser must read)."""
    if arguments in ([], ["gui"]):
        return ""
    if arguments in (["--self-test"], ["--self-test", "full"]):
        return "full"
    if arguments == ["--self-test", "startup"]:
        return "startup"
    return None


def quiet_stdout_end(code: int) -> int:
    """A reader that went away (`--self-test | head -1`) must not turn the exit into 120."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return code


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == [WORKER_FLAG]:
        from gui.worker.process import main as worker_main

        return worker_main()
    window = window_only(arguments)
    if window is None:
        from gui.cli import main as command_main

        return command_main(arguments)
    # Start-up makes objects that live as long as the window; collecting while they are made
    # only walks them again and again (about 10 ms). Once the window shows, run_gui collects
    # once, freezes what is left and turns the collector back on.
    gc.disable()
    from gui.ui.app import run_gui

    return quiet_stdout_end(run_gui(window or None))
