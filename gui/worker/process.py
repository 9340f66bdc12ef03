"""The worker process: one login's driver, isolated from the console.

Started as `<console executable> --broker-worker` (the packaged exe starts itself). Standard
input carries the console's commands; the original standard output carries record frames;
everything else the process or a vendor library prints goes to standard error, which the
console keeps as evidence. A native crash prints its Python traceback there (faulthandler).
The process ends after its login ends (logged out, failed, cancelled, told to shut down) or
when the console goes away.
"""

from __future__ import annotations

import asyncio
import faulthandler
import importlib
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import partial
from json.encoder import encode_basestring
from math import isfinite
from pathlib import Path
from typing import IO, Any

from gui.core.collector import collect_for_floods
from gui.core.driver import Driver, DriverLink
from gui.core.errors import BrokerFailure
from gui.core.events import KIND_LABELS, Level
from gui.core.records import ActionResult, LoggedIn, Record, local_iso_millis
from gui.core.redaction import PROCESS_SECRETS, Redactor
from gui.core.registry import Environment
from gui.core.runner import DriverRunner, unexpected
from gui.core.session_log import LINE_ENCODER, LOG_PROBLEM_DETAIL, SessionLog
from gui.worker import lifetime
from gui.worker.protocol import (
    CONSOLE_FRAMES,
    DROPPED,
    EVENT,
    ProtocolError,
    read_frame,
    records_to_wire,
    write_frame,
)

BATCH = 4096  # records per frame at most
COALESCE_SECONDS = 0.002  # under a flood, frames go out at most this often (fewer wake-ups)
WRITER_IDLE_SECONDS = 5.0  # the writer's bounded wait when there is nothing to send
CLOSE_SECONDS = 3.0  # flushing what is left at the end
PARENT_GONE_SECONDS = 2.0  # a last logout when the console went away, then out
QUEUE_CAPACITY = 200_000


class _Flush:
    """A marker in the writer's queue: `written` is set once what came before is written."""

    __slots__ = ("written",)

    def __init__(self, written: threading.Event) -> None:
        self.written = written


class FrameWriter:
    """The worker's end of the record pipe: records queued by any thread (`put` never blocks),
    masked and written in batches by one thread. Past the capacity events are dropped and the
    count is sent, in order; control records are never dropped. Each batch sent also goes to
    `session_log` (decoded on the log's own thread)."""

    def __init__(
        self,
        stream: IO[bytes],
        redactor: Redactor,
        broker: str = "",
        session_log: SessionLog | None = None,
    ) -> None:
        self._stream = stream
        self._redactor = redactor
        self._broker = broker
        self._session_log = session_log
        self._queue: deque[Record | _Flush] = deque()
        self._wake = threading.Event()
        self._closing = False
        self._dropped = 0
        self._broken = False
        self._thread = threading.Thread(target=self._run, name="frame-writer", daemon=True)
        self._thread.start()

    def put(self, record: Record) -> None:
        if len(self._queue) >= QUEUE_CAPACITY and type(record) is tuple:  # a raw event
            self._dropped += 1
        else:
            self._queue.append(record)
        if not self._wake.is_set():
            self._wake.set()

    def flush(self, timeout: float) -> None:
        """Return once everything put before this call is written (or after `timeout`)."""
        written = threading.Event()
        self._queue.append(_Flush(written))
        self._wake.set()
        written.wait(timeout)

    def _run(self) -> None:
        queue = self._queue
        last_write = 0.0
        while True:
            self._wake.wait(WRITER_IDLE_SECONDS)
            since = time.monotonic() - last_write
            if since < COALESCE_SECONDS and len(queue) < BATCH:
                time.sleep(COALESCE_SECONDS - since)  # let a flood fill the next frame
            self._wake.clear()
            last_write = time.monotonic()
            while queue or self._dropped:
                taken: list[Record] = []
                flushed: list[threading.Event] = []
                while queue and len(taken) < BATCH:
                    record = queue.popleft()
                    if isinstance(record, _Flush):
                        flushed.append(record.written)
                        break  # write now: someone is about to call native code
                    taken.append(record)
                batch: list[Any] = records_to_wire(taken, self._redactor)
                if self._dropped:
                    dropped, self._dropped = self._dropped, 0
                    batch.append([DROPPED, dropped])
                if batch:
                    self._write(["records", batch])
                    if self._session_log is not None:
                        self._session_log.write_later(
                            len(taken), partial(log_lines, self._broker, batch)
                        )
                for event in flushed:
                    event.set()
            if self._closing:
                return

    def _write(self, frame: list[Any]) -> None:
        if self._broken:
            return
        try:
            write_frame(self._stream, frame)
        except (OSError, ValueError):  # the console is gone: nobody reads any more
            self._broken = True

    def close(self) -> None:
        """Send what is queued (bounded), then the last frame."""
        self._closing = True
        self._wake.set()
        self._thread.join(CLOSE_SECONDS)
        self._write(["bye"])


