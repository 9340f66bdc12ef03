"""How a login is started, the same way from a tab and from `check`: the values' layers, the
form they resolve to, validation, where the driver runs (a worker process, or in-process for
unit tests), the bound on the whole login, and what each failure means as an exit code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

from gui.core.driver import ActionResult, Driver
from gui.core.errors import BrokerFailure
from gui.core.registry import BrokerSpec, Environment
from gui.core.schema import Schema, merge
from gui.core.session import Session

# Every login ends within this bound, also when a vendor call hangs (the GUI's and `check`'s).
LOGIN_BOUND_SECONDS = 60.0


class Isolation(Enum):
    WORKER = "worker"  # the product: a process per login
    IN_PROCESS = "in_process"  # unit tests: the driver on the console's loop


def resolve_schema(spec: BrokerSpec, environment: Environment, values: Mapping[str, Any]) -> Schema:
    """The form these values resolve to, after the broker's own preflight (vnpy: the gateway's
    module must be installed); raises the typed failure."""
    if spec.preflight is not None:
        spec.preflight(environment, values)
    return spec.schema_for(environment, values)


def layered_values(
    spec: BrokerSpec,
    environment: Environment,
    saved: Mapping[str, Any],
    given: Mapping[str, Any],
) -> tuple[Schema, dict[str, Any]]:
    """Defaults, then saved values (never a secret; each only if it still parses, so one bad
    value in a settings file falls back to its default alone), then what the user gave."""
    defaults = spec.defaults(environment)
    schema = resolve_schema(spec, environment, merge(defaults, saved, given))
    usable = {
        key: value
        for key, value in schema.public(saved).items()
        if not schema.problems_of(key, value)
    }
    known = {key: value for key, value in defaults.items() if key in schema}
    return schema, merge(known, usable, given)


def exit_code(failure: BaseException | None) -> int:
    """The CLI contract: 0 ok, 2 invalid input, 3 could not connect, 4 rejected, 5 timed out,
    6 the broker answered with an error, 1 anything else."""
    if failure is None:
        return 0
    return failure.exit_code if isinstance(failure, BrokerFailure) else 1


class LoginController:
    """Starts one broker's logins and probes on a Session."""

    def __init__(
        self,
        spec: BrokerSpec,
        *,
        isolation: Isolation = Isolation.WORKER,
        driver_factory: str | None = None,
        in_process_driver: Callable[[Environment, str], Driver] | None = None,
        bound: float = 10.0,
    ) -> None:
        self.spec = spec
        self.isolation = isolation
        self.driver_factory = driver_factory  # worker: "module:callable" of a stand-in driver
        self.in_process_driver = in_process_driver
        self.bound = bound

    def handle(self, environment: Environment, scenario: str) -> Any:
        """Where the next driver runs."""
        self.spec.check_scenario(environment, scenario)
        if self.isolation is Isolation.IN_PROCESS:
            from gui.core.handles import InProcessHandle  # asyncio: not before the window

            make = self.in_process_driver or self.spec.create_driver
            return InProcessHandle(
                self.spec.id, lambda: make(environment, scenario), bound=self.bound
            )
        from gui.worker.handle import WorkerHandle  # asyncio, subprocess: with a first login

        return WorkerHandle(
            self.spec.id,
            environment,
            scenario,
            bound=self.bound,
            driver_factory=self.driver_factory,
        )

    async def login(
        self,
        session: Session,
        environment: Environment,
        scenario: str,
        values: Mapping[str, Any],
        *,
        schema: Schema | None = None,
        timeout: float = LOGIN_BOUND_SECONDS,
    ) -> None:
        """Log in within `timeout`; raises the typed failure the session shows."""
        schema = schema or resolve_schema(self.spec, environment, values)
        schema.validate(values)  # invalid input: nothing starts
        await session.connect(
            self.handle(environment, scenario), values, timeout=timeout, schema=schema
        )

    async def probe(
        self,
        session: Session,
        environment: Environment,
        scenario: str,
        values: Mapping[str, Any],
        *,
        schema: Schema | None = None,
    ) -> ActionResult:
        schema = schema or resolve_schema(self.spec, environment, values)
        schema.validate(values)
        return await session.probe(self.handle(environment, scenario), values, schema=schema)
