"""Raise the real-text quality floors to what the analysis achieves now; never lower them silently.

Usage: python bench/update_real_floors.py [--allow-regression] [--dry-run]
Prints the issue's table (overall and per language) on ../shared/corpus/real-articles.jsonl.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from realtext import analyze_rows, load_corpus, score_by_language  # noqa: E402

FLOORS = ROOT / "tests" / "data" / "real_corpus_floors.json"


def _floor_of(value: float) -> float:
    """Pin just under the measured value so float noise never fails the gate."""
    return math.floor(value * 1000) / 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--allow-regression", action="store_true", help="accept lower floors")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = parser.parse_args(argv)
    rows = load_corpus()
    table = score_by_language(rows, analyze_rows(rows))
    current = json.loads(FLOORS.read_text("utf-8")) if FLOORS.exists() else {}
    regressions = []
    updated: dict[str, dict[str, float]] = {}
    for scope, figures in table.items():
        updated[scope] = {}
        for name, value in figures.items():
            before = current.get(scope, {}).get(name)
            new = _floor_of(value)
            if before is not None and new < before:
                regressions.append(f"{scope}.{name}: {before} -> {new}")
                new = new if args.allow_regression else before
            updated[scope][name] = new
            print(f"{scope:4s} {name:24s} {value:.3f}  floor {before} -> {updated[scope][name]}")
    if regressions:
        print("below the pinned floors:", *regressions, sep="\n  ")
    if not args.dry_run:
        FLOORS.write_text(json.dumps(updated, indent=2) + "\n", "utf-8")
    return 1 if regressions and not args.allow_regression else 0


if __name__ == "__main__":
    raise SystemExit(main())
