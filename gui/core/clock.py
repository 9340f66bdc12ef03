"""How far this machine's clock is from a broker's, in words a trader acts on, and only as
precisely as the broker's clock source tells it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gui.core.diagnosis import clock_fix
from gui.core.events import Level

# A broker's clock this far from ours is worth a warning: signed requests and order times
# depend on it (docs/ARCHITECTURE.md, Brokers: LongPort has no documented window; 5 s is where
# support acts).
SKEW_WARNING_SECONDS = 5.0
# A server time event's precision, in seconds, among its raw fields: LongPort's HTTP Date has
# whole seconds (1.0); KGI's server time has milliseconds (absent: exact enough).
RESOLUTION_KEY = "resolution_seconds"


def resolution_of(raw: Mapping[str, Any]) -> float:
    value = raw.get(RESOLUTION_KEY)
    return float(value) if isinstance(value, int | float) and value > 0 else 0.0


def as_precise_as(offset_seconds: float, resolution: float) -> float:
    """The offset as its source can tell it: none inside ±resolution/2 (no drift is claimed
    within the precision), else rounded to the resolution."""
    if not resolution:
        return offset_seconds
    if abs(offset_seconds) <= resolution / 2:
        return 0.0
    return round(offset_seconds / resolution) * resolution


def clock_verdict(offset_seconds: float, broker: str) -> tuple[Level, str]:
    """(level, advice) for a server-minus-local offset: no advice while the clocks agree (the
    event's detail shows the offset anyway); a warning names the offset, the direction, and how
    to sync this machine on this platform, or to tell the broker."""
    if abs(offset_seconds) <= SKEW_WARNING_SECONDS:
        return Level.INFO, ""
    return (
        Level.WARNING,
        f"{broker}'s clock offset {offset_seconds:+.1f} s: {clock_fix(offset_seconds)}",
    )
