"""vnpy driver: connect(setting) / close() on a gateway, with state read from its events.

vnpy has no connection-state API (DESIGN.md): the gateway's log lines and first data events are
all there is. They are interpreted here, and only here, into the common status vocabulary.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from gui.brokers.vnpy.gateways import INSTALL_HINT, load_gateway_class
from gui.core.driver import Driver, DriverLink, settle
from gui.core.errors import ConnectFailed, LoginRejected, LoginTimeout, SdkUnavailable
from gui.core.events import EventKind, Level
from gui.core.status import CONNECT_FAIL, CONNECT_READY, DISCONNECTED, LOGIN_FAIL, LOGIN_READY

LOGIN_TIMEOUT_SECONDS = 30.0
CONTRACT_PROGRESS_EVERY = 100

FAILED = re.compile(
    r"登录失败|登陆失败|连接失败|授权验证失败|认证失败|拒绝|login.{0,20}fail|auth\w*.{0,20}fail"
    r"|connect\w*.{0,20}fail|rejected",
    re.IGNORECASE,
)
DISCONNECTED_TEXT = re.compile(r"连接断开|断开连接|disconnected", re.IGNORECASE)
LOGGED_IN = re.compile(r"登录成功|登陆成功|login succe|logged in", re.IGNORECASE)
CONNECTED = re.compile(r"连接成功|connected|connection succe", re.IGNORECASE)
CONTRACTS_DONE = re.compile(
    r"合约信息查询成功|contracts?\b.{0,30}(succe|finish|done)", re.IGNORECASE
)

T = TypeVar("T")


@dataclass(frozen=True)
class VnpyRuntime:
    """The event engine (one per process) and the event types the driver listens to."""

    engine: Any
    event_log: str
    event_account: str
    event_contract: str


_engines: dict[str, Any] = {}
_engines_lock = threading.Lock()


def _shared(key: str, make: Callable[[], Any]) -> Any:
    """One started engine per process: vnpy's EventEngine cannot be restarted after stop().

    Its threads are not daemons, and Python joins those before running atexit handlers, so the
    engine is stopped from threading's own exit hook (the one concurrent.futures uses)."""
    with _engines_lock:
        if key not in _engines:
            engine = make()
            engine.start()
            threading._register_atexit(engine.stop)  # type: ignore[attr-defined]
            _engines[key] = engine
        return _engines[key]


def vnpy_runtime() -> VnpyRuntime:
    """vnpy's own EventEngine, imported when first needed (blocking: call it in a worker)."""
    try:
        from vnpy.event import EventEngine
        from vnpy.trader.event import EVENT_ACCOUNT, EVENT_CONTRACT, EVENT_LOG
    except ImportError:
        raise SdkUnavailable(INSTALL_HINT) from None
    return VnpyRuntime(_shared("vnpy", EventEngine), EVENT_LOG, EVENT_ACCOUNT, EVENT_CONTRACT)


def simulator_runtime() -> VnpyRuntime:
    from gui.brokers.vnpy import simulator

    return VnpyRuntime(
        _shared("simulator", simulator.SimEventEngine),
        simulator.EVENT_LOG,
        simulator.EVENT_ACCOUNT,
        simulator.EVENT_CONTRACT,
    )


def _level(value: Any) -> Level:
    level = value if isinstance(value, int) else logging.INFO
    if level >= logging.ERROR:
        return Level.ERROR
    return Level.WARNING if level >= logging.WARNING else Level.INFO


