"""What a test needs from the machine (Mono, gcc, Prometheus, a keyring daemon, vnpy, root).

Missing under CI is a failure, never a skip: CI installs everything through scripts/setup.sh,
so a missing piece there is a broken set-up, not a reason to test less.
"""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest


def missing(message: str) -> NoReturn:
    """Fail under CI=true; skip elsewhere, saying what is missing and how to get it."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def require_tool(name: str, install_hint: str) -> str:
    """The tool's path on PATH, or `missing` with the hint."""
    path = shutil.which(name)
    if path is None:
        missing(f"{name} is missing: {install_hint}")
    return path
