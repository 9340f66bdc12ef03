"""The persistent, masked session log: every event of every login, as JSON Lines on disk.

One file per day (`sessions-YYYY-MM-DD.jsonl`, continued in `.1`, `.2` … past a size), in the
platform's log folder (`BROKER_CONSOLE_CONFIG_DIR` moves it under `<dir>/logs`); files past the
age or total size kept are removed. Events arrive masked by their session; the writer masks
again with every secret of the process before a line is written. Writing happens on a thread
of its own with a bounded queue: a flood never waits on the disk.

A login's worker process writes its own events to the same files (the session hands it the
folder), making the lines from its wire batches (`gui.worker.process.log_lines`): under a flood
the console must spend its GIL on the window. Lines are appended whole (`append_whole`), so
processes sharing a file never split one another's lines. The console writes the events it
makes itself, and every event of a driver that runs in the console (tests).
Also here: the app's own error log and the latest diagnosis of each broker, for a support
bundle.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from gui import APP_NAME
from gui.core.profiles import CONFIG_DIR_ENV
from gui.core.redaction import PROCESS_SECRETS
from gui.core.shared_files import FileBusy, SharedFile, replace_whole

if TYPE_CHECKING:
    from gui.core.diagnosis import Step
    from gui.core.events import BrokerEvent
    from gui.core.session import Session

log = logging.getLogger(__name__)

KEEP_DAYS = 14
KEEP_BYTES = 200 << 20
FILE_BYTES = 20 << 20  # one day's file continues in a new one past this
QUEUE_EVENTS = 100_000  # events waiting for the disk; past it they are counted, not kept
WRITER_IDLE_SECONDS = 1.0
# Lines masked per pass: masking is one C call, so the thread that shares the GIL with the
# window never holds it long (one pass over a flood's backlog did).
LINES_PER_PASS = 256
ERROR_LOG = "console-errors.log"
WRITE_LOCK = ".sessions.lock"  # Windows: the console and its workers append in turns
APPEND_TURN_SECONDS = 2.0  # how long an append waits for the others' (each takes µs to ms)
PRUNE_LOCK = "sessions-prune"  # its lock file: one process prunes at a time
PRUNE_LOCK_SECONDS = 2.0
# The session panel's fact (a worker's log failure reaches its console as this detail).
LOG_PROBLEM_DETAIL = "Session log"
SESSION_FILE = re.compile(r"^sessions-(\d{4}-\d{2}-\d{2})(?:\.(\d+))?\.jsonl$")


def log_dir() -> Path:
    """Where the logs live: `<BROKER_CONSOLE_CONFIG_DIR>/logs`, else the platform's log
    folder."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override) / "logs"
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


# Every line's encoder (json.dumps makes one per call).
LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str)


def json_line(payload: dict[str, Any]) -> bytes:
    """One line of UTF-8 JSON, masked; a lone surrogate (invalid UTF-8 in a vendor's text)
    becomes a JSON escape instead of failing the line."""
    return masked_lines([LINE_ENCODER.encode(payload)])


def event_lines(events: Sequence[BrokerEvent]) -> list[str]:
    """The events' lines (`to_json_dict`), not yet masked."""
    encode = LINE_ENCODER.encode
    return [encode(event.to_json_dict()) for event in events]


def masked_lines(lines: Sequence[str]) -> bytes:
    """Lines of JSON as UTF-8, masked in one pass (a flood writes tens of thousands at a
    time)."""
    if not lines:
        return b""
    text = PROCESS_SECRETS.text("\n".join(lines))
    return (text + "\n").encode("utf-8", "backslashreplace")


def append_whole(path: Path, data: bytes) -> None:
    """Append `data` (whole lines) while other processes append to the same file: the writers
    take turns (POSIX: a `flock` on the file; Windows: a lock file, as its C runtime seeks to
    the end and then writes, which two processes could interleave).

    A write cut short (a full disk, a killed process) leaves a torn last line: the next
    append, by any process, starts on a fresh line, so only that line is lost, and readers
    skip it (`read_lines`, `torn_lines` count it)."""
    if sys.platform != "win32":
        _append(path, data)
        return
    import msvcrt

    with (path.parent / WRITE_LOCK).open("a+b") as lock:
        lock.seek(0)
        msvcrt.locking(lock.fileno(), msvcrt.LK_LOCK, 1)  # retries for 10 s, then OSError
        try:
            _append(path, data)
        finally:
            lock.seek(0)
            msvcrt.locking(lock.fileno(), msvcrt.LK_UNLCK, 1)