class VnpyDriver(Driver):
    def __init__(
        self,
        executor: Executor,
        runtime: Callable[[], VnpyRuntime],
        gateway_class: Callable[[Mapping[str, Any]], type],
        *,
        login_timeout: float = LOGIN_TIMEOUT_SECONDS,
    ) -> None:
        self._executor = executor
        self._runtime_loader = runtime
        self._gateway_class = gateway_class
        self._login_timeout = login_timeout
        self._runtime: VnpyRuntime | None = None
        self._gateway: Any = None
        self._name = ""
        self._link: DriverLink | None = None
        self._login: asyncio.Future[None] | None = None
        self._logged_in = False
        self._contracts = 0
        self._last_log = ""
        self._handlers: tuple[tuple[str, Callable[[Any], None]], ...] = ()

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, partial(fn, *args))

    async def connect(self, settings: Mapping[str, Any], link: DriverLink) -> None:
        self._link = link
        self._login = asyncio.get_running_loop().create_future()
        runtime = await self._call(self._runtime_loader)
        cls = await self._call(self._gateway_class, settings)
        self._runtime = runtime
        self._name = str(getattr(cls, "default_name", "") or cls.__name__)
        setting = {
            key: settings.get(key, value)
            for key, value in dict(getattr(cls, "default_setting", {})).items()
        }
        self._handlers = (
            (runtime.event_log, self._on_log),
            (runtime.event_contract, self._on_contract),
            (runtime.event_account, self._on_account),
        )
        for event_type, handler in self._handlers:
            runtime.engine.register(event_type, handler)
        link.set_detail("Gateway", f"{cls.__module__}:{cls.__name__} ({self._name})")
        try:
            self._gateway = cls(runtime.engine, self._name)
            link.log(f"{self._name}.connect() with {', '.join(setting)}")
            try:
                await self._call(self._gateway.connect, setting)
            except Exception as exc:
                raise ConnectFailed(link.redact(f"{self._name}.connect() failed: {exc}")) from None
            try:
                await asyncio.wait_for(self._login, self._login_timeout)
            except TimeoutError:
                raise LoginTimeout(
                    f"{self._name} confirmed no login within {self._login_timeout:g} s (last log: "
                    f"{self._last_log or 'none'})."
                ) from None
        except BaseException:
            await self._release()
            raise

    async def logout(self) -> None:
        had_gateway = self._gateway is not None
        await self._release()
        if had_gateway and self._link is not None:
            self._link.status(DISCONNECTED, f"{self._name}.close()")

    async def _release(self) -> None:
        runtime, self._runtime = self._runtime, None
        if runtime is not None:  # no handler outlives the login
            for event_type, handler in self._handlers:
                runtime.engine.unregister(event_type, handler)
        gateway, self._gateway = self._gateway, None
        if gateway is not None:
            try:
                await self._call(gateway.close)
            except Exception as exc:
                if self._link is not None:
                    self._link.log(f"{self._name}.close() failed: {exc}", Level.WARNING)

    # -- the engine's thread: never raise ----------------------------------------------------

    def _mine(self, data: Any) -> bool:
        return getattr(data, "gateway_name", self._name) == self._name

    def _on_log(self, event: Any) -> None:
        try:
            data = event.data
            if not self._mine(data):
                return
            text, level = str(getattr(data, "msg", data)), _level(getattr(data, "level", None))
            self._last_log = text
            self._interpret(text, level)
        except Exception as exc:
            self._handler_failed("log", exc)

    def _interpret(self, text: str, level: Level) -> None:
        link = self._link
        assert link is not None
        if not self._logged_in and DISCONNECTED_TEXT.search(text):
            link.status(CONNECT_FAIL, text, Level.ERROR)
            self._finish(ConnectFailed(f"{self._name}: {text}"))
        elif not self._logged_in and (FAILED.search(text) or level is Level.ERROR):
            link.status(LOGIN_FAIL, text, Level.ERROR)
            self._finish(LoginRejected(f"{self._name}: {text}"))
        elif self._logged_in and DISCONNECTED_TEXT.search(text):
            link.status(DISCONNECTED, text, Level.WARNING)
        elif LOGGED_IN.search(text):
            self._login_ready(text)
        elif CONNECTED.search(text):
            link.status(CONNECT_READY, text)
        elif CONTRACTS_DONE.search(text):
            link.emit(EventKind.RECOVER, "RS_DONE", text, topic="contracts", count=self._contracts)
        else:
            link.log(text, level)

    def _on_contract(self, event: Any) -> None:
        try:
            if not self._mine(event.data):
                return
            self._contracts += 1
            assert self._link is not None
            if self._contracts == 1:
                self._link.emit(EventKind.RECOVER, "RS_BEGIN", topic="contracts", count=0)
            elif self._contracts % CONTRACT_PROGRESS_EVERY == 0:
                self._link.emit(
                    EventKind.RECOVER, "RS_PROGRESS", topic="contracts", count=self._contracts
                )
            self._login_ready("first contract data arrived")
        except Exception as exc:
            self._handler_failed("contract", exc)

    def _on_account(self, event: Any) -> None:
        try:
            data = event.data
            if not self._mine(data):
                return
            assert self._link is not None
            account = f"{getattr(data, 'accountid', '?')} balance {getattr(data, 'balance', '?')}"
            self._link.set_detail("Account", account)
            self._login_ready("first account data arrived")
        except Exception as exc:
            self._handler_failed("account", exc)

    def _login_ready(self, text: str) -> None:
        if self._logged_in:
            return
        self._logged_in = True
        assert self._link is not None
        self._link.status(LOGIN_READY, text)
        for exchange in getattr(self._gateway, "exchanges", ()) or ():
            code = str(getattr(exchange, "value", exchange))
            self._link.register(code, code)
        self._finish(None)

    def _finish(self, error: BaseException | None) -> None:
        login, link = self._login, self._link
        if login is not None and link is not None:
            link.post(lambda: settle(login, error))

    def _handler_failed(self, kind: str, exc: Exception) -> None:
        if self._link is not None:
            self._link.log(f"{kind} event handler failed: {type(exc).__name__}: {exc}", Level.ERROR)


def gateway_from_settings(settings: Mapping[str, Any]) -> type:
    return load_gateway_class(str(settings.get("gateway") or ""))
