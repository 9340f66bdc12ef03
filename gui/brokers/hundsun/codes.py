"""UFX / O32 ErrorCode values of function 10001 (login) and 10000 (heartbeat).

Not confirmed: Hundsun's O32 error numbering is not in a public document the project could
read (seed 001 names the fields ErrorCode / ErrorMsg / MsgDetail only). The numbers are the ones
the console's simulator answers with; the meanings follow the ErrorMsg text the counter sends
with them, which a real counter shows beside the number in the log either way.
"""

from __future__ import annotations

from gui.core.native_codes import NativeCode

NATIVE_CODES = (
    NativeCode(
        "1002",
        "必填参数为空",
        "A required field of function 10001 is empty.",
        "operator_no, password, mac_address, ip_address, op_station or authorization_id was "
        "left empty (MsgDetail names it).",
        "Fill in the field; use Auto-fill for the machine's MAC, IP and station.",
        confirmed=False,
    ),
    NativeCode(
        "1017",
        "操作员密码错误",
        "The operator's password is wrong.",
        "A mistyped or changed password for this operator number.",
        "Check the password; after several wrong ones the counter may lock the operator.",
        confirmed=False,
    ),
    NativeCode(
        "1023",
        "站点控制校验失败",
        "Station control refused this machine.",
        "The counter binds the operator to registered stations: the MAC address is not a "
        "12-hex-digit MAC, or this machine's MAC / IP / op_station is not the registered one "
        "(common on VMs and containers, whose MAC changes).",
        "Check the terminal information (Terminal info preview), then have the broker register "
        "this station.",
        confirmed=False,
    ),
    NativeCode(
        "1150",
        "令牌已失效",
        "The user_token is no longer valid.",
        "The token expired after five minutes without activity (no 10000 heartbeat), or the "
        "operator logged out elsewhere.",
        "Log in again; keep the heartbeat interval well under five minutes.",
        confirmed=False,
    ),
)
