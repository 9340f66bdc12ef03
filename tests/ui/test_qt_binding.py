"""Guards against a Qt binding that corrupts Python's reference counts (PySide6 6.12.0)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    text = Signal(str)


def test_emitting_python_signals_keeps_bool_refcounts(qapp) -> None:
    emitter = _Emitter()
    received: list[str] = []
    emitter.text.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(2_000):
        emitter.text.emit("x")
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(received) == 2_000
    # Other threads may take or drop a few references meanwhile; a leak loses thousands.
    assert after[0] - before[0] > -100
    assert after[1] - before[1] > -100
