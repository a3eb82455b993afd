"""The dedup stage's contract with the crawl pipeline: ``resolve`` then ``register``.

Order of questions, cheapest and surest first:
  1. exact-hash: the same normalised body is stored;
  2. near-text: a stored body shares anchors and passes verification (``dedup.compare``);
  3. same-event: an announcement whose facts match a recent story (rewrites, translations),
     or the event of a seed article, whenever that was published;
  4. unique (its reason names the closest story it was not, and why).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session

from dedup import index
from dedup.compare import TextMatch, compare
from dedup.errors import InvalidCandidate
from dedup.events import (
    EventMatch,
    StoryFacts,
    companies_clash,
    company_keys,
    event_keys,
    material_change,
    round_amount,
    same_event,
)
from dedup.fingerprint import Fingerprint, fingerprint
from dedup.text import figures
from storage.clock import utcnow
from storage.models import DedupSignature

# Rewrites and translations of one announcement appear within days of each other; the
# same company's next announcement comes weeks or months later.
EVENT_WINDOW = timedelta(days=14)
# Event keys of seed articles carry this prefix and are looked up without a window.
SEED_PREFIX = "seed|"
# Verify at most this many retrieved texts, and weigh at most this many stories.
MAX_VERIFIED = 4
MAX_STORIES = 5
MIN_SHARED_FRACTION = 0.15
# Fewer words than this and a body is not an article (a failed extraction, a section page).
MIN_EXACT_TOKENS = 8
# A verified containment this high is the copy: no need to verify the next candidates.
SURE_MATCH = 0.9


@dataclass
class Candidate:
    text: str
    title: str | None
    language: str | None
    source: str
    published_at: datetime | None
    announcement: bool = False
    kinds: list[str] = field(default_factory=list)
    jobs: int | None = None
    investment_amount: float | None = None
    investment_currency: str | None = None
    companies: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    seed: bool = False  # an article of the seed corpus: its event is known for ever
    # Computed where the text was extracted (a worker process), or here on first use.
    fingerprint: Fingerprint | None = field(default=None, repr=False, compare=False)

    def fingerprinted(self) -> Fingerprint:
        if self.fingerprint is None:
            self.fingerprint = fingerprint(self.text)
        return self.fingerprint


@dataclass
class Resolution:
    duplicate_of: int | None
    similarity: float | None
    method: str  # exact-hash, near-text, same-event, unique
    story_id: int | None
    known: bool
    material_change: bool
    reason: str


def resolve(session: Session, candidate: Candidate) -> Resolution:
    """Decide whether ``candidate`` copies a stored article or reports a known event.

    Read-only: nothing is written, so a crawl can call it before deciding to store.
    """
    when = _published(candidate)
    fp = candidate.fingerprinted()
    # The lookups below run on the connection: let it see what the caller has pending.
    session.flush()
    found = _exact(session, fp) or _near(session, candidate, fp)
    if found:
        return found
    event, refused = _event(session, candidate, when)
    return event or _unique(refused)


def register(
    session: Session, article_id: int, candidate: Candidate, resolution: Resolution
) -> None:
    """Store the signature, anchors and event keys of a just-inserted article.

    Runs in the caller's transaction, after the ``Article`` insert has been flushed, with
    the ``resolution`` ``resolve`` gave for ``candidate`` in that same transaction.
    """
    when = _published(candidate)
    fp = candidate.fingerprinted()
    session.flush()
    # A copy adds (almost) no phrase to the index: its anchors would only push the
    # original's anchors towards the boilerplate cap, until a wire story published by
    # dozens of sites could no longer be found.
    adds_text = not _resolved_as_copy(resolution)
    index.add_signature(session, _signature(article_id, candidate, fp, when))
    if adds_text:
        index.add_anchors(session, article_id, fp.anchors)
    if candidate.seed:
        index.add_event_keys(session, article_id, seed_keys(candidate, fp), when)
    elif candidate.announcement:
        index.add_event_keys(session, article_id, event_keys(candidate), when)


def ensure_seed_event(session: Session, article_id: int, candidate: Candidate) -> bool:
    """Give a seed stored before seeds knew their events its seed keys; True when added."""
    if index.has_event_keys(session, article_id, SEED_PREFIX):
        return False
    keys = seed_keys(candidate, candidate.fingerprinted())
    index.add_event_keys(session, article_id, keys, _published(candidate))
    return bool(keys)


def seed_keys(candidate: Candidate, fp: Fingerprint) -> list[str]:
    """A seed's keys: its companies and every salient figure of its text, announcement or
    not (a seed about a sector still reports a company's figures that others re-report)."""
    keys = [k for k in event_keys(candidate) if k.startswith("co:")]
    keys += [f"n:{_figure_key(v)}" for v in sorted(figures(list(fp.all_tokens))) if v >= 100]
    return [SEED_PREFIX + k for k in dict.fromkeys(keys)]


def seed_probe(candidate: Candidate) -> list[str]:
    """The seed keys a candidate looks up: its companies, its jobs figure and its amount."""
    keys = [k for k in event_keys(candidate) if k.startswith("co:")]
    keys += [f"n:{_figure_key(v)}" for v in (candidate.jobs, candidate.investment_amount) if v]
    return [SEED_PREFIX + k for k in keys]


def _figure_key(value: float) -> str:
    return f"{round_amount(float(value)):g}"


def _resolved_as_copy(resolution: Resolution) -> bool:
    if resolution.method == "exact-hash":
        return True
    return resolution.method == "near-text" and (resolution.similarity or 0) >= SURE_MATCH


def _published(candidate: Candidate) -> datetime:
    when = candidate.published_at
    if when is None:
        return utcnow()
    if when.tzinfo is None:
        raise InvalidCandidate(f"naive published_at {when!r}: pass an aware UTC datetime")
    return when


def _signature(
    article_id: int, candidate: Candidate, fp: Fingerprint, when: datetime
) -> DedupSignature:
    return DedupSignature(
        article_id=article_id,
        body_hash=fp.body_hash,
        published_at=when,
        language=candidate.language,
        announcement=candidate.announcement,
        anchor_count=len(fp.anchors),
        numbers=sorted(figures(list(fp.all_tokens))),
        companies=list(candidate.companies),
        kinds=list(candidate.kinds),
        jobs=candidate.jobs,
        investment_amount=candidate.investment_amount,
        investment_currency=candidate.investment_currency,
    )


def _exact(session: Session, fp: Fingerprint) -> Resolution | None:
    if len(fp.all_tokens) < MIN_EXACT_TOKENS:
        return None  # empty or one-line bodies (failed extractions) are all "equal"
    article_id = index.exact_match(session, fp.body_hash)
    if article_id is None:
        return None
    stored = index.stored_articles(session, [article_id])[0]
    known = stored.known
    reason = f"exact copy of {_label(article_id, stored.is_seed)} (same normalised body)"
    return Resolution(article_id, 1.0, "exact-hash", stored.story_id, known, False, reason)


def _near(session: Session, candidate: Candidate, fp: Fingerprint) -> Resolution | None:
    best = _best_text_match(session, fp, company_keys(candidate.companies))
    if best is None:
        return None
    stored, match = best
    known = stored.known
    brings_facts = bool(candidate.jobs or candidate.investment_amount or candidate.companies)
    story = _facts(session, stored.story_id) if brings_facts and not known else None
    new = material_change(candidate, story) if story else []
    reason = (
        f"near-duplicate of {_label(stored.id, stored.is_seed)} "
        f"(containment {match.similarity:.2f}){_news(new)}"
    )
    similarity = round(match.similarity, 3)
    return Resolution(
        stored.id, similarity, "near-text", stored.story_id, known, bool(new), reason
    )


def _best_text_match(
    session: Session, fp: Fingerprint, companies: set[str]
) -> tuple[index.StoredArticle, TextMatch] | None:
    anchors = fp.query_anchors()
    hits = index.anchor_hits(session, anchors)
    # A short text (a paywalled teaser) has few anchors: one shared is enough to verify.
    needed = max(1 if len(anchors) <= 4 else 2, math.ceil(MIN_SHARED_FRACTION * len(anchors)))
    ranked = [(aid, shared) for aid, shared in hits.most_common(MAX_VERIFIED) if shared >= needed]
    # Texts sharing far fewer anchors than the best candidate cannot contain it better.
    ids = [aid for aid, shared in ranked if shared * 2 >= ranked[0][1]] if ranked else []
    stored_by_id = {s.id: s for s in index.stored_articles(session, ids)}
    best: tuple[index.StoredArticle, TextMatch] | None = None
    for aid in ids:
        stored = stored_by_id[aid]
        if companies_clash(companies, company_keys(stored.companies)):
            continue  # the same template written about another company
        match = compare(fp, fingerprint(stored.text))
        if match.is_near_duplicate and (best is None or match.similarity > best[1].similarity):
            best = (stored, match)
        if best and best[1].similarity >= SURE_MATCH:
            break
    return best


Refusals = list[tuple[int, str]]


def _event(
    session: Session, candidate: Candidate, when: datetime
) -> tuple[Resolution | None, Refusals]:
    """The story whose event ``candidate`` reports, or the stories it was compared with and
    why each is another event."""
    if not candidate.announcement or candidate.seed:
        return None, []
    lo, hi = when - EVENT_WINDOW, when + EVENT_WINDOW
    hits = index.event_hits(session, event_keys(candidate), lo, hi)
    hits.update(index.seed_event_hits(session, seed_probe(candidate)))
    numbers = figures(list(candidate.fingerprinted().all_tokens))
    best: tuple[StoryFacts, EventMatch] | None = None
    refused: Refusals = []
    # Stories sharing the most facts first; ties in story order, so results are stable.
    ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))[:MAX_STORIES]
    for story_id, _ in ranked:
        story = index.story_facts(session, story_id)
        if story is None:
            continue
        match = same_event(candidate, story, numbers)
        if not match.same:
            refused.append((story_id, match.why))
        elif best is None or (story.known, match.score) > (best[0].known, best[1].score):
            best = (story, match)  # a seed's event wins: it is known, whatever else matched
    if best is None:
        return None, refused
    return _same_event_resolution(candidate, *best), []


def _same_event_resolution(
    candidate: Candidate, story: StoryFacts, match: EventMatch
) -> Resolution:
    new = [] if story.known else material_change(candidate, story)
    if story.known:
        seed = f"seed article {story.seed_article_id}" if story.seed_article_id else "a seed"
        known_note = f", the event of {seed}: already known"
    else:
        known_note = ""
    reason = f"same event as story {story.story_id} ({match.why}){known_note}{_news(new)}"
    return Resolution(None, None, "same-event", story.story_id, story.known, bool(new), reason)


def _unique(refused: Refusals) -> Resolution:
    reason = "no earlier copy or matching event"
    if refused:
        notes = "; ".join(f"not story {sid}: {why}" for sid, why in refused[:3])
        reason = f"{reason} ({notes})"
    return Resolution(None, None, "unique", None, False, False, reason)


def _facts(session: Session, story_id: int | None) -> StoryFacts | None:
    return index.story_facts(session, story_id) if story_id is not None else None


def _label(article_id: int, is_seed: bool) -> str:
    return f"seed article {article_id}" if is_seed else f"article {article_id}"


def _news(new: list[str]) -> str:
    return f"; brings new {', '.join(new)}" if new else ""
