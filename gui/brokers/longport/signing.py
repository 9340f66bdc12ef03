"""LongPort's request signature (seed 004), byte for byte as the official SDKs compute it."""

from __future__ import annotations

import hashlib
import hmac

SIGNED_HEADERS = "authorization;x-api-key;x-timestamp"


def canonical_request(
    method: str, path: str, raw_query: str, token: str, app_key: str, timestamp: str, body: bytes
) -> str:
    """The string whose SHA-1 is signed; `raw_query` and `body` exactly as on the wire."""
    canonical = (
        f"{method.upper()}|{path}|{raw_query}|authorization:{token}\n"
        f"x-api-key:{app_key}\nx-timestamp:{timestamp}\n|{SIGNED_HEADERS}|"
    )
    if body:
        canonical += hashlib.sha1(body).hexdigest()
    return canonical


def signature(secret: str, canonical: str) -> str:
    to_sign = "HMAC-SHA256|" + hashlib.sha1(canonical.encode("utf-8")).hexdigest()
    return hmac.new(secret.encode("utf-8"), to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


def signature_header(
    method: str,
    path: str,
    raw_query: str,
    token: str,
    app_key: str,
    timestamp: str,
    body: bytes,
    secret: str,
) -> str:
    """The value of `X-Api-Signature`."""
    canonical = canonical_request(method, path, raw_query, token, app_key, timestamp, body)
    return f"HMAC-SHA256 SignedHeaders={SIGNED_HEADERS}, Signature={signature(secret, canonical)}"
