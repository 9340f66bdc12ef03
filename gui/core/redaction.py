"""Masking of secret values in any text that leaves a driver or the console (defence in depth).

A secret can reach text in other shapes than typed: stripped, split over lines, escaped by
`repr()` or JSON in an exception message, percent-encoded in a URL. Every such form is masked.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

MASK = "••••"
_MIN_SECRET_LENGTH = 3  # shorter values would mask ordinary digits and letters everywhere


def secret_forms(secret: str) -> set[str]:
    """The shapes a secret takes in text: as typed, stripped, each line, escaped, encoded (URL,
    hex, base64)."""
    forms = {secret, secret.strip()}
    forms.update(line for line in re.split(r"[\r\n]+", secret))
    forms.add(repr(secret)[1:-1])
    forms.add(json.dumps(secret)[1:-1])
    forms.add(json.dumps(secret, ensure_ascii=False)[1:-1])
    forms.add(quote(secret, safe=""))
    forms.add(secret.encode("unicode_escape", "backslashreplace").decode("ascii"))
    raw = secret.encode("utf-8", "surrogatepass")
    forms.update((raw.hex(), raw.hex().upper()))
    encoded = base64.b64encode(raw).decode("ascii")
    forms.update((encoded, encoded.rstrip("=")))
    return {form for form in forms if len(form.strip()) >= _MIN_SECRET_LENGTH}


class Redactor:
    """Replaces every known secret with a mask. Secrets learnt later (a session token) are added
    with `add`; the pattern is swapped whole, so readers on other threads never lock."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._forms: frozenset[str] = frozenset()
        self._pattern: re.Pattern[str] | None = None
        self._lock = threading.Lock()
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str) -> None:
        if not secret or len(secret.strip()) < _MIN_SECRET_LENGTH:
            return
        with self._lock:
            forms = self._forms | secret_forms(secret)
            if forms == self._forms:
                return
            # Longest first, so a secret that contains another is masked whole.
            ordered = sorted(forms, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(form) for form in ordered))
            self._forms = frozenset(forms)

    def __bool__(self) -> bool:
        return self._pattern is not None

    def text(self, value: str) -> str:
        pattern = self._pattern
        if pattern is None:
            return value
        return pattern.sub(MASK, value)

    def value(self, value: Any) -> Any:
        """Strings anywhere inside dicts, lists and tuples masked; other values as they are."""
        if self._pattern is None:
            return value
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, Mapping):
            return {key: self.value(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(item) for item in value]
        return value


# Every secret any session of this process used: the app's own log files mask with it (a
# library's warning may quote a value the session's redactor would have masked).
PROCESS_SECRETS = Redactor()
