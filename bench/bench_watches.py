"""Cost of `newswatch watches test` (``try_watch``) over many stored stories (SQLite).

    .venv/bin/python bench/bench_watches.py                     # 100,000 stories
    .venv/bin/python bench/bench_watches.py --stories 20000 --db /tmp/watches.db --keep

Synthetic announcement stories (invented companies, seven cities, jobs and amounts drawn at
random, one per minute going back in time) are bulk loaded once; each watch is then tried
twice in the same period (a year): stopping at the newest 50 matches, as a feed does, and
reading every match, as `watches test --limit` does with a big limit. Each line gives the
wall time of both and how many stories matched. A watch on figures only is answered by the
database; one on companies or cities reads the facts of every story of the period.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

CITIES = ["Rabat", "Casablanca", "Fès", "Oujda", "Tanger", "Agadir", "Salé"]


def load(engine, count: int, now: datetime) -> None:  # noqa: ANN001
    from sqlmodel import Session, func, select

    from storage.models import Story

    with Session(engine) as session:
        if session.exec(select(func.count()).select_from(Story)).one() >= count:
            return
        rnd = random.Random(1)
        session.bulk_save_objects([
            Story(title=f"story {i}", announcement=True, kinds=["jobs"],
                  jobs=rnd.randint(10, 3000), companies=[f"Company {i % 5000}"],
                  cities=[rnd.choice(CITIES)], investment_amount=rnd.choice([None, 5e6, 2e8]),
                  investment_currency="MAD", created_at=now - timedelta(minutes=i))
            for i in range(count)
        ])
        session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    from sqlmodel import Session

    from alerts.watches import Watch, try_watch
    from storage.db import connect

    path = args.db or Path(tempfile.mkdtemp(prefix="bench-watches-")) / "watches.db"
    engine = connect(f"sqlite:///{path}")
    now = datetime.now(UTC)
    load(engine, args.stories, now)
    since = now - timedelta(days=365 * 10)
    watches = [Watch(name="every"), Watch(name="one-city", cities=["Oujda"]),
               Watch(name="one-company", companies=["Company 77"]),
               Watch(name="figures", min_jobs=2900, min_investment_mad=1e8)]
    print(f"{args.stories} stories; watch: newest 50 / every match")
    for watch in watches:
        with Session(engine) as session:
            started = time.perf_counter()
            try_watch(session, watch, since=since, limit=50)
            first = time.perf_counter() - started
            started = time.perf_counter()
            every = try_watch(session, watch, since=since, limit=10**9)
            whole = time.perf_counter() - started
        print(f"  {watch.name:12} {first * 1000:7.0f} ms / {whole:6.2f} s "
              f"({len(every.matched)} of {every.examined})")
    engine.dispose()
    if not args.keep and args.db is None:
        path.unlink()


if __name__ == "__main__":
    main()
