"""Shared set-up: offscreen Qt, a private config dir per test so nothing touches $HOME, and no
Mono crash dump left in the working folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.secret_service import NO_BUS, SecretService, running_secret_service

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Mono writes mono_crash.*.blob into the working folder when a process that loaded it crashes
# or is killed (a worker ended at its bound, a test child); the evidence is in stderr anyway.
os.environ.setdefault("MONO_CRASH_NOFILE", "1")


# Trading hours (gui/core/trading_hours.py) turn a refused connection into `outside_hours` when
# the venues are closed: every test runs at a moment they are all open (a Tuesday, 10:00 in
# Shanghai: TAIFEX, China's futures and stocks, HKEX), whatever the real clock says, unless it
# sets BROKER_CONSOLE_NOW itself. Child processes inherit it.
OPEN_VENUES = "2026-12-08T10:00:00+08:00"


@pytest.fixture(autouse=True)
def venues_open(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROKER_CONSOLE_NOW", OPEN_VENUES)


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Also: no Secret Service unless a test asks for the private one (never the user's)."""
    folder = tmp_path / "config"
    monkeypatch.setenv("BROKER_CONSOLE_CONFIG_DIR", str(folder))
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", NO_BUS)
    return folder


@pytest.fixture(scope="session")
def secret_service_daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecretService]:
    with running_secret_service(tmp_path_factory.mktemp("keyring-home")) as service:
        yield service


@pytest.fixture
def secret_service(
    secret_service_daemon: SecretService, monkeypatch: pytest.MonkeyPatch
) -> SecretService:
    """The private Secret Service, for this process and the commands it starts."""
    for key, value in secret_service_daemon.env.items():
        monkeypatch.setenv(key, value)
    return secret_service_daemon


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Crash dumps in the repository are a bug (the before-stop hook looks for them too)."""
    dumps = sorted(p.name for p in ROOT.glob("mono_crash.*")) + sorted(
        p.name for p in ROOT.glob("core*") if p.is_file()
    )
    if dumps:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print(f"\nCrash dumps were left in {ROOT}: {', '.join(dumps[:5])}")
