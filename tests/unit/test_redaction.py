"""The mask catches a secret in every shape text can carry it."""

from __future__ import annotations

import json
import random
import re
from urllib.parse import quote

import pytest

from gui.core.redaction import MASK, Redactor, secret_forms

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
    value = {"a": ["x hunter22 y", 3, None], "b": ("hunter22",), "c": 1.5, "hunter22": 2}
    assert redactor.value(value) == {
        "a": [f"x {MASK} y", 3, None],
        "b": [MASK],
        "c": 1.5,
        MASK: 2,  # a key is text too
    }


def test_a_text_seen_clean_is_masked_once_a_secret_it_holds_is_learnt() -> None:
    redactor = Redactor(["hunter22"])
    assert redactor.text("session token-abc") == "session token-abc"  # clean, remembered
    redactor.add("token-abc")
    assert redactor.text("session token-abc") == f"session {MASK}"


def test_masking_finds_every_form_wherever_it_is() -> None:
    """The quick test for a secret (substrings, remembered clean texts) masks exactly what the
    whole expression does, in short texts and in long ones, seen once or many times."""
    secret = "Zq9'\"\\Xk7 pw"
    redactor = Redactor([secret, "token-abc"])
    forms = sorted(secret_forms(secret) | secret_forms("token-abc"), key=len, reverse=True)
    whole = re.compile("|".join(re.escape(form) for form in forms))
    rng = random.Random(7)
    pieces = [*forms, "RS_BEGIN", "ProductBaseSv1801.xml", "Zq9", "token", " ", "\n", "é"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        text = text if rng.random() < 0.9 else text * 40  # past the remembered length
        for _ in range(2):  # the second time from what was remembered
            assert redactor.text(text) == whole.sub(MASK, text), text


def test_secrets_learnt_later_are_masked_from_then_on() -> None:
    redactor = Redactor()
    assert not redactor and redactor.text("token-abc") == "token-abc"
    redactor.add("token-abc")
    assert redactor.text("token-abc") == MASK


def test_short_values_are_not_masked_everywhere() -> None:
    assert Redactor(["ab", "  "]).text("abab") == "abab"
