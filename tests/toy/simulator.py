"""The toy vendor, simulated: password `demo`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from gui.core.fronts import tcp_front
from tests.toy.surface import SessionFactory, ToyError


class ToySession:
    def __init__(self, scenario: str, on_drop: Callable[[str], None]) -> None:
        self.scenario = scenario
        self.on_drop = on_drop

    def open(self, host: str, port: int) -> str:
        if self.scenario == "unreachable":
            raise ConnectionRefusedError(111, f"Connection refused: {host}:{port}")
        return f"toy server 1.0 at {host}:{port}"

    def login(self, user: str, password: str) -> str:
        if password != "demo":
            raise ToyError(401, f"wrong password for {user}")
        return f"welcome {user}"

    def close(self) -> None:
        return None


def load(scenario: str, _settings: Mapping[str, Any]) -> SessionFactory:
    return lambda on_drop: ToySession(scenario, on_drop)


front = tcp_front("unreachable")
