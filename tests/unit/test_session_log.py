"""The persistent session log: JSON Lines per day, masked, rotated by size, pruned by age and
total size; and a diagnosis step crossing the worker pipe is masked."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from gui.core.diagnosis import Step, failed
from gui.core.events import BrokerEvent, EventKind, Level
from gui.core.records import Detail, StepDone, local_iso_millis, local_time
from gui.core.redaction import PROCESS_SECRETS, Redactor
from gui.core.session_log import SessionLog, event_lines, log_dir, prune, save_diagnosis
from gui.worker.process import log_lines
from gui.worker.protocol import record_from_wire, record_to_wire, records_from_wire, records_to_wire


def event(text: str) -> BrokerEvent:
    return BrokerEvent("kgi", EventKind.STATUS, "LOGIN_READY", text)


def test_events_are_appended_to_todays_file_in_the_config_dirs_logs(config_dir: Path) -> None:
    assert log_dir() == config_dir / "logs"
    log = SessionLog()
    log.write([event("one"), event("two 凱基")])
    assert log.flush(5.0)
    log.close()
    path = config_dir / "logs" / f"sessions-{date.today().isoformat()}.jsonl"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["text"] for line in lines] == ["one", "two 凱基"]
    assert lines[0]["status"] == "LOGIN_READY" and lines[0]["broker"] == "kgi"


def test_a_log_starts_its_writer_with_the_first_write_not_with_the_window(tmp_path: Path) -> None:
    """Starting a thread waits for it to run: the window's start-up does not pay for it."""

    def new_writers() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name == "session-log" and t not in before]

    before = set(threading.enumerate())
    idle = SessionLog(tmp_path / "idle")
    assert new_writers() == []
    idle.close(timeout=5.0)  # nothing to wait for
    assert not (tmp_path / "idle").exists()

    log = SessionLog(tmp_path / "used")
    log.write([event("first")])
    assert len(new_writers()) == 1
    assert log.flush(5.0)
    log.close(timeout=5.0)
    assert new_writers() == []
    assert len(list((tmp_path / "used").glob("sessions-*.jsonl"))) == 1


def test_a_line_carries_every_field_of_the_event_raw_values_included(tmp_path: Path) -> None:
    """What support reads back: the export's shape, raw vendor values made plain JSON."""
    zone = timezone(timedelta(hours=8))
    received = datetime(2026, 11, 22, 9, 30, 1, 234567, tzinfo=zone)
    server = datetime(2026, 11, 22, 9, 30, 0, 999000, tzinfo=zone)
    tick = BrokerEvent(
        "kgi", EventKind.SERVER_TIME, "", "", None, None, server, 12.5, Level.WARNING,
        {"ServerTime": server, "ms": 12, "ok": True, "none": None, "ids": (1, "a"),
         "nested": {"at": server, 3: Decimal("1.5")}, "odd": Decimal("2.25")},
        received,
    )  # fmt: skip
    log = SessionLog(tmp_path)
    log.write([tick])
    assert log.flush(5.0)
    log.close()
    assert log.path is not None  # the day's file, not the prune lock beside it
    (line,) = [json.loads(text) for text in log.path.read_text().splitlines()]
    assert line == {
        "time": "2026-11-22T09:30:01.234+08:00", "broker": "kgi", "kind": "server_time",
        "event": "ServerTime", "status": "", "text": "", "topic": None, "count": None,
        "server_time": "2026-11-22T09:30:00.999+08:00", "latency_ms": 12.5, "level": "warning",
        "raw": {"ServerTime": "2026-11-22T09:30:00.999+08:00", "ms": 12, "ok": True,
                "none": None, "ids": [1, "a"],
                "nested": {"at": "2026-11-22T09:30:00.999+08:00", "3": "1.5"}, "odd": "2.25"},
    }  # fmt: skip


def test_a_secret_known_to_the_process_is_masked_before_writing(tmp_path: Path) -> None:
    PROCESS_SECRETS.add("canary-Zq81-secret")
    log = SessionLog(tmp_path)
    log.write([event("vendor echoed canary-Zq81-secret back")])
    assert log.flush(5.0)
    log.close()
    written = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"canary-Zq81-secret" not in written and "••••".encode() in written


def test_invalid_utf8_from_a_vendor_does_not_lose_the_line(tmp_path: Path) -> None:
    log = SessionLog(tmp_path)
    log.write([event("bad \udcff byte"), event("next")])
    assert log.flush(5.0)
    log.close()
    assert log.path is not None
    lines = log.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["text"] == "next"


