"""A real HTTP(S) LongPort server on loopback that checks signatures the way LongPort does.

It verifies every request with its own implementation of the algorithm (not the client's), so a
request signed by any correct implementation — the official SDKs included — is accepted and a
tampered one is refused. Demo credentials: app key `demo-app-key`, secret `demo`, token
`demo-token`.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import re
import socket
import ssl
import threading
import time
import uuid
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from gui.brokers.longport import (
    DEMO_APP_KEY,
    DEMO_APP_SECRET,
    DEMO_TOKEN,
    SCENARIOS,
    SKEW_SECONDS,
    SLOW_SECONDS,
    TOKEN_EXPIRING_DAYS,
)
from gui.brokers.longport.surface import Endpoint
from gui.core.registry import DROP_AFTER_LOGIN, DROP_AFTER_LOGIN_SECONDS
from gui.core.simulation import checked_scenario

EXPIRED_TOKEN = "expired-token"
# How long the demo token has left, per scenario (a new token lasts about three months).
DEMO_TOKEN_DAYS: defaultdict[str, float] = defaultdict(
    lambda: 90.0, token_expiring=TOKEN_EXPIRING_DAYS, token_expired=-1.0
)
RATE_LIMIT = 30  # calls
RATE_WINDOW = 30.0  # seconds

_SIGNATURE = re.compile(
    r"^HMAC-SHA256 SignedHeaders=(?P<headers>[a-z;-]+), Signature=(?P<sig>[0-9a-f]{64})$"
)


def verify_signature(
    secret: str, method: str, target: str, headers: dict[str, str], body: bytes
) -> bool:
    """LongPort's check, written from the specification (seed 004), independent of the client."""
    match = _SIGNATURE.match(headers.get("x-api-signature", ""))
    if not match or match["headers"] != "authorization;x-api-key;x-timestamp":
        return False
    path, _, query = target.partition("?")
    signed = "\n".join(
        f"{name}:{headers.get(name, '')}" for name in ("authorization", "x-api-key", "x-timestamp")
    )
    lines = [method, path, query, signed + "\n", match["headers"], ""]
    canonical = "|".join(lines)
    if body:
        canonical += hashlib.sha1(body).hexdigest()
    digest = hashlib.sha1(canonical.encode()).hexdigest()
    expected = hmac.new(
        secret.encode(), f"HMAC-SHA256|{digest}".encode(), hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, match["sig"])


