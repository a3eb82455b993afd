"""The headline rung on a replica: an outlet that answers every request with a 403 challenge,
a local aggregator feed (Google News RSS format) listing its headlines, and a second outlet
that publishes the full report of one of those events a few hours later.

Real parts only: local HTTP servers that record every request, real SMTP (aiosmtpd), a local
Slack endpoint, the real crawl in its child process.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sqlmodel import Session, select
from typer.testing import CliRunner

from alerts_servers import SlackServer
from devkit.replica import ReplicaArticle, ReplicaWeb
from newswatch.cli import app
from newswatch.usecases import crawl_once, open_database
from storage.models import Alert, Article, SourceState, Story

NOW = datetime.now(UTC)
CHALLENGE = (
    b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    b"<div id=\"cf-chl-widget\">Checking your browser before accessing the site.</div>"
    b"<script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1\"></script></body></html>"
)
# (headline, hours ago, announces): our own wording, in the style of the outlet's headlines.
HEADLINES = [
    ("Centre de relation client : Quantelis ouvre un site de 450 postes", 6, True),
    ("Tanger : le groupe Brivanta inaugure un centre d'appels de 350 positions", 5, True),
    ("Offshoring : les exportations de services progressent au troisième trimestre", 4, False),
    ("Bourse de Casablanca : le MASI termine la semaine en hausse", 3, False),
]
FULL_REPORT = [
    "Le groupe Quantelis, spécialiste de la relation client externalisée, a ouvert lundi à "
    "Oujda un nouveau site de production, a annoncé sa direction.",
    "Ce centre de relation client, installé dans la zone Oujda Technopole, va créer 450 postes "
    "d'ici la fin de l'année prochaine, précise le communiqué du groupe.",
    "Les conseillers recrutés serviront des donneurs d'ordre français dans les secteurs de "
    "l'énergie et des télécommunications.",
]


class Recorded(ThreadingHTTPServer):
    """A local server answering every GET with ``answer(path)``, recording each path."""

    daemon_threads = True

    def __init__(self, answer: Callable[[str], tuple[int, str, bytes]]) -> None:
        self.paths: list[str] = []
        self.answer = answer
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: Recorded

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.server.paths.append(self.path)
        status, content_type, body = self.server.answer(self.path)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(answer: Callable[[str], tuple[int, str, bytes]]) -> Iterator[Recorded]:
    server = Recorded(answer)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def google_news_feed(outlet: str, publisher: str, aggregator: str) -> bytes:
    items = []
    for index, (title, hours, _announces) in enumerate(HEADLINES, 1):
        link = f"{aggregator}/rss/articles/CBMiQ{index}x0AAA?oc=5"
        description = (f'<a href="{link}" target="_blank">{escape(title)}</a>&nbsp;&nbsp;'
                       f'<font color="#6f6f6f">{escape(publisher)}</font>')
        items.append(
            f"<item><title>{escape(title)} - {escape(publisher)}</title><link>{link}</link>"
            f'<guid isPermaLink="false">CBMiQ{index}x0AAA</guid>'
            f"<pubDate>{format_datetime(NOW - timedelta(hours=hours), usegmt=True)}</pubDate>"
            f"<description>{escape(description)}</description>"
            f'<source url="{outlet}">{escape(publisher)}</source></item>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss version="2.0" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel><title>"site:blocked" - Google News'
        f"</title><link>{aggregator}/search</link><language>fr</language>{''.join(items)}"
        "</channel></rss>"
    ).encode()


def blocked_entry(outlet: str, aggregator: str) -> str:
    return f"""
[[source]]
name = "medias24"
homepage = "{outlet}/"
language = "fr"
sitemaps = ["{outlet}/news-sitemap.xml"]
feeds = ["{outlet}/feed/"]
wp_api = ["{outlet}/wp-json/wp/v2/posts?per_page=20"]
sections = ["{outlet}/categorie/economie/"]
article_url = '^{re.escape(outlet)}/\\d{{4}}/\\d{{2}}/\\d{{2}}/[^/?#]+/?$'
every = "15m"
notes = "blocked replica outlet"

