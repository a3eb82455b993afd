"""Real Moroccan articles (read in place from the shared fixtures, never copied here).

Distinct real articles of one site share its furniture and its vocabulary: none may merge
with another. Each one's copies (paywall prefix, 10% of words edited plus other
furniture, first paragraph dropped) must still be found.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from conftest import shared_path
from dedup import Candidate, resolve
from test_dedup_support import database, edit_words, paywall_prefix, store, wrap

FILES = [
    "telquel/extracted_articles_20250805.json",
    "medias24/newspaper3k_extracted_2025.json",
    "lematin/newspaper3k_extracted_2025.json",
    "fnh/newspaper3k_extracted_2025.json",
]
WHEN = datetime(2025, 8, 1, tzinfo=UTC)


def _real_articles() -> list[tuple[str, str]]:
    found = []
    for name in FILES:
        for record in json.loads((shared_path("fixtures", "real") / name).read_text(encoding="utf-8"))["articles"]:
            text = (record.get("content") or record.get("text") or "").strip()
            found.append((name.split("/")[0], text))
    return found


def _cand(source: str, text: str) -> Candidate:
    return Candidate(text=text, title=None, language="fr", source=source, published_at=WHEN,
                     announcement=False, kinds=[], jobs=None, investment_amount=None,
                     investment_currency=None, companies=[], cities=[])


def _drop_opening(text: str) -> str:
    """The text without its first sentences (about its first 15%): these bodies have no
    paragraph breaks."""
    cut = text.find(". ", len(text) * 15 // 100)
    return text[cut + 2 :] if cut > 0 else text


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    engine = database(tmp_path_factory.mktemp("real"))
    ids = []
    with Session(engine, expire_on_commit=False) as session:
        for i, (source, text) in enumerate(_real_articles()):
            result = store(session, f"https://real.example/{i}", _cand(source, text))
            ids.append((source, text, result))
    return engine, ids


def test_distinct_real_articles_never_merge(stored):
    _, ids = stored
    merged = [
        (source, result.resolution.reason)
        for source, text, result in ids
        if len(text.split()) >= 8 and result.resolution.method != "unique"
    ]
    assert merged == []


def test_empty_bodies_are_not_duplicates_of_each_other(stored):
    _, ids = stored
    empty = [r for _, t, r in ids if not t]
    assert len(empty) > 2 and all(r.resolution.method == "unique" for r in empty)


def test_copies_of_real_articles_are_found(stored):
    engine, ids = stored
    found = total = 0
    misses = []
    with Session(engine) as session:
        for n, (source, text, original) in enumerate(ids):
            if len(text.split()) < 80:
                continue
            copies = {
                "paywall": paywall_prefix(text, 0.4),
                "edit-10pct+furniture": wrap(edit_words(text, 0.10, "fr", n), "portail-regions"),
                "opening-removed": _drop_opening(text),
            }
            for kind, copy in copies.items():
                res = resolve(session, _cand(source, copy))
                total += 1
                if res.duplicate_of == original.article_id:
                    found += 1
                else:
                    assert res.duplicate_of is None, (kind, res.reason)
                    misses.append((n, kind, res.reason))
    print(f"\nreal copies: {found}/{total} found")
    assert found / total >= 0.95, misses
