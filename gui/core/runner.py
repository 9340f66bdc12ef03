"""One driver on one asyncio loop: its login, logout, actions and probe, reported as records.

The worker process runs drivers with this, and so does the in-process mode of unit tests: one
code path turns a driver's return, typed failure, cancellation or surprise into the link's
typed outcomes, masked.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from typing import Any

from gui.core.driver import Driver, DriverLink
from gui.core.errors import BrokerFailure, LoginTimeout
from gui.core.events import Level
from gui.core.records import ActionResult

log = logging.getLogger(__name__)

DEFAULT_LOGOUT_BOUND = 10.0


def unexpected(broker: str, exc: BaseException, link: DriverLink) -> BrokerFailure:
    """A driver bug or a vendor surprise, told without a traceback and without a secret."""
    text = link.redact(f"{type(exc).__name__}: {exc}")
    log.error("the %s driver failed unexpectedly: %s", broker, text)
    return BrokerFailure(f"Unexpected error in the {broker} driver: {text}")


class DriverRunner:
    def __init__(
        self, driver: Driver, link: DriverLink, *, logout_bound: float = DEFAULT_LOGOUT_BOUND
    ) -> None:
        self.driver = driver
        self.link = link
        self.logout_bound = logout_bound
        self._login: asyncio.Task[None] | None = None
        self._logged_out = False

    def start_login(self, settings: Mapping[str, Any]) -> asyncio.Task[None]:
        self._login = asyncio.ensure_future(self._run_login(settings))
        return self._login

    async def _run_login(self, settings: Mapping[str, Any]) -> None:
        link = self.link
        try:
            await self.driver.connect(settings, link)
        except asyncio.CancelledError:
            link.cancelled()
            return
        except BrokerFailure as failure:
            link.failed(failure)
            return
        except Exception as exc:
            link.failed(unexpected(link.broker, exc, link))
            return
        link.logged_in()

    def cancel(self) -> None:
        """Stop a login in progress; the driver releases what it created."""
        if self._login is not None and not self._login.done():
            self._login.cancel()

    async def logout(self) -> None:
        """Log out (or stop the login in progress) and release, within the bound; once."""
        if self._logged_out:
            return
        self._logged_out = True
        login = self._login
        if login is not None and not login.done():
            login.cancel()
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(asyncio.shield(login), self.logout_bound)
        try:
            await asyncio.wait_for(self.driver.logout(), self.logout_bound)
        except TimeoutError:
            self.link.log(
                f"Logout did not finish within {self.logout_bound:g} s; the connection was "
                "abandoned.",
                Level.WARNING,
            )
        except Exception as exc:
            text = self.link.redact(f"{type(exc).__name__}: {exc}")
            self.link.log(f"Logout failed: {text}", Level.ERROR)
        self.link.logged_out()

    async def action(self, request_id: int, name: str) -> None:
        await self._request(request_id, self.driver.run_action(name), f"'{name}'")

    async def probe(self, request_id: int, settings: Mapping[str, Any]) -> None:
        await self._request(request_id, self.driver.probe(settings, self.link), "the check")

    async def _request(self, request_id: int, work: Any, what: str) -> None:
        outcome: ActionResult | BrokerFailure
        try:
            outcome = await asyncio.wait_for(work, self.logout_bound)
        except TimeoutError:
            outcome = LoginTimeout(f"{what} got no answer within {self.logout_bound:g} s")
        except BrokerFailure as failure:
            outcome = failure
        except Exception as exc:
            outcome = unexpected(self.link.broker, exc, self.link)
        self.link.result(request_id, outcome)
