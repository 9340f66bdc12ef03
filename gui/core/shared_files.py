"""Files that several processes change: the window, CLI commands and workers of one user share
the config folder, so every change to a persisted file is read-modify-write under a lock.

The one way to change such a file (`SharedFile`):
- take the file's inter-process lock (`filelock`, bounded wait; `FileBusy` says who to close);
- read the file again under the lock and apply the change to what is there now, never to a
  copy read earlier;
- write the whole new content to a temporary file beside it, fsync it, and `os.replace` it over
  the old one (atomic on POSIX and NTFS), then fsync the folder: a writer killed at any moment
  leaves the old or the new file, never a mix. A killed writer's temporary file is removed by
  the next writer, under the lock.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_SECONDS = 10.0  # a change takes milliseconds; past this another process is stuck
TEMP_SUFFIX = ".tmp"


T = TypeVar("T")


class FileBusy(OSError):
    """Another process held the file's lock for longer than the bound."""


class OutputRefused(ValueError):
    """A file the user asked us to write is something else already (a device, a FIFO, a
    folder, a link): it is left alone."""


def lock_path(path: Path) -> Path:
    """The lock file beside `path` (hidden; it stays, as lock files do)."""
    return path.with_name(f".{path.name}.lock")


class SharedFile:
    """A file that other processes change too: `locked()` for the read-modify-write,
    `replace()` for the write. The lock is re-entrant in its thread; another thread or process
    waits for it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock: FileLock | None = None

    @contextlib.contextmanager
    def locked(self, timeout: float = LOCK_SECONDS) -> Iterator[None]:
        """Hold the file's lock; FileBusy after `timeout` seconds, naming the file and what
        to do."""
        from filelock import FileLock, Timeout  # with the first change, not on start-up's way

        if self._lock is None:
            self._lock = FileLock(str(lock_path(self.path)))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=timeout)
        except Timeout:
            raise FileBusy(
                f"{self.path} is being changed by another process (its lock "
                f"{lock_path(self.path).name} was not free within {timeout:g} s); try again, "
                "and close a console that hangs"
            ) from None
        try:
            yield
        finally:
            self._lock.release()

    def replace(self, data: bytes) -> None:
        """The new content, whole (call it holding the lock)."""
        replace_whole(self.path, data)


def replace_whole(path: Path, data: bytes) -> None:
    """Make `data` the content of `path` at once: old or new, never a mix (call it holding the
    file's lock). Temporaries left by a writer that was killed are removed first."""
    import tempfile  # only when writing: not on the window's way up

    path.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(path)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def remove_leftovers(path: Path) -> None:
    """Temporaries of `path` that a killed writer left (only lock holders make them)."""
    for leftover in path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"):
        leftover.unlink(missing_ok=True)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)


def check_output(path: Path) -> None:
    """OutputRefused unless `path` is absent or a regular file (never follow a link to a
    device, never replace one)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise OutputRefused(f"{path} is {kind}, not a regular file: choose a file name")


def write_output(path: Path, write: Callable[[IO[bytes]], T]) -> T:
    """A file the user asked for (an export, a bundle), written whole or not at all: into a
    temporary file beside it, flushed to disk, renamed over the target. A failure (a full
    disk) leaves no partial or empty file, and an existing target as it was."""
    import tempfile  # only when writing: not on the window's way up

    check_output(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            result = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        check_output(path)  # made a device or a link while we wrote: still left alone
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return result
