"""What one event costs the vendor's thread: `DriverLink.emit` into the worker's real
FrameWriter (the frames go to /dev/null), against vnpy's `EventEngine.put` of a LogData event
in the same process (issue: event pipeline; goal: at most 3 µs per event).

    .venv/bin/python tests/benchmarks/emit_cost.py [--events 200000] [--runs 5]

Each run emits the KGI mix (RECOVER with topic and count, ServerTime with a server time, a
status, a message with a raw payload) from one thread; the writer thread masks and writes
concurrently, as in a live login. Prints one JSON line, medians of the runs: µs per event of
the emitting thread's CPU (the cost the vendor's thread pays; the goal) and of wall time (that
plus waiting for the GIL the writer holds while it masks and writes), for both, and the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gui.core.driver import DriverLink  # noqa: E402
from gui.core.events import EventKind  # noqa: E402
from gui.core.redaction import Redactor  # noqa: E402
from gui.worker.process import FrameWriter  # noqa: E402


def emit_run(events: int) -> tuple[float, float]:
    """µs per emit: CPU of the emitting thread (what the vendor's thread pays), and wall time
    (that plus the writer's share of the GIL: it masks and writes meanwhile)."""
    redactor = Redactor()
    redactor.add("s3cret-password")
    with open(os.devnull, "wb") as sink:
        writer = FrameWriter(sink, redactor)
        link = DriverLink("kgi", writer, redactor)
        now = datetime.now()
        raw = {"dt": 9, "topic": "RPT"}
        emit = link.emit
        started, cpu_started = time.perf_counter(), time.thread_time()
        for i in range(events):
            kind = i % 10
            if kind < 6:
                emit(EventKind.RECOVER, "RS_DONE", topic="ProductBaseSv1801.xml", count=i)
            elif kind < 8:
                emit(EventKind.SERVER_TIME, "", "quality 12 ms", server_time=now, latency_ms=12)
            elif kind == 8:
                emit(EventKind.STATUS, "HEART_BEAT")
            else:
                emit(EventKind.MESSAGE, "9", "RPT", raw=raw)
        cpu = time.thread_time() - cpu_started
        elapsed = time.perf_counter() - started
        writer.close()
    return cpu / events * 1e6, elapsed / events * 1e6


def vnpy_run(events: int) -> tuple[float, float]:
    """The same two figures for `EventEngine.put` of a log event, the engine running (its
    thread dispatches to a handler meanwhile)."""
    from vnpy.event import Event, EventEngine
    from vnpy.trader.event import EVENT_LOG
    from vnpy.trader.object import LogData

    engine = EventEngine()
    engine.register(EVENT_LOG, lambda event: None)
    engine.start()
    put = engine.put
    started, cpu_started = time.perf_counter(), time.thread_time()
    for i in range(events):
        put(Event(EVENT_LOG, LogData(msg=f"message {i}", gateway_name="KGI")))
    cpu = time.thread_time() - cpu_started
    elapsed = time.perf_counter() - started
    engine.stop()
    return cpu / events * 1e6, elapsed / events * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    console = [emit_run(args.events) for _ in range(args.runs)]
    vnpy = [vnpy_run(args.events) for _ in range(args.runs)]

    def median(runs: list[tuple[float, float]], index: int) -> float:
        return round(statistics.median(run[index] for run in runs), 2)

    figures = {
        "events": args.events,
        "runs": args.runs,
        "emit_thread_cpu_us": median(console, 0),
        "emit_wall_us": median(console, 1),
        "vnpy_put_thread_cpu_us": median(vnpy, 0),
        "vnpy_put_wall_us": median(vnpy, 1),
        "goal_us": 3.0,
    }
    figures["thread_cpu_vs_vnpy"] = round(
        figures["emit_thread_cpu_us"] / figures["vnpy_put_thread_cpu_us"], 2
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
