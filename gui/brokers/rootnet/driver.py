"""Rootnet CTS driver over `CTSlib.CtsServer`: connect, optLogin, disConnect, onSocketError."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from datetime import date, datetime
from functools import partial
from typing import Any, TypeVar

from gui.core.driver import Driver, DriverLink
from gui.core.errors import ConnectFailed, LoginRejected, SdkUnavailable
from gui.core.events import Level
from gui.core.status import CONNECT_FAIL, CONNECT_READY, DISCONNECTED, LOGIN_FAIL, LOGIN_READY

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
LICENCE_WARNING_DAYS = 30

T = TypeVar("T")


def load_ctslib() -> type:
    """The vendor's CtsServer class, imported when first needed."""
    try:
        module = importlib.import_module("CTSlib")
    except ImportError:
        raise SdkUnavailable(
            "Rootnet's CTSlib Python package is not installed: copy CTSlib from Rootnet's SDK "
            "into the console's folder or PYTHONPATH."
        ) from None
    server = getattr(module, "CtsServer", None)
    if server is None:
        raise SdkUnavailable("CTSlib has no CtsServer: is it Rootnet's CTS API?")
    return server


class RootnetDriver(Driver):
    def __init__(self, executor: Executor, server_class: Callable[[], type]) -> None:
        self._executor = executor
        self._server_class = server_class
        self._server: Any = None
        self._link: DriverLink | None = None

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, partial(fn, *args))

    async def connect(self, settings: Mapping[str, Any], link: DriverLink) -> None:
        self._link = link
        vendor = await self._call(self._server_class)
        driver = self

        class Server(vendor):  # type: ignore[misc, valid-type]
            def onSocketError(self, status: int) -> None:
                driver._socket_error(status)

        server = Server()
        self._server = server
        endpoint = f"{settings['host']}:{settings['port']}"
        try:
            try:
                info = await self._call(server.connect, settings["host"], int(settings["port"]))
            except Exception as exc:
                text = f"{endpoint}: {api_error(exc)}"
                link.status(CONNECT_FAIL, text, Level.ERROR)
                raise ConnectFailed(f"CTS could not connect to {text}") from None
            self._show_connect_info(info, endpoint)
            try:
                await self._call(
                    server.optLogin, settings["operator_id"], settings["operator_password"]
                )
            except Exception as exc:
                text = api_error(exc)
                link.status(LOGIN_FAIL, text, Level.ERROR)
                raise LoginRejected(
                    f"CTS refused operator {settings['operator_id']}: {text}"
                ) from None
        except BaseException:
            await self._release()
            raise
        link.status(LOGIN_READY, f"operator {settings['operator_id']} logged in")
        for code, name in EXCHANGES:
            link.register(name, f"CTS exchange code {code}", (f"code {code}",))

    async def logout(self) -> None:
        had_server = self._server is not None
        await self._release()
        if had_server and self._link is not None:
            self._link.status(DISCONNECTED, "disConnect()")

    def _show_connect_info(self, info: Any, endpoint: str) -> None:
        assert self._link is not None
        for attribute, label in CONNECT_INFO:
            value = getattr(info, attribute, None)
            if value is not None:
                self._link.set_detail(label, str(value))
        version = getattr(info, "sysVersion", "")
        self._link.status(CONNECT_READY, f"{endpoint} {version}".strip())
        expires = _date(getattr(info, "expireDate", None))
        if expires is not None and (expires - date.today()).days <= LICENCE_WARNING_DAYS:
            self._link.log(
                f"The CTS server's licence expires on {expires.isoformat()}: tell Rootnet support.",
                Level.WARNING,
            )

    def _socket_error(self, status: int) -> None:
        """onSocketError, on CTSlib's socket thread: never raises."""
        if self._link is not None:
            self._link.status(DISCONNECTED, f"socket error {status} (onSocketError)", Level.WARNING)

    async def _release(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            try:
                await self._call(server.disConnect)
            except Exception as exc:
                if self._link is not None:
                    self._link.log(f"disConnect failed: {api_error(exc)}", Level.WARNING)


def api_error(exc: BaseException) -> str:
    """CTSlib's API exception carries errorCode / errorMsg; anything else speaks for itself."""
    code = getattr(exc, "errorCode", None)
    message = getattr(exc, "errorMsg", None)
    if code is not None or message is not None:
        return f"[{code}] {message}"
    return f"{type(exc).__name__}: {exc}"


def _date(value: Any) -> date | None:
    try:
        return datetime.strptime(str(value), "%Y%m%d").date()
    except (TypeError, ValueError):
        return None
