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
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_SECONDS = 10.0  # a change takes milliseconds; past this another process is stuck
TEMP_SUFFIX = ".tmp"


class FileBusy(OSError):
    """Another process held the file's lock for longer than the bound."""


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
