"""How a login is started, the same way from a tab and from `check`: the values' layers, the
form they resolve to, validation, where the driver runs (a worker process, or in-process for
unit tests), the bound on the whole login, and what each failure means as an exit code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

from gui.core.driver import Driver
from gui.core.errors import (
    BrokerFailure,
    SdkUnavailable,
    WorkerFailed,
)
from gui.core.failure_class import FailureClass
from gui.core.records import ActionResult
from gui.core.registry import BrokerSpec, Environment
from gui.core.schema import Schema, merge
from gui.core.session import Session

if TYPE_CHECKING:
    from gui.core.diagnosis import Step

# Every login ends within this bound, also when a vendor call hangs (the GUI's and `check`'s).
LOGIN_BOUND_SECONDS = 60.0
# A diagnosis (its phases run side by side, each bounded; loading an SDK takes the longest).
DIAGNOSIS_BOUND_SECONDS = 30.0
SERVER_TIME_WAIT_SECONDS = 3.0  # after a diagnosis' login, for the broker's clock


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
            from functools import partial

            from gui.core.diagnosis_run import diagnose

            return InProcessHandle(
                self.spec.id,
                lambda: make(environment, scenario),
                bound=self.bound,
                diagnosis=partial(diagnose, self.spec, environment, scenario),
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

    def sdk_step(self, session: Session, failure: SdkUnavailable) -> list[Step]:
        """A diagnosis that ends before it starts: the SDK the settings name is not there
        (or does not load); that is its one step."""
        from gui.core.diagnosis import failed

        cls = failure.failure_class  # sdk_missing, or sdk_mismatch for an SDK that does not load
        session.diagnosis = []
        session.add_step(failed("sdk", self.spec.title, cls, 0.0, failure.reason))
        return list(session.diagnosis)

    async def diagnose(
        self,
        session: Session,
        environment: Environment,
        scenario: str,
        values: Mapping[str, Any],
        *,
        login: bool = False,
        timeout: float = DIAGNOSIS_BOUND_SECONDS,
    ) -> list[Step]:
        """Every phase of reaching the broker (and, with `login`, a real login and logout), as
        steps on the session; raises InvalidSettings (nothing runs) for bad input. Without a
        login, only the fields saying where the broker is are required."""
        import asyncio

        from gui.core.diagnosis import failed, first_failure
        from gui.core.trading_hours import hours_step

        self.spec.check_scenario(environment, scenario)
        started = asyncio.get_running_loop().time()
        try:
            schema = resolve_schema(self.spec, environment, values)
        except SdkUnavailable as failure:  # vnpy: the chosen gateway is not installed
            return self.sdk_step(session, failure)
        checked = schema if login else schema.relaxed(self.spec.endpoint_keys)
        checked.validate(values)
        try:
            await session.diagnose(
                self.handle(environment, scenario), values, schema=checked, seconds=timeout
            )
        except BrokerFailure as failure:  # crashed or hung (loading the SDK did), or no start
            # a worker that cannot start says so; any other end here is the SDK's loading
            cls = (
                failure.failure_class
                if isinstance(failure, WorkerFailed)
                else FailureClass.SDK_MISMATCH
            )
            session.add_step(
                failed(
                    "sdk",
                    self.spec.title,
                    cls,
                    0.0,
                    f"The diagnosis could not finish: {failure.reason}",
                )
            )
        if login and first_failure(session.diagnosis) is None:
            left = timeout - (asyncio.get_running_loop().time() - started)
            await self._login_step(session, environment, scenario, values, schema, max(left, 5.0))
        closed = hours_step(self.spec, session.diagnosis)
        if closed is not None:
            session.add_step(closed)
        return list(session.diagnosis)

    async def _login_step(
        self,
        session: Session,
        environment: Environment,
        scenario: str,
        values: Mapping[str, Any],
        schema: Schema,
        timeout: float,
    ) -> None:
        """A real login and logout as one step, then the broker's clock if it tells it."""
        import asyncio
        import time

        from gui.core.diagnosis import Step, clock_step, failed

        target = self.spec.title
        started = time.perf_counter()
        try:
            await self.login(session, environment, scenario, values, schema=schema, timeout=timeout)
        except BrokerFailure as failure:
            ms = (time.perf_counter() - started) * 1000
            detail = f"{failure.title}: {failure.reason}"
            known = self.spec.native_code(failure.native_code or "")
            if known is not None:  # the vendor's own code says more than the class
                detail += f" [code {known.code}: {known.meaning}]"
            fix = known.fix if known is not None else ""
            cls = login_failure_class(failure)
            session.add_step(failed("login", target, cls, ms, detail, fix))
            await session.logout()
            return
        ms = (time.perf_counter() - started) * 1000
        session.add_step(Step("login", target, True, ms=ms, detail="logged in"))
        if self.spec.reports_server_time:
            waited = 0.0
            while session.info.clock_offset is None and waited < SERVER_TIME_WAIT_SECONDS:
                await asyncio.sleep(0.1)
                waited += 0.1
            offset = session.info.clock_offset
            if offset is not None:
                source = "the broker's server time at login"
                resolution = session.info.clock_resolution
                session.add_step(clock_step(target, offset.total_seconds(), source, resolution))
        await session.logout()


def login_failure_class(failure: BrokerFailure) -> FailureClass:
    """The diagnosis class of a failed login (the network phases before it passed): the one the
    failure carries from where it was known."""
    return failure.failure_class
