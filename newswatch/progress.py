"""A line on stderr now and then while a long command runs, so a crawl is never silent."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import TracebackType

from newswatch import output


class Ticker:
    """After ``after`` seconds, and then every ``every`` seconds until the block ends, writes
    ``"<label>: still running, N s"``, followed by what ``detail()`` says (e.g. the articles
    stored so far). Quick commands print nothing."""

    def __init__(
        self, label: str, *, after: float = 3.0, every: float = 10.0,
        detail: Callable[[], str] | None = None,
        write: Callable[[str], None] = output.note, clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label, self.after, self.every, self.write, self.clock = label, after, every, write, clock
        self.detail = detail
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="progress", daemon=True)

    def _run(self) -> None:
        started = self.clock()
        wait = self.after
        while not self._stop.wait(wait):
            line = f"{self.label}: still running, {self.clock() - started:.0f} s"
            self.write(f"{line}, {self._detail()}" if self.detail else line)
            wait = self.every

    def _detail(self) -> str:
        try:
            return self.detail() if self.detail else ""
        except Exception as exc:  # noqa: BLE001 - a progress line must never stop the command
            return f"({type(exc).__name__})"

    def __enter__(self) -> Ticker:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()
