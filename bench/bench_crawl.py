"""Crawl throughput: a replica of N articles crawled end to end, against trafilatura's bare
extraction rate over the same pages on one core (the single-core limit).

Run: .venv/bin/python bench/bench_crawl.py --articles 1000
Prints articles/s end to end, the single-core extraction rate, their ratio (target >= 0.8)
and peak memory of the crawl process tree.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import urllib.request
from pathlib import Path

from crawler.extract import extract_article
from newswatch.app import crawl_once, open_database
from newswatch.replica import ReplicaWeb, synthetic_articles
from newswatch.settings import CrawlSettings, Settings
from storage.models import Article
from sqlmodel import Session, func, select


def bench_settings(workdir: Path, workers: int) -> Settings:
    crawl = CrawlSettings(
        download_delay=0, autothrottle=False, extraction_workers=workers, log_level="ERROR",
        max_pages_per_source=100_000, concurrent_per_domain=8, concurrent_total=16,
        run_timeout=3600,
    )
    return Settings(data_dir=workdir, database_url=f"sqlite:///{workdir / 'bench.db'}", crawl=crawl)


def single_core_rate(web: ReplicaWeb, urls: list[str]) -> float:
    pages = [(url, urllib.request.urlopen(url, timeout=10).read().decode("utf-8")) for url in urls]
    started = time.perf_counter()
    for url, html in pages:
        try:
            extract_article(html, url)
        except Exception:  # a page trafilatura rejects still cost its time
            pass
    return len(pages) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2, help="extraction worker processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, ReplicaWeb(articles=synthetic_articles(args.articles)) as web:
        workdir = Path(tmp)
        urls = [web.article_url(a) for site in web.sites.values() for a in site.articles()]
        settings = bench_settings(workdir, args.workers)
        open_database(settings)
        sources = web.write_sources(workdir / "sources.toml")
        started = time.perf_counter()
        summary = crawl_once(settings, sources_file=sources, send_alerts=False)
        elapsed = time.perf_counter() - started
        with Session(open_database(settings)) as session:
            stored = session.exec(select(func.count()).select_from(Article).where(Article.is_seed == False)).one()  # noqa: E712
        limit = single_core_rate(web, urls[:300])
    rate = stored / elapsed
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"replica articles served     {len(urls)}")
    print(f"articles stored             {stored} (run {summary.status}, {summary.errors} errors)")
    print(f"end-to-end wall time        {elapsed:.1f} s (includes child start-up)")
    print(f"end-to-end rate             {rate:.1f} articles/s")
    print(f"trafilatura single core     {limit:.1f} pages/s (bare extraction, 300 pages)")
    print(f"ratio                       {rate / limit:.2f} (target >= 0.8)")
    print(f"peak RSS: crawl child {child_peak:.0f} MB, parent {self_peak:.0f} MB")


if __name__ == "__main__":
    main()
