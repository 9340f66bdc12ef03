"""LongPort's real binding: a small signed OpenAPI client on a `requests.Session`.

The query string is encoded once; that exact string is signed and sent (requests is not allowed
to re-encode it), and the body is serialized once, hashed and sent as the same bytes. Answers
are read as a stream with a size cap (a hostile or broken server cannot fill the memory) and a
deadline per request.
"""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Callable, Mapping, Sequence
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import requests

from gui.brokers.longport.surface import (
    REGION_URLS,
    ApiResponse,
    Credentials,
    Endpoint,
    LongPortApiError,
    LongPortTransportError,
    signature_header,
)
from gui.core.events import local_now
from gui.core.failure_class import FailureClass, of_exception

RETRY_AFTER_CAP = 5.0
MAX_BODY_BYTES = 1 << 20  # LongPort's answers to these calls are a few hundred bytes
CHUNK_BYTES = 64 << 10


def base_url(settings: Mapping[str, Any]) -> str:
    if settings["region"] == "custom":
        return str(settings["http_url"]).rstrip("/")
    return REGION_URLS[settings["region"]]


def load(settings: Mapping[str, Any]) -> Endpoint:
    """LongPort's servers for the settings' region (or the custom URL)."""
    url = base_url(settings)
    return Endpoint(url, lambda credentials: LongPortClient(url, credentials))


def encode_query(params: Sequence[tuple[str, str]]) -> str:
    """Percent-encode once (RFC 3986 unreserved characters stay as they are)."""
    return urlencode(list(params), quote_via=quote, safe="")


