"""Scoring `analyze` against a labelled JSONL set (used by the quality gate and the floors script)."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.pipeline import analyze


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        self.tp += gold and predicted
        self.fp += predicted and not gold
        self.fn += gold and not predicted

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _norm(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def set_f1(gold: Iterable[str], predicted: Iterable[str]) -> float:
    g, p = {_norm(x) for x in gold}, {_norm(x) for x in predicted}
    if not g and not p:
        return 1.0
    tp = len(g & p)
    if not tp:
        return 0.0
    precision, recall = tp / len(p), tp / len(g)
    return 2 * precision * recall / (precision + recall)


def _same_investment(gold: dict[str, Any] | None, predicted: dict[str, Any] | None) -> bool:
    if gold is None or predicted is None:
        return gold is predicted
    return gold["currency"] == predicted["currency"] and abs(gold["amount"] - predicted["amount"]) < 0.5


def load_examples(path: str | Path, split: str | None = None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r.get("split", "dev") == split]


def evaluate(examples: list[dict[str, Any]]) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """Metrics and the list of per-example mistakes."""
    relevance, announcement = PRF(), PRF()
    jobs_ok = inv_ok = gold_ann = 0
    city_f1: list[float] = []
    company_f1: list[float] = []
    mistakes: list[dict[str, Any]] = []
    for ex in examples:
        out = analyze(title=ex.get("title"), text=ex["text"], language=ex.get("language")).to_dict()
        relevance.add(ex["relevant"], out["relevant"])
        announcement.add(ex["announcement"], out["announcement"])
        wrong = []
        if ex["relevant"] != out["relevant"]:
            wrong.append("relevant")
        if ex["announcement"] != out["announcement"]:
            wrong.append("announcement")
        if ex["announcement"]:
            gold_ann += 1
            jobs_ok += ex["jobs"] == out["jobs"]
            inv_ok += _same_investment(ex["investment"], out["investment"])
            city_f1.append(set_f1(ex["cities"], out["cities"]))
            company_f1.append(set_f1(ex["companies"], out["companies"]))
            if ex["jobs"] != out["jobs"]:
                wrong.append("jobs")
            if not _same_investment(ex["investment"], out["investment"]):
                wrong.append("investment")
            if city_f1[-1] < 1:
                wrong.append("cities")
            if company_f1[-1] < 1:
                wrong.append("companies")
        if wrong:
            mistakes.append({"id": ex["id"], "wrong": wrong, "gold": {k: ex[k] for k in (
                "relevant", "announcement", "jobs", "investment", "companies", "cities")}, "got": out})
    metrics = {
        "relevance_precision": relevance.precision, "relevance_recall": relevance.recall,
        "relevance_f1": relevance.f1,
        "announcement_precision": announcement.precision, "announcement_recall": announcement.recall,
        "announcement_f1": announcement.f1,
        "jobs_exact": jobs_ok / gold_ann if gold_ann else 1.0,
        "investment_exact": inv_ok / gold_ann if gold_ann else 1.0,
        "cities_f1": sum(city_f1) / len(city_f1) if city_f1 else 1.0,
        "companies_f1": sum(company_f1) / len(company_f1) if company_f1 else 1.0,
    }
    return {k: round(v, 4) for k, v in metrics.items()}, mistakes
