"""Kingdom 金证 KCBP (LBM plugin InitPlugin), seed 001: struct widths in GBK, NUL included."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gui.brokers.kingdom.codes import NATIVE_CODES
from gui.core.registry import (
    AFTER_HOURS,
    DROP_AFTER_LOGIN,
    DROP_AFTER_LOGIN_HELP,
    Action,
    BrokerSpec,
    package_surface,
    scenarios_from,
    url,
)
from gui.core.schema import Field, FieldKind, Schema


def _char(key: str, label: str, size: int, kind: FieldKind = FieldKind.TEXT, **kw: object) -> Field:
    """A `char[size]` struct member: GBK, NUL-terminated."""
    return Field(key, label, kind, max_bytes=size, nul_terminated=True, encoding="gbk", **kw)  # type: ignore[arg-type]


# What the built-in simulator can play (it implements these).
SCENARIOS: dict[str, str] = {
    "normal": "The KCBP leg answers and the plugin logs the operator in (password 'demo').",
    "kcbp_unreachable": "Nothing answers at the KCBP address: the KCBP leg fails.",
    "wrong_queues": "The KCBP server knows other queue names than the ones configured.",
    "plugin_rejects": "The KCBP leg works, the plugin refuses the operator.",
    "slow_init": "InitPlugin takes about 8 seconds.",
    DROP_AFTER_LOGIN: DROP_AFTER_LOGIN_HELP,
    AFTER_HOURS: "After hours: nothing answers at the KCBP address.",
}


SCHEMA = Schema(
    (
        Field(
            "sdk_path",
            "Plugin shim",
            FieldKind.PATH,
            help="lbm_shim built against Kingdom's plugin SDK (packaging/kingdom_shim); the KCBP "
            "client library sits next to it. In the simulator environment, set it to run the "
            "real ctypes path.",
        ),
        _char("operator_user", "Operator", 32, required=True),
        _char(
            "operator_password",
            "Operator password",
            32,
            FieldKind.SECRET,
            required=True,
            strip=False,
        ),
        Field("back_all_quotes", "Return all quotes", FieldKind.BOOL, default=False, advanced=True),
        _char("kcbp_user", "KCBP user", 20, required=True, default="KCXP00"),
        _char("kcbp_password", "KCBP password", 20, FieldKind.SECRET, required=True, strip=False),
        _char("kcbp_ip", "KCBP IP", 20, FieldKind.HOST, required=True, default="192.168.50.31"),
        _char("kcbp_server", "KCBP server", 20, required=True, default="KCBP1"),
        Field("kcbp_port", "KCXP port", FieldKind.PORT, required=True, default=21000),
        _char("kcbp_req_queue", "Request queue", 20, required=True, default="req_market"),
        _char("kcbp_ans_queue", "Answer queue", 20, required=True, default="ans_market"),
        Field("threads", "Threads", FieldKind.INT, default=5, minimum=1, maximum=64, advanced=True),
        Field(
            "log_prefix",
            "Log prefix",
            default="算法Api",
            encoding="gbk",
            max_chars=64,
            advanced=True,
        ),
        Field(
            "algo_name",
            "Algorithm name",
            default="提速版",
            encoding="gbk",
            max_chars=64,
            advanced=True,
        ),
        Field("log_enabled", "Write info to log", FieldKind.BOOL, default=True, advanced=True),
    )
)


def endpoints(settings: Mapping[str, Any]) -> list[str]:
    """The KCBP server (KCXP over TCP); the plugin itself talks through it."""
    return [url(settings["kcbp_ip"], settings["kcbp_port"])]


SPEC = BrokerSpec(
    id="kingdom",
    title="Kingdom 金证 KCBP",
    schema=SCHEMA,
    driver="gui.brokers.kingdom.driver:KingdomDriver",
    # A shim path set in the simulator environment runs the real ctypes binding against it.
    surface=package_surface(__name__, lambda settings: bool(settings.get("sdk_path"))),
    scenarios=scenarios_from(SCENARIOS),
    endpoints=endpoints,
    endpoint_keys=("kcbp_ip", "kcbp_port"),
    # The simulator's demo credentials (the seed's KCBP example and the demo operator password).
    simulator_defaults={
        "operator_user": "operator01",
        "operator_password": "demo",
        "kcbp_password": "888888",
        "kcbp_ip": "127.0.0.1",
    },
    probe=Action(
        "test_kcbp",
        "Test KCBP connection",
        "Connect to the KCBP server with these settings and queue names, without InitPlugin.",
    ),
    user_key="operator_user",
    native_codes=NATIVE_CODES,
    venues=("CN_EQUITY",),
)
