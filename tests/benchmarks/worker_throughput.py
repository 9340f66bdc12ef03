"""Events per second from a worker process into the console's session (issue: ≥ 50,000/s).

    .venv/bin/python tests/benchmarks/worker_throughput.py [--events N] [--threads T] [--runs R]

The real KGI driver in a real worker, flooded by tests/benchmarks/flood.py; the session is the
console's own, with one listener counting. Prints one JSON line: per run and the median."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from gui.brokers import kgi
from gui.core.login import LoginController
from gui.core.registry import Environment
from gui.core.session import Session
from tests.benchmarks.flood import is_flood_event


async def one_run(events: int, threads: int) -> float:
    session = Session(kgi.SPEC)
    first = last = 0.0
    seen = 0
    done = asyncio.Event()

    def count(event) -> None:  # type: ignore[no-untyped-def]
        nonlocal first, last, seen
        if is_flood_event(event):
            seen += 1
            now = time.perf_counter()
            first = first or now
            last = now
            if seen >= events:
                done.set()

    session.event_listeners.append(count)
    controller = LoginController(kgi.SPEC, driver_factory="tests.benchmarks.flood:kgi_flood_driver")
    values = {**kgi.SPEC.defaults(Environment.SIMULATOR), "password": "demo"}
    await controller.login(session, Environment.SIMULATOR, "normal", values, timeout=30)
    await asyncio.wait_for(done.wait(), 120)
    await session.shutdown()
    return seen / (last - first)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.update(FLOOD_EVENTS=str(args.events), FLOOD_THREADS=str(args.threads))
    rates = [asyncio.run(one_run(args.events, args.threads)) for _ in range(args.runs)]
    print(
        json.dumps(
            {
                "events": args.events,
                "threads": args.threads,
                "events_per_s": [round(r) for r in rates],
                "median_events_per_s": round(statistics.median(rates)),
                "goal_events_per_s": 50_000,
            }
        )
    )


if __name__ == "__main__":
    main()
