"""The transport the Hundsun driver calls UFX functions through, and the UFX facts it needs.

Only the loading differs between Hundsun's T2 SDK (binding: `py_t2sdk`), the built-in
simulator and a test stand-in of the vendor module."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

LOGIN, HEARTBEAT, LOGOUT = 10001, 10000, 10002

# 10001's inputs in the seed's order: (key, T2 type, width). Strings C<n>, port_id N8.
LOGIN_FIELDS = (
    ("operator_no", "S", 16),
    ("password", "S", 16),
    ("mac_address", "S", 20),
    ("ip_address", "S", 15),
    ("hd_volserial", "S", 128),
    ("op_station", "S", 256),
    ("terminal_info", "S", 256),
    ("authorization_id", "S", 64),
    ("app_id", "S", 32),
    ("authorize_code", "S", 16),
    ("port_id", "I", 8),
)
TOKEN_FIELD = ("user_token", "S", 512)

# O32 market_no values (docs/ARCHITECTURE.md, Brokers: Hundsun).
MARKETS = (
    ("SSE", "1"),
    ("SZSE", "2"),
    ("SHFE", "3"),
    ("CZCE", "4"),
    ("CFFEX", "7"),
    ("DCE", "9"),
    ("INE", "k"),
    ("NEEQ", "10"),
    ("HK via SH connect", "35"),
    ("HK via SZ connect", "o"),
)


@dataclass(frozen=True)
class FieldSpec:
    """One packed input: name, T2 type ('S' string, 'I' integer), width, value."""

    name: str
    kind: str
    width: int
    value: str | int


@dataclass
class Reply:
    """A function's answer: datasets of rows of named fields (read by name, never position)."""

    datasets: list[list[dict[str, str]]] = field(default_factory=list)

    def row(self, dataset: int, index: int = 0) -> dict[str, str]:
        if dataset < len(self.datasets) and index < len(self.datasets[dataset]):
            return self.datasets[dataset][index]
        return {}

    def error(self) -> tuple[str, str, str] | None:
        """(code, message, detail) when dataset 0 reports an error: O32's ErrorCode / ErrorMsg /
        MsgDetail, or the UF2.0 counter's error_no / error_info."""
        head = self.row(0)
        code = head.get("ErrorCode", head.get("error_no", "0")).strip() or "0"
        if code == "0":
            return None
        message = head.get("ErrorMsg", head.get("error_info", ""))
        return code, message, head.get("MsgDetail", "")


class TransportError(Exception):
    def __init__(self, text: str, *, timed_out: bool = False) -> None:
        super().__init__(text)
        self.timed_out = timed_out


class T2Transport(Protocol):
    """Blocking calls on one T2 connection (always from the driver's one vendor thread)."""

    def connect(self, servers: str, license_file: str, timeout_ms: int) -> None: ...

    def call(self, function: int, fields: Sequence[FieldSpec], timeout_ms: int) -> Reply: ...

    def watch(self, on_close: Callable[[str], None]) -> None:
        """`on_close(reason)` when the connection drops by itself (any thread)."""

    def close(self) -> None: ...
