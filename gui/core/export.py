"""Writing events to CSV and JSON Lines (the log view's export, support evidence): each file
whole or not at all (`write_output`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from gui.core.events import BrokerEvent, format_clock
from gui.core.shared_files import write_output

CSV_COLUMNS = ("time", "broker", "event", "status", "detail", "count", "level")


def write_csv(path: Path, events: Iterable[BrokerEvent]) -> int:
    """The log's columns, plus the full ISO time; returns the rows written."""

    def write(out: IO[bytes]) -> int:
        rows = 0
        text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
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
        text.flush()
        text.detach()  # the file stays open for write_output to finish
        return rows

    return write_output(path, write)


def write_jsonl(path: Path, events: Iterable[BrokerEvent]) -> int:
    """One JSON object per event, the same shape as `check --json`."""

    def write(out: IO[bytes]) -> int:
        rows = 0
        for event in events:
            out.write((json.dumps(event.to_json_dict(), ensure_ascii=False) + "\n").encode())
            rows += 1
        return rows

    return write_output(path, write)
