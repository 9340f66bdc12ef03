"""Rootnet 根网 CTS (`CTSlib.CtsServer`), seed 001."""

from __future__ import annotations

from concurrent.futures import Executor

from gui.brokers.rootnet import simulator
from gui.brokers.rootnet.driver import RootnetDriver, load_ctslib
from gui.core.registry import BrokerSpec, Environment, scenarios_from
from gui.core.schema import Field, FieldKind, Schema

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
    return type("CtsServer", (simulator.CtsServer,), {"scenario": scenario})


def _driver(environment: Environment, scenario: str, executor: Executor) -> RootnetDriver:
    if environment is Environment.SIMULATOR:
        return RootnetDriver(executor, lambda: _simulated(scenario))
    return RootnetDriver(executor, load_ctslib)


SPEC = BrokerSpec(
    id="rootnet",
    title="Rootnet 根网 CTS",
    schema=SCHEMA,
    driver_factory=_driver,
    scenarios=scenarios_from(simulator.SCENARIOS),
    simulator_defaults={"host": "127.0.0.1", "port": 7001, "operator_id": "8001"},
)
