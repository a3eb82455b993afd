"""Lazy, cached loading of the data files shipped with the package (and user lexicons)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from analysis.errors import LexiconError, ResourceError
from analysis.text import compile_terms, fold, has_arabic, term_pattern

DEFAULT_LEXICON = "offshoring"


def _read_toml_text(text: str, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"{origin}: invalid TOML: {exc}") from exc


@cache
def data_file(name: str) -> dict[str, Any]:
    """A TOML file from `analysis/data/`, parsed once."""
    try:
        text = resources.files("analysis").joinpath("data", f"{name}.toml").read_text("utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing data file analysis/data/{name}.toml") from exc
    return _read_toml_text(text, f"analysis/data/{name}.toml")


def _terms(table: dict[str, Any], *keys: str) -> tuple[str, ...]:
    node: Any = table
    for key in keys:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    if isinstance(node, dict):
        node = node.get("terms", [])
    return tuple(str(t) for t in node)


@dataclass(frozen=True)
class Lexicon:
    """A compiled watch topic."""

    name: str
    strong: re.Pattern[str]
    medium: re.Pattern[str]
    strong_weight: float
    medium_weight: float
    lookalike: re.Pattern[str]
    other_sector: re.Pattern[str]
    companies: tuple[tuple[str, re.Pattern[str]], ...]
    company_any: re.Pattern[str]
    company_weight: float
    any_topic: re.Pattern[str]
    term_words: tuple[tuple[str, ...], ...]
    arabic_topic: re.Pattern[str]

    def might_mention(self, text: str) -> bool:
        """Cheap pre-check before any regex over a whole article: are all the words of some Latin
        term present (plurals allowed), or (in Arabic text) does an Arabic term occur? False means
        certainly no topic term."""
        if has_arabic(text) and self.arabic_topic.search(fold(text)):
            return True
        words = {fold(w) for w in set(_WORD.findall(text.lower()))}
        words |= {w[:-1] for w in words if w.endswith(("s", "x"))}
        return any(all(w in words for w in term) for term in self.term_words)


_WORD = re.compile(r"[^\W_]+")


def _term_words(terms: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The letter-words of each Latin term, singular, as `might_mention` sees them."""
    out: set[tuple[str, ...]] = set()
    for term in terms:
        folded = fold(term.strip())
        if not folded or has_arabic(folded):
            continue
        words = tuple(w[:-1] if w.endswith(("s", "x")) and len(w) > 3 else w
                      for w in re.split(r"[^a-z0-9]+", folded) if w)
        out.add(words or (folded,))
    return tuple(sorted(out, key=len))


def _compile_companies(table: dict[str, Any]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    compiled = []
    for name, spellings in table.items():
        if not isinstance(spellings, list):
            raise LexiconError(f"companies.{name} must be a list of spellings")
        compiled.append((name, compile_terms(tuple(spellings))))
    return tuple(compiled)


def _lexicon_from_dict(data: dict[str, Any], origin: str) -> Lexicon:
    topic = data.get("topic")
    if not isinstance(topic, dict) or "strong" not in topic:
        raise LexiconError(f"{origin}: a lexicon needs a [topic.strong] table with `terms`")
    strong = _terms(data, "topic", "strong")
    medium = _terms(data, "topic", "medium")
    company_spellings = tuple(str(s) for group in data.get("companies", {}).values() for s in group)
    return Lexicon(
        name=str(topic.get("name", origin)),
        strong=compile_terms(strong),
        medium=compile_terms(medium),
        strong_weight=float(topic["strong"].get("weight", 1.0)),
        medium_weight=float(topic.get("medium", {}).get("weight", 0.4)),
        lookalike=compile_terms(_terms(data, "negative", "lookalike")),
        other_sector=compile_terms(_terms(data, "negative", "other_sector")),
        companies=_compile_companies(data.get("companies", {})),
        company_any=compile_terms(company_spellings),
        company_weight=float(data.get("companies_weight", {}).get("weight", 0.0)),
        any_topic=compile_terms(strong + medium + company_spellings),
        term_words=_term_words(strong + medium + company_spellings),
        arabic_topic=compile_terms(tuple(t for t in strong + medium + company_spellings if has_arabic(t))),
    )


@lru_cache(maxsize=16)
def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The bundled offshoring lexicon, or a user TOML file with the same layout."""
    if path is None:
        origin = f"analysis/lexicons/{DEFAULT_LEXICON}.toml"
        text = resources.files("analysis").joinpath("lexicons", f"{DEFAULT_LEXICON}.toml").read_text("utf-8")
    else:
        origin = str(path)
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise LexiconError(f"cannot read lexicon {path}: {exc}") from exc
    return _lexicon_from_dict(_read_toml_text(text, origin), origin)


@cache
def cue(name: str) -> re.Pattern[str]:
    """Compiled pattern for a cue table of `data/cues.toml` (dotted name, e.g. "negative.event")."""
    return compile_terms(_terms(data_file("cues"), *name.split(".")))


@cache
def cue_list(name: str, key: str) -> tuple[str, ...]:
    node: Any = data_file("cues")
    for part in name.split("."):
        node = node.get(part, {})
    return tuple(node.get(key, []))


@cache
def cue_reason(name: str) -> str:
    node: Any = data_file("cues")
    for part in name.split("."):
        node = node.get(part, {})
    return str(node.get("reason", name))


@cache
def ending_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Matches when one of the terms ends the (folded) string: used for words before a number."""
    return re.compile("(?:" + "|".join(term_pattern(t) for t in sorted(terms, key=len, reverse=True)) + r")\W*$")
