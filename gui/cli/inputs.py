"""What a login command is given: the broker, its environment and scenario, the account's saved
values and remembered passwords, `--set` and `--secret` (never a secret from argv), and the
bound. Invalid input raises InvalidSettings (exit 2) before anything starts."""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from gui.brokers import default_registry, extra_broker_ids
from gui.cli.output import escape_controls
from gui.core.accounts import Accounts
from gui.core.errors import InvalidSettings, SdkUnavailable
from gui.core.login import layered_values
from gui.core.profiles import ProfileStore
from gui.core.registry import Environment

DEFAULT_TIMEOUT = 60.0  # as the GUI's bound (gui.core.login.LOGIN_BOUND_SECONDS)
BROKER_IDS = ("kgi", "longport", "hundsun", "kingdom", "rootnet", "vnpy", *extra_broker_ids())


def add_lockout_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--allow-lockout-risk",
        action="store_true",
        help="log in although this account's last logins were rejected in a row (the next "
        "wrong password may lock it at the broker); without it, exit 6 and nothing is sent",
    )


def add_login_arguments(command: argparse.ArgumentParser, timeout: float = DEFAULT_TIMEOUT) -> None:
    command.add_argument(
        "--simulator", action="store_true", help="use the broker's built-in simulator"
    )
    command.add_argument(
        "--scenario", help="simulator scenario (default: the account's, else normal)"
    )
    command.add_argument(
        "--account",
        metavar="NAME",
        help="use a saved account: its environment (unless --simulator), values and remembered "
        "passwords; --set and --secret still override",
    )
    command.add_argument(
        "--set",
        dest="sets",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="fill a form field by its key",
    )
    command.add_argument(
        "--secret",
        dest="secrets",
        action="append",
        default=[],
        metavar="KEY=ENVVAR",
        help="fill a secret field from an environment variable",
    )
    command.add_argument(
        "--timeout",
        default=str(timeout),
        metavar="SECONDS",
        help=f"upper bound for the whole command, in seconds (default {timeout:g})",
    )


def broker_help(broker: str) -> str:
    """The fields `--set` fills, from the broker's schema (what `check BROKER --help` adds)."""

    spec = default_registry().get(broker)
    lines = [f"\nFields of {broker} (--set KEY=VALUE; secret ones only with --secret KEY=ENVVAR):"]
    for fld in spec.schema_for(Environment.LIVE, {}):
        marks = [fld.kind.value, *(["required"] if fld.required else [])]
        if fld.default is not None:
            marks.append(f"default {fld.default!r}")
        lines.append(f"  {fld.key:<28} {fld.label} ({', '.join(marks)})")
        if fld.help:
            lines.append(f"  {'':<28} {fld.help}")
    if spec.scenarios:
        lines.append("\nSimulator scenarios (--simulator --scenario ID):")
        lines.extend(f"  {s.id:<28} {s.help}" for s in spec.scenarios)
    return "\n".join(lines) + "\n"


def positive_seconds(text: str, option: str = "--timeout") -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0 or seconds > 86_400:
        raise InvalidSettings({option: f"'{text}' is not a number of seconds above 0"})
    return seconds


def assignments(items: Sequence[str], option: str) -> dict[str, str]:

    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InvalidSettings({option: f"'{escape_controls(item)}' is not KEY=VALUE"})
        out[key.strip()] = value
    return out


