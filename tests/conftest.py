"""Shared set-up: offscreen Qt, and a private config dir per test so nothing touches $HOME."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("BROKER_CONSOLE_CONFIG_DIR", str(folder))
    return folder
