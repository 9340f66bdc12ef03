"""The set-up prints no false error: once vnpy is installed without its pins (on purpose), a
resolving pip install would print pip's red 'dependency conflicts' block about them."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_install_after_vnpy_is_without_resolving() -> None:
    script = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    commands = re.findall(r"pip install[^\n]*(?:\\\n[^\n]*)*", script)
    after_vnpy = commands[next(i for i, c in enumerate(commands) if '"vnpy>=' in c) + 1 :]
    assert after_vnpy, "the set-up installs vnpy_ctp's build tools after vnpy"
    assert all("--no-deps" in command for command in after_vnpy), after_vnpy
