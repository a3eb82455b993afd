"""The seed corpus is known: copies and rewrites of a seed are stored, linked, never new."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from conftest import shared_path
from dedup import resolve
from test_dedup_support import SEEDS, candidate, database, load_corpus, seed_candidate, store, wrap


@pytest.fixture(scope="module", autouse=True)
def _seed_corpus() -> None:
    shared_path("seeds")


# What analysis reads from each seed (only 003 is an announcement).
SEED_FACTS = {
    "000": dict(published_at=datetime(2008, 5, 15, 21, 13, tzinfo=UTC), companies=["Dell"]),
    "001": dict(published_at=datetime(2008, 6, 1, tzinfo=UTC)),
    "002": dict(published_at=datetime(2018, 5, 7, tzinfo=UTC)),
    "003": dict(
        published_at=datetime(2022, 4, 20, 11, 22, tzinfo=UTC), announcement=True,
        kinds=["jobs", "investment"], jobs=5050, investment_amount=65e6,
        investment_currency="MAD", companies=["NTT Data Morocco", "Phoneo", "Cnexia", "Eids Maroc"],
        cities=["Casablanca", "Tanger", "Fès", "Rabat", "Agadir"],
    ),
    "004": dict(published_at=datetime(2009, 3, 23, tzinfo=UTC)),
}


def _seed_path(prefix: str):
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture()
def seeded(tmp_path):
    engine = database(tmp_path)
    ids = {}
    with Session(engine, expire_on_commit=False) as session:
        for prefix, facts in SEED_FACTS.items():
            cand = seed_candidate(_seed_path(prefix), **facts)
            ids[prefix] = store(session, f"https://seed.example/{prefix}", cand, seed=True)
    return engine, ids


def test_seeds_do_not_merge_with_each_other(seeded):
    _, ids = seeded
    assert {s.resolution.method for s in ids.values()} == {"unique"}
    assert len({s.story_id for s in ids.values()}) == 5


def test_seed_003_with_other_boilerplate_is_known(seeded):
    engine, ids = seeded
    text = wrap(_seed_path("003").read_text(encoding="utf-8"), "eco-matin")
    cand = seed_candidate(_seed_path("003"), **SEED_FACTS["003"])
    cand.text, cand.source = text, "eco-matin"
    with Session(engine) as session:
        res = resolve(session, cand)
    assert res.method == "near-text" and res.known
    assert res.duplicate_of == ids["003"].article_id
    assert res.story_id == ids["003"].story_id
    assert res.material_change is False
    assert "seed article" in res.reason


def test_exact_seed_copy_is_known(seeded):
    engine, ids = seeded
    cand = seed_candidate(_seed_path("004"), **SEED_FACTS["004"])
    cand.text = cand.text.upper().replace("\n\n", "\n")
    with Session(engine) as session:
        res = resolve(session, cand)
    assert (res.method, res.known, res.duplicate_of) == ("exact-hash", True, ids["004"].article_id)


def test_arabic_rewrite_of_seed_announcement_is_known(seeded):
    engine, ids = seeded
    rewrite = next(a for a in load_corpus() if a.name == "ar_seed003_rewrite")
    with Session(engine) as session:
        res = resolve(session, candidate(rewrite, rewrite.body))
    assert res.method == "same-event" and res.known
    assert res.story_id == ids["003"].story_id
    assert res.material_change is False  # known stories never trigger an update


def test_seed_paywall_prefix_is_known(seeded):
    engine, ids = seeded
    full = _seed_path("002").read_text(encoding="utf-8")
    cand = seed_candidate(_seed_path("002"), **SEED_FACTS["002"])
    cand.text = full[: len(full) // 3].rsplit(" ", 1)[0] + " … Réservé aux abonnés."
    with Session(engine) as session:
        res = resolve(session, cand)
    assert res.known and res.duplicate_of == ids["002"].article_id


def test_new_article_sharing_seed_teasers_is_not_known(seeded):
    """Seed 000 ends with a block of "related articles" teasers; another article of the same
    site carries that block too, but its own story is new."""
    engine, _ = seeded
    seed_text = _seed_path("000").read_text(encoding="utf-8")
    teasers = seed_text[seed_text.index("Bladi.net Google News") :]
    body = next(a for a in load_corpus() if a.name == "fr_callhorizon_marrakech")
    with Session(engine) as session:
        res = resolve(session, candidate(body, body.body + "\n\n" + teasers))
    assert res.method == "unique" and not res.known


def test_a_seed_event_reported_years_later_in_other_words_is_known(seeded):
    engine, ids = seeded
    rewrite = next(a for a in load_corpus() if a.name == "ar_seed003_rewrite")
    late = candidate(rewrite, rewrite.body, published_at=datetime(2026, 11, 2, tzinfo=UTC),
                     jobs=5000, investment_amount=None)  # "plus de 5.000", no amount
    with Session(engine) as session:
        res = resolve(session, late)
    assert (res.method, res.known, res.story_id) == ("same-event", True, ids["003"].story_id)
    assert f"seed article {ids['003'].article_id}" in res.reason