class LongPortClient:
    def __init__(
        self,
        base_url: str,
        credentials: Credentials,
        *,
        ca_bundle: str | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 10.0,
        max_retries: int = 2,
        backoff: float = 0.5,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.credentials = credentials
        self.verify: str | bool = ca_bundle or True  # TLS verification is never switched off
        self.timeouts = (connect_timeout, read_timeout)
        self.max_retries = max_retries
        self.backoff = backoff
        self.clock = clock
        self.sleep = sleep
        self.session = requests.Session()

    def close(self) -> None:
        self.session.close()

    def get(self, path: str, params: Sequence[tuple[str, str]] | None = None) -> ApiResponse:
        return self.request("GET", path, params or ())

    def request(
        self,
        method: str,
        path: str,
        params: Sequence[tuple[str, str]] = (),
        body: Mapping[str, Any] | None = None,
    ) -> ApiResponse:
        raw_query = encode_query(params)
        payload = b"" if body is None else json.dumps(body, separators=(",", ":")).encode()
        url = self.base_url + path + (f"?{raw_query}" if raw_query else "")
        for attempt in range(self.max_retries + 1):
            response, answer, latency = self._send(method, url, path, raw_query, payload)
            if response.status_code == 429 and attempt < self.max_retries:
                self.sleep(self._retry_delay(response, attempt))
                continue
            return self._parse(response, answer, latency)
        raise AssertionError("unreachable")

    def _retry_delay(self, response: requests.Response, attempt: int) -> float:
        """Retry-After in seconds when it is a sane number; else our own backoff."""
        try:
            delay = float(response.headers.get("Retry-After", ""))
        except ValueError:
            delay = math.nan
        if not math.isfinite(delay) or delay < 0:
            delay = self.backoff * 2**attempt
        return min(delay, RETRY_AFTER_CAP)

    def _send(
        self, method: str, url: str, path: str, raw_query: str, payload: bytes
    ) -> tuple[requests.Response, bytes, float]:
        creds = self.credentials
        timestamp = f"{self.clock():.3f}"  # a fresh stamp per attempt: retries are not replays
        headers = {
            "X-Api-Key": creds.app_key,
            "Authorization": creds.access_token,
            "X-Timestamp": timestamp,
            "Content-Type": "application/json; charset=utf-8",
            "X-Api-Signature": signature_header(
                method,
                path,
                raw_query,
                creds.access_token,
                creds.app_key,
                timestamp,
                payload,
                creds.app_secret,
            ),
        }
        prepared = requests.Request(method, url, headers=headers, data=payload or None).prepare()
        prepared.url = url  # exactly the signed query, never re-encoded
        settings = self.session.merge_environment_settings(url, {}, True, self.verify, None)
        started = time.perf_counter()
        try:
            response = self.session.send(
                prepared, timeout=self.timeouts, allow_redirects=False, **settings
            )
            try:
                body = self._read_body(response, url, started)
            finally:
                response.close()
        except requests.RequestException as exc:
            raise explain_transport(exc, url, self.timeouts) from None
        except OSError as exc:  # e.g. REQUESTS_CA_BUNDLE naming a file that is not there
            raise explain_local_tls(exc) from None
        return response, body, (time.perf_counter() - started) * 1000

    def _read_body(self, response: requests.Response, url: str, started: float) -> bytes:
        """At most MAX_BODY_BYTES, within the request's overall deadline."""
        deadline = started + sum(self.timeouts)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = response.raw.read1(CHUNK_BYTES)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                where = urlsplit(url).netloc
                raise LongPortTransportError(
                    f"{where} sent more than {MAX_BODY_BYTES >> 20} MiB for one answer; LongPort "
                    "never does: check the URL and any proxy in between."
                )
            if time.perf_counter() > deadline:
                raise LongPortTransportError(
                    f"{urlsplit(url).netloc} kept sending its answer for more than "
                    f"{sum(self.timeouts):g} s.",
                    timed_out=True,
                )
            chunks.append(chunk)

    def _parse(self, response: requests.Response, body: bytes, latency: float) -> ApiResponse:
        trace = response.headers.get("x-trace-id", "")
        try:
            envelope = json.loads(body)
        except ValueError:
            envelope = None
        if not isinstance(envelope, dict) or "code" not in envelope:
            text = body[:200].decode("utf-8", "replace").strip() or response.reason or "empty body"
            raise LongPortApiError(
                response.status_code, None, f"not a LongPort answer: {text}", trace
            )
        message = str(envelope.get("message") or envelope.get("msg") or "")
        try:
            code = int(envelope["code"])
        except (TypeError, ValueError):
            code = -1
        if code != 0 or response.status_code >= 400:
            raise LongPortApiError(response.status_code, code, message, trace, latency)
        server_date = None
        if "Date" in response.headers:
            try:
                server_date = parsedate_to_datetime(response.headers["Date"]).astimezone()
            except (TypeError, ValueError):
                server_date = None
        return ApiResponse(
            envelope.get("data"), response.status_code, trace, latency, server_date, local_now()
        )


def explain_transport(
    exc: requests.RequestException, url: str, timeouts: tuple[float, float]
) -> LongPortTransportError:
    """Say what failed between this machine and LongPort, and what to do about it."""
    parts = urlsplit(url)
    host = parts.hostname or url
    where = f"{host}:{parts.port}" if parts.port else host
    detail = str(exc)
    cls = of_exception(exc)  # what failed, from the exceptions' types (never their words)
    if isinstance(exc, requests.exceptions.SSLError):
        if cls is FailureClass.TLS_HOSTNAME_MISMATCH:
            return LongPortTransportError(
                f"TLS: the certificate presented is not valid for {host}; a proxy or DNS may be "
                "sending this machine to another server.",
                cls,
            )
        if cls in (FailureClass.TLS_UNTRUSTED, FailureClass.TLS_EXPIRED):
            return LongPortTransportError(
                f"TLS: the certificate of {host} is not trusted. If your network inspects HTTPS, "
                "install its root certificate in the system store or point REQUESTS_CA_BUNDLE at "
                "it; verification is never switched off.",
                cls,
            )
        return LongPortTransportError(
            f"TLS handshake with {host} failed: {detail}", FailureClass.TLS_PROTOCOL
        )
    if isinstance(exc, requests.exceptions.ProxyError):
        return LongPortTransportError(
            f"The proxy (from HTTPS_PROXY / HTTP_PROXY) failed for {host}: {detail}. Check the "
            "proxy settings, or list the host in NO_PROXY.",
            FailureClass.PROXY_FAILED,
        )
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return LongPortTransportError(
            f"No connection to {where} within {timeouts[0]:g} s: a firewall may drop the traffic.",
            FailureClass.TCP_TIMEOUT,
            timed_out=True,
        )
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return LongPortTransportError(
            f"{where} accepted the connection but sent no answer within {timeouts[1]:g} s.",
            FailureClass.NO_ANSWER,
            timed_out=True,
        )
    if cls is FailureClass.DNS_FAILED:
        return LongPortTransportError(
            f"Cannot resolve {host}: check the URL and this machine's DNS.", cls
        )
    if cls is FailureClass.TCP_REFUSED:
        return LongPortTransportError(
            f"{where} refused the connection: nothing listens there, or a firewall rejects it.",
            cls,
        )
    return LongPortTransportError(f"Could not reach {where}: {detail}", cls)


def explain_local_tls(exc: OSError) -> LongPortTransportError:
    """A problem with this machine's TLS settings, before anything was sent."""
    bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
    if bundle and not os.path.exists(bundle):
        return LongPortTransportError(
            f"REQUESTS_CA_BUNDLE (or CURL_CA_BUNDLE) names {bundle}, which does not exist: point "
            "it at your network's root certificate file, or unset it."
        )
    return LongPortTransportError(f"This machine's TLS set-up failed: {exc}")


def requests_version() -> str:
    from importlib.metadata import version  # only for a diagnosis

    return version("requests")


def describe(endpoint: Endpoint, _settings: Mapping[str, Any]) -> str:
    """LongPort has no vendor SDK to load: signed REST over requests (for a diagnosis)."""
    return f"no vendor SDK needed: signed REST over requests {requests_version()} to {endpoint.url}"
