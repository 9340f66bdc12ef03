"""LongPort over real loopback HTTP(S) against the signature-verifying simulator."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
import trustme

from gui.brokers import longport
from gui.brokers.longport import REFRESH_ACTION
from gui.brokers.longport.binding import LongPortClient, encode_query
from gui.brokers.longport.simulator import (
    DEMO_APP_KEY,
    DEMO_APP_SECRET,
    DEMO_TOKEN,
    EXPIRED_TOKEN,
    LongPortSimulator,
)
from gui.brokers.longport.surface import (
    EXPLAINED,
    Credentials,
    LongPortApiError,
    LongPortTransportError,
    signature_header,
)
from gui.core.credential_expiry import CREDENTIAL_EXPIRES
from gui.core.errors import BrokerError, ConnectFailed, LoginRejected, LoginTimeout
from gui.core.events import BrokerEvent, EventKind, Level
from gui.core.registry import Environment
from gui.core.session import Session
from tests.helpers import LoginRun, in_process

ROOT = Path(__file__).resolve().parents[2]
DEMO = Credentials(DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_TOKEN)


def seed_sign(method, uri, headers, params, body, secret):
    """The reference function exactly as seed 004 gives it."""
    ts = headers["X-Timestamp"]
    access_token = headers["Authorization"]
    app_key = headers["X-Api-Key"]
    mtd = method.upper()
    canonical_request = (
        mtd
        + "|"
        + uri
        + "|"
        + params
        + "|authorization:"
        + access_token
        + "\nx-api-key:"
        + app_key
        + "\nx-timestamp:"
        + ts
        + "\n|authorization;x-api-key;x-timestamp|"
    )
    if body != "":
        payload_hash = hashlib.sha1(body.encode("utf-8")).hexdigest()
        canonical_request = canonical_request + payload_hash
    sign_str = "HMAC-SHA256|" + hashlib.sha1(canonical_request.encode("utf-8")).hexdigest()
    signature = hmac.new(
        secret.encode("utf-8"), sign_str.encode("utf-8"), digestmod=hashlib.sha256
    ).hexdigest()
    return "HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp, Signature=" + signature


def seed_headers(ts: str = "1539095200.123", token: str = DEMO_TOKEN, key: str = DEMO_APP_KEY):
    return {"X-Api-Key": key, "Authorization": token, "X-Timestamp": ts}


@pytest.mark.parametrize(
    ("method", "path", "params", "body"),
    [
        ("GET", "/v1/socket/token", [], ""),
        ("POST", "/v1/trade/order/submit", [], json.dumps({"order_id": "683615454870679552"})),
        ("GET", "/v1/asset/stock", [("symbol", "700.HK"), ("symbol", "BABA.US")], ""),
        (
            "GET",
            "/v1/quote/search",
            [("q", "騰訊 & co/=+"), ("when", "2026-11-21T09:30:00+08:00")],
            "",
        ),
        ("POST", "/v1/trade/order", [("member_id", "1")], json.dumps({"remark": "中文 ✓"})),
    ],
)
def test_signer_matches_the_seed_reference(method, path, params, body) -> None:
    raw_query = encode_query(params)
    ours = signature_header(
        method,
        path,
        raw_query,
        DEMO_TOKEN,
        DEMO_APP_KEY,
        "1539095200.123",
        body.encode(),
        DEMO_APP_SECRET,
    )
    assert ours == seed_sign(method, path, seed_headers(), raw_query, body, DEMO_APP_SECRET)


def test_query_is_encoded_once_and_sent_as_signed() -> None:
    assert encode_query([("q", "a b&c=d/é")]) == "q=a%20b%26c%3Dd%2F%C3%A9"
    sim = LongPortSimulator().start()
    try:
        client = LongPortClient(sim.url, DEMO)
        params = [("q", "騰訊 & co/=+~"), ("when", "2026-11-21T09:30:00+08:00")]
        with pytest.raises(LongPortApiError) as caught:
            client.get("/v1/not-there", params)
        # Signature accepted (else 403201), so the route answered 404: sent == signed.
        assert caught.value.code == 404001
        assert sim.requests[-1][1] == "/v1/not-there?" + encode_query(params)
    finally:
        sim.stop()


@pytest.fixture
def sim():
    server = LongPortSimulator().start()
    yield server
    server.stop()


def raw_get(
    sim: LongPortSimulator,
    path: str,
    *,
    secret: str = DEMO_APP_SECRET,
    ts: str | None = None,
    query: str = "",
    sent_query: str | None = None,
    token: str = DEMO_TOKEN,
) -> dict:
    """A request signed by the seed's reference function and sent with plain requests."""
    headers = seed_headers(ts or f"{time.time():.3f}", token)
    headers["X-Api-Signature"] = seed_sign("GET", path, headers, query, "", secret)
    target = path + (f"?{sent_query if sent_query is not None else query}" if query else "")
    return requests.get(sim.url + target, headers=headers, timeout=5).json()


