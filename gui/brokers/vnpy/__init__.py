"""Any vnpy gateway (`BaseGateway.connect(setting)` / `close()`), seed 001. vnpy is optional and
imported only to log in (in the login's worker); the built-in simulator needs none of it.

The form is the gateway's own `default_setting`, which the surface reads from the installed
gateways' source without importing them (gui/brokers/vnpy/surface.py)."""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from gui.brokers.vnpy import surface
from gui.brokers.vnpy.codes import NATIVE_CODES
from gui.core.errors import InvalidSettings, SdkUnavailable
from gui.core.lockout import LockoutRule
from gui.core.registry import (
    AFTER_HOURS,
    DROP_AFTER_LOGIN,
    DROP_AFTER_LOGIN_HELP,
    BrokerSpec,
    Environment,
    package_surface,
    scenarios_from,
    url,
)
from gui.core.schema import Field, FieldKind, Schema
from gui.core.terminal_info import (
    NEEDED_FOR_AUTHENTICATION,
    TerminalField,
    machine_facts,
    shown,
)

# A setting whose key names a password, secret, token or key — in any language — is a secret.
SECRET_KEY = re.compile(
    r"pass(word)?|passwd|pwd|secret|token|key|auth.?code|密码|密碼|口令|密钥|秘钥|令牌|授权码|授權碼"
    r"|授权编码|授權編碼|パスワード|비밀번호",
    re.IGNORECASE,
)
INSTALL_HINT = (
    "vnpy is not installed: pip install broker-login-console[vnpy] (the full vnpy, which pins "
    "its own PySide6), or pip install --no-deps vnpy for just the core this console needs; then "
    "install the gateway (e.g. pip install vnpy_ctp)."
)


def is_secret(key: str) -> bool:
    return bool(SECRET_KEY.search(key))


def fields_from_setting(default_setting: Mapping[str, Any]) -> tuple[Field, ...]:
    """list → choice, int/float → number, bool → checkbox, str → text (or secret)."""
    fields: list[Field] = []
    for key, value in default_setting.items():
        if isinstance(value, bool):
            fields.append(Field(key, key, FieldKind.BOOL, default=value))
        elif isinstance(value, int):
            fields.append(Field(key, key, FieldKind.INT, default=value))
        elif isinstance(value, float):
            fields.append(Field(key, key, FieldKind.FLOAT, default=value))
        elif isinstance(value, list | tuple):
            choices = tuple((str(v), str(v)) for v in value)
            fields.append(
                Field(
                    key,
                    key,
                    FieldKind.CHOICE,
                    default=choices[0][0] if choices else None,
                    choices=choices,
                )
            )
        elif is_secret(key):
            fields.append(Field(key, key, FieldKind.SECRET, strip=False))
        else:
            fields.append(Field(key, key, default=str(value) if value else None))
    return tuple(fields)


GATEWAY_FIELD = Field(
    "gateway",
    "Gateway",
    required=True,
    help="An installed vnpy gateway (found in vnpy_* packages) or module:Class.",
)
# The built-in simulator: a CTP-like gateway (vnpy_ctp's settings) and what it can play.
SIMULATED_SETTING: dict[str, Any] = {
    "用户名": "",
    "密码": "",
    "经纪商代码": "9999",
    "交易服务器": "tcp://127.0.0.1:10201",
    "行情服务器": "tcp://127.0.0.1:10211",
    "产品名称": "simnow_client_test",
    "授权编码": "0000000000000000",
}
SCENARIOS: dict[str, str] = {
    "normal": "Connects, logs in with password 'demo', sends contracts and the account.",
    "disconnect_4097": "The trading front cannot be reached: disconnected with CTP reason 4097.",
    "auth_failed_63": "The client authentication (授权编码) is refused: CTP ErrorID 63.",
    "silent": "Connects and never logs in: login timeout.",
    DROP_AFTER_LOGIN: DROP_AFTER_LOGIN_HELP,
    AFTER_HOURS: "After hours: the CTP front is down, the gateway logs disconnect reason 4097.",
}
SIMULATOR_SCHEMA = Schema(fields_from_setting(SIMULATED_SETTING))


def resolve_schema(environment: Environment, values: Mapping[str, Any]) -> Schema:
    """Simulator: the simulated CTP gateway's settings. Live: the gateway field, then the chosen
    gateway's own default_setting (read from its source, not imported)."""
    if environment is Environment.SIMULATOR:
        return SIMULATOR_SCHEMA
    gateway = replace(GATEWAY_FIELD, suggestions=surface.discover())
    setting = surface.static_default_setting(str(values.get("gateway") or "")) or {}
    own = tuple(f for f in fields_from_setting(setting) if f.key != "gateway")
    return Schema((gateway, *own))


