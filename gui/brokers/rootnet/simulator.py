"""A Rootnet CTS server behind the `CTSlib` surface: `CtsServer.connect`, `optLogin`,
`disConnect` and the overridable `onSocketError` callback. Operator password `demo`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from gui.brokers.rootnet import SCENARIOS
from gui.brokers.rootnet.surface import ServerFactory
from gui.core.fronts import tcp_front
from gui.core.registry import AFTER_HOURS
from gui.core.simulation import Simulation

DEMO_PASSWORD = "demo"
SOCKET_DROP_SECONDS = 2.0


class CtsApiError(Exception):
    """The API exception CTSlib raises: errorCode and errorMsg."""

    def __init__(self, errorCode: int, errorMsg: str) -> None:
        super().__init__(f"[{errorCode}] {errorMsg}")
        self.errorCode = errorCode
        self.errorMsg = errorMsg


@dataclass
class ConnectInfo:
    sysDate: str
    sysVersion: str
    customer: str
    serverName: str
    expireDate: str


class CtsServer(Simulation):
    """`CTSlib.CtsServer`, simulated, playing one scenario."""

    def __init__(
        self, scenario: str = "normal", on_socket_error: Callable[[int], None] | None = None
    ) -> None:
        super().__init__("Rootnet", scenario, SCENARIOS)
        self._on_socket_error = on_socket_error
        self._connected = False

    def connect(self, host: str, port: int) -> ConnectInfo:
        if self.scenario in ("unreachable", AFTER_HOURS):
            raise ConnectionRefusedError(111, f"Connection refused: {host}:{port}")
        self._connected = True
        days = 5 if self.scenario == "licence_expiring" else 300
        return ConnectInfo(
            sysDate=date.today().strftime("%Y%m%d"),
            sysVersion="CTS 5.2.1 (simulator)",
            customer="Demo Securities",
            serverName=f"cts-sim@{host}:{port}",
            expireDate=(date.today() + timedelta(days=days)).strftime("%Y%m%d"),
        )

    def optLogin(self, optId: str, optPw: str) -> dict[str, str]:
        if not self._connected:
            raise CtsApiError(-1, "未连接服务器")
        if optPw != DEMO_PASSWORD:
            raise CtsApiError(1003, f"柜员[{optId}]密码错误")
        if self.drops_after_login:
            self.drop_later(self._drop)
        elif self.scenario == "socket_drop":
            self.drop_later(self._drop, SOCKET_DROP_SECONDS)
        return {"optId": optId, "optName": "演示柜员"}

    def disConnect(self) -> None:
        self._connected = False
        self.stop_simulating()

    def onSocketError(self, status: int) -> None:
        """CTSlib calls this from its socket thread when the connection breaks."""
        if self._on_socket_error is not None:
            self._on_socket_error(status)

    def _drop(self) -> None:
        self._connected = False
        self.onSocketError(-104)


def load(scenario: str, _settings: Mapping[str, Any]) -> ServerFactory:
    return lambda on_socket_error: CtsServer(scenario, on_socket_error)


# Where a diagnosis reaches this simulator: nothing listens when it is unreachable.
front = tcp_front("unreachable", AFTER_HOURS)