def test_simulator_accepts_an_independent_implementation_and_refuses_tampering(sim) -> None:
    assert raw_get(sim, "/v1/socket/token")["code"] == 0
    assert raw_get(sim, "/v1/socket/token", secret="not-demo")["code"] == 403201
    query = "expired_at=" + quote("2027-01-01T00:00:00+00:00", safe="")
    tampered = query.replace("2027", "2028")
    assert raw_get(sim, "/v1/token/refresh", query=query, sent_query=tampered)["code"] == 403201


def test_replayed_request_is_refused(sim) -> None:
    stamp = f"{time.time():.3f}"
    assert raw_get(sim, "/v1/socket/token", ts=stamp)["code"] == 0
    assert raw_get(sim, "/v1/socket/token", ts=stamp)["code"] == 403202


@pytest.mark.parametrize(
    ("credentials", "code"),
    [
        (Credentials("someone-else", DEMO_APP_SECRET, DEMO_TOKEN), 403203),
        (Credentials(DEMO_APP_KEY, "wrong", DEMO_TOKEN), 403201),
        (Credentials(DEMO_APP_KEY, DEMO_APP_SECRET, "who-knows"), 401004),
        (Credentials(DEMO_APP_KEY, DEMO_APP_SECRET, EXPIRED_TOKEN), 401003),
    ],
)
def test_credential_errors_carry_code_trace_and_advice(sim, credentials, code) -> None:
    with pytest.raises(LongPortApiError) as caught:
        LongPortClient(sim.url, credentials).get("/v1/socket/token")
    err = caught.value
    assert err.code == code
    assert len(err.trace_id) == 32
    assert isinstance(err.failure(), LoginRejected)
    assert "What to do" in err.describe() and str(code) in err.describe()


def test_every_documented_code_is_explained() -> None:
    documented = {403201, 403202, 403203, 403205, 401003, 401004, 401102, 429001, 429002, 500000}
    assert {str(code) for code in documented} <= set(EXPLAINED)
    for code in documented:
        text = LongPortApiError(403, code, "msg", "trace-1").describe()
        assert str(code) in text and "trace-1" in text and "What to do" in text


def test_http_429_is_retried_with_bounded_backoff() -> None:
    server = LongPortSimulator(scenario="rate_limited").start()
    delays: list[float] = []
    try:
        client = LongPortClient(server.url, DEMO, max_retries=2, backoff=0.5, sleep=delays.append)
        with pytest.raises(LongPortApiError) as caught:
            client.get("/v1/socket/token")
    finally:
        server.stop()
    assert caught.value.code == 429002
    assert delays == [0.5, 1.0]
    assert len(server.requests) == 3


def test_rate_limit_after_thirty_calls(sim) -> None:
    client = LongPortClient(sim.url, DEMO, max_retries=0)
    for _ in range(30):
        client.get("/v1/socket/token")
    with pytest.raises(LongPortApiError) as caught:
        client.get("/v1/socket/token")
    assert caught.value.code == 429002


def test_http_500_is_the_broker_answering_with_an_error(sim) -> None:
    server = LongPortSimulator(scenario="http_500").start()
    try:
        with pytest.raises(LongPortApiError) as caught:
            LongPortClient(server.url, DEMO).get("/v1/socket/token")
    finally:
        server.stop()
    failure = caught.value.failure()
    assert caught.value.code == 500000 and isinstance(failure, BrokerError)
    assert failure.exit_code == 6  # LongPort answered: not a network problem


