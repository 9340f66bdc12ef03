"""The phases of reaching a broker endpoint, each blocking and bounded, each a `Step`.

Run in a worker process (a resolver that hangs or an SDK that crashes ends only that process).
"""

from __future__ import annotations

import base64
import email.utils
import os
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

from gui.core.diagnosis import CERT_WARN_DAYS, Step, clock_step, failed
from gui.core.failure_class import FailureClass, of_exception

T = TypeVar("T")

DNS_SECONDS = 3.0
TCP_SECONDS = 3.0
TCP_BUDGET_SECONDS = 5.0  # every address of one endpoint together
TLS_SECONDS = 4.0
PROXY_SECONDS = 3.0
HTTP_SECONDS = 4.0
MAX_ADDRESSES = 3  # addresses tried per endpoint
HTTP_HEAD_BYTES = 16_384

# -- endpoints --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A place a broker's client connects to, as `scheme://host:port` (scheme tcp, ssl, http,
    https)."""

    scheme: str
    host: str
    port: int

    @property
    def tls(self) -> bool:
        return self.scheme in ("ssl", "https")

    @property
    def http(self) -> bool:
        return self.scheme in ("http", "https")

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"

    @property
    def target(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


DEFAULT_PORTS = {"http": 80, "https": 443}


def endpoint_from_url(url: str) -> Endpoint | None:
    """`tcp://h:p`, `ssl://h:p`, `http(s)://h[:p]`; None for anything else."""
    try:
        parts = urlsplit(url.strip())
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("tcp", "ssl", "http", "https") or not host:
        return None
    port = port or DEFAULT_PORTS.get(scheme)
    return Endpoint(scheme, host, port) if port else None


def endpoint(host: str, port: int, scheme: str = "tcp") -> Endpoint:
    return Endpoint(scheme, host.strip().strip("[]"), int(port))


# -- bounded blocking calls -------------------------------------------------------------------


class StepTimeout(Exception):
    pass


def bounded(fn: Callable[[], T], seconds: float) -> T:
    """`fn()` on a daemon thread, waited for at most `seconds` (a resolver or a vendor loader
    that hangs is left behind; the worker process ends with the diagnosis)."""
    box: list[tuple[bool, Any]] = []
    done = threading.Event()

    def run() -> None:
        try:
            box.append((True, fn()))
        except BaseException as exc:  # handed to the caller as is
            box.append((False, exc))
        done.set()

    threading.Thread(target=run, name="diagnosis-step", daemon=True).start()
    if not done.wait(seconds):
        raise StepTimeout(f"no result within {seconds:g} s")
    ok, value = box[0]
    if not ok:
        raise value
    result: T = value
    return result


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


# -- dns and tcp ------------------------------------------------------------------------------


def resolve(ep: Endpoint) -> tuple[Step, list[str]]:
    """Every address of the host (an address literal resolves to itself)."""
    started = time.perf_counter()
    try:
        socket.inet_pton(socket.AF_INET6 if ":" in ep.host else socket.AF_INET, ep.host)
    except OSError:
        pass
    else:
        return Step("dns", ep.host, True, detail=f"{ep.host} is an address: nothing to resolve"), [
            ep.host
        ]
    try:
        infos = bounded(
            lambda: socket.getaddrinfo(ep.host, ep.port, type=socket.SOCK_STREAM), DNS_SECONDS
        )
    except StepTimeout:
        return failed(
            "dns",
            ep.host,
            FailureClass.DNS_FAILED,
            _ms(started),
            f"no answer from DNS in {DNS_SECONDS:g} s",
        ), []
    except (socket.gaierror, UnicodeError, OSError) as exc:
        return failed(
            "dns", ep.host, FailureClass.DNS_FAILED, _ms(started), f"{ep.host}: {exc}"
        ), []
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    return Step("dns", ep.host, True, ms=_ms(started), detail=", ".join(addresses)), addresses


def connect(ep: Endpoint, addresses: list[str]) -> tuple[Step, str | None]:
    """A connection to each address in turn (at most MAX_ADDRESSES, all within TCP_BUDGET);
    the first that accepts is the one the later phases use."""
    outcomes: list[str] = []
    used: str | None = None
    refused = False
    started = time.perf_counter()
    for address in addresses[:MAX_ADDRESSES]:
        left = TCP_BUDGET_SECONDS - (time.perf_counter() - started)
        if left <= 0.2:
            outcomes.append(f"{address}: not tried (the {TCP_BUDGET_SECONDS:g} s budget is spent)")
            continue
        tried = time.perf_counter()
        try:
            with socket.create_connection((address, ep.port), timeout=min(TCP_SECONDS, left)):
                pass
        except ConnectionRefusedError:
            refused = True
            outcomes.append(f"{address}: refused")
        except TimeoutError:
            outcomes.append(f"{address}: no answer in {min(TCP_SECONDS, left):.1f} s")
        except OSError as exc:
            outcomes.append(f"{address}: {exc.strerror or exc}")
        else:
            outcomes.append(f"{address}: connected in {_ms(tried):.0f} ms")
            used = used or address
    detail = "; ".join(outcomes)
    if used is not None:
        detail = f"port {ep.port}, using {used} — {detail}"
        return Step("tcp", ep.target, True, ms=_ms(started), detail=detail), used
    cls = FailureClass.TCP_REFUSED if refused else FailureClass.TCP_TIMEOUT
    return failed("tcp", ep.target, cls, _ms(started), f"port {ep.port}: {detail}"), None


# -- tls --------------------------------------------------------------------------------------


def trust_store() -> tuple[str, str]:
    """The CA file the logins trust (requests' choice: REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, else
    certifi's bundle; not SSL_CERT_FILE nor the system store) and how to name it."""
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        value = os.environ.get(name)
        if value:
            return value, f"{name}={value}"
    import certifi

    named = "the certifi bundle requests uses"
    if os.environ.get("SSL_CERT_FILE"):  # a common mix-up: requests does not read it
        named += " (SSL_CERT_FILE is set, but the login does not use it: set REQUESTS_CA_BUNDLE)"
    return certifi.where(), named


def certificate_facts(der: bytes) -> dict[str, Any]:
    """Subject, issuer, validity and names of a DER certificate (also an untrusted one)."""
    from cryptography import x509

    cert = x509.load_der_x509_certificate(der)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
        names = [str(name) for name in san.value.get_values_for_type(x509.DNSName)]
        names += [str(ip) for ip in san.value.get_values_for_type(x509.IPAddress)]
    except x509.ExtensionNotFound:
        names = []
    not_after = cert.not_valid_after_utc
    return {
        "subject": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "not_before": cert.not_valid_before_utc,
        "not_after": not_after,
        "days_left": (not_after - datetime.now(UTC)).days,
        "names": names,
    }


def _peer_der(ep: Endpoint, address: str) -> bytes | None:
    """The certificate the server presents, fetched without judging it (to describe it)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with (
        socket.create_connection((address, ep.port), timeout=TLS_SECONDS) as raw,
        context.wrap_socket(raw, server_hostname=ep.host) as tls,
    ):
        return tls.getpeercert(binary_form=True)


def _describe(facts: dict[str, Any]) -> str:
    names = ", ".join(facts["names"][:6]) or "none"
    return (
        f"subject {facts['subject']}; issuer {facts['issuer']}; valid "
        f"{facts['not_before']:%Y-%m-%d} to {facts['not_after']:%Y-%m-%d} "
        f"({facts['days_left']} days left); names: {names}"
    )


def handshake(ep: Endpoint, address: str) -> Step:
    """A TLS handshake with the logins' trust settings; on failure, what the server showed."""
    ca_file, store = trust_store()
    started = time.perf_counter()
    try:
        context = ssl.create_default_context(cafile=ca_file)
    except OSError as exc:
        return failed(
            "tls",
            ep.target,
            FailureClass.TLS_UNTRUSTED,
            _ms(started),
            f"the trust store cannot be read ({store}): {exc}",
            "Point REQUESTS_CA_BUNDLE at an existing certificate file, or unset it.",
        )
    try:
        with (
            socket.create_connection((address, ep.port), timeout=TLS_SECONDS) as raw,
            context.wrap_socket(raw, server_hostname=ep.host) as tls,
        ):
            version, cipher = tls.version(), (tls.cipher() or ("?",))[0]
            der = tls.getpeercert(binary_form=True)
    except ssl.SSLCertVerificationError as exc:
        return _untrusted(ep, address, exc, store, started)
    except TimeoutError:
        return failed(
            "tls",
            ep.target,
            FailureClass.NO_ANSWER,
            _ms(started),
            f"no TLS answer in {TLS_SECONDS:g} s",
        )
    except ssl.SSLError as exc:
        return failed(
            "tls", ep.target, FailureClass.TLS_PROTOCOL, _ms(started), f"{exc.reason or exc}"
        )
    except OSError as exc:
        return failed(
            "tls", ep.target, FailureClass.NO_ANSWER, _ms(started), f"the connection ended: {exc}"
        )
    facts = certificate_facts(der) if der else None
    detail = f"{version}, {cipher}; trusted by {store}"
    if facts is None:
        return Step("tls", ep.target, True, ms=_ms(started), detail=detail)
    warning = facts["days_left"] < CERT_WARN_DAYS
    fix = (
        f"The certificate expires in {facts['days_left']} days: tell the broker." if warning else ""
    )
    return Step(
        "tls",
        ep.target,
        True,
        ms=_ms(started),
        detail=f"{detail}; {_describe(facts)}",
        fix=fix,
        warning=warning,
    )


def _untrusted(
    ep: Endpoint, address: str, exc: ssl.SSLCertVerificationError, store: str, started: float
) -> Step:
    ms = _ms(started)
    try:
        der = _peer_der(ep, address)
        facts = certificate_facts(der) if der else None
    except (OSError, ValueError):
        facts = None
    shown = _describe(facts) if facts else "the certificate could not be read"
    message = exc.verify_message or str(exc)
    code = exc.verify_code
    if code == 10 or "expired" in message:  # X509_V_ERR_CERT_HAS_EXPIRED
        when = f" on {facts['not_after']:%Y-%m-%d}" if facts else ""
        return failed(
            "tls",
            ep.target,
            FailureClass.TLS_EXPIRED,
            ms,
            f"{message}; {shown}",
            f"The certificate expired{when}: the broker must renew it; check this machine's "
            "date too.",
        )
    if code == 9:  # X509_V_ERR_CERT_NOT_YET_VALID
        return failed("tls", ep.target, FailureClass.TLS_EXPIRED, ms, f"{message}; {shown}")
    if code == 62 or "mismatch" in message.lower():  # X509_V_ERR_HOSTNAME_MISMATCH
        return failed(
            "tls",
            ep.target,
            FailureClass.TLS_HOSTNAME_MISMATCH,
            ms,
            f"{message} (asked for {ep.host}); {shown}",
        )
    return failed(
        "tls",
        ep.target,
        FailureClass.TLS_UNTRUSTED,
        ms,
        f"{message} (trust store: {store}); {shown}",
    )


# -- proxy and http ---------------------------------------------------------------------------


def proxy_for(ep: Endpoint) -> str | None:
    """The proxy the logins would use for this URL (environment, then system settings), as
    requests picks it; None when they go direct."""
    if urllib.request.proxy_bypass(ep.host):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(ep.scheme) or proxies.get("all")


def check_proxy(ep: Endpoint) -> Step:
    started = time.perf_counter()
    proxy = proxy_for(ep)
    if not proxy:
        return Step("proxy", ep.target, True, detail="no proxy applies: direct connection")
    shown = _without_credentials(proxy)
    try:
        parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
        host, port = parts.hostname, parts.port or 8080
        if not host:
            raise ValueError("no host")
    except ValueError:
        return failed(
            "proxy", shown, FailureClass.PROXY_FAILED, 0.0, f"the proxy setting {shown} is unusable"
        )
    try:
        with socket.create_connection((host, port), timeout=PROXY_SECONDS) as raw:
            raw.settimeout(PROXY_SECONDS)
            request = f"CONNECT {ep.host}:{ep.port} HTTP/1.1\r\nHost: {ep.host}:{ep.port}\r\n"
            if parts.username:
                pair = f"{parts.username}:{parts.password or ''}".encode()
                request += f"Proxy-Authorization: Basic {base64.b64encode(pair).decode()}\r\n"
            raw.sendall((request + "\r\n").encode())
            answer = raw.recv(1024).split(b"\r\n", 1)[0].decode("latin-1", "replace")
    except OSError as exc:
        return failed(
            "proxy",
            shown,
            FailureClass.PROXY_FAILED,
            _ms(started),
            f"the proxy {shown} did not answer: {exc}",
        )
    status = answer.split(" ")[1] if answer.count(" ") >= 1 else ""
    if status == "200":
        return Step("proxy", shown, True, ms=_ms(started), detail=f"{shown} passes: {answer}")
    return failed(
        "proxy",
        shown,
        FailureClass.PROXY_FAILED,
        _ms(started),
        f"the proxy {shown} refused the tunnel: {answer or 'no answer'}",
    )


def _without_credentials(proxy: str) -> str:
    try:
        parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
        return f"{parts.scheme}://{parts.hostname}:{parts.port or 8080}"
    except ValueError:
        return "(unreadable proxy setting)"


@dataclass(frozen=True, slots=True)
class HttpAnswer:
    step: Step
    server_date: datetime | None = None
    midpoint: float = 0.0  # local epoch halfway through the request


def http_probe(ep: Endpoint, path: str = "/") -> HttpAnswer:
    """One unauthenticated GET, with the logins' trust and proxy settings; the answer's status,
    Date and trace ID (what a broker's support asks for)."""
    import requests

    ca_file, _store = trust_store()
    url = ep.url + path
    sent = time.time()
    started = time.perf_counter()
    session = requests.Session()
    try:
        response = session.get(
            url,
            timeout=(TCP_SECONDS, HTTP_SECONDS),
            verify=ca_file,
            allow_redirects=False,
            stream=True,
            headers={"User-Agent": "BrokerLoginConsole-diagnose"},
        )
        response.raw.read(HTTP_HEAD_BYTES, decode_content=False)
        response.close()
    except requests.exceptions.ProxyError as exc:
        return HttpAnswer(failed("http", url, FailureClass.PROXY_FAILED, _ms(started), _short(exc)))
    except requests.exceptions.ConnectTimeout:
        return HttpAnswer(
            failed(
                "http",
                url,
                FailureClass.TCP_TIMEOUT,
                _ms(started),
                f"no connection in {TCP_SECONDS:g} s",
            )
        )
    except (requests.exceptions.ReadTimeout, TimeoutError):
        return HttpAnswer(
            failed(
                "http",
                url,
                FailureClass.NO_ANSWER,
                _ms(started),
                f"connected, but no HTTP answer in {HTTP_SECONDS:g} s",
            )
        )
    except requests.exceptions.SSLError as exc:
        return HttpAnswer(
            failed("http", url, FailureClass.TLS_UNTRUSTED, _ms(started), _short(exc))
        )
    except requests.exceptions.ConnectionError as exc:
        cls = of_exception(exc)  # by the exceptions' types, never their words
        return HttpAnswer(failed("http", url, cls, _ms(started), _short(exc)))
    except (requests.RequestException, OSError) as exc:
        return HttpAnswer(failed("http", url, FailureClass.HTTP_ERROR, _ms(started), _short(exc)))
    finally:
        session.close()
    received = time.time()
    ms = _ms(started)
    date_header = response.headers.get("Date", "")
    trace = response.headers.get("x-trace-id", "")
    parts = [f"HTTP {response.status_code}"]
    if date_header:
        parts.append(f"Date {date_header}")
    if trace:
        parts.append(f"x-trace-id {trace}")
    detail = ", ".join(parts)
    server_date = _http_date(date_header)
    if response.status_code == 429:
        answer_step = failed(
            "http",
            url,
            FailureClass.HTTP_ERROR,
            ms,
            detail,
            "The broker limits how often this machine may call (HTTP 429): wait a minute, and "
            "check that no other program uses the same key.",
        )
    elif response.status_code >= 500:
        answer_step = failed("http", url, FailureClass.HTTP_ERROR, ms, detail)
    else:
        answer_step = Step("http", url, True, ms=ms, detail=detail)
    return HttpAnswer(answer_step, server_date, (sent + received) / 2)


def _http_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 300 else text[:297] + "…"


# -- the run ----------------------------------------------------------------------------------


def network_steps(ep: Endpoint, http_path: str = "/") -> Iterator[Step]:
    """The phases of reaching one endpoint, stopping at the first failure (what comes after
    depends on it): dns → tcp → tls → proxy → http → clock. Where a proxy carries the HTTP
    traffic, the console never connects directly: proxy → http → clock."""
    if ep.http and proxy_for(ep):
        proxy = check_proxy(ep)
        yield proxy
        if proxy.ok:
            yield from _http_steps(ep, http_path)
        return
    dns, addresses = resolve(ep)
    yield dns
    if not dns.ok:
        return
    tcp, address = connect(ep, addresses)
    yield tcp
    if address is None:
        return
    if ep.tls:
        tls = handshake(ep, address)
        yield tls
        if not tls.ok:
            return
    if ep.http:
        yield check_proxy(ep)
        yield from _http_steps(ep, http_path)


def _http_steps(ep: Endpoint, http_path: str) -> Iterator[Step]:
    answer = http_probe(ep, http_path)
    yield answer.step
    if answer.server_date is not None:
        offset = answer.server_date.timestamp() - answer.midpoint
        yield clock_step(ep.target, offset, "HTTP Date", resolution=1.0)
