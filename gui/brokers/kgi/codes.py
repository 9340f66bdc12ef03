"""KGI's `Intelligence.COM_STATUS` values (OnGetStatus) that say something went wrong.

The names and numbers are the SDK's enum as seed 000 lists it (docs/ARCHITECTURE.md, Brokers:
KGI). The enum has no documentation of its own: the causes are what the names and the seed's
login sequence imply, and are marked not confirmed where they go further (AS400 is KGI's
back-office host behind the API server).
"""

from __future__ import annotations

from gui.core.native_codes import NativeCode

NATIVE_CODES = (
    NativeCode(
        "CONNECT_FAIL",
        "COM_STATUS 1",
        "KGI's API server could not be reached.",
        "A wrong host or port, no route from this machine, or a firewall.",
        "Check the host and port; run Diagnose to see where the connection stops.",
        aliases=("1",),
    ),
    NativeCode(
        "DISCONNECTED",
        "COM_STATUS 2",
        "The connection to KGI's API server closed.",
        "A logout, the server closing the session, or the network dropping it.",
        "If you did not log out, check the network; the reconnector logs in again if it is on.",
        aliases=("2",),
    ),
    NativeCode(
        "LOGIN_FAIL",
        "COM_STATUS 4",
        "KGI refused the login.",
        "A wrong ID or password, or an account not enabled for API trading.",
        "Check the ID (person ID) and password; repeated wrong passwords lock the account.",
        aliases=("4",),
    ),
    NativeCode(
        "LOGIN_UNKNOW",
        "COM_STATUS 5",
        "KGI could not tell whether the login succeeded.",
        "The back office did not answer in time.",
        "Log out and in again; if it repeats, tell KGI's API support.",
        confirmed=False,
        aliases=("5",),
    ),
    NativeCode(
        "LOGIN_FROM_CLOSE",
        "COM_STATUS 11",
        "A login after the market closed.",
        "The login happened outside TAIFEX's trading sessions.",
        "Nothing to fix: orders wait for the next session.",
        confirmed=False,
        aliases=("11",),
    ),
    NativeCode(
        "AS400_CONNECTFAIL",
        "COM_STATUS 13",
        "KGI's API server could not reach its back-office host (AS400).",
        "A fault or maintenance on KGI's side, not this machine's.",
        "Wait and try again; if it lasts, tell KGI's API support.",
        confirmed=False,
        aliases=("13",),
    ),
    NativeCode(
        "AS400_DISCONNECTED",
        "COM_STATUS 14",
        "KGI's API server lost its back-office host (AS400).",
        "A fault or maintenance on KGI's side.",
        "Wait; orders and reports may be delayed until it is back.",
        confirmed=False,
        aliases=("14",),
    ),
)
