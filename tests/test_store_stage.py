"""The store stage writes in batches; one article that cannot be stored loses only itself."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session, select

from dedup import canonical_url
from devkit.replica import ReplicaWeb, synthetic_articles
from newswatch.usecases import crawl_once, open_database
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
        # The database refuses this one insert (as a constraint would), inside a batch of others.
        with session_scope(engine) as session:
            session.exec(text(  # type: ignore[call-overload]
                "CREATE TRIGGER refuse_one BEFORE INSERT ON article WHEN NEW.url = :url "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END".replace(
                    ":url", "'" + blocked_url.replace("'", "''") + "'")
            ))
        sources = web.write_sources(tmp_path / "sources.toml")

        summary = crawl_once(settings, sources_file=sources, send_alerts=False)

        with Session(engine) as session:
            crawled = session.exec(select(Article).where(Article.source == "replica-wp")).all()
            errors = session.exec(select(SourceError).where(SourceError.kind == "StoreFailed")).all()
            page = session.exec(select(Page).where(Page.url == blocked_url)).first()
        assert len(crawled) == len(articles) - 1
        assert [e.url for e in errors] == [blocked_url]
        assert "refused by the test trigger" in errors[0].message
        assert page is None  # not marked seen: the next run tries it again
        assert summary.sources["replica-wp"] == "ok"

        with session_scope(engine) as session:
            session.exec(text("DROP TRIGGER refuse_one"))  # type: ignore[call-overload]
        crawl_once(settings, sources_file=sources, send_alerts=False)
        with Session(engine) as session:
            stored = session.exec(select(Article).where(Article.url == blocked_url)).one()
        assert stored.source == "replica-wp"