def test_refused_and_silent_servers() -> None:
    refused = LongPortSimulator(scenario="refused").start()
    with pytest.raises(LongPortTransportError) as caught:
        LongPortClient(refused.url, DEMO).get("/v1/socket/token")
    assert "refused the connection" in str(caught.value)
    silent = LongPortSimulator(scenario="silent").start()
    try:
        with pytest.raises(LongPortTransportError) as caught:
            LongPortClient(silent.url, DEMO, read_timeout=0.5).get("/v1/socket/token")
        assert isinstance(caught.value.failure(), LoginTimeout)
        assert "no answer within 0.5 s" in str(caught.value)
    finally:
        silent.stop()


def test_proxy_from_the_environment_is_used_and_explained(sim, monkeypatch) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{dead_port}")
    with pytest.raises(LongPortTransportError) as caught:
        LongPortClient(sim.url, DEMO).get("/v1/socket/token")
    assert "proxy" in str(caught.value).lower()


@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    ca = trustme.CA()
    good = ca.issue_cert("127.0.0.1", "localhost")
    wrong = ca.issue_cert("example.org")
    paths = {}
    for name, cert in (("good", good), ("wrong", wrong)):
        cert.private_key_pem.write_to_path(str(folder / f"{name}.key"))
        cert.cert_chain_pems[0].write_to_path(str(folder / f"{name}.pem"))
        paths[name] = (str(folder / f"{name}.pem"), str(folder / f"{name}.key"))
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    paths["ca"] = str(folder / "ca.pem")
    return paths


def test_https_with_a_trusted_ca_works(tls) -> None:
    server = LongPortSimulator(tls_cert=tls["good"][0], tls_key=tls["good"][1]).start()
    try:
        assert server.url.startswith("https://")
        response = LongPortClient(server.url, DEMO, ca_bundle=tls["ca"]).get("/v1/socket/token")
        assert response.data["limit"] == 10
    finally:
        server.stop()


def test_untrusted_certificate_fails_with_the_explanation(tls) -> None:
    server = LongPortSimulator(tls_cert=tls["good"][0], tls_key=tls["good"][1]).start()
    try:
        with pytest.raises(LongPortTransportError) as caught:
            LongPortClient(server.url, DEMO).get("/v1/socket/token")  # system CAs only
    finally:
        server.stop()
    assert "not trusted" in str(caught.value)
    assert "never switched off" in str(caught.value)


def test_certificate_for_another_host_is_explained(tls) -> None:
    server = LongPortSimulator(tls_cert=tls["wrong"][0], tls_key=tls["wrong"][1]).start()
    try:
        with pytest.raises(LongPortTransportError) as caught:
            LongPortClient(server.url, DEMO, ca_bundle=tls["ca"]).get("/v1/socket/token")
    finally:
        server.stop()
    assert "not valid for 127.0.0.1" in str(caught.value)


# -- the driver through a session --------------------------------------------------------------


def run_session(scenario: str, **values) -> tuple[Session, list[BrokerEvent], Exception | None]:
    attempt = LoginRun(longport.SPEC)
    error = attempt.login(
        {**longport.SPEC.defaults(Environment.SIMULATOR), **values},
        environment=Environment.SIMULATOR,
        scenario=scenario,
    )
    return attempt.session, attempt.events, error


def test_driver_login_sequence_and_context() -> None:
    session, events, error = run_session("normal")
    assert error is None
    statuses = [e.status for e in events if e.kind is EventKind.STATUS]
    assert statuses == ["CONNECT_READY", "LOGIN_READY", "DISCONNECTED"]
    connect = next(e for e in events if e.status == "CONNECT_READY")
    assert connect.latency_ms is not None and connect.latency_ms >= 0
    server_time = next(e for e in events if e.kind is EventKind.SERVER_TIME)
    assert server_time.level is Level.INFO
    assert abs(server_time.raw["offset_seconds"]) < 2
    assert [x.code for x in session.context.exchanges] == ["HK", "US", "CN", "SG"]
    assert session.info.details["Account"].startswith("HKD net")


