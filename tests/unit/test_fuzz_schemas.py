"""Generated hostile input through every broker's validation: a clear InvalidSettings or
settings the driver can hand to its vendor — never another exception. CI runs a fixed seed and
a small count; tests/benchmarks/fuzz_schemas.py runs 1,500 per form."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests.fuzz_inputs import check, forms, values_for

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "250"))


@pytest.mark.parametrize(
    ("spec", "environment", "schema"), forms(), ids=lambda v: getattr(v, "id", str(v))
)
def test_validation_never_raises_anything_but_invalid_settings(spec, environment, schema) -> None:
    @seed(20261121)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        check(spec, schema, data.draw(values_for(spec, environment, schema)))

    run()
