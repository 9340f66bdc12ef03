"""Every live login runs in a worker process: the console outlives whatever the vendor code
does (segfault, crash from its own thread, hold the GIL, never return), keeps every event sent
before, and never leaves a worker behind. Through the real CLI, as desk support runs it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.test_vnpy import require_vnpy

ROOT = Path(__file__).resolve().parents[2]
STANDINS = Path(__file__).parent / "standins"
CANARY = "Zq9-worker-canary-Xk7"


def environment(**extra: str) -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(STANDINS), os.environ.get("PYTHONPATH", "")]))
    return {**os.environ, "PYTHONPATH": path, "PW": CANARY, **extra}


def check_args(gateway: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gui",
        "check",
        "vnpy",
        "--json",
        "--set",
        f"gateway=vnpy_hostile:{gateway}",
        "--set",
        "user=u1",
        "--secret",
        "password=PW",
        *extra,
    ]


def check(gateway: str, *extra: str, timeout: float = 60) -> tuple[int, list[dict], float]:
    started = time.monotonic()
    proc = subprocess.run(
        check_args(gateway, *extra),
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=environment(),
    )
    elapsed = time.monotonic() - started
    assert CANARY not in proc.stdout + proc.stderr
    return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines()], elapsed


@pytest.fixture(autouse=True)
def vnpy_core() -> None:
    require_vnpy()


def test_a_segfault_in_connect_is_exit_3_naming_sigsegv() -> None:
    code, records, _ = check("SegfaultOnConnect")
    result = records[-1]
    assert code == 3 and result["exit"] == 3, result
    assert "crashed (SIGSEGV)" in result["reason"]
    assert "Driver process crashed" in result["reason"]
    assert "HOSTILE.connect() with user, password" in result["reason"]  # the last event sent


def test_a_crash_from_the_gateways_own_thread_keeps_the_lines_it_logged() -> None:
    code, records, _ = check("LogsThenSegfaults")
    assert code == 3, records[-1]
    texts = [r.get("text") for r in records]
    for line in ("front 1 of 3 connecting", "front 2 of 3 connecting", "front 3 of 3 connecting"):
        assert line in texts
    assert "SIGSEGV" in records[-1]["reason"]
    assert "front 3 of 3 connecting" in records[-1]["reason"]


def test_a_gateway_holding_the_gil_is_ended_by_the_timeout() -> None:
    code, records, elapsed = check("HoldsTheGil", "--timeout", "3")
    assert code == 5, records[-1]
    assert "within 3 s" in records[-1]["reason"]
    assert elapsed < 3 + 2.5  # verdict and exit within the bound (+ the interpreter's start)


def test_an_unexpected_driver_error_is_exit_1_without_a_traceback() -> None:
    code, records, _ = check("Explodes")
    assert code == 1
    assert "ZeroDivisionError: division by zero in the vendor glue" in records[-1]["reason"]


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_hung_worker_dies_with_its_console_killed_by_sigkill() -> None:
    console = subprocess.Popen(
        check_args("NeverReturns"),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(),
    )
    try:
        deadline = time.monotonic() + 20
        workers: list[int] = []
        while not workers:
            assert time.monotonic() < deadline, "no worker started"
            workers = children(console.pid)
            time.sleep(0.05)
        (worker,) = workers
        cmdline = Path(f"/proc/{worker}/cmdline").read_bytes().split(b"\0")
        assert b"--broker-worker" in cmdline and CANARY.encode() not in b" ".join(cmdline)
        environ = Path(f"/proc/{worker}/environ").read_bytes()
        assert CANARY.encode() not in environ  # the --secret variable stays with the console
        time.sleep(1.0)  # the worker is in the gateway's connect() now
        console.send_signal(signal.SIGKILL)
        console.wait(5)
        deadline = time.monotonic() + 5
        while alive(worker):
            assert time.monotonic() < deadline, "the worker outlived its console"
            time.sleep(0.05)
    finally:
        if console.poll() is None:
            console.kill()
        console.wait(5)
