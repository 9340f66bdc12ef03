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
def test_hundsun_c16_accepts_exactly_what_fits_in_16_bytes_as_py_t2sdk_sends_them(
    text: str,
) -> None:
    field = hundsun.SCHEMA.field("operator_no")
    size = len(text.strip().encode("utf-8"))  # py_t2sdk's AddStr encodes UTF-8 itself
    if not text.strip():
        with pytest.raises(FieldProblem):
            field.parse(text)
    elif size <= 16:
        assert field.parse(text) == text.strip()
    else:
        with pytest.raises(FieldProblem) as caught:
            field.parse(text)
        assert f"{size} bytes in UTF-8" in str(caught.value.problem)


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
    field = kingdom.SCHEMA.field("operator_password")
    with pytest.raises(FieldProblem) as caught:
        field.parse("pw🙂x")
    assert "🙂" not in str(caught.value.problem)
    plain = kingdom.SCHEMA.field("operator_user")
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


# -- hostile input: a clear problem, never a crash -----------------------------------------


@pytest.mark.parametrize(
    ("key", "raw", "fragment"),
    [
        ("port", "9" * 309, "whole number"),
        ("port", 10**400, "too large"),
        ("port", "8_000", "whole number"),
        ("port", "８０００", "whole number"),
        ("port", "0x1F40", "whole number"),
        ("port", float("nan"), "whole number"),
        ("port", 8000.5, "whole number"),
        ("login_timeout", "1e3", "whole number"),
        ("person_id", "A" * 1_000_000, "at most 20"),
        ("person_id", "A12\n3456789", "U+000A"),
        ("person_id", "A123\x1b[2J", "U+001B"),
        ("host", "trade\u202ekgi.com", "U+202E"),
        ("source_id", "AP\ud800I", "U+D800"),
    ],
)
def test_hostile_values_are_refused_with_a_message(key: str, raw: object, fragment: str) -> None:
    with pytest.raises(InvalidSettings) as caught:
        kgi.SCHEMA.validate(kgi_values(**{key: raw}))
    assert fragment in str(caught.value.field_errors[key])


@pytest.mark.parametrize("secret", ["Zq9\r\nXk7w", "Zq9x\nXk7", "\x07Zq9Xk7", "Zq9\x00Xk7"])
def test_a_secret_with_a_control_character_is_refused_without_echoing_it(secret: str) -> None:
    with pytest.raises(InvalidSettings) as caught:
        kgi.SCHEMA.validate(kgi_values(password=secret))
    message = str(caught.value)
    assert "control character" in message
    for part in secret.splitlines():
        assert len(part) < 3 or part not in message


def test_secrets_keep_their_spaces_and_accept_any_script() -> None:
    settings = kgi.SCHEMA.validate(kgi_values(password="  密碼 with spaces  "))
    assert settings["password"] == "  密碼 with spaces  "


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("http://[", "https://host"),
        ("https://[zz]", "https://host"),
        ("https://host:99999", "https://host"),
        ("ftp://openapi.example.com", "https://host"),
        ("https://user:pw@openapi.example.com", "user name or password"),
        ("http://openapi.example.com", "plain http only to this machine"),
        ("https://openapi.example.com/v1", "path or query"),
    ],
)
def test_longport_custom_urls_are_checked_without_crashing(url: str, fragment: str) -> None:
    from gui.brokers import longport

    values = {**longport.SPEC.defaults(Environment.LIVE), "region": "custom", "http_url": url}
    values.update(app_key="key", app_secret="secret", access_token="token")
    with pytest.raises(InvalidSettings) as caught:
        longport.SCHEMA.validate(values)
    assert fragment in str(caught.value.field_errors["http_url"])


def test_longport_header_values_must_be_ascii() -> None:
    from gui.brokers import longport

    values = {**longport.SPEC.defaults(Environment.LIVE), "app_key": "凱基"}
    values.update(app_secret="secret", access_token="tökén")
    with pytest.raises(InvalidSettings) as caught:
        longport.SCHEMA.validate(values)
    assert "ASCII" in str(caught.value.field_errors["app_key"])
    assert "ASCII" in str(caught.value.field_errors["access_token"])
    assert "tökén" not in str(caught.value)


def test_kingdom_names_must_fit_gbk() -> None:
    values = {**kingdom.SPEC.defaults(Environment.SIMULATOR), "log_prefix": "😀", "algo_name": "😀"}
    with pytest.raises(InvalidSettings) as caught:
        kingdom.SCHEMA.validate(values)
    assert set(caught.value.field_errors) == {"log_prefix", "algo_name"}
    assert "GBK" in str(caught.value.field_errors["log_prefix"])
