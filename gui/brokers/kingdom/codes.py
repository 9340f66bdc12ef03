"""KCBP client error numbers from KCBPCLI_GetErr.

Not confirmed: Kingdom's KCBP error list is not public; 2003 is the number the console's stand-in
library and simulator give for a refused KCBP user or password (gui/brokers/kingdom/surface.py,
KCBP_REJECTIONS), and the text beside it is what the client library returns.
"""

from __future__ import annotations

from gui.core.native_codes import NativeCode

NATIVE_CODES = (
    NativeCode(
        "2003",
        "KCBP用户名或密码错误",
        "The KCBP server refused the KCBP user or password.",
        "A wrong KCBP user or password (the KCBP leg's own, not the operator's).",
        "Check the KCBP user and password with Kingdom's operations team.",
        confirmed=False,
    ),
)
