"""Whether the window can open here, said in one line before Qt tries: without a display Qt's
xcb plugin aborts the process (exit 134) with advice about libraries the user may not need."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# Qt 6.5+ needs this library for its xcb platform plugin (Qt's own error names it).
XCB_CURSOR = "libxcb-cursor.so.0"
NO_DISPLAY_EXIT = 3  # "could not connect", as the CLI's exit codes say


def _loads(library: str) -> bool:
    import ctypes  # only on Linux with a display, right before Qt loads the same library

    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    loads: Callable[[str], bool] = _loads,
) -> str:
    """'' when the window can open, else what is missing and what to do (Linux' X11 only:
    Windows and macOS always have their display, and another Qt platform is the user's)."""
    env = os.environ if environ is None else environ
    chosen = env.get("QT_QPA_PLATFORM", "")
    if not platform.startswith("linux") or chosen not in ("", "xcb"):
        return ""
    if not chosen and env.get("WAYLAND_DISPLAY"):
        return ""  # Qt picks Wayland where it runs
    display = env.get("DISPLAY", "")
    if not display:
        return (
            "No display to open the window on (DISPLAY is not set): run it in a desktop "
            "session, or use a command (broker-console --help); for a window without a screen, "
            "set QT_QPA_PLATFORM=offscreen."
        )
    if display.startswith(":"):
        number = display[1:].split(".")[0]
        if number.isdigit() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return f"The X display {display} is not running (no /tmp/.X11-unix/X{number})."
    if not loads(XCB_CURSOR):
        return (
            f"Qt's X11 support needs {XCB_CURSOR}, which is not installed: install it "
            "(Debian/Ubuntu: apt install libxcb-cursor0), or run scripts/run.sh, which does."
        )
    return ""
