"""LongPort's error codes in plain language, with what to do (DESIGN.md, LongPort section)."""

from __future__ import annotations

from dataclasses import dataclass

from gui.core.errors import BrokerFailure, ConnectFailed, LoginRejected, LoginTimeout

EXPLANATIONS: dict[int, tuple[str, str]] = {
    403201: (
        "the request signature is invalid",
        "check the App secret (copy it again from the LongPort developer centre) and that the "
        "App key, App secret and Access token belong to the same app",
    ),
    403202: (
        "the same request (timestamp and signature) was sent twice",
        "retry; if it keeps happening, check this machine's clock",
    ),
    403203: (
        "the App key is not recognised",
        "copy the App key again from the LongPort developer centre",
    ),
    403205: (
        "this machine's public IP address is not allowed for this app",
        "add the IP to the app's allow-list in the developer centre, or use an allowed network",
    ),
    401003: (
        "the Access token has expired",
        "create a new token in the developer centre (tokens last about three months); refresh it "
        "before it expires next time",
    ),
    401004: (
        "the Access token is not valid",
        "copy the token again; after a refresh only the new token works",
    ),
    401102: (
        "the Access token could not be verified",
        "check that the token was issued for this App key",
    ),
    429001: ("too many requests from this IP address", "wait a minute, then try again"),
    429002: (
        "too many calls to this API (the trade API allows 30 calls in 30 seconds)",
        "wait half a minute, then try again",
    ),
    500000: (
        "LongPort had an internal error",
        "try again later; give LongPort support the trace id",
    ),
}

# Codes that mean the credentials or the account were refused (exit 4); the rest are transport.
REJECTIONS = {403201, 403203, 403205, 401003, 401004, 401102}


@dataclass
class LongPortApiError(Exception):
    """An answer from LongPort that is not `code == 0` (or not a LongPort answer at all)."""

    http_status: int
    code: int | None
    message: str
    trace_id: str
    latency_ms: float | None = None

    def __post_init__(self) -> None:
        super().__init__(self.describe())

    def describe(self) -> str:
        meaning, action = EXPLANATIONS.get(
            self.code or 0, (f"LongPort answered: {self.message or 'no message'}", "")
        )
        text = f"LongPort {self.code if self.code is not None else 'HTTP'} "
        text += f"(HTTP {self.http_status}): {meaning}"
        if self.message and self.code in EXPLANATIONS:
            text += f" [{self.message}]"
        if action:
            text += f". What to do: {action}"
        if self.trace_id:
            text += f". Trace id for LongPort support: {self.trace_id}"
        return text + "."

    def failure(self) -> BrokerFailure:
        if self.code in REJECTIONS:
            return LoginRejected(self.describe())
        return ConnectFailed(self.describe())


class LongPortTransportError(Exception):
    """The request did not get an answer: network, TLS, proxy, timeout."""

    def __init__(self, text: str, *, timed_out: bool = False) -> None:
        super().__init__(text)
        self.timed_out = timed_out

    def failure(self) -> BrokerFailure:
        return LoginTimeout(str(self)) if self.timed_out else ConnectFailed(str(self))
