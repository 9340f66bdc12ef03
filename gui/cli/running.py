"""Running a login command within its bound: every way it can end (invalid input, a typed
failure, a signal, an unexpected error) becomes the one result line, and past the bound the
process ends even if a vendor call holds a thread."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable

from gui.cli.output import CheckOutcome, Printer, finish, invalid
from gui.cli.signals import Stopped
from gui.core.errors import BrokerFailure, InvalidSettings
from gui.core.redaction import Redactor
from gui.core.session import Session
from gui.core.session_log import LOG_PROBLEM_DETAIL, SessionLog

EXIT_GRACE = 1.8  # past the bound, the process ends even if a cleanup hangs
AFTER_LOGIN_GRACE = 0.8  # the clock check and logout may use this much past the bound
LOG_CLOSE_SECONDS = 0.5  # writing the session log's last lines


def run_bounded(
    printer: Printer,
    bound: float,
    args: argparse.Namespace,
    command: Callable[[list[str]], tuple[CheckOutcome, Session | None]],
) -> int:
    """Run a login command within `bound` (+ a grace, then the process ends) and turn every
    way it can end into the one result line; `command` gets the secrets to mask in it, and
    adds those it learns (remembered ones)."""

    secrets_env = [var for _, _, var in (s.partition("=") for s in args.secrets) if var]
    masked = [os.environ[var] for var in secrets_env if os.environ.get(var)]
    watchdog = threading.Timer(bound + EXIT_GRACE, bound_reached, (printer, bound))
    watchdog.daemon = True
    watchdog.start()
    session: Session | None = None
    try:
        outcome, session = command(masked)
    except InvalidSettings as failure:
        outcome = invalid(failure)
    except BrokerFailure as failure:
        outcome = CheckOutcome(False, failure.exit_code, f"{failure.title}: {failure.reason}")
    except Stopped as stopped:  # the login (if any) was logged out first
        outcome = CheckOutcome(False, stopped.exit_code, f"Stopped by {stopped.name}")
    except Exception as exc:  # never a traceback: the result says what happened, masked
        text = Redactor(masked).text(f"{type(exc).__name__}: {exc}")
        outcome = CheckOutcome(False, 1, f"Unexpected error: {text}")
    watchdog.cancel()
    return finish(printer, outcome, session)


def bound_reached(printer: Printer, timeout: float) -> None:
    """The whole command took longer than its bound: say so and end the process now (a vendor
    call may hold a thread forever)."""
    printer.result(
        CheckOutcome(False, 5, f"Timed out: the command did not end within {timeout:g} s")
    )
    sys.stderr.flush()
    os._exit(5)


def warn_of_log(
    outcome: CheckOutcome, session_log: SessionLog, session: Session, *more: str
) -> CheckOutcome:
    """A session log (the console's or its worker's) or a diagnosis that could not be written
    is said on stderr and in the result's warnings, once; the command's outcome stands."""

    worker_said = session.info.details.get(LOG_PROBLEM_DETAIL, "")
    for text in dict.fromkeys((session_log.problem, worker_said, *more)):
        if text and text not in outcome.warnings:
            outcome.warnings.append(text)
            sys.stderr.write(f"warning: {text}\n")
    return outcome
