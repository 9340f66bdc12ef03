"""The core and the brokers run without Qt (Electrum's split)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEADLESS = [ROOT / "gui" / "core", ROOT / "gui" / "brokers", ROOT / "gui" / "cli.py"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_import_under_core_brokers_or_cli_top_level() -> None:
    files = [p for base in HEADLESS for p in ([base] if base.is_file() else base.rglob("*.py"))]
    assert len(files) > 10
    for path in files:
        for name in imported_modules(path):
            if path.name == "cli.py" and name == "gui.ui.app":
                continue  # imported lazily, only for the GUI command
            assert not name.startswith(("PySide6", "shiboken6", "qasync", "gui.ui")), (path, name)


def test_a_headless_check_never_loads_qt() -> None:
    code = (
        "import sys, runpy\n"
        "sys.argv = ['broker-console', 'check', 'kgi', '--simulator', '--secret', 'password=PW']\n"
        "from gui.cli import main\n"
        "rc = main()\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "sys.exit(rc)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "PW": "demo"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("arguments", "usage"),
    [
        (["--help"], "usage: broker-console"),
        (["diagnose", "--help"], "usage: broker-console diagnose"),
    ],
)
def test_help_loads_no_qt_through_the_front_door(arguments: list[str], usage: str) -> None:
    """`broker-console --help` and a command's help: gui.launch hands them to the CLI, no Qt."""
    code = (
        "import sys\n"
        "from gui.launch import main\n"
        f"sys.argv = ['broker-console', *{arguments!r}]\n"
        "rc = main()\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "sys.exit(rc)\n"
    )
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr
    assert usage in proc.stdout


def test_the_first_window_shows_before_asyncio_the_self_test_and_the_drivers_load(
    tmp_path: Path,
) -> None:
    """Start-up: what the window does not need is imported after it shows."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from gui.brokers import default_registry\n"
        "from gui.core.profiles import ProfileStore\n"
        "from gui.ui.main_window import MainWindow\n"
        "import gui.ui.app\n"
        "window = MainWindow(default_registry(), ProfileStore())\n"
        "window.show()\n"
        "app.processEvents()\n"
        "late = ['asyncio', 'qasync', 'gui.ui.self_test', 'importlib.metadata',\n"
        "        'gui.worker.handle', 'gui.core.handles', 'gui.core.machine', 'subprocess']\n"
        "loaded = [name for name in late if name in sys.modules]\n"
        "assert not loaded, loaded\n"
        "assert window.broker_tabs['kgi'].isVisible()\n"
        # PySide6 builds a Qt class's Python type (and its enums) on first use: dialogs wait
        # for their command, and no Python event handler makes it build every QEvent subclass.
        "from PySide6 import QtGui, QtWidgets\n"
        "built = set(vars(QtWidgets)) | set(vars(QtGui))\n"
        "unused = ['QMessageBox', 'QFileDialog', 'QInputDialog', 'QDialogButtonBox', 'QStyle',\n"
        "          'QSystemTrayIcon', 'QPainter', 'QPaintEvent', 'QResizeEvent', 'QShowEvent']\n"
        "early = [name for name in unused if name in built]\n"
        "assert not early, early\n"
    )
    proc = run_python(code, QT_QPA_PLATFORM="offscreen", BROKER_CONSOLE_CONFIG_DIR=str(tmp_path))
    assert proc.returncode == 0, proc.stderr


def test_the_front_door_opens_the_window_without_the_cli_and_turns_the_collector_back_on(
    tmp_path: Path,
) -> None:
    """`broker-console` (gui.launch) opens the window without the argument parser's module and
    with the garbage collector off; once the window is up the collector is on again, with what
    start-up made frozen out of its way."""
    code = (
        "import gc, sys\n"
        "class FirstLine:\n"  # the self-test's first line marks the shown window
        "    def __init__(self, out):\n"
        "        self.out, self.seen = out, None\n"
        "    def write(self, text):\n"
        "        if self.seen is None:\n"
        "            self.seen = ('gui.cli' in sys.modules, gc.isenabled())\n"
        "        return self.out.write(text)\n"
        "    def __getattr__(self, name):\n"
        "        return getattr(self.out, name)\n"
        "sys.stdout = first = FirstLine(sys.stdout)\n"
        "from gui.launch import main\n"
        "rc = main(['--self-test', 'startup'])\n"
        "assert first.seen == (False, False), first.seen\n"
        "assert gc.isenabled() and gc.get_freeze_count() > 0\n"
        "sys.exit(rc)\n"
    )
    proc = run_python(code, QT_QPA_PLATFORM="offscreen", BROKER_CONSOLE_CONFIG_DIR=str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "result        PASS" in proc.stdout
