"""A toy eighth broker, made from the template (docs/ARCHITECTURE.md, The broker contract) in
the tests only: it proves a broker added outside gui/brokers logs in through the window and
`check` with nothing else changed (BROKER_CONSOLE_BROKERS=tests.toy)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gui.core.registry import BrokerSpec, package_surface, scenarios_from, url
from gui.core.schema import Field, FieldKind, Schema
from tests.toy.codes import NATIVE_CODES

SCENARIOS: dict[str, str] = {
    "normal": "Logs in with password 'demo'.",
    "unreachable": "Nothing answers at host:port.",
}

SCHEMA = Schema(
    (
        Field("host", "Host", FieldKind.HOST, required=True),
        Field("port", "Port", FieldKind.PORT, required=True),
        Field("user", "User", required=True, max_chars=16),
        Field("password", "Password", FieldKind.SECRET, required=True, strip=False),
    )
)


def endpoints(settings: Mapping[str, Any]) -> list[str]:
    return [url(settings["host"], settings["port"])]


SPEC = BrokerSpec(
    id="toy",
    title="Toy broker",
    schema=SCHEMA,
    driver="tests.toy.driver:ToyDriver",
    surface=package_surface(__name__),
    scenarios=scenarios_from(SCENARIOS),
    endpoints=endpoints,
    endpoint_keys=("host", "port"),
    simulator_defaults={"host": "127.0.0.1", "port": 9900, "user": "trader1"},
    native_codes=NATIVE_CODES,
)
