"""Masking of secret values in any text that leaves a driver (defence in depth)."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any

MASK = "••••"
_MIN_SECRET_LENGTH = 3  # shorter values would mask ordinary digits and letters everywhere


class Redactor:
    """Replaces every known secret value with a mask. Secrets learnt later (a session token)
    are added with `add`; the set is swapped whole, so readers on other threads never lock."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets: tuple[str, ...] = ()
        self._lock = threading.Lock()
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str) -> None:
        if not secret or len(secret) < _MIN_SECRET_LENGTH:
            return
        with self._lock:
            unique = {*self._secrets, secret}
            # Longest first, so a secret that contains another is masked whole.
            self._secrets = tuple(sorted(unique, key=len, reverse=True))

    def __bool__(self) -> bool:
        return bool(self._secrets)

    def text(self, value: str) -> str:
        for secret in self._secrets:
            if secret in value:
                value = value.replace(secret, MASK)
        return value

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, Mapping):
            return {key: self.value(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(item) for item in value]
        return value