def test_clock_skew_is_warned_about() -> None:
    _, events, error = run_session("clock_skew")
    assert error is None
    server_time = next(e for e in events if e.kind is EventKind.SERVER_TIME)
    assert server_time.level is Level.WARNING
    assert "clock is ahead of this machine's" in server_time.text  # the direction, no blame
    assert 110 < server_time.raw["offset_seconds"] < 130


def test_wrong_secret_is_rejected_with_403201_and_no_secret_in_events() -> None:
    session, events, error = run_session("normal", app_secret="S3cr3t-Wrong")
    assert isinstance(error, LoginRejected) and "403201" in error.reason
    assert session.failure is error  # FAILED until shutdown reset it
    assert [e.status for e in events if e.kind is EventKind.STATUS] == [
        "CONNECT_READY",
        "LOGIN_FAIL",
    ]
    assert all("S3cr3t-Wrong" not in json.dumps(e.to_json_dict()) for e in events)


def test_refused_is_a_connect_fail() -> None:
    _, events, error = run_session("refused")
    assert isinstance(error, ConnectFailed)
    assert [e.status for e in events if e.kind is EventKind.STATUS] == ["CONNECT_FAIL"]


def test_custom_region_rules() -> None:
    problems = longport.SCHEMA.problems(
        {
            **longport.SPEC.defaults(Environment.LIVE),
            "app_secret": "x",
            "access_token": "y",
            "app_key": "k",
            "region": "custom",
        }
    )
    assert "http_url" in problems
    base = {"region": "custom", "app_key": "k", "app_secret": "x", "access_token": "y"}
    for url, ok in [
        ("https://openapi.example.com", True),
        ("http://127.0.0.1:8080", True),
        ("http://openapi.example.com", False),
        ("ftp://x.example", False),
        ("https://h.example/v1", False),
    ]:
        assert ("http_url" not in longport.SCHEMA.problems({**base, "http_url": url})) is ok, url


def test_refresh_token_switches_to_the_new_token() -> None:
    session = Session(longport.SPEC)
    events: list[BrokerEvent] = []
    session.event_listeners.append(events.append)

    async def scenario() -> None:
        driver = longport.SPEC.create_driver(Environment.SIMULATOR, "normal")
        await session.connect(
            in_process("longport", driver), longport.SPEC.defaults(Environment.SIMULATOR)
        )
        result = await session.run_action(REFRESH_ACTION)
        new_token = result.offer["access_token"]
        assert new_token and new_token != DEMO_TOKEN
        url = driver.surface.url
        with pytest.raises(LongPortApiError) as caught:  # the old token stopped working
            LongPortClient(url, DEMO).get("/v1/socket/token")
        assert caught.value.code == 401004
        renewed = Credentials(DEMO_APP_KEY, DEMO_APP_SECRET, new_token)
        assert LongPortClient(url, renewed).get("/v1/socket/token").data
        await session.logout()
        assert all(new_token not in json.dumps(e.to_json_dict()) for e in events)

    asyncio.run(asyncio.wait_for(scenario(), 30))
    assert CREDENTIAL_EXPIRES in session.info.details


# -- the CLI -------------------------------------------------------------------------------


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gui", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_check_longport_simulator_json() -> None:
    proc = cli("check", "longport", "--simulator", "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    kinds = {(r.get("kind"), r.get("status")) for r in records}
    assert {("status", "CONNECT_READY"), ("status", "LOGIN_READY")} <= kinds
    assert any(r.get("kind") == "server_time" for r in records)
    assert records[-1]["ok"] is True


def test_check_longport_wrong_secret_exits_4_naming_403201() -> None:
    proc = cli(
        "check",
        "longport",
        "--simulator",
        "--secret",
        "app_secret=S",
        "--json",
        env={"S": "not-the-secret"},
    )
    assert proc.returncode == 4
    reason = json.loads(proc.stdout.splitlines()[-1])["reason"]
    assert "403201" in reason and "App secret" in reason


def test_simulate_longport_serves_until_stopped() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "gui", "simulate", "longport", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}" in first
        server = LongPortSimulator()  # only to reuse raw_get's URL building
        server.port = port
        assert raw_get(server, "/v1/socket/token")["code"] == 0
        assert raw_get(server, "/v1/socket/token", secret="tampered")["code"] == 403201
    finally:
        proc.terminate()
        proc.wait(timeout=10)
