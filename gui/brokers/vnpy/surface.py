"""The vnpy surface the driver binds: an event engine of its own per login, the event types it
listens to, and the gateway (`connect(setting)` / `close()`, `default_name`, `exchanges`);
and which gateways are installed, with the `default_setting` each declares.

Only the loading differs between vnpy with an installed gateway (binding), the built-in
simulated CTP gateway and a test stand-in. The installed gateways are read from their source,
never imported: installed `vnpy_*` distributions are scanned for `BaseGateway` subclasses, so
neither start-up nor editing the form imports a gateway (some load native trading libraries).
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from gui.core.errors import SdkUnavailable


class EventEngineApi(Protocol):
    """vnpy's `EventEngine` as the driver uses it; handlers get a vnpy `Event` (its `.data`)."""

    def register(self, type: str, handler: Callable[[Any], None]) -> None: ...

    def unregister(self, type: str, handler: Callable[[Any], None]) -> None: ...

    def put(self, event: Any) -> None: ...  # the gateway's events (vnpy's Event)

    def start(self) -> None: ...

    def stop(self) -> None: ...


class GatewayApi(Protocol):
    """vnpy's `BaseGateway` as the driver uses it."""

    def connect(self, setting: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class VnpyApi:
    new_engine: Callable[[], EventEngineApi]  # a fresh engine: one per login, stopped at logout
    event_log: str
    event_account: str
    event_contract: str
    make_gateway: Callable[[EventEngineApi, str], GatewayApi]  # (engine, gateway_name)
    gateway_name: str  # the gateway's default_name
    default_setting: Mapping[str, Any]
    exchanges: tuple[str, ...]
    origin: str  # module:Class, for the session panel


# -- the gateways installed, read from their source -------------------------------------


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
        name = dist.metadata["Name"] or ""
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


def _literal_setting(node: ast.ClassDef) -> dict[str, Any] | None:
    for item in node.body:
        target = (
            item.target
            if isinstance(item, ast.AnnAssign)
            else (
                item.targets[0] if isinstance(item, ast.Assign) and len(item.targets) == 1 else None
            )
        )
        expression = item.value if isinstance(item, ast.AnnAssign | ast.Assign) else None
        if isinstance(target, ast.Name) and target.id == "default_setting" and expression:
            try:
                value = ast.literal_eval(expression)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                return None
            return dict(value) if isinstance(value, dict) else None
    return None


def _class_setting(module: str, cls: str, hops: int) -> dict[str, Any] | None:
    """default_setting of `module.cls`, following `from .x import cls` re-exports (a package's
    `__init__` re-exporting its gateway, as `vnpy_ctp:CtpGateway` does) and base classes."""
    source = _module_file(module)
    if source is None or hops > 4:
        return None
    try:
        tree = ast.parse(source.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == cls:
            found = _literal_setting(node)
            for base in node.bases:  # inherited from a base class, here or imported
                if found is None and isinstance(base, ast.Name) and base.id != "BaseGateway":
                    found = _class_setting(module, base.id, hops + 1)
            return found
    package = module if source.name == "__init__.py" else module.rpartition(".")[0]
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom):
            continue
        for alias in node.names:
            if (alias.asname or alias.name) != cls:
                continue
            try:
                origin = importlib.util.resolve_name(
                    "." * node.level + (node.module or ""), package
                )
            except (ImportError, ValueError):
                return None
            return _class_setting(origin, alias.name, hops + 1)
    return None


@functools.lru_cache(maxsize=64)
def static_default_setting(path: str) -> dict[str, Any] | None:
    """The gateway's default_setting when its source spells it as a literal, else None."""
    try:
        module, cls = split_path(path)
    except SdkUnavailable:
        return None
    return _class_setting(module, cls, 0)
