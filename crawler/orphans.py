"""A crawl child never outlives its parent (the daemon, a worker, `newswatch crawl`).

A daemon killed with SIGKILL (or by the OOM killer) runs no clean-up, and its crawl children
would go on crawling beside the restarted daemon. On Linux each child asks the kernel for a
parent-death signal (``prctl(PR_SET_PDEATHSIG)``), so it is killed with its daemon. Elsewhere
this is a no-op; the restart still records the unfinished run (see `scheduler.stops`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent: int, signum: int = signal.SIGKILL) -> bool:
    """Have the kernel send ``signum`` to this process when ``parent`` dies; ``True`` if set.

    ``parent`` is the daemon's pid as it spawned us: if it died before this call, the
    signal would never come, so the process exits at once.
    """
    if not sys.platform.startswith("linux") or not parent:
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0) != 0:
        return False
    if os.getppid() != parent:
        os._exit(1)
    return True
