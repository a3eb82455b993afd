"""Result types of the analysis: plain frozen dataclasses, JSON-friendly via `to_dict`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Currency = Literal["MAD", "EUR", "USD"]
KINDS = ("new_site", "expansion", "jobs", "investment", "mou")


@dataclass(frozen=True)
class Investment:
    amount: float
    currency: Currency

    def to_dict(self) -> dict[str, Any]:
        amount: float | int = int(self.amount) if float(self.amount).is_integer() else self.amount
        return {"amount": amount, "currency": self.currency}


@dataclass(frozen=True)
class Analysis:
    language: str
    relevant: bool
    relevance: float
    relevance_evidence: list[str] = field(default_factory=list)
    announcement: bool = False
    kinds: list[str] = field(default_factory=list)
    jobs: int | None = None
    investment: Investment | None = None
    companies: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    jobs_evidence: str | None = None  # the sentence `jobs` was read from (several joined for a summed total)
    investment_evidence: str | None = None  # the sentence `investment` was read from

    def to_dict(self) -> dict[str, Any]:
        """The JSONL contract fields, plus per-figure evidence, `relevance_evidence` and `reasons`."""
        return {
            "language": self.language,
            "relevant": self.relevant,
            "relevance": round(self.relevance, 3),
            "announcement": self.announcement,
            "kinds": list(self.kinds),
            "jobs": self.jobs,
            "investment": self.investment.to_dict() if self.investment else None,
            "companies": list(self.companies),
            "cities": list(self.cities),
            "evidence": list(self.evidence),
            "jobs_evidence": self.jobs_evidence,
            "investment_evidence": self.investment_evidence,
            "relevance_evidence": list(self.relevance_evidence),
            "reasons": list(self.reasons),
        }
