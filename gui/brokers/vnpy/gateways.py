"""Finding vnpy gateways and turning their `default_setting` into a form, without importing them.

Installed `vnpy_*` distributions are scanned for `BaseGateway` subclasses, and a gateway's
`default_setting` is read from its source, so neither start-up nor editing the form imports a
gateway (some load native trading libraries). The class is imported when logging in.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gui.core.errors import SdkUnavailable
from gui.core.schema import Field, FieldKind

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


def _gateway_classes(tree: ast.Module) -> list[ast.ClassDef]:
    def named(base: ast.expr) -> str:
        return base.id if isinstance(base, ast.Name) else getattr(base, "attr", "")

    return [
        node
        for node in tree.body
        if isinstance(node, ast.ClassDef) and any(named(b) == "BaseGateway" for b in node.bases)
    ]


@functools.lru_cache(maxsize=1)
def discover() -> tuple[str, ...]:
    """`module:Class` for every BaseGateway subclass in installed vnpy_* distributions."""
    import importlib.metadata  # only when the vnpy form is first wanted: it is slow to import

    found: list[str] = []
    for dist in importlib.metadata.distributions():
        name = dist.metadata.get("Name") or ""
        if not re.match(r"vnpy[_-]", name, re.IGNORECASE):
            continue
        for file in dist.files or ():
            if file.suffix != ".py":
                continue
            try:
                tree = ast.parse(Path(str(dist.locate_file(file))).read_text(encoding="utf-8"))
            except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
                continue
            module = ".".join(Path(str(file)).with_suffix("").parts).removesuffix(".__init__")
            found += [f"{module}:{node.name}" for node in _gateway_classes(tree)]
    return tuple(sorted(set(found)))


def split_path(path: str) -> tuple[str, str]:
    module, _, cls = path.strip().partition(":")
    if not module or not cls:
        raise SdkUnavailable(f"'{path}' is not module:Class (e.g. vnpy_ctp:CtpGateway).")
    return module, cls


def _module_file(module: str) -> Path | None:
    """The module's source file, located without importing anything."""
    top, *rest = module.split(".")
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    if not rest:
        return Path(spec.origin)
    base = Path(spec.origin).parent
    for candidate in (base.joinpath(*rest).with_suffix(".py"), base.joinpath(*rest, "__init__.py")):
        if candidate.is_file():
            return candidate
    return None


@functools.lru_cache(maxsize=64)
def static_default_setting(path: str) -> dict[str, Any] | None:
    """The gateway's default_setting when its source spells it as a literal, else None."""
    try:
        module, cls = split_path(path)
    except SdkUnavailable:
        return None
    source = _module_file(module)
    if source is None:
        return None
    try:
        tree = ast.parse(source.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and node.name == cls):
            continue
        for item in node.body:
            target = (
                item.target
                if isinstance(item, ast.AnnAssign)
                else (
                    item.targets[0]
                    if isinstance(item, ast.Assign) and len(item.targets) == 1
                    else None
                )
            )
            if isinstance(target, ast.Name) and target.id == "default_setting" and item.value:
                try:
                    value = ast.literal_eval(item.value)
                except ValueError:
                    return None
                return dict(value) if isinstance(value, dict) else None
    return None


def load_gateway_class(path: str) -> type:
    """Import the gateway (blocking: call it in a worker)."""
    module, cls = split_path(path)
    try:
        imported = importlib.import_module(module)
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] == "vnpy":
            raise SdkUnavailable(INSTALL_HINT) from None
        raise SdkUnavailable(f"The gateway module {module} cannot be imported: {exc}") from None
    gateway = getattr(imported, cls, None)
    if not isinstance(gateway, type):
        raise SdkUnavailable(f"{module} has no gateway class {cls}.")
    return gateway
