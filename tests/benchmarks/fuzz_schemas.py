"""Every broker form through 1,500 generated hostile inputs (issue: 0 unexpected exceptions).

    .venv/bin/python tests/benchmarks/fuzz_schemas.py [--examples N]

Prints one JSON line: per form, how many inputs were generated, how many validated (and were
shaped for the vendor), how many were refused, and every unexpected exception (none)."""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz_inputs import check, forms, values_for


def fuzz(spec, environment, schema, examples: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    counts: dict[str, object] = {"generated": 0, "valid": 0, "refused": 0, "unexpected": []}
    unexpected: list[str] = counts["unexpected"]  # type: ignore[assignment]

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        values = data.draw(values_for(spec, environment, schema))
        counts["generated"] += 1  # type: ignore[operator]
        try:
            outcome = "valid" if check(spec, schema, values) else "refused"
        except Exception as exc:
            unexpected.append(f"{type(exc).__name__}: {exc} <- {traceback.format_exc(-1)}")
            return
        counts[outcome] += 1  # type: ignore[operator]

    run()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=1500)
    args = parser.parse_args()
    report: dict[str, dict[str, object]] = {}
    for spec, environment, schema in forms():
        report[f"{spec.id}/{environment.value}"] = fuzz(spec, environment, schema, args.examples)
    unexpected = sum(len(c["unexpected"]) for c in report.values())
    print(
        json.dumps({"examples_per_form": args.examples, "unexpected": unexpected, "forms": report})
    )
    sys.exit(1 if unexpected else 0)


if __name__ == "__main__":
    main()
