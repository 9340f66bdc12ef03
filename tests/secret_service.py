"""A real Secret Service for the tests: gnome-keyring-daemon on a private D-Bus session bus.

The login keyring is created (or unlocked) from stdin with a password, so its file on disk is
encrypted as on a desktop. Nothing reaches the user's own session bus or keyring. With
CI=true a missing daemon fails the test (CI installs it through scripts/setup.sh).
"""

from __future__ import annotations

import contextlib
import functools
import os
import select
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gui.worker.lifetime import die_with_parent
from tests.system_components import require_tool

SECRETS_NAME = "org.freedesktop.secrets"
START_BOUND_SECONDS = 15.0
KEYRING_PASSWORD = b"test-login-keyring-password"  # unlocks the test's own keyring only
NO_BUS = "unix:path=/nonexistent/broker-console-tests/bus"  # no Secret Service here


@dataclass(frozen=True)
class SecretService:
    address: str  # DBUS_SESSION_BUS_ADDRESS of the private bus
    home: Path  # HOME of the daemon: its keyring files live under it

    @property
    def env(self) -> dict[str, str]:
        return {"DBUS_SESSION_BUS_ADDRESS": self.address, "HOME": str(self.home)}


def _read_line(proc: subprocess.Popen[bytes], bound: float) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], bound)
    if not ready:
        raise RuntimeError("dbus-daemon did not print its address in time")
    return proc.stdout.readline().decode().strip()


def _service_up(address: str) -> bool:
    from jeepney import DBus
    from jeepney.io.blocking import open_dbus_connection

    with contextlib.closing(open_dbus_connection(address)) as connection:
        reply = connection.send_and_get_reply(DBus().NameHasOwner(SECRETS_NAME), timeout=2)
    return bool(reply.body[0])


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


@contextlib.contextmanager
def running_secret_service(home: Path) -> Iterator[SecretService]:
    dbus_daemon = require_tool("dbus-daemon", "scripts/setup.sh installs it for the tests")
    keyring_daemon = require_tool(
        "gnome-keyring-daemon", "scripts/setup.sh installs it for the tests"
    )
    runtime = home / "run"
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Both daemons are killed by the kernel if the test run itself dies (as workers are).
    with_us = functools.partial(die_with_parent, os.getpid())
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }
    bus = subprocess.Popen(
        [dbus_daemon, "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        preexec_fn=with_us,
    )
    keyring: subprocess.Popen[bytes] | None = None
    try:
        address = _read_line(bus, START_BOUND_SECONDS)
        keyring = subprocess.Popen(
            [keyring_daemon, "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**env, "DBUS_SESSION_BUS_ADDRESS": address},
            preexec_fn=with_us,
        )
        assert keyring.stdin is not None
        keyring.stdin.write(KEYRING_PASSWORD)
        keyring.stdin.close()
        deadline = time.monotonic() + START_BOUND_SECONDS
        while not _service_up(address):
            if keyring.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gnome-keyring-daemon did not offer the Secret Service")
            time.sleep(0.05)
        yield SecretService(address, home)
    finally:
        if keyring is not None:
            _stop(keyring)
        _stop(bus)
