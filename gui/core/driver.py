"""The contract between a session and one broker's driver."""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from gui.core.context import Exchange
from gui.core.events import BrokerEvent, EventKind, Level, local_now
from gui.core.redaction import Redactor

Post = Callable[[Callable[[], None]], None]


class DriverLink:
    """What a driver may touch of its session. Every method is safe from any thread.

    Everything goes through one ordered queue to the loop thread, so an event emitted before
    `post(fn)` is always seen by the session before `fn` runs.
    """

    def __init__(
        self,
        broker: str,
        post: Post,
        redactor: Redactor,
        on_event: Callable[[BrokerEvent], None],
        on_detail: Callable[[str, str], None],
        on_exchange: Callable[[Exchange, datetime], None],
    ) -> None:
        self.broker = broker
        self._post = post
        self._redactor = redactor
        self._on_event = on_event
        self._on_detail = on_detail
        self._on_exchange = on_exchange

    def emit(
        self,
        kind: EventKind,
        status: str = "",
        text: str = "",
        *,
        level: Level = Level.INFO,
        topic: str | None = None,
        count: int | None = None,
        server_time: datetime | None = None,
        latency_ms: float | None = None,
        raw: Mapping[str, Any] | None = None,
    ) -> BrokerEvent:
        """Build an event (secrets masked) and queue it for the session."""
        event = BrokerEvent(
            broker=self.broker,
            kind=kind,
            status=status,
            text=self._redactor.text(text),
            topic=topic,
            count=count,
            server_time=server_time,
            latency_ms=latency_ms,
            level=level,
            raw=self._redactor.value(dict(raw or {})),
        )
        self._post(lambda: self._on_event(event))
        return event

    def log(self, text: str, level: Level = Level.INFO, **raw: Any) -> BrokerEvent:
        return self.emit(EventKind.LOG, text=text, level=level, raw=raw)

    def status(self, status: str, text: str = "", level: Level = Level.INFO, **raw: Any) -> None:
        self.emit(EventKind.STATUS, status, text, level=level, raw=raw)

    def set_detail(self, name: str, value: str) -> None:
        """A fact for the session panel, e.g. 'SDK version'."""
        value = self._redactor.text(value)
        self._post(lambda: self._on_detail(name, value))

    def register(self, code: str, name: str, boards: Sequence[str] = ()) -> None:
        """Register an exchange (and its boards) in the session's context."""
        exchange = Exchange(code, name, tuple(boards))
        when = local_now()  # stamped here, in order with the vendor's events around it
        self._post(lambda: self._on_exchange(exchange, when))

    def post(self, item: Callable[[], None]) -> None:
        """Run `item` on the loop thread after everything emitted so far."""
        self._post(item)

    def add_secret(self, value: str) -> None:
        """A credential learnt during the login (e.g. a session token): masked from now on."""
        self._redactor.add(value)

    def redact(self, text: str) -> str:
        return self._redactor.text(text)


def settle(future: asyncio.Future[None], error: BaseException | None = None) -> None:
    """Resolve a login future once; later outcomes (e.g. a late LOGIN_FAIL) are ignored."""
    if future.done():
        return
    if error is None:
        future.set_result(None)
    else:
        future.set_exception(error)


@dataclass(frozen=True)
class ActionResult:
    """What a driver action reports. `offer` holds form values the user may adopt (e.g. a
    refreshed token); it goes to the form only, never to an event."""

    message: str
    offer: Mapping[str, Any] = field(default_factory=dict)
    offer_prompt: str = ""


class Driver(ABC):
    """Wraps one vendor SDK. A new driver is made for every login attempt."""

    @abstractmethod
    async def connect(self, settings: Mapping[str, Any], link: DriverLink) -> None:
        """Return once logged in, or raise a typed BrokerFailure.

        Cancellation must release everything the attempt created (bounded)."""

    @abstractmethod
    async def logout(self) -> None:
        """Log out and release the SDK. Safe to call when the connection is already gone."""

    async def run_action(self, action: str) -> ActionResult:
        """Run one of the broker's actions (BrokerSpec.actions) on the live login."""
        raise NotImplementedError(action)

    async def probe(self, settings: Mapping[str, Any], link: DriverLink) -> ActionResult:
        """The broker's pre-login check (BrokerSpec.probe), e.g. one leg of the connection."""
        raise NotImplementedError("probe")
