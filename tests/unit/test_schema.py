"""Field validation: required, kinds, ranges, host syntax and vendor byte widths."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gui.brokers import hundsun, kgi, kingdom
from gui.core.errors import InvalidSettings
from gui.core.registry import Environment
from gui.core.schema import Field, FieldKind, FieldProblem, ItemKind, Schema, is_host

CJK_AND_ASCII = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from("恒生金证根网凱基操作员密码交易账户"),
    ),
    max_size=24,
)


def kgi_values(**overrides: object) -> dict[str, object]:
    values = kgi.SPEC.defaults(Environment.SIMULATOR)
    values.update(password="demo")
    values.update(overrides)
    return values


def test_kgi_defaults_plus_password_are_valid() -> None:
    settings = kgi.SCHEMA.validate(kgi_values())
    assert settings["port"] == 8000
    assert settings["center"] == " "  # the seed's space survives: never stripped
    assert settings["auto_recover_report"] is True


@pytest.mark.parametrize(
    ("key", "raw", "fragment"),
    [
        ("port", "70000", "between 1 and 65535"),
        ("port", "0", "between 1 and 65535"),
        ("port", "eighty", "whole number"),
        ("host", "bad host!", "not a host name"),
        ("host", "", "required"),
        ("person_id", "   ", "required"),
        ("center", "AB", "exactly 1"),
        ("login_timeout", "0", "between 1 and 600"),
        ("auto_sub_report", "maybe", "true or false"),
    ],
)
def test_bad_values_name_the_field(key: str, raw: str, fragment: str) -> None:
    with pytest.raises(InvalidSettings) as caught:
        kgi.SCHEMA.validate(kgi_values(**{key: raw}))
    assert list(caught.value.field_errors) == [key]
    assert fragment in str(caught.value.field_errors[key])
    assert key in str(caught.value)


def test_unknown_keys_are_reported() -> None:
    with pytest.raises(InvalidSettings) as caught:
        kgi.SCHEMA.validate(kgi_values(colour="blue"))
    assert "colour" in caught.value.field_errors


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "::1", "[::1]", "trade.kgi.com.tw", "localhost", "a-b.example", "xn--fiq.tw"],
)
def test_hosts_accepted(host: str) -> None:
    assert is_host(host)


@pytest.mark.parametrize(
    "host", ["", "-bad.example", "bad-.example", "a..b", "999.1.1.1", "has space", "a" * 64]
)
def test_hosts_rejected(host: str) -> None:
    assert not is_host(host)


@given(CJK_AND_ASCII)
def test_hundsun_c16_accepts_exactly_what_fits_in_16_gbk_bytes(text: str) -> None:
    field = hundsun.SCHEMA.field("operator_no")
    size = len(text.strip().encode("gbk"))
    if not text.strip():
        with pytest.raises(FieldProblem):
            field.parse(text)
    elif size <= 16:
        assert field.parse(text) == text.strip()
    else:
        with pytest.raises(FieldProblem) as caught:
            field.parse(text)
        assert f"{size} bytes in GBK" in str(caught.value.problem)


@given(CJK_AND_ASCII)
def test_kingdom_char20_leaves_room_for_the_nul(text: str) -> None:
    field = kingdom.SCHEMA.field("kcbp_server")
    value = text.strip()
    if value and len(value.encode("gbk")) <= 19:
        assert field.parse(text) == value
    elif value:
        with pytest.raises(FieldProblem):
            field.parse(text)


def test_nul_length_edge() -> None:
    field = kingdom.SCHEMA.field("kcbp_server")
    assert field.parse("S" * 19) == "S" * 19
    with pytest.raises(FieldProblem):
        field.parse("S" * 20)
    # Two-byte GBK characters: 9 of them are 18 bytes, 10 are 20.
    assert field.parse("金" * 9) == "金" * 9
    with pytest.raises(FieldProblem):
        field.parse("金" * 10)


def test_secret_that_gbk_cannot_carry_is_rejected_without_echoing_it() -> None:
    field = hundsun.SCHEMA.field("password")
    with pytest.raises(FieldProblem) as caught:
        field.parse("pw🙂x")
    assert "🙂" not in str(caught.value.problem)
    plain = hundsun.SCHEMA.field("operator_no")
    with pytest.raises(FieldProblem) as caught:
        plain.parse("op🙂")
    assert "🙂" in str(caught.value.problem)


def test_endpoint_lists() -> None:
    field = hundsun.SCHEMA.field("servers")
    assert field.parse(" 10.0.0.1:9003 ; ufx.example.com:9004 ") == (
        "10.0.0.1:9003;ufx.example.com:9004"
    )
    for bad in ("10.0.0.1", "10.0.0.1:0", "host:abc", ";"):
        with pytest.raises(FieldProblem):
            field.parse(bad)


@given(st.one_of(st.text(max_size=12), st.integers(), st.floats(), st.booleans(), st.none()))
def test_parsing_never_fails_with_anything_but_a_field_problem(raw: object) -> None:
    schema = Schema(
        (
            Field("n", "N", FieldKind.INT, minimum=0, maximum=10),
            Field("f", "F", FieldKind.FLOAT),
            Field("p", "P", FieldKind.PORT),
            Field("h", "H", FieldKind.HOST),
            Field("b", "B", FieldKind.BOOL),
            Field("c", "C", FieldKind.CHOICE, choices=(("a", "A"),)),
            Field("l", "L", FieldKind.LIST, item_kind=ItemKind.ENDPOINT),
        )
    )
    for field in schema:
        with contextlib.suppress(FieldProblem):
            field.parse(raw)


def test_public_values_drop_secrets() -> None:
    values = kgi_values(password="hunter22")
    assert "password" not in kgi.SCHEMA.public(values)
    assert kgi.SCHEMA.secrets_in(values) == ["hunter22"]


def test_duplicate_keys_are_a_programming_error() -> None:
    with pytest.raises(ValueError):
        Schema((Field("a", "A"), Field("a", "A again")))
