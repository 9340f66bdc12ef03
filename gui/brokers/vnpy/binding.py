"""vnpy's real binding: its EventEngine and an installed gateway, imported in the worker."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from gui.brokers.vnpy import INSTALL_HINT
from gui.brokers.vnpy.surface import VnpyApi, split_path
from gui.core.errors import SdkMismatch, SdkUnavailable
from gui.core.runtime_info import package_version


def load_gateway_class(path: str) -> type:
    """Import the gateway (blocking: on the vendor thread)."""
    module, cls = split_path(path)
    try:
        imported = importlib.import_module(module)
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] == "vnpy":
            raise SdkUnavailable(INSTALL_HINT) from None
        if isinstance(exc, ModuleNotFoundError) and exc.name and module.startswith(exc.name):
            raise SdkUnavailable(f"The gateway module {module} is not installed: {exc}") from None
        raise SdkMismatch(f"The gateway module {module} cannot be imported: {exc}") from None
    gateway = getattr(imported, cls, None)
    if not isinstance(gateway, type):
        raise SdkMismatch(f"{module} has no gateway class {cls}.")
    return gateway


def load(settings: Mapping[str, Any]) -> VnpyApi:
    try:
        from vnpy.event import EventEngine
        from vnpy.trader.event import EVENT_ACCOUNT, EVENT_CONTRACT, EVENT_LOG
    except ImportError:
        raise SdkUnavailable(INSTALL_HINT) from None
    path = str(settings.get("gateway") or "")
    gateway = load_gateway_class(path)
    return VnpyApi(
        new_engine=EventEngine,
        event_log=EVENT_LOG,
        event_account=EVENT_ACCOUNT,
        event_contract=EVENT_CONTRACT,
        make_gateway=gateway,
        gateway_name=str(getattr(gateway, "default_name", "") or gateway.__name__),
        default_setting=dict(getattr(gateway, "default_setting", {}) or {}),
        exchanges=tuple(
            str(getattr(e, "value", e)) for e in (getattr(gateway, "exchanges", ()) or ())
        ),
        origin=f"{gateway.__module__}:{gateway.__name__}",
    )


def describe(api: VnpyApi, _settings: Mapping[str, Any]) -> str:
    """The gateway class and the versions of vnpy and the gateway's package (for a
    diagnosis)."""
    top = api.origin.split(".")[0]
    return (
        f"{api.origin} ({top} {package_version(top)}), vnpy {package_version('vnpy')}, "
        f"exchanges: {', '.join(api.exchanges) or 'none listed'}"
    )
