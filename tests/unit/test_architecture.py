"""The shape of the code: one broker template, a Qt-free core, no import cycle, and the shared
mechanics in one place (README, Layout)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from gui.brokers import default_registry
from gui.core.blocking import BlockingDriver
from gui.core.registry import Environment

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "gui"
BROKERS = sorted(p for p in (GUI / "brokers").iterdir() if (p / "__init__.py").is_file())
TEMPLATE = {"__init__.py", "surface.py", "binding.py", "simulator.py", "driver.py", "codes.py"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {
    ".".join(p.relative_to(ROOT).with_suffix("").parts[:-1] if p.name == "__init__.py"
             else p.relative_to(ROOT).with_suffix("").parts)
    for p in GUI.rglob("*.py")
}  # fmt: skip


def _run_time_imports(tree: ast.Module, *, function_level: bool) -> list[ast.stmt]:
    """Import statements that run (an `if TYPE_CHECKING:` block's never do); with
    `function_level`, those inside functions too (they are edges all the same, only later)."""
    found: list[ast.stmt] = []

    def walk(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.Import | ast.ImportFrom):
                found.append(node)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                if function_level:
                    walk(node.body)
            elif hasattr(node, "body"):
                for field in ("body", "orelse", "finalbody", "handlers"):
                    walk(getattr(node, field, []))

    walk(tree.body)
    return found


def imported_modules(path: Path, *, function_level: bool = False) -> set[str]:
    """gui.* modules the file imports at module level (and in functions, if asked)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in _run_time_imports(tree, function_level=function_level):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from package import module` depends on that module (every submodule's parents
            # load first, for anyone: not an edge of its own); `from module import name` on it.
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & MODULES
            names.update(submodules or {node.module})
            if len(submodules) < len(node.names):
                names.add(node.module)
    return names & MODULES


def top_level_imports(path: Path) -> set[str]:
    return imported_modules(path)


def test_six_brokers_each_with_the_same_files() -> None:
    assert [p.name for p in BROKERS] == ["hundsun", "kgi", "kingdom", "longport", "rootnet", "vnpy"]
    for folder in BROKERS:
        assert {p.name for p in folder.glob("*.py")} == TEMPLATE, folder.name


@pytest.mark.parametrize("folder", BROKERS, ids=lambda p: p.name)
def test_the_template_layers(folder: Path) -> None:
    package = f"gui.brokers.{folder.name}"
    codes = top_level_imports(folder / "codes.py")
    assert not [m for m in codes if m.startswith("gui.brokers")], "the code table is a leaf"
    surface = top_level_imports(folder / "surface.py") - {f"{package}.codes"}
    assert not [m for m in surface if m.startswith("gui.brokers")], "the surface is a leaf"
    driver = top_level_imports(folder / "driver.py")
    assert not {f"{package}.binding", f"{package}.simulator"} & driver, "drivers see the surface"
    assert f"{package}.surface" in driver
    simulator = imported_modules(folder / "simulator.py", function_level=True)
    if folder.name != "longport":  # no vendor SDK: its binding is our signed HTTP client, the
        # way to reach the simulator's HTTP server (docs/ARCHITECTURE.md, The broker contract)
        assert f"{package}.binding" not in simulator, "a simulator never loads a vendor SDK"
    spec = imported_modules(folder / "__init__.py", function_level=True)
    assert not {f"{package}.binding", f"{package}.simulator", f"{package}.driver"} & spec


@pytest.mark.parametrize("spec", list(default_registry()), ids=lambda s: s.id)
def test_each_spec_picks_live_or_simulator_in_one_place(spec) -> None:
    assert spec.driver == f"gui.brokers.{spec.id}.driver:{spec.driver.split(':')[1]}"
    driver = spec.create_driver(Environment.SIMULATOR, "normal")
    assert isinstance(driver, BlockingDriver)
    assert spec.surface is not None
    assert spec.surface(Environment.SIMULATOR, "normal").__module__ in (
        f"gui.brokers.{spec.id}.simulator",
        "functools",  # a partial of the simulator's load
    )


def test_no_import_cycle_among_modules_function_level_imports_included() -> None:
    graph = {
        module_name(p): imported_modules(p, function_level=True) - {module_name(p)}
        for p in GUI.rglob("*.py")
    }
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> None:
        if node in done:
            return
        assert node not in visiting, "import cycle: " + " -> ".join([*path, node])
        visiting.add(node)
        for child in sorted(graph.get(node, ())):
            visit(child, [*path, node])
        visiting.discard(node)
        done.add(node)

    for module in sorted(graph):
        visit(module, [])


def test_no_private_name_is_imported_from_another_module() -> None:
    crossing = []
    for path in GUI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gui"):
                crossing += [
                    f"{module_name(path)}: {node.module}.{alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_") and not alias.name.startswith("__")
                ]
    assert crossing == []


def test_the_cli_is_a_package_of_one_module_per_command_with_reasoned_lazy_imports() -> None:
    cli = GUI / "cli"
    assert not (GUI / "cli.py").exists()
    from gui.cli.parser import COMMANDS

    assert sorted(COMMANDS) == [
        "account",
        "bundle",
        "check",
        "diagnose",
        "explain",
        "simulate",
        "terminal-info",
        "watch",
    ]
    for name in COMMANDS:
        assert (cli / f"{name.replace('-', '_')}.py").is_file(), name
    for path in cli.glob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines))
        lazy = {node.lineno for node in _run_time_imports(tree, function_level=True)}
        lazy -= {node.lineno for node in _run_time_imports(tree, function_level=False)}
        unexplained = [n for n in sorted(lazy) if "#" not in lines[n - 1]]
        assert unexplained == [], f"{path.name}: a function-level import needs its reason"


def test_executor_calls_and_release_live_in_the_shared_base_only() -> None:
    """The copied `_call` helper and release blocks are gone: vendor threads are the base's."""
    for path in (GUI / "brokers").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "run_in_executor" not in text, path
        assert "ThreadPoolExecutor" not in text, path


def test_worker_package_is_qt_free() -> None:
    for path in (GUI / "worker").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom | ast.Import):
                names = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [alias.name for alias in node.names]
                )
                assert not any(n.startswith(("PySide6", "qasync", "gui.ui")) for n in names)


@pytest.mark.parametrize("spec", list(default_registry()), ids=lambda s: s.id)
def test_each_broker_can_be_diagnosed(spec) -> None:
    """The template's diagnosis hooks: where the broker is, what its SDK loaded, and where a
    diagnosis reaches its simulator."""
    import importlib

    assert spec.endpoints is not None
    binding = importlib.import_module(f"gui.brokers.{spec.id}.binding")
    simulator = importlib.import_module(f"gui.brokers.{spec.id}.simulator")
    assert callable(binding.describe) and callable(simulator.front)
    from gui.core.login import layered_values

    schema, values = layered_values(spec, Environment.SIMULATOR, {}, {})
    settings = schema.relaxed(spec.endpoint_keys).validate(values)
    with simulator.front("normal", settings) as urls:
        assert urls and all("://127.0.0.1:" in url for url in urls)
