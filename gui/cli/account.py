"""`broker-console account …`: save, list, forget, export and import named accounts.

Passwords go to the OS credential store only (`--remember`), taken from environment
variables (`--secret KEY=ENVVAR`) as for `check`. Exit codes: 0 done, 2 invalid input (an
unknown account, a bad name or value), 3 no usable credential store, 1 a file that cannot be
written or read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from gui.brokers import default_registry
from gui.cli.inputs import BROKER_IDS, assignments, collect_values
from gui.cli.output import CheckOutcome, Printer, finish
from gui.cli.signals import EXIT_HELP
from gui.core.accounts import Accounts, read_export
from gui.core.errors import BrokerFailure, InvalidSettings
from gui.core.profiles import AccountError, ProfileStore, account_name_problem
from gui.core.registry import BrokerSpec, Environment, Registry
from gui.core.schedule import Schedule, has_maintenance, parse_time
from gui.core.shared_files import OutputRefused, write_output
from gui.core.text_width import pad

EXITS = (
    "Exit codes: 0 done, 2 invalid input (a bad name or value, a file that is not an exported "
    "account, --out that is not a regular file), 3 no usable credential store (nothing is saved "
    f"then), 1 a file that cannot be read or written, {EXIT_HELP}."
)


def add_command(commands: Any) -> None:
    account = commands.add_parser(
        "account",
        help="named accounts per broker: save, list, forget, export, import",
        description=EXITS,
    )
    verbs = account.add_subparsers(dest="verb", metavar="VERB", required=True)

    save = verbs.add_parser(
        "save",
        description=EXITS,
        help="create or update an account's values; --remember keeps its passwords in the "
        "OS credential store",
    )
    save.add_argument("broker", choices=BROKER_IDS)
    save.add_argument("name")
    save.add_argument("--simulator", action="store_true", help="the simulator environment")
    save.add_argument("--scenario", help="simulator scenario")
    save.add_argument("--set", dest="sets", action="append", default=[], metavar="KEY=VALUE")
    save.add_argument(
        "--secret",
        dest="secrets",
        action="append",
        default=[],
        metavar="KEY=ENVVAR",
        help="a password from an environment variable, remembered (needs --remember)",
    )
    save.add_argument(
        "--remember",
        action="store_true",
        help="remember the --secret values in the OS credential store (never in a file)",
    )
    save.add_argument(
        "--login-all",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="logged in by the window's Log in to all",
    )
    save.add_argument(
        "--login-at",
        metavar="HH:MM",
        help="scheduled login at this local time on the broker's trading days (the window while "
        "open, or `watch --account NAME --schedule`), with the remembered passwords only",
    )
    save.add_argument(
        "--after-maintenance",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="scheduled login again when the venue's daily maintenance window ends (CTP)",
    )
    save.add_argument("--no-schedule", action="store_true", help="no scheduled login")
    save.add_argument("--json", action="store_true")

    listing = verbs.add_parser("list", description=EXITS, help="every account; never a secret")
    listing.add_argument("broker", nargs="?", choices=BROKER_IDS)
    listing.add_argument("--json", action="store_true", help="one JSON object per account")

    forget = verbs.add_parser(
        "forget", description=EXITS, help="forget an account's remembered passwords"
    )
    forget.add_argument("broker", choices=BROKER_IDS)
    forget.add_argument("name")
    forget.add_argument("--delete", action="store_true", help="delete the account too")
    forget.add_argument("--json", action="store_true")

    export = verbs.add_parser(
        "export", description=EXITS, help="an account as JSON to hand over, without secrets"
    )
    export.add_argument("broker", choices=BROKER_IDS)
    export.add_argument("name")
    export.add_argument("--out", required=True, metavar="FILE.json")
    export.add_argument("--json", action="store_true")

    imported = verbs.add_parser("import", description=EXITS, help="add an exported account")
    imported.add_argument("file", metavar="FILE.json")
    imported.add_argument("--name", help="under another name")
    imported.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, out: TextIO) -> int:

    printer = Printer(out, args.json)
    store = ProfileStore()
    if store.problem:
        sys.stderr.write(store.problem + "\n")
    accounts = Accounts(store)
    registry = default_registry()
    try:
        if args.verb == "save":
            outcome = _save(args, registry, accounts)
        elif args.verb == "list":
            outcome = _list(args, printer, store)
        elif args.verb == "forget":
            outcome = _forget(args, accounts)
        elif args.verb == "export":
            outcome = _export(args, registry, accounts)
        else:
            outcome = _import(args, registry, accounts)
    except InvalidSettings as failure:
        fields = {key: str(problem) for key, problem in failure.field_errors.items()}
        outcome = CheckOutcome(False, 2, failure.title, fields)
    except AccountError as exc:
        outcome = CheckOutcome(False, 2, f"Invalid account: {exc}")
    except OutputRefused as refused:
        outcome = CheckOutcome(False, 2, f"--out: {refused}")
    except BrokerFailure as failure:  # the credential store: none, locked, refused
        outcome = CheckOutcome(False, failure.exit_code, f"{failure.title}: {failure.reason}")
    except OSError as exc:
        outcome = CheckOutcome(False, 1, f"Could not read or write: {exc}")
    return finish(printer, outcome, None)


def _save(args: argparse.Namespace, registry: Registry, accounts: Accounts) -> CheckOutcome:

    store = accounts.store
    problem = account_name_problem(args.name)
    if problem:
        raise AccountError(problem)
    spec = registry.get(args.broker)
    existing = store.account(spec.id, args.name) if store.has_account(spec.id, args.name) else None
    if args.simulator:
        environment = Environment.SIMULATOR
    else:
        environment = Environment((existing and existing.environment) or Environment.LIVE.value)
    scenario = args.scenario or (existing and existing.scenario) or None
    if scenario is not None:
        spec.check_scenario(environment, scenario)
    if args.secrets and not args.remember:
        raise InvalidSettings(
            {"--secret": "passwords are kept only with --remember (in the OS credential store)"}
        )
    saved = store.raw(spec.id, environment.value, args.name) if existing else {}
    schema, values = collect_values(spec, environment, args.sets, args.secrets, os.environ, saved)
    problems = {
        key: str(found)
        for key, found in schema.problems(values).items()
        if not (key in schema.secret_keys and not values.get(key))  # a password may come later
    }
    if problems:
        raise InvalidSettings(problems)
    secrets = {key: str(values[key]) for key in assignments(args.secrets, "--secret")}
    if args.remember:
        accounts.vault.backend()  # no secure store: refuse before anything is written
    store.save(spec.id, environment.value, schema, values, scenario=scenario, account=args.name)
    if args.login_all is not None:  # one per broker, as in the window
        store.mark_login_all(spec.id, args.name, args.login_all)
    schedule = _schedule(args, spec, existing.schedule if existing else Schedule())
    if schedule is not None:
        store.update_account(spec.id, args.name, schedule=schedule)
    if args.remember:
        accounts.remember(spec.id, args.name, environment.value, secrets)
    remembered = f"; remembered: {', '.join(sorted(secrets))}" if secrets else ""
    verb = "updated" if existing else "saved"
    return CheckOutcome(
        True, 0, f"{verb} account {args.name!r} of {spec.id} ({environment.value}){remembered}"
    )


def _schedule(args: argparse.Namespace, spec: BrokerSpec, current: Schedule) -> Schedule | None:
    """The schedule --login-at / --after-maintenance / --no-schedule ask for; None: unchanged."""
    if args.no_schedule:
        return Schedule()
    if args.login_at is None and args.after_maintenance is None:
        return None
    try:
        at = parse_time(args.login_at) if args.login_at is not None else current.at
    except ValueError as exc:
        raise InvalidSettings({"--login-at": str(exc)}) from None
    after = current.after_maintenance if args.after_maintenance is None else args.after_maintenance
    if after and not has_maintenance(spec.venues):
        raise InvalidSettings(
            {"--after-maintenance": f"{spec.title}'s venues have no daily maintenance window"}
        )
    if not spec.venues:
        raise InvalidSettings({"--login-at": f"{spec.title} has no trading days to schedule on"})
    return Schedule(at, after)


def _list(args: argparse.Namespace, printer: Printer, store: ProfileStore) -> CheckOutcome:
    brokers = [args.broker] if args.broker else list(BROKER_IDS)
    count = 0
    for broker in brokers:
        current = store.current_account(broker)
        for account in store.accounts(broker):
            count += 1
            row = {"kind": "account", **account.to_json(), "current": account.name == current}
            remembered = ", ".join(
                f"{env}:{key}" for env, keys in account.remembered.items() for key in keys
            )
            flags = [
                *(["last used"] if row["current"] else []),
                *(["log in with all"] if account.login_all else []),
                *([f"scheduled: {account.schedule.describe()}"] if account.schedule.active else []),
                f"remembered: {remembered}" if remembered else "no password remembered",
            ]
            printer.record(
                row,
                f"{broker:<9} {pad(account.name, 24)} {account.environment or '-':<10} "
                + "; ".join(flags),
            )
    return CheckOutcome(True, 0, f"{count} account{'s' if count != 1 else ''}")


def _forget(args: argparse.Namespace, accounts: Accounts) -> CheckOutcome:

    if not accounts.store.has_account(args.broker, args.name):
        raise AccountError(f"{args.broker} has no account named {args.name!r}")
    warnings: list[str] = []
    if args.delete:
        deleted = accounts.delete(args.broker, args.name)
        forgotten = deleted.forgotten
        what = f"deleted account {args.name!r} of {args.broker}"
        if deleted.warning:
            warnings.append(deleted.warning)
            sys.stderr.write(f"warning: {deleted.warning}\n")
    else:
        forgotten = accounts.forget(args.broker, args.name)
        what = f"account {args.name!r} of {args.broker} no longer remembers passwords"
    detail = f"; forgot {', '.join(forgotten)}" if forgotten else ""
    if not forgotten and not warnings:
        detail = "; none was remembered"
    return CheckOutcome(True, 0, what + detail, warnings=warnings)


def _export(args: argparse.Namespace, registry: Registry, accounts: Accounts) -> CheckOutcome:
    profile = accounts.export(registry, args.broker, args.name)
    target = Path(args.out).expanduser()
    text = json.dumps(profile, ensure_ascii=False, indent=2) + "\n"
    write_output(target, lambda out: out.write(text.encode("utf-8")))
    return CheckOutcome(True, 0, f"exported account {args.name!r} of {args.broker} to {target}")


def _import(args: argparse.Namespace, registry: Registry, accounts: Accounts) -> CheckOutcome:

    source = Path(args.file).expanduser()
    account = accounts.import_(registry, read_export(source), args.name)
    return CheckOutcome(
        True, 0, f"imported account {account.name!r} of {account.broker} from {source.name}"
    )
