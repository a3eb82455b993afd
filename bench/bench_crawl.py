"""Crawl throughput: a replica of N articles crawled end to end, against trafilatura's bare
extraction rate over the same pages on one core (the single-core limit).

Run: .venv/bin/python bench/bench_crawl.py --articles 1000 [--weight real|light]
     [--database-url postgresql+psycopg://...]  (an empty database; SQLite by default)

"real" pages carry the furniture real Moroccan news pages carry (menus, sidebars, inline
scripts; 100-180 KB, like the real medias24 article); "light" pages are the bare 6-9 KB
pages the tests use. Prints articles/s end to end (child start-up included), the bare
trafilatura rate on one core, their ratio (target >= 0.8), where the CPU went (crawl
process, extraction workers, the replica server in this process) and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psutil
import trafilatura
from sqlmodel import Session, func, select

# devkit/ is dev-only and outside the wheel: import it from the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.encoding import decode_html  # noqa: E402
from devkit.replica import ReplicaWeb, synthetic_articles  # noqa: E402
from newswatch.settings import CrawlSettings, Settings  # noqa: E402
from newswatch.usecases import crawl_once, open_database  # noqa: E402
from storage.models import Article  # noqa: E402


def bench_settings(workdir: Path, workers: int, database_url: str | None = None) -> Settings:
    crawl = CrawlSettings(
        download_delay=0, autothrottle=False, extraction_workers=workers, log_level="ERROR",
        max_pages_per_source=100_000, concurrent_per_domain=8, concurrent_total=16,
        run_timeout=3600,
    )
    url = database_url or f"sqlite:///{workdir / 'bench.db'}"
    return Settings(data_dir=workdir, database_url=url, crawl=crawl)


def fetch_pages(urls: list[str]) -> list[tuple[str, str]]:
    pages = []
    for url in urls:
        with urllib.request.urlopen(url, timeout=10) as answer:
            pages.append((url, decode_html(answer.read(), answer.headers["Content-Type"]).text))
    return pages


def single_core_rate(pages: list[tuple[str, str]]) -> float:
    """trafilatura alone, nothing of ours: the page text in, the document with metadata out."""
    started = time.perf_counter()
    for url, html in pages:
        trafilatura.bare_extraction(html, url=url, with_metadata=True)
    return len(pages) / (time.perf_counter() - started)


class CpuWatch:
    """CPU seconds and peak RSS of each process of the crawl's tree, sampled until the
    crawl ends (a finished process's figures are lost to psutil, hence the sampling).

    Not RUSAGE_CHILDREN's maxrss: a spawned child is forked before it execs, and Linux keeps
    the high-water mark across exec, so it reports this process's size at spawn time.
    """

    def __init__(self) -> None:
        self.seen: dict[int, tuple[str, float]] = {}
        self.peak_rss: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> CpuWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.2):
            for child in me.children(recursive=True):
                try:
                    times, rss = child.cpu_times(), child.memory_info().rss / 2**20
                    role = "crawl process" if child.ppid() == me.pid else "extraction worker"
                    self.seen[child.pid] = (role, times.user + times.system)
                    self.peak_rss[role] = max(self.peak_rss.get(role, 0.0), rss)
                except psutil.Error:
                    continue

    def by_role(self) -> dict[str, list[float]]:
        roles: dict[str, list[float]] = {}
        for role, seconds in self.seen.values():
            roles.setdefault(role, []).append(seconds)
        return roles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2, help="extraction worker processes")
    parser.add_argument("--weight", choices=("real", "light"), default="real")
    parser.add_argument("--limit-pages", type=int, default=400, help="pages timed for the limit")
    parser.add_argument(
        "--database-url", help="an EMPTY database to crawl into (default: a SQLite file in a "
        "temporary folder), e.g. postgresql+psycopg://postgres@127.0.0.1:5432/newswatch_bench",
    )
    args = parser.parse_args()
    articles = synthetic_articles(args.articles)
    with tempfile.TemporaryDirectory() as tmp, ReplicaWeb(articles=articles, page_weight=args.weight) as web:
        workdir = Path(tmp)
        urls = [web.article_url(a) for site in web.sites.values() for a in site.articles()]
        settings = bench_settings(workdir, args.workers, args.database_url)
        open_database(settings)
        sources = web.write_sources(workdir / "sources.toml")
        pages = fetch_pages(urls[: args.limit_pages])
        # This machine's speed drifts by tens of percent within minutes: the limit is timed
        # just before and just after the crawl, and their mean is the one compared.
        limit_before = single_core_rate(pages)
        me = psutil.Process()
        server_before = sum(me.cpu_times()[:2])
        with CpuWatch() as watch:
            started = time.perf_counter()
            summary = crawl_once(settings, sources_file=sources, send_alerts=False)
            elapsed = time.perf_counter() - started
        parent_cpu = sum(me.cpu_times()[:2]) - server_before
        limit_after = single_core_rate(pages)
        with Session(open_database(settings)) as session:
            stored = session.exec(select(func.count()).select_from(Article).where(Article.is_seed == False)).one()  # noqa: E712
    limit = (limit_before + limit_after) / 2
    rate = stored / elapsed
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sizes = [len(html.encode()) / 1024 for _, html in pages]
    print(f"replica articles served     {len(urls)} ({args.weight} pages, median {statistics.median(sizes):.0f} KB)")
    print(f"articles stored             {stored} (run {summary.status}, {summary.errors} errors)")
    print(f"end-to-end wall time        {elapsed:.1f} s (includes child start-up)")
    print(f"end-to-end rate             {rate:.1f} articles/s")
    print(f"trafilatura single core     {limit:.1f} pages/s (bare_extraction, {len(pages)} pages; "
          f"{limit_before:.1f} before the crawl, {limit_after:.1f} after)")
    print(f"ratio                       {rate / limit:.2f} (target >= 0.8)")
    for role, seconds in sorted(watch.by_role().items()):
        print(f"cpu {role:<24}{sum(seconds):.1f} s in {len(seconds)} process(es), {1000 * sum(seconds) / max(stored, 1):.1f} ms/article")
    print(f"cpu replica server + bench  {parent_cpu:.1f} s (this process, threads)")
    for role, peak in sorted(watch.peak_rss.items()):
        print(f"peak RSS {role:<19}{peak:.0f} MB (sampled every 0.2 s, largest process)")
    print(f"peak RSS this process       {self_peak:.0f} MB (replica server, pages timed for the limit)")


if __name__ == "__main__":
    main()
