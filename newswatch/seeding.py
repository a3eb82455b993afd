"""The seed corpus: articles the user already knows, stored as known and never alerted."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from analysis import Analysis, analyze
from crawler.ingest import NewArticle, candidate_for, ingest
from dedup import Candidate
from dedup.resolve import ensure_seed_event
from newswatch.errors import SeedError
from storage.db import session_scope
from storage.models import Article

SEED_SOURCE = "seed"


@dataclass(frozen=True)
class SeedDocument:
    name: str
    title: str
    text: str

    @property
    def url(self) -> str:
        return f"seed:{self.name}"


def bundled_seeds_dir() -> Path:
    return Path(str(resources.files("newswatch") / "seeds"))


def read_seeds(directory: Path) -> list[SeedDocument]:
    """Every ``*.txt`` file of ``directory``: first non-empty line is the title."""
    if not directory.is_dir():
        raise SeedError(f"{directory}: not a directory")
    documents = []
    for path in sorted(directory.glob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8").strip()
        except UnicodeDecodeError as exc:
            raise SeedError(f"{path}: not UTF-8 text ({exc})") from exc
        if text:
            title = next(line.strip() for line in text.splitlines() if line.strip())
            documents.append(SeedDocument(path.stem, title[:300], text))
    if not documents:
        raise SeedError(f"{directory}: no .txt seed articles")
    return documents


def import_seeds(engine: Engine, directory: Path) -> int:
    """Store the seeds not yet stored; returns how many were added.

    A seed stored by an older newswatch, before seeds knew their events, gets its event keys
    now, so re-reports of its event in other words are known there too.
    """
    added = 0
    for document in read_seeds(directory):
        with session_scope(engine) as session:
            stored = _stored_id(session, document.url)
            if stored is None:
                _store(session, document)
                added += 1
            else:
                ensure_seed_event(session, stored, _seed_candidate(document)[1])
    return added


def ensure_bundled_seeds(engine: Engine) -> int:
    return import_seeds(engine, bundled_seeds_dir())


def _stored_id(session: Session, url: str) -> int | None:
    return session.exec(select(Article.id).where(Article.url == url)).first()


def _seed_candidate(document: SeedDocument) -> tuple[Analysis, Candidate]:
    analysis = analyze(title=document.title, text=document.text)
    candidate = candidate_for(
        text=document.text, title=document.title, source=SEED_SOURCE, published_at=None,
        analysis=analysis, seed=True,
    )
    return analysis, candidate


def _store(session: Session, document: SeedDocument) -> None:
    analysis, candidate = _seed_candidate(document)
    new = NewArticle(
        url=document.url, source=SEED_SOURCE, title=document.title, text=document.text,
        published_at=None, language=analysis.language, is_seed=True,
    )
    ingest(session, new, analysis=analysis, candidate=candidate)
