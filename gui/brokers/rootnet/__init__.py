"""Rootnet 根网 CTS (`CTSlib.CtsServer`), seed 001."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gui.brokers.rootnet.codes import NATIVE_CODES
from gui.core.registry import (
    AFTER_HOURS,
    DROP_AFTER_LOGIN,
    DROP_AFTER_LOGIN_HELP,
    BrokerSpec,
    package_surface,
    scenarios_from,
    url,
)
from gui.core.schema import Field, FieldKind, Schema

# What the built-in simulator can play (it implements these).
SCENARIOS: dict[str, str] = {
    "normal": "Logs operators in with password 'demo'.",
    "unreachable": "Nothing answers at host:port.",
    "socket_drop": "The socket drops two seconds after the login (onSocketError).",
    "licence_expiring": "Logs in; the server's licence expires in five days.",
    DROP_AFTER_LOGIN: DROP_AFTER_LOGIN_HELP,
    AFTER_HOURS: "After hours: the CTS server refuses connections.",
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


def endpoints(settings: Mapping[str, Any]) -> list[str]:
    """CtsServer's host and port (a TCP front)."""
    return [url(settings["host"], settings["port"])]


SPEC = BrokerSpec(
    id="rootnet",
    title="Rootnet 根网 CTS",
    schema=SCHEMA,
    driver="gui.brokers.rootnet.driver:RootnetDriver",
    surface=package_surface(__name__),
    scenarios=scenarios_from(SCENARIOS),
    endpoints=endpoints,
    endpoint_keys=("host", "port"),
    simulator_defaults={"host": "127.0.0.1", "port": 7001, "operator_id": "8001"},
    user_key="operator_id",
    native_codes=NATIVE_CODES,
    venues=("CN_EQUITY",),
)
