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
from typing import Any, NamedTuple
from urllib.parse import quote

MASK = "••••"
_MIN_SECRET_LENGTH = 3  # shorter values would mask ordinary digits and letters everywhere
_CLEAN_CACHE_LENGTH = 256  # strings up to this long are remembered once found clean …
_CLEAN_CACHE_SIZE = 4096  # … this many at most (then the memory starts again)


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
    with `add`; the masking state is swapped whole, so readers on other threads never lock.

    A flood masks tens of thousands of strings a second, nearly all without a secret and most
    seen before (statuses, topics): substring tests find whether a text holds a secret in under
    half the time the regular expression takes, and short strings found clean are remembered
    (only those: what the cache holds never carries a secret)."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._state: _Masking | None = None
        self._lock = threading.Lock()
        for secret in secrets:
            self.add(secret)

    def add(self, secret: str) -> None:
        if not secret or len(secret.strip()) < _MIN_SECRET_LENGTH:
            return
        with self._lock:
            known = self._state.forms if self._state else frozenset()
            forms = known | secret_forms(secret)
            if forms == known:
                return
            # Longest first, so a secret that contains another is masked whole.
            ordered = sorted(forms, key=len, reverse=True)
            pattern = re.compile("|".join(re.escape(form) for form in ordered))
            # A text holds some form exactly when it holds a form that contains no other.
            probes = tuple(
                form for form in forms if not any(o != form and o in form for o in forms)
            )
            self._state = _Masking(pattern, frozenset(forms), probes, set())

    def __bool__(self) -> bool:
        return self._state is not None

    def text(self, value: str) -> str:
        state = self._state
        if state is None:
            return value
        short = len(value) <= _CLEAN_CACHE_LENGTH
        if short and value in state.clean:
            return value
        for probe in state.probes:
            if probe in value:
                return state.pattern.sub(MASK, value)
        if short:
            if len(state.clean) >= _CLEAN_CACHE_SIZE:
                state.clean.clear()
            state.clean.add(value)
        return value

    def value(self, value: Any) -> Any:
        """Strings anywhere inside dicts (keys too), lists and tuples masked; other values as
        they are."""
        if self._state is None:
            return value
        kind = type(value)
        if kind is str:
            return self.text(value)
        if kind in _SCALARS:  # most of a raw dict's values: no abstract class checks
            return value
        if isinstance(value, str):
            return self.text(value)
        if kind is dict or isinstance(value, Mapping):
            return {self.value(key): self.value(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(item) for item in value]
        return value


_SCALARS = frozenset({int, float, bool, type(None)})


class _Masking(NamedTuple):
    """What a redactor masks with, swapped whole when a secret is added."""

    pattern: re.Pattern[str]
    forms: frozenset[str]
    probes: tuple[str, ...]  # the forms that contain no other form
    clean: set[str]  # short strings already found to hold no form


# Every secret any session of this process used: the app's own log files mask with it (a
# library's warning may quote a value the session's redactor would have masked).
PROCESS_SECRETS = Redactor()
