"""One login through a real Session, on an asyncio loop of its own, for headless tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any

from gui.core.driver import Driver
from gui.core.events import BrokerEvent, EventKind
from gui.core.handles import InProcessHandle
from gui.core.login import Isolation, LoginController
from gui.core.registry import BrokerSpec, Environment
from gui.core.schema import Schema
from gui.core.session import Session, SessionState

BOUND_SECONDS = 60


def in_process(broker: str, driver: Driver, *, bound: float = 10.0) -> InProcessHandle:
    """A handle running this very driver on the test's loop."""
    return InProcessHandle(broker, lambda: driver, bound=bound)


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
        scenario: str = "normal",
        driver: Callable[[], Driver] | None = None,
        isolation: Isolation = Isolation.IN_PROCESS,
        timeout: float = BOUND_SECONDS,
        schema: Schema | None = None,
        until: Callable[[], bool] | None = None,
        stay: float = 0.0,
    ) -> Exception | None:
        """Log in, wait for `until` (bounded) or `stay` seconds, then shut the session down."""
        outcome: Exception | None = None
        controller = LoginController(
            self.spec,
            isolation=isolation,
            in_process_driver=(lambda _env, _scenario: driver()) if driver else None,
        )

        async def go() -> None:
            nonlocal outcome
            try:
                await controller.login(
                    self.session, environment, scenario, values, schema=schema, timeout=timeout
                )
                while until is not None and not until():
                    await asyncio.sleep(0.02)
                await asyncio.sleep(stay)
            except Exception as exc:
                outcome = exc
            await self.session.shutdown()

        asyncio.run(asyncio.wait_for(go(), BOUND_SECONDS))
        return outcome
