"""Shared helpers for the dedup tests: the invented corpus, its variants and a mini pipeline.

No tests here; the test modules import these helpers.
"""

from __future__ import annotations

import math
import random
import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from conftest import SHARED
from dedup import Candidate, Resolution, body_hash, register, resolve
from storage.db import connect
from storage.models import Article, Story

DATA = Path(__file__).parent / "data" / "dedup"
SEEDS = SHARED / "seeds"

_WORD = re.compile(r"[^\W\d_]+")
_REPLACEMENTS = {
    "fr": "notamment également important nouveau projet région groupe société cadre selon"
    " plusieurs".split(),
    "en": "notably also important new project region group company framework several".split(),
    "ar": "أيضا مهم جديد مشروع الجهة المجموعة الشركة الإطار عدة".split(),
}


@dataclass(frozen=True)
class CorpusArticle:
    name: str
    event: str
    meta: dict
    body: str

    @property
    def language(self) -> str:
        return self.meta["language"]

    @property
    def published_at(self) -> datetime:
        return datetime.fromisoformat(self.meta["published_at"])


def load_corpus() -> list[CorpusArticle]:
    articles = []
    for path in sorted((DATA / "articles").glob("*.toml")):
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
        body = meta.pop("text").strip()
        articles.append(CorpusArticle(path.stem, meta.pop("event"), meta, body))
    return sorted(articles, key=lambda a: (a.published_at, a.name))


def load_boilerplate() -> dict[str, dict[str, str]]:
    return tomllib.loads((DATA / "boilerplate.toml").read_text(encoding="utf-8"))["site"]


def wrap(body: str, site: str | None, when: datetime | None = None) -> str:
    """``body`` inside ``site``'s page furniture (none if the site has none)."""
    furniture = load_boilerplate().get(site or "")
    if not furniture:
        return body
    date = (when or datetime(2025, 1, 1)).strftime("%d/%m/%Y %H:%M")
    header = furniture["header"].strip().format(date=date)
    return f"{header}\n\n{body}\n\n{furniture['footer'].strip()}"


def candidate(article: CorpusArticle, text: str, **changes) -> Candidate:
    meta = article.meta
    fields = dict(
        text=text,
        title=meta["title"],
        language=meta["language"],
        source=meta["source"],
        published_at=article.published_at,
        announcement=meta.get("announcement", False),
        kinds=list(meta.get("kinds", [])),
        jobs=meta.get("jobs"),
        investment_amount=meta.get("investment_amount"),
        investment_currency=meta.get("investment_currency"),
        companies=list(meta.get("companies", [])),
        cities=list(meta.get("cities", [])),
    )
    fields.update(changes)
    return Candidate(**fields)


# --- variants of a body -------------------------------------------------------------------


def edit_words(body: str, rate: float, language: str, seed: int) -> str:
    """Replace ``rate`` of the words: lowercase words only (a rewrite, not a new figure)."""
    rng = random.Random(seed)
    matches = list(_WORD.finditer(body))
    editable = [m for m in matches if len(m.group()) >= 3 and not m.group()[0].isupper()]
    count = math.ceil(rate * len(matches))
    chosen = sorted(rng.sample(editable, min(count, len(editable))), key=lambda m: m.start())
    pool = _REPLACEMENTS[language]
    out, last = [], 0
    for m in chosen:
        out.append(body[last : m.start()])
        out.append(rng.choice([w for w in pool if w != m.group()]))
        last = m.end()
    out.append(body[last:])
    return "".join(out)


def drop_paragraph(body: str, index: int | None = None) -> str:
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    index = len(paragraphs) // 2 if index is None else index
    return "\n\n".join(p for i, p in enumerate(paragraphs) if i != index)


def paywall_prefix(body: str, share: float = 0.45) -> str:
    words = list(re.finditer(r"\S+", body))
    cut = words[max(1, int(len(words) * share)) - 1].end()
    return body[:cut] + " …\n\nLa suite de cet article est réservée aux abonnés."


def new_title(body: str, title: str) -> str:
    return f"{title}\n\n{body}"


def variants(article: CorpusArticle, seed: int) -> dict[str, str]:
    """Every near-duplicate variant of ``article`` the suite checks, by name."""
    other_site = "portail-regions" if article.meta["source"] != "portail-regions" else "eco-matin"
    body, lang = article.body, article.language
    return {
        "boilerplate-swap": wrap(body, other_site, article.published_at),
        "no-boilerplate": body,
        "paragraph-removed": wrap(drop_paragraph(body), article.meta["source"]),
        "first-paragraph-removed": drop_paragraph(body, 0),
        "paywall-prefix": paywall_prefix(body),
        "edit-5pct": wrap(edit_words(body, 0.05, lang, seed), article.meta["source"]),
        "edit-10pct": edit_words(body, 0.10, lang, seed + 1),
        "edit-10pct-other-site": wrap(edit_words(body, 0.10, lang, seed + 2), other_site),
        "new-title": wrap(new_title(body, "EXCLUSIF — " + article.meta["title"].upper()),
                          other_site),
    }


# --- a mini pipeline: what the crawl does with a Resolution ---------------------------------


def database(tmp_path: Path) -> Engine:
    return connect("sqlite:///" + str(tmp_path / "t.db"))


@dataclass
class Stored:
    article_id: int
    story_id: int
    resolution: Resolution


def store(session: Session, url: str, cand: Candidate, *, seed: bool = False) -> Stored:
    """Resolve, insert the article and its story, register: the caller's side of the contract."""
    cand.seed = seed
    res = resolve(session, cand)
    status = (
        "seed" if seed else "duplicate" if res.duplicate_of else "known" if res.known else "new"
    )
    article = Article(
        url=url, source=cand.source, title=cand.title or "", language=cand.language,
        text=cand.text, body_hash=body_hash(cand.text), is_seed=seed, status=status,
        published_at=cand.published_at, announcement=cand.announcement,
        duplicate_of=res.duplicate_of, similarity=res.similarity, decision=res.reason,
    )
    session.add(article)
    session.flush()
    story = _story_for(session, res, cand, article.id, seed)
    article.story_id = story.id
    register(session, article.id, cand, res)
    session.commit()
    return Stored(article.id, story.id, res)


def _story_for(
    session: Session, res: Resolution, cand: Candidate, article_id: int, seed: bool
) -> Story:
    if res.story_id is None:
        story = Story(
            title=cand.title or "", known=seed, announcement=cand.announcement,
            kinds=cand.kinds, jobs=cand.jobs, investment_amount=cand.investment_amount,
            investment_currency=cand.investment_currency, companies=cand.companies,
            cities=cand.cities, first_article_id=article_id, article_count=1,
        )
    else:
        story = session.get(Story, res.story_id)
        story.article_count += 1
        story.jobs = story.jobs or cand.jobs
        story.investment_amount = story.investment_amount or cand.investment_amount
        story.investment_currency = story.investment_currency or cand.investment_currency
        story.companies = sorted(set(story.companies) | set(cand.companies))
    session.add(story)
    session.flush()
    return story


def seed_candidate(path: Path, **facts) -> Candidate:
    return Candidate(
        text=path.read_text(encoding="utf-8"), title=None, language="fr", source="seed",
        published_at=facts.pop("published_at", None), **facts,
    )
