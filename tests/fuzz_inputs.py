"""Generated hostile input for every broker's schema, shared by the test (a fixed seed and a
small count, in CI) and tests/benchmarks/fuzz_schemas.py (the full count).

The property: validation either returns settings or raises InvalidSettings, nothing else; and
settings it returns are ones the driver can hand to its vendor without an exception (headers
that encode, structs that fill, packer fields that fit)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import requests
from hypothesis import strategies as st

from gui.brokers import default_registry
from gui.core.errors import InvalidSettings
from gui.core.registry import BrokerSpec, Environment
from gui.core.schema import FieldKind, Schema

STANDINS = Path(__file__).parent / "integration" / "standins"

# Everything a form, a command line or a settings file can hand over, and then some.
ANY_TEXT = st.text(
    alphabet=st.characters(categories=["L", "M", "N", "P", "S", "Z", "C"]), max_size=40
)
# Text a person can type (any script, emoji, spaces): often valid, so the vendor shaping runs.
TYPED_TEXT = st.text(
    alphabet=st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), max_size=30
)
# Characters that stress encodings: CJK (GBK has them, Latin-1 does not), an emoji (GBK does
# not), accented Latin (Latin-1 does, ASCII does not), the euro sign.
WIDE_TEXT = st.text(alphabet=st.sampled_from("凱基恒生金证操作员😀éß€A1 "), min_size=1, max_size=12)
NEAR_VALID = st.sampled_from(
    [
        "8000", " 8000 ", "8_000", "８０００", "0x1F40", "1e3", "-1", "0", "65536", "9" * 400,
        "127.0.0.1", "::1", "[::1]", "trade.example.com", "bad host!", "a" * 64 + ".example",
        "127.0.0.1:9003;127.0.0.1:9004", "host:port", ";;", "http://[", "https://[zz]",
        "https://openapi.example.com", "http://127.0.0.1:8080", "https://u:p@h.example",
        "00E04C6817A2", "00-E0-4C-68-17-A2", "demo", "", " ", "true", "no", "maybe",
        "global", "custom", "cn", "凱基密碼", "操作员", "😀", "a\nb", "a\r\nb", "\x1b[2J", "\x00",
        "\ud800", "\u202e", "A" * 5000,
    ]
)  # fmt: skip
ANY_VALUE = st.one_of(
    ANY_TEXT,
    NEAR_VALID,
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.binary(max_size=8),
    st.lists(st.one_of(ANY_TEXT, st.integers()), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _standin(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"fuzz_{name}", STANDINS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _kgi(settings: Mapping[str, Any]) -> None:
    for value in settings.values():  # .NET strings are UTF-16: no lone surrogate may reach it
        if isinstance(value, str):
            value.encode("utf-16")
    assert 0 < int(settings["port"]) < 65536


def _longport(settings: Mapping[str, Any]) -> None:
    from gui.brokers.longport.binding import base_url, encode_query
    from gui.brokers.longport.surface import signature_header

    url = base_url(settings)
    headers = {
        "X-Api-Key": settings["app_key"],
        "Authorization": settings["access_token"],
        "X-Timestamp": "1763717400.000",
        "X-Api-Signature": signature_header(
            "GET", "/v1/socket/token", encode_query([]), settings["access_token"],
            settings["app_key"], "1763717400.000", b"", settings["app_secret"],
        ),
    }  # fmt: skip
    prepared = requests.Request("GET", url + "/v1/socket/token", headers=headers).prepare()
    for name, value in prepared.headers.items():
        requests.utils.check_header_validity((name, value))
        value.encode("latin-1")  # what http.client does with a header value


def _hundsun(settings: Mapping[str, Any]) -> None:
    from gui.brokers.hundsun.driver import login_fields

    packer = _standin("py_t2sdk").pyIF2Packer()
    packer.BeginPack()
    fields = login_fields(settings)
    for spec in fields:
        packer.AddField(spec.name, spec.kind, spec.width)
    for spec in fields:
        if spec.kind == "I":
            packer.AddInt(int(spec.value or 0))
        else:
            packer.AddStr(str(spec.value))
    packer.EndPack()


def _kingdom(settings: Mapping[str, Any]) -> None:
    from gui.brokers.kingdom.surface import connect_option, gbk, init_info, kcbp_config

    init_info(settings)
    kcbp_config(settings)
    connect_option(settings)
    gbk(settings["log_prefix"])
    gbk(settings["algo_name"])


def _rootnet(settings: Mapping[str, Any]) -> None:
    assert isinstance(settings["host"], str) and 0 < int(settings["port"]) < 65536
    str(settings["operator_id"]).encode("utf-8")


def _vnpy(settings: Mapping[str, Any]) -> None:
    for value in settings.values():
        if isinstance(value, str):
            value.encode("utf-8")


VENDOR_SHAPING: dict[str, Callable[[Mapping[str, Any]], None]] = {
    "kgi": _kgi,
    "longport": _longport,
    "hundsun": _hundsun,
    "kingdom": _kingdom,
    "rootnet": _rootnet,
    "vnpy": _vnpy,
}


def forms() -> list[tuple[BrokerSpec, Environment, Schema]]:
    """Every broker's form in both environments."""
    out = []
    for spec in default_registry():
        for environment in Environment:
            out.append((spec, environment, spec.schema_for(environment, {})))
    return out


