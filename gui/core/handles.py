"""Where a login's driver runs: in a worker process (the product) or on the console's own loop
(unit tests). The session talks to either through this one interface and hears from either
through the same records."""

from __future__ import annotations

import asyncio
import itertools
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from gui.core.diagnosis import Step
from gui.core.driver import Driver, DriverLink
from gui.core.errors import BrokerFailure, DriverCrashed, LoginTimeout
from gui.core.pump import Deliver, RecordPump
from gui.core.records import ActionResult, Ended, Record, Result
from gui.core.redaction import Redactor
from gui.core.runner import DriverRunner

DEFAULT_BOUND = 10.0
_RARE: frozenset[type] = frozenset({Result, Ended})


class DriverHandle(ABC):
    """One login attempt's driver. `start` once, then `login` or `probe`; every wait bounded."""

    def __init__(self, broker: str, *, bound: float = DEFAULT_BOUND) -> None:
        self.broker = broker
        self.bound = bound
        self._deliver: Deliver | None = None
        self._requests: dict[int, asyncio.Future[ActionResult | BrokerFailure]] = {}
        self._ids = itertools.count(1)
        self._ended: asyncio.Event | None = None
        self._tasks: set[asyncio.Task[Any]] = set()  # held so the loop does not drop them
        self.secret_keys: list[str] = []
        self.log_folder: Path | None = None  # where the session log is (set before `start`)

    @property
    def writes_log(self) -> bool:
        """True when the driver's own process writes its events to the session log."""
        return False

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def start(self, deliver: Deliver, redactor: Redactor, secret_keys: list[str]) -> None:
        """Get ready to run; records go to `deliver`. `secret_keys` name the settings that are
        secrets (masked wherever the driver runs)."""
        self._deliver = deliver
        self.secret_keys = sorted(secret_keys)
        self._ended = asyncio.Event()
        self._open(redactor)

    @property
    def ended(self) -> bool:
        return self._ended is not None and self._ended.is_set()

    @abstractmethod
    def _open(self, redactor: Redactor) -> None: ...

    @abstractmethod
    def login(self, settings: Mapping[str, Any]) -> None:
        """Start logging in; the outcome arrives as a record."""

    @abstractmethod
    def cancel(self) -> None:
        """Stop the login in progress (bounded: a driver that does not stop is ended)."""

    @abstractmethod
    async def logout(self) -> None:
        """Log out and end; returns when the driver is gone (bounded)."""

    @abstractmethod
    async def close(self) -> None:
        """End everything now (after a failure, a loss or a timeout), bounded."""

    @abstractmethod
    def _send_request(self, request_id: int, kind: str, argument: Any) -> None: ...

    async def action(self, name: str) -> ActionResult:
        return await self._request("action", name, f"'{name}'")

    async def probe(self, settings: Mapping[str, Any]) -> ActionResult:
        return await self._request("probe", dict(settings), "the check")

    async def diagnose(self, settings: Mapping[str, Any], seconds: float) -> ActionResult:
        """Run a diagnosis (its steps arrive as records before the answer) within `seconds`."""
        return await self._request("diagnose", dict(settings), "the diagnosis", seconds)

    async def _request(
        self, kind: str, argument: Any, what: str, seconds: float | None = None
    ) -> ActionResult:
        request_id = next(self._ids)
        future: asyncio.Future[ActionResult | BrokerFailure] = (
            asyncio.get_running_loop().create_future()
        )
        self._requests[request_id] = future
        self._send_request(request_id, kind, argument)
        seconds = seconds or self.bound + 1
        try:
            outcome = await asyncio.wait_for(future, seconds)
        except TimeoutError:
            raise LoginTimeout(f"{what} got no answer within {seconds:g} s") from None
        finally:
            self._requests.pop(request_id, None)
        if isinstance(outcome, BrokerFailure):
            raise outcome
        return outcome

    async def wait_ended(self, seconds: float) -> bool:
        """True once the driver is gone; False when `seconds` passed first."""
        assert self._ended is not None
        try:
            await asyncio.wait_for(self._ended.wait(), seconds)
        except TimeoutError:
            return False
        return True

    def _receive(self, records: list[Record]) -> None:
        """Results answer their request here; everything else goes on to the session."""
        forward = records
        if not _RARE.isdisjoint(map(type, records)):
            forward = []
            for record in records:
                if isinstance(record, Result):
                    future = self._requests.get(record.request_id)
                    if future is not None and not future.done():
                        future.set_result(record.outcome)
                    continue
                if isinstance(record, Ended):
                    assert self._ended is not None
                    self._ended.set()
                    gone = record.description or "ended"
                    for future in self._requests.values():
                        if not future.done():
                            future.set_result(
                                DriverCrashed(f"The driver process {gone} before answering.")
                            )
                forward.append(record)
        if forward and self._deliver is not None:
            self._deliver(forward)


class InProcessHandle(DriverHandle):
    """The driver on the console's own loop: for unit tests, which need no process."""

    def __init__(
        self,
        broker: str,
        make_driver: Callable[[], Driver],
        *,
        bound: float = DEFAULT_BOUND,
        diagnosis: Callable[[Mapping[str, Any], Callable[[Step], None]], str] | None = None,
    ) -> None:
        super().__init__(broker, bound=bound)
        self._make_driver = make_driver
        self._diagnosis = diagnosis  # the diagnosis run, for the given settings and reporter
        self._runner: DriverRunner | None = None
        self._pump: RecordPump | None = None

    def _open(self, redactor: Redactor) -> None:
        self._pump = RecordPump(asyncio.get_running_loop(), self.broker, self._receive, redactor)
        link = DriverLink(self.broker, self._pump, redactor)
        self._runner = DriverRunner(self._make_driver(), link, logout_bound=self.bound)

    @property
    def runner(self) -> DriverRunner:
        assert self._runner is not None, "start() first"
        return self._runner

    def login(self, settings: Mapping[str, Any]) -> None:
        self.runner.start_login(settings)

    def cancel(self) -> None:
        self.runner.cancel()

    async def logout(self) -> None:
        await self.close()

    async def close(self) -> None:
        if self.ended:
            return
        await self.runner.logout()
        assert self._pump is not None
        self._pump.put(Ended("", True))
        self._pump.drain_now()

    def _send_request(self, request_id: int, kind: str, argument: Any) -> None:
        runner = self.runner
        if kind == "action":
            self._spawn(runner.action(request_id, argument))
        elif kind == "diagnose":
            self._spawn(self._diagnose(request_id, argument))
        else:
            self._spawn(runner.probe(request_id, argument))

    async def _diagnose(self, request_id: int, settings: Mapping[str, Any]) -> None:
        link = self.runner.link
        assert self._diagnosis is not None, "a diagnosis needs the spec's run"
        summary = await asyncio.to_thread(self._diagnosis, settings, link.step)
        link.result(request_id, ActionResult(summary))
