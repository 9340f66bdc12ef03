"""The LongPort OpenAPI surface: the request signature, the answers and error codes, and what
the driver holds (an endpoint it opens signed clients on).

Only the loading differs between LongPort's servers (binding: a `requests` client on the
region's URL) and the built-in simulator (the same client, on a local server)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from gui.brokers.longport.codes import NATIVE_CODES
from gui.core.errors import BrokerError, BrokerFailure, ConnectFailed, LoginRejected, LoginTimeout
from gui.core.failure_class import FailureClass
from gui.core.native_codes import index

REGION_URLS = {
    "global": "https://openapi.longportapp.com",
    "cn": "https://openapi.longportapp.cn",
}
SIGNED_HEADERS = "authorization;x-api-key;x-timestamp"


# -- the signature (seed 004), byte for byte as the official SDKs compute it -----------------


def canonical_request(
    method: str, path: str, raw_query: str, token: str, app_key: str, timestamp: str, body: bytes
) -> str:
    """The string whose SHA-1 is signed; `raw_query` and `body` exactly as on the wire."""
    canonical = (
        f"{method.upper()}|{path}|{raw_query}|authorization:{token}\n"
        f"x-api-key:{app_key}\nx-timestamp:{timestamp}\n|{SIGNED_HEADERS}|"
    )
    if body:
        canonical += hashlib.sha1(body).hexdigest()
    return canonical


def signature(secret: str, canonical: str) -> str:
    to_sign = "HMAC-SHA256|" + hashlib.sha1(canonical.encode("utf-8")).hexdigest()
    return hmac.new(secret.encode("utf-8"), to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


def signature_header(
    method: str,
    path: str,
    raw_query: str,
    token: str,
    app_key: str,
    timestamp: str,
    body: bytes,
    secret: str,
) -> str:
    """The value of `X-Api-Signature`."""
    canonical = canonical_request(method, path, raw_query, token, app_key, timestamp, body)
    return f"HMAC-SHA256 SignedHeaders={SIGNED_HEADERS}, Signature={signature(secret, canonical)}"


# -- answers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    app_key: str
    app_secret: str = field(repr=False)
    access_token: str = field(repr=False)


@dataclass(frozen=True)
class ApiResponse:
    data: Any
    http_status: int
    trace_id: str
    latency_ms: float
    server_date: datetime | None
    received: datetime


class OpenApi(Protocol):
    """A signed client on one endpoint (blocking calls)."""

    credentials: Credentials

    def get(self, path: str, params: list[tuple[str, str]] | None = None) -> ApiResponse: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Endpoint:
    """What the driver talks to: a base URL and how to open a signed client on it."""

    url: str
    open: Callable[[Credentials], OpenApi]
    note: str = ""  # e.g. "built-in simulator (clock_skew)"
    stop: Callable[[], None] = lambda: None
    # When an access token stops working, where that can be known without a call.
    token_expiry: Callable[[str], datetime | None] = field(default=lambda token: jwt_expiry(token))


def jwt_expiry(token: str) -> datetime | None:
    """The `exp` claim of a token that is a JWT (LongPort's published examples show tokens as
    `m_` + a JWT; not a documented contract, so anything else is simply unknown: None)."""
    parts = token.removeprefix("m_").split(".")
    if len(parts) != 3:
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        return datetime.fromtimestamp(int(payload["exp"]), UTC)
    except (ValueError, TypeError, KeyError, OverflowError, OSError):
        return None


# -- errors (docs/ARCHITECTURE.md, Brokers: LongPort) ---------------------------------------

EXPLAINED = index(NATIVE_CODES)

# Codes that mean the credentials or the account were refused (exit 4). Every other answer with
# a code is the broker unable to serve now (exit 6): LongPort answered, so it is not the network.
REJECTIONS = {403201, 403203, 403205, 401003, 401004, 401102}


@dataclass
class LongPortApiError(Exception):
    """An answer from LongPort that is not `code == 0`; `code` None: not a LongPort answer."""

    http_status: int
    code: int | None
    message: str
    trace_id: str
    latency_ms: float | None = None

    def __post_init__(self) -> None:
        super().__init__(self.describe())

    def describe(self) -> str:
        known = EXPLAINED.get(str(self.code))
        text = (
            f"LongPort {self.code if self.code is not None else 'HTTP'} (HTTP {self.http_status})"
        )
        if self.code is None:
            text += (
                f": the answer is not LongPort's ({self.message}): a proxy, a captive portal or "
                "the wrong URL answered."
            )
        elif known is None:
            text += f": LongPort answered: {self.message or 'no message'}."
        else:
            text += f": {known.meaning}" + (f" [{self.message}]" if self.message else "")
            text += f" What to do: {known.fix}"
        if self.trace_id:
            text += f" Trace id for LongPort support: {self.trace_id}."
        return text

    def failure(self) -> BrokerFailure:
        code = None if self.code is None else str(self.code)
        if self.code in REJECTIONS:
            return LoginRejected(self.describe(), native_code=code)
        if self.code is None:
            return ConnectFailed(self.describe())
        return BrokerError(self.describe(), native_code=code)


class LongPortTransportError(Exception):
    """The request did not get an answer: network, TLS, proxy, timeout; `cls` says which."""

    def __init__(
        self, text: str, cls: FailureClass = FailureClass.NO_ANSWER, *, timed_out: bool = False
    ) -> None:
        super().__init__(text)
        self.cls = cls
        self.timed_out = timed_out

    def failure(self) -> BrokerFailure:
        if self.timed_out:
            return LoginTimeout(str(self), self.cls)
        return ConnectFailed(str(self), self.cls)
