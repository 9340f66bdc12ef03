"""Hundsun UFX / O32 driver: function 10001 to log in, 10000 to keep the token alive, 10002 to
log out, over a T2 transport. Every call runs on the login's one vendor thread, so a logout
never overlaps an in-flight heartbeat on the same connection."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from gui.brokers.hundsun.surface import (
    HEARTBEAT,
    LOGIN,
    LOGIN_FIELDS,
    LOGOUT,
    MARKETS,
    TOKEN_FIELD,
    FieldSpec,
    Reply,
    T2Transport,
    TransportError,
)
from gui.core.blocking import BlockingDriver, SurfaceLoader
from gui.core.errors import ConnectFailed, LoginRejected, LoginTimeout
from gui.core.events import Level
from gui.core.status import CONNECT_FAIL, CONNECT_READY, DISCONNECTED, LOGIN_FAIL, LOGIN_READY

CONNECT_TIMEOUT_MS = 5000
CALL_TIMEOUT_MS = 10000
HEARTBEAT_FAILURES_TO_DROP = 2

Sleep = Callable[[float], Awaitable[None]]


def _field_value(value: Any) -> str | int:
    """A validated setting as the packer takes it (absent: an empty string)."""
    if value is None:
        return ""
    return value if isinstance(value, int) else str(value)


def login_fields(settings: Mapping[str, Any]) -> list[FieldSpec]:
    return [
        FieldSpec(key, kind, width, _field_value(settings.get(key)))
        for key, kind, width in LOGIN_FIELDS
    ]


def token_field(token: str) -> list[FieldSpec]:
    name, kind, width = TOKEN_FIELD
    return [FieldSpec(name, kind, width, token)]


class HundsunDriver(BlockingDriver[T2Transport]):
    broker = "hundsun"
    exchanges = tuple(
        (code, f"O32 market_no {market_no}", (f"market_no {market_no}",))
        for code, market_no in MARKETS
    )

    def __init__(
        self, load_surface: SurfaceLoader[T2Transport], *, sleep: Sleep = asyncio.sleep
    ) -> None:
        super().__init__(load_surface)
        self._sleep = sleep
        self._transport: T2Transport | None = None
        self._token = ""

    # -- vendor calls (the vendor thread) ----------------------------------------------------

    def open(self, settings: Mapping[str, Any]) -> None:
        link = self.link
        transport: T2Transport = self.surface
        servers = str(settings["servers"])
        self._transport = transport
        link.flush()
        try:
            transport.connect(servers, settings.get("license_file") or "", CONNECT_TIMEOUT_MS)
        except TransportError as err:
            link.status(CONNECT_FAIL, str(err), Level.ERROR)
            raise ConnectFailed(f"T2 could not connect to {servers}: {err}") from None
        transport.watch(self.lost)
        link.status(CONNECT_READY, f"T2 connected ({servers})")
        self.connected(f"T2 connected ({servers})")
        link.log(f"10001 func_am_user_login as operator {settings['operator_no']}")
        link.flush()
        reply = self._function(LOGIN, login_fields(settings))
        self._login_result(reply, settings)

    def close(self) -> None:
        transport, self._transport = self._transport, None
        if transport is None:
            return
        if self._token:
            try:
                reply = self._function(LOGOUT, token_field(self._token), transport)
                if (error := reply.error()) is not None:
                    self.link.log(f"10002 logout answered [{error[0]}] {error[1]}", Level.WARNING)
            except (ConnectFailed, LoginTimeout) as exc:
                self.link.log(f"10002 logout failed: {exc.reason}", Level.WARNING)
            self._token = ""
        transport.close()
        self.link.status(DISCONNECTED, "10002 logout; connection released")

    async def after_login(self, settings: Mapping[str, Any]) -> None:
        """10000 every heartbeat_seconds; two failures in a row end the session."""
        interval = float(settings["heartbeat_seconds"])
        self.background(
            self.watch_connection(
                self._heartbeat,
                every=interval,
                retry_after=interval,
                failures_to_drop=HEARTBEAT_FAILURES_TO_DROP,
                what="Heartbeat",
                lost="{failures} heartbeats failed in a row: {problem}",
                answered=lambda: self.link.status("HEART_BEAT", "10000 heartbeat answered"),
                sleep=self._sleep,
            )
        )

    # -- steps -------------------------------------------------------------------------------

    def _function(
        self, function: int, fields: list[FieldSpec], transport: T2Transport | None = None
    ) -> Reply:
        transport = transport or self._transport
        assert transport is not None
        try:
            return transport.call(function, fields, CALL_TIMEOUT_MS)
        except TransportError as err:
            if err.timed_out:
                raise LoginTimeout(f"UFX did not answer function {function}: {err}") from None
            raise ConnectFailed(f"UFX function {function} failed: {err}") from None

    def _login_result(self, reply: Reply, settings: Mapping[str, Any]) -> None:
        link = self.link
        error = reply.error()
        if error is not None:
            code, message, detail = error
            text = f"[{code}] {message}" + (f" ({detail})" if detail else "")
            link.status(LOGIN_FAIL, text, Level.ERROR, native_code=code)
            raise LoginRejected(f"UFX answered 10001 with {text}", native_code=code)
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

    def _heartbeat(self) -> str:
        """One 10000 on the vendor thread; '' when answered, else what went wrong."""
        if self._transport is None or not self._token:
            return "the connection is gone"
        try:
            reply = self._function(HEARTBEAT, token_field(self._token))
        except (ConnectFailed, LoginTimeout) as exc:
            return exc.reason
        error = reply.error()
        return f"[{error[0]}] {error[1]}" if error else ""
