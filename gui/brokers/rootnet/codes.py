"""CTSlib's errorCode values (its API exception) and onSocketError statuses.

Not confirmed: Rootnet's error list is not public; the numbers are the ones the console's
simulator raises. A socket status is passed as a negative errno (-104 is Linux's ECONNRESET,
WSAECONNRESET 10054 on Windows), which is how the simulator reports a dropped connection.
"""

from __future__ import annotations

from gui.core.native_codes import NativeCode

NATIVE_CODES = (
    NativeCode(
        "-1",
        "未连接服务器",
        "The CTS server is not connected.",
        "optLogin was called on a connection that had already dropped.",
        "Connect again; if it repeats, check the network to the CTS server.",
        confirmed=False,
    ),
    NativeCode(
        "1003",
        "柜员密码错误",
        "The operator's password is wrong.",
        "A mistyped or changed operator password.",
        "Check the operator password with the trading desk's administrator.",
        confirmed=False,
    ),
    NativeCode(
        "-104",
        "onSocketError",
        "The connection to the CTS server was reset.",
        "The server closed the connection (restart, maintenance) or the network dropped it.",
        "Check the CTS server's status and the network; the reconnector logs in again if it is on.",
        confirmed=False,
    ),
)
