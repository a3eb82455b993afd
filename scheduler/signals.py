"""SIGTERM and SIGINT ask a long-running process (daemon, worker) to stop cleanly."""

from __future__ import annotations

import signal
import threading


def stop_on_signals(stop: threading.Event) -> None:
    """Set ``stop`` on SIGTERM/SIGINT; only the main thread may install handlers (tests run
    the daemon in a thread and set ``stop`` themselves)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
