"""KGI's real binding: the .NET SDK (Package, PushClient, TradeCom) loaded through pythonnet.

Once per process (each login has a worker process of its own, so another SDK folder needs no
restart) and off the GUI thread. Every way the load can fail ends as a typed SdkUnavailable (a
connect failure) that says what to do.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gui.brokers.kgi.surface import KgiSdk
from gui.core.errors import SdkMismatch, SdkUnavailable
from gui.core.runtime_info import default_dotnet_runtime, package_version

ASSEMBLIES = ("Package", "PushClient", "TradeCom")
MONO_PREFIXES = (
    "/usr",
    "/usr/local",
    "/opt/mono",
    "/Library/Frameworks/Mono.framework/Versions/Current",
)

_lock = threading.Lock()
_loaded: tuple[Path, KgiSdk] | None = None


def load(settings: Mapping[str, Any]) -> KgiSdk:
    """The real `Smart.TaiFexCom` from the user's SDK folder (blocking: call it in a worker)."""
    global _loaded
    folder = sdk_folder(settings.get("sdk_dir"))
    with _lock:
        if _loaded is not None:
            loaded_folder, sdk = _loaded
            if loaded_folder == folder:
                return sdk
            raise SdkUnavailable(
                f"KGI's SDK from {loaded_folder} is already loaded in this process and .NET cannot "
                f"unload it; {folder} needs a process of its own."
            )
        kind = start_runtime()
        sdk = _bind(folder, kind)
        _loaded = (folder, sdk)
        return sdk


def sdk_folder(value: object) -> Path:
    if not value:
        raise SdkUnavailable(
            "Set the SDK folder: the folder holding KGI's Package.dll, PushClient.dll and "
            "TradeCom.dll (from KGI's API download)."
        )
    folder = Path(str(value)).expanduser().resolve()
    if not folder.is_dir():
        raise SdkUnavailable(f"The SDK folder {folder} does not exist.")
    missing = [f"{name}.dll" for name in ASSEMBLIES if not (folder / f"{name}.dll").is_file()]
    if missing:
        raise SdkUnavailable(
            f"The SDK folder {folder} lacks {', '.join(missing)}: copy KGI's whole API folder "
            "(all three DLLs and their companions) there."
        )
    return folder


def start_runtime() -> str:
    """Start pythonnet's runtime (its default, or PYTHONNET_RUNTIME); returns which one."""
    kind = default_dotnet_runtime()
    if kind == "mono":
        _check_mono()
        # Before Mono starts: events fired from several .NET threads otherwise deadlock on the GIL.
        os.environ.setdefault("MONO_THREADS_SUSPEND", "preemptive")
    try:
        import pythonnet

        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Hosting Mono versions before")
            pythonnet.load()
        _skip_runtime_shutdown(pythonnet)
    except ImportError:
        raise SdkUnavailable("pythonnet is not installed: pip install pythonnet") from None
    except Exception as exc:
        hint = {
            "mono": "on Debian/Ubuntu install mono-devel (apt install mono-devel)",
            "netfx": "the .NET Framework 4.x must be enabled in Windows Features",
            "coreclr": "install the .NET runtime and set PYTHONNET_CORECLR_RUNTIME_CONFIG",
        }.get(kind, f"check PYTHONNET_RUNTIME={kind}")
        cause = exc.__cause__ or exc
        raise SdkMismatch(
            f"The .NET runtime ({kind}) could not start: {type(cause).__name__}: {cause}. "
            f"To fix: {hint}."
        ) from None
    return kind


def _skip_runtime_shutdown(pythonnet: Any) -> None:
    """Shutting .NET down at exit crashes Mono before 6.12 (Debian 12 ships 6.8) in
    mono_jit_cleanup, turning a clean exit code into SIGSEGV; it buys nothing while the process
    ends, so the OS reclaims the runtime instead."""
    atexit.unregister(pythonnet.unload)
    from clr_loader import mono

    release = getattr(mono, "_release", None)
    if release is not None:
        atexit.unregister(release)