def _append(path: Path, data: bytes) -> None:
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o644)
    try:
        _take_turn(fd)
        size = os.fstat(fd).st_size
        if size and _last_byte(fd, size) != b"\n":
            data = b"\n" + data  # the torn line of a write cut short stays alone
        view = memoryview(data)
        while view:  # one write, unless the disk is full: then ENOSPC, or a short count
            written = os.write(fd, view)
            if written == 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
            view = view[written:]
    finally:
        os.close(fd)  # releases the turn


def _take_turn(fd: int) -> None:
    """POSIX: wait for the other appenders' writes to end (bounded: one that hangs with the
    lock only costs the fresh-line check, as O_APPEND keeps each write whole)."""
    if sys.platform == "win32":
        return
    import fcntl

    deadline = time.monotonic() + APPEND_TURN_SECONDS
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                return
            time.sleep(0.001)


def _last_byte(fd: int, size: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, 1, size - 1)
    os.lseek(fd, size - 1, os.SEEK_SET)  # Windows: appends still go to the end (O_APPEND)
    return os.read(fd, 1)


def read_lines(path: Path) -> tuple[list[dict[str, Any]], int]:
    """A session log's records, and how many lines were torn (a write cut short by a full
    disk, a process killed mid-line): those are skipped, never glued to the next."""
    records: list[dict[str, Any]] = []
    torn = 0
    for line in path.read_bytes().splitlines():
        record = _record(line)
        if record is not None:
            records.append(record)
        elif line.strip():
            torn += 1
    return records, torn


def torn_lines(data: bytes) -> int:
    """How many lines of a session log's bytes are not whole records."""
    return sum(1 for line in data.splitlines() if line.strip() and _record(line) is None)


def _record(line: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def session_files(folder: Path) -> list[tuple[date, int, Path]]:
    """The session logs in the folder, oldest first (names that hold no real date are not
    among them: see `undated_session_files`)."""
    found = []
    for path in folder.glob("sessions-*.jsonl"):
        match = SESSION_FILE.match(path.name)
        if match:
            with contextlib.suppress(ValueError):
                found.append((date.fromisoformat(match[1]), int(match[2] or 0), path))
    return sorted(found)


def undated_session_files(folder: Path) -> list[Path]:
    """Files named like session logs whose name holds no date (`sessions-2026-13-45.jsonl`,
    a copy renamed by hand): never pruned, since their age is unknown."""
    dated = {path for _, _, path in session_files(folder)}
    return sorted(path for path in folder.glob("sessions-*.jsonl") if path not in dated)


@dataclass
class Pruned:
    """What one pruning removed, and why it may have kept more than asked."""

    removed: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)  # left alone: no date in the name
    over_cap: int = 0  # bytes kept past the cap: today's files and later ones are never removed
    failed: list[str] = field(default_factory=list)  # files that could not be removed, and why

    def warnings(self, keep_bytes: int) -> list[str]:
        """What desk support should know, one line each."""
        found = []
        if self.undated:
            found.append(
                f"{len(self.undated)} file(s) named like session logs hold no date and are "
                f"left alone: {', '.join(self.undated[:3])}"
            )
        if self.over_cap:
            found.append(
                f"the session logs are {self.over_cap / 1e6:.1f} MB over the {keep_bytes / 1e6:.0f}"
                " MB kept: files of today (or dated later, by a changed clock or a copy from "
                "another machine) are never removed"
            )
        found.extend(self.failed)
        return found


def prune(
    folder: Path,
    keep_days: int = KEEP_DAYS,
    keep_bytes: int = KEEP_BYTES,
    *,
    writing: Path | None = None,
    today: date | None = None,
) -> Pruned:
    """Remove session logs older than `keep_days`, then the oldest by date until `keep_bytes`
    is met; never a file of today or later, nor `writing`. One process prunes at a time (the
    others skip: it is being done)."""
    today = today or date.today()
    try:
        with SharedFile(folder / PRUNE_LOCK).locked(PRUNE_LOCK_SECONDS):
            return _prune(folder, keep_days, keep_bytes, writing, today)
    except FileBusy:
        return Pruned()


