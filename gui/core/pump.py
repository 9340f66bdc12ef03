"""Records from other threads to the loop's thread, in order, in bounded time slices.

Vendor threads (in-process drivers) and the worker pipe reader both hand records to a pump.
The loop drains it at most `SLICE_SECONDS` at a time, then yields (to Qt, in the GUI), so a
flood of thousands of events a second never freezes the window. The queue is bounded: past
its capacity events are dropped and counted (the count is delivered, in order, as Dropped),
never control records (outcomes, details), so memory stays bounded under any flood.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any, cast

from gui.core.records import Dropped, RawEvent, Record, event_from_raw, is_event
from gui.core.redaction import Redactor

log = logging.getLogger(__name__)

SLICE_SECONDS = 0.008
CHUNK = 200
RESUME_SECONDS = 0.004  # the pause between slices: at most two thirds of the GUI thread
DEFAULT_CAPACITY = 100_000

Deliver = Callable[[list[Record]], None]
Decode = Callable[[list[Any]], list[Record]]


class WireItems:
    """A frame's records still in wire form, decoded in the loop's slices from `start` on."""

    __slots__ = ("items", "start")

    def __init__(self, items: list[Any]) -> None:
        self.items = items
        self.start = 0


class RecordPump:
    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        broker: str,
        deliver: Deliver,
        redactor: Redactor,
        *,
        capacity: int = DEFAULT_CAPACITY,
        decode: Decode | None = None,
        on_unreadable: Callable[[Exception], None] | None = None,
    ) -> None:
        self._loop = loop
        self._broker = broker
        self._deliver = deliver
        self._redactor = redactor
        self.capacity = capacity
        self._decode = decode
        self._on_unreadable = on_unreadable
        self._inbox: deque[Record | WireItems] = deque()
        self._waiting = 0  # records queued, those still in wire form included
        self._scheduled = False
        self._dropped = 0  # only ever increased by put() callers; read and reset on the loop
        self._closed = False

    def __len__(self) -> int:
        return self._waiting

    def put(self, record: Record) -> None:
        """Any thread; never raises, never blocks."""
        if self._waiting >= self.capacity and is_event(record):
            self._dropped += 1
        else:
            self._inbox.append(record)
            self._waiting += 1
        if not self._scheduled:
            self._schedule()

    def put_wire(self, items: list[Any]) -> None:
        """A frame's records as they came off the pipe: decoded on the loop, in its slices
        (a reader thread that decoded them would hold the GIL the GUI thread paints with)."""
        self._inbox.append(WireItems(items))
        self._waiting += len(items)
        if not self._scheduled:
            self._schedule()

    def flush(self, timeout: float) -> None:
        """In-process, a record put is already in the console: nothing to wait for."""

    def close(self) -> None:
        """Deliver nothing more (the session moved on to another login)."""
        self._closed = True
        self._inbox.clear()
        self._waiting = 0

    def _schedule(self) -> None:
        self._scheduled = True
        try:
            self._loop.call_soon_threadsafe(self._drain)
        except RuntimeError:  # the loop is closed: the app is exiting, nobody is listening
            log.debug("event loop closed; records left undelivered")

    def drain_now(self) -> None:
        """Deliver everything queued so far, without slicing (loop thread)."""
        self._drain(deadline=None)

    def _drain(self, deadline: float | None = -1.0) -> None:
        self._scheduled = False  # any put from now on schedules another drain
        if self._closed:
            return
        if deadline == -1.0:
            deadline = time.perf_counter() + SLICE_SECONDS
        inbox = self._inbox
        while inbox:
            chunk = self._next_chunk()
            if chunk:
                self._deliver_safely(chunk)
            if deadline is not None and time.perf_counter() >= deadline:
                break
        if self._dropped:
            dropped, self._dropped = self._dropped, 0
            self._deliver_safely([Dropped(dropped)])
        if inbox and not self._closed:
            self._scheduled = True
            # Let the GUI breathe, then go on. A real timer, not call_soon: Qt runs a chain of
            # zero-delay callbacks back to back, and its own timers and repaints would wait.
            self._loop.call_later(RESUME_SECONDS, self._drain)

    def _next_chunk(self) -> list[Record]:
        """Up to CHUNK records from the head of the inbox, decoded."""
        inbox = self._inbox
        head = inbox[0]
        if type(head) is WireItems:
            items, start = head.items, head.start
            stop = start + CHUNK
            if stop >= len(items):
                inbox.popleft()
            else:
                head.start = stop
            part = items[start:stop]
            self._waiting -= len(part)
            assert self._decode is not None
            try:
                return self._decode(part)
            except Exception as exc:  # a worker that sends garbage is ended, not obeyed
                self.close()
                if self._on_unreadable is not None:
                    self._on_unreadable(exc)
                return []
        count = 0
        chunk: list[Record] = []
        broker, redactor = self._broker, self._redactor
        while inbox and count < CHUNK:
            record = inbox[0]
            if isinstance(record, WireItems):
                break
            inbox.popleft()
            if type(record) is tuple:  # a raw event: masked and made an event here
                record = event_from_raw(broker, cast("RawEvent", record), redactor)
            chunk.append(record)
            count += 1
        self._waiting -= count
        return chunk

    def _deliver_safely(self, records: list[Record]) -> None:
        try:
            self._deliver(records)
        except Exception:
            log.exception("delivering %d record(s) failed", len(records))
