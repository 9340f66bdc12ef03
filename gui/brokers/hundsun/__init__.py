"""Hundsun 恒生 UFX / O32 (T2 SDK), seed 001: function 10001 and its field widths."""

from __future__ import annotations

import re
from collections.abc import Mapping
from concurrent.futures import Executor
from typing import Any

from gui.brokers.hundsun import terminal
from gui.core.driver import Driver
from gui.core.registry import BrokerSpec, Environment, scenarios_from
from gui.core.schema import Field, FieldKind, ItemKind, Problem, Schema

# py_t2sdk's AddStr encodes its str as UTF-8 itself: that is what the C<width> fields receive.
WIRE_ENCODING = "utf-8"


def _c(key: str, label: str, width: int, **kw: object) -> Field:
    """A UFX `C<width>` field: at most `width` bytes as the T2 binding sends them."""
    return Field(key, label, max_bytes=width, encoding=WIRE_ENCODING, **kw)  # type: ignore[arg-type]


def _station_rules(values: Mapping[str, Any]) -> dict[str, Problem]:
    """Station control refuses anything but a 12-hex-digit MAC (seed 001)."""
    mac = values.get("mac_address") or ""
    if not re.fullmatch(r"[0-9A-Fa-f]{12}", mac):
        return {
            "mac_address": Problem(
                "{label} must be 12 hex digits, no separators (e.g. 00E04C6817A2): use Auto-fill.",
                {"label": "MAC address"},
            )
        }
    return {}


# What the built-in simulator can play (it implements these).
SCENARIOS: dict[str, str] = {
    "normal": "Logs in operators with password 'demo'.",
    "unreachable": "No server answers at the configured addresses.",
    "no_reply": "The server accepts the connection and never answers a function.",
    "bad_license": "The T2 SDK refuses the license file.",
}


SCHEMA = Schema(
    (
        Field(
            "servers",
            "Servers",
            FieldKind.LIST,
            required=True,
            item_kind=ItemKind.ENDPOINT,
            help="ip:port;ip:port",
        ),
        Field("license_file", "License file", FieldKind.PATH),
        _c("operator_no", "Operator no.", 16, required=True),
        Field(
            "password",
            "Password",
            FieldKind.SECRET,
            required=True,
            max_bytes=16,
            encoding=WIRE_ENCODING,
            strip=False,
        ),
        _c("authorization_id", "Authorization ID", 64, required=True),
        _c("mac_address", "MAC address", 20, required=True),
        _c("ip_address", "IP address", 15, required=True),
        _c("hd_volserial", "Disk serial", 128),
        _c("op_station", "Op station", 256, required=True, help="IP|MAC"),
        _c("terminal_info", "Terminal info", 256),
        _c("app_id", "App ID", 32),
        Field(
            "authorize_code",
            "Authorize code",
            FieldKind.SECRET,
            max_bytes=16,
            encoding=WIRE_ENCODING,
            strip=False,
        ),
        Field("port_id", "Port ID", FieldKind.INT, minimum=0, maximum=99_999_999),
        Field(
            "heartbeat_seconds",
            "Heartbeat (s)",
            FieldKind.INT,
            default=30,
            minimum=5,
            maximum=240,
            help="Function 10000 interval; the token expires after five idle minutes.",
        ),
    ),
    rules=(_station_rules,),
)


def _driver(environment: Environment, scenario: str, executor: Executor) -> Driver:
    from gui.brokers.hundsun.driver import HundsunDriver, sdk_transport, simulator_transport

    if environment is Environment.SIMULATOR:
        return HundsunDriver(executor, simulator_transport(scenario))
    return HundsunDriver(executor, sdk_transport)


SPEC = BrokerSpec(
    id="hundsun",
    title="Hundsun 恒生 UFX",
    schema=SCHEMA,
    driver_factory=_driver,
    scenarios=scenarios_from(SCENARIOS),
    simulator_defaults={
        "servers": "127.0.0.1:9003",
        "operator_no": "10001",
        "authorization_id": "demo-authorization",
    },
    autofill=terminal.collect,
)
