"""How far this machine's clock is from a broker's, in words a trader acts on."""

from __future__ import annotations

from gui.core.events import Level

# A broker's clock this far from ours is worth a warning: signed requests and order times
# depend on it (DESIGN: LongPort has no documented window; 5 s is where support acts).
SKEW_WARNING_SECONDS = 5.0


def clock_verdict(offset_seconds: float, broker: str) -> tuple[Level, str]:
    """(level, advice) for a server-minus-local offset: no advice while the clocks agree (the
    event's detail shows the offset anyway); a warning names the offset and what to do."""
    if abs(offset_seconds) <= SKEW_WARNING_SECONDS:
        return Level.INFO, ""
    direction = "behind" if offset_seconds > 0 else "ahead of"
    return Level.WARNING, (
        f"clock offset {offset_seconds:+.1f} s: this machine's clock is "
        f"{abs(offset_seconds):.0f} s {direction} {broker}'s; set it right (Windows: Settings > "
        "Time > Sync now; Linux: timedatectl)"
    )
