"""One login through a real Session, on an asyncio loop of its own, for headless tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from gui.core.driver import Driver
from gui.core.events import BrokerEvent, EventKind
from gui.core.registry import BrokerSpec, Environment
from gui.core.schema import Schema
from gui.core.session import Session, SessionState

BOUND_SECONDS = 60


class LoginRun:
    """Records every event and state of one session; `login` returns the failure, if any."""

    def __init__(self, spec: BrokerSpec) -> None:
        self.spec = spec
        self.session = Session(spec)
        self.events: list[BrokerEvent] = []
        self.states: list[SessionState] = []
        self.session.event_listeners.append(self.events.append)
        self.session.state_listeners.append(lambda state, _reason: self.states.append(state))

    def statuses(self) -> list[str]:
        return [e.status for e in self.events if e.kind is EventKind.STATUS]

    def login(
        self,
        values: Mapping[str, Any],
        *,
        environment: Environment = Environment.LIVE,
        scenario: str = "",
        driver: Callable[[Executor], Driver] | None = None,
        timeout: float | None = None,
        schema: Schema | None = None,
        until: Callable[[], bool] | None = None,
        stay: float = 0.0,
    ) -> Exception | None:
        """Log in, wait for `until` (bounded) or `stay` seconds, then shut the session down."""
        outcome: Exception | None = None

        async def go() -> None:
            nonlocal outcome
            with ThreadPoolExecutor(4) as pool:
                made = (
                    driver(pool) if driver else self.spec.create_driver(environment, scenario, pool)
                )
                try:
                    await self.session.connect(made, values, timeout=timeout, schema=schema)
                    while until is not None and not until():
                        await asyncio.sleep(0.02)
                    await asyncio.sleep(stay)
                except Exception as exc:
                    outcome = exc
                await self.session.shutdown()

        asyncio.run(asyncio.wait_for(go(), BOUND_SECONDS))
        return outcome
