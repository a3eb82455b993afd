"""Two relays on one database never send the same alert twice.

PostgreSQL: rows are claimed ``FOR UPDATE SKIP LOCKED``. SQLite: the compare-and-set claim
alone (one relay is still the supported setup). Run the PostgreSQL case with
``NEWSWATCH_TEST_POSTGRES_URL=postgresql+psycopg://user@host:port/postgres``.
"""

from __future__ import annotations

import threading
import time
from collections import Counter

from alerts.relay import Relay
from alerts.render import AlertMessage
from alerts_servers import add_story, all_alerts
from storage.db import connect

ALERTS = 30


class SlowSink:
    """Records every send; slow enough for the two relays to overlap."""

    channel = "slack"

    def __init__(self, seen: Counter[str], lock: threading.Lock) -> None:
        self.seen, self.lock = seen, lock

    def send(self, message: AlertMessage) -> str:
        time.sleep(0.01)
        with self.lock:
            self.seen[message.key] += 1
        return "ok"


def test_two_relays_share_the_work_without_duplicates(database_url: str) -> None:
    engine = connect(database_url)
    for n in range(ALERTS):
        add_story(engine, title=f"Story {n}", url=f"https://m.ma/{n}", channels=("slack",))
    seen: Counter[str] = Counter()
    lock = threading.Lock()
    reports = []

    def run() -> None:
        reports.append(Relay(engine, {"slack": SlowSink(seen, lock)}).send_pending())

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(seen) == ALERTS and set(seen.values()) == {1}
    assert sum(r.sent for r in reports) == ALERTS
    assert {a.status for a in all_alerts(engine)} == {"sent"}
    engine.dispose()
