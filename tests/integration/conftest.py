"""Stand-ins for vendor SDKs, compiled for real at test time (C# with Mono's mcs)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.system_components import require_tool

STANDIN = Path(__file__).parent / "kgi_standin"
KINGDOM_STANDIN = Path(__file__).parent / "kingdom_standin"
SHIM_BUILD = Path(__file__).resolve().parents[2] / "packaging" / "kingdom_shim" / "build-linux.sh"


def mcs(*args: str | Path) -> None:
    compiler = require_tool("mcs", "install Debian's mono-devel (scripts/test.sh does)")
    subprocess.run([compiler, "-nologo", *map(str, args)], check=True, capture_output=True)


def build_kgi_sdk(folder: Path, *defines: str) -> Path:
    """Package.dll, PushClient.dll and TradeCom.dll, as KGI ships them, into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    mcs("-target:library", f"-out:{folder / 'Package.dll'}", STANDIN / "Package.cs")
    mcs("-target:library", f"-out:{folder / 'PushClient.dll'}", STANDIN / "PushClient.cs")
    mcs(
        "-target:library",
        f"-r:{folder / 'Package.dll'}",
        f"-r:{folder / 'PushClient.dll'}",
        *[f"-define:{d}" for d in defines],
        f"-out:{folder / 'TradeCom.dll'}",
        STANDIN / "TradeCom.cs",
    )
    return folder


@pytest.fixture(scope="session")
def kgi_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_kgi_sdk(tmp_path_factory.mktemp("kgi-sdk"))


@pytest.fixture(scope="session")
def kgi_sdk_lowercase(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_kgi_sdk(tmp_path_factory.mktemp("kgi-sdk-lower"), "LOWERCASE_LOGOUT")


@pytest.fixture(scope="session")
def kgi_sdk_inconsistent(tmp_path_factory: pytest.TempPathFactory, kgi_sdk: Path) -> Path:
    """TradeCom.dll built against a Package.dll that a later Package.dll no longer matches."""
    folder = tmp_path_factory.mktemp("kgi-sdk-mixed")
    shutil.copy(kgi_sdk / "TradeCom.dll", folder)
    shutil.copy(kgi_sdk / "PushClient.dll", folder)
    other = folder / "OtherPackage.cs"
    other.write_text(
        "namespace Package { public class PackageBase2 { public ushort DT; } }\n"
        "namespace Intelligence { public enum COM_STATUS { CONNECT_READY = 0 }\n"
        "  public enum RECOVER_STATUS { RS_BEGIN = 0, RS_DONE = 1 } }\n",
        encoding="utf-8",
    )
    mcs("-target:library", f"-out:{folder / 'Package.dll'}", other)
    return folder


def build_kingdom(folder: Path, header_dir: Path = KINGDOM_STANDIN) -> Path:
    """The stand-in plugin and KCBP client (g++/gcc), and our shim built by its own script."""
    gxx = require_tool("g++", "install Debian's g++ (scripts/test.sh does)")
    gcc = require_tool("gcc", "install Debian's gcc (scripts/test.sh does)")
    folder.mkdir(parents=True, exist_ok=True)
    flags = ["-shared", "-fPIC", "-Wall", "-Wextra", "-Werror"]
    subprocess.run(
        [
            gxx,
            "-std=c++17",
            *flags,
            "-I",
            str(header_dir),
            "-o",
            str(folder / "libLBM_Plugin.so"),
            str(KINGDOM_STANDIN / "LBM_Plugin.cpp"),
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [gcc, *flags, "-o", str(folder / "libKCBPCli.so"), str(KINGDOM_STANDIN / "kcbpcli.c")],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            "bash",
            str(SHIM_BUILD),
            str(header_dir),
            str(folder),
            "LBM_Plugin",
            str(folder / "liblbm_shim.so"),
        ],
        check=True,
        capture_output=True,
    )
    return folder / "liblbm_shim.so"


@pytest.fixture(scope="session")
def kingdom_shim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_kingdom(tmp_path_factory.mktemp("kingdom"))


@pytest.fixture(scope="session")
def kgi_server() -> Iterator[tuple[str, int]]:
    """A TCP endpoint the stand-in's LoginDirect really connects to."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[:2]
    stop.set()
    thread.join(timeout=2)
    for conn in held:
        conn.close()
    listener.close()


kcbp_server = kgi_server  # the KCBP stand-in connects over TCP the same way


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
