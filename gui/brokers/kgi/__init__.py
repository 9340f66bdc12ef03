"""KGI 凱基 futures: `Smart.TaiFexCom` (.NET SDK via pythonnet), seed 000."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gui.brokers.kgi.codes import NATIVE_CODES
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
    "normal": "Logs in as the seed shows (password 'demo').",
    "unreachable": "The host cannot be reached: CONNECT_FAIL.",
    "silent": "The server accepts the connection and never answers: login timeout.",
    "drop_during_recover": "The connection drops in the middle of RECOVER: DISCONNECTED.",
    "slow_recovery": "Product files recover slowly (about a second each).",
    "clock_skew": "Logs in; the server clock runs 90 seconds ahead of this machine.",
    "as400_down": "Connects; the back office (AS400) is down: AS400_CONNECTFAIL, then LOGIN_FAIL.",
    DROP_AFTER_LOGIN: DROP_AFTER_LOGIN_HELP,
    AFTER_HOURS: "After hours: KGI's API server refuses the connection (CONNECT_FAIL).",
}


SCHEMA = Schema(
    (
        Field(
            "sdk_dir",
            "SDK folder",
            FieldKind.PATH,
            help="Folder holding KGI's Package.dll, PushClient.dll and TradeCom.dll (Live only).",
        ),
        Field("host", "Host", FieldKind.HOST, required=True, help="KGI trading host."),
        Field("port", "Port", FieldKind.PORT, required=True),
        Field(
            "source_id",
            "Source ID",
            required=True,
            default="API",
            max_chars=20,
            help="Third argument of the TaiFexCom constructor; KGI's samples use 'API'.",
        ),
        Field(
            "person_id",
            "Person ID",
            required=True,
            max_chars=20,
            help="ID number of the account holder.",
        ),
        Field("password", "Password", FieldKind.SECRET, required=True, strip=False, max_chars=64),
        Field(
            "center",
            "Center",
            default=" ",
            exact_chars=1,
            strip=False,
            help="One character; KGI's sample passes a space.",
            advanced=True,
        ),
        Field(
            "auto_sub_report", "Subscribe to reports", FieldKind.BOOL, default=True, advanced=True
        ),
        Field(
            "auto_recover_report",
            "Recover orders and deals",
            FieldKind.BOOL,
            default=True,
            advanced=True,
        ),
        Field(
            "auto_retrieve_product_info",
            "Download product files",
            FieldKind.BOOL,
            default=True,
            advanced=True,
        ),
        Field(
            "login_timeout",
            "Login timeout (s)",
            FieldKind.INT,
            default=15,
            minimum=1,
            maximum=600,
            help="How long to wait for LOGIN_READY or LOGIN_FAIL.",
            advanced=True,
        ),
    )
)


def endpoints(settings: Mapping[str, Any]) -> list[str]:
    """LoginDirect's host and port (a TCP front)."""
    return [url(settings["host"], settings["port"])]


SPEC = BrokerSpec(
    id="kgi",
    title="KGI 凱基",
    schema=SCHEMA,
    driver="gui.brokers.kgi.driver:KgiDriver",
    surface=package_surface(__name__),
    scenarios=scenarios_from(SCENARIOS),
    reports_server_time=True,
    endpoints=endpoints,
    endpoint_keys=("host", "port"),
    simulator_defaults={"host": "127.0.0.1", "port": 8000, "person_id": "A123456789"},
    user_key="person_id",
    native_codes=NATIVE_CODES,
    venues=("TAIFEX",),
)
