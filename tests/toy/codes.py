"""The toy broker's one native code: a broker's table has the template's shape."""

from __future__ import annotations

from gui.core.native_codes import NativeCode

NATIVE_CODES = (
    NativeCode(
        "401",
        "bad password",
        "The toy server refused the password.",
        "A wrong password.",
        "Use the password 'demo'.",
    ),
)
