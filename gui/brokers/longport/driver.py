"""LongPort driver: a login is a signed, authenticated call that succeeds.

CONNECT_READY when the server answers at all (with the round trip), LOGIN_READY when
`GET /v1/socket/token` succeeds, then the account balances for the session panel. REST keeps no
session, so logout is local.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from gui.brokers.longport import REFRESH_ACTION
from gui.brokers.longport.surface import (
    ApiResponse,
    Credentials,
    Endpoint,
    LongPortApiError,
    LongPortTransportError,
    OpenApi,
)
from gui.core import credential_expiry
from gui.core.blocking import BlockingDriver
from gui.core.clock import RESOLUTION_KEY, clock_verdict
from gui.core.errors import BrokerError
from gui.core.events import EventKind, Level
from gui.core.records import ActionResult
from gui.core.status import CONNECT_FAIL, CONNECT_READY, DISCONNECTED, LOGIN_FAIL, LOGIN_READY

TOKEN_LIFETIME = timedelta(days=90)
HEALTH_CHECK_SECONDS = 5.0  # well inside LongPort's rate limit
HEALTH_RETRY_SECONDS = 1.0  # a failed check is retried soon: one lost packet is not a drop
HEALTH_FAILURES_TO_DROP = 2


def _object(response: ApiResponse, what: str) -> dict[str, Any]:
    """The envelope's `data` as an object, or a broker error saying LongPort sent something else."""
    if response.data is None:
        return {}
    if not isinstance(response.data, dict):
        raise BrokerError(
            f"LongPort answered {what} with data that is not an object "
            f"({type(response.data).__name__}); trace id {response.trace_id or 'none'}."
        )
    return response.data


