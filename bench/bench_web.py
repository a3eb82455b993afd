"""Latency of the dashboard's announcements page and the JSON API with 100,000 stored stories,
on SQLite and on PostgreSQL (issue 15: p95 <= 100 ms).

    .venv/bin/python bench/bench_web.py                         # SQLite, and PostgreSQL if reachable
    .venv/bin/python bench/bench_web.py --stories 20000 --backends sqlite
    .venv/bin/python bench/bench_web.py --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test

The database is migrated to head (so the full-text index and its triggers are live) and filled
with invented announcement stories (one report each, a tenth with a second outlet), then the
app is served by uvicorn on 127.0.0.1 and each URL is requested over HTTP, one at a time:
the figures include the server, the template and the JSON encoding, not only the query.
PostgreSQL runs in a new database that is dropped afterwards.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from storage.db import connect  # noqa: E402
from storage.models import Article, Story  # noqa: E402
from web import WebOptions, create_app  # noqa: E402
from web.server import running  # noqa: E402

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CITIES = ["Casablanca", "Rabat", "Tanger", "Fès", "Marrakech", "Agadir", "Oujda", "Kénitra",
          "Meknès", "Tétouan", "El Jadida", "Nador", "Settat", "Laâyoune", "Béni Mellal"]
KINDS = ["new_site", "expansion", "jobs", "investment", "mou"]
WORDS = ("centre relation client plateau nearshore offshoring emplois recrutement conseillers "
         "bilingues site technopole investissement millions dirhams prestataire groupe filiale "
         "extension services informatiques numérique formation jeunes diplômés région").split()
ARABIC = "مركز الاتصال فرص شغل استثمار مليون درهم الشركة جهة التشغيل الشباب".split()
BATCH = 5000
START = datetime(2024, 1, 1, tzinfo=UTC)


def company(rng: random.Random, n: int) -> str:
    return f"{rng.choice(['Orva', 'Kelv', 'Zent', 'Blu', 'Dune', 'Corv', 'Nex', 'Tell'])}{n % 1500:04d} Services"


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    """Invented words, so that a searched word is in a few articles, not in all of them."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    # Never a real word's prefix: a search for "recrut" must not also match 150 invented words.
    return ["".join(rng.choices(letters, k=rng.randrange(6, 10))) + "q" for _ in range(size)]


def rows(count: int, seed: int = 7) -> tuple[list[dict], list[dict]]:
    rng = random.Random(seed)
    latin = vocabulary(rng)
    stories, articles = [], []
    next_article = 1  # in the order they arrive: a second outlet's report right after the first
    for n in range(1, count + 1):
        when = START + timedelta(minutes=10 * n)
        arabic = rng.random() < 0.2
        words = ARABIC if arabic else latin
        name, city = company(rng, n), rng.choice(CITIES)
        title = f"{name} ouvre un centre à {city} ({n})"
        stories.append({
            "id": n, "created_at": when, "updated_at": when, "title": title, "known": False,
            "announcement": True, "kinds": rng.sample(KINDS, 2), "jobs": rng.randrange(20, 3000),
            "investment_amount": float(rng.randrange(1, 500)) * 1e6 if rng.random() < 0.5 else None,
            "investment_currency": "MAD", "companies": [name], "cities": [city],
            "first_article_id": next_article, "article_count": 1,
        })
        for extra in range(2 if rng.random() < 0.1 else 1):
            next_article += 1
            articles.append({
                "id": next_article - 1, "url": f"https://site{extra}.example.ma/{n}",
                "source": f"outlet-{rng.randrange(25)}", "fetched_at": when,
                "published_at": when, "title": title, "language": "ar" if arabic else "fr",
                "text": " ".join(rng.choices(WORDS, k=20) + rng.choices(words, k=40)), "body_hash": f"{n}-{extra}",
                "status": "new", "relevant": True, "announcement": True, "relevance": 1.0,
                "analysis": {"announcement": True, "jobs": stories[-1]["jobs"]}, "story_id": n,
                "truncated": False, "headline_only": False, "is_seed": False, "decision": "",
            })
    return stories, articles


def fill(engine: Engine, count: int) -> float:
    started = time.perf_counter()
    stories, articles = rows(count)
    with engine.begin() as connection:
        for i in range(0, len(stories), BATCH):
            connection.execute(insert(Story.__table__), stories[i:i + BATCH])
        for i in range(0, len(articles), BATCH):
            connection.execute(insert(Article.__table__), articles[i:i + BATCH])
        if engine.dialect.name == "postgresql":
            for table in ("story", "article"):
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                        f"(SELECT max(id) FROM {table}))"))
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
    return time.perf_counter() - started


def timed(url: str, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=60) as answer:
            answer.read()
            assert answer.status == 200
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def deep_cursor() -> str:
    """A cursor halfway down the history: pagination's worst case is not the first page."""
    import base64
    import json

    raw = json.dumps({"v": 1, "before": 50_000}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def probes() -> list[tuple[str, str]]:
    RARE = vocabulary(random.Random(7))[1234]  # rows() draws the same vocabulary first  # noqa: N806
    return [
        ("announcements page", ""),
        ("API first page", "api/stories"),
        ("API deep cursor", f"api/stories?cursor={deep_cursor()}"),
        ("API city", "api/stories?city=Oujda"),
        ("page city", "?city=Oujda"),
        ("API company", "api/stories?company=orva0042"),
        ("API search (rare)", f"api/stories?q={RARE}"),
        ("API search (common)", "api/stories?q=technopole"),
        ("API search, deep page", f"api/stories?q=technopole&cursor={deep_cursor()}"),
        ("page search (rare)", f"?q={RARE}"),
        ("API min_jobs+kind", "api/stories?min_jobs=2500&kind=mou"),
        ("story page", "stories/4242"),
        ("API story", "api/stories/4242"),
        ("Atom feed", "feeds/announcements.atom"),
    ]


def measure(engine: Engine, repeat: int) -> list[tuple[str, float, float]]:
    results = []
    with running(create_app(engine, WebOptions())) as server:
        for name, path in probes():
            timed(server.url + path, 3)  # warm the caches and the connection pool
            samples = sorted(timed(server.url + path, repeat))
            p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
            results.append((name, statistics.median(samples), p95))
    return results


def report(backend: str, count: int, load_s: float, results: list[tuple[str, float, float]]) -> None:
    print(f"\n{backend}: {count:,} stories (loaded in {load_s:.1f} s)")
    print(f"  {'probe':<22} {'p50 ms':>8} {'p95 ms':>8}")
    for name, p50, p95 in results:
        print(f"  {name:<22} {p50:>8.1f} {p95:>8.1f}{'   > 100 ms' if p95 > 100 else ''}")


def run_sqlite(count: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        engine = connect(f"sqlite:///{Path(tmp) / 'web.db'}")
        load_s = fill(engine, count)
        report("SQLite", count, load_s, measure(engine, repeat))
        engine.dispose()


def run_postgres(admin_url: str, count: int, repeat: int) -> None:
    name = f"newswatch_bench_web_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        engine = connect(admin_url.rsplit("/", 1)[0] + f"/{name}")
        load_s = fill(engine, count)
        report("PostgreSQL", count, load_s, measure(engine, repeat))
        engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=100, help="requests per probe")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgres", default=DEFAULT_PG)
    args = parser.parse_args()
    backends = args.backends.split(",")
    if "sqlite" in backends:
        run_sqlite(args.stories, args.repeat)
    if "postgresql" in backends:
        run_postgres(args.postgres, args.stories, args.repeat)


if __name__ == "__main__":
    main()