def log_lines(broker: str, batch: list[Any]) -> list[str]:
    """The session log's lines for the events of a batch in wire form: the text of
    `to_json_dict` of each event the console reads from it, made from the wire directly (a
    worker logs as fast as a flood comes; going through BrokerEvent and a dict cost three
    times as much)."""
    kinds, levels, text_of, escape = _KIND_TEXT, _LEVEL_TEXT, _json_text, encode_basestring
    broker_text = text_of(broker)
    lines: list[str] = []
    for item in batch:
        if item[0] != EVENT:
            continue
        (_, epoch, kind, status, text, topic, count, stamp, latency, level, raw) = item
        lines.append(
            f'{{"time": "{local_iso_millis(epoch)}", "broker": {broker_text}, '
            f'"kind": {kinds[kind]}, '
            f'"status": {escape(status) if type(status) is str else text_of(status)}, '
            f'"text": {escape(text) if type(text) is str else text_of(text)}, '
            f'"topic": {text_of(topic)}, "count": {text_of(count)}, '
            f'"server_time": {_server_time_text(stamp) if stamp else "null"}, '
            f'"latency_ms": {text_of(latency)}, "level": {levels[level]}'
            + (f', "raw": {text_of(raw)}}}' if raw else "}")
        )
    return lines


def _server_time_text(stamp: str) -> str:
    """A wire server time (`isoformat()`) as the log's JSON text, to the millisecond: cut from
    the text when it has its microseconds (what a worker sends), else through a datetime."""
    if len(stamp) >= 26 and stamp[19] == "." and stamp[20:26].isdigit():
        return f'"{stamp[:23]}{stamp[26:]}"'
    return f'"{datetime.fromisoformat(stamp).isoformat(timespec="milliseconds")}"'


def _json_text(value: Any) -> str:
    """A value's JSON text, as the session log's encoder writes it: the wire's plain values
    without the encoder's call (its set-up costs more than a small raw dict's text)."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    if kind is float and isfinite(value):
        return float.__repr__(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is dict and all(type(key) is str for key in value):
        items = (f"{encode_basestring(key)}: {_json_text(item)}" for key, item in value.items())
        return "{" + ", ".join(items) + "}"
    return LINE_ENCODER.encode(value)


_KIND_TEXT = {
    kind.value: f'{_json_text(kind.value)}, "event": {_json_text(label)}'
    for kind, label in KIND_LABELS.items()
}
_LEVEL_TEXT = {level.value: _json_text(level.value) for level in Level}


def make_driver(hello: Mapping[str, Any]) -> Driver:
    """The spec's driver, or (tests, benchmarks) a named factory of stand-ins."""
    environment = Environment(hello["environment"])
    scenario = str(hello.get("scenario") or "")
    factory = hello.get("driver_factory")
    if factory:
        module, _, name = str(factory).partition(":")
        make: Callable[[Environment, str], Driver] = getattr(importlib.import_module(module), name)
        return make(environment, scenario)
    from gui.brokers import default_registry

    return default_registry().get(str(hello["broker"])).create_driver(environment, scenario)