class LongPortDriver(BlockingDriver[Endpoint]):
    broker = "longport"
    exchanges = (
        ("HK", "Hong Kong", ()),
        ("US", "United States", ()),
        ("CN", "China A", ("SH", "SZ")),
        ("SG", "Singapore", ()),
    )

    def __init__(self, load_surface: Any) -> None:
        super().__init__(load_surface)
        self._client: OpenApi | None = None

    # -- vendor calls (the vendor thread) ----------------------------------------------------

    def open(self, settings: Mapping[str, Any]) -> None:
        endpoint: Endpoint = self.surface
        link = self.link
        if endpoint.note:
            link.log(endpoint.note)
        credentials = Credentials(
            settings["app_key"], settings["app_secret"], settings["access_token"]
        )
        self._client = endpoint.open(credentials)
        link.log(f"GET {endpoint.url}/v1/socket/token")
        token = self._first_call(endpoint.url)
        expires = endpoint.token_expiry(credentials.access_token)
        if expires is not None:
            link.credential_expires(expires)
        self._login_ready(token)
        self._account()

    async def after_login(self, settings: Mapping[str, Any]) -> None:
        """REST keeps no session: a cheap signed call now and then tells that the API still
        answers, and its Date header keeps the clock offset and latency current."""
        self.background(
            self.watch_connection(
                self._health_check,
                every=HEALTH_CHECK_SECONDS,
                retry_after=HEALTH_RETRY_SECONDS,
                failures_to_drop=HEALTH_FAILURES_TO_DROP,
                what="Health check",
                lost="LongPort stopped answering: {problem}",
            )
        )

    def _health_check(self) -> str:
        """One GET /v1/asset/account on the vendor thread; '' when it was answered."""
        client = self._client
        if client is None:
            return "the client is closed"
        try:
            response = client.get("/v1/asset/account")
        except LongPortTransportError as err:
            return str(err)
        except LongPortApiError as err:
            if err.code is None or (err.http_status or 0) >= 500:
                return err.describe()
            return ""  # LongPort answered (a rate limit, say): the API is there
        self._server_time(response)
        return ""

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()
        if self.loaded is not None:
            self.loaded.stop()
        if self.logged_in_now:
            self.link.status(DISCONNECTED, "local logout (LongPort's REST API keeps no session)")

    def action(self, name: str) -> ActionResult:
        if name != REFRESH_ACTION or self._client is None:
            raise NotImplementedError(name)
        link = self.link
        expires = (datetime.now(UTC) + TOKEN_LIFETIME).replace(microsecond=0)
        try:
            response = self._client.get("/v1/token/refresh", [("expired_at", expires.isoformat())])
        except (LongPortApiError, LongPortTransportError) as err:
            link.log(f"Token refresh failed: {err}", Level.ERROR)
            raise err.failure() from None
        data = _object(response, "the token refresh")
        new_token = str(data.get("token") or "")
        if not new_token:
            raise BrokerError("LongPort answered the token refresh without a token.")
        link.add_secret(new_token)
        expired_at = str(data.get("expired_at") or expires.isoformat())
        # The old token stops working at once: this login goes on with the new one.
        old = self._client.credentials
        self._client.credentials = Credentials(old.app_key, old.app_secret, new_token)
        link.log(f"Access token refreshed; the new token expires at {expired_at}.")
        when = credential_expiry.parse(expired_at)
        if when is not None:
            link.credential_expires(when)
        return ActionResult(
            f"New access token issued; it expires at {expired_at}. The old token no longer works.",
            offer={"access_token": new_token},
            offer_prompt="Put the new access token in the form for the next login?",
        )

    # -- steps -------------------------------------------------------------------------------

    def _first_call(self, url: str) -> ApiResponse:
        assert self._client is not None
        link = self.link
        host = urlsplit(url).netloc
        try:
            response = self._client.get("/v1/socket/token")
        except LongPortTransportError as err:
            link.status(CONNECT_FAIL, str(err), Level.ERROR)
            raise err.failure() from None
        except LongPortApiError as err:
            if err.code is None:  # something else answered: not LongPort
                link.status(CONNECT_FAIL, err.describe(), Level.ERROR)
                raise err.failure() from None
            latency = f" in {err.latency_ms:.0f} ms" if err.latency_ms is not None else ""
            link.emit(
                EventKind.STATUS,
                CONNECT_READY,
                f"{host} answered{latency}",
                latency_ms=err.latency_ms,
            )
            self.connected(f"{host} answered")
            link.status(
                LOGIN_FAIL,
                err.describe(),
                Level.ERROR,
                native_code=str(err.code),
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
        self.connected(f"{host} answered")
        self._server_time(response)
        return response

    def _server_time(self, response: ApiResponse) -> None:
        link = self.link
        if response.server_date is None:
            link.log("The server sent no Date header: the clock offset is unknown.")
            return
        # The header has whole seconds: its midpoint, against the middle of the round trip.
        server = response.server_date + timedelta(milliseconds=500)
        local = response.received - timedelta(milliseconds=response.latency_ms / 2)
        offset = (server - local).total_seconds()
        level, verdict = clock_verdict(offset, "LongPort")
        link.emit(
            EventKind.SERVER_TIME,
            text="Date header (±0.5 s)" + (f"; {verdict}" if verdict else ""),
            level=level,
            server_time=server,
            latency_ms=round(response.latency_ms, 1),
            raw={"offset_seconds": round(offset, 3), RESOLUTION_KEY: 1.0},
        )

    def _login_ready(self, response: ApiResponse) -> None:
        data = _object(response, "/v1/socket/token")
        online, limit = data.get("online"), data.get("limit")
        self.link.status(LOGIN_READY, f"socket token issued; connections online {online} / {limit}")
        if isinstance(online, int) and isinstance(limit, int) and online >= limit:
            self.link.log(
                f"Connection limit reached ({online} of {limit}): another program holds this "
                "account's connections; close it before opening a quote or trade connection.",
                Level.WARNING,
            )

    def _account(self) -> None:
        if self._client is None:
            return
        link = self.link
        try:
            response = self._client.get("/v1/asset/account")
            entries = _object(response, "/v1/asset/account").get("list") or []
        except (LongPortApiError, LongPortTransportError, BrokerError) as err:
            link.log(f"Account balances unavailable: {err}", Level.WARNING)
            return
        if not isinstance(entries, list):
            entries = [entries]
        accounts = [entry for entry in entries if isinstance(entry, dict)]
        if len(accounts) < len(entries):
            link.log("LongPort sent account entries that are not objects; skipped.", Level.WARNING)
        summary = ", ".join(
            f"{a.get('currency', '?')} net {a.get('net_assets', '?')}" for a in accounts
        )
        link.set_detail("Account", summary or "no balances")
        link.log(f"Account: {summary or 'no balances'}")
