"""Rootnet 根网 CTS (`CTSlib.CtsServer`), seed 001."""

from __future__ import annotations

from concurrent.futures import Executor

from gui.core.driver import Driver
from gui.core.registry import BrokerSpec, Environment, scenarios_from
from gui.core.schema import Field, FieldKind, Schema

# What the built-in simulator can play (it implements these).
SCENARIOS: dict[str, str] = {
    "normal": "Logs operators in with password 'demo'.",
    "unreachable": "Nothing answers at host:port.",
    "socket_drop": "The socket drops two seconds after the login (onSocketError).",
    "licence_expiring": "Logs in; the server's licence expires in five days.",
}


SCHEMA = Schema(
    (
        Field("host", "Host", FieldKind.HOST, required=True),
        Field("port", "Port", FieldKind.PORT, required=True),
        Field("operator_id", "Operator ID", required=True),
        Field(
            "operator_password", "Operator password", FieldKind.SECRET, required=True, strip=False
        ),
    )
)


def _simulated(scenario: str) -> type:
    from gui.brokers.rootnet.simulator import CtsServer

    return type("CtsServer", (CtsServer,), {"scenario": scenario})


def _driver(environment: Environment, scenario: str, executor: Executor) -> Driver:
    from gui.brokers.rootnet.driver import RootnetDriver, load_ctslib

    if environment is Environment.SIMULATOR:
        return RootnetDriver(executor, lambda: _simulated(scenario))
    return RootnetDriver(executor, load_ctslib)


SPEC = BrokerSpec(
    id="rootnet",
    title="Rootnet 根网 CTS",
    schema=SCHEMA,
    driver_factory=_driver,
    scenarios=scenarios_from(SCENARIOS),
    simulator_defaults={"host": "127.0.0.1", "port": 7001, "operator_id": "8001"},
)
