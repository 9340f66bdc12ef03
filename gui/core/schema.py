"""A broker's credential form declared as data.

The form, its validation, the CLI's `--set`, and saved profiles all come from one declaration.
Validation runs before any vendor call, so bad input never reaches a broker.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from gui.core.errors import InvalidSettings


class FieldKind(StrEnum):
    TEXT = "text"
    SECRET = "secret"
    INT = "int"
    FLOAT = "float"
    PORT = "port"
    HOST = "host"
    CHOICE = "choice"
    BOOL = "bool"
    PATH = "path"
    LIST = "list"


class ItemKind(StrEnum):
    """What each element of a LIST field must be."""

    ANY = "any"
    ENDPOINT = "endpoint"  # host:port


@dataclass(frozen=True, slots=True)
class Problem:
    """A validation message kept as template + parameters so the UI can translate it."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**self.params)


class FieldProblem(ValueError):
    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template)
        self.problem = Problem(template, params)


# Characters no single-line field may hold: C0/C1 controls (line breaks, ESC, BEL, NUL), the
# Unicode line and paragraph separators, bidirectional overrides (they reorder what support
# reads) and lone surrogates (not text: they cannot be encoded for any vendor).
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Numbers are plain ASCII digits: no '8_000', no full-width '８０００', no 400-digit integers.
_INT_TEXT = re.compile(r"[+-]?[0-9]{1,18}")
_FLOAT_TEXT = re.compile(
    r"[+-]?(?:[0-9]{1,18}(?:\.[0-9]{0,18})?|\.[0-9]{1,18})(?:[eE][+-]?[0-9]{1,3})?"
)
_NUMBER_LIMIT = 10**18
# How many characters a field holds when the vendor does not say (a trader never needs more;
# a megabyte pasted by mistake or malice must not reach an SDK).
DEFAULT_MAX_CHARS = 256
LONG_MAX_CHARS = 4096  # paths and server lists


@dataclass(frozen=True, slots=True)
class Field:
    """One input of a broker's login. `label` and `help` are English source strings."""

    key: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    default: Any = None
    help: str = ""
    max_bytes: int | None = None  # the vendor's fixed width, in `encoding`
    nul_terminated: bool = False  # the width includes a terminating NUL (C char arrays)
    encoding: str | None = None  # what the vendor receives; the value must be encodable in it
    max_chars: int | None = None  # None: DEFAULT_MAX_CHARS (LONG_MAX_CHARS for paths and lists)
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    minimum: float | None = None
    maximum: float | None = None
    exact_chars: int | None = None
    strip: bool = True
    item_kind: ItemKind = ItemKind.ANY
    separator: str = ";"
    suggestions: tuple[str, ...] = ()  # known values offered for a free-text field
    advanced: bool = False  # tuning a trader rarely changes: folded in the form until asked for

    @property
    def secret(self) -> bool:
        return self.kind is FieldKind.SECRET

    @property
    def byte_limit(self) -> int | None:
        """How many bytes of content the vendor field holds."""
        if self.max_bytes is None:
            return None
        return self.max_bytes - 1 if self.nul_terminated else self.max_bytes

    @property
    def char_limit(self) -> int:
        if self.max_chars is not None:
            return self.max_chars
        long = self.kind in (FieldKind.PATH, FieldKind.LIST)
        return LONG_MAX_CHARS if long else DEFAULT_MAX_CHARS

    def parse(self, raw: Any) -> Any:
        """Turn form text, CLI text or a stored value into the typed value, or raise."""
        if raw is None or (isinstance(raw, str) and _blank(raw, self)):
            if self.required:
                raise FieldProblem("{label} is required.", label=self.label)
            return None
        parser = _PARSERS[self.kind]
        value = parser(self, raw)
        if isinstance(value, str):
            self._check_text(value)
        return value

    def _check_text(self, value: str) -> None:
        forbidden = _FORBIDDEN.search(value)
        if forbidden is not None:
            if self.secret:
                raise FieldProblem(
                    "{label} contains a line break or another control character; type it again "
                    "on one line.",
                    label=self.label,
                )
            raise FieldProblem(
                "{label} contains a control character (U+{code:04X}); type it again on one line.",
                label=self.label,
                code=ord(forbidden.group()),
            )
        if len(value) > self.char_limit:
            raise FieldProblem(
                "{label} is {size} characters long; at most {limit} are accepted.",
                label=self.label,
                size=len(value),
                limit=self.char_limit,
            )
        if self.exact_chars is not None and len(value) != self.exact_chars:
            raise FieldProblem(
                "{label} must be exactly {n} character(s).", label=self.label, n=self.exact_chars
            )
        encoding = self.encoding or ("utf-8" if self.max_bytes is not None else None)
        if encoding is None:
            return
        try:
            encoded = value.encode(encoding)
        except UnicodeEncodeError as exc:
            if self.secret:
                raise FieldProblem(
                    "{label} contains a character that {encoding} cannot carry.",
                    label=self.label,
                    encoding=encoding.upper(),
                ) from None
            raise FieldProblem(
                "{label} contains '{char}', which {encoding} cannot carry.",
                label=self.label,
                char=value[exc.start : exc.end],
                encoding=encoding.upper(),
            ) from None
        limit = self.byte_limit
        if limit is not None and len(encoded) > limit:
            raise FieldProblem(
                "{label} is {size} bytes in {encoding}; the broker accepts at most {limit}.",
                label=self.label,
                size=len(encoded),
                encoding=encoding.upper(),
                limit=limit,
            )


