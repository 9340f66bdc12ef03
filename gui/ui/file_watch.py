"""Noticing that another process (a CLI command, a second window) changed a file the window
shows, so the window shows the change instead of keeping an old picture of it."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

SETTLE_MS = 150  # a replace is several directory events: one check after they settle


def _signature(path: Path) -> tuple[int, int, int] | None:
    """What changes when the file is replaced or rewritten; None when it is absent."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns


class FileWatch(QObject):
    """`changed` once the file differs from when it was last seen. Watches its folder (files
    are replaced whole, which a watch on the file itself would lose) or, until the folder
    exists, the nearest folder above it; also looks again when the application becomes active
    (a watcher can miss events on network drives)."""

    changed = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._seen = _signature(path)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._soon)
        self._watcher.fileChanged.connect(self._soon)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._soon)
        self._watch()

    def check(self) -> None:
        """Emit `changed` if the file is not as it was last seen."""
        self._watch()
        seen = _signature(self.path)
        if seen != self._seen:
            self._seen = seen
            self.changed.emit()

    def _soon(self) -> None:
        self._settle.start()

    def _watch(self) -> None:
        folder = self.path.parent
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        wanted = {str(folder)}
        if self.path.is_file():
            wanted.add(str(self.path))
        watched = set(self._watcher.directories()) | set(self._watcher.files())
        if watched - wanted:
            self._watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:
            self._watcher.addPaths(sorted(wanted - watched))
