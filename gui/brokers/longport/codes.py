"""LongPort OpenAPI's error codes (the envelope's `code`), from LongPort's OpenAPI documentation
as summarised in docs/ARCHITECTURE.md (Brokers: LongPort). The causes are what the developer
centre's settings make likely; the 30-calls-in-30-seconds limit is LongPort's documented trade
API limit."""

from __future__ import annotations

from gui.core.native_codes import NativeCode

NATIVE_CODES = (
    NativeCode(
        "403201",
        "signature invalid",
        "The request signature is invalid.",
        "The App secret is wrong, or the App key, App secret and Access token belong to "
        "different apps.",
        "Copy the App secret again from the LongPort developer centre, and check that all three "
        "come from the same app.",
    ),
    NativeCode(
        "403202",
        "duplicate request",
        "The same request (timestamp and signature) was sent twice.",
        "A retry reused the timestamp, or this machine's clock stands still or jumps.",
        "Try again; if it keeps happening, check this machine's clock.",
    ),
    NativeCode(
        "403203",
        "app key illegal",
        "The App key is not recognised.",
        "A mistyped or deleted App key, or one for the other region (global or mainland China).",
        "Copy the App key again from the LongPort developer centre and check the region.",
    ),
    NativeCode(
        "403205",
        "IP not allowed",
        "This machine's public IP address is not allowed for this app.",
        "The app has an IP allow-list and this network's public address is not on it.",
        "Add the address to the app's allow-list in the developer centre, or use an allowed "
        "network.",
    ),
    NativeCode(
        "401003",
        "token expired",
        "The Access token has expired.",
        "Access tokens last about three months and this one was not refreshed in time.",
        "Create a new token in the developer centre; next time refresh it (the tab's Refresh "
        "token) before it expires.",
    ),
    NativeCode(
        "401004",
        "token invalid",
        "The Access token is not valid.",
        "A mistyped token, or an old one: after a refresh only the new token works.",
        "Copy the current token again from the developer centre.",
    ),
    NativeCode(
        "401102",
        "token verification failed",
        "The Access token could not be verified.",
        "The token was issued for another App key.",
        "Use the token issued for this App key.",
    ),
    NativeCode(
        "429001",
        "IP rate limit",
        "Too many requests from this IP address.",
        "Several programs behind this address call LongPort at once.",
        "Wait a minute, then try again.",
    ),
    NativeCode(
        "429002",
        "API rate limit",
        "Too many calls to this API (the trade API allows 30 calls in 30 seconds).",
        "A program polls faster than the limit, or several share the app.",
        "Wait half a minute, then try again.",
    ),
    NativeCode(
        "500000",
        "internal error",
        "LongPort had an internal error.",
        "A fault on LongPort's side, not this machine's.",
        "Try again later; give LongPort support the trace id.",
    ),
)
