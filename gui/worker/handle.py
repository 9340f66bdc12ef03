"""The console's side of a worker process: start it, command it, hear it, end it — bounded.

A worker that dies on its own (a signal, an abort, an exit) is reported as ENDED with what
killed it and the last lines it wrote; one that does not answer is terminated, then killed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Mapping
from functools import partial
from typing import IO, Any

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from gui import WORKER_FLAG
from gui.core.errors import WorkerFailed
from gui.core.handles import DEFAULT_BOUND, DriverHandle
from gui.core.pump import RecordPump
from gui.core.records import Ended
from gui.core.redaction import Redactor
from gui.core.registry import Environment
from gui.worker import lifetime
from gui.worker.protocol import (
    WORKER_FRAMES,
    ProtocolError,
    read_frame,
    records_from_wire,
    write_frame,
)

log = logging.getLogger("gui.worker")

CANCEL_GRACE_SECONDS = 1.0  # a cancelled login gets this long to stop before it is ended
TERMINATE_GRACE_SECONDS = 1.0  # after SIGTERM, before SIGKILL
REAP_SECONDS = 2.0
STDERR_LINES = 200
INBOX_LIMIT = 20_000  # records waiting for the loop; past it the reader waits (backpressure)

# Windows exit codes of native crashes (NTSTATUS), named the way support searches them.
_NTSTATUS = {
    0xC0000005: "access violation",
    0xC0000409: "stack buffer overrun",
    0xC00000FD: "stack overflow",
    0xC000001D: "illegal instruction",
    0x80000003: "breakpoint",
    0xE0434352: ".NET exception",
}


def worker_command() -> list[str]:
    """The packaged exe starts itself; from source, the same package's entry point."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "gui", WORKER_FLAG]


def worker_environment(secrets: list[str]) -> dict[str, str]:
    """The console's environment without any variable that holds a secret (a `--secret`
    variable), and with Mono told not to litter crash dumps into the working folder."""
    hidden = {value for value in secrets if value}
    env = {key: value for key, value in os.environ.items() if value not in hidden}
    env.setdefault("MONO_CRASH_NOFILE", "1")
    env.setdefault("MONO_THREADS_SUSPEND", "preemptive")
    env.setdefault("PYTHONIOENCODING", "utf-8:backslashreplace")
    return env


PIPE_BYTES = 1 << 20  # a flood's frames are ~100 KB: the usual 64 KB pipe made both sides wait


