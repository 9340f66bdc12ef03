"""The toy driver: open, login, close, on the shared BlockingDriver."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gui.core.blocking import BlockingDriver, vendor_callback
from gui.core.errors import ConnectFailed, LoginRejected
from gui.core.events import Level
from gui.core.status import CONNECT_READY, DISCONNECTED, LOGIN_FAIL, LOGIN_READY
from tests.toy.surface import SessionFactory, ToyError, ToySession


class ToyDriver(BlockingDriver[SessionFactory]):
    broker = "toy"
    exchanges = (("TOY", "Toy exchange", ()),)

    def __init__(self, load_surface: Any) -> None:
        super().__init__(load_surface)
        self._session: ToySession | None = None

    def open(self, settings: Mapping[str, Any]) -> None:
        session = self.surface(self._on_drop)
        self._session = session
        try:
            banner = session.open(settings["host"], int(settings["port"]))
        except OSError as exc:
            raise ConnectFailed(f"The toy server did not answer: {exc}") from None
        self.link.status(CONNECT_READY, banner)
        self.connected(banner)
        try:
            welcome = session.login(settings["user"], settings["password"])
        except ToyError as exc:
            self.link.status(LOGIN_FAIL, str(exc), Level.ERROR)
            raise LoginRejected(f"The toy broker refused the login: {exc}") from None
        self.link.status(LOGIN_READY, welcome)

    def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            session.close()
            if self.logged_in_now:
                self.link.status(DISCONNECTED, "close()")

    @vendor_callback("on_drop")
    def _on_drop(self, reason: str) -> None:
        self.link.status(DISCONNECTED, reason, Level.WARNING)
        self.lost(reason)
