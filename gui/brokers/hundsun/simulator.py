"""A UFX / O32 counter behind the same transport interface as the T2 SDK: functions 10000,
10001 and 10002, answering with O32's dataset 0 (ErrorCode, ErrorMsg, MsgDetail, DataCount)."""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from gui.brokers.hundsun import SCENARIOS
from gui.brokers.hundsun.surface import FieldSpec, Reply, TransportError
from gui.core.fronts import tcp_front
from gui.core.registry import AFTER_HOURS
from gui.core.simulation import Simulation

IDLE_EXPIRY_SECONDS = 300.0  # a token expires after five minutes without activity
DEMO_PASSWORD = "demo"
VERSION = "UFX V2019.1.0.0 (simulator)"
_MAC = re.compile(r"^[0-9A-Fa-f]{12}$")


def _answer(
    code: str = "0", message: str = "", detail: str = "", rows: Sequence[dict[str, str]] = ()
) -> Reply:
    head = {
        "ErrorCode": code,
        "ErrorMsg": message,
        "MsgDetail": detail,
        "DataCount": str(len(rows)),
    }
    return Reply([[head], [dict(row) for row in rows]])


class SimT2Transport(Simulation):
    def __init__(
        self,
        scenario: str = "normal",
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__("Hundsun", scenario, SCENARIOS)
        self.clock = clock
        self.on_close: Callable[[str], None] | None = None
        self.tokens: dict[str, float] = {}  # token -> last activity
        self.calls: list[int] = []
        self.connected = False

    def connect(self, servers: str, license_file: str, timeout_ms: int) -> None:
        if self.scenario in ("unreachable", AFTER_HOURS):
            raise TransportError(
                f"Connect to {servers} failed (-1): 连接服务器失败, connection refused"
            )
        if self.scenario == "bad_license":
            raise TransportError(
                "Connect failed (-19): 许可证文件无效 (license.dat invalid or expired)"
            )
        self.connected = True

    def call(self, function: int, fields: Sequence[FieldSpec], timeout_ms: int) -> Reply:
        if not self.connected:
            raise TransportError("not connected")
        self.calls.append(function)
        if self.scenario == "no_reply":
            self.wait_unless_stopped(timeout_ms / 1000)
            raise TransportError(
                f"no answer to function {function} within {timeout_ms} ms", timed_out=True
            )
        values = {spec.name: str(spec.value) for spec in fields}
        if function == 10001:
            return self._login(values)
        token = values.get("user_token", "")
        if not self._alive(token):
            return _answer("1150", "令牌已失效", "user_token 不存在或已超时, 请重新登录")
        if function == 10000:
            self.tokens[token] = self.clock()
            return _answer()
        if function == 10002:
            del self.tokens[token]
            return _answer()
        return _answer("1001", "功能号不存在", f"function {function}")

    def _alive(self, token: str) -> bool:
        last = self.tokens.get(token)
        if last is None:
            return False
        if self.clock() - last > IDLE_EXPIRY_SECONDS:
            del self.tokens[token]
            return False
        return True

    def _login(self, values: dict[str, str]) -> Reply:
        for name in (
            "operator_no",
            "password",
            "mac_address",
            "ip_address",
            "op_station",
            "authorization_id",
        ):
            if not values.get(name):
                return _answer("1002", "必填参数为空", f"{name} 不能为空")
        if not _MAC.match(values["mac_address"]):
            return _answer(
                "1023", "站点控制校验失败", f"mac_address [{values['mac_address']}] 格式不正确"
            )
        if self.scenario == "station_control":
            return _answer(
                "1023", "站点控制校验失败", f"站点 [{values['op_station']}] 未登记, 请联系券商"
            )
        if values["password"] != DEMO_PASSWORD:
            return _answer("1017", "操作员密码错误", f"操作员[{values['operator_no']}]密码错误")
        token = secrets.token_hex(64)
        self.tokens[token] = self.clock()
        if self.drops_after_login:
            self.drop_later(self._lose_connection)
        return _answer(rows=[{"version_no": VERSION, "user_token": token}])

    def _lose_connection(self) -> None:
        """The server goes away: T2 closes the connection and tells the watcher."""
        if not self.connected:
            return
        self.connected = False
        self.tokens.clear()
        if self.on_close is not None:
            self.on_close("T2 连接断开 (connection closed by the server)")

    def watch(self, on_close: Callable[[str], None]) -> None:
        self.on_close = on_close

    def close(self) -> None:
        self.connected = False
        self.stop_simulating()


def load(scenario: str, _settings: Mapping[str, Any]) -> SimT2Transport:
    return SimT2Transport(scenario)


# Where a diagnosis reaches this simulator: nothing listens when it is unreachable.
front = tcp_front("unreachable", AFTER_HOURS)
