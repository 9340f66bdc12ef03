"""Any vnpy gateway (`BaseGateway.connect(setting)` / `close()`), seed 001. vnpy is optional and
imported only to log in; the built-in simulator needs none of it."""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from concurrent.futures import Executor
from dataclasses import replace
from typing import Any

from gui.brokers.vnpy.gateways import (
    INSTALL_HINT,
    discover,
    fields_from_setting,
    static_default_setting,
)
from gui.core.driver import Driver
from gui.core.registry import BrokerSpec, Environment, scenarios_from
from gui.core.schema import Field, Schema

GATEWAY_FIELD = Field(
    "gateway",
    "Gateway",
    required=True,
    help="An installed vnpy gateway (found in vnpy_* packages) or module:Class.",
)
# The built-in simulator: a CTP-like gateway (vnpy_ctp's settings) and what it can play.
SIMULATED_SETTING: dict[str, Any] = {
    "用户名": "",
    "密码": "",
    "经纪商代码": "9999",
    "交易服务器": "tcp://127.0.0.1:10201",
    "行情服务器": "tcp://127.0.0.1:10211",
    "产品名称": "simnow_client_test",
    "授权编码": "0000000000000000",
}
SCENARIOS: dict[str, str] = {
    "normal": "Connects, logs in with password 'demo', sends contracts and the account.",
    "front_unreachable": "The trading front cannot be reached: 连接断开.",
    "auth_fail": "The client authentication (授权编码) is refused.",
    "silent": "Connects and never logs in: login timeout.",
}
SIMULATOR_SCHEMA = Schema(fields_from_setting(SIMULATED_SETTING))


def resolve_schema(environment: Environment, values: Mapping[str, Any]) -> Schema:
    """Simulator: the simulated CTP gateway's settings. Live: the gateway field, then the chosen
    gateway's own default_setting (read from its source, not imported)."""
    if environment is Environment.SIMULATOR:
        return SIMULATOR_SCHEMA
    gateway = replace(GATEWAY_FIELD, suggestions=discover())
    setting = static_default_setting(str(values.get("gateway") or "")) or {}
    own = tuple(f for f in fields_from_setting(setting) if f.key != "gateway")
    return Schema((gateway, *own))


def _notice(environment: Environment) -> str:
    if environment is Environment.LIVE and importlib.util.find_spec("vnpy") is None:
        return INSTALL_HINT
    return ""


def _simulated_gateway(scenario: str) -> type:
    from gui.brokers.vnpy.simulator import SimCtpGateway

    return type("SimCtpGateway", (SimCtpGateway,), {"scenario": scenario})


def _driver(environment: Environment, scenario: str, executor: Executor) -> Driver:
    from gui.brokers.vnpy.driver import (
        VnpyDriver,
        gateway_from_settings,
        simulator_runtime,
        vnpy_runtime,
    )

    if environment is Environment.SIMULATOR:
        return VnpyDriver(executor, simulator_runtime, lambda _s: _simulated_gateway(scenario))
    return VnpyDriver(executor, vnpy_runtime, gateway_from_settings)


SPEC = BrokerSpec(
    id="vnpy",
    title="vnpy gateway",
    schema=Schema((GATEWAY_FIELD,)),
    driver_factory=_driver,
    scenarios=scenarios_from(SCENARIOS),
    simulator_defaults={"用户名": "000001"},
    schema_resolver=resolve_schema,
    notice=_notice,
)
