"""Each broker's venues and their scheduled sessions, as data, in the venue's own time zone.

A connection that fails while every venue of the broker is scheduled closed is most likely the
venue being closed, not the network: the verdict says so (class `outside_hours`) with the next
opening in the user's local time (docs/ARCHITECTURE.md, Trading hours). Weekly schedules only:
public holidays are not known, so on a holiday the console believes the venue open and a
failure keeps its network class.

Sources, as the exchanges publish them: TAIFEX regular session 08:45-13:45 and after-hours
session 15:00-05:00 next day; Chinese commodity futures (SHFE, DCE, CZCE, INE, which CTP fronts
serve) 09:00-11:30, 13:30-15:00 and night sessions from 21:00 (the latest ending 02:30 next day);
SSE / SZSE 09:15-11:30 (call auction from 09:15) and 13:00-15:00; HKEX 09:00-12:00 (pre-opening
from 09:00) and 13:00-16:10 (closing auction to 16:10); US equities 04:00-20:00 Eastern with
LongPort's pre-market and after-hours trading around the 09:30-16:00 regular session. CTP
fronts are commonly down for settlement between the day and night sessions; the window
(15:30-20:30 here) is the futures company's and is marked not confirmed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from gui.core import wall_clock
from gui.core.diagnosis import Step, failed
from gui.core.errors import BrokerFailure
from gui.core.failure_class import FailureClass

if TYPE_CHECKING:
    from gui.core.registry import BrokerSpec

MONDAY_TO_FRIDAY = (0, 1, 2, 3, 4)
SEARCH_DAYS = 10  # a venue open on weekdays opens again within a long weekend and a bit


@dataclass(frozen=True, slots=True)
class Window:
    """One session a week day starts: `start` to `end` that day, or into the next day when
    `end` is not after `start` (a night session)."""

    start: time
    end: time
    days: tuple[int, ...] = MONDAY_TO_FRIDAY  # the days it starts on (Monday 0)
    name: str = ""

    def span(self, day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
        begin = datetime.combine(day, self.start, zone)
        finish = datetime.combine(day, self.end, zone)
        if finish <= begin:
            finish += timedelta(days=1)
        return begin, finish


def _t(text: str) -> time:
    return time.fromisoformat(text)


@dataclass(frozen=True, slots=True)
class Venue:
    id: str
    name: str
    zone: str
    windows: tuple[Window, ...]
    # When the broker's servers are usually down for maintenance (e.g. CTP's settlement), daily.
    maintenance: Window | None = None

    def spans(self, around: datetime) -> list[tuple[datetime, datetime]]:
        """The sessions that start from a day before `around` to SEARCH_DAYS after, in order."""
        zone = ZoneInfo(self.zone)
        local = around.astimezone(zone).date()
        found = []
        for offset in range(-1, SEARCH_DAYS):
            day = local + timedelta(days=offset)
            found += [w.span(day, zone) for w in self.windows if day.weekday() in w.days]
        return sorted(found)


VENUES = {
    venue.id: venue
    for venue in (
        Venue(
            "TAIFEX",
            "Taiwan Futures Exchange",
            "Asia/Taipei",
            (
                Window(_t("08:45"), _t("13:45"), name="regular"),
                Window(_t("15:00"), _t("05:00"), name="after-hours"),
            ),
        ),
        Venue(
            "CN_FUTURES",
            "China futures (CTP)",
            "Asia/Shanghai",
            (
                Window(_t("09:00"), _t("11:30"), name="day"),
                Window(_t("13:30"), _t("15:00"), name="day"),
                Window(_t("21:00"), _t("02:30"), name="night"),
            ),
            maintenance=Window(_t("15:30"), _t("20:30"), tuple(range(7)), "settlement"),
        ),
        Venue(
            "CN_EQUITY",
            "Shanghai and Shenzhen stock exchanges",
            "Asia/Shanghai",
            (Window(_t("09:15"), _t("11:30")), Window(_t("13:00"), _t("15:00"))),
        ),
        Venue(
            "HKEX",
            "Hong Kong Exchanges",
            "Asia/Hong_Kong",
            (Window(_t("09:00"), _t("12:00")), Window(_t("13:00"), _t("16:10"))),
        ),
        Venue(
            "US",
            "US equities (extended hours)",
            "America/New_York",
            (Window(_t("04:00"), _t("20:00")),),
        ),
    )
}


@dataclass(frozen=True, slots=True)
class MarketStatus:
    """Whether any of a broker's venues is in session at `at`, and when that changes."""

    open: bool
    at: datetime
    venue: str  # the venue open now, or the one that opens next
    closes_at: datetime | None = None  # when open
    opens_at: datetime | None = None  # when closed
    in_maintenance: bool = False  # closed and inside the broker's usual maintenance window

    def closed_text(self) -> str:
        """'Taiwan Futures Exchange is scheduled closed; it opens at Mon 2026-12-07 08:45
        +0800 (your time)'."""
        name = VENUES[self.venue].name
        where = " (in its maintenance window)" if self.in_maintenance else ""
        if self.opens_at is None:
            return f"{name} is scheduled closed{where}"
        return (
            f"{name} is scheduled closed{where}; it opens at {local_text(self.opens_at)} "
            "(your time)"
        )

    def describe(self) -> str:
        """'open (TAIFEX), closes in 2 h 05 min' / 'closed; opens at 2026-12-07 08:45 +08:00
        (TAIFEX)' in the user's local time."""
        if self.open and self.closes_at is not None:
            return f"open ({self.venue}), closes in {span_text(self.closes_at - self.at)}"
        if self.opens_at is None:
            return "closed"
        maintenance = " (maintenance window)" if self.in_maintenance else ""
        return f"closed{maintenance}; opens at {local_text(self.opens_at)} ({self.venue})"


