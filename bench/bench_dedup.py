"""Cost of one dedup check as the history grows: 10k, 100k and 1M stored articles (SQLite).

    .venv/bin/python bench/bench_dedup.py                       # 10k, 100k, 1M
    .venv/bin/python bench/bench_dedup.py --sizes 10000,100000  # smaller run
    .venv/bin/python bench/bench_dedup.py --db /tmp/dedup.db --keep

One database grows from size to size. The invented test corpus (tests/data/dedup) is stored
through the real path (resolve + register); the rest of the history is synthetic and bulk
loaded: one short article row, one signature, ~40 random anchors (a few drawn from a pool of
"stock phrases", so some anchors are common enough to hit the boilerplate cap) and, for one
article in ten, an announcement: its own story row and event keys spread over ten years. One
announcement in a hundred names a company of the corpus (a big operator announces often), so
the event check weighs real candidate stories, as it does in production.

Each measurement runs in a fresh child process, so its RSS is what checking costs, not what
loading cost. Probes: near-duplicate variants of the stored corpus (verification included),
unique texts (lookups only) and same-event rewrites: announcements of the corpus in other
words (half the words replaced, so no text matches and the event check decides); "event ms"
is their cost and "ev recall" the share that found their story.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

ANCHORS_PER_ARTICLE = 40
STOCK_SHARE = 0.05
ANNOUNCEMENT_SHARE = 0.1
HOT_COMPANY_SHARE = 0.01  # synthetic announcements naming a company of the corpus
BATCH = 20_000
_MASK = (1 << 62) - 1
_EPOCH = datetime(2016, 1, 1, tzinfo=UTC)
COLUMNS = [
    ("stored", 10), ("load s", 7), ("dup ms", 7), ("dup p95", 8), ("dup cpu", 8),
    ("uniq ms", 8), ("uniq p95", 9), ("uniq cpu", 9), ("recall", 7), ("event ms", 9),
    ("ev p95", 7), ("ev cpu", 7), ("ev recall", 9), ("RSS MB", 7), ("RSS +MB", 8), ("DB MB", 7),
    ("lookup ms", 9),
]


# --- loading ------------------------------------------------------------------------------


def _fmt(when: datetime) -> str:
    # The text form SQLAlchemy's DateTime writes in SQLite (UTC, no offset).
    return when.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def store_corpus(db: Path) -> None:
    """The invented corpus, stored as the crawl would: probes have real originals to find."""
    from sqlmodel import Session

    from storage.db import connect
    from test_dedup_support import candidate, load_corpus, store, wrap

    engine = connect(f"sqlite:///{db}")
    with Session(engine, expire_on_commit=False) as session:
        for i, article in enumerate(load_corpus()):
            text = wrap(article.body, article.meta["source"], article.published_at)
            store(session, f"https://corpus.example/{i}", candidate(article, text))


SYNTHETIC_BASE = 10_000_000  # synthetic ids start here, clear of the corpus's


def stock_anchors() -> list[int]:
    """Anchors of the sites' page furniture: the common phrases a real history is full of."""
    from dedup.fingerprint import fingerprint
    from test_dedup_support import load_boilerplate

    found: set[int] = set()
    for site in load_boilerplate().values():
        found.update(fingerprint(site["header"] + "\n\n" + site["footer"]).anchors)
    return sorted(found)


def corpus_companies() -> list[str]:
    """Company keys of the corpus's announcements (the hot keys of the synthetic history)."""
    from dedup.events import company_keys
    from test_dedup_support import load_corpus

    return sorted({k for a in load_corpus() for k in company_keys(a.meta.get("companies", []))})


