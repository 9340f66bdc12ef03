"""Writing events to CSV and JSON Lines (the log view's export, support evidence)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from gui.core.events import BrokerEvent, format_clock

CSV_COLUMNS = ("time", "broker", "event", "status", "detail", "count", "level")


def write_csv(path: Path, events: Iterable[BrokerEvent]) -> int:
    """The log's columns, plus the full ISO time; returns the rows written."""
    rows = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow((*CSV_COLUMNS, "iso_time"))
        for event in events:
            writer.writerow(
                (
                    format_clock(event.time),
                    event.broker,
                    event.kind_label,
                    event.status,
                    event.detail,
                    "" if event.count is None else event.count,
                    event.level.value,
                    event.time.isoformat(timespec="milliseconds"),
                )
            )
            rows += 1
    return rows


def write_jsonl(path: Path, events: Iterable[BrokerEvent]) -> int:
    """One JSON object per event, the same shape as `check --json`."""
    rows = 0
    with path.open("w", encoding="utf-8") as handle:
        for event in events:
            handle.write(json.dumps(event.to_json_dict(), ensure_ascii=False) + "\n")
            rows += 1
    return rows
