"""The persistent session log through the real CLI: the worker writes its login's events, the
console the ones it makes itself; support finds every event the command printed exactly once,
in whole JSON lines, and nothing else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "demo"  # the KGI simulator's documented demo password


def test_every_event_of_a_login_is_in_the_session_log_once(tmp_path: Path) -> None:
    env = {**os.environ, "PW": PASSWORD, "BROKER_CONSOLE_CONFIG_DIR": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "check", "kgi", "--simulator", "--json",
         "--secret", "password=PW"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=env, timeout=90,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    printed = [json.loads(line) for line in proc.stdout.splitlines()]
    events = [line for line in printed if "kind" in line and "time" in line]
    assert any(e["status"] == "LOGIN_READY" for e in events)
    files = list((tmp_path / "logs").glob("sessions-*.jsonl"))
    written = [json.loads(line) for path in files for line in path.read_text().splitlines()]
    key = lambda e: json.dumps(e, sort_keys=True)  # noqa: E731
    assert Counter(map(key, written)) == Counter(map(key, events))
