"""The toy vendor's API as its driver sees it: a session object with `open`, `login` (raises
`ToyError` with a code) and `close`; `on_drop` is the vendor's callback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class ToyError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code


class ToySession(Protocol):
    def open(self, host: str, port: int) -> str: ...

    def login(self, user: str, password: str) -> str: ...

    def close(self) -> None: ...


# on_drop -> a new session (the vendor calls on_drop from its own thread)
SessionFactory = Callable[[Callable[[str], None]], ToySession]