_FILLERS = {
    FieldKind.HOST: "127.0.0.1",
    FieldKind.PORT: 8000,
    FieldKind.SECRET: "demo",
    FieldKind.PATH: "/tmp",
    FieldKind.INT: 5,
    FieldKind.FLOAT: 1.5,
    FieldKind.BOOL: True,
}


def valid_baseline(spec: BrokerSpec, environment: Environment, schema: Schema) -> dict[str, Any]:
    """The defaults, with every required field filled: values that validate."""
    values = {key: value for key, value in spec.defaults(environment).items() if key in schema}
    for field in schema:
        if values.get(field.key) not in (None, ""):
            continue
        if field.kind is FieldKind.LIST:
            values[field.key] = "127.0.0.1:9003"
        elif field.kind is FieldKind.CHOICE:
            values[field.key] = field.choices[0][0]
        elif field.required:
            values[field.key] = _FILLERS.get(field.kind, "A1")
    if "mac_address" in schema:  # a machine without a network card still has a valid baseline
        values["mac_address"] = "00E04C6817A2"
    if "gateway" in schema:
        values["gateway"] = "vnpy_testgw:TestGateway"
    schema.validate(values)
    return values


def values_for(spec: BrokerSpec, environment: Environment, schema: Schema) -> Any:
    """Valid values with one to three of them replaced by something hostile (or an unknown key
    added): most inputs are one step from valid, where the interesting mistakes hide."""
    base = valid_baseline(spec, environment, schema)
    keys = st.sampled_from(list(schema.keys))
    value = st.one_of(TYPED_TEXT, WIDE_TEXT, WIDE_TEXT, NEAR_VALID, ANY_VALUE)
    one = st.tuples(keys, value).map(lambda change: {change[0]: change[1]})
    several = st.dictionaries(st.one_of(keys, keys, keys, ANY_TEXT), value, max_size=3)
    return st.one_of(one, one, several).map(lambda extra: {**base, **extra})


def check(spec: BrokerSpec, schema: Schema, values: Mapping[str, Any]) -> bool:
    """The property; True when the values were valid (and shaped for the vendor without error)."""
    try:
        settings = schema.validate(values)
    except InvalidSettings as failure:
        for key, problem in failure.field_errors.items():
            assert isinstance(key, str) and str(problem)  # every message formats
        return False
    if spec.id == "vnpy" and "gateway" in schema:
        return True  # the live form's gateway is imported in the worker, not here
    VENDOR_SHAPING[spec.id](settings)
    return True
