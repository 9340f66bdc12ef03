"""Size and start-up of the packaged console against a bare PySide6 window packaged the same way.

Not a test: it prints figures. Run after `packaging/build-linux.sh` (it builds the bare window
itself, with the same PyInstaller options and excludes):

    build/venv/bin/python packaging/benchmark.py [--runs 7] [--instructions]

Goal to report against: size at most 1.3x and start-up at most 1.5x the bare window. It prints
a table, then the same figures as one JSON line. `--instructions` also counts the instructions
each one runs up to its shown window, under valgrind's callgrind (Debian `valgrind`): the same
on every run, so a change of a few percent shows on a machine whose speed drifts by a fifth.

A second reference, for what the goal cannot show: the same bare executable run with
`--qt-namespace` first uses PySide6's `Qt` namespace (one label alignment), which builds its 93
enums at once. A window with a table header, a dock or an aligned label cannot avoid that cost,
and a window of one plain label never pays it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_DIR = ROOT / "dist" / "BrokerLoginConsole"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
SIZE_GOAL, STARTUP_GOAL = 1.3, 1.5
RUN_BOUND_SECONDS = 300.0  # one run, under callgrind too (about 50 times slower)

HELLO = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication(sys.argv)
    label = QLabel("hello")
    if "--qt-namespace" in sys.argv:
        from PySide6.QtCore import Qt
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.show()
    app.processEvents()
    print("shown", flush=True)
    """
)


def folder_size(path: Path) -> int:
    """Bytes on disk, each file once (PyInstaller links shared libraries by symlink)."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_hello(workdir: Path) -> Path:
    """Package the bare window with the console's own spec options (one folder, no UPX)."""
    sys.path.insert(0, str(ROOT / "packaging"))
    script = workdir / "hello.py"
    script.write_text(HELLO, encoding="utf-8")
    spec_text = (ROOT / "packaging" / "broker_console.spec").read_text(encoding="utf-8")
    excludes = spec_text[
        spec_text.index("EXCLUDES = [") : spec_text.index("]", spec_text.index("EXCLUDES = [")) + 1
    ]
    spec = workdir / "hello.spec"
    spec.write_text(
        f"{excludes}\n"
        f"a = Analysis([{str(script)!r}], excludes=EXCLUDES, noarchive=False)\n"
        "pyz = PYZ(a.pure)\n"
        "exe = EXE(pyz, a.scripts, [], name='hello', exclude_binaries=True, console=True,"
        " strip=False, upx=False)\n"
        "COLLECT(exe, a.binaries, a.datas, strip=False, upx=False, name='hello')\n",
        encoding="utf-8",
    )
    pyinstaller = Path(sys.executable).with_name("pyinstaller" + EXE_SUFFIX)
    subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(workdir / "dist"),
            "--workpath",
            str(workdir / "build"),
            str(spec),
        ],
        check=True,
    )
    return workdir / "dist" / "hello"


