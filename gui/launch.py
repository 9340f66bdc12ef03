"""The front door of `broker-console`, `python -m gui` and the packaged executable.

It sends each start where it belongs without loading what that start does not need: a worker
process goes to its loop, the window to Qt (no argument parser, no CLI), and every other
command line to `gui.cli`. Start-up is measured by packaging/benchmark.py.
"""

from __future__ import annotations

import gc
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


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == [WORKER_FLAG]:
        from gui.worker.process import main as worker_main  # a worker needs no CLI or Qt

        return worker_main()
    window = window_only(arguments)
    if window is None:
        from gui.cli import main as command_main  # not for the window or a worker

        return command_main(arguments)
    # Start-up makes objects that live as long as the window; collecting while they are made
    # only walks them again and again (about 10 ms). Once the window shows, run_gui collects
    # once, freezes what is left and turns the collector back on.
    gc.disable()
    from gui.ui.app import run_gui  # Qt only for the window

    return run_gui(window or None)
