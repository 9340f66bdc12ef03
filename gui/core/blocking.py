"""The shared base of drivers whose vendor API blocks (every broker's).

It owns what every such driver needs, once: a vendor thread of its own (one per login, so
vendor calls never overlap: a logout waits for an in-flight heartbeat, a release for a hung
InitPlugin), the link, guarded vendor callbacks, the login outcome arriving from any thread,
connect/release/logout, and the registration of the account's exchanges. A broker's driver
keeps only its vendor logic, in blocking methods run on that thread:

- `open(settings)`: load, create, connect, log in. A synchronous vendor returns once logged in;
  one that answers through callbacks (`awaits_login`) returns at once and a callback later
  calls `logged_in()` or `failed()`.
- `close()`: log out and release whatever `open` created; safe whatever `open` reached.
- optionally `action(name)` and `check(settings)` (the pre-login probe).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from abc import abstractmethod
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ClassVar, Generic, TypeVar

from gui.core.driver import Driver, DriverLink
from gui.core.errors import BrokerFailure, ConnectFailed, LoginTimeout
from gui.core.events import Level
from gui.core.records import ActionResult
from gui.core.status import DISCONNECTED

T = TypeVar("T")
S = TypeVar("S")  # the broker's vendor surface (docs/ARCHITECTURE.md, The broker contract)
SurfaceLoader = Callable[[Mapping[str, Any]], S]  # settings -> the loaded surface
Exchanges = tuple[tuple[str, str, tuple[str, ...]], ...]

RELEASE_SECONDS = 10.0


def vendor_callback(
    vendor_name: str,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A vendor callback (named as the vendor names it) never raises: an exception escaping
    into .NET or C would abort the vendor's dispatch, or the process. It becomes an error
    event instead."""

    def decorate(method: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(method)
        def guarded(self: BlockingDriver[Any], *args: Any) -> None:
            try:
                method(self, *args)
            except Exception as exc:
                with contextlib.suppress(Exception):
                    text = self.link.redact(f"{type(exc).__name__}: {exc}")
                    self.link.log(f"{vendor_name} handler failed: {text}", Level.ERROR)

        return guarded

    return decorate


class BlockingDriver(Driver, Generic[S]):
    broker: ClassVar[str] = ""
    exchanges: Exchanges = ()  # registered when the login succeeds (a driver may set its own)
    awaits_login: ClassVar[bool] = False  # open() returns before the vendor's verdict

    def __init__(self, load_surface: SurfaceLoader[S]) -> None:
        self._load_surface = load_surface
        self.loaded: S | None = None  # the vendor surface, once loaded for a login
        self._link: DriverLink | None = None
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=f"{self.broker}-vendor")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._login: asyncio.Future[None] | None = None
        self._is_logged_in = False
        self._abandoned = False
        self._released = False
        self._background: set[asyncio.Task[Any]] = set()

    @property
    def surface(self) -> S:
        """The vendor surface of this login (loaded before `open` runs)."""
        if self.loaded is None:
            raise RuntimeError(f"{self.broker}: the vendor surface is not loaded yet")
        return self.loaded

    # -- what a broker implements (blocking, on the vendor thread) ---------------------------

    @abstractmethod
    def open(self, settings: Mapping[str, Any]) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    def login_timeout(self, settings: Mapping[str, Any]) -> float:
        """How long an `awaits_login` driver waits for the vendor's verdict after `open`."""
        raise NotImplementedError

    def timeout_reason(self, settings: Mapping[str, Any], seconds: float) -> str:
        return f"No answer to the login within {seconds:g} s."

    def action(self, name: str) -> ActionResult:
        raise NotImplementedError(name)

    def check(self, settings: Mapping[str, Any]) -> ActionResult:
        raise NotImplementedError("probe")

    async def after_login(self, settings: Mapping[str, Any]) -> None:
        """On the loop, once logged in (e.g. start a heartbeat with `background`)."""

    # -- Driver ------------------------------------------------------------------------------

    @property
    def link(self) -> DriverLink:
        assert self._link is not None, "no link before connect() or probe()"
        return self._link

    @property
    def logged_in_now(self) -> bool:
        return self._is_logged_in

    @property
    def abandoned(self) -> bool:
        """The login was given up (cancelled, timed out, failed) while a vendor call ran."""
        return self._abandoned

    async def connect(self, settings: Mapping[str, Any], link: DriverLink) -> None:
        self._link = link
        self._loop = asyncio.get_running_loop()
        self._login = self._loop.create_future()
        try:
            self.loaded = await self.call(self._load_surface, settings)
            await self.call(self.open, settings)
            if not self.awaits_login:
                self.logged_in()
            seconds = self.login_timeout(settings) if self.awaits_login else None
            try:
                await asyncio.wait_for(asyncio.shield(self._login), seconds)
            except TimeoutError:
                raise LoginTimeout(self.timeout_reason(settings, seconds or 0)) from None
            await self.after_login(settings)
        except BaseException:
            self._abandoned = True  # a vendor call still running must not log in after this
            await self.release()
            raise

    async def logout(self) -> None:
        await self.release()

    async def run_action(self, action: str) -> ActionResult:
        return await self.call(self.action, action)

    async def probe(self, settings: Mapping[str, Any], link: DriverLink) -> ActionResult:
        self._link = link
        self._loop = asyncio.get_running_loop()
        self.loaded = await self.call(self._load_surface, settings)
        return await self.call(self.check, settings)

    # -- mechanics -------------------------------------------------------------------------

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a blocking vendor call on this login's vendor thread, after what was said so
        far has left the process (native code may crash it)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._executor, functools.partial(self._checked, fn, *args)
        )

    def _checked(self, fn: Callable[..., T], *args: Any) -> T:
        if self._link is not None:
            self._link.flush()
        return fn(*args)

    async def watch_connection(
        self,
        check: Callable[[], str],
        *,
        every: float,
        retry_after: float,
        failures_to_drop: int,
        what: str,
        lost: str,
        answered: Callable[[], None] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        """After login, for a vendor that does not say when its connection drops: `check` on
        the vendor thread every `every` seconds ('' when the broker answered, else what went
        wrong), `retry_after` seconds after a failure. `failures_to_drop` failures in a row
        drop the connection, told with `lost` (it may name {failures} and {problem})."""
        failures = 0
        while True:
            await sleep(retry_after if failures else every)
            problem = await self.call(check)
            if not problem:
                failures = 0
                if answered is not None:
                    answered()
                continue
            failures += 1
            self.link.log(
                f"{what} {failures} of {failures_to_drop} failed: {problem}", Level.WARNING
            )
            if failures >= failures_to_drop:
                self.connection_dropped(lost.format(failures=failures, problem=problem))
                return

    def background(self, coro: Coroutine[Any, Any, None]) -> None:
        """A task that lives as long as the login (cancelled first on release)."""
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def release(self) -> None:
        """close() once, bounded; a vendor call still running finishes first on its thread."""
        if self._released:
            return
        self._released = True
        for task in list(self._background):
            task.cancel()
        try:
            await asyncio.wait_for(self.call(self.close), RELEASE_SECONDS)
        except TimeoutError:
            self._note(
                f"Releasing the SDK did not finish within {RELEASE_SECONDS:g} s; it goes on "
                "in the background.",
                Level.WARNING,
            )
        except Exception as exc:
            self._note(f"Releasing the SDK failed: {type(exc).__name__}: {exc}", Level.WARNING)
        finally:
            self._executor.shutdown(wait=False)

    # -- outcomes, from any thread (vendor callbacks included) -------------------------------

    def connected(self, text: str = "") -> None:
        self.link.connected(text)

    def logged_in(self) -> None:
        """The login succeeded: register the exchanges, tell the session, end the wait."""
        if (
            self._is_logged_in
            or self._abandoned
            or (self._login is not None and self._login.done())
        ):
            return
        self._is_logged_in = True
        for code, name, boards in self.exchanges:
            self.link.register(code, name, boards)
        self.link.logged_in()
        self._settle(None)

    def failed(self, failure: BrokerFailure) -> None:
        """The login failed (a vendor callback said so)."""
        self._settle(failure)

    def lost(self, reason: str) -> None:
        """The connection dropped: after login the session is lost; before, the login fails."""
        if self._is_logged_in:
            self.link.lost(reason)
        else:
            self.failed(ConnectFailed(reason))

    def connection_dropped(self, text: str) -> None:
        """A check after login found the connection gone: DISCONNECTED, and the session lost."""
        self.link.status(DISCONNECTED, text, Level.WARNING)
        self.lost(text)

    def _settle(self, failure: BrokerFailure | None) -> None:
        login, loop = self._login, self._loop
        if login is None or loop is None:
            return

        def settle() -> None:
            if login.done():
                return
            if failure is None:
                login.set_result(None)
            else:
                login.set_exception(failure)

        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(settle)

    def _note(self, text: str, level: Level) -> None:
        if self._link is not None:
            self._link.log(self._link.redact(text), level)