def test_a_full_file_continues_in_the_next_part(tmp_path: Path) -> None:
    log = SessionLog(tmp_path, file_bytes=400)
    for n in range(6):
        log.write([event(f"event {n} " + "x" * 100)])
        assert log.flush(5.0)
    log.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    today = date.today().isoformat()
    assert f"sessions-{today}.jsonl" in names and f"sessions-{today}.1.jsonl" in names


def test_prune_keeps_the_days_and_the_size_asked_for(tmp_path: Path) -> None:
    today = date.today()
    for age in range(20):
        day = (today - timedelta(days=age)).isoformat()
        (tmp_path / f"sessions-{day}.jsonl").write_bytes(b"x" * 1000)
    (tmp_path / "console-errors.log").write_text("kept")
    prune(tmp_path, keep_days=14, keep_bytes=10_000)
    left = sorted(p.name for p in tmp_path.glob("sessions-*"))
    assert len(left) == 10  # 14 days young enough, then the oldest until 10 kB
    assert left[-1] == f"sessions-{today.isoformat()}.jsonl"
    assert (tmp_path / "console-errors.log").exists()


def test_the_latest_diagnosis_of_a_broker_is_kept(tmp_path: Path) -> None:
    steps = [Step("dns", "h", True), failed("tcp", "h:1", "tcp_refused", 2.0, "refused")]
    save_diagnosis("kgi", "live", steps, tmp_path)
    time.sleep(0.01)
    save_diagnosis("kgi", "live", steps[:1], tmp_path)
    saved = json.loads((tmp_path / "diagnosis-kgi.json").read_text(encoding="utf-8"))
    assert [step["step"] for step in saved["steps"]] == ["dns"]
    assert os.listdir(tmp_path) == ["diagnosis-kgi.json"]


def test_a_step_crosses_the_pipe_masked() -> None:
    redactor = Redactor(["hunter2-secret"])
    step = failed("login", "kgi", "login_rejected", 5.0, "server said hunter2-secret is wrong")
    wire = record_to_wire(StepDone(step), redactor)
    done = record_from_wire("kgi", wire)
    assert isinstance(done, StepDone)
    back = done.step
    assert back.cls == "login_rejected" and back.level == "fail"
    assert "hunter2-secret" not in back.detail and "••••" in back.detail


def test_processes_appending_to_one_file_never_split_a_line(tmp_path: Path) -> None:
    """The console and its workers append to the same day's file at once."""
    target = tmp_path / "sessions-shared.jsonl"
    writer = (
        "import sys; from pathlib import Path; from gui.core.session_log import append_whole\n"
        "name = sys.argv[1]\n"
        "for n in range(300):\n"
        "    append_whole(Path(sys.argv[2]), ''.join("
        'f\'{{"by": "{name}", "n": {n}, "pad": "{name * 200}"}}\\n\' '
        "for _ in range(40)).encode())\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", writer, name, str(target)])
        for name in ("a", "b", "c")
    ]
    for proc in procs:
        assert proc.wait(timeout=60) == 0
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert Counter(line["by"] for line in lines) == {"a": 12_000, "b": 12_000, "c": 12_000}


def test_a_workers_lines_read_exactly_as_the_consoles_for_the_same_events() -> None:
    """A worker makes its lines from the wire, without BrokerEvents: the text must be the one
    the console writes for the events it reads from that wire, odd values included."""
    zone = timezone(timedelta(hours=8))
    records = [
        (1_763_717_400.9999996, EventKind.RECOVER, "RS_DONE", "",
         "ProductBaseSv1801.xml", 7, None, None, Level.INFO, None),
        (1_763_717_401.0004, EventKind.SERVER_TIME, "", "quality 12 ms", None, None,
         datetime(2026, 11, 22, 9, 30, 0, 999999), 12, Level.WARNING, {"offset_seconds": -0.25}),
        Detail("SDK version", "1.0"),
        (1_763_717_402.5, EventKind.MESSAGE, "", 'a " quote, \\ 凱基 \ud800 hunter22',
         "T1", True, datetime(2026, 11, 22, 9, 30, tzinfo=zone), float("inf"), Level.ERROR,
         {"nested": {"list": [1, 2.5, None, True], 3: "x"}, "nan": float("nan"), "b": b"\xff"}),
        (1_763_717_403.0, EventKind.STATUS, "HEART_BEAT", "", None, 2**70, None,
         0.5, Level.INFO, {"code": 8, "zero": -0.0, "big": 1e300, "e": 1e16, "tiny": 5e-324,
                           "ninf": float("-inf"), "t": True, "f": False, "empty": {}, 'k"ey': None,
                           "list": [], "deep": {"a": {"b": [{"c": 1.5}]}}}),
    ]  # fmt: skip
    wire = records_to_wire(records, Redactor(["hunter22"]))
    events = [r for r in records_from_wire("kgi", wire) if isinstance(r, BrokerEvent)]
    assert len(events) == 4
    assert log_lines("kgi", wire) == event_lines(events)


