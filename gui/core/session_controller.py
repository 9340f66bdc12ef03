"""One broker's session and what runs it, for the window's tab and the CLI alike: the login
through the worker, the account's passwords remembered after a login that worked, health,
reconnect with the same values after a drop, and logout. Qt-free: a view listens to the
session (state, events, info) and to the health tracker, and only renders.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from gui.core.diagnosis import Step
from gui.core.errors import BrokerFailure, LoginRejected
from gui.core.events import Level
from gui.core.lockout import LockoutGuard, account_key
from gui.core.login import DIAGNOSIS_BOUND_SECONDS, LOGIN_BOUND_SECONDS, LoginController
from gui.core.registry import BrokerSpec, Environment, after_drop
from gui.core.schema import Schema
from gui.core.session import Session, SessionState

if TYPE_CHECKING:
    from gui.core.health import HealthTracker, Reconnector

T = TypeVar("T")
VAULT_BOUND_SECONDS = 30.0  # the credential store may ask the user to unlock it


@dataclass(frozen=True)
class LoginRequest:
    """What a login is made with; a reconnect makes it again (its scenario after the drop)."""

    environment: Environment
    scenario: str
    values: Mapping[str, Any]
    schema: Schema | None = None
    timeout: float = LOGIN_BOUND_SECONDS
    account: str | None = None  # whose rejected logins the lockout guard counts


# Keeps the secrets of a login that worked (e.g. Accounts.remember for one account); blocking.
Remember = Callable[[Mapping[str, str]], None]


@dataclass(frozen=True)
class Diagnosed:
    """A diagnosis' steps, and why they were not kept for a support bundle ('' if they were)."""

    steps: list[Step]
    not_kept: str


