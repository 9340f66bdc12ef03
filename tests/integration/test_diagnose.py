"""`broker-console diagnose` against local test servers and every simulator: each fault names
its class (with the evidence a desk-support engineer needs) and the whole command ends within
10 s. Certificates come from trustme; nothing leaves 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import socket
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import trustme

from gui.brokers import default_registry

ROOT = Path(__file__).resolve().parents[2]
BOUND = 10.0  # the issue's bound for every diagnosis here (process start included)


def diagnose(*args: str, env: dict[str, str] | None = None) -> tuple[int, list[dict], dict]:
    """Run the command; its exit code, its step lines and its result line."""
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "diagnose", *args, "--json"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=BOUND,
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    steps = [line for line in lines if line["kind"] == "diagnostic"]
    assert lines[-1]["kind"] == "result", proc.stdout + proc.stderr
    return proc.returncode, steps, lines[-1]


def custom(url: str) -> list[str]:
    return ["longport", "--set", "region=custom", "--set", f"http_url={url}"]


def failing(steps: list[dict]) -> dict:
    return next(step for step in steps if not step["ok"])


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        return


@contextmanager
def https_server(cert: trustme.LeafCert) -> Iterator[int]:
    """An HTTPS server on loopback presenting `cert`; yields its port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(context)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA(organization_name="Desk Support Test CA")


@pytest.fixture
def trusted(ca: trustme.CA, tmp_path: Path) -> dict[str, str]:
    """The environment of a machine that trusts the test CA, as the LongPort login would."""
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    return {"REQUESTS_CA_BUNDLE": str(bundle)}


def test_an_unresolvable_host_is_dns_failed() -> None:
    code, steps, result = diagnose(*custom("https://broker.invalid"))
    assert (code, result["class"], result["ok"]) == (3, "dns_failed", False)
    assert failing(steps)["step"] == "dns" and "broker.invalid" in failing(steps)["detail"]
    assert failing(steps)["fix"]


def test_a_closed_port_is_tcp_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, steps, result = diagnose(*custom(f"http://127.0.0.1:{port}"))
    assert (code, result["class"]) == (3, "tcp_refused")
    assert [step["step"] for step in steps[:2]] == ["dns", "tcp"]
    assert "refused" in failing(steps)["detail"]


def test_a_listener_that_never_answers_is_no_answer() -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        code, steps, result = diagnose(*custom(f"http://127.0.0.1:{port}"))
    assert (code, result["class"]) == (3, "no_answer")
    assert [s["step"] for s in steps if s["ok"]][:2] == ["dns", "tcp"]  # it did connect
    assert failing(steps)["step"] == "http"


def test_a_self_signed_certificate_is_untrusted_and_its_subject_is_shown(tmp_path: Path) -> None:
    stranger = trustme.CA(organization_name="Mallory Inspection Proxy")
    with https_server(stranger.issue_cert("localhost")) as port:
        code, steps, result = diagnose(*custom(f"https://localhost:{port}"))
    assert (code, result["class"]) == (3, "tls_untrusted")
    tls = failing(steps)
    assert tls["step"] == "tls"
    assert "Mallory Inspection Proxy" in tls["detail"]  # the issuer: who is in the way
    assert "subject" in tls["detail"] and "localhost" in tls["detail"]


def test_an_expired_certificate_from_a_trusted_ca_is_expired(
    ca: trustme.CA, trusted: dict[str, str]
) -> None:
    expired_on = datetime.now(UTC) - timedelta(days=3)
    cert = ca.issue_cert(
        "localhost", not_before=expired_on - timedelta(days=90), not_after=expired_on
    )
    with https_server(cert) as port:
        code, steps, result = diagnose(*custom(f"https://localhost:{port}"), env=trusted)
    assert (code, result["class"]) == (3, "tls_expired")
    assert f"{expired_on:%Y-%m-%d}" in failing(steps)["fix"]  # "expired on <date>"


def test_a_certificate_for_another_name_is_a_hostname_mismatch(
    ca: trustme.CA, trusted: dict[str, str]
) -> None:
    with https_server(ca.issue_cert("trade.example.com")) as port:
        code, steps, result = diagnose(*custom(f"https://localhost:{port}"), env=trusted)
    assert (code, result["class"]) == (3, "tls_hostname_mismatch")
    assert "trade.example.com" in failing(steps)["detail"]


