"""The foundation's acceptance: a real crawl of the replica, real mail and Slack servers."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.header import decode_header, make_header
from pathlib import Path

from sqlmodel import Session, select

from alerts_servers import SlackServer
from devkit.replica import ReplicaWeb
from newswatch.usecases import crawl_once, open_database
from storage.models import Alert, Article

ALERTING = {"A", "E"}  # the replica's announcement stories in the sector, new to the corpus


def _subject(raw: bytes) -> str:
    message = message_from_bytes(raw, policy=policy.default)
    return str(make_header(decode_header(message["Subject"])))


def _article_paths(web: ReplicaWeb) -> list[str]:
    urls = {web.article_url(a).split("/", 3)[3] for site in web.sites.values() for a in site.articles()}
    return [path for _site, path in web.requests if path.lstrip("/") in urls]


def _settings(make_settings, mail_server, slack: SlackServer, **extra):  # noqa: ANN001, ANN003, ANN202
    _sink, port = mail_server
    return make_settings(
        smtp_host="127.0.0.1", smtp_port=port, smtp_security="none",
        email_to=["analyst@example.ma"], slack_webhook_url=slack.url, **extra,
    )


def test_crawl_alerts_each_announcement_story_once(
    make_settings, mail_server, replica: ReplicaWeb, tmp_path: Path, database_url: str
) -> None:
    sink, _port = mail_server
    with SlackServer() as slack:
        settings = _settings(make_settings, mail_server, slack, database_url=database_url)
        sources = replica.write_sources(tmp_path / "sources.toml")
        summary = crawl_once(settings, sources_file=sources)

        assert summary.failed_sources == [], summary
        expected_titles = {
            a.title for site in replica.sites.values() for a in site.articles()
            if a.expected.get("story") in ALERTING
        }
        assert len(sink.messages) == 2
        assert len(slack.delivered) == 2
        subjects = " | ".join(_subject(m) for m in sink.messages)
        assert ("Tellaris" in subjects) and ("Nexora" in subjects), subjects
        assert len(expected_titles) == 3  # story A, and the wire story E on two sites

        with Session(open_database(settings)) as session:
            stored = session.exec(select(Article).where(Article.is_seed == False)).all()  # noqa: E712
            titles = {a.title for a in stored}
            for story in "ABCDE":
                wanted = [a.title for site in replica.sites.values() for a in site.articles() if a.expected.get("story") == story]
                assert wanted and set(wanted) <= titles, (story, wanted)
            seed_copy = [a for a in stored if a.status == "known"]
            assert len(seed_copy) == 1 and "5.050" in seed_copy[0].title
            wire = [a for a in stored if "Nexora" in a.title]
            assert len(wire) == 2 and wire[0].story_id == wire[1].story_id
            sent = session.exec(select(Alert).where(Alert.status == "sent")).all()
            assert {a.channel for a in sent} == {"email", "slack"} and len(sent) == 4

        # A second crawl fetches no article page again and sends nothing.
        fetched_once = _article_paths(replica)
        assert len(fetched_once) == len(set(fetched_once))
        crawl_once(settings, sources_file=sources)
        assert _article_paths(replica) == fetched_once
        assert len(sink.messages) == 2 and len(slack.delivered) == 2


def test_an_announcement_older_than_the_window_is_recorded_not_sent(
    make_settings, mail_server, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    from devkit.replica import ReplicaArticle

    sink, _port = mail_server
    old = ReplicaArticle(
        site="custom", slug="casablanca-orvanis-ouvre-un-centre-de-contact-de-700-postes",
        title="Casablanca : Orvanis ouvre un centre de contact de 700 postes",
        lead="L'opérateur de relation client Orvanis s'installe à Casanearshore.",
        paragraphs=[
            "Le spécialiste de l'externalisation de la relation client Orvanis a inauguré à "
            "Casablanca, au sein du parc Casanearshore, un centre de contact qui créera 700 postes "
            "d'ici la fin de l'année prochaine, pour un investissement de 60 millions de dirhams.",
            "Le centre servira des clients français et belges dans les télécoms et l'énergie. "
            "Les recrutements de conseillers bilingues ont commencé, selon la direction.",
            "Orvanis emploie déjà 1.500 personnes à Rabat et à Fès dans le service client.",
        ],
        published=datetime.now(UTC) - timedelta(days=12), author="MAP",
    )
    with ReplicaWeb(articles=[old], sites=["custom"]) as web, SlackServer() as slack:
        settings = _settings(make_settings, mail_server, slack)
        crawl_once(settings, sources_file=web.write_sources(tmp_path / "old.toml"))
        with Session(open_database(settings)) as session:
            article = session.exec(select(Article).where(Article.source == "replica-custom")).one()
            alerts = session.exec(select(Alert)).all()
        assert article.announcement is True
        assert {a.status for a in alerts} == {"suppressed"} and len(alerts) == 2
        assert sink.messages == [] and slack.requests == []
