"""Quality gate: the analysis must stay at or above the pinned floors on the labelled set.

Floors live in tests/data/analysis_floors.json, per split ("dev" is tuned against, "heldout" is
not); raise them with `python bench/update_analysis_floors.py`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from devkit.evaluation import evaluate, load_examples

DATA = Path(__file__).parent / "data"
DEVSET = DATA / "analysis_devset.jsonl"
FLOORS = DATA / "analysis_floors.json"


@cache
def _metrics(split: str) -> dict[str, float]:
    metrics, _ = evaluate(load_examples(DEVSET, split))
    return metrics


def test_devset_is_large_and_labelled() -> None:
    rows = load_examples(DEVSET)
    assert len(rows) >= 200
    required = {"id", "title", "text", "language", "relevant", "announcement", "jobs", "investment",
                "companies", "cities", "kinds"}
    for row in rows:
        assert required <= row.keys(), row["id"]
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["language"] for r in rows} == {"fr", "ar", "en"}


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_metrics_at_or_above_floors(split: str) -> None:
    floors = json.loads(FLOORS.read_text("utf-8"))[split]
    metrics = _metrics(split)
    below = {k: (metrics[k], floor) for k, floor in floors.items() if metrics[k] + 1e-9 < floor}
    assert not below, f"{split}: metrics below their floors (got, floor): {below}"


def test_seed_announcement_figures() -> None:
    seed = next(r for r in load_examples(DEVSET) if r["id"] == "seed-003")
    from analysis import analyze

    result = analyze(title=seed["title"], text=seed["text"])
    assert result.announcement and result.jobs == 5050
    assert result.investment is not None and result.investment.amount == 65_000_000
    assert set(result.companies) == {"NTT Data Morocco", "Phoneo", "Cnexia", "Eids Maroc"}