def synthetic_rows(start: int, stop: int, rng: random.Random, stock: list[int], hot: list[str]):
    """Article, signature, anchor, event-key and story rows for synthetic ids ``start..stop-1``."""
    articles, signatures, anchors, keys, stories = [], [], [], [], []
    for n in range(start, stop):
        when = _EPOCH + timedelta(minutes=rng.randrange(10 * 365 * 24 * 60))
        stamp = _fmt(when)
        announces = rng.random() < ANNOUNCEMENT_SHARE
        articles.append((n, f"https://synthetic.example/{n}", "synthetic", stamp, stamp,
                         f"Article {n}", f"synthetic body {n}", f"{n:032x}",
                         n if announces else None))
        signatures.append((n, f"{n:032x}", stamp))
        for _ in range(ANCHORS_PER_ARTICLE):
            if rng.random() < STOCK_SHARE:
                anchors.append((rng.choice(stock), n))
            else:
                anchors.append((rng.getrandbits(62) & _MASK & ~3, n))
        if announces:
            company = rng.choice(hot) if rng.random() < HOT_COMPANY_SHARE else f"company {n}"
            jobs = rng.randrange(20, 3000)
            keys += [(f"co:{company}", n, stamp), (f"jobs:{jobs}", n, stamp)]
            stories.append((n, stamp, stamp, json.dumps([company]), jobs))
    return articles, signatures, sorted(set(anchors)), keys, stories


def load_synthetic(db: Path, start: int, stop: int, seed: int) -> None:
    con = sqlite3.connect(db)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-1000000")
    rng = random.Random(seed)
    stock, hot = stock_anchors(), corpus_companies()
    for lo in range(start, stop, BATCH):
        articles, signatures, anchors, keys, stories = synthetic_rows(
            lo, min(lo + BATCH, stop), rng, stock, hot
        )
        with con:
            con.executemany(
                "INSERT INTO story (id, created_at, updated_at, title, known, announcement,"
                " kinds, companies, cities, jobs, article_count)"
                " VALUES (?,?,?,'',0,1,'[\"jobs\"]',?,'[]',?,1)",
                stories,
            )
            con.executemany(
                "INSERT INTO article (id, url, source, fetched_at, published_at, title, text,"
                " body_hash, story_id, truncated, is_seed, status, relevance, relevant,"
                " announcement, decision) VALUES (?,?,?,?,?,?,?,?,?,0,0,'new',0,0,0,'')",
                articles,
            )
            con.executemany(
                "INSERT INTO dedup_signature (article_id, body_hash, published_at, announcement,"
                " anchor_count, numbers, companies, kinds) VALUES (?,?,?,0,40,'[]','[]','[]')",
                signatures,
            )
            con.executemany("INSERT OR IGNORE INTO dedup_anchor VALUES (?,?)", anchors)
            con.executemany("INSERT INTO dedup_event_key VALUES (?,?,?)", keys)
    con.close()


