"""One broker login: the state machine every tab and the CLI render."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from gui.core.context import Context, Exchange
from gui.core.dispatch import LoopDispatcher
from gui.core.driver import ActionResult, Driver, DriverLink
from gui.core.errors import BrokerFailure, LoginTimeout
from gui.core.events import BrokerEvent, EventKind, Level
from gui.core.redaction import Redactor
from gui.core.registry import BrokerSpec
from gui.core.schema import Schema
from gui.core.status import CONNECT_READY, DISCONNECTED

log = logging.getLogger(__name__)


class SessionState(StrEnum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    LOGGED_IN = "logged_in"
    LOGGING_OUT = "logging_out"
    FAILED = "failed"

    @property
    def live(self) -> bool:
        """A driver holds resources in this state."""
        return self in _LIVE


_LIVE = {
    SessionState.CONNECTING,
    SessionState.CONNECTED,
    SessionState.LOGGED_IN,
    SessionState.LOGGING_OUT,
}


class SessionBusy(RuntimeError):
    """Connect was asked for while a login is already live."""


@dataclass(slots=True)
class RecoverProgress:
    topic: str
    status: str
    count: int | None


@dataclass(slots=True)
class SessionInfo:
    """What the session panel shows; rebuilt from events on the loop thread."""

    server_time: datetime | None = None
    clock_offset: timedelta | None = None  # server minus local, at receipt
    latency_ms: float | None = None
    last_status: str = ""
    details: dict[str, str] = field(default_factory=dict)
    recover: dict[str, RecoverProgress] = field(default_factory=dict)


StateListener = Callable[["SessionState", str], None]
EventListener = Callable[[BrokerEvent], None]


class Session:
    """Owns one driver at a time and the state machine

    DISCONNECTED → CONNECTING → CONNECTED → LOGGED_IN → LOGGING_OUT → DISCONNECTED, and
    FAILED(reason) from any live state. State moves on typed outcomes from the driver and on the
    common status vocabulary (CONNECT_READY, DISCONNECTED), never on log text.
    """

    def __init__(self, spec: BrokerSpec, *, logout_timeout: float = 10.0) -> None:
        self.spec = spec
        self.logout_timeout = logout_timeout
        self.state = SessionState.DISCONNECTED
        self.reason = ""
        self.failure: BrokerFailure | None = None
        self.info = SessionInfo()
        self.context = Context()
        self.event_listeners: list[EventListener] = []
        self.state_listeners: list[StateListener] = []
        self.info_listeners: list[Callable[[], None]] = []
        self._driver: Driver | None = None
        self._connect_task: asyncio.Task[None] | None = None
        self._cancel_requested = False
        self._dispatcher: LoopDispatcher | None = None
        self._link: DriverLink | None = None
        self._cleanup: asyncio.Task[None] | None = None

    # -- actions ---------------------------------------------------------------------------

    async def connect(
        self,
        driver: Driver,
        values: Mapping[str, Any],
        *,
        timeout: float | None = None,
        schema: Schema | None = None,
    ) -> None:
        """Validate (against `schema`, else the broker's), then log in. Raises the typed failure
        after the state shows it."""
        if self.state.live:
            raise SessionBusy(f"{self.spec.id}: a login is already {self.state.value}")
        schema = schema or self.spec.schema
        settings = schema.validate(values)
        link = self._new_link(schema, settings)
        self._driver = driver
        self._cancel_requested = False
        self.failure = None
        self.info = SessionInfo()
        self.context.clear()
        self._notify_info()
        self._set_state(SessionState.CONNECTING)
        task = asyncio.ensure_future(driver.connect(settings, link))
        self._connect_task = task
        try:
            await asyncio.wait_for(task, timeout) if timeout else await task
        except TimeoutError:
            last = self.info.last_status or "none"
            await self._fail(LoginTimeout(f"No login within {timeout:g} s (last status: {last})."))
        except asyncio.CancelledError:
            self._dispatcher.drain()
            self._driver = None
            self._set_state(SessionState.DISCONNECTED, "Cancelled")
            if not self._cancel_requested:
                raise
        except BrokerFailure as failure:
            await self._fail(failure.mask(link.redact))
        except Exception as exc:
            log.exception("driver %s failed unexpectedly", self.spec.id)
            text = link.redact(f"{type(exc).__name__}: {exc}")
            await self._fail(
                BrokerFailure(f"Unexpected error in the {self.spec.id} driver: {text}")
            )
        else:
            self._dispatcher.drain()
            if self.state.live:  # not lost between the driver's success and now
                self._set_state(SessionState.LOGGED_IN)
        finally:
            self._connect_task = None

    async def probe(
        self, driver: Driver, values: Mapping[str, Any], *, schema: Schema | None = None
    ) -> ActionResult:
        """The broker's pre-login check; its events go to the log, the state does not move."""
        if self.state.live:
            raise SessionBusy(f"{self.spec.id}: a login is {self.state.value}")
        schema = schema or self.spec.schema
        settings = schema.validate(values)
        link = self._new_link(schema, settings)
        try:
            return await asyncio.wait_for(driver.probe(settings, link), self.logout_timeout)
        except TimeoutError:
            bound = self.logout_timeout
            raise LoginTimeout(f"The check got no answer within {bound:g} s") from None
        except BrokerFailure as failure:
            raise failure.mask(link.redact) from None
        finally:
            assert self._dispatcher is not None
            self._dispatcher.drain()

    def cancel(self) -> bool:
        """Abort a login in progress; the driver releases what it created."""
        if self._connect_task is None or self._connect_task.done():
            return False
        self._cancel_requested = True
        self._connect_task.cancel()
        return True

    async def logout(self) -> None:
        """Log out if logged in; cancel a login in progress; otherwise nothing to do."""
        if self.state in (SessionState.CONNECTING, SessionState.CONNECTED):
            task = self._connect_task
            self.cancel()
            if task is not None:
                with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                    await asyncio.wait_for(asyncio.shield(task), self.logout_timeout)
            return
        if self.state is SessionState.FAILED:
            self._set_state(SessionState.DISCONNECTED)
            return
        if self.state is not SessionState.LOGGED_IN or self._driver is None:
            return
        self._set_state(SessionState.LOGGING_OUT)
        await self._release(self._driver)
        self._driver = None
        self._set_state(SessionState.DISCONNECTED)

    async def run_action(self, action: str) -> ActionResult:
        """A broker action on the live login; failures are typed and leave the login as it is."""
        if self.state is not SessionState.LOGGED_IN or self._driver is None:
            raise SessionBusy(f"{self.spec.id}: log in first")
        try:
            return await asyncio.wait_for(self._driver.run_action(action), self.logout_timeout)
        except BrokerFailure as failure:
            assert self._link is not None
            raise failure.mask(self._link.redact) from None
        except TimeoutError:
            bound = self.logout_timeout
            raise LoginTimeout(f"'{action}' got no answer within {bound:g} s") from None
        finally:
            if self._dispatcher is not None:
                self._dispatcher.drain()

    async def shutdown(self) -> None:
        """Leave nothing live (window close, CLI exit); bounded by logout_timeout."""
        await self.logout()
        if self._cleanup is not None:
            with contextlib.suppress(Exception):
                await self._cleanup

    # -- internals -------------------------------------------------------------------------

    def _new_link(self, schema: Schema, settings: Mapping[str, Any]) -> DriverLink:
        """A fresh ordered channel from the driver's threads to this session."""
        self._dispatcher = LoopDispatcher(asyncio.get_running_loop())
        self._link = DriverLink(
            self.spec.id,
            self._dispatcher.post,
            Redactor(schema.secrets_in(settings)),
            self._on_event,
            self._on_detail,
            self._on_exchange,
        )
        return self._link

    async def _release(self, driver: Driver) -> None:
        try:
            await asyncio.wait_for(driver.logout(), self.logout_timeout)
        except TimeoutError:
            self._local_log(
                f"Logout did not finish within {self.logout_timeout:g} s; the connection was "
                "abandoned.",
                Level.WARNING,
            )
        except Exception as exc:
            self._local_log(f"Logout failed: {type(exc).__name__}: {exc}", Level.ERROR)
        if self._dispatcher is not None:
            self._dispatcher.drain()

    async def _fail(self, failure: BrokerFailure) -> None:
        assert self._dispatcher is not None
        self._dispatcher.drain()
        self.failure = failure
        self._driver = None
        self._set_state(SessionState.FAILED, failure.reason)
        raise failure

    def _set_state(self, state: SessionState, reason: str = "") -> None:
        if state is self.state and reason == self.reason:
            return
        self.state = state
        self.reason = reason
        for listener in list(self.state_listeners):
            listener(state, reason)

    def _local_log(self, text: str, level: Level) -> None:
        self._on_event(BrokerEvent(self.spec.id, EventKind.LOG, text=text, level=level))

    def _on_event(self, event: BrokerEvent) -> None:
        info = self.info
        if event.kind is EventKind.STATUS:
            info.last_status = event.status
            if event.status == CONNECT_READY and self.state is SessionState.CONNECTING:
                self._set_state(SessionState.CONNECTED)
        elif event.kind is EventKind.SERVER_TIME and event.server_time is not None:
            info.server_time = event.server_time
            info.clock_offset = event.server_time - event.time
            info.latency_ms = event.latency_ms
        elif event.kind is EventKind.RECOVER and event.topic:
            info.recover[event.topic] = RecoverProgress(event.topic, event.status, event.count)
        for listener in list(self.event_listeners):
            listener(event)
        if event.kind in (EventKind.SERVER_TIME, EventKind.RECOVER, EventKind.STATUS):
            self._notify_info()
        if (
            event.kind is EventKind.STATUS
            and event.status == DISCONNECTED
            and self.state is SessionState.LOGGED_IN
        ):
            self._connection_lost(event.text)

    def _connection_lost(self, text: str) -> None:
        driver, self._driver = self._driver, None
        self.failure = None
        reason = "Connection lost" + (f": {text}" if text else "")
        self._set_state(SessionState.FAILED, reason)
        if driver is not None:
            self._cleanup = asyncio.ensure_future(self._release(driver))

    def _on_detail(self, name: str, value: str) -> None:
        self.info.details[name] = value
        self._notify_info()

    def _on_exchange(self, exchange: Exchange, when: datetime) -> None:
        self.context.register(exchange)
        self._on_event(
            BrokerEvent(
                self.spec.id,
                EventKind.CONTEXT,
                status="REGISTERED",
                text=exchange.describe(),
                raw={"exchange": exchange.code, "name": exchange.name, "boards": exchange.boards},
                time=when,
            )
        )
        self._notify_info()

    def _notify_info(self) -> None:
        for listener in list(self.info_listeners):
            listener()
