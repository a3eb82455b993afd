"""Analysis on a headline alone: relevance, announcement and jobs on the real corpus's titles.

Usage: .venv/bin/python bench/bench_headlines.py [--ids]

Reads ../shared/corpus/real-articles.jsonl in place (third-party text: nothing is copied) and
analyses the `title` of every item that has one, as the headline rung does
(`analysis.headline.analyze_headline`, no snippet), against the item's labels. For
comparison it also prints the article analysis given the title as a title with an empty body,
and the headline reading without the headline-only company rule. Jobs are scored on the
labelled announcements with a figure that the reading announced: exact, wrong, or none (most
headlines that announce without a figure leave it to the article).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.headline import analyze_headline, headline_text  # noqa: E402
from analysis.model import Analysis  # noqa: E402
from analysis.pipeline import analyze  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "real-articles.jsonl"
Row = dict[str, Any]

READINGS: dict[str, Callable[[Row], Analysis]] = {
    "headline rung": lambda r: analyze_headline(title=r["title"], language=r["language"]),
    "without the company rule": lambda r: analyze(title=None, text=headline_text(r["title"]), language=r["language"]),
    "title with an empty body": lambda r: analyze(title=r["title"], text="", language=r["language"]),
}


def titled_rows(path: Path = CORPUS) -> list[Row]:
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [row for row in rows if row.get("title")]


def prf(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float | int]:
    """Precision, recall, F1 and counts of (predicted, gold) pairs; precision 1.0 when nothing
    is predicted (no false alert)."""
    tp = fp = fn = 0
    for predicted, gold in pairs:
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def score(rows: list[Row], results: list[Analysis]) -> dict[str, Any]:
    pairs = list(zip(rows, results))
    with_jobs = [(r, a) for r, a in pairs if r["announcement"] and r["jobs"] is not None and a.announcement]
    return {
        "items": len(rows),
        "relevance": prf((a.relevant, bool(r["relevant"])) for r, a in pairs),
        "announcement": prf((a.announcement, bool(r["announcement"])) for r, a in pairs),
        "jobs": {
            "exact": sum(a.jobs == r["jobs"] for r, a in with_jobs),
            "wrong": sum(a.jobs is not None and a.jobs != r["jobs"] for r, a in with_jobs),
            "none": sum(a.jobs is None for r, a in with_jobs),
        },
    }


def _line(name: str, figures: dict[str, float | int]) -> str:
    return (f"  {name:<13} P {figures['precision']:.3f}  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}"
            f"  (tp {figures['tp']}, fp {figures['fp']}, fn {figures['fn']})")


def report(title: str, table: dict[str, Any]) -> None:
    jobs = table["jobs"]
    print(f"{title}: {table['items']} titles")
    print(_line("relevance", table["relevance"]))
    print(_line("announcement", table["announcement"]))
    print(f"  jobs          {jobs['exact']} exact, {jobs['wrong']} wrong, {jobs['none']} without a figure"
          " (announced headlines whose article gives one)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", action="store_true", help="list the disagreeing ids of the headline rung")
    args = parser.parse_args(argv)
    if not CORPUS.is_file():
        print(f"error: the real corpus is missing: {CORPUS}", file=sys.stderr)
        return 1
    rows = titled_rows()
    for name, read in READINGS.items():
        results = [read(row) for row in rows]
        report(name, score(rows, results))
        if name == "headline rung":
            for language in ("fr", "ar", "en"):
                subset = [(r, a) for r, a in zip(rows, results) if r["language"] == language]
                report(f"  {language}", score([r for r, _ in subset], [a for _, a in subset]))
            if args.ids:
                wrong = [r["id"] for r, a in zip(rows, results) if a.announcement != bool(r["announcement"])]
                print("  announcement disagreements:", ", ".join(wrong))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
