"""Generated articles for the >=1,000-article benchmark.

Deterministic for a given (n, seed): the same titles, bodies and ground truth; only the
dates follow `now`. Mostly off-topic business news (some announcing jobs in other
industries), about one in nine on the offshoring sector (announcements with jobs and/or
investment, but also statistics and job cuts that must not alert), and a few wire copies
republished on a second site (the same story, which the dedup stage must merge).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from string import Template

from devkit.replica.article import FRENCH_MONTHS, UTC, ReplicaArticle, slugify
from devkit.replica.phrasebook import GENERIC, TOPICS, VOICES, Topic

CITIES = (
    "Casablanca",
    "Rabat",
    "Fès",
    "Tanger",
    "Marrakech",
    "Agadir",
    "Oujda",
    "Tétouan",
    "Meknès",
    "Kénitra",
    "El Jadida",
    "Béni Mellal",
    "Laâyoune",
    "Dakhla",
    "Nador",
    "Safi",
)
HUBS = (
    "Fès",
    "Tanger",
    "Marrakech",
    "Agadir",
    "Oujda",
    "Meknès",
    "Tétouan",
)  # beside Casablanca/Rabat
NAME_HEADS = (
    "Atlas",
    "Argana",
    "Noria",
    "Zellige",
    "Majorelle",
    "Volubilis",
    "Amane",
    "Kenz",
    "Tafraout",
    "Sahel",
    "Cèdre",
    "Oasis",
    "Ifrane",
    "Bouregreg",
    "Saïss",
    "Mogador",
    "Anfa",
    "Tamuda",
    "Lixus",
    "Draa",
    "Ziz",
    "Nour",
    "Assif",
    "Tizi",
)
NAME_TAILS = {
    "offshoring_announcement": (
        "CX",
        "Digital",
        "Contact",
        "Services",
        "Tech",
        "Nearshore",
        "Connect",
    ),
    "offshoring_sector": ("Consulting", "Conseil", "Services"),
    "offshoring_recruitment": ("CX", "Contact", "Call", "Relation Client"),
    "offshoring_expansion": ("Digital", "Tech", "IT Services", "Nearshore"),
    "offshoring_cuts": ("Call", "Contact", "Télémarketing", "CX"),
    "automotive": ("Automotive", "Industries", "Components", "Aerospace", "Wiring", "Mobility"),
    "banking": ("Bank", "Banque", "Crédit", "Finance"),
    "telecoms": ("Telecom", "Connect", "Networks", "Fibre"),
    "retail": ("Distribution", "Market", "Retail", "Commerce"),
    "energy": ("Énergie", "Power", "Renouvelables", "Solar"),
    "logistics": ("Logistique", "Transport", "Shipping", "Ports"),
}
DEFAULT_TAILS = (
    "Holding",
    "Groupe",
    "Capital",
    "Distribution",
    "Énergie",
    "Logistique",
    "Telecom",
    "Invest",
    "Développement",
    "Immobilier",
)
FIRST_NAMES = (
    "Karim",
    "Salma",
    "Youssef",
    "Nadia",
    "Mehdi",
    "Leila",
    "Omar",
    "Sanaa",
    "Hicham",
    "Imane",
    "Rachid",
    "Ghita",
    "Amine",
    "Houda",
    "Tarik",
    "Meryem",
)
LAST_NAMES = (
    "Bennani",
    "Alaoui",
    "Tazi",
    "Berrada",
    "Lahlou",
    "Kettani",
    "Sefrioui",
    "Chraibi",
    "El Fassi",
    "Benjelloun",
    "Amrani",
    "Ouazzani",
    "Idrissi",
    "Skalli",
    "Naciri",
    "Filali",
)
FIRM_TAILS = ("Conseil", "Advisory", "Research", "Finance", "Capital", "Gestion", "Analytics")
QUARTERS = ("premier", "deuxième", "troisième", "quatrième")
# Shares of on-topic stories (the rest is ordinary business news, evenly spread).
ON_TOPIC_SHARES = {
    "offshoring_announcement": 0.04,  # jobs and investment
    "offshoring_recruitment": 0.015,  # jobs only
    "offshoring_expansion": 0.015,  # investment only
    "offshoring_sector": 0.03,  # statistics: on topic, no announcement
    "offshoring_cuts": 0.015,  # job cuts: on topic, figures, no announcement
}
COPY_SHARE = 0.03
_CHOICE = re.compile(r"\{([^{}]*)\}")


def synthetic_articles(
    n: int,
    seed: int = 0,
    *,
    now: datetime | None = None,
    sites: Sequence[str] = ("wp", "arc", "custom"),
) -> list[ReplicaArticle]:
    """`n` articles spread over `sites`, published within the 48 hours before `now`."""
    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    articles: list[ReplicaArticle] = []
    slugs: set[tuple[str, str]] = set()
    for index in range(n):
        original = _copy_candidate(rng, articles, sites)
        if original is not None:
            article = _republish(rng, original, sites, index, now)
        else:
            article = _compose(rng, _pick_topic(rng), sites[index % len(sites)], index, now)
        article.slug = _unique(article.site, article.slug, slugs)
        articles.append(article)
    return articles


def _pick_topic(rng: random.Random) -> Topic:
    by_name = {topic.name: topic for topic in TOPICS}
    draw = rng.random()
    for name, share in ON_TOPIC_SHARES.items():
        if draw < share:
            return by_name[name]
        draw -= share
    return rng.choice([t for t in TOPICS if not t.on_topic])


def _compose(
    rng: random.Random, topic: Topic, site: str, index: int, now: datetime
) -> ReplicaArticle:
    slots = _slots(rng, topic, now.year)
    # The story first, in any order; the economic context closes the article.
    # Only part of the topic's sentences: two stories on one topic must share little.
    share = round(len(topic.body) * rng.uniform(0.55, 0.75))
    sentences = [
        *rng.sample(topic.body, k=max(5, share)),
        *rng.sample(GENERIC, k=rng.randint(2, 4)),
        *rng.sample(VOICES, k=2),
    ]
    paragraphs: list[str] = []
    while sentences:
        size = rng.randint(2, 3)
        paragraphs.append(" ".join(_fill(rng, s, slots) for s in sentences[:size]))
        sentences = sentences[size:]
    title = _fill(rng, rng.choice(topic.titles), slots)
    published = now - timedelta(minutes=rng.randint(10, 47 * 60))
    announcement = topic.announcement
    return ReplicaArticle(
        site=site,
        slug=slugify(title)[:90].rstrip("-"),
        title=title[0].upper() + title[1:],
        lead=_fill(rng, rng.choice(topic.leads), slots),
        paragraphs=paragraphs,
        published=published.replace(microsecond=0),
        author=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        section=topic.section,
        expected={
            "story": f"S{index}",
            "topic": topic.name,
            "on_topic": topic.on_topic,
            "announcement": announcement,
            "alert": topic.on_topic and announcement,
            **(_figures(topic, slots) if announcement else {}),
        },
    )


def _figures(topic: Topic, slots: Slots) -> dict[str, object]:
    return {
        "jobs": slots["jobs_value"] if topic.states_jobs else None,
        "investment_mdh": slots["mdh_value"] if topic.states_investment else None,
        "city": slots["city"],
        "company": slots["company"],
    }


def _copy_candidate(
    rng: random.Random, articles: list[ReplicaArticle], sites: Sequence[str]
) -> ReplicaArticle | None:
    """Now and then, an earlier story picked up by a second site (a wire copy)."""
    if len(sites) < 2 or not articles or rng.random() >= COPY_SHARE:
        return None
    originals = [a for a in articles[-50:] if "duplicate_of" not in a.expected]
    return rng.choice(originals) if originals else None


def _republish(
    rng: random.Random, original: ReplicaArticle, sites: Sequence[str], index: int, now: datetime
) -> ReplicaArticle:
    site = rng.choice([s for s in sites if s != original.site])
    dateline = rng.choice(["", f"{rng.choice(CITIES)}, (MAP) – "])
    paragraphs = [dateline + original.paragraphs[0], *original.paragraphs[1:]]
    prefix = rng.choice(["", "Le point : ", "Économie : ", "En bref : "])
    title = (
        prefix + original.title[0].lower() + original.title[1:]
        if prefix
        else original.title + " (MAP)"
    )
    return ReplicaArticle(
        site=site,
        slug=slugify(title)[:90].rstrip("-"),
        title=title,
        lead=original.lead,
        paragraphs=paragraphs,
        published=min(
            original.published + timedelta(minutes=rng.randint(20, 240)), now - timedelta(minutes=1)
        ),
        author="MAP",
        section=original.section,
        bullets=list(original.bullets),
        expected={
            **original.expected,
            "duplicate_of": f"{original.site}/{original.slug}",
            "copy": f"S{index}",
        },
    )


def _unique(site: str, slug: str, taken: set[tuple[str, str]]) -> str:
    candidate, number = slug, 2
    while (site, candidate) in taken:
        candidate, number = f"{slug}-{number}", number + 1
    taken.add((site, candidate))
    return candidate


def _fill(rng: random.Random, template: str, slots: Slots) -> str:
    chosen = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    return Template(chosen).substitute(slots)


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _grouped(value: int) -> str:
    return f"{value:,}".replace(",", ".")


# Figures drawn afresh at each occurrence, so one article does not repeat a number.
FIGURES: dict[str, Callable[[random.Random], str]] = {
    "pct": lambda r: _decimal(r.uniform(1.5, 25)),
    "pct2": lambda r: _decimal(r.uniform(2, 40)),
    "pct3": lambda r: _decimal(r.uniform(10, 70)),
    "growth": lambda r: _decimal(r.uniform(1.2, 4.8)),
    "share": lambda r: str(r.randint(12, 75)),
    "small": lambda r: _decimal(r.uniform(0.2, 9.9)),
    "small0": lambda r: str(r.randint(2, 60)),
    "small00": lambda r: str(r.randrange(100, 600, 10)),
    "weeks": lambda r: str(r.randint(3, 12)),
    "amount": lambda r: _decimal(r.uniform(1.2, 98)),
    "amount2": lambda r: _decimal(r.uniform(1.2, 98)),
    "amount3": lambda r: _decimal(r.uniform(1.2, 98)),
    "price": lambda r: _grouped(r.randrange(4000, 30000, 50)),
    "jobs2": lambda r: _grouped(r.randrange(200, 9000, 100)),
    "jobs_k00": lambda r: str(r.randint(150, 300)),
    "mw": lambda r: str(r.randrange(40, 400, 10)),
    "mw2": lambda r: str(r.randrange(40, 400, 10)),
    "rate": lambda r: _decimal(r.uniform(2, 3.5)),
    "months": lambda r: str(r.randint(4, 7)),
    "month": lambda r: r.choice(FRENCH_MONTHS),
    "day": lambda r: str(r.randint(1, 28)),
}


class Slots(dict):
    """Template values: the article's entities are fixed, its figures drawn per use."""

    def __init__(self, rng: random.Random, fixed: dict[str, str]) -> None:
        super().__init__(fixed)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        return FIGURES[key](self.rng)


def _slots(rng: random.Random, topic: Topic, year: int) -> Slots:
    city, city2 = rng.sample(CITIES, 2)
    tails = NAME_TAILS.get(topic.name, DEFAULT_TAILS)
    jobs = rng.randrange(150, 3000, 50)
    mdh = rng.randrange(20, 600, 5)
    return Slots(
        rng,
        {
            "company": f"{rng.choice(NAME_HEADS)} {rng.choice(tails)}",
            "person": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            "expert": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            "firm": f"{rng.choice(NAME_HEADS)} {rng.choice(FIRM_TAILS)}",
            "city": city,
            "city2": city2,
            "hub": rng.choice(HUBS),
            "quarter": rng.choice(QUARTERS),
            "year": str(year + rng.randint(0, 3)),
            "prevyear": str(year - 1),
            "mdh": str(mdh),
            "jobs": _grouped(jobs),
            # Raw values for the ground truth; no template names them.
            "jobs_value": jobs,
            "mdh_value": mdh,  # type: ignore[dict-item]
        },
    )
