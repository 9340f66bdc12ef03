"""The contract between a session and one broker's driver."""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from gui.core.credential_expiry import CREDENTIAL_EXPIRES
from gui.core.credential_expiry import warning as expiry_warning
from gui.core.diagnosis import Step
from gui.core.errors import BrokerFailure
from gui.core.events import EventKind, Level
from gui.core.records import (
    ActionResult,
    Cancelled,
    Connected,
    Detail,
    Failed,
    Listed,
    LoggedIn,
    LoggedOut,
    LoginOutcome,
    Lost,
    Record,
    Result,
    StepDone,
)
from gui.core.redaction import Redactor

FLUSH_SECONDS = 0.5


class RecordSink(Protocol):
    """Where a link's records go: the console's pump, or the worker's pipe writer.

    `put` is called on vendor threads: it must be thread-safe, never raise and never block.
    `flush` returns once what was put so far has left this process (bounded)."""

    def put(self, record: Record) -> None: ...

    def flush(self, timeout: float) -> None: ...


class DriverLink:
    """What a driver may touch of its session. Every method is safe from any thread, cheap
    (a record is queued; masking and everything else happen off the vendor's thread), and
    keeps order: the session sees records exactly in the order they were made.

    Display: `emit`, `log`, `status`. Typed outcomes the session's state follows: `connected`,
    `logged_in`, `failed` (the first of these two wins), `lost`, `logged_out`. Status text is
    for display only: the session never reads it."""

    def __init__(self, broker: str, sink: RecordSink, redactor: Redactor) -> None:
        self.broker = broker
        self.redactor = redactor
        self._sink = sink
        self._put = sink.put
        self._outcome_lock = threading.Lock()
        self._outcome: LoginOutcome | None = None

    # -- display ---------------------------------------------------------------------------

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
    ) -> None:
        self._put(
            (
                time.time(),
                kind,
                status,
                text,
                topic,
                count,
                server_time,
                latency_ms,
                level,
                raw,
            )
        )

    def log(self, text: str, level: Level = Level.INFO, **raw: Any) -> None:
        self.emit(EventKind.LOG, text=text, level=level, raw=raw or None)

    def status(self, status: str, text: str = "", level: Level = Level.INFO, **raw: Any) -> None:
        self.emit(EventKind.STATUS, status, text, level=level, raw=raw or None)

    def set_detail(self, name: str, value: str) -> None:
        """A fact for the session panel, e.g. 'SDK version'."""
        self._put(Detail(name, value))

    def credential_expires(self, when: datetime) -> None:
        """The vendor said when the credential stops working (gui/core/credential_expiry.py):
        a detail, and a warning in the log inside the warning window."""
        when = when.astimezone(UTC).replace(microsecond=0)
        self.set_detail(CREDENTIAL_EXPIRES, when.isoformat())
        text = expiry_warning(when, datetime.now(UTC))
        if text:
            self.log(text, Level.WARNING, credential_expires_at=when.isoformat())

    def register(self, code: str, name: str, boards: Sequence[str] = ()) -> None:
        """Register an exchange (and its boards) in the session's context."""
        self._put(Listed(code, name, tuple(boards), time.time()))

    def step(self, step: Step) -> None:
        """One phase of a diagnosis, done."""
        self._put(StepDone(step))

    # -- typed outcomes --------------------------------------------------------------------

    def connected(self, text: str = "") -> None:
        """The broker answered; the login goes on (the session shows CONNECTED)."""
        self._put(Connected(text))

    def logged_in(self) -> bool:
        """The login succeeded; False when an outcome was already reported."""
        return self._settle(LoggedIn())

    def failed(self, failure: BrokerFailure) -> bool:
        """The login failed (its reason masked); False when an outcome was already reported."""
        return self._settle(Failed(failure.mask(self.redact)))

    def cancelled(self) -> bool:
        return self._settle(Cancelled())

    def lost(self, reason: str) -> None:
        """A logged-in connection dropped (the broker or the network said so)."""
        self._put(Lost(self.redact(reason)))

    def logged_out(self) -> None:
        self._put(LoggedOut())

    def result(self, request_id: int, outcome: ActionResult | BrokerFailure) -> None:
        if isinstance(outcome, BrokerFailure):
            outcome = outcome.mask(self.redact)
        self._put(Result(request_id, outcome))

    @property
    def outcome(self) -> LoginOutcome | None:
        """How the login ended, once it has."""
        return self._outcome

    def _settle(self, outcome: LoginOutcome) -> bool:
        with self._outcome_lock:
            if self._outcome is not None:
                return False
            self._outcome = outcome
            self._put(outcome)
            return True

    def flush(self) -> None:
        """Call right before native vendor code that may crash the process: everything said so
        far reaches the console first, so the evidence survives the crash (bounded)."""
        self._sink.flush(FLUSH_SECONDS)

    # -- secrets ---------------------------------------------------------------------------

    def add_secret(self, value: str) -> None:
        """A credential learnt during the login (e.g. a session token): masked from now on."""
        self.redactor.add(value)

    def redact(self, text: str) -> str:
        return self.redactor.text(text)


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