def test_a_trusted_valid_certificate_passes_with_its_facts(
    ca: trustme.CA, trusted: dict[str, str]
) -> None:
    with https_server(ca.issue_cert("localhost")) as port:
        code, steps, result = diagnose(*custom(f"https://localhost:{port}"), env=trusted)
    assert (code, result["ok"], result["class"]) == (0, True, None), steps
    assert [s["step"] for s in steps] == ["dns", "tcp", "tls", "proxy", "http", "clock", "sdk"]
    tls = steps[2]
    assert "TLSv1." in tls["detail"] and "REQUESTS_CA_BUNDLE" in tls["detail"]
    assert "days left" in tls["detail"]
    assert steps[4]["detail"].startswith("HTTP 404")


def test_a_proxy_that_does_not_answer_is_proxy_failed() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead_proxy = probe.getsockname()[1]
    code, steps, result = diagnose(
        *custom("https://broker.example.com"),
        env={"HTTPS_PROXY": f"http://127.0.0.1:{dead_proxy}", "NO_PROXY": ""},
    )
    assert (code, result["class"]) == (3, "proxy_failed")
    assert failing(steps)["step"] == "proxy"


def test_the_longport_simulator_clock_skew_is_clock_skew() -> None:
    code, steps, result = diagnose("longport", "--simulator", "--scenario", "clock_skew")
    assert (code, result["class"]) == (3, "clock_skew")
    clock = failing(steps)
    assert clock["step"] == "clock" and "ahead" in clock["detail"]
    assert re.search(r"\b(119|120|121) s", clock["detail"]), clock  # the simulator's 120 s


@pytest.mark.parametrize("broker", default_registry().ids)
def test_every_healthy_simulator_diagnoses_clean(broker: str) -> None:
    code, steps, result = diagnose(broker, "--simulator")
    assert (code, result["ok"]) == (0, True), steps
    assert {"dns", "tcp", "sdk"} <= {step["step"] for step in steps}


@pytest.mark.parametrize(
    ("broker", "scenario", "cls"),
    [
        ("kgi", "unreachable", "tcp_refused"),
        ("longport", "refused", "tcp_refused"),
        ("longport", "silent", "no_answer"),
        ("longport", "http_500", "http_error"),
        ("hundsun", "unreachable", "tcp_refused"),
        ("kingdom", "kcbp_unreachable", "tcp_refused"),
        ("rootnet", "unreachable", "tcp_refused"),
        ("vnpy", "disconnect_4097", "tcp_refused"),
    ],
)
def test_simulator_fault_scenarios_diagnose_to_their_class(
    broker: str, scenario: str, cls: str
) -> None:
    code, _steps, result = diagnose(broker, "--simulator", "--scenario", scenario)
    assert (code, result["class"]) == (3, cls)


def test_with_login_a_wrong_password_is_login_rejected_and_exits_4() -> None:
    code, steps, result = diagnose(
        "kgi", "--simulator", "--login", "--secret", "password=PW", env={"PW": "not-the-one"}
    )
    assert (code, result["class"]) == (4, "login_rejected")
    assert steps[-1]["step"] == "login"


def test_with_login_the_kgi_server_time_gives_the_clock_step() -> None:
    code, steps, result = diagnose(
        "kgi", "--simulator", "--scenario", "clock_skew", "--login", "--secret", "password=PW",
        env={"PW": "demo"},
    )  # fmt: skip
    assert [s["step"] for s in steps][-2:] == ["login", "clock"]
    assert (code, result["class"]) == (3, "clock_skew")


def test_invalid_input_exits_2_before_anything_runs() -> None:
    code, steps, result = diagnose("kgi", "--set", "port=70000", "--set", "host=127.0.0.1")
    assert (code, steps, result["class"]) == (2, [], None)
    assert "port" in result["fields"]


def test_a_missing_sdk_is_sdk_missing(tmp_path: Path) -> None:
    code, steps, result = diagnose(
        "kgi", "--set", "host=127.0.0.1", "--set", "port=1", "--set", f"sdk_dir={tmp_path}"
    )
    sdk = next(step for step in steps if step["step"] == "sdk")
    assert (sdk["ok"], sdk["class"]) == (False, "sdk_missing")
    assert "Package.dll" in sdk["detail"]
    assert code == 3 and result["class"] == "tcp_refused"  # the first failure is named
