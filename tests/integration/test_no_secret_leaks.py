"""Unique canary secrets through every broker, every failure path and every output: nothing a
command prints, no file under HOME or the config folder, holds a canary in any form (as typed,
stripped, escaped, percent-encoded, hex or base64)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.integration.test_vnpy import require_vnpy

ROOT = Path(__file__).resolve().parents[2]
STANDINS = Path(__file__).parent / "standins"
CANARY = "  Zq9 凱基密碼 canary Xk7  "  # spaces around, non-ASCII inside


def forms(secret: str) -> set[str]:
    """Every shape a leaked secret could take in text."""
    core = secret.strip()
    shapes = {secret, core, repr(secret)[1:-1], json.dumps(secret)[1:-1], quote(core, safe="")}
    shapes |= {core.encode().hex(), base64.b64encode(core.encode()).decode()}
    return {shape for shape in shapes if len(shape.strip()) >= 6}


def assert_nowhere(text: str, secret: str = CANARY) -> None:
    for shape in forms(secret):
        assert shape not in text, f"the secret leaked as {shape!r}"


def files_under(*folders: Path) -> str:
    texts = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                texts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(texts)


@pytest.fixture
def home(tmp_path: Path, config_dir: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    path = os.pathsep.join(filter(None, [str(STANDINS), os.environ.get("PYTHONPATH", "")]))
    return {
        **os.environ,
        "HOME": str(home),
        "BROKER_CONSOLE_CONFIG_DIR": str(config_dir),
        "PYTHONPATH": path,
        "CANARY": CANARY,
    }


def check(env: dict[str, str], broker: str, *args: str) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "check", broker, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
        env=env,
    )
    return proc.returncode, proc.stdout + proc.stderr


ASCII_CANARY = "  Zq9 canary Xk7  "  # header values (LongPort's token) are ASCII
SHORT_CANARY = " Zq9凱基Xk7 "  # Hundsun's password is C16: 14 bytes here
SIMULATED = [
    ("kgi", "password", CANARY),
    ("longport", "app_secret", CANARY),
    ("longport", "access_token", ASCII_CANARY),
    ("hundsun", "password", SHORT_CANARY),
    ("kingdom", "operator_password", " Zq9 凱基 Xk7 "),
    ("kingdom", "kcbp_password", " Zq9凱基Xk7"),
    ("rootnet", "operator_password", CANARY),
    ("vnpy", "密码", CANARY),
]


@pytest.mark.parametrize(("broker", "key", "secret"), SIMULATED)
@pytest.mark.parametrize("as_json", [True, False])
def test_a_wrong_canary_secret_never_shows(home, config_dir, broker, key, secret, as_json):
    args = ["--simulator", "--secret", f"{key}=CANARY", *(["--json"] if as_json else [])]
    exit_code, output = check({**home, "CANARY": secret}, broker, *args)
    assert exit_code == 4, output  # it was used: the simulator refused it
    assert_nowhere(output, secret)
    assert_nowhere(files_under(Path(home["HOME"]), config_dir), secret)


@pytest.mark.parametrize("secret", ["Zq9\r\nXk7-canary", "Zq9-canary\n", "\x1bZq9-canary"])
def test_a_secret_with_a_line_break_is_refused_without_echo(home, secret) -> None:
    exit_code, output = check(
        {**home, "CANARY": secret}, "kgi", "--simulator", "--secret", "password=CANARY", "--json"
    )
    assert exit_code == 2
    assert "password" in json.loads(output.splitlines()[-1])["fields"]
    for part in secret.split():
        assert part.strip("\x1b") not in output or len(part.strip("\x1b")) < 6


def test_vendor_code_that_echoes_the_password_is_masked(home, config_dir) -> None:
    require_vnpy()
    exit_code, output = check(
        home, "vnpy", "--set", "gateway=vnpy_hostile:EchoesThePassword", "--set", "user=u1",
        "--secret", "password=CANARY", "--json",
    )  # fmt: skip
    assert exit_code == 3, output
    assert "connecting with password=" in output  # the line is there, its secret is not
    assert_nowhere(output)
    assert_nowhere(files_under(Path(home["HOME"]), config_dir))


def test_a_broker_that_echoes_the_token_is_masked(home) -> None:
    class Echo(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_GET(self) -> None:
            token = self.headers.get("Authorization", "")
            body = json.dumps({"code": 401004, "message": f"token {token} invalid"}).encode()
            self.send_response(401)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("x-trace-id", token)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        token = "Zq9-canary-token-Xk7"  # a header value: ASCII only
        exit_code, output = check(
            {**home, "CANARY": token}, "longport", "--set", "region=custom",
            "--set", f"http_url=http://127.0.0.1:{server.server_address[1]}",
            "--set", "app_key=key", "--secret", "app_secret=CANARY",
            "--secret", "access_token=CANARY", "--json",
        )  # fmt: skip
    finally:
        server.shutdown()
        server.server_close()
    assert exit_code == 4, output
    assert_nowhere(output, token)
