"""The TaiFexCom surface the KGI driver binds, and how it is loaded.

Only the loading differs between KGI's .NET SDK, the built-in simulator and a test stand-in:
the driver receives a `KgiSdk` and calls the vendor's names on whatever it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta, timezone
from functools import partial
from typing import Any

# KGI's servers keep Taipei time (UTC+8, no daylight saving); OnRcvServerTime's DateTime is naive.
TAIPEI = timezone(timedelta(hours=8), "Asia/Taipei")

# COM_STATUS values (DESIGN.md, KGI section); newer builds add more, passed through by name.
COM_STATUS_NAMES: dict[int, str] = {
    0: "CONNECT_READY",
    1: "CONNECT_FAIL",
    2: "DISCONNECTED",
    3: "LOGIN_READY",
    4: "LOGIN_FAIL",
    5: "LOGIN_UNKNOW",
    6: "SUBSCRIBE",
    7: "UNSUBSCRIBE",
    8: "HEART_BEAT",
    9: "ACK_REQUESTID",
    10: "RECOVER_DATA",
    11: "LOGIN_FROM_CLOSE",
    12: "AS400_CONNECTED",
    13: "AS400_CONNECTFAIL",
    14: "AS400_DISCONNECTED",
}


@dataclass(frozen=True)
class KgiSdk:
    """A loaded TaiFexCom surface plus the converters its calling convention needs."""

    TaiFexCom: Callable[[str, Any, str], Any]
    ushort: Callable[[int], Any]  # System.UInt16 for .NET
    char: Callable[[str], Any]  # System.Char for .NET
    nullable_bool: Callable[[bool], Any]  # Nullable<bool> for .NET
    runtime: str


SdkLoader = Callable[[Mapping[str, Any]], KgiSdk]


def simulator_loader(scenario: str) -> SdkLoader:
    """The built-in simulator behind the same surface."""

    def load(_settings: Mapping[str, Any]) -> KgiSdk:
        from gui.brokers.kgi.simulator import SimTaiFexCom

        return KgiSdk(
            TaiFexCom=partial(SimTaiFexCom, scenario=scenario),
            ushort=int,
            char=str,
            nullable_bool=bool,
            runtime="built-in simulator",
        )

    return load


def live_loader(settings: Mapping[str, Any]) -> KgiSdk:
    """KGI's .NET SDK from the `sdk_dir` folder, through pythonnet."""
    from gui.brokers.kgi.dotnet import load_dotnet_sdk

    return load_dotnet_sdk(settings)