# vnpy_ctp's keys for CTP's client authentication (穿透式认证): AppID and AuthCode.
CTP_APP_ID, CTP_AUTH_CODE = "产品名称", "授权编码"


def terminal_preview(values: Mapping[str, Any]) -> list[TerminalField]:
    """A CTP gateway sends the AppID and AuthCode it is given; the look-through data itself
    (IP, MAC, disk, CPU, OS) is collected by the CTP API library inside the login, where the
    console cannot see it: what that library will find on this machine is listed, checked.
    Gateways without these settings send nothing the console knows of."""
    if CTP_APP_ID not in values and CTP_AUTH_CODE not in values:
        return []
    app_id, auth_code = str(values.get(CTP_APP_ID) or ""), str(values.get(CTP_AUTH_CODE) or "")
    needed = NEEDED_FOR_AUTHENTICATION
    return [
        TerminalField(
            f"{CTP_APP_ID} (AppID)", app_id, "the form", True, problem="" if app_id else needed
        ),
        TerminalField(
            f"{CTP_AUTH_CODE} (AuthCode)",
            shown(auth_code, True),
            "the form",
            True,
            sensitive=True,
            problem="" if auth_code else needed,
        ),
        TerminalField(
            "look-through data (IP, MAC, disk, CPU, OS)",
            "collected by the CTP API during the login",
            "the CTP library (not visible to the console)",
            True,
        ),
        *machine_facts("this machine, as the CTP API will read it"),
    ]


def _notice(environment: Environment) -> str:
    if environment is Environment.LIVE and importlib.util.find_spec("vnpy") is None:
        return INSTALL_HINT
    return ""


def preflight(environment: Environment, values: Mapping[str, Any]) -> None:
    """Before the form is resolved: the chosen gateway's module must be installed (else its
    settings could only look like unknown fields)."""
    if environment is not Environment.LIVE or not values.get("gateway"):
        return
    try:
        module, _ = surface.split_path(str(values["gateway"]))
    except SdkUnavailable as exc:
        raise InvalidSettings({"gateway": exc.reason}) from None
    try:
        found = importlib.util.find_spec(module.split(".")[0])
    except (ImportError, ValueError) as exc:
        raise SdkUnavailable(f"The gateway module {module} cannot be found: {exc}") from None
    if found is None:
        raise SdkUnavailable(
            f"The gateway module {module} is not installed (No module named "
            f"'{module.split('.')[0]}'): pip install {module.split('.')[0]}"
        )


_URL = re.compile(r"(?i)^(tcp|ssl|https?)://\S+$")
_HOST_PORT = re.compile(r"^\[?[\w.:-]+\]?:\d{1,5}$")
_SERVER_KEY = re.compile(r"(?i)server|address|addr|host|front|服务器|伺服器|地址")


def endpoints(settings: Mapping[str, Any]) -> list[str]:
    """The `tcp://` / `ssl://` / `http(s)://` addresses in the gateway's settings; a bare
    `host:port` under a server-like key counts as TCP (vnpy_ctp adds `tcp://` itself)."""
    found: list[str] = []
    for key, value in settings.items():
        text = str(value or "").strip()
        if _URL.match(text):
            found.append(text)
        elif _HOST_PORT.match(text) and _SERVER_KEY.search(str(key)):
            host, _, port = text.rpartition(":")
            found.append(url(host, int(port)))
    return list(dict.fromkeys(found))


SPEC = BrokerSpec(
    id="vnpy",
    title="vnpy gateway",
    schema=Schema((GATEWAY_FIELD,)),
    driver="gui.brokers.vnpy.driver:VnpyDriver",
    surface=package_surface(__name__),
    scenarios=scenarios_from(SCENARIOS),
    endpoints=endpoints,
    simulator_defaults={"用户名": "000001"},
    schema_resolver=resolve_schema,
    notice=_notice,
    preflight=preflight,
    terminal_info=terminal_preview,
    # CTP ends repeated wrong passwords with ErrorID 75 (CTP:连续登录失败次数超限，登录被禁止),
    # seen after a loop of ErrorID 3 (sun0x00/redtorch#68). The count is the futures company's
    # setting: 5 is common (not confirmed for every company).
    lockout=LockoutRule(
        5,
        "CTP locks the account after repeated wrong passwords (ErrorID 75, 连续登录失败次数超限), "
        "commonly after 5.",
    ),
    user_key="用户名",  # vnpy_ctp's setting for the CTP user ID
    native_codes=NATIVE_CODES,
    venues=("CN_FUTURES",),
)
