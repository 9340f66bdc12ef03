"""Rootnet's real binding: `CTSlib.CtsServer`, subclassed to hear `onSocketError`."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from gui.brokers.rootnet.surface import CtsServerApi, ServerFactory
from gui.core.errors import SdkMismatch, SdkUnavailable
from gui.core.runtime_info import module_facts


def load(_settings: Mapping[str, Any]) -> ServerFactory:
    """The vendor's CtsServer class, imported now (blocking: on the vendor thread)."""
    try:
        module = importlib.import_module("CTSlib")
    except ImportError as exc:
        raise SdkUnavailable(
            f"Rootnet's CTSlib Python package cannot be imported ({exc}): copy CTSlib from "
            "Rootnet's SDK into the console's folder or PYTHONPATH."
        ) from None
    vendor = getattr(module, "CtsServer", None)
    if not isinstance(vendor, type):
        raise SdkMismatch("CTSlib has no CtsServer class: is it Rootnet's CTS API?")

    def make(on_socket_error: Callable[[int], None]) -> CtsServerApi:
        class Server(vendor):  # type: ignore[misc, valid-type]
            def onSocketError(self, status: int) -> None:
                on_socket_error(status)

        return Server()

    return make


def describe(_factory: ServerFactory, _settings: Mapping[str, Any]) -> str:
    """The imported CTSlib (for a diagnosis)."""
    return module_facts(importlib.import_module("CTSlib"))
