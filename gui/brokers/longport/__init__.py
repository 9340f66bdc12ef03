"""LongPort OpenAPI (signed REST via requests), seed 004."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from gui.brokers.longport.codes import NATIVE_CODES
from gui.core.registry import (
    AFTER_HOURS,
    DROP_AFTER_LOGIN,
    DROP_AFTER_LOGIN_HELP,
    Action,
    BrokerSpec,
    package_surface,
    scenarios_from,
)
from gui.core.schema import Field, FieldKind, Problem, Schema, is_host, is_loopback

# The built-in simulator's published demo credentials (docs/ARCHITECTURE.md, Brokers:
# LongPort), not anybody's secrets.
DEMO_APP_KEY = "demo-app-key"
DEMO_APP_SECRET = "demo"
DEMO_TOKEN = "demo-token"
REFRESH_ACTION = "refresh_token"
SKEW_SECONDS = 120.0
SLOW_SECONDS = 2.0
TOKEN_EXPIRING_DAYS = 5.0
SCENARIOS: dict[str, str] = {
    "normal": "Answers like LongPort; demo credentials work.",
    "refused": "Nothing listens on the port: connection refused.",
    "silent": "Accepts connections and never answers: timeout.",
    "http_500": "Every request fails with HTTP 500 (code 500000).",
    "slow": f"Answers after {SLOW_SECONDS:g} seconds.",
    "clock_skew": f"The server clock runs {SKEW_SECONDS:g} seconds ahead.",
    "rate_limited": "Every request is refused with 429002 (too many requests).",
    "token_expired": "The demo access token has expired: 401003.",
    "token_expiring": f"Logs in; the demo access token expires in {TOKEN_EXPIRING_DAYS:g} days.",
    DROP_AFTER_LOGIN: DROP_AFTER_LOGIN_HELP,
    AFTER_HOURS: "After hours: LongPort's OpenAPI stays up, the login works (with a warning).",
}


def _custom_url(values: Mapping[str, Any]) -> dict[str, Problem]:
    """The Custom region needs an http(s) URL; plain http only to this machine."""
    if values.get("region") != "custom":
        return {}
    url = values.get("http_url") or ""
    if not url:
        return {
            "http_url": Problem("{label} is required for the Custom region.", {"label": "HTTP URL"})
        }
    malformed = {
        "http_url": Problem("{label} must look like https://host[:port].", {"label": "HTTP URL"})
    }
    try:
        parts = urlsplit(url)
        host, _port = parts.hostname, parts.port  # both raise ValueError on a malformed netloc
    except ValueError:
        return malformed
    if parts.scheme not in ("http", "https") or not host or not is_host(host):
        return malformed
    if parts.username is not None or parts.password is not None:
        return {
            "http_url": Problem(
                "{label} must not carry a user name or password.", {"label": "HTTP URL"}
            )
        }
    if parts.path not in ("", "/") or parts.query:
        return {
            "http_url": Problem("{label} must not carry a path or query.", {"label": "HTTP URL"})
        }
    if parts.scheme == "http" and not is_loopback(host):
        return {
            "http_url": Problem(
                "{label} must use https (plain http only to this machine).", {"label": "HTTP URL"}
            )
        }
    return {}


SCHEMA = Schema(
    (
        Field(
            "region",
            "Region",
            FieldKind.CHOICE,
            required=True,
            default="global",
            choices=(("global", "Global"), ("cn", "Mainland China"), ("custom", "Custom URL")),
        ),
        Field("http_url", "HTTP URL", help="Only for the Custom URL region.", max_chars=2048),
        # The key and the token travel as HTTP header values: printable ASCII only.
        Field("app_key", "App key", required=True, encoding="ascii"),
        Field("app_secret", "App secret", FieldKind.SECRET, required=True),
        Field(
            "access_token",
            "Access token",
            FieldKind.SECRET,
            required=True,
            encoding="ascii",
            max_chars=4096,
        ),
    ),
    rules=(_custom_url,),
)


def endpoints(settings: Mapping[str, Any]) -> list[str]:
    """The HTTP API of the settings' region, or the custom URL."""
    from gui.brokers.longport.surface import REGION_URLS

    if settings["region"] == "custom":
        return [str(settings["http_url"]).rstrip("/")]
    return [REGION_URLS[settings["region"]]]


SPEC = BrokerSpec(
    id="longport",
    title="LongPort",
    schema=SCHEMA,
    driver="gui.brokers.longport.driver:LongPortDriver",
    surface=package_surface(__name__),
    scenarios=scenarios_from(SCENARIOS),
    endpoints=endpoints,
    endpoint_keys=("region",),
    # The simulator's published demo credentials (docs/ARCHITECTURE.md, Brokers: LongPort).
    simulator_defaults={
        "app_key": DEMO_APP_KEY,
        "app_secret": DEMO_APP_SECRET,
        "access_token": DEMO_TOKEN,
    },
    reports_server_time=True,
    actions=(
        Action(
            REFRESH_ACTION,
            "Refresh token",
            "Get a new access token (GET /v1/token/refresh); the old one stops working.",
        ),
    ),
    user_key="app_key",
    native_codes=NATIVE_CODES,
    venues=(
        "HKEX",
        "US",
    ),
)
