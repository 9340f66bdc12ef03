"""The lockout guard: rejected logins in a row, per broker, environment and account (or user),
counted in the config folder, so that a trader's retries (or a script's) stop before the
broker locks the account. Brokers lock accounts after a few wrong passwords: CTP ends with
ErrorID 75 "CTP:连续登录失败次数超限，登录被禁止" after repeated ErrorID 3 "CTP:不合法的登录"
(sun0x00/redtorch#68; vnpy added a pause after two failed CTP logins to avoid it,
vnpy/vnpy#417).

The guard refuses a login before any vendor call once the count reaches the stop (3 in a row,
or the broker's documented limit minus 2, whichever is lower); the user may try anyway. A
login that works resets the count; a reconnect never counts (it stops on a rejection). The
file holds counts and times only: an account's name, or a hash of its user id, never a secret.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core.errors import BrokerFailure
from gui.core.failure_class import FailureClass
from gui.core.shared_files import SharedFile

LOCKOUT_FILE = "lockouts.json"
DEFAULT_STOP = 3  # rejected logins in a row before the guard asks
LOCKOUT_EXIT = 6


@dataclass(frozen=True)
class LockoutRule:
    """What the broker does after wrong passwords: `limit` rejections in a row lock the account,
    when it is known (None: not documented); `text` says so, for the message."""

    limit: int | None = None
    text: str = ""

    def describe(self) -> str:
        """The rule and where the console stops."""
        rule = self.text or "The broker's lockout rule is not documented."
        return f"{rule} The console stops after {self.stop} rejections in a row."

    @property
    def stop(self) -> int:
        """Rejections in a row after which the next attempt is refused (at least one)."""
        if self.limit is None:
            return DEFAULT_STOP
        return max(1, min(DEFAULT_STOP, self.limit - 2))


class LockoutRisk(BrokerFailure):
    """Refused before any vendor call: the last logins of this account were rejected in a row,
    and one more may lock it at the broker."""

    exit_code = LOCKOUT_EXIT
    title = "Lockout risk"
    failure_class = FailureClass.LOCKOUT_RISK

    def __init__(self, rejected: int, rule: LockoutRule) -> None:
        self.rejected = rejected
        self.rule = rule
        super().__init__(
            f"the last {rejected} logins of this account were rejected in a row. "
            f"{rule.describe()} Nothing was sent. Check the password (or have the broker reset "
            "it), then try again: in the window, confirm the attempt; on the command line, add "
            "--allow-lockout-risk."
        )


def account_key(broker: str, environment: str, account: str | None, user: str | None) -> str:
    """Whose logins are counted: the account by name, else a hash of the user id (no user id
    in the file), else the broker in that environment."""
    if account:
        who = f"account:{account}"
    elif user:
        import hashlib  # only for a login without an account name (a CLI check)

        who = "user:" + hashlib.sha256(user.encode("utf-8", "replace")).hexdigest()[:16]
    else:
        who = "anyone"
    return f"{broker}/{environment}/{who}"


class LockoutGuard:
    """The counts, shared with every other console and command on this machine."""

    def __init__(self, folder: Path) -> None:
        self.file = SharedFile(folder / LOCKOUT_FILE)

    def rejected_in_a_row(self, key: str) -> int:
        return int(self._read().get(key, {}).get("rejected", 0))

    def check(self, key: str, rule: LockoutRule) -> None:
        """LockoutRisk when the next attempt may lock the account."""
        rejected = self.rejected_in_a_row(key)
        if rejected >= rule.stop:
            raise LockoutRisk(rejected, rule)

    def rejected(self, key: str) -> int:
        """One more rejection in a row; the count now."""
        with self.file.locked():
            counts = self._read()
            entry = counts.setdefault(key, {"rejected": 0})
            entry["rejected"] = int(entry.get("rejected", 0)) + 1
            entry["last"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
            self._write(counts)
            return int(entry["rejected"])

    def succeeded(self, key: str) -> None:
        """A login that worked: the count starts again."""
        with self.file.locked():
            counts = self._read()
            if counts.pop(key, None) is not None:
                self._write(counts)

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.file.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # none yet, or unreadable: counting starts again (never blocks a login)
        return (
            {k: v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}
        )

    def _write(self, counts: dict[str, dict[str, Any]]) -> None:
        self.file.replace(json.dumps(counts, indent=2, sort_keys=True).encode("utf-8"))