def collect_values(
    spec: Any,
    environment: Any,
    sets: Sequence[str],
    secrets: Sequence[str],
    environ: Mapping[str, str],
    saved: Mapping[str, Any],
    remembered: Mapping[str, str] | None = None,
) -> tuple[Any, dict[str, Any]]:
    """Defaults, then saved non-secret values, then --set, then remembered secrets, then
    --secret (from the environment), and the form they resolve to."""

    given = assignments(sets, "--set")
    named = assignments(secrets, "--secret")
    problems: dict[str, str] = {}
    from_env: dict[str, str] = {}
    for key, variable in named.items():
        if variable not in environ:
            problems[key] = f"environment variable {variable} (for {key}) is not set"
        else:
            from_env[key] = environ[variable]
    schema, values = layered_values(
        spec, environment, saved, {**given, **(remembered or {}), **from_env}
    )
    for key in given:
        if key in schema.secret_keys:
            problems[key] = (
                f"{key} is a secret: pass it with --secret {key}=ENVVAR, never on the command line"
            )
    for key in [*given, *named]:
        if key not in schema:
            problems[key] = f"unknown field for {spec.id}; the fields are: {', '.join(schema.keys)}"
    if problems:  # every problem at once: the known fields' values are checked too
        known = {key: value for key, value in values.items() if key in schema}
        for key, problem in schema.problems(known).items():
            problems.setdefault(key, str(problem))
        raise InvalidSettings(problems)
    return schema, values


def require_secrets(
    schema: Any, values: Mapping[str, Any], broker: str, account: str | None
) -> None:
    """A required secret neither given nor remembered: say how to give it (exit 2)."""

    missing = {
        fld.key: f"{fld.key} is needed: give it with --secret {fld.key}=ENVVAR"
        + (
            f", or remember it with `broker-console account save {broker} {account} "
            f"--secret {fld.key}=ENVVAR --remember`"
            if account
            else ""
        )
        for fld in schema
        if fld.secret and fld.required and not values.get(fld.key)
    }
    if missing:
        raise InvalidSettings(missing)


def resolve_target(
    args: argparse.Namespace, masked: list[str], *, secrets: bool
) -> tuple[Any, Any, dict[str, Any], dict[str, str]]:
    """The broker, its environment (args.scenario is resolved too), the saved values of the
    account (or the last used one) and, when `secrets` are needed, the account's remembered
    passwords (added to `masked`); invalid input raises before anything starts."""

    spec = default_registry().get(args.broker)
    store = ProfileStore()
    environment, args.scenario = account_environment(store, spec.id, args)
    saved = store.raw(spec.id, environment.value, args.account)
    if store.problem:
        sys.stderr.write(store.problem + "\n")
    if not spec.available:
        raise SdkUnavailable(f"{spec.title}: not available yet. {spec.unavailable_note}")
    spec.check_scenario(environment, args.scenario)
    remembered: dict[str, str] = {}
    if args.account and secrets:
        given = assignments(args.secrets, "--secret")
        remembered = Accounts(store).remembered_secrets(
            spec.id, args.account, environment.value, skip=given
        )
        masked.extend(value for value in remembered.values() if value)
    return spec, environment, saved, remembered


def login_values(
    args: argparse.Namespace,
    spec: Any,
    environment: Any,
    saved: Mapping[str, Any],
    remembered: Mapping[str, str],
) -> tuple[Any, dict[str, Any]]:
    """The validated form for a login: every needed secret given or remembered."""
    schema, values = collect_values(
        spec, environment, args.sets, args.secrets, os.environ, saved, remembered
    )
    require_secrets(schema, values, spec.id, args.account)
    schema.validate(values)
    return schema, values


def account_environment(store: Any, broker: str, args: argparse.Namespace) -> tuple[Any, str]:
    """The environment and scenario: --simulator and --scenario, else the account's (live and
    normal without one). An --account that does not exist is invalid input."""

    saved_env, saved_scenario = "", ""
    if args.account:
        if not store.has_account(broker, args.account):
            names = ", ".join(a.name for a in store.accounts(broker)) or "none yet"
            raise InvalidSettings(
                {"--account": f"{broker} has no account {args.account!r} (its accounts: {names})"}
            )
        account = store.account(broker, args.account)
        saved_env, saved_scenario = account.environment, account.scenario
    if args.simulator:
        environment = Environment.SIMULATOR
    else:
        environment = Environment(saved_env or Environment.LIVE.value)
    return environment, args.scenario or saved_scenario or "normal"
