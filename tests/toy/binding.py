"""The toy vendor's real binding: its `toyvendor` package, which no machine has."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from gui.core.errors import SdkUnavailable
from tests.toy.surface import SessionFactory


def load(_settings: Mapping[str, Any]) -> SessionFactory:
    try:
        module = importlib.import_module("toyvendor")
    except ImportError as exc:
        raise SdkUnavailable(f"The toy vendor's package cannot be imported ({exc}).") from None
    factory: SessionFactory = module.Session
    return factory


def describe(_factory: SessionFactory, _settings: Mapping[str, Any]) -> str:
    return "toyvendor"