class WorkerService:
    """Commands in, records out, for one login or one probe."""

    def __init__(self, hello: Mapping[str, Any], out: IO[bytes]) -> None:
        self.hello = hello
        self.broker = str(hello["broker"])
        self.redactor = Redactor()
        folder = hello.get("session_log")
        # The console's log folder: this login's events are written here, by this process.
        self.session_log = SessionLog(Path(str(folder)), prunes=False) if folder else None
        self.writer = FrameWriter(out, self.redactor, self.broker, self.session_log)
        self.link = DriverLink(self.broker, self.writer, self.redactor)
        if self.session_log is not None:  # the console tells the user (panel, CLI warnings)
            self.session_log.problem_listeners.append(
                partial(self.link.set_detail, LOG_PROBLEM_DETAIL)
            )
        self.bound = float(hello.get("bound", 10.0))
        self.runner: DriverRunner | None = None
        self.done = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._ending = False

    async def serve(self, commands: IO[bytes]) -> None:
        loop = asyncio.get_running_loop()
        threading.Thread(
            target=self._read_commands, args=(commands, loop), name="commands", daemon=True
        ).start()
        await self.done.wait()

    def _read_commands(self, stream: IO[bytes], loop: asyncio.AbstractEventLoop) -> None:
        try:
            while (frame := read_frame(stream, CONSOLE_FRAMES)) is not None:
                loop.call_soon_threadsafe(self.on_command, frame)
        except (ProtocolError, OSError, ValueError) as exc:
            sys.stderr.write(f"worker: unreadable command ({exc}); ending\n")
        loop.call_soon_threadsafe(self.on_command, ["eof"])

    def on_command(self, frame: list[Any]) -> None:
        name = frame[0]
        if name == "login":
            runner = self._runner(frame[1], frame[2], self.link.failed)
            if runner is not None:
                runner.start_login(frame[1]).add_done_callback(self._login_done)
        elif name == "request":
            _, request_id, kind, argument, secrets = frame
            if kind == "probe":
                runner = self._runner(argument, secrets, partial(self.link.result, request_id))
                if runner is not None:
                    self._spawn(runner.probe(request_id, argument))
            elif kind == "diagnose":
                self._diagnose(request_id, argument, secrets)
            elif self.runner is not None:
                self._spawn(self.runner.action(request_id, argument))
        elif name == "cancel" and self.runner is not None:
            self.runner.cancel()
        elif name in ("logout", "shutdown"):
            self._end()
        elif name == "eof":  # the console went away: a short last logout, then out
            threading.Timer(PARENT_GONE_SECONDS + 1, os._exit, (0,)).start()
            self._end(PARENT_GONE_SECONDS)

    def _diagnose(
        self, request_id: int, settings: Mapping[str, Any], secret_keys: list[str]
    ) -> None:
        """The diagnosis on a thread of its own (its phases block, each bounded); the worker
        ends after answering."""
        self._learn_secrets(settings, secret_keys)
        loop = asyncio.get_running_loop()

        def run() -> None:
            from gui.brokers import default_registry
            from gui.core.diagnosis_run import diagnose

            try:
                spec = default_registry().get(self.broker)
                environment = Environment(self.hello["environment"])
                scenario = str(self.hello.get("scenario") or "")
                summary = diagnose(spec, environment, scenario, settings, self.link.step)
                self.link.result(request_id, ActionResult(summary))
            except Exception as exc:
                self.link.result(request_id, unexpected(self.broker, exc, self.link))
            loop.call_soon_threadsafe(self._end)

        threading.Thread(target=run, name="diagnosis", daemon=True).start()

    def _learn_secrets(self, settings: Mapping[str, Any], secret_keys: list[str]) -> None:
        """Mask these settings' secret values in everything the worker sends from now on."""
        for key in secret_keys:
            if settings.get(key):
                self.redactor.add(str(settings[key]))
                PROCESS_SECRETS.add(str(settings[key]))  # the session log masks with these

    def _runner(
        self,
        settings: Mapping[str, Any],
        secret_keys: list[str],
        report: Callable[[BrokerFailure], object],
    ) -> DriverRunner | None:
        """A runner for this login's driver; a driver that cannot be made is reported."""
        self._learn_secrets(settings, secret_keys)
        try:
            driver = make_driver(self.hello)
        except BrokerFailure as failure:
            report(failure)
        except Exception as exc:
            report(unexpected(self.broker, exc, self.link))
        else:
            self.runner = DriverRunner(driver, self.link, logout_bound=self.bound)
            return self.runner
        self._end()
        return None

    def _login_done(self, _task: asyncio.Task[None]) -> None:
        if not isinstance(self.link.outcome, LoggedIn):  # failed or cancelled: the work is over
            self._end()

    def _end(self, bound: float | None = None) -> None:
        if self._ending:
            return
        self._ending = True
        self._spawn(self._finish(bound))

    async def _finish(self, bound: float | None) -> None:
        if self.runner is not None:
            if bound is not None:
                self.runner.logout_bound = bound
            await self.runner.logout()
        self.done.set()

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


def main() -> int:
    """The worker's entry point (argv is only the flag; everything else comes over stdin)."""
    frames_out = os.fdopen(os.dup(1), "wb")  # the records pipe, before anyone can print to it
    os.dup2(2, 1)  # stray prints (ours, a vendor's printf) go to standard error
    sys.stdout = sys.stderr
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel32.SetStdHandle(-11, kernel32.GetStdHandle(-12))  # native stdout -> stderr too
    faulthandler.enable(sys.stderr, all_threads=True)
    commands = sys.stdin.buffer
    try:
        hello = read_frame(commands, CONSOLE_FRAMES)
    except ProtocolError as exc:
        sys.stderr.write(f"worker: no hello from the console ({exc})\n")
        return 2
    if hello is None or hello[0] != "hello":
        return 2
    lifetime.die_with_parent(int(hello[1]["parent"]))
    collect_for_floods()
    service = WorkerService(hello[1], frames_out)
    asyncio.run(service.serve(commands))
    service.writer.close()
    if service.session_log is not None:
        service.session_log.close(CLOSE_SECONDS)
    sys.stderr.flush()
    # Vendor threads and executors must not hold the exit (they may be stuck in native code).
    os._exit(0)
