"""Non-secret form values remembered per broker and environment, as JSON in the config dir.

Secrets never reach this file: values pass through the schema's `public()` filter first.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import platformdirs

from gui import APP_NAME
from gui.core.schema import Schema

log = logging.getLogger(__name__)

CONFIG_DIR_ENV = "BROKER_CONSOLE_CONFIG_DIR"
_FORMAT = 1


def config_dir() -> Path:
    """Where the app keeps its files; `BROKER_CONSOLE_CONFIG_DIR` overrides (tests, portable)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


class ProfileStore:
    """profiles.json: {"format": 1, "brokers": {id: {"environment", "scenario", env: values}}}."""

    def __init__(self, directory: Path | None = None) -> None:
        self.path = (directory or config_dir()) / "profiles.json"

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"format": _FORMAT, "brokers": {}}
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable %s: %s", self.path, exc)
            return {"format": _FORMAT, "brokers": {}}
        if not isinstance(data, dict) or not isinstance(data.get("brokers"), dict):
            return {"format": _FORMAT, "brokers": {}}
        return data

    def broker(self, broker: str) -> dict[str, Any]:
        entry = self._read()["brokers"].get(broker)
        return entry if isinstance(entry, dict) else {}

    def raw(self, broker: str, environment: str) -> dict[str, Any]:
        """Everything saved for the environment; filter it with a schema before use."""
        saved = self.broker(broker).get(environment)
        return dict(saved) if isinstance(saved, dict) else {}

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
        entry = data["brokers"].setdefault(broker, {})
        entry[environment] = schema.public(values)
        entry["environment"] = environment
        if scenario is not None:
            entry["scenario"] = scenario
        self._write(data)

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".profiles-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