def _prune(
    folder: Path, keep_days: int, keep_bytes: int, writing: Path | None, today: date
) -> Pruned:
    pruned = Pruned(undated=[path.name for path in undated_session_files(folder)])
    oldest_kept = today - timedelta(days=keep_days - 1)
    files = [(day, path, _size(path)) for day, _, path in session_files(folder)]
    total = sum(size for _, _, size in files)
    for day, path, size in files:  # oldest first
        if path == writing or day >= today:
            continue
        if day >= oldest_kept and total <= keep_bytes:
            continue
        try:
            path.unlink(missing_ok=True)  # another process may have pruned it already
        except OSError as exc:
            pruned.failed.append(f"{path.name} could not be removed ({exc.strerror or exc})")
            continue
        pruned.removed.append(path.name)
        total -= size
    pruned.over_cap = max(0, total - keep_bytes)
    return pruned


MakeLines = Callable[[], list[str]]  # a batch's lines, made (and masked) on the log's thread


class SessionLog:
    """Attach sessions; their events go to today's file. `close` writes what is queued
    (bounded). `prunes`: remove old files when a day starts (the console; not its workers)."""

    def __init__(
        self,
        folder: Path | None = None,
        *,
        keep_days: int = KEEP_DAYS,
        keep_bytes: int = KEEP_BYTES,
        file_bytes: int = FILE_BYTES,
        prunes: bool = True,
    ) -> None:
        self.folder = folder or log_dir()
        self.prunes = prunes
        self.keep_days = keep_days
        self.keep_bytes = keep_bytes
        self.file_bytes = file_bytes
        self.problem = ""  # why the log cannot be written, for the window and the CLI
        # Told once, on the log's thread, when the log cannot be written (the login goes on).
        self.problem_listeners: list[Callable[[str], None]] = []
        self._queue: deque[tuple[int, MakeLines]] = deque()
        self._lock = threading.Lock()
        self._queued = 0  # events queued or being written
        self._dropped = 0
        self._wake = threading.Event()
        self._closing = False
        self._day: date | None = None
        self._path: Path | None = None
        self._thread: threading.Thread | None = None  # started by the first write

    def attach(self, session: Session) -> None:
        """The session's events come here, or (its worker writes them) the folder goes there."""
        session.log_folder = self.folder
        session.log_sink = self.write

    def write(self, events: list[BrokerEvent]) -> None:
        """Queue events (never blocks; past the capacity they are counted as dropped)."""
        self.write_later(len(events), partial(event_lines, events))

    def write_later(self, count: int, make_lines: MakeLines) -> None:
        """Queue `count` events as what makes their lines on the log's thread (a worker's
        records in wire form: making lines of them is the log's work, not the sender's)."""
        with self._lock:
            if self._queued >= QUEUE_EVENTS:
                self._dropped += count
                return
            self._queued += count
            self._queue.append((count, make_lines))
            if self._thread is None:  # not at start-up: starting a thread waits for it to run
                self._thread = threading.Thread(target=self._run, name="session-log", daemon=True)
                self._thread.start()
        self._wake.set()

    def flush(self, timeout: float = 2.0) -> bool:
        """True once everything queued so far is on disk (or False after `timeout`)."""
        deadline = time.monotonic() + timeout
        while self._queued and time.monotonic() < deadline:
            self._wake.set()
            time.sleep(0.01)
        return not self._queued

    def close(self, timeout: float = 2.0) -> None:
        self._closing = True
        self._wake.set()
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    @property
    def path(self) -> Path | None:
        """Today's file, once something was written."""
        return self._path

    def _run(self) -> None:
        while True:
            self._wake.wait(WRITER_IDLE_SECONDS)
            self._wake.clear()
            if self._queue or self._dropped:
                self._write_queued()
            if self._closing and not self._queue:
                return

    def _take(self) -> tuple[list[tuple[int, MakeLines]], int]:
        with self._lock:
            batches = list(self._queue)
            self._queue.clear()
            dropped, self._dropped = self._dropped, 0
        return batches, dropped

    def _write_queued(self) -> None:
        batches, dropped = self._take()
        taken = sum(count for count, _ in batches)
        try:
            lines: list[bytes] = []
            for _, make_lines in batches:
                try:
                    made = make_lines()
                except Exception:  # records that cannot be read are lost, the log goes on
                    log.exception("session log: lines could not be made")
                    continue
                for start in range(0, len(made), LINES_PER_PASS):
                    lines.append(masked_lines(made[start : start + LINES_PER_PASS]))
            if dropped:
                lines.append(json_line({"kind": "dropped", "count": dropped}))
            append_whole(self._target(), b"".join(lines))
        except OSError as exc:
            self._report(f"The session log cannot be written in {self.folder}: {why(exc)}")
        finally:
            with self._lock:
                self._queued -= taken

    def _report(self, problem: str) -> None:
        if self.problem:
            return  # once: the first cause is the one to fix
        self.problem = problem
        log.warning("%s", problem)
        for listener in self.problem_listeners:
            listener(problem)

    def _target(self) -> Path:
        """Today's file (a new day, or a full file, starts the next one; pruning with it)."""
        today = date.today()
        path = self._path
        if today != self._day or path is None or _size(path) >= self.file_bytes:
            self.folder.mkdir(parents=True, exist_ok=True)
            if today != self._day and self.prunes:
                pruned = prune(self.folder, self.keep_days, self.keep_bytes, writing=path)
                for warning in pruned.warnings(self.keep_bytes):
                    log.warning("session log: %s", warning)
            parts = [p for d, p, _ in session_files(self.folder) if d == today]
            part = max(parts, default=0)
            path = self.folder / _name(today, part)
            if _size(path) >= self.file_bytes:
                path = self.folder / _name(today, part + 1)
            self._day, self._path = today, path
        return path


