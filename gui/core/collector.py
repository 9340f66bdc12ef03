"""Python's cyclic garbage collector, set for floods of events.

Python collects its young generation every 700 new objects. A flood keeps tens of thousands of
events alive at once (a worker's frame queue, the console's inbox and the log's rings): each
young collection walks objects that are all still alive, and each middle one walks them again.
Measured with `gc.callbacks` over 100,000 KGI-mix events, that was about 2 µs of the console's
GUI thread and 1 µs of a worker's GIL per event, 600 collections in the console alone. Young
collections every 20,000 new objects, and a middle one every 20 of those, walk an event about
once. Reference counting still frees at once whatever holds no cycle; only cyclic garbage waits
longer for its collection.

That was not enough for the console's log: once its rings are full, each event stored frees an
old one, and a freed object counts against the new ones, so a young collection came only after
70,000-110,000 young objects had piled up, and walked them for 20-40 ms at a stretch (the GUI
timer's worst lateness under a flood). So the log freezes what a flood stored out of the
collector's way (`freeze_survivors`, Python's gc.freeze: no collection walks those objects), and
collects everything once, frozen objects too, when the flood is over (`collect_frozen`).
"""

from __future__ import annotations

import gc

YOUNG_OBJECTS = 20_000  # new objects between young collections (Python: 700)
YOUNG_PER_MIDDLE = 20  # young collections between middle ones (Python: 10)


def collect_for_floods(full_after: int | None = None) -> None:
    """Set the collector's thresholds for floods; `full_after` middle collections between full
    ones (None: Python's own; the console puts them off and collects when quiet)."""
    full = gc.get_threshold()[2] if full_after is None else full_after
    gc.set_threshold(YOUNG_OBJECTS, YOUNG_PER_MIDDLE, full)


def freeze_survivors() -> None:
    """Every object alive now leaves the collector's generations (constant time) and the young
    count starts again: no young or middle collection walks them. Reference counting still
    frees them; a cycle among them waits for `collect_frozen`."""
    gc.freeze()


def collect_frozen() -> None:
    """One full collection that includes every frozen object; what survives is frozen again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
