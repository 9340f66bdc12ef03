"""The event pipeline under a flood, against a vnpy-style log monitor (issue: event pipeline).

    .venv/bin/python tests/benchmarks/event_flood.py --events 100000 --threads 4 --json
    .venv/bin/python tests/benchmarks/event_flood.py --idle 30
    .venv/bin/python tests/benchmarks/event_flood.py --scrape 1 --json

console: the real window, offscreen, with a logged-in KGI tab; the KGI mix (60% RECOVER, 20%
ServerTime, 10% GetStatus, 10% Message) fired from vendor threads by the real KGI driver in its
real worker process (tests/benchmarks/flood.py), through the pipe, the session, the log feed,
into the tab's and the all-brokers views. `dropped`: events of a flood larger than the worker's
queue holds, dropped and counted (the log shows the count) instead of waited for.
vnpy_style: vnpy's own LogMonitor (vnpy.trader.ui.widget; needs the [bench] extra), which
inserts a row at the top for every log event, fed by the real vnpy EventEngine through one
queued Qt signal per event, from the same number of threads.

Both sides run in child processes of their own (clean memory figures); a 10 ms GUI timer
measures how late the GUI thread answers. The console side also gives the CPU per event of
the flood: its GUI thread's and its worker's (all the worker's threads, the vendor's too). One
JSON line per run, then the medians (--json: only the medians).
--idle N: CPU seconds of the console (and its worker) over N s logged in to the simulator.
--scrape S: the console side only, without and with its metrics exposed (Settings → Expose
metrics, on loopback) and scraped every S seconds by a Prometheus-like client during the
flood, runs interleaved; the medians of both and their ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TICK_MS = 10


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu(pid: int) -> float:
    """CPU seconds of the process's live threads, to the nanosecond (the scheduler's own
    account; /proc/PID/stat counts 10 ms ticks, too coarse for an idle window)."""
    tasks = Path(f"/proc/{pid}/task").iterdir()
    return sum(int((task / "schedstat").read_text().split()[0]) for task in tasks) / 1e9


def process_cpu(pid: int) -> float:
    """CPU seconds of the process, its ended threads too (a flood's vendor threads end before
    it is over), in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Probe:
    """A 10 ms GUI timer: how late each tick comes (the GUI thread's responsiveness) and the
    peak resident memory, sampled on the same tick."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.lateness: list[float] = []
        self.peak_rss = rss_mb()
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.lateness.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now
        self.peak_rss = max(self.peak_rss, rss_mb())

    def figures(self, events: int, seconds: float) -> dict[str, float]:
        late = sorted(self.lateness) or [0.0]
        return {
            "events_per_s": round(events / seconds),
            "lateness_p50_ms": round(statistics.median(late), 1),
            "lateness_p99_ms": round(late[min(len(late) - 1, int(len(late) * 0.99))], 1),
            "lateness_max_ms": round(late[-1], 1),
            "peak_rss_mb": round(self.peak_rss, 1),
        }


def console_side(events: int, threads: int, scrape: float = 0.0) -> dict[str, float]:
    """The real window, a logged-in KGI tab, the flood through the worker; with `scrape`, its
    metrics served and fetched every `scrape` seconds throughout."""
    os.environ.update(
        FLOOD_EVENTS=str(events), FLOOD_THREADS=str(threads), FLOOD_DELAY_S="1.0",
        QT_QPA_PLATFORM="offscreen", BROKER_CONSOLE_CONFIG_DIR=tempfile.mkdtemp(),
    )  # fmt: skip
    import qasync
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from gui.brokers import default_registry, kgi
    from gui.core.login import LoginController
    from gui.core.profiles import ProfileStore
    from gui.ui.main_window import MainWindow
    from tests.benchmarks.flood import is_flood_event

    app = QApplication([])
    window = MainWindow(default_registry(), ProfileStore())
    window.resize(1280, 860)
    window.show()
    gc.freeze()  # as gui.ui.app does once the window shows
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    tab = window.broker_tabs["kgi"]
    tab.controller = LoginController(
        kgi.SPEC, driver_factory="tests.benchmarks.flood:kgi_flood_driver"
    )
    probe = Probe()
    marks: dict[str, float] = {}
    seen = 0

    def count(batch) -> None:  # type: ignore[no-untyped-def]
        nonlocal seen
        if not seen and any(map(is_flood_event, batch)):  # the flood's first: the clocks start
            marks["first"] = time.perf_counter()
            marks["gui_cpu"] = time.thread_time()
            marks["worker_cpu"] = process_cpu(worker_pid())
            probe.start()
        seen += sum(map(is_flood_event, batch))  # a batch listener: one call a batch

    def flushed(_rows: int) -> None:
        # the session delivered the flood's last event, and the log stored all it was given
        # (a flood past the worker's queue capacity has some dropped, counted, never waited for)
        arrived = seen + tab.session.info.dropped
        if arrived >= events and not window.feed.backlog and "last" not in marks:
            marks["last"] = time.perf_counter()
            marks["gui_cpu"] = time.thread_time() - marks["gui_cpu"]
            marks["worker_cpu"] = process_cpu(worker_pid()) - marks["worker_cpu"]

    def worker_pid() -> int:
        return tab.session._handle.process.pid  # type: ignore[union-attr]

    tab.session.event_batch_listeners.append(count)
    window.feed.flushed.connect(flushed)
    scrapes = [0]
    stop_scraping = threading.Event()
    if scrape:
        window.metrics_export.expose("127.0.0.1:0")
        url = window.metrics_export.server.url  # type: ignore[union-attr]

        def scraper() -> None:
            import urllib.request

            while not stop_scraping.wait(scrape):
                with urllib.request.urlopen(url, timeout=10) as answer:
                    answer.read()
                scrapes[0] += 1

        threading.Thread(target=scraper, daemon=True).start()

    async def main() -> dict[str, float]:
        await asyncio.sleep(0.5)
        marks["idle_rss"] = rss_mb()
        tab.form.editors["password"].set_value("demo")
        QTest.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)  # as a trader does
        while "last" not in marks:
            await asyncio.sleep(0.05)
        probe.stop()
        stop_scraping.set()
        figures = probe.figures(events, marks["last"] - marks["first"])
        if scrape:
            figures["scrapes"] = scrapes[0]
        figures["idle_rss_mb"] = round(marks["idle_rss"], 1)
        figures["dropped"] = tab.session.info.dropped
        # Where the time went: the GUI thread's and the worker's CPU per event of the flood.
        figures["gui_thread_cpu_us_per_event"] = round(marks["gui_cpu"] / events * 1e6, 2)
        figures["worker_cpu_us_per_event"] = round(marks["worker_cpu"] / events * 1e6, 2)
        await tab.session.shutdown()
        return figures

    with loop:
        return loop.run_until_complete(main())


def vnpy_side(events: int, threads: int) -> dict[str, float]:
    """vnpy's own LogMonitor (vnpy.trader.ui.widget): a QTableWidget row inserted on top per
    log event, fed by the real EventEngine through one queued Qt signal per event."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication
    from vnpy.event import Event, EventEngine
    from vnpy.trader.event import EVENT_LOG
    from vnpy.trader.object import LogData
    from vnpy.trader.ui.widget import LogMonitor

    app = QApplication([])
    engine = EventEngine()
    table = LogMonitor(None, engine)  # the main engine is only stored, never used by the table
    table.resize(1280, 600)
    table.show()
    engine.start()
    probe = Probe()
    idle_rss = rss_mb()

    def produce(n: int, count: int) -> None:
        for i in range(count):
            engine.put(Event(EVENT_LOG, LogData(msg=f"thread {n} message {i}", gateway_name="GW")))

    started = time.perf_counter()
    probe.start()
    workers = [
        threading.Thread(target=produce, args=(n, events // threads)) for n in range(threads)
    ]
    for worker in workers:
        worker.start()
    while table.rowCount() < events:
        app.processEvents()
        QCoreApplication.sendPostedEvents()
    probe.stop()
    figures = probe.figures(events, time.perf_counter() - started)
    figures["idle_rss_mb"] = round(idle_rss, 1)
    engine.stop()
    return figures


def idle_side(seconds: float) -> dict[str, float]:
    """CPU used by the console (and its worker) while logged in to the KGI simulator."""
    os.environ.update(QT_QPA_PLATFORM="offscreen", BROKER_CONSOLE_CONFIG_DIR=tempfile.mkdtemp())
    import qasync
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from gui.brokers import default_registry
    from gui.core.profiles import ProfileStore
    from gui.core.session import SessionState
    from gui.ui.main_window import MainWindow

    app = QApplication([])
    window = MainWindow(default_registry(), ProfileStore())
    window.show()
    gc.freeze()  # as gui.ui.app does once the window shows
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    tab = window.broker_tabs["kgi"]

    async def main() -> dict[str, float]:
        tab.form.editors["password"].set_value("demo")
        QTest.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)  # as a trader does
        while tab.session.state is not SessionState.LOGGED_IN:
            await asyncio.sleep(0.05)
        await asyncio.sleep(2)  # the login's own work is over
        worker = tab.session._handle.process.pid
        console0, worker0 = cpu(os.getpid()), cpu(worker)
        await asyncio.sleep(seconds)
        console, worker_cpu = cpu(os.getpid()) - console0, cpu(worker) - worker0
        await tab.session.shutdown()
        return {
            "seconds": seconds,
            "console_cpu_s": round(console, 4),
            "worker_cpu_s": round(worker_cpu, 4),
            "console_percent_of_a_core": round(100 * console / seconds, 3),
            "worker_percent_of_a_core": round(100 * worker_cpu / seconds, 3),
        }

    with loop:
        return loop.run_until_complete(main())


def child(side: str, *args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--side", side, *args],
        capture_output=True, text=True, check=True, cwd=ROOT, timeout=600,
    ).stdout  # fmt: skip
    return json.loads(out.splitlines()[-1])


def main() -> None:
    # The docstring's own line breaks (its examples are commands, one a line) are kept.
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--events", type=int, default=100_000, help="events in the flood (default 100,000)"
    )
    parser.add_argument(
        "--threads", type=int, default=4, help="vendor threads firing them (default 4)"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs of each side; medians printed (default 3)"
    )
    parser.add_argument("--json", action="store_true", help="only the line of medians")
    parser.add_argument("--idle", type=float, help="measure idle CPU over this many seconds")
    parser.add_argument(
        "--scrape", type=float, help="compare the console without and with a scrape every S s"
    )
    parser.add_argument("--side", choices=("console", "vnpy", "idle"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side == "console":
        print(json.dumps(console_side(args.events, args.threads, args.scrape or 0.0)))
        return
    if args.side == "vnpy":
        print(json.dumps(vnpy_side(args.events, args.threads)))
        return
    if args.side == "idle" or args.idle:
        if args.side:
            print(json.dumps(idle_side(args.idle or 30)))
        else:
            print(json.dumps({"idle": child("idle", "--idle", str(args.idle))}))
        return
    size = ["--events", str(args.events), "--threads", str(args.threads)]
    if args.scrape:
        scraped(size, args.runs, args.scrape, args.json)
        return
    runs = []
    for _ in range(args.runs):
        run = {"console": child("console", *size), "vnpy_style": child("vnpy", *size)}
        runs.append(run)
        if not args.json:
            print(json.dumps(run), flush=True)
    medians = per_side_medians(runs, ("console", "vnpy_style"))
    console, vnpy = medians["console"], medians["vnpy_style"]
    medians["ratios"] = {
        "events_per_s_vs_vnpy": round(console["events_per_s"] / vnpy["events_per_s"], 2),
        "lateness_p99_vs_vnpy": round(
            console["lateness_p99_ms"] / max(vnpy["lateness_p99_ms"], 0.1), 2
        ),
        "peak_rss_vs_idle_window": round(console["peak_rss_mb"] / console["idle_rss_mb"], 2),
    }
    print(json.dumps({**medians, "median_of": args.runs}))


def per_side_medians(
    runs: list[dict[str, dict[str, float]]], sides: tuple[str, str]
) -> dict[str, dict[str, float]]:
    """Each side's figures, each the median over the runs."""
    return {
        side: {key: statistics.median(r[side][key] for r in runs) for key in runs[0][side]}
        for side in sides
    }


def scraped(size: list[str], runs: int, every: float, quiet: bool) -> None:
    """The console without and with a scrape every `every` s, interleaved; medians, ratios."""
    pairs = []
    for _ in range(runs):
        pair = {
            "without_scrape": child("console", *size),
            "with_scrape": child("console", *size, "--scrape", str(every)),
        }
        pairs.append(pair)
        if not quiet:
            print(json.dumps(pair), flush=True)
    medians = per_side_medians(pairs, ("without_scrape", "with_scrape"))
    plain, scraped_run = medians["without_scrape"], medians["with_scrape"]
    medians["ratios"] = {
        key: round(scraped_run[key] / plain[key], 3)
        for key in ("events_per_s", "lateness_p99_ms", "gui_thread_cpu_us_per_event")
        if plain.get(key)
    }
    print(json.dumps({**medians, "scrape_every_s": every, "median_of": runs}))


if __name__ == "__main__":
    main()
