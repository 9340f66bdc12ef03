"""Every file the console writes, in a hostile environment: a full disk (a real, small tmpfs),
a file where the log folder should be, special targets (a device made with mknod, a FIFO, a
link), no credential store, SIGTERM and Ctrl-C, a driver process that cannot start. No
display is needed."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.brokers import kgi
from gui.core.events import BrokerEvent, EventKind
from gui.core.export import write_csv
from gui.core.profiles import ProfileStore
from gui.core.session_log import append_whole, read_lines
from tests.secret_service import NO_BUS
from tests.system_components import missing

ROOT = Path(__file__).resolve().parents[2]
BOUND = 90


def run(*args: str, config: Path, **env: str) -> tuple[int, list[dict], str]:
    """A command with --json: its exit code, its JSON lines, its stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "gui", *args, "--json"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=BOUND,
        env={**os.environ, "BROKER_CONSOLE_CONFIG_DIR": str(config), "PW": "demo", **env},
    )  # fmt: skip
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines and lines[-1]["kind"] == "result", done.stdout + done.stderr
    return done.returncode, lines, done.stderr


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 256 KiB file system (tmpfs), mounted for the test (root, as CI runs)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", str(mount)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode:
        missing(f"cannot mount a small tmpfs (needs root): {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill the disk up, leaving about `leave` bytes; the filler, to remove later."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as out:
        try:
            while out.write(b"\0" * 4096):
                pass
        except OSError:
            pass
    if leave:
        with filler.open("r+b") as out:
            out.truncate(max(filler.stat().st_size - leave, 0))
    return filler


# -- the session log -----------------------------------------------------------------------


def test_a_log_folder_that_is_a_file_is_said_and_the_login_goes_on(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "logs").write_text("not a folder")
    code, lines, err = run("check", "kgi", "--simulator", "--secret", "password=PW",
                           config=config)  # fmt: skip
    assert code == 0, lines[-1]
    warnings = lines[-1].get("warnings", [])
    assert any("session log cannot be written" in w and "a file where a folder" in w
               for w in warnings), lines[-1]  # fmt: skip
    assert "warning: The session log cannot be written" in err
    assert err.count("warning: The session log") == 1  # once

    code, lines, err = run("diagnose", "kgi", "--simulator", config=config)
    assert code == 0, lines[-1]
    assert any("diagnosis could not be kept" in w for w in lines[-1]["warnings"]), lines[-1]

    code, lines, _err = run("bundle", "--out", str(tmp_path / "b.zip"), config=config)
    assert code == 0, lines[-1]
    problems = " ".join(lines[-1].get("fields", {}).values())
    assert "is a file, not a folder" in problems and "nothing logged" not in problems


def test_a_full_disk_is_said_and_the_login_goes_on(small_disk: Path) -> None:
    config = small_disk / "config"
    (config / "logs").mkdir(parents=True)
    fill(small_disk)
    code, lines, err = run("check", "kgi", "--simulator", "--secret", "password=PW",
                           config=config)  # fmt: skip
    assert code == 0, lines[-1]
    assert any("the disk is full" in w for w in lines[-1].get("warnings", [])), lines[-1]
    assert "warning: " in err and "the disk is full" in err


def test_a_read_only_log_folder_is_said_and_the_login_goes_on(small_disk: Path) -> None:
    config = small_disk / "config"
    (config / "logs").mkdir(parents=True)
    remount = ["mount", "-o", "remount,ro", str(small_disk)]
    subprocess.run(remount, check=True, capture_output=True)
    code, lines, _err = run("check", "kgi", "--simulator", "--secret", "password=PW",
                            config=config)  # fmt: skip
    assert code == 0, lines[-1]
    assert any("read-only file system" in w for w in lines[-1].get("warnings", [])), lines[-1]
    # The lockout guard's count cannot be kept either: said, and the login went on.
    assert any(
        "count of rejected logins could not be kept" in str(line.get("text")) for line in lines
    )


def test_an_empty_log_folder_is_not_an_unreadable_one(tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "logs").mkdir(parents=True)
    code, lines, _err = run("bundle", "--out", str(tmp_path / "b.zip"), config=config)
    assert code == 0
    problems = " ".join(lines[-1].get("fields", {}).values())
    assert "no session log since" in problems


def test_a_write_cut_short_by_a_full_disk_loses_only_its_own_line(small_disk: Path) -> None:
    log = small_disk / "sessions-2026-12-05.jsonl"
    append_whole(log, b'{"n": 0}\n')
    filler = fill(small_disk, leave=4096)
    big = b"".join(b'{"n": 1, "pad": "%s"}\n' % (b"x" * 100) for _ in range(200))  # ~22 KB
    with pytest.raises(OSError):
        append_whole(log, big)
    assert not log.read_bytes().endswith(b"\n"), "the disk was not full: nothing was torn"
    filler.unlink()
    append_whole(log, b'{"n": 2}\n{"n": 3}\n')  # the next append starts a fresh line
    records, torn = read_lines(log)
    assert torn == 1
    assert records[0] == {"n": 0} and records[-2:] == [{"n": 2}, {"n": 3}]
    assert all(record["n"] == 1 for record in records[1:-2])


# -- outputs -------------------------------------------------------------------------------


def device(folder: Path) -> Path:
    node = folder / "full"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # what /dev/full is
    return node


def fifo(folder: Path) -> Path:
    node = folder / "pipe"
    os.mkfifo(node)
    return node


def link(folder: Path) -> Path:
    (folder / "real.zip").write_bytes(b"kept")
    (folder / "link.zip").symlink_to(folder / "real.zip")
    return folder / "link.zip"


@pytest.mark.parametrize("make", [device, fifo, link], ids=["device", "fifo", "link"])
@pytest.mark.parametrize("command", ["bundle", "account export"])
def test_an_output_that_is_not_a_regular_file_is_refused_and_left_alone(
    tmp_path: Path, make, command: str
) -> None:
    config = tmp_path / "config"
    ProfileStore(config).save("kgi", "simulator", kgi.SCHEMA, {"person_id": "A1"}, account="A")
    target = make(tmp_path)
    before = os.lstat(target)
    args = ["bundle"] if command == "bundle" else ["account", "export", "kgi", "A"]
    code, lines, _err = run(*args, "--out", str(target), config=config)
    assert code == 2, lines[-1]
    assert "not a regular file" in lines[-1]["reason"]
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert [p.name for p in tmp_path.iterdir() if ".part" in p.name] == []


@pytest.mark.parametrize("command", ["bundle", "account export"])
def test_an_output_on_a_full_disk_leaves_nothing_behind(small_disk: Path, command: str) -> None:
    config = small_disk / "config"
    ProfileStore(config).save("kgi", "simulator", kgi.SCHEMA, {"person_id": "A1"}, account="A")
    out = small_disk / "out"
    out.mkdir()
    fill(small_disk)
    target = out / "result.file"
    args = ["bundle"] if command == "bundle" else ["account", "export", "kgi", "A"]
    code, lines, _err = run(*args, "--out", str(target), config=config)
    assert code == 1, lines[-1]
    assert list(out.iterdir()) == []  # no .part, no empty file


def test_an_event_export_on_a_full_disk_leaves_nothing_and_keeps_the_old_file(
    small_disk: Path,
) -> None:
    target = small_disk / "events.csv"
    target.write_text("the previous export\n")
    events = [BrokerEvent("kgi", EventKind.LOG, text="x" * 500) for _ in range(2000)]
    fill(small_disk)
    with pytest.raises(OSError):
        write_csv(target, events)
    assert target.read_text() == "the previous export\n"
    assert sorted(p.name for p in small_disk.iterdir()) == ["events.csv", "filler"]


# -- no credential store ---------------------------------------------------------------------


def test_an_account_with_remembered_passwords_is_deleted_without_a_store(tmp_path: Path) -> None:
    config = tmp_path / "config"
    store = ProfileStore(config)
    store.save("kgi", "simulator", kgi.SCHEMA, {"person_id": "A1"}, account="Old")
    store.update_account("kgi", "Old", remember=True, remembered={"simulator": ["password"]})
    code, lines, err = run("account", "forget", "kgi", "Old", "--delete", config=config,
                           DBUS_SESSION_BUS_ADDRESS=NO_BUS)  # fmt: skip
    assert code == 0, lines[-1]
    assert not ProfileStore(config).has_account("kgi", "Old")
    warning = " ".join(lines[-1]["warnings"])
    assert "may remain" in warning and "kgi:simulator:Old:password" in warning
    assert "secret-tool clear" in warning and "warning:" in err


# -- signals -------------------------------------------------------------------------------


def stop_at(args: list[str], signum: int, config: Path, status: str) -> tuple[int, list[dict]]:
    """Run the command and send it `signum` when it prints an event of that status."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "gui", *args, "--json"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "BROKER_CONSOLE_CONFIG_DIR": str(config), "PW": "demo"},
    )  # fmt: skip
    killer = threading.Timer(BOUND, proc.kill)  # the bound, should that event never come
    killer.start()
    lines: list[dict] = []
    assert proc.stdout is not None
    try:
        for text in proc.stdout:
            lines.append(json.loads(text))
            if lines[-1].get("status") == status and len(lines) == 1 + next(
                i for i, line in enumerate(lines) if line.get("status") == status
            ):
                proc.send_signal(signum)
        proc.wait(30)
    finally:
        killer.cancel()
        proc.kill()
    return proc.returncode, lines


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
@pytest.mark.parametrize(
    ("args", "at"),
    [
        (["watch", "kgi", "--duration", "60"], "LOGIN_READY"),  # logged in, staying
        (["check", "kgi", "--scenario", "slow_recovery"], "RS_BEGIN"),  # logging in
    ],
    ids=["watch", "check"],
)
def test_a_signal_logs_out_prints_the_result_and_exits_with_its_code(
    tmp_path: Path, signum: int, code: int, args: list[str], at: str
) -> None:
    command = [*args, "--simulator", "--secret", "password=PW"]
    exit_code, lines = stop_at(command, signum, tmp_path / "config", at)
    assert exit_code == code, lines[-3:]
    assert lines[-1]["kind"] == "result" and lines[-1]["exit"] == code
    assert signal.Signals(signum).name in lines[-1]["reason"]
    statuses = [line.get("status") for line in lines]
    after = lines[statuses.index(at) :]
    if at == "LOGIN_READY":  # logged in: logged out (the broker's DISCONNECTED) before the end
        assert "DISCONNECTED" in [line.get("status") for line in after], statuses[-5:]
    else:  # logging in: the login under way was stopped, and the log says so
        assert any("stopped before it ended" in line.get("text", "") for line in after)


def test_the_help_of_every_command_lists_the_signal_exit_codes() -> None:
    for command in (["check"], ["diagnose"], ["watch"], ["bundle"], ["account", "save"],
                    ["account", "forget"], ["account", "import"]):  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-m", "gui", *command, "--help"],
            cwd=ROOT, capture_output=True, text=True, timeout=30, check=True,
        )  # fmt: skip
        text = " ".join(done.stdout.split())
        assert "130 stopped by Ctrl-C" in text and "143 stopped by SIGTERM" in text, command


# -- a driver process that cannot start ------------------------------------------------------


def test_a_worker_that_cannot_start_is_its_own_class(tmp_path: Path) -> None:
    program = tmp_path / "python"
    program.write_text("not a program")  # not executable
    script = (
        "import sys\n"
        "import gui.worker.handle as handle\n"
        f"handle.worker_command = lambda: [{str(program)!r}, '--worker']\n"
        "from gui.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "BROKER_CONSOLE_CONFIG_DIR": str(tmp_path / "config"), "PW": "demo"}
    for args, where in (
        (["check", "kgi", "--simulator", "--secret", "password=PW"], "reason"),
        (["diagnose", "kgi", "--simulator"], "class"),
    ):
        done = subprocess.run(
            [sys.executable, "-c", script, *args, "--json"],
            cwd=ROOT, capture_output=True, text=True, timeout=BOUND, env=env,
        )  # fmt: skip
        result = json.loads(done.stdout.splitlines()[-1])
        assert done.returncode == 3, result
        if where == "class":
            assert result["class"] == "worker_failed", result
            assert "reinstall the console" in result["reason"]
        else:
            assert result["reason"].startswith("Driver process could not start"), result
