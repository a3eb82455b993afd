"""resolve/register: the contract the crawl pipeline relies on."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, func, select

from dedup import Candidate, resolve
from dedup.errors import InvalidCandidate
from storage.models import DedupAnchor, DedupEventKey, DedupSignature
from test_dedup_support import candidate, database, load_corpus, store, wrap

WHEN = datetime(2025, 3, 11, tzinfo=UTC)


def _plain(text: str, **facts) -> Candidate:
    return Candidate(text=text, title="t", language="fr", source="s", published_at=WHEN,
                     announcement=facts.pop("announcement", False), kinds=[], jobs=None,
                     investment_amount=None, investment_currency=None, companies=[], cities=[],
                     **facts)


@pytest.fixture()
def session(tmp_path):
    with Session(database(tmp_path), expire_on_commit=False) as s:
        yield s


def test_empty_database_says_unique(session):
    res = resolve(session, _plain("Un texte quelconque sur l'offshoring au Maroc et ses emplois."))
    assert (res.method, res.duplicate_of, res.story_id, res.known, res.material_change) == (
        "unique", None, None, False, False,
    )
    assert res.reason


def test_resolve_writes_nothing(session):
    resolve(session, _plain("Texte de test avec assez de mots pour former des empreintes."))
    assert not session.new and not session.dirty
    assert session.exec(select(func.count()).select_from(DedupSignature)).one() == 0


def test_naive_published_at_is_refused(session):
    cand = _plain("texte")
    cand.published_at = datetime(2025, 1, 1)
    with pytest.raises(InvalidCandidate):
        resolve(session, cand)


def test_empty_and_tiny_texts_do_not_crash(session):
    for text in ["", "   ", "Emploi.", "٥٠٥٠"]:
        assert resolve(session, _plain(text)).method in ("unique", "exact-hash")
        store(session, f"https://x.ma/{abs(hash(text))}", _plain(text))


def test_register_stores_signature_anchors_and_event_keys(session):
    article = next(a for a in load_corpus() if a.name == "fr_atlas_fes")
    stored = store(session, "https://x.ma/a", candidate(article, article.body))
    sig = session.get(DedupSignature, stored.article_id)
    assert sig.jobs == 1200 and 40e6 in sig.numbers and sig.anchor_count > 10
    anchors = session.exec(select(func.count()).select_from(DedupAnchor)).one()
    assert anchors == sig.anchor_count
    keys = set(session.exec(select(DedupEventKey.key)).all())
    assert keys == {"co:atlas contact services", "jobs:1200", "inv:MAD:4e+07"}


def test_exact_copy_adds_no_anchor(session):
    article = next(a for a in load_corpus() if a.name == "fr_atlas_fes")
    store(session, "https://x.ma/a", candidate(article, article.body))
    before = session.exec(select(func.count()).select_from(DedupAnchor)).one()
    copy = store(session, "https://y.ma/a", candidate(article, article.body.replace("\n\n", "\n")))
    assert copy.resolution.method == "exact-hash" and copy.resolution.similarity == 1.0
    assert session.exec(select(func.count()).select_from(DedupAnchor)).one() == before


def test_near_duplicate_reason_names_article_and_containment(session):
    article = next(a for a in load_corpus() if a.name == "fr_orion_tanger")
    first = store(session, "https://x.ma/a", candidate(article, article.body))
    res = resolve(session, candidate(article, wrap(article.body, "eco-matin")))
    assert res.method == "near-text" and res.duplicate_of == first.article_id
    assert res.reason == f"near-duplicate of article {first.article_id} (containment 1.00)"
    assert 0.5 <= res.similarity <= 1.0


def test_same_event_outside_the_window_is_a_new_story(session):
    article = next(a for a in load_corpus() if a.name == "fr_atlas_fes")
    store(session, "https://x.ma/a", candidate(article, article.body))
    rewrite = next(a for a in load_corpus() if a.name == "en_atlas_fes")
    late = candidate(rewrite, rewrite.body, published_at=datetime(2025, 6, 1, tzinfo=UTC))
    assert resolve(session, late).method == "unique"
    on_time = candidate(rewrite, rewrite.body)
    assert resolve(session, on_time).method == "same-event"


def test_non_announcement_never_matches_by_event(session):
    article = next(a for a in load_corpus() if a.name == "fr_atlas_fes")
    store(session, "https://x.ma/a", candidate(article, article.body))
    rewrite = next(a for a in load_corpus() if a.name == "en_atlas_fes")
    assert resolve(session, candidate(rewrite, rewrite.body, announcement=False)).method == "unique"


def test_a_wire_story_published_by_many_sites_stays_findable(session):
    """Copies add no anchors, so a story copied a hundred times is still found."""
    article = next(a for a in load_corpus() if a.name == "fr_orion_tanger")
    first = store(session, "https://x.ma/0", candidate(article, article.body))
    for n in range(1, 100):
        copy = f"Site numéro {n} : toute l'actualité économique de la région\n\n{article.body}"
        assert store(session, f"https://x.ma/{n}", candidate(article, copy)).resolution.duplicate_of
    anchors = session.exec(select(func.count()).select_from(DedupAnchor)).one()
    assert anchors == session.get(DedupSignature, first.article_id).anchor_count
    prefix = resolve(session, candidate(article, article.body[: len(article.body) // 2]))
    assert (prefix.method, prefix.duplicate_of) == ("near-text", first.article_id)
