"""CTP's own codes as vnpy_ctp reports them: disconnect reasons and login ErrorIDs.

Disconnect reasons: the comment on `OnFrontDisconnected(int nReason)` in CTP's
ThostFtdcTraderApi.h / ThostFtdcMdApi.h (0x1001 网络读失败, 0x1002 网络写失败, 0x2001 接收心跳超时,
0x2002 发送心跳失败, 0x2003 收到错误报文); vnpy_ctp logs them as decimal numbers
("交易服务器连接断开，原因：4097"). ErrorIDs: CTP's error.xml (as copied into public wrappers,
e.g. QuantBox CSharp2CTP's ErrorType enum): 3 INVALID_LOGIN, 8 FRONT_NOT_ACTIVE, 11
USER_NOT_FOUND, 12 BROKER_NOT_FOUND, 48 INVALID_INVESTORIDORPASSWORD, 49 INVALID_LOGIN_IPADDRESS,
60 SINGLEUSERSESSION_EXCEED_LIMIT, 63 AUTH_FAILED, 64 NOT_AUTHENT, 75 LOGIN_FORBIDDEN. The
causes are what traders report in vnpy's and openctp's trackers, not CTP's words.
"""

from __future__ import annotations

from gui.core.native_codes import NativeCode

NATIVE_CODES = (
    NativeCode(
        "4097",
        "0x1001 网络读失败",
        "CTP disconnect reason 0x1001: reading from the front failed.",
        "The front closed the connection or is not running (outside trading hours, in the "
        "daily maintenance window), or a firewall or proxy cut it.",
        "Check the front address and that the venue is open; if it keeps happening during "
        "trading hours, ask the futures company whether the front is up.",
        aliases=("0x1001",),
    ),
    NativeCode(
        "4098",
        "0x1002 网络写失败",
        "CTP disconnect reason 0x1002: writing to the front failed.",
        "The network path to the front broke (a dropped link, a VPN or proxy going away).",
        "Check this machine's network and VPN, then connect again.",
        aliases=("0x1002",),
    ),
    NativeCode(
        "8193",
        "0x2001 接收心跳超时",
        "CTP disconnect reason 0x2001: no heartbeat arrived from the front in time.",
        "A slow or congested network, or this machine too busy (CPU, a stalled process) to "
        "read the front's heartbeats.",
        "Check the latency to the front and this machine's load; the API reconnects by itself.",
        aliases=("0x2001",),
    ),
    NativeCode(
        "8194",
        "0x2002 发送心跳失败",
        "CTP disconnect reason 0x2002: sending a heartbeat to the front failed.",
        "The connection broke on this machine's side (network down, sleep, a proxy).",
        "Check this machine's network; the API reconnects by itself.",
        aliases=("0x2002",),
    ),
    NativeCode(
        "8195",
        "0x2003 收到错误报文",
        "CTP disconnect reason 0x2003: the front sent a message the API could not read.",
        "The API version does not match the front (e.g. a 6.3 API against a 6.7 front, or a "
        "test-environment API against production), or something in between alters the traffic.",
        "Use the CTP API version the futures company names for this front.",
        aliases=("0x2003",),
    ),
    NativeCode(
        "3",
        "CTP:不合法的登录",
        "CTP ErrorID 3: the login is not valid.",
        "A wrong user ID or password, a broker ID (经纪商代码) that does not match the front, or "
        "an account not opened for this front (e.g. a SimNow account on a production front).",
        "Check the user ID, password and broker ID against the futures company's letter. Repeated "
        "wrong passwords lock the account (ErrorID 75).",
    ),
    NativeCode(
        "8",
        "CTP:前置不活跃",
        "CTP ErrorID 8: the front is not active.",
        "The front is up but not yet serving (starting, or in its maintenance window).",
        "Wait for the venue's opening (the front usually comes up shortly before), then log in.",
    ),
    NativeCode(
        "11",
        "CTP:找不到该用户",
        "CTP ErrorID 11: the user is not known.",
        "The user ID is wrong or belongs to another futures company or environment.",
        "Check the user ID and the broker ID.",
    ),
    NativeCode(
        "12",
        "CTP:找不到该经纪公司",
        "CTP ErrorID 12: the broker ID is not known to this front.",
        "The broker ID (经纪商代码) is wrong for this front (SimNow's is 9999).",
        "Use the broker ID the futures company gave for this front.",
    ),
    NativeCode(
        "48",
        "CTP:无效的投资者或者密码",
        "CTP ErrorID 48: the investor ID or password is not valid.",
        "A wrong password or investor ID.",
        "Check the password; after several wrong ones CTP locks the account (ErrorID 75).",
    ),
    NativeCode(
        "49",
        "CTP:不合法的登录IP地址",
        "CTP ErrorID 49: logins from this IP address are not allowed.",
        "The futures company restricts the account to registered IP addresses.",
        "Log in from a registered address, or have the futures company add this one.",
    ),
    NativeCode(
        "60",
        "CTP:用户在线会话超出上限",
        "CTP ErrorID 60: the user has too many sessions online.",
        "The same account is logged in elsewhere (another program, another desk, a session "
        "not logged out).",
        "Log out the other sessions, or ask the futures company to raise the limit.",
    ),
    NativeCode(
        "63",
        "CTP:客户端认证失败",
        "CTP ErrorID 63: client authentication (穿透式认证) failed.",
        "The AppID (产品名称) and AuthCode (授权编码) do not match what the futures company "
        "registered for this program and environment.",
        "Check the AppID and AuthCode with the futures company; do not retry in a loop "
        "(vnpy_ctp stops re-authenticating after 63 to avoid a ban).",
    ),
    NativeCode(
        "64",
        "CTP:客户端未认证",
        "CTP ErrorID 64: the client logged in before authenticating.",
        "The front requires authentication (ReqAuthenticate) and the gateway did not do it, or "
        "the AppID and AuthCode were left empty.",
        "Fill in the AppID (产品名称) and AuthCode (授权编码) the futures company gave.",
    ),
    NativeCode(
        "75",
        "CTP:连续登录失败次数超限，登录被禁止",
        "CTP ErrorID 75: too many failed logins in a row; logins are now forbidden.",
        "Several wrong passwords in a row (commonly five; the futures company sets the limit).",
        "Stop trying: call the futures company to unlock the account or reset the password.",
    ),
)
