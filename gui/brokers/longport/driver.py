"""LongPort driver: a login is a signed, authenticated call that succeeds.

CONNECT_READY when the server answers at all (with the round trip), LOGIN_READY when
`GET /v1/socket/token` succeeds, then the account balances for the session panel. REST keeps no
session, so logout is local.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, TypeVar
from urllib.parse import urlsplit

from gui.brokers.longport import REFRESH_ACTION
from gui.brokers.longport.client import REGION_URLS, ApiResponse, Credentials, LongPortClient
from gui.brokers.longport.errors import LongPortApiError, LongPortTransportError
from gui.brokers.longport.simulator import LongPortSimulator
from gui.core.driver import ActionResult, Driver, DriverLink
from gui.core.events import EventKind, Level
from gui.core.status import CONNECT_FAIL, CONNECT_READY, DISCONNECTED, LOGIN_FAIL, LOGIN_READY

CLOCK_WARNING_SECONDS = 5.0
TOKEN_LIFETIME = timedelta(days=90)
MARKETS = (
    ("HK", "Hong Kong", ()),
    ("US", "United States", ()),
    ("CN", "China A", ("SH", "SZ")),
    ("SG", "Singapore", ()),
)

T = TypeVar("T")


def base_url(settings: Mapping[str, Any]) -> str:
    if settings["region"] == "custom":
        return str(settings["http_url"]).rstrip("/")
    return REGION_URLS[settings["region"]]


class LongPortDriver(Driver):
    def __init__(
        self,
        executor: Executor,
        *,
        simulator_scenario: str | None = None,
        client_factory: Callable[[str, Credentials], LongPortClient] = LongPortClient,
    ) -> None:
        self._executor = executor
        self._scenario = simulator_scenario
        self._client_factory = client_factory
        self._client: LongPortClient | None = None
        self._simulator: LongPortSimulator | None = None
        self._link: DriverLink | None = None

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, partial(fn, *args))

    # -- Driver ------------------------------------------------------------------------------

    async def connect(self, settings: Mapping[str, Any], link: DriverLink) -> None:
        self._link = link
        try:
            url = base_url(settings)
            if self._scenario is not None:
                self._simulator = await self._call(LongPortSimulator(scenario=self._scenario).start)
                url = self._simulator.url
                link.log(f"Built-in LongPort simulator ({self._scenario}) at {url}")
            credentials = Credentials(
                settings["app_key"], settings["app_secret"], settings["access_token"]
            )
            self._client = self._client_factory(url, credentials)
            link.log(f"GET {url}/v1/socket/token")
            token = await self._first_call(url)
            self._login_ready(token)
            for code, name, boards in MARKETS:
                link.register(code, name, boards)
            await self._account()
        except BaseException:
            await self._release()
            raise

    async def logout(self) -> None:
        if self._client is None and self._simulator is None:
            return
        await self._release()
        if self._link is not None:
            self._link.status(DISCONNECTED, "local logout (LongPort's REST API keeps no session)")

    async def run_action(self, action: str) -> ActionResult:
        if action != REFRESH_ACTION or self._client is None or self._link is None:
            raise NotImplementedError(action)
        expires = (datetime.now(UTC) + TOKEN_LIFETIME).replace(microsecond=0)
        try:
            response = await self._call(
                self._client.get, "/v1/token/refresh", [("expired_at", expires.isoformat())]
            )
        except (LongPortApiError, LongPortTransportError) as err:
            self._link.log(f"Token refresh failed: {err}", Level.ERROR)
            raise err.failure() from None
        data = response.data or {}
        new_token = str(data.get("token", ""))
        expired_at = str(data.get("expired_at", expires.isoformat()))
        # The old token stops working at once: this login goes on with the new one.
        old = self._client.credentials
        self._client.credentials = Credentials(old.app_key, old.app_secret, new_token)
        self._link.log(f"Access token refreshed; the new token expires at {expired_at}.")
        self._link.set_detail("Token expires", expired_at)
        return ActionResult(
            f"New access token issued; it expires at {expired_at}. The old token no longer works.",
            offer={"access_token": new_token},
            offer_prompt="Put the new access token in the form for the next login?",
        )

    # -- steps -------------------------------------------------------------------------------

    async def _first_call(self, url: str) -> ApiResponse:
        assert self._client is not None and self._link is not None
        link = self._link
        host = urlsplit(url).netloc
        try:
            response = await self._call(self._client.get, "/v1/socket/token")
        except LongPortTransportError as err:
            link.status(CONNECT_FAIL, str(err), Level.ERROR)
            raise err.failure() from None
        except LongPortApiError as err:
            latency = f" in {err.latency_ms:.0f} ms" if err.latency_ms is not None else ""
            link.emit(
                EventKind.STATUS,
                CONNECT_READY,
                f"{host} answered{latency}",
                latency_ms=err.latency_ms,
            )
            link.status(
                LOGIN_FAIL,
                err.describe(),
                Level.ERROR,
                code=err.code,
                http_status=err.http_status,
                trace_id=err.trace_id,
            )
            raise err.failure() from None
        link.emit(
            EventKind.STATUS,
            CONNECT_READY,
            f"{host} answered in {response.latency_ms:.0f} ms",
            latency_ms=round(response.latency_ms, 1),
            raw={"trace_id": response.trace_id},
        )
        self._server_time(response)
        return response

    def _server_time(self, response: ApiResponse) -> None:
        assert self._link is not None
        if response.server_date is None:
            self._link.log("The server sent no Date header: the clock offset is unknown.")
            return
        # The header has whole seconds: its midpoint, against the middle of the round trip.
        server = response.server_date + timedelta(milliseconds=500)
        local = response.received - timedelta(milliseconds=response.latency_ms / 2)
        offset = (server - local).total_seconds()
        text = f"Date header, offset {offset:+.1f} s (±0.5 s)"
        level = Level.INFO
        if abs(offset) > CLOCK_WARNING_SECONDS:
            level = Level.WARNING
            text += (
                f": this machine's clock is {abs(offset):.0f} s "
                f"{'behind' if offset > 0 else 'ahead of'} LongPort; set it right (Windows: "
                "Settings > Time > Sync now), or signed requests may be refused"
            )
        self._link.emit(
            EventKind.SERVER_TIME,
            text=text,
            level=level,
            server_time=server,
            latency_ms=round(response.latency_ms, 1),
            raw={"offset_seconds": round(offset, 3)},
        )

    def _login_ready(self, response: ApiResponse) -> None:
        assert self._link is not None
        data = response.data or {}
        online, limit = data.get("online"), data.get("limit")
        self._link.status(
            LOGIN_READY, f"socket token issued; connections online {online} / {limit}"
        )
        if isinstance(online, int) and isinstance(limit, int) and online >= limit:
            self._link.log(
                f"Connection limit reached ({online} of {limit}): another program holds this "
                "account's connections; close it before opening a quote or trade connection.",
                Level.WARNING,
            )

    async def _account(self) -> None:
        assert self._client is not None and self._link is not None
        try:
            response = await self._call(self._client.get, "/v1/asset/account")
        except (LongPortApiError, LongPortTransportError) as err:
            self._link.log(f"Account balances unavailable: {err}", Level.WARNING)
            return
        accounts = (response.data or {}).get("list") or []
        summary = ", ".join(
            f"{a.get('currency', '?')} net {a.get('net_assets', '?')}" for a in accounts
        )
        self._link.set_detail("Account", summary or "no balances")
        self._link.log(f"Account: {summary or 'no balances'}")

    async def _release(self) -> None:
        client, self._client = self._client, None
        simulator, self._simulator = self._simulator, None
        if client is not None:
            client.close()
        if simulator is not None:
            await self._call(simulator.stop)
