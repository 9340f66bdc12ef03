"""The support bundle: everything desk support needs in one zip, and no secret.

A manifest; the runtime report (the self-test's own facts, from `--self-test startup` run as a
child: versions, runtime, Qt, platform, start-up); the last days of session logs; the latest
diagnosis of each broker; the non-secret settings (each broker's schema filters them, so a
secret placed in the settings file by hand stays out); and the app's error log. Every text is
masked with every secret this process knows before it is written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from gui import APP_TITLE, __version__
from gui.core.profiles import ProfileStore
from gui.core.redaction import PROCESS_SECRETS
from gui.core.session_log import ERROR_LOG, log_dir, session_files, torn_lines, why
from gui.core.shared_files import write_output

if TYPE_CHECKING:
    from gui.core.registry import Registry

DEFAULT_DAYS = 3
RUNTIME_SECONDS = 30.0  # the self-test child (Qt offscreen, no login)


@dataclass
class Bundle:
    """What went into a bundle (for the CLI's result and the window's message)."""

    path: Path
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def self_command() -> list[str]:
    """This program again: the packaged exe, or the package from source."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "gui"]


def runtime_report() -> str:
    """The self-test's facts (it opens the window offscreen, logs in to nothing), bounded; the
    child gets an environment without this process' secrets."""
    hidden = PROCESS_SECRETS
    env = {key: value for key, value in os.environ.items() if hidden.text(value) == value}
    env["QT_QPA_PLATFORM"] = "offscreen"
    try:
        done = subprocess.run(
            [*self_command(), "--self-test", "startup"],
            capture_output=True,
            timeout=RUNTIME_SECONDS,
            env=env,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"The runtime report could not be made: {exc}\n"
    text = done.stdout.decode("utf-8", "replace")
    if done.returncode:
        text += (
            f"\n(exit code {done.returncode})\n" + done.stderr.decode("utf-8", "replace")[-4000:]
        )
    return text


def settings_snapshot(registry: Registry, store: ProfileStore) -> dict[str, Any]:
    """Every broker's accounts: which one was last used, its flags, which passwords it
    remembers (names only), and its saved values that are not secret, per environment."""
    from gui.core.registry import Environment

    out: dict[str, Any] = {}
    for spec in registry:
        accounts: dict[str, Any] = {}
        for account in store.accounts(spec.id):
            entry = {
                key: value
                for key, value in account.to_json().items()
                if key not in ("broker", "name") and value not in ("", {})
            }
            for environment in Environment:
                raw = store.raw(spec.id, environment.value, account.name)
                if raw:
                    schema = spec.schema_for(environment, raw)
                    entry[environment.value] = schema.public(raw)
            accounts[account.name] = entry
        if accounts:
            current = store.current_account(spec.id)
            out[spec.id] = {"account": current, **accounts[current], "accounts": accounts}
    return out


def build(
    out: Path,
    registry: Registry,
    *,
    days: int = DEFAULT_DAYS,
    folder: Path | None = None,
    store: ProfileStore | None = None,
    runtime: str | None = None,
) -> Bundle:
    """Write the zip at `out` (atomically: a half-written bundle never takes its name)."""
    folder = folder or log_dir()
    store = store or ProfileStore()
    bundle = Bundle(out)
    oldest = date.today() - timedelta(days=max(days, 1) - 1)
    members: list[tuple[str, bytes]] = [
        ("runtime.txt", (runtime if runtime is not None else runtime_report()).encode()),
        (
            "settings.json",
            json.dumps(settings_snapshot(registry, store), ensure_ascii=False, indent=2).encode(),
        ),
    ]
    if store.problem:
        bundle.problems.append(store.problem)
    members.extend(_logged(folder, oldest, bundle))
    members = [(name, _masked(data)) for name, data in members]
    manifest = {
        "app": APP_TITLE,
        "version": __version__,
        "created": datetime.now().astimezone().isoformat(timespec="seconds"),
        "days": days,
        "log_folder": str(folder),
        "files": [{"name": name, "bytes": len(data)} for name, data in members],
        "problems": bundle.problems,
        "secrets": "masked (••••) wherever a secret of the console's sessions appeared",
    }
    members.insert(
        0, ("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2).encode())
    )

    def write(handle: IO[bytes]) -> None:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members:
                archive.writestr(name, data)

    write_output(out, write)  # whole or not at all: never a .part or an empty zip left
    bundle.files = [name for name, _ in members]
    return bundle


def _logged(folder: Path, oldest: date, bundle: Bundle) -> list[tuple[str, bytes]]:
    """The log folder's files for the bundle; what could not be read, an empty folder and
    torn lines (a write cut short) are told apart in the problems."""
    if not folder.exists():
        bundle.problems.append(f"no log folder at {folder} yet: nothing logged")
        return []
    if not folder.is_dir():
        bundle.problems.append(
            f"the log folder {folder} is a file, not a folder: no session log can be written "
            "or read there; move that file away"
        )
        return []
    try:
        os.listdir(folder)
    except OSError as exc:
        bundle.problems.append(f"the log folder {folder} cannot be read: {why(exc)}")
        return []
    members: list[tuple[str, bytes]] = []
    for day, _part, path in session_files(folder):
        if day >= oldest:
            data = _read(path, bundle)
            torn = torn_lines(data)
            if torn:
                bundle.problems.append(
                    f"{path.name}: {torn} torn line(s), from a write cut short (a full disk, a "
                    "killed process); readers skip them"
                )
            members.append((f"sessions/{path.name}", data))
    if not members:
        bundle.problems.append(f"no session log since {oldest.isoformat()} in {folder}")
    for path in sorted(folder.glob("diagnosis-*.json")):
        members.append((f"diagnoses/{path.name}", _read(path, bundle)))
    for path in sorted(folder.glob(f"{ERROR_LOG}*")):
        members.append((f"errors/{path.name}", _read(path, bundle)))
    return members


def _read(path: Path, bundle: Bundle) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        bundle.problems.append(f"{path.name} could not be read: {exc}")
        return b""


def _masked(data: bytes) -> bytes:
    if not PROCESS_SECRETS:
        return data
    return PROCESS_SECRETS.text(data.decode("utf-8", "surrogateescape")).encode(
        "utf-8", "surrogateescape"
    )
