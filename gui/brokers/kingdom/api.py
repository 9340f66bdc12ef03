"""The two interfaces the Kingdom driver binds: the LBM plugin (through the shim) and the KCBP C
client. The native ctypes bindings, the built-in simulator and test stand-ins all provide them."""

from __future__ import annotations

from typing import Protocol

from gui.brokers.kingdom.structs import ConnectOption, InitInfo, KcbpConfig

ERROR_KINDS = {0: "plugin", 1: "trade", 2: "quote", 3: "strategy"}


class PluginApi(Protocol):
    def init(
        self,
        info: InitInfo,
        config: KcbpConfig,
        threads: int,
        log_name: bytes,
        algo_name: bytes,
        log_open: bool,
    ) -> int:
        """InitPlugin; 0 = success."""

    def close(self) -> None: ...

    def last_error(self, kind: int) -> str:
        """GetLastError(type), decoded from GBK."""

    def connected(self) -> bool: ...


class KcbpApi(Protocol):
    """KCBPCLI_*: one handle per instance, from init() to exit()."""

    def init(self) -> int: ...

    def set_options(self, option: ConnectOption) -> int: ...

    def set_timeout(self, seconds: int) -> int: ...

    def connect(self, server: bytes, user: bytes, password: bytes) -> int: ...

    def error(self) -> tuple[int, str]:
        """KCBPCLI_GetErr: (code, message decoded from GBK)."""

    def disconnect(self) -> int: ...

    def exit(self) -> int: ...
