"""A broker added from the template, in the tests only (tests/toy, joined through
BROKER_CONSOLE_BROKERS): its tab logs in and out in the window, and `check` logs it in, with
nothing of the console changed for it (docs/ARCHITECTURE.md, The broker contract)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from gui.brokers import EXTRA_BROKERS_ENV, default_registry
from gui.core.profiles import ProfileStore
from gui.core.session import SessionState
from gui.ui.main_window import MainWindow
from tests.ui.conftest import close_window
from tests.unit.test_architecture import TEMPLATE

ROOT = Path(__file__).resolve().parents[2]
TOY = ROOT / "tests" / "toy"
WAIT_MS = 15_000


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }


def test_the_toy_is_made_from_the_template() -> None:
    assert {p.name for p in TOY.glob("*.py")} == TEMPLATE
    assert not {m for m in imports_of(TOY / "surface.py") if m.startswith("tests.toy")}
    assert not {"tests.toy.binding", "tests.toy.simulator"} & imports_of(TOY / "driver.py")
    assert "tests.toy.binding" not in imports_of(TOY / "simulator.py")


@pytest.fixture
def with_toy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The toy joins the console, its worker processes and the CLI."""
    monkeypatch.setenv(EXTRA_BROKERS_ENV, "tests.toy")
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    )
    yield


def test_the_toy_logs_in_and_out_in_the_window(qtbot, loop, config_dir: Path, with_toy) -> None:
    settings = QSettings(str(config_dir / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(default_registry(), ProfileStore(config_dir), settings)
    window.show()
    try:
        assert list(window.broker_tabs)[-1] == "toy"
        index = list(window.broker_tabs).index("toy")
        assert window.tabs.tabText(index) == "Toy broker"
        window.tabs.setCurrentIndex(index)
        tab = window.broker_tabs["toy"]
        qtbot.waitUntil(tab.isVisible, timeout=3000)
        password = tab.form.editors["password"].input
        qtbot.keyClicks(password, "hunter2x")
        qtbot.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.badge.state is SessionState.FAILED, timeout=WAIT_MS)
        assert "The toy broker refused the login: [401] wrong password for trader1" in (
            tab.reason.text()
        )
        password.clear()
        qtbot.keyClicks(password, "demo")
        qtbot.keyClick(password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: tab.badge.state is SessionState.LOGGED_IN, timeout=WAIT_MS)
        shown = tab.log_view.model.visible_events
        qtbot.waitUntil(lambda: "LOGIN_READY" in [e.status for e in shown()], timeout=WAIT_MS)
        assert "TOY" in tab.panel.exchanges.text()
        qtbot.mouseClick(tab.logout_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.badge.state is SessionState.DISCONNECTED, timeout=WAIT_MS)
    finally:
        close_window(qtbot, window)


def check(config_dir: Path, password: str) -> tuple[int, dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "check", "toy", "--simulator", "--secret", "password=PW",
         "--json"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=90,
        env={**os.environ, "BROKER_CONSOLE_CONFIG_DIR": str(config_dir), "PW": password},
    )  # fmt: skip
    return proc.returncode, json.loads(proc.stdout.splitlines()[-1])


def test_check_logs_the_toy_in(config_dir: Path, with_toy) -> None:
    code, result = check(config_dir, "demo")
    assert code == 0, result
    assert result["ok"] is True and result["reason"] == "logged in and logged out"
    assert result["context"] == [{"code": "TOY", "name": "Toy exchange", "boards": []}]
    code, result = check(config_dir, "hunter2x")
    assert code == 4 and result["ok"] is False
    assert "[401] wrong password for trader1" in result["reason"]
