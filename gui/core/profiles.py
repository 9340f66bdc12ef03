"""Non-secret form values remembered per broker and environment, as JSON in the config dir.

Secrets never reach this file: values pass through the schema's `public()` filter first, and a
secret placed in the file by hand is never read back. A file the console cannot read is never
overwritten: it is renamed aside with a timestamp (or, if even that fails, left alone and no
longer written) and `problem` says so, for the window and stderr. Wrong types fall back per key.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import time
from pathlib import Path
from typing import Any

import platformdirs

from gui import APP_NAME
from gui.core.schema import Schema

log = logging.getLogger(__name__)

CONFIG_DIR_ENV = "BROKER_CONSOLE_CONFIG_DIR"
_FORMAT = 1
_MAX_FILE_BYTES = 4 << 20  # a settings file this large is not one the console wrote
Scalar = str | int | float | bool


def config_dir() -> Path:
    """Where the app keeps its files; `BROKER_CONSOLE_CONFIG_DIR` overrides (tests, portable)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


class ProfileError(OSError):
    """The settings cannot be written (the file could not be read, and is kept as it is)."""


def _decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM) or UTF-16 with its BOM: what editors save."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _scalars(values: Any) -> dict[str, Scalar]:
    """Only plain values survive; anything else (a list, an object) falls back to the default."""
    if not isinstance(values, dict):
        return {}
    return {str(key): value for key, value in values.items() if isinstance(value, Scalar)}


class ProfileStore:
    """profiles.json: {"format": 1, "brokers": {id: {"environment", "scenario", env: values}}}."""

    def __init__(self, directory: Path | None = None) -> None:
        self.path = (directory or config_dir()) / "profiles.json"
        self.problem = ""  # why the file could not be used, once it was found out
        self._writable = True

    def check(self) -> str:
        """Read the file now (at start-up): '' when it is fine or absent, else the problem."""
        self._read()
        return self.problem

    def _read(self) -> dict[str, Any]:
        empty: dict[str, Any] = {"format": _FORMAT, "brokers": {}}
        if not self._writable:
            return empty
        try:
            if self.path.stat().st_size > _MAX_FILE_BYTES:
                return self._set_aside(empty, "it is larger than any settings file")
            data = json.loads(_decode(self.path.read_bytes()))
        except FileNotFoundError:
            return empty
        except PermissionError as exc:
            return self._keep_away(empty, f"it cannot be read ({exc.strerror})")
        except (ValueError, UnicodeError, RecursionError) as exc:
            return self._set_aside(empty, f"it is not valid JSON ({str(exc)[:120]})")
        except OSError as exc:
            return self._keep_away(empty, f"it cannot be read ({exc})")
        if not isinstance(data, dict) or not isinstance(data.get("brokers"), dict):
            return self._set_aside(empty, "it does not hold the console's settings")
        return data

    def _set_aside(self, empty: dict[str, Any], reason: str) -> dict[str, Any]:
        aside = self.path.with_name(f"{self.path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
        except OSError:
            return self._keep_away(empty, reason)
        self.problem = (
            f"The saved settings {self.path} could not be used: {reason}. The file was kept as "
            f"{aside.name}; the console starts from default values."
        )
        log.warning("%s", self.problem)
        return empty

    def _keep_away(self, empty: dict[str, Any], reason: str) -> dict[str, Any]:
        """Neither readable nor movable: never touch it again in this run."""
        self._writable = False
        self.problem = (
            f"The saved settings {self.path} could not be used: {reason}. It is left as it is "
            "and nothing will be saved until it is fixed."
        )
        log.warning("%s", self.problem)
        return empty

    def broker(self, broker: str) -> dict[str, Any]:
        """The broker's entry: its last environment and scenario (when they are text)."""
        entry = self._read()["brokers"].get(broker)
        if not isinstance(entry, dict):
            return {}
        return {
            key: entry[key]
            for key in ("environment", "scenario")
            if isinstance(entry.get(key), str)
        }

    def raw(self, broker: str, environment: str) -> dict[str, Scalar]:
        """Everything plain saved for the environment; filter it with a schema before use."""
        entry = self._read()["brokers"].get(broker)
        return _scalars(entry.get(environment)) if isinstance(entry, dict) else {}

    def values(self, broker: str, environment: str, schema: Schema) -> dict[str, Any]:
        """Saved values that still belong to the schema (secrets dropped if a file has any)."""
        return schema.public(self.raw(broker, environment))

    def save(
        self,
        broker: str,
        environment: str,
        schema: Schema,
        values: dict[str, Any],
        *,
        scenario: str | None = None,
    ) -> None:
        data = self._read()
        if not self._writable:
            raise ProfileError(self.problem)
        entry = data["brokers"].get(broker)
        if not isinstance(entry, dict):
            entry = data["brokers"][broker] = {}
        entry[environment] = schema.public(values)
        entry["environment"] = environment
        if scenario is not None:
            entry["scenario"] = scenario
        self._write(data)

    def _write(self, data: dict[str, Any]) -> None:
        import tempfile  # only when saving: not on the window's way up

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".profiles-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
