"""What this installation runs on: versions and the .NET runtime pythonnet would use.

Found without starting the runtime, so a broken Mono or .NET install cannot crash the report.
"""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata
from typing import Any

from gui import __version__


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def default_dotnet_runtime() -> str:
    """pythonnet's default: .NET Framework on Windows, Mono elsewhere; PYTHONNET_RUNTIME wins."""
    chosen = os.environ.get("PYTHONNET_RUNTIME", "").strip().lower()
    return chosen or ("netfx" if sys.platform == "win32" else "mono")


def dotnet_runtime() -> str:
    kind = default_dotnet_runtime()
    try:
        if kind == "mono":
            from clr_loader.util.find import find_libmono

            found = find_libmono()
            return (
                f"mono ({found})" if found else "mono: not found (Debian: apt install mono-devel)"
            )
        if kind == "coreclr":
            from clr_loader.util.find import find_runtimes

            runtimes = [f"{r.name} {r.version}" for r in find_runtimes()]
            return f"coreclr ({', '.join(runtimes)})" if runtimes else "coreclr: not found"
        return f"{kind} (.NET Framework, part of Windows)" if kind == "netfx" else kind
    except Exception as exc:  # a probe must never take the report down
        return f"{kind}: could not probe ({type(exc).__name__}: {exc})"


def credential_store() -> str:
    """Where remembered passwords would go in this session (or that there is nowhere)."""
    from gui.core.errors import CredentialStoreError
    from gui.core.vault import secure_backend

    try:
        backend = secure_backend()
    except CredentialStoreError:
        return "none: passwords cannot be remembered in this session"
    except Exception as exc:  # a probe must never take the report down
        return f"could not probe ({type(exc).__name__}: {exc})"
    return f"{type(backend).__module__}.{type(backend).__name__}"


def report() -> dict[str, str]:
    frozen = "frozen build" if getattr(sys, "frozen", False) else "source"
    return {
        "app": f"{__version__} ({frozen})",
        "python": platform.python_version(),
        "platform": platform.platform(),
        "pythonnet": package_version("pythonnet"),
        ".NET runtime": dotnet_runtime(),
        "credentials": credential_store(),
    }


def module_facts(module: Any) -> str:
    """An imported vendor module as support asks for it: name, version, where it was loaded
    from."""
    name = getattr(module, "__name__", "?")
    version = getattr(module, "__version__", None) or package_version(name.split(".")[0])
    where = getattr(module, "__file__", None) or "built in"
    return f"{name} {version} ({where})"
