"""Closing the window ends the program within 3 s, even with a login hanging on a silent
server: the real app in a child process, driven through its own widgets."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DRIVER = r"""
import sys, time
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
import gui.ui.app as app
from gui.core.session import SessionState

class Driven(app.MainWindow):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        QTimer.singleShot(300, self.start_login)

    def start_login(self):
        tab = self.broker_tabs["kgi"]
        tab.scenario.setCurrentIndex(tab.scenario.findData("silent"))
        password = tab.form.editors["password"].input
        QTest.keyClicks(password, "demo")
        QTest.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
        self.tab = tab
        QTimer.singleShot(100, self.wait_connected)

    def wait_connected(self):
        if self.tab.session.state in (SessionState.CONNECTING, SessionState.CONNECTED):
            QTimer.singleShot(700, self.close_now)
        else:
            QTimer.singleShot(100, self.wait_connected)

    def close_now(self):
        self.close()  # a login under way: the window asks first
        QTimer.singleShot(0, self.confirm)

    def confirm(self):
        box = self.quit_question
        button = box.findChild(QPushButton, "quit_confirm")
        print(f"CLOSING {time.monotonic()}", flush=True)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

app.MainWindow = Driven
sys.exit(app.run_gui())
"""


def test_the_process_ends_within_3_s_of_closing_the_window(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
             "BROKER_CONSOLE_CONFIG_DIR": str(tmp_path / "config")},
    )  # fmt: skip
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("CLOSING"), line + proc.stderr.read()
    closing = float(line.split()[1])
    proc.wait(30)
    ended = time.monotonic()
    assert proc.returncode == 0
    assert ended - closing < 3.0, ended - closing
