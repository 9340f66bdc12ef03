"""When a credential stops working, where the vendor says so (LongPort's access token).

A driver that learns the date calls `DriverLink.credential_expires`; the session keeps it as the
detail `CREDENTIAL_EXPIRES` (ISO-8601, UTC), which the session panel shows with the days left
and `check` / `watch` return as `credential_expires_at`. Inside `WARNING_DAYS` it is a warning:
an expired token is a login that fails on a trading morning.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

CREDENTIAL_EXPIRES = "Credential expires"
WARNING_DAYS = 14


def parse(value: str) -> datetime | None:
    """The detail's value back as an aware datetime; None when it is not one."""
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def days_left(when: datetime, now: datetime) -> float:
    return (when - now) / timedelta(days=1)


def warning(when: datetime, now: datetime) -> str:
    """A warning inside WARNING_DAYS (or once expired); '' otherwise."""
    left = days_left(when, now)
    stamp = when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if left <= 0:
        return f"The credential expired at {stamp}: renew it before the next login."
    if left <= WARNING_DAYS:
        return (
            f"The credential expires at {stamp}, in {left:.1f} days: renew or refresh it before "
            "then."
        )
    return ""
