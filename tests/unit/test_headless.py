"""The core and the brokers run without Qt (Electrum's split)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

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
