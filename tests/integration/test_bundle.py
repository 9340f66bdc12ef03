"""The support bundle from the command line: what desk support needs (the day's session logs
with LOGIN_READY, the diagnoses, the runtime report, the settings) and no secret of any session
in any form — plain, hex or base64 — in the bundle or in the log folder."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli(config_dir: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "gui", *args, "--json"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=90,
        env={**os.environ, "BROKER_CONSOLE_CONFIG_DIR": str(config_dir), **(env or {})},
    )  # fmt: skip
    return proc.returncode, json.loads(proc.stdout.splitlines()[-1])


def forms(secret: str) -> list[bytes]:
    raw = secret.encode()
    return [
        raw,
        raw.hex().encode(),
        raw.hex().upper().encode(),
        base64.b64encode(raw),
        base64.b64encode(raw).rstrip(b"="),
    ]


def test_the_bundle_holds_the_evidence_and_no_secret(config_dir: Path, tmp_path: Path) -> None:
    canaries = {name: f"cnry-{name}-{uuid.uuid4().hex[:12]}" for name in ("pw", "sec", "tok")}
    in_file = f"cnry-file-{uuid.uuid4().hex[:12]}"
    config_dir.mkdir(parents=True)
    (config_dir / "profiles.json").write_text(
        json.dumps(
            {
                "format": 1,
                "brokers": {
                    "kgi": {"environment": "simulator", "simulator": {"password": in_file}}
                },
            }
        ),
        encoding="utf-8",
    )
    ok = cli(config_dir, "check", "kgi", "--simulator", "--secret", "password=PW",
             env={"PW": "demo"})  # fmt: skip
    assert ok[0] == 0, ok
    rejected = cli(config_dir, "check", "kgi", "--simulator", "--secret", "password=PW",
                   env={"PW": canaries["pw"]})  # fmt: skip
    assert rejected[0] == 4, rejected
    signed = cli(
        config_dir, "check", "longport", "--simulator", "--secret", "app_secret=S",
        "--secret", "access_token=T", env={"S": canaries["sec"], "T": canaries["tok"]},
    )  # fmt: skip
    assert signed[0] in (4, 6), signed
    diagnosed = cli(
        config_dir, "diagnose", "kgi", "--simulator", "--login", "--secret", "password=PW",
        env={"PW": canaries["pw"]},
    )  # fmt: skip
    assert diagnosed[1]["class"] == "login_rejected"

    out = tmp_path / "ticket.zip"
    code, result = cli(config_dir, "bundle", "--out", str(out), "--days", "1", "--diagnose")
    assert code == 0 and result["ok"], result

    with zipfile.ZipFile(out) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["manifest.json"])
    assert {f["name"] for f in manifest["files"]} == set(members) - {"manifest.json"}
    day = b"".join(data for name, data in members.items() if name.startswith("sessions/"))
    events = [json.loads(line) for line in day.decode("utf-8").splitlines()]
    assert any(e["broker"] == "kgi" and e["status"] == "LOGIN_READY" for e in events)
    assert any(e["status"] == "DIAGNOSIS" for e in events)
    assert "diagnoses/diagnosis-kgi.json" in members
    assert b"result        PASS" in members["runtime.txt"]
    settings = json.loads(members["settings.json"])
    assert settings["kgi"]["environment"] == "simulator"

    logged = [path for path in (config_dir / "logs").rglob("*") if path.is_file()]
    everything = list(members.items()) + [(str(path), path.read_bytes()) for path in logged]
    for secret in [*canaries.values(), in_file]:
        for form in forms(secret):
            leaks = [name for name, data in everything if form in data]
            assert not leaks, (secret, form, leaks)
