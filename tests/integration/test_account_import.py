"""Hostile account files handed to `account import`: each is refused with exit 2 and a line
saying what is wrong, and the settings file is left exactly as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gui.brokers import kgi
from gui.core.profiles import ProfileStore

ROOT = Path(__file__).resolve().parents[2]


def export(**changes: Any) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "kind": "broker-console-account",
        "format": 1,
        "broker": "kgi",
        "name": "Imported",
        "environment": "simulator",
        "scenario": "normal",
        "login_all": False,
        "values": {"simulator": {"host": "127.0.0.1", "port": 8000, "person_id": "A1"}},
    }
    profile.update(changes)
    return profile


def with_values(**values: Any) -> dict[str, Any]:
    return export(values={"simulator": {"host": "127.0.0.1", "person_id": "A1", **values}})


def text_file(content: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "account.json"
        path.write_text(content, encoding="utf-8")
        return path

    return make


def json_file(profile: dict[str, Any]) -> Callable[[Path], Path]:
    return text_file(json.dumps(profile, ensure_ascii=False))


def a_folder(folder: Path) -> Path:
    (folder / "account.json").mkdir()
    return folder / "account.json"


def a_fifo(folder: Path) -> Path:
    os.mkfifo(folder / "account.json")  # a plain open would wait for a writer forever
    return folder / "account.json"


def a_device(_folder: Path) -> Path:
    return Path("/dev/zero")


def missing(folder: Path) -> Path:
    return folder / "nothing-here.json"


DUPLICATE_TOP = (
    '{"kind": "broker-console-account", "format": 1, "broker": "kgi", "name": "Imported",'
    ' "name": "Other", "values": {}}'
)
DUPLICATE_VALUE = (
    '{"kind": "broker-console-account", "format": 1, "broker": "kgi", "name": "Imported",'
    ' "values": {"simulator": {"host": "127.0.0.1", "host": "evil.example"}}}'
)

HOSTILE = {
    "a folder": (a_folder, "is a folder"),
    "a FIFO": (a_fifo, "not a regular file"),
    "a device": (a_device, "not a regular file"),
    "a missing file": (missing, "cannot be read"),
    "not JSON": (text_file("{nope"), "not JSON"),
    "another kind": (json_file(export(kind="something")), "not an account exported"),
    "an unknown broker": (json_file(export(broker="ib")), "unknown broker"),
    "a key no export has": (json_file(export(extra=1)), "extra"),
    "duplicate keys": (text_file(DUPLICATE_TOP), "'name' twice"),
    "duplicate keys in values": (text_file(DUPLICATE_VALUE), "'host' twice"),
    "a right-to-left override": (json_file(export(name="evil\u202egnp.exe")), "U+202E"),
    "a line separator": (json_file(export(name="a\u2028b")), "U+2028"),
    "a zero-width space": (json_file(export(name="Base\u200b")), "U+200B"),
    "a Hangul filler": (json_file(export(name="Base\u3164")), "U+3164"),
    "a full-width look-alike": (json_file(export(name="Ｂａｓｅ")), "named 'Base'"),
    "a name that is a number": (json_file(export(name=7)), "not text"),
    "a name with a colon": (json_file(export(name="a:b")), "':'"),
    "an unknown scenario": (json_file(export(scenario="meltdown")), "unknown scenario"),
    "an unknown environment": (json_file(export(environment="prod")), "unknown environment"),
    "login_all as text": (json_file(export(login_all="yes")), "login_all"),
    "a host holding a NUL": (json_file(with_values(host="127.0.0.1\u0000x")), "simulator.host"),
    "a port as text": (json_file(with_values(port="eighty")), "simulator.port"),
    "a port out of range": (json_file(with_values(port=70000)), "simulator.port"),
    "a person id as a list": (json_file(with_values(person_id=["A", "B"])), "person_id"),
    "a timeout as an object": (json_file(with_values(login_timeout={"s": 1})), "login_timeout"),
    "an unknown field": (json_file(with_values(colour="red")), "simulator.colour"),
    "a center of two characters": (json_file(with_values(center="AB")), "simulator.center"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_account_file_is_refused_and_changes_nothing(
    case: str, tmp_path: Path, config_dir: Path
) -> None:
    store = ProfileStore(config_dir)
    store.save("kgi", "simulator", kgi.SCHEMA, {"person_id": "B1"}, account="Base")
    before = store.path.read_bytes()
    make, said = HOSTILE[case]
    path = make(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "gui", "account", "import", str(path), "--json"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=30,
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["kind"] == "result" and not result["ok"]
    assert said in json.dumps(result, ensure_ascii=False), result
    assert store.path.read_bytes() == before


def test_a_good_file_still_imports_with_its_name_normalised(
    tmp_path: Path, config_dir: Path
) -> None:
    path = json_file(export(name="Cafe\u0301"))(tmp_path)  # e + combining acute: NFD
    done = subprocess.run(
        [sys.executable, "-m", "gui", "account", "import", str(path), "--json"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=30,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    saved = json.loads((config_dir / "profiles.json").read_text(encoding="utf-8"))
    assert list(saved["brokers"]["kgi"]["accounts"]) == ["Caf\u00e9"]  # NFC
    assert saved["brokers"]["kgi"]["accounts"]["Caf\u00e9"]["simulator"]["port"] == 8000
