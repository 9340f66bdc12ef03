"""Named accounts and remembered passwords through the CLI, against a real Secret Service
(gnome-keyring-daemon on a private D-Bus bus) and the KGI simulator."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.secret_service import NO_BUS, SecretService

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, list[dict]]:
    """One command with --json: its exit code and its JSON lines (the result is the last)."""
    proc = subprocess.run(
        [sys.executable, "-m", "gui", *args, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, **(env or {})},
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines and lines[-1]["kind"] == "result", proc.stdout + proc.stderr
    return proc.returncode, lines


def forms(secret: str) -> list[bytes]:
    raw = secret.encode()
    return [raw, raw.hex().encode(), base64.b64encode(raw), base64.b64encode(raw).rstrip(b"=")]


def files_holding(folder: Path, secret: str) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_socket():
            data = path.read_bytes()
            if any(form in data for form in forms(secret)):
                found.append(str(path))
    return found


def keyring_entry(service: SecretService, user: str) -> str | None:
    from gui.core.vault import SERVICE, secure_backend

    assert os.environ["DBUS_SESSION_BUS_ADDRESS"] == service.address
    return secure_backend().get_password(SERVICE, user)


def test_a_remembered_password_logs_in_until_it_is_forgotten(
    secret_service: SecretService, config_dir: Path
) -> None:
    name = f"main-{uuid.uuid4().hex[:6]}"
    code, lines = cli(
        "account", "save", "kgi", name, "--simulator", "--set", "person_id=A123456789",
        "--secret", "password=PW", "--remember", env={"PW": "demo"},
    )  # fmt: skip
    assert code == 0, lines
    assert "remembered: password" in lines[-1]["reason"]
    assert keyring_entry(secret_service, f"kgi:simulator:{name}:password") == "demo"
    assert "demo" not in (config_dir / "profiles.json").read_text(encoding="utf-8")

    code, lines = cli("check", "kgi", "--account", name)  # no --secret, no --simulator
    assert code == 0, lines
    assert any("as A123456789" in line.get("text", "") for line in lines), lines

    code, lines = cli("account", "forget", "kgi", name)
    assert code == 0 and "simulator:password" in lines[-1]["reason"], lines
    assert keyring_entry(secret_service, f"kgi:simulator:{name}:password") is None

    code, lines = cli("check", "kgi", "--account", name)
    assert code == 2, lines
    problem = lines[-1]["fields"]["password"]
    assert "--secret password=ENVVAR" in problem and f"account save kgi {name}" in problem


def test_a_wrong_remembered_password_is_really_used_and_never_written(
    secret_service: SecretService, config_dir: Path
) -> None:
    canary = f"cnry-{uuid.uuid4().hex[:12]}"
    code, lines = cli(
        "account", "save", "kgi", "wrong", "--simulator", "--secret", "password=PW",
        "--remember", env={"PW": canary},
    )  # fmt: skip
    assert code == 0, lines
    code, lines = cli("check", "kgi", "--account", "wrong")
    assert code == 4, lines  # the simulator refused the remembered (wrong) password
    assert "rejected" in lines[-1]["reason"].lower()
    assert canary not in json.dumps(lines)
    assert files_holding(config_dir, canary) == []
    assert files_holding(secret_service.home, canary) == []  # the keyring file is encrypted
    cli("account", "forget", "kgi", "wrong", "--delete")


def test_given_secrets_override_the_remembered_ones(
    secret_service: SecretService,
) -> None:
    cli(
        "account", "save", "kgi", "override", "--simulator", "--secret", "password=PW",
        "--remember", env={"PW": "not-the-password"},
    )  # fmt: skip
    code, lines = cli(
        "check", "kgi", "--account", "override", "--secret", "password=PW", env={"PW": "demo"}
    )
    assert code == 0, lines
    cli("account", "forget", "kgi", "override", "--delete")


def test_without_a_secret_service_remembering_is_refused_and_nothing_is_written(
    config_dir: Path,
) -> None:
    assert os.environ["DBUS_SESSION_BUS_ADDRESS"] == NO_BUS
    code, lines = cli(
        "account", "save", "kgi", "main", "--simulator", "--secret", "password=PW",
        "--remember", env={"PW": "demo"},
    )  # fmt: skip
    assert code == 3, lines
    reason = lines[-1]["reason"]
    assert "cannot be remembered" in reason and "gnome-keyring" in reason
    assert "Nothing was saved" in reason
    assert not (config_dir / "profiles.json").exists()
    # Saving the account without --remember still works, and needs no credential store.
    code, lines = cli("account", "save", "kgi", "main", "--simulator")
    assert code == 0, lines


def test_list_says_what_is_remembered_and_never_a_secret(secret_service: SecretService) -> None:
    cli(
        "account", "save", "longport", "hedge", "--simulator", "--secret", "app_secret=S",
        "--secret", "access_token=T", "--remember", "--login-all",
        env={"S": "cnry-secret", "T": "cnry-token"},
    )  # fmt: skip
    cli("account", "save", "kgi", "plain", "--simulator", "--set", "person_id=B2")
    code, lines = cli("account", "list")
    assert code == 0
    rows = {(row["broker"], row["name"]): row for row in lines if row["kind"] == "account"}
    hedge = rows[("longport", "hedge")]
    assert hedge["remembered"] == {"simulator": ["access_token", "app_secret"]}
    assert hedge["login_all"] is True and hedge["environment"] == "simulator"
    assert rows[("kgi", "plain")]["remembered"] == {}
    assert "cnry" not in json.dumps(lines)
    code, lines = cli("account", "forget", "longport", "hedge", "--delete")
    assert code == 0
    assert keyring_entry(secret_service, "longport:simulator:hedge:app_secret") is None
    assert cli("account", "list", "longport")[1][-1]["reason"] == "0 accounts"


def test_a_profile_is_handed_over_without_its_secrets(
    secret_service: SecretService, tmp_path: Path, config_dir: Path
) -> None:
    cli(
        "account", "save", "kgi", "desk", "--simulator", "--set", "person_id=C3",
        "--secret", "password=PW", "--remember", env={"PW": "cnry-handover"},
    )  # fmt: skip
    exported = tmp_path / "desk.json"
    code, lines = cli("account", "export", "kgi", "desk", "--out", str(exported))
    assert code == 0, lines
    profile = json.loads(exported.read_text(encoding="utf-8"))
    assert profile["values"]["simulator"]["person_id"] == "C3"
    assert "cnry-handover" not in exported.read_text(encoding="utf-8")
    # A password planted in the file is not imported.
    profile["values"]["simulator"]["password"] = "planted"
    exported.write_text(json.dumps(profile), encoding="utf-8")
    code, lines = cli("account", "import", str(exported))
    assert code == 2 and "already has an account named 'desk'" in lines[-1]["reason"]
    code, lines = cli("account", "import", str(exported), "--name", "desk copy")
    assert code == 0, lines
    saved = json.loads((config_dir / "profiles.json").read_text(encoding="utf-8"))
    copy = saved["brokers"]["kgi"]["accounts"]["desk copy"]
    assert copy["simulator"]["person_id"] == "C3"
    assert "password" not in copy["simulator"] and "remembered" not in copy
    cli("account", "forget", "kgi", "desk", "--delete")


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("account", "save", "kgi", "a:b"), "':'"),
        (("account", "save", "kgi", "x", "--secret", "password=PW"), "--remember"),
        (("account", "forget", "kgi", "nobody"), "no account named 'nobody'"),
        (("check", "kgi", "--account", "nobody"), "no account 'nobody'"),
        (("account", "save", "kgi", "x", "--set", "password=p"), "never on the command line"),
    ],
)
def test_bad_account_input_is_exit_2_and_says_why(args: tuple[str, ...], field: str) -> None:
    code, lines = cli(*args, env={"PW": "demo"})
    assert code == 2, lines
    assert field in json.dumps(lines[-1], ensure_ascii=False)


def test_renaming_moves_the_remembered_password_and_deleting_forgets_it(
    secret_service: SecretService, config_dir: Path
) -> None:
    from gui.core.accounts import Accounts
    from gui.core.profiles import ProfileStore

    accounts = Accounts(ProfileStore())
    accounts.store.add_account("hundsun", "old")
    accounts.remember("hundsun", "old", "live", {"password": "cnry-move", "empty": ""})
    assert accounts.store.account("hundsun", "old").remembered == {"live": ("password",)}
    accounts.rename("hundsun", "old", "new")
    assert keyring_entry(secret_service, "hundsun:live:old:password") is None
    assert accounts.remembered_secrets("hundsun", "new", "live") == {"password": "cnry-move"}
    accounts.delete("hundsun", "new")
    assert keyring_entry(secret_service, "hundsun:live:new:password") is None
    assert not accounts.store.has_account("hundsun", "new")
