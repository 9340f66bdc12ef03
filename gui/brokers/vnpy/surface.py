"""The vnpy surface the driver binds: an event engine of its own per login, the event types it
listens to, and the gateway (`connect(setting)` / `close()`, `default_name`, `exchanges`).

Only the loading differs between vnpy with an installed gateway (binding), the built-in
simulated CTP gateway and a test stand-in."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class VnpyApi:
    new_engine: Callable[[], Any]  # a fresh EventEngine: one per login, stopped at logout
    event_log: str
    event_account: str
    event_contract: str
    make_gateway: Callable[[Any, str], Any]  # (engine, gateway_name) -> gateway
    gateway_name: str  # the gateway's default_name
    default_setting: Mapping[str, Any]
    exchanges: tuple[str, ...]
    origin: str  # module:Class, for the session panel
