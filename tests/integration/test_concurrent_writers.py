"""Several processes change the settings at once (two `account save` commands, a window and a
command): nothing is lost, and a writer killed at any moment leaves the old or the new file."""

from __future__ import annotations

import json
import multiprocessing
import random
import subprocess
import sys
from pathlib import Path

import pytest

from gui.core.profiles import ProfileStore
from gui.core.schema import Field, FieldKind, Schema

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 50
KILLS = 200


def start_save(broker: str, name: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "gui", "account", "save", broker, name, "--simulator",
         "--set", "person_id=A123456789", "--json"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def listed(broker: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "gui", "account", "list", broker, "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    return [row["name"] for row in rows if row["kind"] == "account"]


@pytest.mark.parametrize("writers", [2, 4])
def test_commands_saving_at_once_lose_no_account(writers: int, config_dir: Path) -> None:
    lost: list[tuple[int, set[str]]] = []
    for round_ in range(ROUNDS):
        names = [f"r{round_}-w{writer}" for writer in range(writers)]
        procs = [start_save("kgi", name) for name in names]
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, out + err
        text = (config_dir / "profiles.json").read_text(encoding="utf-8")
        saved = set(json.loads(text)["brokers"]["kgi"]["accounts"])  # parses: never a mix
        missing = set(names) - saved
        if missing:
            lost.append((round_, missing))
    assert lost == [], f"{len(lost)} of {ROUNDS} rounds lost an account: {lost[:5]}"
    assert len(listed("kgi")) == ROUNDS * writers
    leftovers = [p.name for p in config_dir.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


SCHEMA = Schema((Field("person_id", "Person", FieldKind.TEXT),))
PADDING = 300  # accounts in the file, so that writing it takes long enough to be interrupted


def state(round_: int) -> tuple[int, str]:
    return round_, f"P{round_:08d}"


def keep_writing(folder: str, first: int, ready: multiprocessing.synchronize.Event) -> None:
    """The writer that is killed: saves rounds first, first + 1, … until it dies."""
    store = ProfileStore(Path(folder))
    ready.set()
    round_ = first
    while True:
        number, person = state(round_)
        store.save("kgi", "simulator", SCHEMA, {"person_id": person}, account="main")
        store.set_option("round", number)  # a second change; both must be whole
        round_ += 1


def read_state(folder: Path) -> tuple[int, str]:
    store = ProfileStore(folder)
    assert store.check() == "", store.problem
    data = json.loads((folder / "profiles.json").read_text(encoding="utf-8"))
    accounts = data["brokers"]["kgi"]["accounts"]
    assert len(accounts) == PADDING + 1, "an account of the old file is missing"
    return int(data["options"]["round"]), accounts["main"]["simulator"]["person_id"]


def test_a_writer_killed_at_any_moment_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    folder = tmp_path / "settings"
    store = ProfileStore(folder)
    for index in range(PADDING):
        store.save("kgi", "simulator", SCHEMA, {"person_id": f"pad{index:04d}" * 20},
                   account=f"pad-{index}")  # fmt: skip
    store.save("kgi", "simulator", SCHEMA, {"person_id": state(0)[1]}, account="main")
    store.set_option("round", 0)
    fork = multiprocessing.get_context("fork")
    rng = random.Random(31)
    last = 0
    for _ in range(KILLS):
        ready = fork.Event()
        writer = fork.Process(target=keep_writing, args=(str(folder), last + 1, ready), daemon=True)
        writer.start()
        assert ready.wait(10), "the writer did not start"
        writer.join(rng.uniform(0.0, 0.03))  # bounded: it never ends by itself
        writer.kill()  # SIGKILL: no handler, no clean-up
        writer.join(10)
        assert writer.exitcode == -9
        round_, person = read_state(folder)
        # One of the states written, whole (the person and the option may be one change
        # apart: the option is the second change of a round), never older than before.
        assert person in (state(round_)[1], state(round_ + 1)[1])
        assert round_ >= last
        last = round_
    assert last > 0, "no write ever completed: the kills came too early to test anything"
    store.set_option("round", last + 1)  # the next writer clears what a killed one left
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp")) == []
