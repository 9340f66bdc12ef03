"""The TaiFexCom surface the KGI driver binds: the vendor's constants and a loaded SDK.

Only the loading differs between KGI's .NET SDK (binding), the built-in simulator and a test
stand-in: the driver receives a `KgiSdk` and calls the vendor's names on whatever it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta, timezone
from typing import Any, Protocol

# KGI's servers keep Taipei time (UTC+8, no daylight saving); OnRcvServerTime's DateTime is naive.
TAIPEI = timezone(timedelta(hours=8), "Asia/Taipei")

# COM_STATUS values (docs/ARCHITECTURE.md, Brokers: KGI); newer builds add more, passed
# through by name.
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


class TaiFexComApi(Protocol):
    """`Smart.TaiFexCom` as the driver uses it (KGI's .NET class through pythonnet, the
    simulator's class, or a test stand-in). Its events (OnRcvMessage, OnGetStatus,
    OnRcvServerTime, OnRecoverStatus) are attributes a handler is added to with `+=`."""

    AutoSubReport: bool
    AutoRecoverReport: Any  # Nullable<bool>
    AutoRetriveProductInfo: bool  # sic: KGI's spelling

    @property
    def version(self) -> object: ...

    def LoginDirect(
        self, host: str, port: Any, person_id: str, password: str, center: Any
    ) -> None: ...

    def Dispose(self) -> None: ...


@dataclass(frozen=True)
class KgiSdk:
    """A loaded TaiFexCom surface plus the converters its calling convention needs."""

    TaiFexCom: Callable[[str, Any, str], TaiFexComApi]
    ushort: Callable[[int], Any]  # System.UInt16 for .NET
    char: Callable[[str], Any]  # System.Char for .NET
    nullable_bool: Callable[[bool], Any]  # Nullable<bool> for .NET
    runtime: str
