"""Kingdom's real binding, through ctypes: the LBM plugin via our extern "C" shim, and the
KCBP C client library found next to it."""

from __future__ import annotations

import ctypes
import ctypes.util
import struct
import sys
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from gui.brokers.kingdom.surface import (
    ENCODING,
    ConnectOption,
    InitInfo,
    KcbpConfig,
    KingdomApis,
    abi,
)
from gui.core.errors import SdkMismatch, SdkUnavailable

KCBP_NAMES = ("KCBPCli.dll",) if sys.platform == "win32" else ("libKCBPCli.so",)
ERROR_BUFFER = 1024
SHIM_HELP = (
    "Build it with packaging/kingdom_shim/build-linux.sh (or build-windows.ps1) against Kingdom's "
    "plugin SDK, and keep the plugin library next to it."
)


def _decode(raw: bytes) -> str:
    return raw.split(b"\0", 1)[0].decode(ENCODING, errors="replace")


def _library(path: Path) -> ctypes.CDLL:
    """stdcall (WinDLL) on 32-bit Windows, cdecl elsewhere."""
    if sys.platform == "win32" and struct.calcsize("P") == 4:
        return ctypes.WinDLL(str(path))  # type: ignore[attr-defined]
    return ctypes.CDLL(str(path))


class ShimPlugin:
    """The vendor's LBM_Plugin, reached through lbm_shim."""

    def __init__(self, shim_path: Path) -> None:
        if not shim_path.is_file():
            raise SdkUnavailable(f"The plugin shim {shim_path} does not exist. {SHIM_HELP}")
        try:
            lib = ctypes.CDLL(str(shim_path))  # our shim is extern "C", cdecl everywhere
        except OSError as exc:
            raise SdkMismatch(f"The plugin shim could not be loaded: {exc}. {SHIM_HELP}") from None
        for name in ("lbm_abi", "lbm_create", "lbm_init", "lbm_close", "lbm_last_error"):
            if not hasattr(lib, name):
                raise SdkMismatch(f"{shim_path} is not the Kingdom shim (no {name}).")
        lib.lbm_abi.argtypes = (ctypes.POINTER(ctypes.c_int), ctypes.c_int)
        lib.lbm_abi.restype = ctypes.c_int
        lib.lbm_create.restype = ctypes.c_void_p
        lib.lbm_destroy.argtypes = (ctypes.c_void_p,)
        lib.lbm_init.argtypes = (
            ctypes.c_void_p,
            ctypes.POINTER(InitInfo),
            ctypes.POINTER(KcbpConfig),
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.c_int,
        )
        lib.lbm_init.restype = ctypes.c_int
        lib.lbm_close.argtypes = (ctypes.c_void_p,)
        lib.lbm_last_error.argtypes = (
            ctypes.c_void_p,
            ctypes.c_short,
            ctypes.c_char_p,
            ctypes.c_int,
        )
        lib.lbm_last_error.restype = ctypes.c_int
        lib.lbm_connected.argtypes = (ctypes.c_void_p,)
        lib.lbm_connected.restype = ctypes.c_int
        expected = abi()
        reported = (ctypes.c_int * len(expected))()
        lib.lbm_abi(reported, len(expected))
        if list(reported) != expected:
            raise SdkMismatch(
                f"The shim was built with another struct layout (sizes and offsets {list(reported)}"
                f", expected {expected}): rebuild it against Kingdom's header for this platform."
            )
        self._lib = lib
        self._handle = lib.lbm_create()
        if not self._handle:
            raise SdkUnavailable("The plugin shim could not create the plugin (out of memory).")
        self.folder = shim_path.parent

    def init(
        self,
        info: InitInfo,
        config: KcbpConfig,
        threads: int,
        log_name: bytes,
        algo_name: bytes,
        log_open: bool,
    ) -> int:
        return int(
            self._lib.lbm_init(
                self._handle,
                ctypes.byref(info),
                ctypes.byref(config),
                threads,
                log_name,
                algo_name,
                1 if log_open else 0,
            )
        )

    def close(self) -> None:
        self._lib.lbm_close(self._handle)

    def last_error(self, kind: int) -> str:
        buffer = ctypes.create_string_buffer(ERROR_BUFFER)
        self._lib.lbm_last_error(self._handle, kind, buffer, ERROR_BUFFER)
        return _decode(buffer.raw)

    def connected(self) -> bool:
        return bool(self._lib.lbm_connected(self._handle))


