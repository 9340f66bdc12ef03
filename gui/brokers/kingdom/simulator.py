"""Kingdom's plugin and KCBP client, simulated behind the same interfaces as the ctypes bindings.

Demo values: operator password `demo`; KCBP user KCXP00 with password 888888 and the seed's
queues req_market / ans_market.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from gui.brokers.kingdom import SCENARIOS
from gui.brokers.kingdom.surface import ENCODING, ConnectOption, InitInfo, KcbpConfig, KingdomApis
from gui.core.fronts import tcp_front
from gui.core.registry import AFTER_HOURS
from gui.core.simulation import Simulation

DEMO_OPERATOR_PASSWORD = "demo"
DEMO_KCBP = (b"KCXP00", b"888888")
SERVER_QUEUES = (b"req_market", b"ans_market")
SLOW_INIT_SECONDS = 8.0


class SimPlugin(Simulation):
    def __init__(self, scenario: str) -> None:
        super().__init__("Kingdom", scenario, SCENARIOS)
        self.errors = ["", "", "", ""]
        self.open = False

    def init(
        self,
        info: InitInfo,
        config: KcbpConfig,
        threads: int,
        log_name: bytes,
        algo_name: bytes,
        log_open: bool,
    ) -> int:
        self.errors = ["", "", "", ""]
        if self.scenario == "slow_init":
            self.wait_unless_stopped(SLOW_INIT_SECONDS)
        if self.scenario == "plugin_rejects":
            self.errors[0] = "操作员状态异常，禁止登录"
            return -3
        if info.szPassword.decode(ENCODING) != DEMO_OPERATOR_PASSWORD:
            self.errors[0] = "操作员密码错误"
            self.errors[1] = "交易通道未建立"
            return -2
        self.open = True
        if self.drops_after_login:
            self.drop_later(self._lose_connection)
        return 0

    def _lose_connection(self) -> None:
        """The trading channel goes down: the plugin reports itself not connected."""
        self.open = False
        self.errors[1] = "交易通道断开"

    def close(self) -> None:
        self.open = False
        self.stop_simulating()

    def last_error(self, kind: int) -> str:
        return self.errors[kind] if 0 <= kind < len(self.errors) else ""

    def connected(self) -> bool:
        return self.open


class SimKcbp:
    def __init__(self, scenario: str) -> None:
        self.scenario = scenario
        self.option: ConnectOption | None = None
        self.code, self.message = 0, ""

    def _fail(self, code: int, message: str) -> int:
        self.code, self.message = code, message
        return code

    def init(self) -> int:
        return 0

    def set_options(self, option: ConnectOption) -> int:
        self.option = option
        return 0

    def set_timeout(self, seconds: int) -> int:
        return 0

    def connect(self, server: bytes, user: bytes, password: bytes) -> int:
        assert self.option is not None
        address = f"{self.option.szAddress.decode()}:{self.option.nPort}"
        if self.scenario in ("kcbp_unreachable", AFTER_HOURS):
            return self._fail(-1, f"连接KCBP服务器失败 {address} (timeout)")
        queues = (self.option.szSendQName, self.option.szReceiveQName)
        expected = (
            (b"req_trade", b"ans_trade") if self.scenario == "wrong_queues" else SERVER_QUEUES
        )
        if queues != expected:
            names = "/".join(q.decode(ENCODING) for q in queues)
            return self._fail(2054, f"队列不存在: {names}")
        if (user, password) != DEMO_KCBP:
            return self._fail(2003, "KCBP用户名或密码错误")
        self.code, self.message = 0, ""
        return 0

    def error(self) -> tuple[int, str]:
        return self.code, self.message

    def disconnect(self) -> int:
        return 0

    def exit(self) -> int:
        return 0


def load(scenario: str, settings: Mapping[str, Any]) -> KingdomApis:
    """The simulated plugin and KCBP client."""
    return KingdomApis(SimPlugin(scenario), partial(SimKcbp, scenario), "built-in simulator")


# Where a diagnosis reaches this simulator: nothing listens when it is kcbp unreachable.
front = tcp_front("kcbp_unreachable", AFTER_HOURS)
