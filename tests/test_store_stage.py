"""The store stage writes in batches; one article that cannot be stored loses only itself."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from dedup import canonical_url
from newswatch.app import crawl_once, open_database
from newswatch.replica import ReplicaWeb, synthetic_articles
from storage.db import session_scope
from storage.models import Article, Page, SourceError


def test_an_article_that_cannot_be_stored_is_recorded_and_the_rest_are_kept(
    make_settings, tmp_path: Path
) -> None:
    articles = synthetic_articles(24, seed=7, sites=("wp",))
    with ReplicaWeb(articles=articles, sites=["wp"]) as web:
        settings = make_settings()
        engine = open_database(settings)
        blocked_url = canonical_url(web.article_url(articles[5]))
        # A row already holding the URL (as a half-finished import would leave): the insert
        # of the crawled article violates the unique URL, inside a batch of others.
        with session_scope(engine) as session:
            session.add(Article(url=blocked_url, source="elsewhere", title="placeholder"))
        sources = web.write_sources(tmp_path / "sources.toml")

        summary = crawl_once(settings, sources_file=sources, send_alerts=False)

        with Session(engine) as session:
            crawled = session.exec(select(Article).where(Article.source == "replica-wp")).all()
            errors = session.exec(select(SourceError).where(SourceError.kind == "StoreFailed")).all()
            page = session.exec(select(Page).where(Page.url == blocked_url)).first()
        assert len(crawled) == len(articles) - 1
        assert [e.url for e in errors] == [blocked_url]
        assert "IntegrityError" in errors[0].message
        assert page is None  # not marked seen: the next run tries it again
        assert summary.sources["replica-wp"] == "ok"

        with session_scope(engine) as session:
            session.delete(session.exec(select(Article).where(Article.url == blocked_url)).one())
        crawl_once(settings, sources_file=sources, send_alerts=False)
        with Session(engine) as session:
            stored = session.exec(select(Article).where(Article.url == blocked_url)).one()
        assert stored.source == "replica-wp"