class SessionController:
    """Logs one broker's session in and out, watches its health and reconnects it."""

    def __init__(self, spec: BrokerSpec, *, logins: LoginController | None = None) -> None:
        self.spec = spec
        self.session = Session(spec)
        self.logins = logins or LoginController(spec)
        self._health: HealthTracker | None = None
        self._reconnector: Reconnector | None = None
        self._last: LoginRequest | None = None
        self._lockouts: LockoutGuard | None = None

    @property
    def lockouts(self) -> LockoutGuard:
        """Rejected logins in a row, shared with every console and command here."""
        if self._lockouts is None:
            from gui.core.profiles import config_dir

            self._lockouts = LockoutGuard(config_dir())
        return self._lockouts

    @property
    def health(self) -> HealthTracker:
        """The session's health; its reconnector is made with it (disarmed until a login that
        reconnects)."""
        if self._health is None:
            from gui.core.health import HealthTracker, Reconnector  # with a first login

            self._health = HealthTracker(self.session)
            self._reconnector = Reconnector(self._health, self._relogin)
            self._reconnector.stop()
        return self._health

    @property
    def reconnector(self) -> Reconnector:
        self.health  # noqa: B018 - makes both
        assert self._reconnector is not None
        return self._reconnector

    async def login(
        self,
        request: LoginRequest,
        *,
        reconnect: bool,
        remember: Remember | None = None,
        allow_lockout_risk: bool = False,
    ) -> str:
        """Log in (the typed failure is raised, after the session shows it). `reconnect`: log
        in again after a drop, with the same request. After a login that worked, `remember`
        keeps its secrets; '' when it did, or there was nothing to keep, else why not (the
        login stands either way).

        When the account's last logins were rejected in a row up to the broker's stop,
        LockoutRisk is raised before anything is sent (the session does not move), unless
        `allow_lockout_risk`. Only these logins count, never a reconnect."""
        import asyncio  # with a first login, not on the window's way up

        key = self._lockout_key(request)
        if not allow_lockout_risk:
            await asyncio.to_thread(self.lockouts.check, key, self.spec.lockout)
        self.reconnector.stop()  # the user logs in now, not a backoff that was waiting
        if reconnect:
            self.reconnector.arm()
        self._last = request
        try:
            await self._login(request, request.scenario)
        except LoginRejected:
            await self._count(self.lockouts.rejected, key)
            raise
        if self.session.state is SessionState.LOGGED_IN:
            await self._count(self.lockouts.succeeded, key)
        if remember is None or self.session.state is not SessionState.LOGGED_IN:
            return ""
        schema = request.schema or self.spec.schema_for(request.environment, request.values)
        secrets = {key: str(request.values.get(key) or "") for key in schema.secret_keys}
        return await remember_within_bound(remember, secrets)

    async def diagnose(
        self,
        environment: Environment,
        scenario: str,
        values: Mapping[str, Any],
        *,
        login: bool = False,
        timeout: float = DIAGNOSIS_BOUND_SECONDS,
        beside: Callable[[Session], None] | None = None,
    ) -> Diagnosed:
        """Every phase of reaching the broker, as steps on the session (raises the typed
        failure of bad input). Beside a live session it runs on a session of its own, which
        `beside` wires to the views, and checks the network and the SDK only: never a second
        login, which many brokers answer by ending the live one. The steps are kept for a
        support bundle."""
        import asyncio  # with a first diagnosis, not on the window's way up

        from gui.core.session_log import save_diagnosis

        target = self.session
        if self.session.state.live:
            target, login = Session(self.spec), False
            if beside is not None:
                beside(target)
        steps = await self.logins.diagnose(
            target, environment, scenario, values, login=login, timeout=timeout
        )
        not_kept = ""
        if steps:
            not_kept = await asyncio.to_thread(
                save_diagnosis, self.spec.id, environment.value, steps
            )
        return Diagnosed(steps, not_kept)

    async def _count(self, change: Callable[[str], object], key: str) -> None:
        """Keep the lockout count; a file that cannot be written (a read-only or full
        config folder) is said in the session's log and never stops a login."""
        import asyncio

        try:
            await asyncio.to_thread(change, key)
        except OSError as exc:
            self.session.note(
                f"The count of rejected logins could not be kept ({exc}): the lockout guard "
                "cannot warn before the broker locks this account.",
                Level.WARNING,
            )

    def _lockout_key(self, request: LoginRequest) -> str:
        user = request.values.get(self.spec.user_key) if self.spec.user_key else None
        return account_key(
            self.spec.id, request.environment.value, request.account, str(user or "") or None
        )

    async def logout(self) -> None:
        """Log out (a login under way is cancelled); no reconnect follows."""
        self.stop_reconnecting()
        await self.session.logout()

    def set_reconnecting(self, on: bool) -> None:
        """The account's choice changed: a live session reconnects after a drop from now on,
        or nothing reconnects any more."""
        if on and self.session.state.live:
            self.reconnector.arm()
        elif not on:
            self.stop_reconnecting()

    def stop_reconnecting(self) -> None:
        if self._reconnector is not None:
            self._reconnector.stop()

    async def shutdown(self) -> None:
        """Leave nothing live (window close, the end of a command), bounded."""
        self.stop_reconnecting()
        await self.session.shutdown()

    async def _relogin(self, attempt: int) -> None:
        """A reconnect: the last request again, a fresh driver process."""
        assert self._last is not None
        await self._login(self._last, after_drop(self._last.scenario))

    async def _login(self, request: LoginRequest, scenario: str) -> None:
        await self.logins.login(
            self.session,
            request.environment,
            scenario,
            request.values,
            schema=request.schema,
            timeout=request.timeout,
        )


async def within_vault_bound(call: Callable[..., T], *args: Any) -> T:
    """A credential-store call off the loop's thread (it may block on D-Bus or an unlock
    prompt), bounded: TimeoutError past VAULT_BOUND_SECONDS."""
    import asyncio  # with a first use, not on the window's way up

    return await asyncio.wait_for(asyncio.to_thread(call, *args), VAULT_BOUND_SECONDS)


async def remember_within_bound(remember: Remember, secrets: Mapping[str, str]) -> str:
    """Keep the secrets of a login that worked, bounded; '' or why it failed."""
    try:
        await within_vault_bound(remember, secrets)
    except TimeoutError:
        return f"The credential store did not answer within {VAULT_BOUND_SECONDS:g} s."
    except BrokerFailure as failure:
        return failure.reason
    except OSError as exc:
        return str(exc)
    return ""
