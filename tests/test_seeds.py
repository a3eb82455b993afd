"""The seed corpus ships in the package, loads as known, and never alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, select

from analysis import analyze
from crawler.ingest import Delivery, NewArticle, candidate_for, ingest
from newswatch.seeding import bundled_seeds_dir, import_seeds
from newswatch.usecases import open_database
from storage.db import session_scope
from storage.models import Alert, Article, Story

NEW_SEED = """Centres d'appels : Voxalia recrute 600 conseillers à Tétouan

Le groupe Voxalia, opérateur de relation client, a annoncé l'ouverture d'un nouveau plateau à
Tétouan. Le site accueillera 600 conseillers d'ici la fin de l'année, pour un investissement de
40 millions de dirhams. Les recrutements débuteront dès le mois prochain, a précisé la direction,
qui mise sur le vivier de diplômés francophones et hispanophones de la région du Nord.

Le centre traitera les appels entrants de clients européens dans les secteurs de l'énergie et des
télécommunications. Il s'agit du troisième site du groupe au Maroc après Casablanca et Rabat.
"""


def _crawl_copy(engine, text: str, url: str) -> Article:  # noqa: ANN001
    """Store ``text`` as a freshly crawled article, through the pipeline's own ingest."""
    analysis = analyze(title=text.splitlines()[0], text=text)
    candidate = candidate_for(text=text, title=text.splitlines()[0], source="copy-site",
                              published_at=datetime.now(UTC), analysis=analysis)
    with session_scope(engine) as session:
        outcome = ingest(
            session, NewArticle(url=url, source="copy-site", title=text.splitlines()[0], text=text,
                                published_at=datetime.now(UTC)),
            analysis=analysis, candidate=candidate,
            delivery=Delivery(["email", "slack"], timedelta(days=7)),
        )
    with Session(engine) as session:
        article = session.get(Article, outcome.article_id)
        assert article is not None
        return article


def test_the_bundled_seeds_load_once_as_known(make_settings) -> None:  # noqa: ANN001
    settings = make_settings()
    engine = open_database(settings)
    open_database(settings)  # a second start adds nothing
    with Session(engine) as session:
        seeds = session.exec(select(Article).where(Article.is_seed == True)).all()  # noqa: E712
        stories = session.exec(select(Story)).all()
    assert len(seeds) == len(list(bundled_seeds_dir().glob("*.txt"))) == 5
    assert all(story.known for story in stories)


def test_a_copy_of_a_seed_with_other_boilerplate_is_known_and_silent(make_settings) -> None:  # noqa: ANN001
    engine = open_database(make_settings())
    seed = (bundled_seeds_dir() / "003_40648fe43f2de642.txt").read_text(encoding="utf-8")
    body = seed.split("A travers ces mémorandums")[0]
    copy = "Accueil > Economie > Emploi\n\n" + body + "\n\nPartagez cet article sur Facebook. Newsletter : inscrivez-vous.\n"
    article = _crawl_copy(engine, copy, "https://autre-site.ma/outsourcing-5050-emplois")
    assert article.status == "known"
    with Session(engine) as session:
        assert session.exec(select(Alert)).all() == []


def test_seeds_import_adds_a_directory_and_its_copies_never_alert(make_settings, tmp_path: Path) -> None:  # noqa: ANN001
    engine = open_database(make_settings())
    folder = tmp_path / "known"
    folder.mkdir()
    (folder / "voxalia.txt").write_text(NEW_SEED, encoding="utf-8")
    assert import_seeds(engine, folder) == 1
    assert import_seeds(engine, folder) == 0
    retitled = "Tétouan : 600 emplois chez Voxalia\n\n" + NEW_SEED.split("\n", 1)[1]
    article = _crawl_copy(engine, retitled, "https://copie.ma/voxalia-tetouan")
    assert article.status == "known"
    with Session(engine) as session:
        assert session.exec(select(Alert)).all() == []


def test_seeds_stored_before_seeds_knew_their_events_get_their_event_keys(make_settings) -> None:  # noqa: ANN001
    from dedup.resolve import SEED_PREFIX
    from storage.models import DedupEventKey

    settings = make_settings()
    engine = open_database(settings)
    with session_scope(engine) as session:
        keys = session.exec(select(DedupEventKey).where(DedupEventKey.key.startswith(SEED_PREFIX))).all()
        assert keys
        before = sorted((k.article_id, k.key) for k in keys)
        for key in keys:  # as an older newswatch left them: seeds without event keys
            session.delete(key)
    assert import_seeds(engine, bundled_seeds_dir()) == 0
    assert import_seeds(engine, bundled_seeds_dir()) == 0  # a second open adds nothing twice
    with Session(engine) as session:
        keys = session.exec(select(DedupEventKey).where(DedupEventKey.key.startswith(SEED_PREFIX))).all()
    assert sorted((k.article_id, k.key) for k in keys) == before