def _scalar(db: Path, sql: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def article_count(db: Path) -> int:
    return _scalar(db, "SELECT count(*) FROM article")


def synthetic_count(db: Path) -> int:
    return _scalar(db, f"SELECT count(*) FROM article WHERE id >= {SYNTHETIC_BASE}")


# --- probing (runs in a child process) ----------------------------------------------------


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 1e6


KINDS = ("near-dup", "unique", "event")


def probes():
    """(kind, candidate) pairs: near-duplicate variants, unique texts, same-event rewrites."""
    from test_dedup_support import candidate, edit_words, load_corpus, variants

    out = []
    for n, article in enumerate(load_corpus()):
        for text in variants(article, seed=n).values():
            out.append(("near-dup", candidate(article, text)))
        unique = edit_words(article.body, 0.5, article.language, seed=1000 + n)
        out.append(("unique", candidate(article, unique, announcement=False)))
        if article.meta.get("announcement") and article.meta.get("companies"):
            rewrite = edit_words(article.body, 0.5, article.language, seed=2000 + n)
            out.append(("event", candidate(article, rewrite)))
    return out


def probe(db: Path, rounds: int) -> dict:
    from sqlmodel import Session

    from dedup import resolve
    from storage.db import connect

    engine = connect(f"sqlite:///{db}", migrate=False)
    cases = probes()
    timings: dict[str, list[float]] = {kind: [] for kind in KINDS}
    cpu: dict[str, list[float]] = {kind: [] for kind in KINDS}
    found = events_found = 0
    rss_before = rss_mb()
    with Session(engine) as session:
        for _kind, cand in cases:  # warm the page cache and the statement cache
            resolve(session, cand)
        for _ in range(rounds):
            for kind, cand in cases:
                t0, c0 = time.perf_counter(), time.process_time()
                res = resolve(session, cand)
                timings[kind].append((time.perf_counter() - t0) * 1000)
                cpu[kind].append((time.process_time() - c0) * 1000)
                found += kind == "near-dup" and res.duplicate_of is not None
                events_found += kind == "event" and res.story_id is not None
        lookups = [lookup_ms(session, cand) for _ in range(rounds) for _, cand in cases]
    near = timings["near-dup"]
    return {
        "near_mean": statistics.mean(near),
        "near_p95": statistics.quantiles(near, n=20)[-1],
        "near_cpu": statistics.mean(cpu["near-dup"]),
        "unique_cpu": statistics.mean(cpu["unique"]),
        "unique_mean": statistics.mean(timings["unique"]),
        "unique_p95": statistics.quantiles(timings["unique"], n=20)[-1],
        "recall": found / len(near),
        "event_mean": statistics.mean(timings["event"]),
        "event_p95": statistics.quantiles(timings["event"], n=20)[-1],
        "event_cpu": statistics.mean(cpu["event"]),
        "event_recall": events_found / len(timings["event"]),
        "lookup_mean": statistics.mean(lookups),
        "rss_mb": rss_mb(),
        "rss_growth_mb": rss_mb() - rss_before,
    }


def lookup_ms(session, cand) -> float:  # noqa: ANN001
    """The index probes alone (what grows with the history): exact hash, anchors, events."""

    from dedup import index
    from dedup.events import event_keys
    from dedup.fingerprint import fingerprint
    from dedup.resolve import EVENT_WINDOW, seed_probe

    fp = fingerprint(cand.text)
    when, window = cand.published_at, EVENT_WINDOW
    t0 = time.perf_counter()
    index.exact_match(session, fp.body_hash)
    index.anchor_hits(session, fp.query_anchors())
    index.event_hits(session, event_keys(cand), when - window, when + window)
    index.seed_event_hits(session, seed_probe(cand))
    return (time.perf_counter() - t0) * 1000


# --- driver -------------------------------------------------------------------------------


def _child(*args: str) -> str:
    command = [sys.executable, __file__, *args]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:  # the child's traceback says why, not only that it failed
        sys.exit(f"{' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def run(sizes: list[int], db: Path, rounds: int) -> None:
    from storage.db import connect

    if not db.exists():
        connect(f"sqlite:///{db}").dispose()
        _child("--store-corpus", "--db", str(db))
    print("ms per check (wall mean / p95, and CPU mean: the machine may be shared)")
    print(" ".join(f"{title:>{width}}" for title, width in COLUMNS))
    for size in sizes:
        have = article_count(db)
        t0 = time.perf_counter()
        if size > have:
            synthetic = synthetic_count(db)
            start, stop = SYNTHETIC_BASE + synthetic, SYNTHETIC_BASE + synthetic + size - have
            _child("--load", str(start), str(stop), "--db", str(db))
        load_s = time.perf_counter() - t0
        r = json.loads(_child("--probe", "--db", str(db), "--rounds", str(rounds)))
        values = [
            f"{article_count(db):,}", f"{load_s:.0f}", f"{r['near_mean']:.2f}",
            f"{r['near_p95']:.2f}", f"{r['near_cpu']:.2f}", f"{r['unique_mean']:.2f}",
            f"{r['unique_p95']:.2f}", f"{r['unique_cpu']:.2f}", f"{r['recall']:.3f}",
            f"{r['event_mean']:.2f}", f"{r['event_p95']:.2f}", f"{r['event_cpu']:.2f}",
            f"{r['event_recall']:.3f}",
            f"{r['rss_mb']:.0f}", f"{r['rss_growth_mb']:.1f}", f"{db.stat().st_size / 1e6:.0f}",
            f"{r['lookup_mean']:.2f}",
        ]
        row = " ".join(f"{value:>{width}}" for value, (_, width) in zip(values, COLUMNS))
        print(row, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the database (default: temp)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--store-corpus", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--load", nargs=2, type=int, metavar=("FROM", "TO"), help=argparse.SUPPRESS)
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.store_corpus:
        return store_corpus(args.db)
    if args.load:
        return load_synthetic(args.db, args.load[0], args.load[1], seed=args.load[0])
    if args.probe:
        return print(json.dumps(probe(args.db, args.rounds)))
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.db:
        return run(sizes, args.db, args.rounds)
    with tempfile.TemporaryDirectory() as tmp:
        run(sizes, Path(tmp) / "bench.db", args.rounds)


if __name__ == "__main__":
    main()
