"""A line on stderr now and then while a long command runs, so a crawl is never silent."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import TracebackType

from newswatch import output


class Ticker:
    """After ``after`` seconds, and then every ``every`` seconds until the block ends, writes
    ``"<label>: still running, N s"``. Quick commands print nothing."""

    def __init__(
        self, label: str, *, after: float = 3.0, every: float = 10.0,
        write: Callable[[str], None] = output.note, clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label, self.after, self.every, self.write, self.clock = label, after, every, write, clock
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="progress", daemon=True)

    def _run(self) -> None:
        started = self.clock()
        wait = self.after
        while not self._stop.wait(wait):
            self.write(f"{self.label}: still running, {self.clock() - started:.0f} s")
            wait = self.every

    def __enter__(self) -> Ticker:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()
