"""The Rootnet CTS surface: `CTSlib.CtsServer` as the driver uses it, and the CTS facts.

`connect(host, port)` returns the server's connect info, `optLogin(optId, optPw)` raises an API
exception carrying errorCode / errorMsg, `disConnect()` closes, and `onSocketError(status)` is
the callback the vendor lets a subclass override. The surface the driver receives builds a
server whose socket errors reach the given function; only how differs between CTSlib
(binding), the built-in simulator and a test stand-in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

EXCHANGES = (
    ("0", "SSE"),
    ("1", "SZSE"),
    ("D", "DCE"),
    ("F", "CFFEX"),
    ("S", "SHFE"),
    ("Z", "CZCE"),
)
CONNECT_INFO = (
    ("sysDate", "System date"),
    ("sysVersion", "CTS version"),
    ("customer", "Customer"),
    ("serverName", "Server"),
    ("expireDate", "Licence expires"),
)


class CtsServerApi(Protocol):
    def connect(self, host: str, port: int) -> Any: ...

    def optLogin(self, optId: str, optPw: str) -> Any: ...

    def disConnect(self) -> None: ...


# on_socket_error -> a new server (CTSlib calls onSocketError from its socket thread)
ServerFactory = Callable[[Callable[[int], None]], CtsServerApi]


def api_error(exc: BaseException) -> str:
    """CTSlib's API exception carries errorCode / errorMsg; anything else speaks for itself."""
    code = getattr(exc, "errorCode", None)
    message = getattr(exc, "errorMsg", None)
    if code is not None or message is not None:
        return f"[{code}] {message}"
    return f"{type(exc).__name__}: {exc}"
