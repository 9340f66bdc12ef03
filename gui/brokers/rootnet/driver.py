"""Rootnet CTS driver over `CTSlib.CtsServer`: connect, optLogin, disConnect, onSocketError."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from gui.brokers.rootnet.surface import (
    CONNECT_INFO,
    EXCHANGES,
    CtsServerApi,
    ServerFactory,
    api_error,
)
from gui.core.blocking import BlockingDriver, vendor_callback
from gui.core.errors import ConnectFailed, LoginRejected
from gui.core.events import Level
from gui.core.native_codes import NATIVE_CODE
from gui.core.status import CONNECT_FAIL, CONNECT_READY, DISCONNECTED, LOGIN_FAIL, LOGIN_READY

LICENCE_WARNING_DAYS = 30


def _date(value: Any) -> date | None:
    try:
        return datetime.strptime(str(value), "%Y%m%d").date()
    except (TypeError, ValueError):
        return None


class RootnetDriver(BlockingDriver[ServerFactory]):
    broker = "rootnet"
    exchanges = tuple(
        (name, f"CTS exchange code {code}", (f"code {code}",)) for code, name in EXCHANGES
    )

    def __init__(self, load_surface: Any) -> None:
        super().__init__(load_surface)
        self._server: CtsServerApi | None = None
        self._closing = False

    # -- vendor calls (the vendor thread) ----------------------------------------------------

    def open(self, settings: Mapping[str, Any]) -> None:
        link = self.link
        make: ServerFactory = self.surface
        server = make(self._on_socket_error)
        self._server = server
        endpoint = f"{settings['host']}:{settings['port']}"
        link.flush()
        try:
            info = server.connect(settings["host"], int(settings["port"]))
        except Exception as exc:
            text = f"{endpoint}: {api_error(exc)}"
            code = _code(exc)
            link.status(CONNECT_FAIL, text, Level.ERROR, **_raw(code))
            raise ConnectFailed(f"CTS could not connect to {text}", native_code=code) from None
        self._show_connect_info(info, endpoint)
        link.flush()
        try:
            server.optLogin(settings["operator_id"], settings["operator_password"])
        except Exception as exc:
            text, code = api_error(exc), _code(exc)
            link.status(LOGIN_FAIL, text, Level.ERROR, **_raw(code))
            raise LoginRejected(
                f"CTS refused operator {settings['operator_id']}: {text}", native_code=code
            ) from None
        link.status(LOGIN_READY, f"operator {settings['operator_id']} logged in")

    def close(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        self._closing = True
        try:
            server.disConnect()
        except Exception as exc:
            self.link.log(f"disConnect failed: {api_error(exc)}", Level.WARNING)
        if self.logged_in_now:
            self.link.status(DISCONNECTED, "disConnect()")

    # -- vendor callback (CTSlib's socket thread) ---------------------------------------------

    @vendor_callback("onSocketError")
    def _on_socket_error(self, status: int) -> None:
        if self._closing:
            return
        text = f"socket error {status} (onSocketError)"
        self.link.status(DISCONNECTED, text, Level.WARNING, **_raw(str(status)))
        self.lost(text)

    # -- helpers -----------------------------------------------------------------------------

    def _show_connect_info(self, info: Any, endpoint: str) -> None:
        link = self.link
        for attribute, label in CONNECT_INFO:
            value = getattr(info, attribute, None)
            if value is not None:
                link.set_detail(label, str(value))
        version = getattr(info, "sysVersion", "")
        link.status(CONNECT_READY, f"{endpoint} {version}".strip())
        self.connected(f"{endpoint} {version}".strip())
        expires = _date(getattr(info, "expireDate", None))
        if expires is not None and (expires - date.today()).days <= LICENCE_WARNING_DAYS:
            link.log(
                f"The CTS server's licence expires on {expires.isoformat()}: tell Rootnet support.",
                Level.WARNING,
            )


def _code(exc: BaseException) -> str | None:
    """CTSlib's errorCode, when the exception is its API exception."""
    code = getattr(exc, "errorCode", None)
    return None if code is None else str(code)


def _raw(code: str | None) -> dict[str, str]:
    return {} if code is None else {NATIVE_CODE: code}