def test_a_line_is_stamped_as_the_event_time_shows_to_the_millisecond() -> None:
    """The per-second text of a worker's stamps rounds as datetime does (no line off by a
    second at .9999995)."""
    start = 1_763_717_400.0
    epochs = [start + n / 997 for n in range(3000)] + [start + 0.9999995, start + 0.9994999]
    for epoch in epochs:
        expected = local_time(epoch).isoformat(timespec="milliseconds")
        assert local_iso_millis(epoch) == expected, epoch


def test_pruning_never_removes_today_a_later_date_or_an_undated_name(tmp_path: Path) -> None:
    today = date.today()
    for age in (-1, 0, 1, 2, 3):  # -1: dated tomorrow (a changed clock, a copied file)
        day = (today - timedelta(days=age)).isoformat()
        (tmp_path / f"sessions-{day}.jsonl").write_bytes(b"x" * 1000)
    (tmp_path / f"sessions-{today.isoformat()}.1.jsonl").write_bytes(b"x" * 1000)
    (tmp_path / "sessions-2026-13-45.jsonl").write_bytes(b"x" * 1000)
    pruned = prune(tmp_path, keep_days=14, keep_bytes=2_500)
    left = sorted(p.name for p in tmp_path.glob("sessions-*"))
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert left == sorted(
        [f"sessions-{today.isoformat()}.jsonl", f"sessions-{today.isoformat()}.1.jsonl",
         f"sessions-{tomorrow}.jsonl", "sessions-2026-13-45.jsonl"]
    )  # fmt: skip
    assert pruned.removed == [
        f"sessions-{(today - timedelta(days=d)).isoformat()}.jsonl" for d in (3, 2, 1)
    ]  # the oldest first
    warnings = pruned.warnings(2_500)
    assert any("sessions-2026-13-45.jsonl" in line and "left alone" in line for line in warnings)
    assert any("over the" in line and "never removed" in line for line in warnings)


def prune_at_once(folder: str, start: multiprocessing.synchronize.Event) -> None:
    start.wait(10)
    prune(Path(folder), keep_days=5, keep_bytes=50_000)


def test_processes_pruning_at_once_remove_each_file_once_and_fail_none(tmp_path: Path) -> None:
    today = date.today()
    for age in range(40):
        day = (today - timedelta(days=age)).isoformat()
        for part in range(5):
            name = f"sessions-{day}{f'.{part}' if part else ''}.jsonl"
            (tmp_path / name).write_bytes(b"x" * 4000)
    fork = multiprocessing.get_context("fork")
    start = fork.Event()
    pruners = [  # daemons: one that hangs cannot hold the test run open
        fork.Process(target=prune_at_once, args=(str(tmp_path), start), daemon=True)
        for _ in range(4)
    ]
    for pruner in pruners:
        pruner.start()
    start.set()
    for pruner in pruners:
        pruner.join(30)
    assert [pruner.exitcode for pruner in pruners] == [0, 0, 0, 0]
    left = list(tmp_path.glob("sessions-*.jsonl"))
    assert sum(p.stat().st_size for p in left) <= 50_000
    assert len(left) == 12  # today's five files, then the newest seven that fit
    assert {p.name for p in left} >= {f"sessions-{today.isoformat()}.jsonl"}


def test_pruning_never_removes_the_file_a_process_is_writing(tmp_path: Path) -> None:
    old = tmp_path / f"sessions-{(date.today() - timedelta(days=30)).isoformat()}.jsonl"
    old.write_bytes(b"x" * 1000)  # a worker that started long ago still appends here
    pruned = prune(tmp_path, keep_days=14, keep_bytes=10, writing=old)
    assert old.exists() and pruned.removed == []


def test_a_clock_fix_names_the_direction_and_this_platforms_commands() -> None:
    from gui.core.diagnosis import clock_fix, clock_step

    ahead = clock_step("kgi", 90.0, "server time")
    assert ahead.cls == "clock_skew" and ahead.fix == clock_fix(90.0)
    assert "clock is fast" in clock_fix(90.0) and "clock is slow" in clock_fix(-90.0)
    assert "w32tm /resync" in clock_fix(90.0, "win32")
    assert "sntp" in clock_fix(90.0, "darwin")
    assert "timedatectl" in clock_fix(90.0, "linux") and "Windows" not in clock_fix(90.0, "linux")
