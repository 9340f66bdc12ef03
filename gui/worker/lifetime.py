"""Workers never outlive their console, however it ends (even SIGKILL).

Linux: the worker asks the kernel for SIGKILL when its parent dies (PR_SET_PDEATHSIG), which
works even while a vendor call holds the GIL. Windows: the console puts every worker in a job
object that kills its processes when the console's handle to it closes. Everywhere: the
worker also ends when its command pipe reaches end-of-file.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from typing import Any

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Worker side, first thing: be killed when the console goes."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent_pid:  # the parent died before the request took effect
            os._exit(1)


class _JobKiller:
    """Windows: one job object per console, closing with it (JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE)."""

    def __init__(self) -> None:
        self._job: Any = None

    def adopt(self, process: subprocess.Popen[bytes]) -> None:
        if sys.platform != "win32":
            return
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        if self._job is None:
            job = kernel32.CreateJobObjectW(None, None)

            class BasicLimits(ctypes.Structure):
                _fields_ = (
                    ("PerProcessUserTimeLimit", ctypes.c_int64),
                    ("PerJobUserTimeLimit", ctypes.c_int64),
                    ("LimitFlags", wintypes.DWORD),
                    ("MinimumWorkingSetSize", ctypes.c_size_t),
                    ("MaximumWorkingSetSize", ctypes.c_size_t),
                    ("ActiveProcessLimit", wintypes.DWORD),
                    ("Affinity", ctypes.c_size_t),
                    ("PriorityClass", wintypes.DWORD),
                    ("SchedulingClass", wintypes.DWORD),
                )

            class IoCounters(ctypes.Structure):
                _fields_ = tuple(
                    (name, ctypes.c_uint64) for name in ("r", "w", "o", "rb", "wb", "ob")
                )

            class ExtendedLimits(ctypes.Structure):
                _fields_ = (
                    ("BasicLimitInformation", BasicLimits),
                    ("IoInfo", IoCounters),
                    ("ProcessMemoryLimit", ctypes.c_size_t),
                    ("JobMemoryLimit", ctypes.c_size_t),
                    ("PeakProcessMemoryUsed", ctypes.c_size_t),
                    ("PeakJobMemoryUsed", ctypes.c_size_t),
                )

            limits = ExtendedLimits()
            limits.BasicLimitInformation.LimitFlags = 0x2000  # KILL_ON_JOB_CLOSE
            extended_limit_information = 9
            kernel32.SetInformationJobObject(
                job, extended_limit_information, ctypes.byref(limits), ctypes.sizeof(limits)
            )
            self._job = job  # never closed: the OS closes it, killing the workers, at our exit
        kernel32.AssignProcessToJobObject(self._job, int(process._handle))


job = _JobKiller()
