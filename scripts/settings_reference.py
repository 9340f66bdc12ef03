"""Write docs/settings.md: every broker's form fields (the keys `check --set` fills) and its
simulator scenarios, from the brokers' own schemas. tests/unit/test_docs.py fails when the file
is out of date; run this to refresh it:

    .venv/bin/python scripts/settings_reference.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gui.brokers import default_registry  # noqa: E402
from gui.core.registry import Environment  # noqa: E402
from gui.core.schema import Field  # noqa: E402

TARGET = ROOT / "docs" / "settings.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _limits(field: Field) -> str:
    parts = []
    if field.minimum is not None and field.maximum is not None:
        parts.append(f"{field.minimum:g}…{field.maximum:g}")
    elif field.minimum is not None:
        parts.append(f"≥ {field.minimum:g}")
    elif field.maximum is not None:
        parts.append(f"≤ {field.maximum:g}")
    if field.max_bytes:
        parts.append(f"≤ {field.max_bytes} bytes in {field.encoding or 'UTF-8'}")
    elif field.encoding:
        parts.append(f"{field.encoding} only")
    if field.exact_chars:
        unit = "character" if field.exact_chars == 1 else "characters"
        parts.append(f"exactly {field.exact_chars} {unit}")
    if field.choices:
        parts.append("one of " + ", ".join(f"`{value}`" for value, _ in field.choices))
    return "; ".join(parts)


def reference() -> str:
    lines = [
        "# Settings of each broker",
        "",
        "Generated from the brokers' schemas by `scripts/settings_reference.py`; "
        "`broker-console check BROKER --help` prints the same.",
        "",
        "Fill a field with `--set KEY=VALUE`; a secret field only with `--secret KEY=ENVVAR` "
        "(the value is read from that environment variable, never from the command line). "
        "Fields are those of the Live environment; the simulator needs only the ones it "
        "checks (see each broker's scenarios). Fields marked advanced are folded in the window "
        "under Advanced settings until unfolded.",
    ]
    for spec in default_registry():
        lines += ["", f"## {spec.title} (`{spec.id}`)", ""]
        lines += [
            "| key | field | kind | default | limits | notes |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for field in spec.schema_for(Environment.LIVE, {}):
            kind = field.kind.value + (", required" if field.required else "")
            kind += ", advanced" if field.advanced else ""
            default = "" if field.default is None else f"`{field.default!r}`"
            lines.append(
                f"| `{field.key}` | {_cell(field.label)} | {kind} | {default} | "
                f"{_cell(_limits(field))} | {_cell(field.help)} |"
            )
        if spec.scenarios:
            lines += ["", "Simulator scenarios (`--simulator --scenario ID`):", ""]
            lines += [f"- `{scenario.id}`: {scenario.help}" for scenario in spec.scenarios]
    return "\n".join(lines) + "\n"


def main() -> None:
    TARGET.write_text(reference(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