def widen_pipe(fd: int) -> None:
    """Let the worker write a few frames ahead of the console (Linux; elsewhere as it is)."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if set_size is not None:
        with contextlib.suppress(OSError):  # capped by /proc/sys/fs/pipe-max-size
            fcntl.fcntl(fd, set_size, PIPE_BYTES)


def describe_exit(returncode: int | None) -> str:
    if returncode is None:
        return "did not end"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"crashed ({name})"
    code = returncode & 0xFFFFFFFF
    if code in _NTSTATUS:
        return f"crashed ({_NTSTATUS[code]}, 0x{code:08X})"
    if returncode >= 128 + 1 and sys.platform != "win32":
        with contextlib.suppress(ValueError):
            return f"crashed ({signal.Signals(returncode - 128).name})"
    return f"exited with code {returncode}"


class WorkerHandle(DriverHandle):
    def __init__(
        self,
        broker: str,
        environment: Environment,
        scenario: str,
        *,
        bound: float = DEFAULT_BOUND,
        driver_factory: str | None = None,
    ) -> None:
        super().__init__(broker, bound=bound)
        self.environment = environment
        self.scenario = scenario
        self.driver_factory = driver_factory
        self.process: subprocess.Popen[bytes] | None = None
        self._pump: RecordPump | None = None
        self._redactor = Redactor()
        self._stderr: deque[str] = deque(maxlen=STDERR_LINES)
        self._fatal = ""  # the first "Fatal Python error" line: what killed it
        self._stop_requested = False
        self._clean = False
        self._problem = ""
        self._send_lock = threading.Lock()
        self._stderr_reader: threading.Thread | None = None

    # -- DriverHandle ------------------------------------------------------------------------

    def _open(self, redactor: Redactor) -> None:
        self._redactor = redactor
        self._pump = RecordPump(
            asyncio.get_running_loop(),
            self.broker,
            self._receive,
            redactor,
            decode=partial(records_from_wire, self.broker),
            on_unreadable=self._unreadable,
        )

    def login(self, settings: Mapping[str, Any]) -> None:
        self._spawn_worker(settings)
        self._send(["login", dict(settings), self.secret_keys])

    def _send_request(self, request_id: int, kind: str, argument: Any) -> None:
        if kind in ("probe", "diagnose"):
            self._spawn_worker(argument)
            self._send(["request", request_id, kind, argument, self.secret_keys])
        else:
            self._send(["request", request_id, kind, argument, []])

    def cancel(self) -> None:
        self._stop_requested = True
        self._send(["cancel"])
        self._end_later(CANCEL_GRACE_SECONDS)

    async def logout(self) -> None:
        self._stop_requested = True
        self._send(["logout"])
        if not await self.wait_ended(self.bound + 1):
            await self._terminate()

    async def close(self) -> None:
        if self.process is None or self.ended:
            return
        self._stop_requested = True
        self._send(["shutdown"])
        if not await self.wait_ended(CANCEL_GRACE_SECONDS):
            await self._terminate()

    @property
    def writes_log(self) -> bool:
        return self.log_folder is not None

    @property
    def stderr_tail(self) -> list[str]:
        return list(self._stderr)

    # -- the process -------------------------------------------------------------------------

    def _spawn_worker(self, settings: Mapping[str, Any]) -> None:
        secrets = [str(settings[key]) for key in self.secret_keys if settings.get(key)]
        flags = 0x08000000 if sys.platform == "win32" else 0  # CREATE_NO_WINDOW
        try:
            self.process = subprocess.Popen(
                worker_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=worker_environment(secrets),
                close_fds=True,
                start_new_session=sys.platform != "win32",  # the terminal's Ctrl-C is ours
                creationflags=flags,
            )
        except OSError as exc:
            raise WorkerFailed(
                f"{worker_command()[0]} could not be started ({exc.strerror or exc})"
            ) from None
        lifetime.job.adopt(self.process)
        assert self.process.stdout is not None and self.process.stderr is not None
        widen_pipe(self.process.stdout.fileno())
        threading.Thread(
            target=self._read_records,
            args=(self.process.stdout,),
            daemon=True,
            name=f"{self.broker}-records",
        ).start()
        self._stderr_reader = threading.Thread(
            target=self._read_stderr,
            args=(self.process.stderr,),
            daemon=True,
            name=f"{self.broker}-stderr",
        )
        self._stderr_reader.start()
        hello = {
            "broker": self.broker,
            "environment": self.environment.value,
            "scenario": self.scenario,
            "parent": os.getpid(),
            "bound": self.bound,
        }
        if self.driver_factory:
            hello["driver_factory"] = self.driver_factory
        if self.log_folder is not None:
            hello["session_log"] = str(self.log_folder)
        self._send(["hello", hello])

    def _send(self, frame: list[Any]) -> None:
        process = self.process
        if process is None or process.stdin is None:
            return
        with self._send_lock, contextlib.suppress(OSError, ValueError):  # it may be gone
            write_frame(process.stdin, frame)

    def _read_records(self, stream: IO[bytes]) -> None:
        """Frames to records, off the GUI thread; at the end, how the process ended."""
        assert self._pump is not None
        pump = self._pump
        try:
            while (frame := read_frame(stream, WORKER_FRAMES)) is not None:
                if frame[0] == "bye":
                    self._clean = True
                    continue
                while len(pump) > INBOX_LIMIT and not self.ended:
                    time.sleep(0.005)  # the loop drains; the worker's own queue absorbs the rest
                pump.put_wire(frame[1])
        except ProtocolError as exc:
            self._unreadable(exc)
        except (OSError, ValueError):
            pass
        self._reap()

    def _unreadable(self, exc: Exception) -> None:
        """Garbage on the pipe: the worker is ended and the session told why."""
        self._problem = f"sent something unreadable ({exc}) and was ended"
        self._kill_now()

    def _read_stderr(self, stream: IO[bytes]) -> None:
        """What the worker printed (tracebacks, a vendor's own output): masked, kept, logged."""
        for raw in iter(stream.readline, b""):
            line = self._redactor.text(raw.decode("utf-8", "replace").rstrip())
            if line:
                self._stderr.append(line)
                if not self._fatal and line.startswith("Fatal Python error"):
                    self._fatal = line
                log.info("%s worker: %s", self.broker, line)

    def _reap(self) -> None:
        process = self.process
        assert process is not None and self._pump is not None
        try:
            process.wait(REAP_SECONDS)
        except subprocess.TimeoutExpired:
            self._kill_now()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(REAP_SECONDS)
        if self._stderr_reader is not None:
            self._stderr_reader.join(REAP_SECONDS)  # its last lines say why it died
        description = self._problem
        if not description and not (self._clean and process.returncode == 0):
            description = describe_exit(process.returncode)
            if self._fatal:
                description += f" ({self._fatal})"
        self._pump.put(Ended(description, self._stop_requested))

    def _end_later(self, grace: float) -> None:
        """Terminate after `grace` unless it ended by itself (a stuck vendor call)."""
        timer = threading.Timer(grace, self._terminate_now)
        timer.daemon = True
        timer.start()

    async def _terminate(self) -> None:
        self._terminate_now()
        await self.wait_ended(TERMINATE_GRACE_SECONDS + REAP_SECONDS + 1)

    def _terminate_now(self) -> None:
        """SIGTERM now (it ends even a process whose vendor call holds the GIL), SIGKILL after
        the grace; never blocks."""
        process = self.process
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(OSError):
            process.terminate()
        timer = threading.Timer(TERMINATE_GRACE_SECONDS, self._kill_now)
        timer.daemon = True
        timer.start()

    def _kill_now(self) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(OSError):
                self.process.kill()
