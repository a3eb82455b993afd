"""Quality gate on real published articles: the analysis must hold its pinned floors.

The corpus is read in place (`<root>/../shared/corpus/real-articles.jsonl`); under CI=true a
missing corpus fails the gate. Floors live in tests/data/real_corpus_floors.json, per language,
and only go up: `python bench/update_real_floors.py` raises them to what the code achieves.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from realtext import LANGUAGES, Row, analyze_rows, load_corpus, score_by_language, set_f1

FLOORS = Path(__file__).parent / "data" / "real_corpus_floors.json"


@cache
def _table() -> dict[str, dict[str, float]]:
    rows = load_corpus()
    return score_by_language(rows, analyze_rows(rows))


def test_the_corpus_has_every_language_and_group() -> None:
    rows = load_corpus()
    assert len(rows) >= 150
    assert {r["language"] for r in rows} == set(LANGUAGES)
    assert {r["group"] for r in rows} == {"announcement", "on_topic", "off_topic"}


@pytest.mark.parametrize("scope", ["all", *LANGUAGES])
def test_real_text_figures_hold_their_floors(scope: str) -> None:
    floors = json.loads(FLOORS.read_text("utf-8"))[scope]
    measured = _table()[scope]
    below = {k: (round(measured[k], 3), floor) for k, floor in floors.items()
             if measured[k] + 1e-9 < floor}
    assert not below, f"{scope}: real-text figures below their floors (measured, floor): {below}"


def test_floors_cover_the_whole_table() -> None:
    floors = json.loads(FLOORS.read_text("utf-8"))
    assert set(floors) == {"all", *LANGUAGES}
    for scope in floors.values():
        assert set(scope) == set(_table()["all"])


def test_scoring_counts_partial_company_names_and_ignores_accents() -> None:
    assert set_f1(["Fès"], ["Fes"]) == 1.0
    assert set_f1(["NTT Data"], ["NTT Data Morocco"], partial=True) == 1.0
    assert set_f1(["NTT Data"], ["NTT Data Morocco"]) == 0.0
    assert set_f1(["Rabat", "Salé"], ["Rabat"]) == pytest.approx(2 / 3)


def test_the_cli_stream_agrees_with_the_gate() -> None:
    """The figures the gate computes are those of `newswatch analyze --jsonl`."""
    rows: list[Row] = load_corpus()[:12]
    stream = "".join(json.dumps({"id": r["id"], "title": r["title"], "text": r["text"]},
                                ensure_ascii=False) + "\n" for r in rows)
    done = subprocess.run([sys.executable, "-m", "newswatch", "analyze", "--jsonl"], input=stream,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    printed = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    in_process = analyze_rows(rows)
    fields = ("relevant", "announcement", "jobs", "investment", "companies", "cities")
    assert [{k: p[k] for k in fields} for p in printed] == [{k: p[k] for k in fields} for p in in_process]
