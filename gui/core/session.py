"""One broker login: the state machine every tab and the CLI render.

asyncio is imported where a login needs it: the window shows before it has loaded (start-up).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Any

from gui.core.clock import resolution_of
from gui.core.context import Context, Exchange
from gui.core.diagnosis import Step
from gui.core.errors import BrokerFailure, DriverCrashed, LoginTimeout
from gui.core.events import BrokerEvent, EventKind, Level
from gui.core.records import (
    ActionResult,
    Cancelled,
    Connected,
    Detail,
    Dropped,
    Ended,
    Failed,
    Listed,
    LoggedIn,
    LoginOutcome,
    Lost,
    Record,
    StepDone,
    local_time,
)
from gui.core.redaction import PROCESS_SECRETS, Redactor
from gui.core.registry import BrokerSpec
from gui.core.schema import Schema
from gui.core.trading_hours import closed_verdict, logged_in_while_closed

if TYPE_CHECKING:
    import asyncio
    from pathlib import Path

    from gui.core.handles import DriverHandle


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


DIAGNOSIS_STATUS = "DIAGNOSIS"  # the status of a diagnosis step's row in the log


class SessionBusy(RuntimeError):
    """Connect was asked for while a login is already live."""


# Per event: in Python 3.11 reading an Enum class's member costs ~0.2 us.
_RECOVER, _STATUS, _SERVER_TIME = EventKind.RECOVER, EventKind.STATUS, EventKind.SERVER_TIME


@dataclass(slots=True)
class RecoverProgress:
    topic: str
    status: str
    count: int | None


@dataclass(slots=True)
class SessionInfo:
    """What the session panel shows; rebuilt from records on the loop thread."""

    server_time: datetime | None = None
    clock_offset: timedelta | None = None  # server minus local, at receipt
    clock_resolution: float = 0.0  # the server time's precision in seconds (0: exact enough)
    clock_level: Level = Level.INFO  # the broker's own verdict on the offset
    last_clock_text: str = ""  # what the broker's clock event said (a warning says what to do)
    latency_ms: float | None = None
    last_status: str = ""
    last_event: BrokerEvent | None = None
    dropped: int = 0  # events a full queue dropped before they reached the log
    details: dict[str, str] = field(default_factory=dict)
    recover: dict[str, RecoverProgress] = field(default_factory=dict)


StateListener = Callable[["SessionState", str], None]
EventListener = Callable[[BrokerEvent], None]


class Session:
    """Owns one login at a time (a DriverHandle) and the state machine

    DISCONNECTED → CONNECTING → CONNECTED → LOGGED_IN → LOGGING_OUT → DISCONNECTED, and
    FAILED(reason) from any live state. State moves only on the typed records the driver's
    link sends (connected, logged in, failed, lost, …), never on event text. The session is
    the single writer of its events: listeners (the log, the CLI) only receive.
    """

    def __init__(self, spec: BrokerSpec, *, logout_timeout: float = 10.0) -> None:
        self.spec = spec
        self.logout_timeout = logout_timeout
        self.state = SessionState.DISCONNECTED
        self.reason = ""
        self.failure: BrokerFailure | None = None
        self.closed_warning = ""  # the last login worked while the venue was scheduled closed
        self.info = SessionInfo()
        self.context = Context()
        self.event_listeners: list[EventListener] = []  # each event, one call each
        # Or several events at once, in order (the log takes floods this way).
        self.event_batch_listeners: list[Callable[[list[BrokerEvent]], None]] = []
        self.state_listeners: list[StateListener] = []
        # The persistent log (SessionLog.attach): its folder goes to each handle, so a worker
        # writes its own events there; the sink takes the rest.
        self.log_folder: Path | None = None
        self.log_sink: Callable[[list[BrokerEvent]], None] | None = None
        self.info_listeners: list[Callable[[], None]] = []
        self.diagnosis: list[Step] = []  # the latest diagnosis, step by step
        self.step_listeners: list[Callable[[Step], None]] = []
        self._handle: DriverHandle | None = None
        self._generation = 0
        self._login: asyncio.Future[LoginOutcome] | None = None
        self._cancel_requested = False
        self._redactor = Redactor()
        self._cleanup: set[asyncio.Task[None]] = set()

    # -- actions ---------------------------------------------------------------------------

    async def connect(
        self,
        handle: DriverHandle,
        values: Mapping[str, Any],
        *,
        timeout: float | None = None,
        schema: Schema | None = None,
    ) -> None:
        """Validate (against `schema`, else the broker's), then log in. Raises the typed failure
        after the state shows it; returns quietly when the login was cancelled."""
        import asyncio

        if self.state.live:
            raise SessionBusy(f"{self.spec.id}: a login is already {self.state.value}")
        schema = schema or self.spec.schema
        settings = schema.validate(values)
        self.failure = None
        self.info = SessionInfo()
        self.context.clear()
        self._notify_info()
        login = self._login = asyncio.get_running_loop().create_future()
        self._cancel_requested = False
        self._set_state(SessionState.CONNECTING)
        try:
            self._attach(handle, schema, settings)
            handle.login(settings)
        except BrokerFailure as failure:
            self._finish_login(Failed(failure))
            raise failure from None
        try:
            # asyncio.timeout, not wait_for: Python 3.11's wait_for swallows the caller's cancel
            # (Ctrl-C, a closing window) when the login ends at the same moment.
            async with asyncio.timeout(timeout):
                outcome = await asyncio.shield(login)
        except TimeoutError:
            last = self.info.last_status or "none"
            timed_out = LoginTimeout(f"No login within {timeout:g} s (last status: {last}).")
            self._finish_login(Failed(timed_out))
            raise timed_out from None
        except asyncio.CancelledError:  # our caller gave up (the window is closing, Ctrl-C)
            self._cancel_requested = True
            if not login.done():
                self._local_log("The login was stopped before it ended.", Level.WARNING)
            self._finish_login(Cancelled())
            raise
        if isinstance(outcome, Failed):
            raise outcome.failure

    async def probe(
        self, handle: DriverHandle, values: Mapping[str, Any], *, schema: Schema | None = None
    ) -> ActionResult:
        """The broker's pre-login check; its events go to the log, the state does not move."""
        if self.state.live:
            raise SessionBusy(f"{self.spec.id}: a login is {self.state.value}")
        schema = schema or self.spec.schema
        settings = schema.validate(values)
        self._attach(handle, schema, settings)
        try:
            return await handle.probe(settings)
        except BrokerFailure as failure:
            raise failure.mask(self._redactor.text) from None
        finally:
            await handle.close()

    async def diagnose(
        self, handle: DriverHandle, values: Mapping[str, Any], *, schema: Schema, seconds: float
    ) -> list[Step]:
        """Where the connection breaks, phase by phase (steps reach `step_listeners` and the
        log as they come); the state does not move. A diagnosis that cannot finish raises."""
        if self.state.live:
            raise SessionBusy(f"{self.spec.id}: a login is {self.state.value}")
        settings = schema.validate(values)
        self.diagnosis = []
        self._attach(handle, schema, settings)
        try:
            await handle.diagnose(settings, seconds)
        except BrokerFailure as failure:
            raise failure.mask(self._redactor.text) from None
        finally:
            await handle.close()
        return list(self.diagnosis)

    def add_step(self, step: Step) -> None:
        """A diagnosis step (from the worker, or the console's own: the login, the clock):
        masked, kept, told to listeners, and written to the log."""
        step = Step.from_json(self._redactor.value(step.to_json()))
        self.diagnosis.append(step)
        level = {"ok": Level.INFO, "warn": Level.WARNING}.get(step.level, Level.ERROR)
        text = f"{step.step} {step.target}: {step.detail}" + (f" [{step.cls}]" if step.cls else "")
        self._on_event(
            BrokerEvent(
                self.spec.id, EventKind.LOG, DIAGNOSIS_STATUS, text, level=level, raw=step.to_json()
            )
        )
        for listener in list(self.step_listeners):
            listener(step)

    def cancel(self) -> bool:
        """Abort a login in progress; the driver releases what it created (bounded)."""
        if self._login is None or self._login.done() or self._handle is None:
            return False
        self._cancel_requested = True
        self._handle.cancel()
        return True

    async def logout(self) -> None:
        """Log out if logged in; cancel a login in progress; otherwise nothing to do."""
        import asyncio

        if self.state in (SessionState.CONNECTING, SessionState.CONNECTED):
            login = self._login
            self.cancel()
            if login is not None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(asyncio.shield(login), self.logout_timeout + 3)
                self._finish_login(Cancelled())  # a driver that never answered counts as stopped
            # it may have logged in meanwhile (the state moved during the await)
            if self.state is not SessionState.LOGGED_IN:  # type: ignore[comparison-overlap]
                return
        if self.state is SessionState.FAILED:
            self._set_state(SessionState.DISCONNECTED)
            return
        if self.state is not SessionState.LOGGED_IN or self._handle is None:
            return
        self._set_state(SessionState.LOGGING_OUT)
        await self._handle.logout()
        self._set_state(SessionState.DISCONNECTED)

    async def run_action(self, action: str) -> ActionResult:
        """A broker action on the live login; failures are typed and leave the login as it is."""
        if self.state is not SessionState.LOGGED_IN or self._handle is None:
            raise SessionBusy(f"{self.spec.id}: log in first")
        try:
            return await self._handle.action(action)
        except BrokerFailure as failure:
            raise failure.mask(self._redactor.text) from None

    def note(self, text: str, level: Level = Level.INFO) -> None:
        """Something the console itself has to say in this broker's log (a cancel, a form
        auto-fill): the session stays the single writer of its log."""
        self._local_log(text, level)

    def reset(self) -> None:
        """Forget a finished login (another environment was chosen): state, panel, context."""
        if self.state.live:
            return
        self.failure = None
        self.info = SessionInfo()
        self.context.clear()
        self._notify_info()
        self._set_state(SessionState.DISCONNECTED)

    async def shutdown(self) -> None:
        """Leave nothing live (window close, CLI exit); bounded by the handles' own bounds."""
        import asyncio

        await self.logout()
        if self._cleanup:
            await asyncio.gather(*list(self._cleanup), return_exceptions=True)

    # -- records ---------------------------------------------------------------------------

    def _attach(self, handle: DriverHandle, schema: Schema, settings: Mapping[str, Any]) -> None:
        """Make `handle` the current one; records of earlier handles are ignored from now on."""
        self._generation += 1
        self._handle = handle
        secrets = schema.secrets_in(settings)
        self._redactor = Redactor(secrets)
        for secret in secrets:
            PROCESS_SECRETS.add(secret)
        handle.log_folder = self.log_folder
        handle.start(
            partial(self._deliver, self._generation), self._redactor, list(schema.secret_keys)
        )

    def _deliver(self, generation: int, records: list[Record]) -> None:
        if generation != self._generation:
            return
        logged = self._handle is not None and self._handle.writes_log
        info_changed = False
        events: list[BrokerEvent] = []
        note = self._note
        for record in records:
            if type(record) is BrokerEvent:  # nearly every record: first, and no match
                info_changed |= note(record)
                events.append(record)
                continue
            if events:  # what came before this record is told before it
                self._publish(events, logged)
                events = []
            match record:
                case Detail(name, value):
                    self.info.details[name] = value
                    info_changed = True
                case Listed(code, name, boards, epoch):
                    self._on_exchange(Exchange(code, name, boards), epoch)
                    info_changed = True
                case Connected():
                    if self.state is SessionState.CONNECTING:
                        self._set_state(SessionState.CONNECTED)
                case LoggedIn() | Failed() | Cancelled():
                    self._finish_login(record)
                case Lost(reason):
                    self._connection_lost(reason)
                case StepDone(step):
                    self.add_step(step)
                case Dropped(count):
                    self.info.dropped += count
                    info_changed = True
                case Ended(description, requested):
                    self._driver_ended(description, requested)
        if events:
            self._publish(events, logged)
        if info_changed:
            self._notify_info()

    def _on_event(self, event: BrokerEvent) -> None:
        """One event the session itself made (a note, a registration)."""
        if self._note(event):
            self._notify_info()
        self._publish([event])

    def _publish(self, events: list[BrokerEvent], logged: bool = False) -> None:
        """To every listener; to the log unless the handle's worker wrote them (`logged`)."""
        for listener in self.event_listeners:
            for event in events:
                listener(event)
        for batch_listener in self.event_batch_listeners:
            batch_listener(events)
        if not logged and self.log_sink is not None:
            self.log_sink(events)

    def _note(self, event: BrokerEvent) -> bool:
        """Keep what the panel shows; True when that changed."""
        info = self.info
        info.last_event = event
        changed = False
        kind = event.kind
        if kind is _RECOVER:  # the most frequent first: a recovery floods with these
            if event.topic:
                info.recover[event.topic] = RecoverProgress(event.topic, event.status, event.count)
                changed = True
        elif kind is _STATUS:
            info.last_status = event.status
            changed = True
        elif kind is _SERVER_TIME and event.server_time is not None:
            info.server_time = event.server_time
            info.clock_offset = event.server_time - event.time
            info.clock_resolution = resolution_of(event.raw)
            info.clock_level = event.level
            info.last_clock_text = event.text
            info.latency_ms = event.latency_ms
            changed = True
        return changed

    def _finish_login(self, outcome: LoginOutcome) -> None:
        login = self._login
        if login is None or login.done():
            return
        if isinstance(outcome, LoggedIn):
            self.closed_warning = logged_in_while_closed(self.spec.venues)
            if self.closed_warning:
                self._local_log(self.closed_warning, Level.WARNING, "Outside trading hours")
            self._set_state(SessionState.LOGGED_IN)
            login.set_result(outcome)
            return
        if isinstance(outcome, Failed):
            failure = closed_verdict(self.spec.venues, outcome.failure)  # the venue's hours
            failure.mask(self._redactor.text)
            self.failure = failure
            self._local_log(f"{failure.title}: {failure.reason}", Level.ERROR, failure.title)
            self._set_state(SessionState.FAILED, failure.reason)
        else:
            self._set_state(SessionState.DISCONNECTED, "Cancelled")
        login.set_result(outcome)
        self._close_in_background()

    def _connection_lost(self, text: str) -> None:
        if self.state is not SessionState.LOGGED_IN:
            return
        self.failure = None
        reason = "Connection lost" + (f": {text}" if text else "")
        self._set_state(SessionState.FAILED, reason)
        self._close_in_background()

    def _driver_ended(self, description: str, requested: bool) -> None:
        """The driver (its process) is gone: a crash if nobody asked it to go."""
        login = self._login
        if login is not None and not login.done():
            if requested or self._cancel_requested:
                self._finish_login(Cancelled())
            else:
                self._finish_login(Failed(DriverCrashed(self._crash_reason(description))))
            return
        if description and not requested:
            if self.state is SessionState.LOGGED_IN:
                self._connection_lost(self._crash_reason(description))
            else:
                self._local_log(f"The driver process {description}.", Level.WARNING)

    def _crash_reason(self, description: str) -> str:
        last = self.info.last_event
        if last is None:
            after = "; it sent no event"
        else:
            said = " ".join(part for part in (last.kind_label, last.status, last.detail) if part)
            after = f"; the last event it sent: {said}"
        return f"The driver process {description or 'ended without an answer'}{after}."

    def _close_in_background(self) -> None:
        import asyncio

        handle = self._handle
        if handle is None:
            return
        task = asyncio.ensure_future(handle.close())
        self._cleanup.add(task)
        task.add_done_callback(self._cleanup.discard)

    def _set_state(self, state: SessionState, reason: str = "") -> None:
        if state is self.state and reason == self.reason:
            return
        self.state = state
        self.reason = reason
        for listener in list(self.state_listeners):
            listener(state, reason)

    def _local_log(self, text: str, level: Level, status: str = "") -> None:
        """An event the console itself found (a timeout, a crash): masked, into the log."""
        self._on_event(
            BrokerEvent(self.spec.id, EventKind.LOG, status, self._redactor.text(text), level=level)
        )

    def _on_exchange(self, exchange: Exchange, epoch: float) -> None:
        self.context.register(exchange)
        self._on_event(
            BrokerEvent(
                self.spec.id,
                EventKind.CONTEXT,
                status="REGISTERED",
                text=exchange.describe(),
                raw={"exchange": exchange.code, "name": exchange.name, "boards": exchange.boards},
                time=local_time(epoch),
            )
        )

    def _notify_info(self) -> None:
        for listener in list(self.info_listeners):
            listener()