@contextlib.contextmanager
def bounded(proc: subprocess.Popen[bytes]) -> Iterator[None]:
    """A program that hangs (never shows its window, never ends) is killed after the bound."""
    timer = threading.Timer(RUN_BOUND_SECONDS, proc.kill)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def time_to_first_line(command: list[str]) -> float:
    """Seconds from spawn to the first line on stdout (printed once the window is shown)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    with (
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        ) as proc,
        bounded(proc),
    ):
        assert proc.stdout is not None
        proc.stdout.readline()
        elapsed = time.perf_counter() - started
        proc.stdout.read()
        proc.wait()
    return elapsed


def instructions_to_first_line(command: list[str], workdir: Path) -> int:
    """Instructions (callgrind's Ir, every process the bootloader starts) up to the first line;
    the program is then ended, so what it does after the shown window is not counted."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = workdir / f"callgrind-{Path(command[0]).name}"
    with (
        subprocess.Popen(
            [
                "valgrind",
                "--tool=callgrind",
                "--trace-children=yes",
                f"--callgrind-out-file={out}.%p",
                *command,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        ) as proc,
        bounded(proc),
    ):
        assert proc.stdout is not None
        proc.stdout.readline()
        proc.send_signal(signal.SIGTERM)  # callgrind writes its counts as the program ends
        proc.wait()
    total = 0
    for path in workdir.glob(f"{out.name}.*"):  # one file per process (empty if it exec'd)
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        total += sum(int(line.split()[1]) for line in lines if line.startswith("summary:"))
        path.unlink()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (needs valgrind)"
    )
    args = parser.parse_args()
    if not APP_DIR.is_dir():
        sys.exit(f"{APP_DIR} is missing: run packaging/build-linux.sh first")
    if args.instructions and shutil.which("valgrind") is None:
        sys.exit("--instructions counts with valgrind: install it (Debian: apt install valgrind)")
    with tempfile.TemporaryDirectory(prefix="bench-hello-") as tmp:
        hello_dir = build_hello(Path(tmp))
        hello = str(hello_dir / f"hello{EXE_SUFFIX}")
        commands = {
            "console": [
                str(APP_DIR / f"BrokerLoginConsole{'-debug' if EXE_SUFFIX else ''}{EXE_SUFFIX}"),
                "--self-test",
                "startup",
            ],
            "bare": [hello],
            "bare_qt_namespace": [hello, "--qt-namespace"],
        }
        for command in commands.values():  # warm the file cache once
            time_to_first_line(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so drift hits all alike
            for name, command in commands.items():
                times[name].append(time_to_first_line(command))
        app_size, hello_size = folder_size(APP_DIR), folder_size(hello_dir)
        counts = (
            {name: instructions_to_first_line(c, Path(tmp)) for name, c in commands.items()}
            if args.instructions
            else None
        )
    start = {name: statistics.median(runs) for name, runs in times.items()}
    size_ratio, start_ratio = app_size / hello_size, start["console"] / start["bare"]
    reference_ratio = start["console"] / start["bare_qt_namespace"]
    print(f"{'':24}{'console':>12}{'bare PySide6':>14}{'ratio':>8}{'goal':>8}")
    print(
        f"{'folder size (MiB)':24}{app_size / 2**20:12.1f}{hello_size / 2**20:14.1f}"
        f"{size_ratio:8.2f}{SIZE_GOAL:7.1f}x {'met' if size_ratio <= SIZE_GOAL else 'MISSED'}"
    )
    verdict = "met" if start_ratio <= STARTUP_GOAL else "MISSED"
    print(
        f"{'start-up median (ms)':24}{start['console'] * 1000:12.0f}{start['bare'] * 1000:14.0f}"
        f"{start_ratio:8.2f}{STARTUP_GOAL:7.1f}x {verdict}"
    )
    if counts is not None:
        print(
            f"{'instructions (M)':24}{counts['console'] / 1e6:12.0f}{counts['bare'] / 1e6:14.0f}"
            f"{counts['console'] / counts['bare']:8.2f}"
        )
    print(
        f"{'  bare + Qt namespace':24}{'':12}{start['bare_qt_namespace'] * 1000:14.0f}"
        f"{reference_ratio:8.2f}  (reference, not the goal)"
    )
    if counts is not None:
        print(
            f"{'  its instructions (M)':24}{'':12}{counts['bare_qt_namespace'] / 1e6:14.0f}"
            f"{counts['console'] / counts['bare_qt_namespace']:8.2f}"
        )
    print(
        f"runs: {args.runs} each, interleaved; start-up = spawn to the first line printed after "
        "the window is shown (offscreen)"
    )
    figures = {
        "runs": args.runs,
        "folder_mib": {"console": round(app_size / 2**20, 1), "bare": round(hello_size / 2**20, 1)},
        "startup_median_ms": {name: round(value * 1000) for name, value in start.items()},
        "startup_min_ms": {name: round(min(runs) * 1000) for name, runs in times.items()},
        "ratios": {
            "folder": round(size_ratio, 2),
            "startup": round(start_ratio, 2),
            "startup_to_bare_qt_namespace": round(reference_ratio, 2),
        },
        "goals": {"folder": SIZE_GOAL, "startup": STARTUP_GOAL},
    }
    if counts is not None:
        figures["instructions_m"] = {
            **{name: round(count / 1e6) for name, count in counts.items()},
            "ratio": round(counts["console"] / counts["bare"], 2),
            "ratio_to_bare_qt_namespace": round(counts["console"] / counts["bare_qt_namespace"], 2),
        }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
