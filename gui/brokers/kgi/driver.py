"""KGI driver: logs in through a TaiFexCom surface (the .NET SDK, the simulator, a stand-in)."""

from __future__ import annotations

import struct
import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from gui.brokers.kgi.surface import TAIPEI, KgiSdk, TaiFexComApi
from gui.core.blocking import BlockingDriver, vendor_callback
from gui.core.clock import clock_verdict
from gui.core.errors import ConnectFailed, LoginRejected
from gui.core.events import EventKind, Level
from gui.core.native_codes import NATIVE_CODE
from gui.core.status import CONNECT_FAIL, CONNECT_READY, DISCONNECTED, LOGIN_FAIL, LOGIN_READY

LOGOUT_ACK_SECONDS = 5.0

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
    when = (
        value
        if isinstance(value, datetime)
        else datetime(  # else a System.DateTime
            value.Year,
            value.Month,
            value.Day,
            value.Hour,
            value.Minute,
            value.Second,
            value.Millisecond * 1000,
        )
    )
    return when if when.tzinfo else when.replace(tzinfo=TAIPEI)


def decode_ack(data: bytes) -> tuple[int, bool | None, int | None]:
    """ACK_REQUESTID payload: little-endian Int64 request id, then a status byte (1 = OK)."""
    if len(data) < 8:
        return -1, None, None
    (request_id,) = struct.unpack_from("<q", data)
    code = data[8] if len(data) > 8 else None
    return request_id, (code == 1 if code is not None else None), code


