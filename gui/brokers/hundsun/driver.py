"""Hundsun UFX / O32 driver: function 10001 to log in, 10000 to keep the token alive, 10002 to
log out, over a T2 transport."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import Executor
from functools import partial
from typing import Any, TypeVar

from gui.brokers.hundsun.simulator import SimT2Transport
from gui.brokers.hundsun.transport import (
    FieldSpec,
    Reply,
    T2SdkTransport,
    T2Transport,
    TransportError,
)
from gui.core.driver import Driver, DriverLink
from gui.core.errors import ConnectFailed, LoginRejected, LoginTimeout
from gui.core.events import Level
from gui.core.status import CONNECT_FAIL, CONNECT_READY, DISCONNECTED, LOGIN_FAIL, LOGIN_READY

LOGIN, HEARTBEAT, LOGOUT = 10001, 10000, 10002
CONNECT_TIMEOUT_MS = 5000
CALL_TIMEOUT_MS = 10000
HEARTBEAT_FAILURES_TO_DROP = 2

# 10001's inputs in the seed's order: (key, T2 type, width). Strings C<n>, port_id N8.
LOGIN_FIELDS = (
    ("operator_no", "S", 16),
    ("password", "S", 16),
    ("mac_address", "S", 20),
    ("ip_address", "S", 15),
    ("hd_volserial", "S", 128),
    ("op_station", "S", 256),
    ("terminal_info", "S", 256),
    ("authorization_id", "S", 64),
    ("app_id", "S", 32),
    ("authorize_code", "S", 16),
    ("port_id", "I", 8),
)
# O32 market_no values (DESIGN.md, Hundsun).
MARKETS = (
    ("SSE", "1"),
    ("SZSE", "2"),
    ("SHFE", "3"),
    ("CZCE", "4"),
    ("CFFEX", "7"),
    ("DCE", "9"),
    ("INE", "k"),
    ("NEEQ", "10"),
    ("HK via SH connect", "35"),
    ("HK via SZ connect", "o"),
)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]


def login_fields(settings: Mapping[str, Any]) -> list[FieldSpec]:
    return [
        FieldSpec(key, kind, width, settings.get(key) if settings.get(key) is not None else "")
        for key, kind, width in LOGIN_FIELDS
    ]


class HundsunDriver(Driver):
    def __init__(
        self,
        executor: Executor,
        transport_factory: Callable[[threading.Event], T2Transport],
        *,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._executor = executor
        self._factory = transport_factory
        self._sleep = sleep
        self._stop = threading.Event()
        self._transport: T2Transport | None = None
        self._token = ""
        self._link: DriverLink | None = None
        self._heartbeat: asyncio.Task[None] | None = None

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, partial(fn, *args))

    async def connect(self, settings: Mapping[str, Any], link: DriverLink) -> None:
        self._link = link
        servers = str(settings["servers"])
        try:
            transport = await self._call(self._factory, self._stop)
            self._transport = transport
            try:
                await self._call(
                    transport.connect,
                    servers,
                    settings.get("license_file") or "",
                    CONNECT_TIMEOUT_MS,
                )
            except TransportError as err:
                link.status(CONNECT_FAIL, str(err), Level.ERROR)
                raise ConnectFailed(f"T2 could not connect to {servers}: {err}") from None
            link.status(CONNECT_READY, f"T2 connected ({servers})")
            link.log(f"10001 func_am_user_login as operator {settings['operator_no']}")
            reply = await self._function(LOGIN, login_fields(settings))
            self._login_result(reply, settings)
        except BaseException:
            await self._release()
            raise
        self._heartbeat = asyncio.ensure_future(
            self._keep_alive(float(settings["heartbeat_seconds"]))
        )

    async def logout(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat
            self._heartbeat = None
        if self._transport is not None and self._token:
            try:
                reply = await self._function(
                    LOGOUT, [FieldSpec("user_token", "S", 512, self._token)]
                )
                if (error := reply.error()) is not None:
                    self._log(f"10002 logout answered [{error[0]}] {error[1]}", Level.WARNING)
            except BaseException as exc:
                self._log(f"10002 logout failed: {exc}", Level.WARNING)
        had_transport = self._transport is not None
        await self._release()
        if had_transport and self._link is not None:
            self._link.status(DISCONNECTED, "10002 logout; connection released")

    # -- steps -------------------------------------------------------------------------------

    async def _function(self, function: int, fields: list[FieldSpec]) -> Reply:
        assert self._transport is not None
        try:
            return await self._call(self._transport.call, function, fields, CALL_TIMEOUT_MS)
        except TransportError as err:
            if err.timed_out:
                raise LoginTimeout(f"UFX did not answer function {function}: {err}") from None
            raise ConnectFailed(f"UFX function {function} failed: {err}") from None

    def _login_result(self, reply: Reply, settings: Mapping[str, Any]) -> None:
        assert self._link is not None
        link = self._link
        error = reply.error()
        if error is not None:
            code, message, detail = error
            text = f"[{code}] {message}" + (f" ({detail})" if detail else "")
            link.status(LOGIN_FAIL, text, Level.ERROR, error_code=code)
            raise LoginRejected(f"UFX refused the login: {text}")
        result = reply.row(1)
        token = result.get("user_token", "")
        if not token:
            raise ConnectFailed("UFX answered 10001 without a user_token.")
        link.add_secret(token)  # the token is a credential: masked wherever text goes
        self._token = token
        version = result.get("version_no", "")
        link.set_detail("UFX version", version or "unknown")
        link.set_detail("User token", f"•••• ({len(token)} characters)")
        link.status(LOGIN_READY, f"operator {settings['operator_no']}; {version}")
        for code, market_no in MARKETS:
            link.register(code, f"O32 market_no {market_no}", (f"market_no {market_no}",))

    async def _keep_alive(self, interval: float) -> None:
        """10000 every `interval` seconds; two failures in a row end the session."""
        failures = 0
        while True:
            await self._sleep(interval)
            try:
                reply = await self._function(
                    HEARTBEAT, [FieldSpec("user_token", "S", 512, self._token)]
                )
                error = reply.error()
                problem = f"[{error[0]}] {error[1]}" if error else ""
            except (ConnectFailed, LoginTimeout) as exc:
                problem = exc.reason
            if not problem:
                failures = 0
                assert self._link is not None
                self._link.status("HEART_BEAT", "10000 heartbeat answered")
                continue
            failures += 1
            self._log(
                f"Heartbeat {failures} of {HEARTBEAT_FAILURES_TO_DROP} failed: {problem}",
                Level.WARNING,
            )
            if failures >= HEARTBEAT_FAILURES_TO_DROP:
                assert self._link is not None
                self._link.status(
                    DISCONNECTED, f"{failures} heartbeats failed in a row: {problem}", Level.WARNING
                )
                return

    async def _release(self) -> None:
        transport, self._transport = self._transport, None
        self._token = ""
        self._stop.set()
        if transport is not None:
            with contextlib.suppress(Exception):
                await self._call(transport.close)

    def _log(self, text: str, level: Level) -> None:
        if self._link is not None:
            self._link.log(text, level)


def simulator_transport(scenario: str) -> Callable[[threading.Event], T2Transport]:
    return lambda stop: SimT2Transport(scenario, stop=stop)


def sdk_transport(_stop: threading.Event) -> T2Transport:
    return T2SdkTransport()