[source.headlines]
query = "site:medias24.com"
feeds = ["{aggregator}/rss/search?q=site:medias24.com&hl=fr&gl=MA&ceid=MA:fr"]
"""


def full_report() -> ReplicaArticle:
    return ReplicaArticle(
        site="custom", slug="quantelis-ouvre-un-centre-de-450-postes-a-oujda",
        title="Quantelis ouvre à Oujda un centre de relation client de 450 postes", lead=None,
        paragraphs=FULL_REPORT, published=NOW - timedelta(hours=2), author="La rédaction",
    )


def _articles(settings) -> list[Article]:  # noqa: ANN001
    with Session(open_database(settings)) as session:
        return list(session.exec(select(Article).where(Article.is_seed == False)).all())  # noqa: E712


def _alerts(settings) -> list[Alert]:  # noqa: ANN001
    with Session(open_database(settings)) as session:
        return list(session.exec(select(Alert).where(Alert.story_id != None)).all())  # noqa: E711


def test_a_blocked_outlet_alerts_from_its_headlines_and_a_later_full_report_joins_the_story(
    make_settings, mail_server, tmp_path: Path
) -> None:
    sink, port = mail_server
    with serving(lambda path: (403, "text/html", CHALLENGE)) as outlet, \
            serving(lambda path: (404, "text/plain", b"not found")) as aggregator, \
            ReplicaWeb(articles=[], sites=["custom"]) as web, SlackServer() as slack:
        feed = google_news_feed(outlet.base, "Médias24", aggregator.base)
        aggregator.answer = lambda path: (
            (200, "application/rss+xml; charset=utf-8", feed) if path.startswith("/rss/search")
            else (404, "text/plain", b"not found"))
        sources = web.write_sources(tmp_path / "sources.toml")
        sources.write_text(sources.read_text() + blocked_entry(outlet.base, aggregator.base))
        settings = make_settings(
            smtp_host="127.0.0.1", smtp_port=port, smtp_security="none",
            email_to=["analyst@example.ma"], slack_webhook_url=slack.url,
        )

        crawl_once(settings, sources_file=sources)

        headline_articles = [a for a in _articles(settings) if a.source == "medias24"]
        assert {a.title for a in headline_articles} == {title for title, _h, _a in HEADLINES}
        assert all(a.headline_only for a in headline_articles)
        announced = {a.title: a for a in headline_articles if a.announcement}
        assert set(announced) == {title for title, _h, announces in HEADLINES if announces}
        first_alerts = _alerts(settings)
        assert sorted((a.channel, a.kind) for a in first_alerts) == sorted(
            [("email", "announcement"), ("slack", "announcement")] * len(announced))
        assert {a.story_id for a in first_alerts} == {a.story_id for a in announced.values()}
        assert all(a.payload["message"]["headline_only"] for a in first_alerts)
        assert len(sink.messages) == len(announced) and len(slack.delivered) == len(announced)
        for raw in sink.messages:
            mail = message_from_bytes(raw, policy=policy.default)
            assert "Headline only:" in mail["Subject"]
            text = mail.get_body(("plain",)).get_content()
            assert "headline only: Médias24 published it" in text
        assert all("Headline only:" in str(p) for p in slack.delivered)

        article_pages = re.compile(r"^/\d{4}/\d{2}/\d{2}/")
        assert outlet.paths, "the outlet's own rungs were tried first"
        assert not [p for p in outlet.paths if article_pages.match(p)], "no article page requested"
        assert set(outlet.paths) <= {"/robots.txt", "/news-sitemap.xml", "/feed/",
                                     "/wp-json/wp/v2/posts?per_page=20", "/categorie/economie/"}
        assert not [p for p in aggregator.paths if p.startswith("/rss/articles/")], \
            "the aggregator's links are never followed"
        with Session(open_database(settings)) as session:
            state = session.get(SourceState, "medias24")
            assert state is not None and state.last_rung == "headlines"
        env = {"NEWSWATCH_DATA_DIR": str(settings.data_dir), "NEWSWATCH_DATABASE_URL": settings.database_url}
        listed = CliRunner().invoke(app, ["articles", "list", "--source", "medias24", "--json"], env=env)
        assert listed.exit_code == 0, listed.output
        assert [a["headline_only"] for a in json.loads(listed.stdout)["items"]] == [True] * len(HEADLINES)

        # A few hours later a second outlet publishes the full report of the first event.
        web.add_article(full_report())
        crawl_once(settings, sources_file=sources)

        quantelis = announced[HEADLINES[0][0]]
        report = next(a for a in _articles(settings) if a.source == "replica-custom")
        assert not report.headline_only and report.announcement
        assert report.story_id == quantelis.story_id, report.decision
        assert [a.id for a in _alerts(settings)] == [a.id for a in first_alerts], "no second alert"
        assert len(sink.messages) == len(announced) and len(slack.delivered) == len(announced)
        with Session(open_database(settings)) as session:
            story = session.get(Story, quantelis.story_id)
            assert story is not None and story.article_count == 2
            assert story.jobs == 450
            assert "Oujda" in (story.cities or []), "the full report completes the story"