def _blank(text: str, fld: Field) -> bool:
    return (text.strip() if fld.strip else text) == ""


def _parse_text(fld: Field, raw: Any) -> str:
    if not isinstance(raw, str):
        raise FieldProblem("{label} must be text.", label=fld.label)
    return raw.strip() if fld.strip else raw


def _parse_number(fld: Field, raw: Any, whole: bool) -> int | float:
    template = "{label} must be a whole number." if whole else "{label} must be a number."
    number: int | float
    if isinstance(raw, bool):
        raise FieldProblem(template, label=fld.label)
    if isinstance(raw, int):
        number = raw
    elif isinstance(raw, float):
        if not math.isfinite(raw) or (whole and not raw.is_integer()):
            raise FieldProblem(template, label=fld.label)
        number = int(raw) if whole else raw
    elif isinstance(raw, str):
        text = raw.strip()
        pattern = _INT_TEXT if whole else _FLOAT_TEXT
        if not pattern.fullmatch(text):
            raise FieldProblem(template, label=fld.label)
        number = int(text) if whole else float(text)
    else:
        raise FieldProblem(template, label=fld.label)
    if abs(number) >= _NUMBER_LIMIT:  # ints first: math.isfinite(10**400) overflows
        raise FieldProblem("{label} is too large.", label=fld.label)
    if (fld.minimum is not None and number < fld.minimum) or (
        fld.maximum is not None and number > fld.maximum
    ):
        raise FieldProblem(
            "{label} must be between {lo:g} and {hi:g} (got {value:g}).",
            label=fld.label,
            lo=fld.minimum if fld.minimum is not None else float("-inf"),
            hi=fld.maximum if fld.maximum is not None else float("inf"),
            value=number,
        )
    return number


def _parse_int(fld: Field, raw: Any) -> int:
    return int(_parse_number(fld, raw, whole=True))


def _parse_float(fld: Field, raw: Any) -> float:
    return float(_parse_number(fld, raw, whole=False))


def _parse_port(fld: Field, raw: Any) -> int:
    port = _parse_int(fld, raw)
    if not 1 <= port <= 65535:
        raise FieldProblem(
            "{label} must be between 1 and 65535 (got {value}).", label=fld.label, value=port
        )
    return port


_HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


def is_host(text: str) -> bool:
    """A DNS name (RFC 1123), an IPv4 or an IPv6 address."""
    try:
        ipaddress.ip_address(text.strip("[]"))
        return True
    except ValueError:
        pass
    name = text.rstrip(".")
    if not name or len(name) > 253 or re.fullmatch(r"[0-9.]+", name):
        return False
    return all(_HOST_LABEL.match(label) for label in name.split("."))


