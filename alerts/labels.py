"""Words a person reads instead of the codes stored with an alert: kinds, sources, languages.

Source names cover the bundled catalogue (``crawler/catalogue.toml``); a source added later
still gets a readable name derived from its slug. The mapping lives here because the alerts
package must not depend on the crawler or the CLI.
"""

from __future__ import annotations

KIND_WORDS = {
    "new_site": "new site",
    "expansion": "expansion",
    "jobs": "jobs",
    "investment": "investment",
    "mou": "agreement (MoU)",
}

LANGUAGE_WORDS = {"fr": "French", "ar": "Arabic", "en": "English"}

# The outlet's own spelling, keyed by the slug without its edition suffix.
OUTLETS = {
    "medias24": "Médias24",
    "le360": "Le360",
    "hespress": "Hespress",
    "leconomiste": "L'Economiste",
    "lematin": "Le Matin",
    "telquel": "TelQuel",
    "leseco": "LesEco.ma",
    "challenge": "Challenge",
    "lavieeco": "La Vie éco",
    "aujourdhui": "Aujourd'hui le Maroc",
    "h24info": "H24info",
    "fnh": "Finances News Hebdo",
    "ecoactu": "EcoActu",
    "mapnews": "MAP News",
    "mapexpress": "MAP Express",
    "mapbusiness": "MAP Business",
    "ledesk": "Le Desk",
    "yabiladi": "Yabiladi",
    "bladi": "Bladi.net",
    "mwn": "Morocco World News",
    "lopinion": "L'Opinion",
    "libe": "Libération",
    "lnt": "La Nouvelle Tribune",
    "maghress": "Maghress",
    "agadirinou": "Agadirinou",
    "fmes": "FMES",
}

# Slug suffixes naming an edition or a fallback feed of the same outlet.
EDITIONS = {"fr": " (FR)", "ar": " (AR)", "en": " (EN)", "gnews": " via Google News"}


def kind_word(kind: str) -> str:
    return KIND_WORDS.get(kind, kind.replace("_", " ").strip())


def kinds_in_words(kinds: list[str]) -> str:
    return ", ".join(kind_word(k) for k in kinds if k.strip())


def language_word(code: str | None) -> str | None:
    if not code:
        return None
    return LANGUAGE_WORDS.get(code.casefold(), code)


def _outlet(base: str) -> str:
    if base in OUTLETS:
        return OUTLETS[base]
    words = base.replace("_", " ").replace("-", " ").split()
    return " ".join(w[:1].upper() + w[1:] for w in words)


def source_name(slug: str) -> str:
    """``hespress-fr`` -> ``Hespress (FR)``, ``medias24`` -> ``Médias24``."""
    base, _, suffix = slug.strip().rpartition("-")
    if base and suffix in EDITIONS:
        return _outlet(base) + EDITIONS[suffix]
    return _outlet(slug.strip()) or slug