def why(exc: OSError) -> str:
    """What went wrong writing, in words desk support acts on."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full (no space left on the device)"
    if exc.errno == errno.EROFS:
        return "the folder is on a read-only file system"
    if exc.errno in (errno.EEXIST, errno.ENOTDIR) and exc.filename:
        return f"{exc.filename} is in the way: a file where a folder must be"
    if isinstance(exc, PermissionError):
        return f"no permission to write there ({exc.filename or exc.strerror})"
    return str(exc.strerror or exc) + (f" ({exc.filename})" if exc.filename else "")


def _name(day: date, part: int) -> str:
    return f"sessions-{day.isoformat()}{f'.{part}' if part else ''}.jsonl"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# -- the latest diagnosis of each broker ------------------------------------------------------


def save_diagnosis(
    broker: str, environment: str, steps: Sequence[Step], folder: Path | None = None
) -> str:
    """Keep the latest diagnosis of a broker (`diagnosis-<broker>.json`), masked, replaced
    whole (a full disk leaves the previous one); '' when kept, else why not (a diagnosis still
    shows, it is just not kept)."""
    folder = folder or log_dir()
    payload = {
        "broker": broker,
        "environment": environment,
        "time": datetime.now().astimezone().isoformat(timespec="seconds"),
        "steps": [step.to_json() for step in steps],
    }
    try:
        replace_whole(folder / f"diagnosis-{broker}.json", json_line(payload))
    except OSError as exc:
        return f"The diagnosis could not be kept in {folder}: {why(exc)}"
    return ""


# -- the app's own error log ------------------------------------------------------------------


class MaskingFilter(logging.Filter):
    """Masks every secret of the process in a record's final text (a library's warning may
    quote a value)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = PROCESS_SECRETS.text(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = PROCESS_SECRETS.text(
                logging.Formatter().formatException(record.exc_info)
            )
            record.exc_info = None
        return True


def install_error_log(folder: Path | None = None) -> Path | None:
    """Warnings and errors of the app (and every library it runs) to `console-errors.log`,
    rotated at 1 MB, three kept, masked; None when the folder cannot be written."""
    import logging.handlers  # after the window shows (start-up)

    folder = folder or log_dir()
    path = folder / ERROR_LOG
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1 << 20, backupCount=3, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setLevel(logging.WARNING)
    handler.addFilter(MaskingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return path
