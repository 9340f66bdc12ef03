"""LongPort answers that are wrong, hostile or huge: each ends in a clear, documented outcome
(never a crash, never unbounded memory), through the real client and the real `check`."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from gui.brokers.longport.binding import MAX_BODY_BYTES, LongPortClient
from gui.brokers.longport.surface import Credentials, LongPortTransportError

ROOT = Path(__file__).resolve().parents[2]
CREDENTIALS = Credentials("key", "secret", "token")
Behaviour = Callable[[BaseHTTPRequestHandler], None]


def send(handler: BaseHTTPRequestHandler, status: int, body: object, **headers: str) -> None:
    payload = json.dumps(body).encode() if not isinstance(body, bytes) else body
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(payload)))
    handler.end_headers()
    handler.wfile.write(payload)


class Hostile:
    """A loopback HTTP server answering every request with `behaviour`."""

    def __init__(self, behaviour: Behaviour) -> None:
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                return

            def do_GET(self) -> None:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    behaviour(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hostile() -> Iterator[Callable[[Behaviour], Hostile]]:
    servers: list[Hostile] = []

    def start(behaviour: Behaviour) -> Hostile:
        servers.append(Hostile(behaviour))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


@pytest.mark.parametrize("retry_after", ["-1", "nan", "inf", "soon", "1e400"])
def test_a_nonsense_retry_after_falls_back_to_our_own_backoff(hostile, retry_after) -> None:
    calls: list[float] = []

    def behaviour(handler: BaseHTTPRequestHandler) -> None:
        calls.append(time.monotonic())
        if len(calls) == 1:
            send(handler, 429, {"code": 429002, "message": "limited"}, Retry_After=retry_after)
        else:
            send(handler, 200, {"code": 0, "data": {"online": 1, "limit": 10}})

    delays: list[float] = []
    client = LongPortClient(hostile(behaviour).url, CREDENTIALS, sleep=delays.append)
    assert client.get("/v1/socket/token").data == {"online": 1, "limit": 10}
    assert delays == [0.5]  # the documented backoff, not -1 s, NaN or forever


def test_a_gigabyte_answer_is_cut_at_the_cap_without_filling_the_memory(hostile) -> None:
    chunk = b"x" * (1 << 20)

    def behaviour(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(1 << 30))
        handler.end_headers()
        for _ in range(1 << 10):
            handler.wfile.write(chunk)

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(LongPortTransportError) as caught:
        LongPortClient(hostile(behaviour).url, CREDENTIALS).get("/v1/socket/token")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert f"more than {MAX_BODY_BYTES >> 20} MiB" in str(caught.value)
    assert grown_mb < 64


def test_a_server_that_drips_its_answer_is_cut_at_the_deadline(hostile) -> None:
    def behaviour(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        for _ in range(1000):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.4)

    client = LongPortClient(hostile(behaviour).url, CREDENTIALS, connect_timeout=1, read_timeout=2)
    started = time.monotonic()
    with pytest.raises(LongPortTransportError) as caught:
        client.get("/v1/socket/token")
    assert caught.value.timed_out and "kept sending its answer" in str(caught.value)
    assert time.monotonic() - started < 5


def test_a_missing_ca_bundle_is_explained(monkeypatch) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/nowhere/ca.pem")
    with pytest.raises(LongPortTransportError) as caught:
        LongPortClient("https://127.0.0.1:9", CREDENTIALS).get("/v1/socket/token")
    assert "REQUESTS_CA_BUNDLE" in str(caught.value) and "/nowhere/ca.pem" in str(caught.value)


def check(url: str, *extra: str) -> tuple[int, dict]:
    proc = subprocess.run(
        [
            sys.executable, "-m", "gui", "check", "longport", "--json",
            "--set", "region=custom", "--set", f"http_url={url}", "--set", "app_key=key",
            "--secret", "app_secret=S", "--secret", "access_token=T", *extra,
        ],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60,
        env={**os.environ, "S": "secret", "T": "token"},
    )  # fmt: skip
    assert "Traceback" not in proc.stderr
    return proc.returncode, json.loads(proc.stdout.splitlines()[-1])


def token_then(account: object) -> Behaviour:
    def behaviour(handler: BaseHTTPRequestHandler) -> None:
        if handler.path.startswith("/v1/socket/token"):
            send(handler, 200, {"code": 0, "data": {"online": 1, "limit": 10}})
        else:
            send(handler, 200, {"code": 0, "data": account})

    return behaviour


@pytest.mark.parametrize(
    ("behaviour", "code", "fragment"),
    [
        (lambda h: send(h, 200, {"code": 0, "data": [1, 2]}), 6, "not an object (list)"),
        (lambda h: send(h, 200, {"code": "zero", "data": {}}), 6, "LongPort -1"),
        (lambda h: send(h, 429, {"code": 429002, "message": "limited"}, Retry_After="-1"), 6,
         "429002"),
        (lambda h: send(h, 500, {"code": 500000, "message": "boom"}), 6, "internal error"),
        (lambda h: send(h, 502, b"<html>Bad gateway</html>"), 3, "not LongPort's"),
        (lambda h: send(h, 401, {"code": 401003, "msg": "expired"}), 4, "has expired"),
    ],
)  # fmt: skip
def test_bad_answers_map_to_documented_exit_codes(hostile, behaviour, code, fragment) -> None:
    exit_code, result = check(hostile(behaviour).url)
    assert (exit_code, result["exit"]) == (code, code), result
    assert fragment in result["reason"]


def test_account_entries_that_are_not_objects_are_skipped_after_login(hostile) -> None:
    server = hostile(token_then({"list": [1, "x", {"currency": "HKD", "net_assets": "7"}]}))
    exit_code, result = check(server.url)
    assert exit_code == 0 and result["ok"], result


def test_simulate_refuses_a_port_out_of_range() -> None:
    for port in ("-1", "65536", "８０"):
        proc = subprocess.run(
            [sys.executable, "-m", "gui", "simulate", "longport", "--port", port],
            cwd=ROOT, capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        assert proc.returncode == 2 and "--port" in proc.stderr and "Traceback" not in proc.stderr
