"""The mask catches a secret in every shape text can carry it."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from gui.core.redaction import MASK, Redactor

CANARIES = ["Zq9-canary-Xk7", " Zq9 spaced Xk7 ", "Zq9\r\nXk7-line", "凱基密碼Zq9", "Zq9'\"\\Xk7"]


@pytest.mark.parametrize("secret", CANARIES)
def test_every_shape_of_the_secret_is_masked(secret: str) -> None:
    redactor = Redactor([secret])
    shapes = [
        secret,
        secret.strip(),
        repr(secret),
        json.dumps(secret),
        json.dumps(secret, ensure_ascii=False),
        quote(secret, safe=""),
        f"InvalidHeader: Invalid return character or leading space in header: {secret!r}",
    ]
    for shape in shapes:
        masked = redactor.text(f"before {shape} after")
        assert MASK in masked, shape
        for line in secret.strip().splitlines():
            if len(line.strip()) >= 3:
                assert line.strip() not in masked, (shape, masked)


def test_nested_values_are_masked_and_other_types_kept() -> None:
    redactor = Redactor(["hunter22"])
    value = {"a": ["x hunter22 y", 3, None], "b": ("hunter22",), "c": 1.5}
    assert redactor.value(value) == {"a": [f"x {MASK} y", 3, None], "b": [MASK], "c": 1.5}


def test_secrets_learnt_later_are_masked_from_then_on() -> None:
    redactor = Redactor()
    assert not redactor and redactor.text("token-abc") == "token-abc"
    redactor.add("token-abc")
    assert redactor.text("token-abc") == MASK


def test_short_values_are_not_masked_everywhere() -> None:
    assert Redactor(["ab", "  "]).text("abab") == "abab"
