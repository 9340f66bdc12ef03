"""vnpy driver: connect(setting) / close() on a gateway, with state read from its events.

vnpy has no connection-state API (docs/ARCHITECTURE.md, Brokers: vnpy): the gateway's log
lines and first data events are all there is. They are interpreted here, and only here, into
typed outcomes.

Each login has an EventEngine of its own, stopped at logout *before* the gateway is closed:
gateways such as vnpy_ctp query the account from the engine's timer, and a timer firing into a
closed native API is a segfault.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Mapping
from typing import Any

from gui.brokers.vnpy.surface import EventEngineApi, GatewayApi, VnpyApi
from gui.core.blocking import BlockingDriver, SurfaceLoader, vendor_callback
from gui.core.errors import ConnectFailed, LoginRejected
from gui.core.events import EventKind, Level
from gui.core.native_codes import NATIVE_CODE, canonical
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
# vnpy_ctp writes CTP's numbers into its log text: a disconnect reason ("…连接断开，原因：4097",
# OnFrontDisconnected) and an ErrorID ("…，代码：3，信息：CTP:不合法的登录", its write_error).
NATIVE_CODE_TEXT = re.compile(
    r"(?:原因|代码|reason|code)\s*[：:=]\s*(-?(?:0x[0-9a-f]+|\d+))", re.IGNORECASE
)
CONTRACTS_DONE = re.compile(
    r"合约信息查询成功|contracts?\b.{0,30}(succe|finish|done)", re.IGNORECASE
)


def _level(value: Any) -> Level:
    level = value if isinstance(value, int) else logging.INFO
    if level >= logging.ERROR:
        return Level.ERROR
    return Level.WARNING if level >= logging.WARNING else Level.INFO


class VnpyDriver(BlockingDriver[VnpyApi]):
    broker = "vnpy"
    awaits_login = True  # gateways log in on their own threads

    def __init__(
        self, load_surface: SurfaceLoader[VnpyApi], *, login_timeout: float = LOGIN_TIMEOUT_SECONDS
    ) -> None:
        super().__init__(load_surface)
        self._login_timeout = login_timeout
        self._engine: EventEngineApi | None = None
        self._gateway: GatewayApi | None = None
        self._name = ""
        self._contracts = 0
        self._last_log = ""
        self._handlers: tuple[tuple[str, Callable[[Any], None]], ...] = ()
        self._login_lock = threading.Lock()  # the log and data handlers race to it

    def login_timeout(self, settings: Mapping[str, Any]) -> float:
        return self._login_timeout

    def timeout_reason(self, settings: Mapping[str, Any], seconds: float) -> str:
        return (
            f"{self._name} confirmed no login within {seconds:g} s (last log: "
            f"{self._last_log or 'none'})."
        )

    # -- vendor calls (the vendor thread) ----------------------------------------------------

    def open(self, settings: Mapping[str, Any]) -> None:
        api: VnpyApi = self.surface
        link = self.link
        self._name = api.gateway_name
        self.exchanges = tuple((code, code, ()) for code in api.exchanges)
        setting = {key: settings.get(key, value) for key, value in api.default_setting.items()}
        engine = api.new_engine()
        self._handlers = (
            (api.event_log, self._on_log),
            (api.event_contract, self._on_contract),
            (api.event_account, self._on_account),
        )
        for event_type, handler in self._handlers:
            engine.register(event_type, handler)
        engine.start()
        self._engine = engine
        link.set_detail("Gateway", f"{api.origin} ({self._name})")
        self._gateway = api.make_gateway(engine, self._name)
        link.log(f"{self._name}.connect() with {', '.join(setting)}")
        link.flush()
        try:
            self._gateway.connect(setting)
        except Exception as exc:
            raise ConnectFailed(link.redact(f"{self._name}.connect() failed: {exc}")) from None

    def close(self) -> None:
        engine, self._engine = self._engine, None
        if engine is not None:  # first: no timer or handler may reach a closed gateway
            for event_type, handler in self._handlers:
                engine.unregister(event_type, handler)
            engine.stop()
        gateway, self._gateway = self._gateway, None
        if gateway is None:
            return
        try:
            gateway.close()
        except Exception as exc:
            self.link.log(f"{self._name}.close() failed: {exc}", Level.WARNING)
        if self.logged_in_now:
            self.link.status(DISCONNECTED, f"{self._name}.close()")

    # -- the engine's thread -----------------------------------------------------------------

    def _mine(self, data: Any) -> bool:
        return getattr(data, "gateway_name", self._name) == self._name

    @vendor_callback("EVENT_LOG")
    def _on_log(self, event: Any) -> None:
        data = event.data
        if not self._mine(data):
            return
        text, level = str(getattr(data, "msg", data)), _level(getattr(data, "level", None))
        self._last_log = text
        self._interpret(text, level)

    def _interpret(self, text: str, level: Level) -> None:
        link = self.link
        logged_in = self.logged_in_now
        found = NATIVE_CODE_TEXT.search(text)
        code = canonical(found.group(1)) if found else None
        raw = {NATIVE_CODE: code} if code else {}
        if not logged_in and DISCONNECTED_TEXT.search(text):
            link.status(CONNECT_FAIL, text, Level.ERROR, **raw)
            self.failed(ConnectFailed(f"{self._name}: {text}", native_code=code))
        elif not logged_in and (FAILED.search(text) or level is Level.ERROR):
            link.status(LOGIN_FAIL, text, Level.ERROR, **raw)
            self.failed(LoginRejected(f"{self._name}: {text}", native_code=code))
        elif logged_in and DISCONNECTED_TEXT.search(text):
            link.status(DISCONNECTED, text, Level.WARNING, **raw)
            self.lost(text)
        elif LOGGED_IN.search(text):
            self._login_ready(text)
        elif CONNECTED.search(text):
            link.status(CONNECT_READY, text)
            self.connected(text)
        elif CONTRACTS_DONE.search(text):
            link.emit(EventKind.RECOVER, "RS_DONE", text, topic="contracts", count=self._contracts)
        else:
            link.log(text, level, **raw)

    @vendor_callback("EVENT_CONTRACT")
    def _on_contract(self, event: Any) -> None:
        if not self._mine(event.data):
            return
        self._contracts += 1
        if self._contracts == 1:
            self.link.emit(EventKind.RECOVER, "RS_BEGIN", topic="contracts", count=0)
        elif self._contracts % CONTRACT_PROGRESS_EVERY == 0:
            self.link.emit(
                EventKind.RECOVER, "RS_PROGRESS", topic="contracts", count=self._contracts
            )
        self._login_ready("first contract data arrived")

    @vendor_callback("EVENT_ACCOUNT")
    def _on_account(self, event: Any) -> None:
        data = event.data
        if not self._mine(data):
            return
        account = f"{getattr(data, 'accountid', '?')} balance {getattr(data, 'balance', '?')}"
        self.link.set_detail("Account", account)
        self._login_ready("first account data arrived")

    def _login_ready(self, text: str) -> None:
        with self._login_lock:
            if self.logged_in_now:
                return
            self.link.status(LOGIN_READY, text)
            self.logged_in()
