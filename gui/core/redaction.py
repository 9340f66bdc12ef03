"""Masking of secret values in any text that leaves a driver (defence in depth)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

MASK = "••••"
_MIN_SECRET_LENGTH = 3  # shorter values would mask ordinary digits and letters everywhere


class Redactor:
    """Replaces every known secret value with a mask; immutable once built."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        unique = {s for s in secrets if s and len(s) >= _MIN_SECRET_LENGTH}
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
