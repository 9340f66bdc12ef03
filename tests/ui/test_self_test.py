"""`broker-console --self-test`, as support runs it on a trader's machine (from source here;
.ci/run runs it on the packaged build)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_logs_in_to_the_simulator_and_reports(config_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "--self-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = proc.stdout
    for label in ("start-up", "python", "qt", "pythonnet", ".NET runtime", "login", "logout"):
        assert f"  {label}" in report, report
    assert report.strip().splitlines()[-1].split() == ["result", "PASS"]
    assert not config_dir.exists()  # the self-test never touches the trader's settings
    # Offscreen has no window manager, and says so for every window: not in the report.
    assert "This plugin does not support" not in proc.stderr, proc.stderr
