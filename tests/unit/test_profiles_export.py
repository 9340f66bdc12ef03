"""Saved profiles never hold a secret; exports carry exactly the events given."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from gui.brokers import kgi
from gui.core.events import BrokerEvent, EventKind, Level
from gui.core.export import write_csv, write_jsonl
from gui.core.profiles import ProfileStore


def test_profiles_keep_public_values_per_environment(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    store.save("kgi", "live", kgi.SCHEMA, {"host": "trade.example.com", "password": "pw-123"})
    store.save("kgi", "simulator", kgi.SCHEMA, {"host": "127.0.0.1"}, scenario="silent")
    assert store.values("kgi", "live", kgi.SCHEMA) == {"host": "trade.example.com"}
    assert store.broker("kgi")["scenario"] == "silent"
    assert store.broker("kgi")["environment"] == "simulator"
    assert "pw-123" not in store.path.read_text(encoding="utf-8")


def test_a_secret_planted_in_the_file_is_ignored(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    store.path.write_text(json.dumps({"brokers": {"kgi": {"live": {"password": "x"}}}}))
    assert store.values("kgi", "live", kgi.SCHEMA) == {}


def test_unreadable_profiles_start_fresh(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    store.path.write_text("{not json")
    assert store.broker("kgi") == {}
    store.save("kgi", "live", kgi.SCHEMA, {"host": "h.example"})
    assert store.values("kgi", "live", kgi.SCHEMA) == {"host": "h.example"}


def test_exports_round_trip(tmp_path: Path) -> None:
    events = [
        BrokerEvent("kgi", EventKind.STATUS, "CONNECT_READY", "連線成功"),
        BrokerEvent("kgi", EventKind.RECOVER, "RS_DONE", topic="ProList.xml", count=275),
        BrokerEvent("kgi", EventKind.STATUS, "LOGIN_FAIL", "密碼錯誤", level=Level.ERROR),
    ]
    assert write_csv(tmp_path / "e.csv", events) == 3
    assert write_jsonl(tmp_path / "e.jsonl", events) == 3
    with (tmp_path / "e.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["status"] for r in rows] == ["CONNECT_READY", "RS_DONE", "LOGIN_FAIL"]
    assert rows[1]["count"] == "275" and rows[1]["event"] == "RECOVER"
    assert len(rows[0]["time"]) == 12  # HH:MM:SS.mmm
    records = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text("utf-8").splitlines()]
    assert records[2]["level"] == "error" and records[2]["text"] == "密碼錯誤"