def span_parts(left: timedelta) -> tuple[int, int, int]:
    """Whole days, hours and minutes of a span (the panel words them in the UI's language)."""
    minutes = max(0, int(left.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    return days, hours, minutes


def span_text(left: timedelta) -> str:
    days, hours, minutes = span_parts(left)
    if days:
        return f"{days} d {hours} h"
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def local_text(when: datetime) -> str:
    """A time in this machine's zone, with its offset (the user's local time)."""
    return when.astimezone().strftime("%a %Y-%m-%d %H:%M %z")


def status(venue_ids: Sequence[str], at: datetime) -> MarketStatus | None:
    """The broker's market status at `at`; None for a broker without venues."""
    if not venue_ids:
        return None
    best_open: tuple[datetime, str] | None = None
    best_next: tuple[datetime, str] | None = None
    maintenance = False
    for venue in (VENUES[v] for v in venue_ids):
        for begin, finish in venue.spans(at):
            if begin <= at < finish and (best_open is None or finish > best_open[0]):
                best_open = (finish, venue.id)
            elif begin > at and (best_next is None or begin < best_next[0]):
                best_next = (begin, venue.id)
        if venue.maintenance is not None:
            zone = ZoneInfo(venue.zone)
            day = at.astimezone(zone).date()
            for offset in (-1, 0):
                begin, finish = venue.maintenance.span(day + timedelta(days=offset), zone)
                maintenance = maintenance or begin <= at < finish
    if best_open is not None:
        return MarketStatus(True, at, best_open[1], closes_at=best_open[0])
    next_venue = best_next[1] if best_next else venue_ids[0]
    opens = best_next[0] if best_next else None
    return MarketStatus(False, at, next_venue, opens_at=opens, in_maintenance=maintenance)


# A failure of these classes while the venue is closed is most likely the venue being closed.
_CLOSED_LOOKS_LIKE = frozenset(
    (FailureClass.TCP_REFUSED, FailureClass.TCP_TIMEOUT, FailureClass.NO_ANSWER)
)


def market_status(venue_ids: Sequence[str]) -> MarketStatus | None:
    """The broker's market status now (gui/core/wall_clock.py's now)."""
    return status(venue_ids, wall_clock.now())


def closed_verdict(venue_ids: Sequence[str], failure: BrokerFailure) -> BrokerFailure:
    """A connection failure while every venue is scheduled closed becomes `outside_hours`, its
    reason naming the next opening; anything else is returned as it is."""
    if failure.failure_class not in _CLOSED_LOOKS_LIKE:
        return failure
    now = market_status(venue_ids)
    if now is None or now.open:
        return failure
    failure.failure_class = FailureClass.OUTSIDE_HOURS
    failure.reason = f"{failure.reason} — {now.closed_text()}."
    return failure


def hours_step(spec: BrokerSpec, steps: Sequence[Step]) -> Step | None:
    """A diagnosis whose network failed while every venue is scheduled closed ends with an
    `outside_hours` step naming the next opening: that, not the network, is the verdict."""
    if not any(not s.ok and s.cls in _CLOSED_LOOKS_LIKE for s in steps):
        return None
    now = market_status(spec.venues)
    if now is None or now.open:
        return None
    venue = VENUES[now.venue].name
    return failed("hours", venue, FailureClass.OUTSIDE_HOURS, 0.0, f"{now.closed_text()}.")


def logged_in_while_closed(venue_ids: Sequence[str]) -> str:
    """A warning when a login worked while the venue is closed ('' when it is open)."""
    now = market_status(venue_ids)
    if now is None or now.open:
        return ""
    return f"Logged in, but {now.closed_text()}: orders may wait until then."
