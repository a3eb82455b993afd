"""Stories across sites and languages, through a real crawl: one story, one alert each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path

from sqlmodel import Session, select

from alerts.labels import source_name
from alerts_servers import SlackServer
from devkit.replica import ReplicaArticle, ReplicaWeb
from newswatch.usecases import crawl_once, open_database
from storage.models import Alert, Article

NOW = datetime.now(UTC)

WIRE = [
    "Le groupe Atlantis Services, spécialiste de l'externalisation des processus métiers, a "
    "inauguré mercredi à Tanger un nouveau centre de services partagés, a-t-on appris auprès "
    "de la direction de l'entreprise.",
    "Ce site, implanté dans la zone Tanger Tech, va générer 900 emplois directs d'ici fin 2027, "
    "pour un investissement global de 120 millions de dirhams, précise un communiqué du groupe.",
    "Les nouvelles recrues, majoritairement des jeunes diplômés de la région du Nord, seront "
    "formées aux métiers de la comptabilité, de la paie et du support informatique pour des "
    "clients européens.",
    "La cérémonie d'inauguration s'est déroulée en présence du wali de la région Tanger-Tétouan-"
    "Al Hoceima et de représentants de l'Agence marocaine de développement des investissements.",
    "Atlantis Services compte déjà deux sites au Maroc, à Casablanca et à Rabat, où travaillent "
    "quelque 2.100 collaborateurs, selon la même source.",
]

FRENCH_MOU = [
    "Un mémorandum d'entente a été signé lundi à Rabat entre le ministère de l'Industrie et le "
    "groupe Nordline CX, opérateur de centres de relation client.",
    "Aux termes de cet accord, Nordline CX s'engage à créer 1.500 emplois à Oujda d'ici 2027 et à "
    "investir 80 millions de dirhams dans un nouveau plateau de relation client.",
    "Le site servira des donneurs d'ordre français et espagnols dans les secteurs de l'assurance "
    "et du commerce en ligne, a indiqué le directeur général du groupe.",
]

ARABIC_MOU = [
    "وقعت وزارة الصناعة والتجارة، يوم الاثنين بالرباط، مذكرة تفاهم مع مجموعة Nordline CX "
    "المتخصصة في مراكز الاتصال وخدمة الزبناء.",
    "وبموجب هذه المذكرة، تلتزم المجموعة بإحداث 1500 منصب شغل بمدينة وجدة في أفق سنة 2027، "
    "باستثمار قدره 80 مليون درهم لإنشاء منصة جديدة لخدمة الزبناء.",
    "وستقدم المنصة الجديدة خدماتها لفائدة زبناء فرنسيين وإسبان في قطاعي التأمين والتجارة "
    "الإلكترونية، حسب ما أفاد به المدير العام للمجموعة.",
]


def _article(site: str, slug: str, title: str, paragraphs: list[str], hours: int, language: str = "fr") -> ReplicaArticle:
    return ReplicaArticle(
        site=site, slug=slug, title=title, lead=None, paragraphs=paragraphs,
        published=NOW - timedelta(hours=hours), author="MAP", language=language,
    )


def replica_articles() -> list[ReplicaArticle]:
    return [
        _article("wp", "tanger-atlantis-services-inaugure-un-centre-de-900-emplois",
                 "Tanger : Atlantis Services inaugure un centre de 900 emplois", WIRE, 5),
        _article("arc", "bpo-atlantis-services-mise-sur-le-nord",
                 "BPO : pourquoi Atlantis Services mise sur le Nord", ["Tanger, (MAP) – " + WIRE[0], *WIRE[1:]], 4),
        _article("custom", "atlantis-services-ouvre-a-tanger",
                 "Atlantis Services ouvre à Tanger", WIRE[:2] + WIRE[3:], 3),  # one paragraph removed
        _article("wp", "nordline-cx-1-500-emplois-a-oujda",
                 "Nordline CX s'engage sur 1.500 emplois à Oujda", FRENCH_MOU, 6),
        _article("ar", "nordline-cx-oujda", "مجموعة Nordline CX تحدث 1500 منصب شغل بوجدة", ARABIC_MOU, 2, "ar"),
    ]


def test_wire_copies_and_a_translation_make_one_story_and_one_alert_each(
    make_settings, mail_server, tmp_path: Path
) -> None:
    sink, port = mail_server
    with ReplicaWeb(articles=replica_articles(), sites=["wp", "arc", "custom", "ar"]) as web, SlackServer() as slack:
        settings = make_settings(
            smtp_host="127.0.0.1", smtp_port=port, smtp_security="none",
            email_to=["analyst@example.ma"], slack_webhook_url=slack.url,
        )
        crawl_once(settings, sources_file=web.write_sources(tmp_path / "sources.toml"))
        with Session(open_database(settings)) as session:
            crawled = session.exec(select(Article).where(Article.is_seed == False)).all()  # noqa: E712
            alerts = session.exec(select(Alert).where(Alert.status == "sent")).all()
        assert len(crawled) == 5
        atlantis = {a.story_id for a in crawled if "Atlantis" in a.title}
        nordline = {a.story_id for a in crawled if "Nordline" in a.title}
        assert len(atlantis) == 1 and len(nordline) == 1 and atlantis != nordline
        assert len(sink.messages) == 2 and len(slack.delivered) == 2
        assert {a.story_id for a in alerts} == atlantis | nordline
        # "Also reported by": the later alert-free copies are listed on the story's alert payload
        # or visible through the story; every copy joined the first article's story.
        assert sum(1 for a in crawled if a.status == "duplicate") >= 2


def test_the_alert_lists_the_copies_crawled_in_the_same_run(
    make_settings, mail_server, tmp_path: Path
) -> None:
    sink, port = mail_server
    articles = [a for a in replica_articles() if "Atlantis" in a.title]
    with ReplicaWeb(articles=articles, sites=["wp", "arc", "custom"]) as web:
        settings = make_settings(
            smtp_host="127.0.0.1", smtp_port=port, smtp_security="none", email_to=["analyst@example.ma"],
        )
        crawl_once(settings, sources_file=web.write_sources(tmp_path / "sources.toml"))
    assert len(sink.messages) == 1
    mail = sink.messages[0].decode("utf-8", errors="replace")
    names = [source_name(slug) for slug in ("replica-wp", "replica-arc", "replica-custom")]
    reported = [name for name in names if name in mail]  # sources are shown by name
    assert len(reported) == 3, reported  # the alerting source plus "also reported by" the other two
    body = message_from_bytes(sink.messages[0], policy=policy.default).get_body(("plain",))
    also = body.get_content().split("Also reported by:", 1)[1]
    assert "(900 jobs, 120 M MAD)" in also  # each outlet with its own figures
