"""How far this machine's clock is from a broker's, in words a trader acts on."""

from __future__ import annotations

from gui.core.events import Level

# A broker's clock this far from ours is worth a warning: signed requests and order times
# depend on it (DESIGN: LongPort has no documented window; 5 s is where support acts).
SKEW_WARNING_SECONDS = 5.0


def clock_verdict(offset_seconds: float, broker: str) -> tuple[Level, str]:
    """(level, text) for a server-minus-local offset; a warning says what to do."""
    text = f"clock offset {round(offset_seconds, 1) + 0.0:+.1f} s"  # never "-0.0"
    if abs(offset_seconds) <= SKEW_WARNING_SECONDS:
        return Level.INFO, text
    direction = "behind" if offset_seconds > 0 else "ahead of"
    return Level.WARNING, (
        f"{text}: this machine's clock is {abs(offset_seconds):.0f} s {direction} {broker}'s; "
        "set it right (Windows: Settings > Time > Sync now; Linux: timedatectl)"
    )
