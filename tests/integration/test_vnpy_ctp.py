"""The real vnpy_ctp gateway (built by scripts/test.sh) with fronts nobody answers on: `check`
ends with exit 5 at its bound, never with the SIGSEGV (139) its timer used to cause once the
console had closed the gateway."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.system_components import missing

ROOT = Path(__file__).resolve().parents[2]
DRIVER_LOGIN_BOUND = 30.0  # the vnpy driver's own wait for a gateway that confirms nothing


def require_vnpy_ctp() -> None:
    if importlib.util.find_spec("vnpy_ctp") is None:
        missing("vnpy_ctp is missing: scripts/test.sh builds it")


def start(*timeout: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gui",
            "check",
            "vnpy",
            "--json",
            "--set",
            "gateway=vnpy_ctp:CtpGateway",
            "--set",
            "用户名=000001",
            "--secret",
            "密码=PW",
            "--set",
            "经纪商代码=9999",
            "--set",
            "交易服务器=tcp://127.0.0.1:1",
            "--set",
            "行情服务器=tcp://127.0.0.1:1",
            *timeout,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PW": "not-a-real-password"},
    )


def test_unreachable_fronts_exit_5_at_every_bound_never_139() -> None:
    require_vnpy_ctp()
    runs = {bound: start("--timeout", bound) for bound in ("5", "10")} | {"default": start()}
    started = time.monotonic()
    for bound, proc in runs.items():
        out, err = proc.communicate(timeout=90)
        elapsed = time.monotonic() - started
        result = json.loads(out.splitlines()[-1])
        assert proc.returncode == 5, (bound, proc.returncode, result, err[-2000:])
        assert result["exit"] == 5 and "Timed out" in result["reason"]
        limit = DRIVER_LOGIN_BOUND if bound == "default" else float(bound)
        assert elapsed < limit + 3, (bound, elapsed)
    assert any(
        e.get("text", "").startswith("CTP.connect()") for e in map(json.loads, out.splitlines())
    )