class LongPortSimulator:
    """Start with `start()`; `url` is where it listens; `stop()` ends it (bounded)."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        scenario: str = "normal",
        tls_cert: str | None = None,
        tls_key: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.scenario = checked_scenario("LongPort", scenario, SCENARIOS)
        self.clock = clock
        self.host, self.port = host, port
        self.tls = (tls_cert, tls_key) if tls_cert else None
        self.tokens: dict[str, float] = {DEMO_TOKEN: clock() + DEMO_TOKEN_DAYS[scenario] * 86400}
        self.lock = threading.Lock()
        self.seen: set[tuple[str, str]] = set()
        self.calls: deque[float] = deque()
        self.requests: list[tuple[str, str]] = []  # (method, target) as received
        self.stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._refresh_count = 0
        self._logged_in_at: float | None = None  # drop_after_login: when the login was

    @property
    def url(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{self.host}:{self.port}"

    def start(self) -> LongPortSimulator:
        if self.scenario == "refused":
            with socket.socket() as probe:  # a port that was free a moment ago, now closed
                probe.bind((self.host, self.port))
                self.port = probe.getsockname()[1]
            return self
        server = ThreadingHTTPServer((self.host, self.port), _Handler)
        server.daemon_threads = True
        server.simulator = self  # type: ignore[attr-defined]
        if self.tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(self.tls[0], self.tls[1])
            server.socket = context.wrap_socket(server.socket, server_side=True)
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="longport-sim",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    # -- the API -----------------------------------------------------------------------------

    def dropped(self) -> bool:
        """drop_after_login: the server stops answering a few seconds after the login."""
        with self.lock:
            since = self._logged_in_at
        return since is not None and time.monotonic() - since >= DROP_AFTER_LOGIN_SECONDS

    def answer(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, Any]]:
        """(HTTP status, envelope) for one request; called on the server's threads."""
        with self.lock:
            self.requests.append((method, target))
        if self.scenario == "http_500":
            return 500, {"code": 500000, "message": "internal error"}
        if self.scenario == "rate_limited":
            return 429, {"code": 429002, "message": "api request is limited"}
        if headers.get("x-api-key") != DEMO_APP_KEY:
            return 403, {"code": 403203, "message": "app key illegal"}
        if not verify_signature(DEMO_APP_SECRET, method, target, headers, body):
            return 403, {"code": 403201, "message": "signature invalid"}
        stamp = (headers.get("x-timestamp", ""), headers.get("x-api-signature", ""))
        now = self.clock()
        with self.lock:
            if stamp in self.seen:
                return 403, {"code": 403202, "message": "duplicate request"}
            self.seen.add(stamp)
            while self.calls and now - self.calls[0] > RATE_WINDOW:
                self.calls.popleft()
            self.calls.append(now)
            limited = len(self.calls) > RATE_LIMIT
            token = headers.get("authorization", "")
            expiry = self.tokens.get(token)
        if token == EXPIRED_TOKEN or (expiry is not None and expiry < now):
            return 401, {"code": 401003, "message": "token expired"}
        if expiry is None:
            return 401, {"code": 401004, "message": "token invalid"}
        if limited:
            return 429, {"code": 429002, "message": "api request is limited"}
        path, _, query = target.partition("?")
        if method == "GET" and path == "/v1/socket/token":
            if self.scenario == DROP_AFTER_LOGIN:
                with self.lock:
                    self._logged_in_at = self._logged_in_at or time.monotonic()
            return 200, _ok({"otp": uuid.uuid4().hex, "limit": 10, "online": 1})
        if method == "GET" and path == "/v1/asset/account":
            return 200, _ok(
                {
                    "list": [
                        {
                            "currency": "HKD",
                            "total_cash": "1000000.00",
                            "net_assets": "1234567.89",
                            "buy_power": "900000.00",
                        },
                    ]
                }
            )
        if method == "GET" and path == "/v1/token/refresh":
            return self._refresh(token, query)
        return 404, {"code": 404001, "message": f"no such API: {method} {path}"}

    def _refresh(self, old: str, query: str) -> tuple[int, dict[str, Any]]:
        values = parse_qs(query).get("expired_at", [""])
        try:
            expires = datetime.fromisoformat(values[0].replace("Z", "+00:00"))
        except ValueError:
            return 400, {"code": 400001, "message": "expired_at must be ISO-8601"}
        if expires.tzinfo is None:
            expires = expires.replace(tzinfo=UTC)
        with self.lock:
            self._refresh_count += 1
            new = f"{DEMO_TOKEN}-{self._refresh_count}"
            self.tokens.pop(old, None)  # the old token stops working
            self.tokens[new] = expires.timestamp()
        issued = datetime.fromtimestamp(self.clock(), UTC)
        return 200, _ok(
            {
                "token": new,
                "expired_at": expires.isoformat(),
                "issued_at": issued.isoformat(),
            }
        )

    def token_expiry(self, token: str) -> datetime | None:
        """When a token this server issued stops working (the Endpoint's `token_expiry`)."""
        with self.lock:
            expiry = self.tokens.get(token)
        return None if expiry is None else datetime.fromtimestamp(expiry, UTC)

    def server_time(self) -> float:
        skew = SKEW_SECONDS if self.scenario == "clock_skew" else 0.0
        return self.clock() + skew


def _ok(data: dict[str, Any]) -> dict[str, Any]:
    return {"code": 0, "message": "success", "data": data}


class _Handler(BaseHTTPRequestHandler):
    server_version = "LongPortSim/1.0"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _handle(self) -> None:
        sim: LongPortSimulator = self.server.simulator  # type: ignore[attr-defined]
        if sim.scenario == "silent":
            sim.stopping.wait(60)
            return
        if sim.scenario == "slow":
            sim.stopping.wait(SLOW_SECONDS)
        if sim.dropped():  # the server went away: the connection closes without an answer
            self.close_connection = True
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {key.lower(): value for key, value in self.headers.items()}
        status, envelope = sim.answer(self.command, self.path, headers, body)
        payload = json.dumps(envelope).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("x-trace-id", uuid.uuid4().hex)
        self.end_headers()
        self.wfile.write(payload)

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The `Date` header send_response() adds, from the simulated server clock."""
        sim: LongPortSimulator = self.server.simulator  # type: ignore[attr-defined]
        return formatdate(sim.server_time(), usegmt=True)

    do_GET = _handle
    do_POST = _handle


def load(scenario: str, _settings: Mapping[str, Any]) -> Endpoint:
    """A simulator started on loopback for this login; the real client talks to it."""
    from gui.brokers.longport.binding import LongPortClient

    simulator = LongPortSimulator(scenario=scenario).start()
    url = simulator.url
    return Endpoint(
        url,
        lambda credentials: LongPortClient(url, credentials),
        note=f"Built-in LongPort simulator ({scenario}) at {url}",
        stop=simulator.stop,
        token_expiry=simulator.token_expiry,
    )


@contextlib.contextmanager
def front(scenario: str, _settings: Mapping[str, Any]) -> Iterator[list[str]]:
    """The simulator itself, serving HTTP on loopback for the diagnosis."""
    simulator = LongPortSimulator(scenario=scenario).start()
    try:
        yield [simulator.url]
    finally:
        simulator.stop()
