"""No display, a dead X display, or Qt's missing xcb library: one line and exit 3 before Qt
aborts the process (exit 134) with its advice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui.display import XCB_CURSOR, display_problem

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_without_a_display_says_so_in_one_line_and_exits_3(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["BROKER_CONSOLE_CONFIG_DIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "gui"], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert done.returncode == 3, done.stderr
    said = done.stderr.strip().splitlines()
    assert len(said) == 1 and "No display" in said[0] and "libxcb" not in said[0]


def test_a_display_that_is_not_running_or_a_missing_xcb_library_is_named() -> None:
    always = lambda _library: True  # noqa: E731
    never = lambda _library: False  # noqa: E731
    assert "not running" in display_problem({"DISPLAY": ":4711"}, "linux", always)
    assert XCB_CURSOR in display_problem({"DISPLAY": "remote:0"}, "linux", never)
    assert display_problem({"DISPLAY": "remote:0"}, "linux", always) == ""
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", never) == ""
    assert display_problem({}, "win32", never) == ""