def _check_mono() -> None:
    """Mono without its netstandard facade makes pythonnet abort the process: check first."""
    from clr_loader.util.find import find_libmono

    if find_libmono() is None:
        raise SdkUnavailable(
            "Mono is not installed, and the KGI SDK needs a .NET runtime: on Debian/Ubuntu install "
            "mono-devel (apt install mono-devel)."
        )
    prefixes = [os.environ.get("MONO_PREFIX", ""), *MONO_PREFIXES]
    if not any(
        Path(prefix, "lib/mono/4.5/Facades/netstandard.dll").is_file()
        for prefix in prefixes
        if prefix
    ):
        raise SdkUnavailable(
            "Mono is installed without its netstandard facade, which pythonnet needs: install "
            "mono-devel (apt install mono-devel)."
        )


def _bind(folder: Path, kind: str) -> KgiSdk:
    import clr  # pythonnet's module, importable once the runtime is loaded

    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))  # pythonnet resolves dependent assemblies from sys.path
    for name in ASSEMBLIES:
        try:
            clr.AddReference(name)
        except Exception as exc:
            raise SdkMismatch(
                f"{name}.dll in {folder} could not be loaded: {_dotnet_error(exc)}. The files "
                "may be damaged or built for another platform: copy KGI's API folder again."
            ) from None
    try:
        from Smart import TaiFexCom  # type: ignore[import-not-found]
        from System import Boolean, Nullable, UInt16  # type: ignore[import-not-found]
    except ImportError:
        raise SdkMismatch(
            f"TradeCom.dll in {folder} does not define Smart.TaiFexCom: is this KGI's futures API?"
        ) from None
    except Exception as exc:
        raise SdkMismatch(_type_load_message(exc, folder)) from None
    nullable_bool = Nullable[Boolean]
    return KgiSdk(
        TaiFexCom=_guard_type_load(TaiFexCom, folder),
        ushort=UInt16,
        char=str,  # pythonnet passes a one-character str as System.Char
        nullable_bool=nullable_bool,
        runtime=f"{kind} via pythonnet {package_version('pythonnet')}",
    )


def _guard_type_load(cls: Any, folder: Path) -> Any:
    """The constructor, with a version-inconsistent SDK reported as such."""

    def construct(host: str, port: Any, source_id: str) -> Any:
        try:
            return cls(host, port, source_id)
        except Exception as exc:
            if "TypeLoad" in type(exc).__name__ or "TypeLoad" in str(exc):
                raise SdkMismatch(_type_load_message(exc, folder)) from None
            raise

    return construct


def _type_load_message(exc: BaseException, folder: Path) -> str:
    root = _innermost(exc)
    type_name = getattr(root, "TypeName", None) or ""
    named = f" (type {type_name})" if type_name else ""
    return (
        f"KGI's SDK in {folder} is inconsistent{named}: {_dotnet_error(root)}. The DLLs come from "
        "different KGI versions: replace the whole folder with one download."
    )


def _innermost(exc: BaseException) -> BaseException:
    """The .NET cause under pythonnet's wrappers (InnerException chain)."""
    while True:
        inner = getattr(exc, "InnerException", None)
        if inner is None:
            return exc
        exc = inner


def _dotnet_error(exc: BaseException) -> str:
    message = getattr(exc, "Message", None) or str(exc)
    return f"{type(exc).__name__}: {str(message).strip().splitlines()[0] if message else ''}"


def describe(sdk: KgiSdk, settings: Mapping[str, Any]) -> str:
    """The loaded assemblies with their versions, and the runtime (for a diagnosis)."""
    from System.Reflection import AssemblyName  # type: ignore[import-not-found]

    folder = sdk_folder(settings.get("sdk_dir"))
    versions = []
    for name in ASSEMBLIES:
        try:
            version = str(AssemblyName.GetAssemblyName(str(folder / f"{name}.dll")).Version)
        except Exception as exc:
            version = f"version unreadable ({_dotnet_error(exc)})"
        versions.append(f"{name}.dll {version}")
    return f"{', '.join(versions)} in {folder}; {sdk.runtime}"
