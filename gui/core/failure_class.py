"""The one vocabulary for where a connection or a login broke: a diagnosis step's class, a
login failure's class, the CLI result's `class`.

The class is decided where the failure is known: a probe or a driver that catches an exception
classifies it by the exception's type (`of_exception`), a typed failure carries its class
(`BrokerFailure.failure_class`); nothing recovers a class from a message's words.
"""

from __future__ import annotations

from enum import StrEnum

# OpenSSL's verify results (X509_V_ERR_* in openssl/x509_vfy.h): the certificate is for another
# host name (62) or IP address (64), or outside its dates (9 not yet valid, 10 expired).
_NAME_MISMATCH = (62, 64)
_EXPIRED = (9, 10)


class FailureClass(StrEnum):
    DNS_FAILED = "dns_failed"
    TCP_REFUSED = "tcp_refused"
    TCP_TIMEOUT = "tcp_timeout"
    NO_ANSWER = "no_answer"
    TLS_UNTRUSTED = "tls_untrusted"
    TLS_EXPIRED = "tls_expired"
    TLS_HOSTNAME_MISMATCH = "tls_hostname_mismatch"
    TLS_PROTOCOL = "tls_protocol"
    PROXY_FAILED = "proxy_failed"
    HTTP_ERROR = "http_error"
    CLOCK_SKEW = "clock_skew"
    SDK_MISSING = "sdk_missing"
    SDK_MISMATCH = "sdk_mismatch"
    WORKER_FAILED = "worker_failed"
    LOGIN_REJECTED = "login_rejected"
    LOCKOUT_RISK = "lockout_risk"
    OUTSIDE_HOURS = "outside_hours"


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and what it wraps: its cause and context, a `reason` (urllib3) and
    exception arguments (requests), breadth first, each once."""
    found: list[BaseException] = []
    queue = [exc]
    while queue and len(found) < 32:
        current = queue.pop(0)
        if any(current is seen for seen in found):
            continue
        found.append(current)
        wrapped = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        wrapped += list(current.args)
        queue += [item for item in wrapped if isinstance(item, BaseException)]
    return found


def of_exception(
    exc: BaseException, default: FailureClass = FailureClass.NO_ANSWER
) -> FailureClass:
    """The class of a network failure, from the types of the exceptions behind it."""
    import socket  # only when a failure is classified: ssl costs ~14 ms on the window's way up
    import ssl

    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            if cause.verify_code in _NAME_MISMATCH:
                return FailureClass.TLS_HOSTNAME_MISMATCH
            if cause.verify_code in _EXPIRED:
                return FailureClass.TLS_EXPIRED
            return FailureClass.TLS_UNTRUSTED
    for cause in _causes(exc):
        if isinstance(cause, ConnectionRefusedError):
            return FailureClass.TCP_REFUSED
        if isinstance(cause, socket.gaierror):
            return FailureClass.DNS_FAILED
        if isinstance(cause, ssl.SSLError):
            return FailureClass.TLS_PROTOCOL
        if isinstance(cause, TimeoutError):
            return FailureClass.TCP_TIMEOUT
    return default