class KgiDriver(BlockingDriver[KgiSdk]):
    """Binds `Smart.TaiFexCom`: the constructor, four events, the Auto* fields, LoginDirect,
    Logout (or the build's `logout`) and Dispose."""

    broker = "kgi"
    exchanges = (("TAIFEX", "Taiwan Futures Exchange", ("futures", "options")),)
    awaits_login = True  # LoginDirect returns at once; OnGetStatus tells the outcome

    def __init__(self, load_surface: Callable[[Mapping[str, Any]], KgiSdk]) -> None:
        super().__init__(load_surface)
        self._com: TaiFexComApi | None = None
        self._endpoint = ""
        self._last_status = ""
        self._trouble = ""  # the first error status of this login: a failure's native code
        self._connected = False
        self._logging_out = False
        self._disconnected = threading.Event()
        self._handlers: tuple[tuple[str, Callable[..., None]], ...] = (
            ("OnGetStatus", self._on_get_status),
            ("OnRcvMessage", self._on_rcv_message),
            ("OnRecoverStatus", self._on_recover_status),
            ("OnRcvServerTime", self._on_rcv_server_time),
        )

    def login_timeout(self, settings: Mapping[str, Any]) -> float:
        return float(settings["login_timeout"])

    def timeout_reason(self, settings: Mapping[str, Any], seconds: float) -> str:
        return (
            f"KGI sent neither LOGIN_READY nor LOGIN_FAIL within {seconds:g} s (last status: "
            f"{self._last_status or 'none'}). Check that {self._endpoint} is the KGI trading "
            "host and that the server is up."
        )

    # -- vendor calls (the vendor thread) ----------------------------------------------------

    def open(self, settings: Mapping[str, Any]) -> None:
        sdk: KgiSdk = self.surface
        link = self.link
        self._endpoint = f"{settings['host']}:{settings['port']}"
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
        link.set_detail("SDK version", version)
        link.set_detail("Runtime", sdk.runtime)
        link.log(f"TaiFexCom version {version} ({sdk.runtime})", sdk_version=version)
        link.log(f"LoginDirect {self._endpoint} as {settings['person_id']}")
        link.flush()
        try:
            com.LoginDirect(
                settings["host"],
                sdk.ushort(settings["port"]),
                settings["person_id"],
                settings["password"],
                sdk.char(settings["center"]),
            )
        except Exception as exc:
            raise ConnectFailed(
                link.redact(f"LoginDirect failed: {type(exc).__name__}: {exc}")
            ) from None

    def close(self) -> None:
        com, self._com = self._com, None
        if com is None:
            return
        if self._connected and self.logged_in_now:  # a failed login is only disposed
            self._logging_out = True
            self._disconnected.clear()
            # One vendor build spells it `logout()`: the surface promises neither spelling.
            logout = getattr(com, "Logout", None) or getattr(com, "logout", None)
            if logout is None:
                raise AttributeError("TaiFexCom has neither Logout nor logout")
            logout()
            if not self._disconnected.wait(LOGOUT_ACK_SECONDS):
                self.link.log(
                    f"No DISCONNECTED from the SDK within {LOGOUT_ACK_SECONDS:g} s of Logout(); "
                    "disposing anyway.",
                    Level.WARNING,
                )
        for name, handler in self._handlers:
            event = getattr(com, name)
            event -= handler
            setattr(com, name, event)
        com.Dispose()

    # -- vendor callbacks (SDK threads) ------------------------------------------------------

    @vendor_callback("OnGetStatus")
    def _on_get_status(self, _sender: Any, status: Any, msg: Any) -> None:
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
            if level.rank:  # a status that says something went wrong: gui/brokers/kgi/codes.py
                raw[NATIVE_CODE] = name
                if name in _ERROR_STATUSES and not self._trouble:
                    self._trouble = name
        self._last_status = name
        self.link.status(name, text, level, **raw)
        self._advance(name, text)

    @vendor_callback("OnRcvMessage")
    def _on_rcv_message(self, _sender: Any, pkg: Any) -> None:
        dt = int(pkg.DT)
        self.link.emit(EventKind.MESSAGE, f"DT {dt}", topic=str(pkg.TOPIC), raw={"dt": dt})

    @vendor_callback("OnRecoverStatus")
    def _on_recover_status(self, _sender: Any, topic: Any, status: Any, count: Any) -> None:
        self.link.emit(EventKind.RECOVER, enum_name(status), topic=str(topic), count=int(count))

    @vendor_callback("OnRcvServerTime")
    def _on_rcv_server_time(self, _sender: Any, server_time: Any, quality: Any) -> None:
        when = to_datetime(server_time)
        offset = when.timestamp() - time.time()
        level, verdict = clock_verdict(offset, "KGI")
        self.link.emit(
            EventKind.SERVER_TIME,
            text=f"quality {int(quality)} ms" + (f"; {verdict}" if verdict else ""),
            level=level,
            server_time=when,
            latency_ms=int(quality),
            raw={"offset_seconds": round(offset, 3)},
        )

    # -- helpers -----------------------------------------------------------------------------

    def _level_for(self, name: str) -> Level:
        if name in _ERROR_STATUSES:
            return Level.ERROR
        if name in _WARNING_STATUSES or (name == DISCONNECTED and not self._logging_out):
            return Level.WARNING
        return Level.INFO

    def _advance(self, name: str, text: str) -> None:
        """The statuses that end a login or a logout, as typed outcomes."""
        detail = f": {text}" if text else ""
        if name == CONNECT_READY:
            self._connected = True
            self.connected(text)
        elif name == LOGIN_READY:
            self.logged_in()
        elif name == CONNECT_FAIL:
            self.failed(
                ConnectFailed(
                    f"KGI could not connect to {self._endpoint}{detail}. "
                    "Check the host and port, and that this machine can reach KGI.",
                    native_code=name,
                )
            )
        elif name == LOGIN_FAIL:
            cause = self._trouble or name  # AS400_CONNECTFAIL, then LOGIN_FAIL: the first
            self.failed(LoginRejected(f"KGI answered LOGIN_FAIL{detail}", native_code=cause))
        elif name == DISCONNECTED:
            self._connected = False
            self._disconnected.set()
            if self._logging_out:
                return
            if self.logged_in_now:
                self.lost(f"KGI disconnected{detail}")
            else:
                self.failed(ConnectFailed(f"KGI disconnected during login{detail}"))
