"""The worker pipe: versioned frames of plain data; anything else is a ProtocolError."""

from __future__ import annotations

import io
import pickle
import struct
from datetime import UTC, datetime

import pytest

from gui.core.errors import LoginRejected
from gui.core.events import BrokerEvent, EventKind, Level
from gui.core.records import Failed
from gui.core.redaction import MASK, Redactor
from gui.worker.protocol import (
    HEADER,
    VERSION,
    WORKER_FRAMES,
    ProtocolError,
    read_frame,
    records_from_wire,
    records_to_wire,
    write_frame,
)


def frame_bytes(payload: bytes, version: int = VERSION) -> io.BytesIO:
    return io.BytesIO(HEADER.pack(version, len(payload)) + payload)


def test_frames_round_trip_and_end_cleanly() -> None:
    stream = io.BytesIO()
    write_frame(stream, ["records", [[1, 2.5, "x"]]])
    write_frame(stream, ["bye"])
    stream.seek(0)
    assert read_frame(stream, WORKER_FRAMES) == ["records", [[1, 2.5, "x"]]]
    assert read_frame(stream, WORKER_FRAMES) == ["bye"]
    assert read_frame(stream, WORKER_FRAMES) is None


class Evil:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (print, ("this must never run",))


@pytest.mark.parametrize(
    ("stream", "fragment"),
    [
        (frame_bytes(pickle.dumps(["nonsense"])), "unknown frame"),
        (frame_bytes(pickle.dumps(["records", []]), version=9), "protocol version 9"),
        (frame_bytes(pickle.dumps(["records", [Evil()]])), "only plain data"),
        (frame_bytes(pickle.dumps(datetime.now())), "only plain data"),
        (frame_bytes(b"\x80\x05garbage"), "unreadable frame"),
        (io.BytesIO(HEADER.pack(VERSION, 100) + b"short"), "ended inside a frame"),
        (io.BytesIO(struct.pack(">BI", VERSION, 1 << 30)), "a frame of"),
    ],
)
def test_what_cannot_be_read_is_a_protocol_error(stream: io.BytesIO, fragment: str, capsys) -> None:
    with pytest.raises(ProtocolError) as caught:
        read_frame(stream, WORKER_FRAMES)
    assert fragment in str(caught.value)
    assert "this must never run" not in capsys.readouterr().out


class Echo:
    """A vendor object whose text quotes what it was given."""

    def __str__(self) -> str:
        return "rejected hunter22"


def test_events_cross_masked_as_plain_data_and_come_back_whole() -> None:
    when = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
    raw_event = (
        1_763_717_400.25,
        EventKind.STATUS,
        "LOGIN_FAIL",
        "password hunter22 wrong",
        None,
        None,
        when,
        12.5,
        Level.ERROR,
        {"code": 4, "why": "hunter22", "at": when, "echo": b"pwd=hunter22", "err": Echo()},
    )
    wire = records_to_wire(
        [raw_event, Failed(LoginRejected("hunter22 refused"))], Redactor(["hunter22"])
    )
    stream = io.BytesIO()
    write_frame(stream, ["records", wire])
    stream.seek(0)
    frame = read_frame(stream, WORKER_FRAMES)
    assert frame is not None
    event, failed = records_from_wire("kgi", frame[1])
    assert isinstance(event, BrokerEvent) and isinstance(failed, Failed)
    failure = failed.failure
    assert event.kind is EventKind.STATUS and event.level is Level.ERROR
    assert event.text == f"password {MASK} wrong" and event.raw["why"] == MASK
    # a vendor's bytes or object that quotes the secret crosses as masked text
    assert event.raw["echo"] == f"pwd={MASK}" and event.raw["err"] == f"rejected {MASK}"
    assert event.server_time == when and event.latency_ms == 12.5
    assert event.time.timestamp() == 1_763_717_400.25 and event.time.utcoffset() is not None
    assert isinstance(failure, LoginRejected) and failure.reason == f"{MASK} refused"
