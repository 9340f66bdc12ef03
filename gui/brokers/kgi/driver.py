"""KGI driver: logs in through a TaiFexCom surface (the .NET SDK, the simulator, a stand-in)."""

from __future__ import annotations

import asyncio
import contextlib
import struct
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from datetime import datetime
from functools import partial
from typing import Any

from gui.brokers.kgi.sdk import TAIPEI, KgiSdk, SdkLoader
from gui.core.driver import Driver, DriverLink, settle
from gui.core.errors import ConnectFailed, LoginRejected, LoginTimeout
from gui.core.events import EventKind, Level
from gui.core.status import CONNECT_FAIL, DISCONNECTED, LOGIN_FAIL, LOGIN_READY

LOGOUT_ACK_SECONDS = 5.0
DISPOSE_SECONDS = 5.0

_WARNING_STATUSES = {"LOGIN_UNKNOW", "AS400_DISCONNECTED", "QUEUE_WARNING", "ACCTCNT_NOMATCH"}
_ERROR_STATUSES = {CONNECT_FAIL, LOGIN_FAIL, "AS400_CONNECTFAIL"}


def decode_message(data: Any) -> str:
    """Vendor bytes as text: UTF-8 strict as the seed does, else CP950/Big5, else replaced."""
    if data is None:
        return ""
    raw = bytes(data)
    for encoding in ("utf-8", "cp950"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def enum_name(value: Any) -> str:
    """A vendor enum's name (`ToString()` on .NET), or its number when it has none."""
    to_string = getattr(value, "ToString", None)
    name = str(to_string()) if callable(to_string) else str(value)
    return name or str(int(value))


def to_datetime(value: Any) -> datetime:
    """A server time as an aware datetime; the KGI server's clock is Taipei time."""
    if not isinstance(value, datetime):  # System.DateTime
        value = datetime(
            value.Year,
            value.Month,
            value.Day,
            value.Hour,
            value.Minute,
            value.Second,
            value.Millisecond * 1000,
        )
    return value if value.tzinfo else value.replace(tzinfo=TAIPEI)


def decode_ack(data: bytes) -> tuple[int, bool | None, int | None]:
    """ACK_REQUESTID payload: little-endian Int64 request id, then a status byte (1 = OK)."""
    if len(data) < 8:
        return -1, None, None
    (request_id,) = struct.unpack_from("<q", data)
    code = data[8] if len(data) > 8 else None
    return request_id, (code == 1 if code is not None else None), code


class KgiDriver(Driver):
    """Binds `Smart.TaiFexCom`: the constructor, four events, the Auto* fields, LoginDirect,
    Logout (or the build's `logout`) and Dispose."""

    def __init__(self, load_sdk: SdkLoader, executor: Executor) -> None:
        self._load_sdk = load_sdk
        self._executor = executor
        self._com: Any = None
        self._link: DriverLink | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._login: asyncio.Future[None] | None = None
        self._logout_ack: asyncio.Future[None] | None = None
        self._connected = False
        self._logging_out = False
        self._last_status = ""
        self._endpoint = ""
        self._handlers: tuple[tuple[str, Callable[..., None]], ...] = (
            ("OnGetStatus", self._on_get_status),
            ("OnRcvMessage", self._on_rcv_message),
            ("OnRecoverStatus", self._on_recover_status),
            ("OnRcvServerTime", self._on_rcv_server_time),
        )

    # -- Driver ------------------------------------------------------------------------------

    async def connect(self, settings: Mapping[str, Any], link: DriverLink) -> None:
        self._loop = loop = asyncio.get_running_loop()
        self._link = link
        self._login = loop.create_future()
        self._endpoint = f"{settings['host']}:{settings['port']}"
        sdk = await loop.run_in_executor(self._executor, self._load_sdk, settings)
        try:
            await loop.run_in_executor(self._executor, self._create, sdk, settings)
            link.log(f"LoginDirect {self._endpoint} as {settings['person_id']}")
            try:
                await loop.run_in_executor(
                    self._executor,
                    partial(
                        self._com.LoginDirect,
                        settings["host"],
                        sdk.ushort(settings["port"]),
                        settings["person_id"],
                        settings["password"],
                        sdk.char(settings["center"]),
                    ),
                )
            except Exception as exc:
                raise ConnectFailed(
                    link.redact(f"LoginDirect failed: {type(exc).__name__}: {exc}")
                ) from None
            timeout = float(settings["login_timeout"])
            try:
                await asyncio.wait_for(self._login, timeout)
            except TimeoutError:
                raise LoginTimeout(
                    f"KGI sent neither LOGIN_READY nor LOGIN_FAIL within {timeout:g} s "
                    f"(last status: {self._last_status or 'none'}). Check that {self._endpoint} "
                    "is the KGI trading host and that the server is up."
                ) from None
        except BaseException:
            await self._dispose()
            raise

    async def logout(self) -> None:
        if self._com is None:
            return
        loop = asyncio.get_running_loop()
        if self._connected:
            self._logging_out = True
            self._logout_ack = loop.create_future()
            await loop.run_in_executor(self._executor, self._call_logout)
            try:
                await asyncio.wait_for(self._logout_ack, LOGOUT_ACK_SECONDS)
            except TimeoutError:
                self._log(
                    f"No DISCONNECTED from the SDK within {LOGOUT_ACK_SECONDS:g} s of Logout(); "
                    "disposing anyway.",
                    Level.WARNING,
                )
        await self._dispose()

    # -- SDK calls (worker thread) -----------------------------------------------------------

    def _create(self, sdk: KgiSdk, settings: Mapping[str, Any]) -> None:
        com = sdk.TaiFexCom("", sdk.ushort(settings["port"]), settings["source_id"])
        com.AutoSubReport = bool(settings["auto_sub_report"])
        com.AutoRecoverReport = sdk.nullable_bool(bool(settings["auto_recover_report"]))
        com.AutoRetriveProductInfo = bool(settings["auto_retrieve_product_info"])
        for name, handler in self._handlers:
            event = getattr(com, name)
            event += handler
            setattr(com, name, event)
        self._com = com
        version = str(com.version)
        assert self._link is not None
        self._link.set_detail("SDK version", version)
        self._link.set_detail("Runtime", sdk.runtime)
        self._link.log(f"TaiFexCom version {version} ({sdk.runtime})", sdk_version=version)

    def _call_logout(self) -> None:
        # One vendor build spells it `logout()`.
        method = getattr(self._com, "Logout", None) or self._com.logout
        method()

    def _dispose_now(self, com: Any) -> None:
        for name, handler in self._handlers:
            with contextlib.suppress(Exception):
                event = getattr(com, name)
                event -= handler
                setattr(com, name, event)
        com.Dispose()

    async def _dispose(self) -> None:
        com, self._com = self._com, None
        self._connected = False
        if com is None:
            return
        loop = asyncio.get_running_loop()
        try:
            await asyncio.wait_for(
                loop.run_in_executor(self._executor, self._dispose_now, com), DISPOSE_SECONDS
            )
        except TimeoutError:
            self._log(f"Dispose() did not return within {DISPOSE_SECONDS:g} s.", Level.WARNING)
        except Exception as exc:
            self._log(f"Dispose() failed: {type(exc).__name__}: {exc}", Level.WARNING)

    # -- vendor callbacks (SDK threads; they must never raise) -------------------------------

    def _on_get_status(self, _sender: Any, status: Any, msg: Any) -> None:
        try:
            name = enum_name(status)
            data = bytes(msg) if msg is not None else b""
            raw: dict[str, Any] = {"code": int(status)}
            if name == "ACK_REQUESTID":
                request_id, ok, code = decode_ack(data)
                raw.update(request_id=request_id, ok=ok, ack_status=code)
                state = {True: "OK", False: f"failed (status byte {code})", None: "no status"}
                text = f"request {request_id}: {state[ok]}"
                level = Level.WARNING if ok is False else Level.INFO
            else:
                text = decode_message(data)
                level = self._level_for(name)
            self._last_status = name
            assert self._link is not None
            self._link.status(name, text, level, **raw)
            self._advance(name, text)
        except Exception as exc:
            self._handler_failed("OnGetStatus", exc)

    def _on_rcv_message(self, _sender: Any, pkg: Any) -> None:
        try:
            dt = int(pkg.DT)
            topic = str(pkg.TOPIC)
            assert self._link is not None
            self._link.emit(EventKind.MESSAGE, f"DT {dt}", topic=topic, raw={"dt": dt})
        except Exception as exc:
            self._handler_failed("OnRcvMessage", exc)

    def _on_recover_status(self, _sender: Any, topic: Any, status: Any, count: Any) -> None:
        try:
            assert self._link is not None
            self._link.emit(
                EventKind.RECOVER, enum_name(status), topic=str(topic), count=int(count)
            )
        except Exception as exc:
            self._handler_failed("OnRecoverStatus", exc)

    def _on_rcv_server_time(self, _sender: Any, server_time: Any, quality: Any) -> None:
        try:
            assert self._link is not None
            self._link.emit(
                EventKind.SERVER_TIME,
                text=f"quality {int(quality)} ms",
                server_time=to_datetime(server_time),
                latency_ms=int(quality),
            )
        except Exception as exc:
            self._handler_failed("OnRcvServerTime", exc)

    # -- helpers -----------------------------------------------------------------------------

    def _level_for(self, name: str) -> Level:
        if name in _ERROR_STATUSES:
            return Level.ERROR
        if name in _WARNING_STATUSES or (name == DISCONNECTED and not self._logging_out):
            return Level.WARNING
        return Level.INFO

    def _advance(self, name: str, text: str) -> None:
        """Turn the statuses that end a login or a logout into outcomes (posted in order)."""
        assert self._link is not None and self._login is not None
        login = self._login
        detail = f": {text}" if text else ""
        if name == "CONNECT_READY":
            self._connected = True
        elif name == LOGIN_READY:
            self._link.register("TAIFEX", "Taiwan Futures Exchange", ("futures", "options"))
            self._link.post(lambda: settle(login))
        elif name == CONNECT_FAIL:
            error = ConnectFailed(
                f"KGI could not connect to {self._endpoint}{detail}. "
                "Check the host and port, and that this machine can reach KGI."
            )
            self._link.post(lambda: settle(login, error))
        elif name == LOGIN_FAIL:
            error = LoginRejected(f"KGI rejected the login{detail}")
            self._link.post(lambda: settle(login, error))
        elif name == DISCONNECTED:
            self._connected = False
            error = ConnectFailed(f"KGI disconnected during login{detail}")
            self._link.post(lambda: settle(login, error))
            ack = self._logout_ack
            if ack is not None:
                self._link.post(lambda: settle(ack))

    def _handler_failed(self, handler: str, exc: Exception) -> None:
        with contextlib.suppress(Exception):
            self._log(f"{handler} handler failed: {type(exc).__name__}: {exc}", Level.ERROR)

    def _log(self, text: str, level: Level) -> None:
        if self._link is not None:
            self._link.log(text, level)
