"""A CTP-like vnpy gateway and an event engine with vnpy's surface, needing no vnpy installed.

The gateway logs like vnpy_ctp does (交易服务器连接成功 … 登录成功 … 合约信息查询成功) and pushes
contracts and an account through the engine, from threads of its own. Password `demo`.
"""

from __future__ import annotations

import contextlib
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from queue import Empty, Queue
from typing import Any, ClassVar

from gui.brokers.vnpy import SCENARIOS, SIMULATED_SETTING
from gui.brokers.vnpy.surface import EventEngineApi, VnpyApi
from gui.core.fronts import listening, refusing
from gui.core.registry import AFTER_HOURS
from gui.core.simulation import Simulation

EVENT_LOG = "eLog"
EVENT_ACCOUNT = "eAccount."
EVENT_CONTRACT = "eContract."
INFO, ERROR = 20, 40  # logging levels, as vnpy's LogData uses them

CONTRACTS = 120


class Event:
    def __init__(self, type: str, data: Any = None) -> None:
        self.type = type
        self.data = data


class SimEventEngine:
    """vnpy.event.EventEngine's surface: start, stop, put, register, unregister."""

    def __init__(self) -> None:
        self._queue: Queue[Event] = Queue()
        self._handlers: dict[str, list[Callable[[Event], None]]] = defaultdict(list)
        self._active = False
        self._thread = threading.Thread(target=self._run, name="vnpy-sim-engine", daemon=True)

    def start(self) -> None:
        self._active = True
        self._thread.start()

    def stop(self) -> None:
        self._active = False
        if self._thread.is_alive():
            self._thread.join(timeout=2)

    def put(self, event: Event) -> None:
        self._queue.put(event)

    def register(self, type: str, handler: Callable[[Event], None]) -> None:
        if handler not in self._handlers[type]:
            self._handlers[type].append(handler)

    def unregister(self, type: str, handler: Callable[[Event], None]) -> None:
        if handler in self._handlers[type]:
            self._handlers[type].remove(handler)

    def _run(self) -> None:
        while self._active:
            try:
                event = self._queue.get(timeout=0.2)
            except Empty:
                continue
            for handler in list(self._handlers[event.type]):
                handler(event)


@dataclass
class LogData:
    msg: str
    gateway_name: str
    level: int = INFO


@dataclass
class ContractData:
    symbol: str
    exchange: str
    name: str
    gateway_name: str


@dataclass
class AccountData:
    accountid: str
    balance: float
    gateway_name: str
    frozen: float = 0.0


class SimCtpGateway(Simulation):
    """A vnpy BaseGateway lookalike with vnpy_ctp's default_setting."""

    default_name = "SIMCTP"
    default_setting: ClassVar[dict[str, Any]] = SIMULATED_SETTING
    exchanges: ClassVar[list[str]] = ["CFFEX", "SHFE", "CZCE", "DCE", "INE", "GFEX"]

    def __init__(
        self, event_engine: EventEngineApi, gateway_name: str, scenario: str = "normal"
    ) -> None:
        super().__init__("vnpy", scenario, SCENARIOS)
        self.event_engine = event_engine
        self.gateway_name = gateway_name
        self._thread: threading.Thread | None = None

    def write_log(self, msg: str, level: int = INFO) -> None:
        self.event_engine.put(Event(EVENT_LOG, LogData(msg, self.gateway_name, level)))

    def connect(self, setting: dict[str, Any]) -> None:
        self._thread = threading.Thread(
            target=self._play, args=(dict(setting),), daemon=True, name="vnpy-sim-gateway"
        )
        self._thread.start()

    def close(self) -> None:
        self.stop_simulating()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def _play(self, setting: dict[str, Any]) -> None:
        if self.wait_unless_stopped(0.05) or self.scenario == "silent":
            return
        if self.scenario in ("disconnect_4097", AFTER_HOURS):  # a closed CTP front
            self.write_log("交易服务器连接断开，原因：4097", ERROR)
            return
        self.write_log("交易服务器连接成功")
        if self.scenario == "auth_failed_63":
            self.write_log("交易服务器授权验证失败，代码：63，信息：CTP:客户端认证失败", ERROR)
            return
        self.write_log("交易服务器授权验证成功")
        if setting.get("密码") != "demo":
            self.write_log("交易服务器登录失败，代码：3，信息：CTP:不合法的登录", ERROR)
            return
        self.write_log("交易服务器登录成功")
        self.write_log("结算信息确认成功")
        for index in range(CONTRACTS):
            if self.stopped:
                return
            contract = ContractData(
                f"IF{2601 + index}", "CFFEX", f"沪深300股指{index}", self.gateway_name
            )
            self.event_engine.put(Event(EVENT_CONTRACT, contract))
        self.write_log("合约信息查询成功")
        account = AccountData(
            str(setting.get("用户名") or "000001"), 1_000_000.0, self.gateway_name
        )
        self.event_engine.put(Event(EVENT_ACCOUNT, account))
        if self.drops_after_login:  # the disconnect reason CTP gives for a broken network read
            self.drop_later(lambda: self.write_log("交易服务器连接断开，原因：4097", ERROR))


def load(scenario: str, _settings: Mapping[str, Any]) -> VnpyApi:
    return VnpyApi(
        new_engine=SimEventEngine,
        event_log=EVENT_LOG,
        event_account=EVENT_ACCOUNT,
        event_contract=EVENT_CONTRACT,
        make_gateway=lambda engine, name: SimCtpGateway(engine, name, scenario),
        gateway_name=SimCtpGateway.default_name,
        default_setting=SimCtpGateway.default_setting,
        exchanges=tuple(SimCtpGateway.exchanges),
        origin=f"{__name__}:SimCtpGateway ({scenario})",
    )


@contextlib.contextmanager
def front(scenario: str, _settings: Mapping[str, Any]) -> Iterator[list[str]]:
    """Where a diagnosis reaches the simulated CTP fronts (trading, then market data): the
    trading front refuses when it is unreachable."""
    closed = scenario in ("disconnect_4097", AFTER_HOURS)
    trading = refusing() if closed else listening()
    with trading as trading_address, listening() as market_address:
        yield [trading_address, market_address]
