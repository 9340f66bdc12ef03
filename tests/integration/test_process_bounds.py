"""`--timeout` bounds the whole `check` process: for every built-in scenario of every broker,
and for a server that drips its answer a byte at a time, the verdict and the exit come within
the timeout plus 2 s (the process's own start included)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from gui.brokers import default_registry

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 2.0
SECRETS = {"kgi": "password", "hundsun": "password", "rootnet": "operator_password", "vnpy": "密码"}


def timed_check(broker: str, *args: str) -> tuple[str, int, float, dict]:
    secret = ["--secret", f"{SECRETS[broker]}=PW"] if broker in SECRETS else []
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "check", broker, "--json", "--timeout", f"{TIMEOUT:g}",
         *secret, *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60,
        env={**os.environ, "PW": "demo"},
    )  # fmt: skip
    elapsed = time.monotonic() - started
    return " ".join(args), proc.returncode, elapsed, json.loads(proc.stdout.splitlines()[-1])


def test_every_built_in_scenario_ends_within_the_bound() -> None:
    runs = [
        (spec.id, "--simulator", "--scenario", scenario.id)
        for spec in default_registry()
        for scenario in spec.scenarios
    ]
    assert len(runs) >= 28
    with ThreadPoolExecutor(2) as pool:  # one per core: the bound is wall time
        results = list(pool.map(lambda run: (run[0], *timed_check(*run)), runs))
    slow = [(broker, args, round(elapsed, 2)) for broker, args, _, elapsed, _ in results
            if elapsed > TIMEOUT + 2]  # fmt: skip
    assert not slow, slow
    for broker, args, code, _, result in results:
        assert result["kind"] == "result" and result["exit"] == code, (broker, args, result)
        assert code in (0, 3, 4, 5, 6), (broker, args, result)


def test_a_server_that_drips_bytes_cannot_hold_the_process() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    stop = threading.Event()

    def drip() -> None:
        connection, _ = listener.accept()
        connection.recv(65536)
        for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + b" " * 100:
            if stop.wait(1.0):
                break
            try:
                connection.send(bytes([byte]))
            except OSError:
                break
        connection.close()

    threading.Thread(target=drip, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        _args, code, elapsed, result = timed_check(
            "longport", "--set", "region=custom", "--set", f"http_url={url}",
            "--set", "app_key=key", "--secret", "app_secret=PW", "--secret", "access_token=PW",
        )  # fmt: skip
    finally:
        stop.set()
        listener.close()
    assert code == 5 and result["exit"] == 5, result
    assert elapsed < TIMEOUT + 2, elapsed