def find_kcbp_client(near: Path) -> Path:
    """KCBPCli next to the shim first, then wherever the system loader would find it."""
    for name in KCBP_NAMES:
        if (near / name).is_file():
            return near / name
    found = ctypes.util.find_library("KCBPCli")
    if found:
        return Path(found)
    raise SdkUnavailable(
        f"The KCBP client library ({' or '.join(KCBP_NAMES)}) is neither next to the shim in "
        f"{near} nor on the library path: copy it from Kingdom's SDK."
    )


class KcbpClientLib:
    """KCBPCLI_* from KCBPCli.dll / libKCBPCli.so."""

    def __init__(self, path: Path) -> None:
        try:
            lib = _library(path)
        except OSError as exc:
            raise SdkMismatch(f"The KCBP client {path} could not be loaded: {exc}") from None
        handle_p = ctypes.POINTER(ctypes.c_void_p)
        signatures = {
            "KCBPCLI_Init": (handle_p,),
            "KCBPCLI_SetOptions": (ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_int),
            "KCBPCLI_SetCliTimeOut": (ctypes.c_void_p, ctypes.c_int),
            "KCBPCLI_ConnectServer": (
                ctypes.c_void_p,
                ctypes.c_char_p,
                ctypes.c_char_p,
                ctypes.c_char_p,
            ),
            "KCBPCLI_GetErr": (ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.c_char_p),
            "KCBPCLI_DisConnect": (ctypes.c_void_p,),
            "KCBPCLI_Exit": (ctypes.c_void_p,),
        }
        for name, argtypes in signatures.items():
            try:
                function = getattr(lib, name)
            except AttributeError:
                raise SdkMismatch(f"{path} has no {name}: is it Kingdom's KCBP client?") from None
            function.argtypes = argtypes
            function.restype = ctypes.c_int
        self._lib = lib
        self._handle = ctypes.c_void_p()

    def init(self) -> int:
        return int(self._lib.KCBPCLI_Init(ctypes.byref(self._handle)))

    def set_options(self, option: ConnectOption) -> int:
        return int(
            self._lib.KCBPCLI_SetOptions(
                self._handle, 0, ctypes.byref(option), ctypes.sizeof(option)
            )
        )

    def set_timeout(self, seconds: int) -> int:
        return int(self._lib.KCBPCLI_SetCliTimeOut(self._handle, seconds))

    def connect(self, server: bytes, user: bytes, password: bytes) -> int:
        return int(self._lib.KCBPCLI_ConnectServer(self._handle, server, user, password))

    def error(self) -> tuple[int, str]:
        code = ctypes.c_int()
        buffer = ctypes.create_string_buffer(ERROR_BUFFER)
        self._lib.KCBPCLI_GetErr(self._handle, ctypes.byref(code), buffer)
        return code.value, _decode(buffer.raw)

    def disconnect(self) -> int:
        return int(self._lib.KCBPCLI_DisConnect(self._handle))

    def exit(self) -> int:
        rc = int(self._lib.KCBPCLI_Exit(self._handle))
        self._handle = ctypes.c_void_p()
        return rc


def load(settings: Mapping[str, Any]) -> KingdomApis:
    """The shim at sdk_path (ctypes) and the KCBP client next to it."""
    if not settings.get("sdk_path"):
        raise SdkUnavailable(
            "Set the plugin shim: the lbm_shim library built against Kingdom's plugin SDK "
            "(packaging/kingdom_shim)."
        )
    plugin = ShimPlugin(Path(str(settings["sdk_path"])).expanduser())
    client_path = find_kcbp_client(plugin.folder)
    return KingdomApis(
        plugin,
        partial(KcbpClientLib, client_path),
        f"shim {settings['sdk_path']}, KCBP client {client_path} (ctypes)",
    )


def describe(apis: KingdomApis, _settings: Mapping[str, Any]) -> str:
    """The loaded shim (its struct layout checked) and KCBP client (for a diagnosis)."""
    return f"{apis.runtime}; struct layout matches"
