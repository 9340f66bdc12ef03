"""The console's idea of "now" for schedules (trading hours, scheduled logins).

`BROKER_CONSOLE_NOW` (ISO-8601; without an offset it is this machine's local time) sets it, for
tests and for a desk-support engineer replaying "what would the console have said at 02:45?".
The set clock runs from there (a scheduled login a minute later comes a minute later). This is
the one place that reads it; everything that asks "is the venue open?" or "is it time?" calls
`now()`. Logged times, clock offsets and timeouts keep the real clock.
"""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta

NOW_ENV = "BROKER_CONSOLE_NOW"


_anchor: tuple[str, float] = ("", 0.0)  # the setting last seen, and when (monotonic)


def now() -> datetime:
    """An aware datetime: the set time (running since it was first seen) when
    BROKER_CONSOLE_NOW holds one, else the real one (a value that is not a time is refused up
    front by the CLI: `problem`)."""
    global _anchor
    text = _setting()
    start = _parse(text)
    if start is None:
        return datetime.now().astimezone()
    if _anchor[0] != text:
        _anchor = (text, time.monotonic())
    return start + timedelta(seconds=time.monotonic() - _anchor[1])


def problem() -> str:
    """Why BROKER_CONSOLE_NOW cannot be used ('' when it is unset or a time)."""
    text = _setting()
    if text and _parse(text) is None:
        return f"{NOW_ENV}={text!r} is not an ISO-8601 time (e.g. 2026-12-06T10:00:00+08:00)"
    return ""


def _setting() -> str:
    return os.environ.get(NOW_ENV, "").strip()  # the one read of the variable


def _parse(text: str) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.astimezone()
