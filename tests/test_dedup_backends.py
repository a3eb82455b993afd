"""The dedup contract on each backend (SQLite always; PostgreSQL when configured)."""

from __future__ import annotations

from sqlmodel import Session

from dedup import resolve
from storage.db import connect
from test_dedup_support import candidate, load_corpus, paywall_prefix, store, wrap

NAMES = [
    "fr_atlas_fes", "ar_atlas_fes", "fr_memo_nearsoft", "fr_memo_bluewave",
    "fr_sigma_kenitra", "fr_sigma_kenitra_update",
]


def test_pipeline_on_backend(database_url):
    engine = connect(database_url)
    corpus = {a.name: a for a in load_corpus()}
    with Session(engine, expire_on_commit=False) as session:
        stored = {}
        for i, name in enumerate(NAMES):
            article = corpus[name]
            text = wrap(article.body, article.meta["source"], article.published_at)
            stored[name] = store(session, f"https://b.example/{i}", candidate(article, text))
        atlas, arabic = stored["fr_atlas_fes"], stored["ar_atlas_fes"]
        assert arabic.resolution.method == "same-event" and arabic.story_id == atlas.story_id
        assert stored["fr_memo_bluewave"].resolution.method == "unique"
        assert stored["fr_sigma_kenitra_update"].resolution.material_change
        fes, memo = corpus["fr_atlas_fes"], corpus["fr_memo_nearsoft"]
        exact = resolve(session, candidate(fes, wrap(fes.body, "eco-matin", fes.published_at)))
        assert exact.method == "exact-hash" and exact.duplicate_of == atlas.article_id
        prefix = resolve(session, candidate(memo, paywall_prefix(memo.body)))
        assert prefix.method == "near-text"
        assert prefix.duplicate_of == stored["fr_memo_nearsoft"].article_id
    engine.dispose()
