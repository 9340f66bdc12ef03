"""Hand work from foreign threads (vendor callbacks) to the event loop's thread, in order."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import deque
from collections.abc import Callable

log = logging.getLogger(__name__)


class LoopDispatcher:
    """Queues callables from any thread and runs them on the loop's thread in batches.

    One wake-up is scheduled per batch, not per item, so a burst of thousands of vendor
    callbacks costs a handful of loop iterations. Items run in the order they were posted.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._lock = threading.Lock()
        self._pending: deque[Callable[[], None]] = deque()
        self._scheduled = False

    def post(self, item: Callable[[], None]) -> None:
        """Never raises: it is called from vendor threads, where an exception would abort them."""
        with self._lock:
            self._pending.append(item)
            if self._scheduled:
                return
            self._scheduled = True
        try:
            self._loop.call_soon_threadsafe(self.drain)
        except RuntimeError:  # the loop is closed: the app is exiting, nobody is listening
            log.debug("event loop closed; dropped a posted item")

    def drain(self) -> None:
        """Run everything posted so far (loop thread only)."""
        with self._lock:
            batch = list(self._pending)
            self._pending.clear()
            self._scheduled = False
        for item in batch:
            try:
                item()
            except Exception:
                log.exception("a posted item failed")
