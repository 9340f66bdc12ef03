"""vnpy gateways that behave as badly as native vendor code can, on the real vnpy core:
segfault, crash from their own thread after logging, hold the GIL inside a C call, never
return, or raise. Each login runs in a worker process, so the console must survive them all."""

from __future__ import annotations

import ctypes
import threading
import time
from typing import Any, ClassVar

from vnpy.trader.gateway import BaseGateway

LOG_LINES = ("front 1 of 3 connecting", "front 2 of 3 connecting", "front 3 of 3 connecting")


def segfault() -> None:
    """A real SIGSEGV: read address 0, as a broken native library does."""
    ctypes.string_at(0)


class _Hostile(BaseGateway):
    default_name = "HOSTILE"
    default_setting: ClassVar[dict[str, Any]] = {"user": "", "password": ""}
    exchanges: ClassVar[list] = []

    def close(self) -> None: ...

    def subscribe(self, req: Any) -> None: ...

    def send_order(self, req: Any) -> str:
        return ""

    def cancel_order(self, req: Any) -> None: ...

    def query_account(self) -> None: ...

    def query_position(self) -> None: ...


class SegfaultOnConnect(_Hostile):
    def connect(self, setting: dict) -> None:
        segfault()


class LogsThenSegfaults(_Hostile):
    """Three log lines from its own thread, then that thread segfaults."""

    def connect(self, setting: dict) -> None:
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        for line in LOG_LINES:
            self.write_log(line)
        time.sleep(0.5)  # the lines are on their way to the console before the crash
        segfault()


class HoldsTheGil(_Hostile):
    """Sleeps 15 s inside a C call that keeps the GIL (PyDLL does not release it)."""

    def connect(self, setting: dict) -> None:
        ctypes.PyDLL(None).sleep(15)


class NeverReturns(_Hostile):
    def connect(self, setting: dict) -> None:
        while True:
            time.sleep(1)


class Explodes(_Hostile):
    """Fails where no vendor error is expected (its constructor): an unexpected error."""

    def __init__(self, event_engine: Any, gateway_name: str) -> None:
        raise ZeroDivisionError("division by zero in the vendor glue")

    def connect(self, setting: dict) -> None: ...


class EchoesThePassword(_Hostile):
    """Careless vendor code: puts the password in its log and in its error."""

    def connect(self, setting: dict) -> None:
        password = setting["password"]
        self.write_log(f"connecting with password={password!r} ({password})")
        raise RuntimeError(f"login failed for password {password!r}")
