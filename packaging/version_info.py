"""The Windows version resource, generated from the package version at build time."""

from __future__ import annotations

from PyInstaller.utils.win32.versioninfo import (
    FixedFileInfo,
    StringFileInfo,
    StringStruct,
    StringTable,
    VarFileInfo,
    VarStruct,
    VSVersionInfo,
)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    numbers = [int("".join(ch for ch in part if ch.isdigit()) or 0) for part in version.split(".")]
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def version_info(version: str, name: str, title: str) -> VSVersionInfo:
    numbers = version_tuple(version)
    strings = [
        StringStruct("CompanyName", title),
        StringStruct("FileDescription", title),
        StringStruct("FileVersion", version),
        StringStruct("InternalName", name),
        StringStruct("OriginalFilename", f"{name}.exe"),
        StringStruct("ProductName", title),
        StringStruct("ProductVersion", version),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo([StringTable("040904B0", strings)]),
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
