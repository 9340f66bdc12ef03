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


def test_the_code_cites_only_documents_in_the_repository() -> None:
    """docs/ARCHITECTURE.md is what the code cites; a design document outside the repository
    would leave a reader of the code without the facts."""
    citing = []
    for folder in ("gui", "tests", "scripts", "packaging"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".cs", ".h", ".c", ".cpp", ".sh", ".ps1", ".spec"}:
                text = path.read_text(encoding="utf-8", errors="replace")
                outside = ("DESIGN" + ".md", "shared/" + "seeds")  # not this test's own text
                if any(name in text for name in outside):
                    citing.append(str(path.relative_to(ROOT)))
    assert citing == []
    architecture = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for section in ("## The broker contract", "Adding a seventh broker", "## Worker processes",
                    "## The CLI contract", "## The data's path"):  # fmt: skip
        assert section in architecture


def test_the_flood_benchmarks_help_keeps_its_examples_apart_and_explains_every_option() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "benchmarks" / "event_flood.py"), "--help"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    examples = [line for line in lines if "tests/benchmarks/event_flood.py --" in line]
    assert examples and all(line.strip().startswith(".venv/bin/python") for line in examples)
    options = [line for line in lines if line.lstrip().startswith("--")]
    assert options and all(len(line.split(None, 2)) == 3 for line in options), options