def is_loopback(host: str) -> bool:
    """Only this machine can reach it (a name that is not an address counts as reachable)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _parse_host(fld: Field, raw: Any) -> str:
    text = _parse_text(fld, raw)
    if not is_host(text):
        if _FORBIDDEN.search(text) or len(text) > fld.char_limit:
            fld._check_text(text)  # the precise reason, without echoing a control character
        raise FieldProblem(
            "{label} '{value}' is not a host name or IP address.", label=fld.label, value=text
        )
    return text


def _parse_bool(fld: Field, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = raw.strip().lower() if isinstance(raw, str) else repr(raw)
    if text in {"1", "true", "yes", "on", "y"}:
        return True
    if text in {"0", "false", "no", "off", "n"}:
        return False
    raise FieldProblem("{label} must be true or false.", label=fld.label)


def _parse_choice(fld: Field, raw: Any) -> str:
    text = raw.strip() if isinstance(raw, str) else None
    values = [value for value, _ in fld.choices]
    if text not in values:
        raise FieldProblem(
            "{label} must be one of: {options}.", label=fld.label, options=", ".join(values)
        )
    return text


def _parse_list(fld: Field, raw: Any) -> str:
    if isinstance(raw, list | tuple):
        if not all(isinstance(item, str) for item in raw):
            raise FieldProblem("{label} must be text.", label=fld.label)
        items: list[str] = list(raw)
    elif isinstance(raw, str):
        items = raw.split(fld.separator)
    else:
        raise FieldProblem("{label} must be text.", label=fld.label)
    fld._check_text(fld.separator.join(items))
    cleaned = [item.strip() for item in items if item.strip()]
    if not cleaned:
        raise FieldProblem("{label} is required.", label=fld.label)
    if fld.item_kind is ItemKind.ENDPOINT:
        for item in cleaned:
            host, _, port = item.rpartition(":")
            if (
                not is_host(host)
                or not re.fullmatch(r"[0-9]{1,5}", port)
                or not (1 <= int(port) <= 65535)
            ):
                raise FieldProblem(
                    "{label}: '{item}' is not host:port.", label=fld.label, item=item
                )
    return fld.separator.join(cleaned)


_PARSERS = {
    FieldKind.TEXT: _parse_text,
    FieldKind.SECRET: _parse_text,
    FieldKind.PATH: _parse_text,
    FieldKind.INT: _parse_int,
    FieldKind.FLOAT: _parse_float,
    FieldKind.PORT: _parse_port,
    FieldKind.HOST: _parse_host,
    FieldKind.BOOL: _parse_bool,
    FieldKind.CHOICE: _parse_choice,
    FieldKind.LIST: _parse_list,
}


Rule = Callable[[Mapping[str, Any]], Mapping[str, Problem]]


@dataclass(frozen=True)
class Schema:
    """The ordered fields of one broker's login form, plus rules that span fields."""

    fields: tuple[Field, ...]
    rules: tuple[Rule, ...] = ()

    def __post_init__(self) -> None:
        keys = [fld.key for fld in self.fields]
        if len(keys) != len(set(keys)):
            raise ValueError(f"duplicate field keys in schema: {keys}")

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    def __contains__(self, key: object) -> bool:
        return any(fld.key == key for fld in self.fields)

    def field(self, key: str) -> Field:
        for fld in self.fields:
            if fld.key == key:
                return fld
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(fld.key for fld in self.fields)

    @property
    def secret_keys(self) -> frozenset[str]:
        return frozenset(fld.key for fld in self.fields if fld.secret)

    def defaults(self) -> dict[str, Any]:
        return {fld.key: fld.default for fld in self.fields if fld.default is not None}

    def problems(self, values: Mapping[str, Any]) -> dict[str, Problem]:
        """Every field's problem, keyed by field key; empty when the values are valid."""
        return self._parse_all(values)[1]

    def problems_of(self, key: str, value: Any) -> Problem | None:
        """The problem of one field's value alone (unknown keys have one too)."""
        if key not in self:
            return self._unknown(key)
        try:
            self.field(key).parse(value)
        except FieldProblem as exc:
            return exc.problem
        return None

    def _unknown(self, key: object) -> Problem:
        return Problem(
            "Unknown field '{key}'; the fields are: {keys}.",
            {"key": str(key), "keys": ", ".join(self.keys)},
        )

    def _parse_all(self, values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Problem]]:
        found: dict[str, Problem] = {}
        for key in values:
            if key not in self:
                found[str(key)] = self._unknown(key)
        parsed: dict[str, Any] = {}
        for fld in self.fields:
            try:
                parsed[fld.key] = fld.parse(values.get(fld.key))
            except FieldProblem as exc:
                found[fld.key] = exc.problem
        if not found:
            for rule in self.rules:
                found.update(rule(parsed))
        return parsed, found

    def validate(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The typed values, or InvalidSettings naming every bad field."""
        parsed, found = self._parse_all(values)
        if found:
            raise InvalidSettings({key: str(problem) for key, problem in found.items()})
        return parsed

    def relaxed(self, keep: Collection[str]) -> Schema:
        """The same form with only the `keep` fields required: a diagnosis needs where the
        broker is, not who logs in (every value given is still checked)."""
        return Schema(
            tuple(
                fld if fld.key in keep or not fld.required else replace(fld, required=False)
                for fld in self.fields
            ),
            self.rules,
        )

    def public(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The values that may be written to disk: everything the schema does not mark secret."""
        secret = self.secret_keys
        return {key: value for key, value in values.items() if key in self and key not in secret}

    def secrets_in(self, values: Mapping[str, Any]) -> list[str]:
        """The secret values present, for redaction."""
        return [str(values[key]) for key in self.secret_keys if values.get(key)]


def merge(*layers: Mapping[str, Any] | None) -> dict[str, Any]:
    """Later layers win; None values in a layer do not override."""
    out: dict[str, Any] = {}
    for layer in layers:
        if layer:
            out.update({key: value for key, value in layer.items() if value is not None})
    return out
