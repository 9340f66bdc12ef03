"""The settings reference in docs/ is the brokers' schemas, not a copy that drifts."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_settings_reference_matches_the_schemas() -> None:
    spec = importlib.util.spec_from_file_location(
        "settings_reference", ROOT / "scripts" / "settings_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert written == module.reference(), (
        "docs/settings.md is out of date: run .venv/bin/python scripts/settings_reference.py"
    )
    for key in ("person_id", "app_secret", "operator_no", "kcbp_user", "gateway"):
        assert f"`{key}`" in written
